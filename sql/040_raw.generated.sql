-- Written by `cchc generate` from the source declarations (src/cchc_warehouse/sources/): do not edit by hand.

-- one_stop_dossiers: Danh sách hồ sơ một cửa
create table if not exists raw.one_stop_dossiers (
    load_id bigint not null,
    file_id bigint not null,
    source_row integer not null,
    source_sheet text,
    extra jsonb,
    dossier_code text,
    unit_code_text text,
    unit_name text,
    unit_name_key text,
    procedure_code text,
    procedure_name text,
    field_name text,
    service_level_text text,
    service_level text,
    channel_text text,
    channel smallint,
    received_at_text text,
    received_at date,
    due_at_text text,
    due_at date,
    finished_at_text text,
    finished_at date,
    returned_at_text text,
    returned_at date,
    status_text text,
    status smallint,
    has_fee_text text,
    has_fee boolean,
    paid_online_text text,
    paid_online boolean,
    digitized_result_text text,
    digitized_result boolean,
    applicant_type_text text,
    applicant_type text,
    supplement_requests_text text,
    supplement_requests bigint,
    supplement_wait_days_text text,
    supplement_wait_days bigint,
    ended_at_text text,
    ended_at date,
    digitised_components_text text,
    digitised_components boolean,
    reused_data_text text,
    reused_data boolean,
    citizen_data_text text,
    citizen_data boolean,
    synced_dvcqg_text text,
    synced_dvcqg boolean
);
alter table raw.one_stop_dossiers add column if not exists dossier_code text;
alter table raw.one_stop_dossiers add column if not exists unit_code_text text;
alter table raw.one_stop_dossiers add column if not exists unit_name text;
alter table raw.one_stop_dossiers add column if not exists unit_name_key text;
alter table raw.one_stop_dossiers add column if not exists procedure_code text;
alter table raw.one_stop_dossiers add column if not exists procedure_name text;
alter table raw.one_stop_dossiers add column if not exists field_name text;
alter table raw.one_stop_dossiers add column if not exists service_level_text text;
alter table raw.one_stop_dossiers add column if not exists service_level text;
alter table raw.one_stop_dossiers add column if not exists channel_text text;
alter table raw.one_stop_dossiers add column if not exists channel smallint;
alter table raw.one_stop_dossiers add column if not exists received_at_text text;
alter table raw.one_stop_dossiers add column if not exists received_at date;
alter table raw.one_stop_dossiers add column if not exists due_at_text text;
alter table raw.one_stop_dossiers add column if not exists due_at date;
alter table raw.one_stop_dossiers add column if not exists finished_at_text text;
alter table raw.one_stop_dossiers add column if not exists finished_at date;
alter table raw.one_stop_dossiers add column if not exists returned_at_text text;
alter table raw.one_stop_dossiers add column if not exists returned_at date;
alter table raw.one_stop_dossiers add column if not exists status_text text;
alter table raw.one_stop_dossiers add column if not exists status smallint;
alter table raw.one_stop_dossiers add column if not exists has_fee_text text;
alter table raw.one_stop_dossiers add column if not exists has_fee boolean;
alter table raw.one_stop_dossiers add column if not exists paid_online_text text;
alter table raw.one_stop_dossiers add column if not exists paid_online boolean;
alter table raw.one_stop_dossiers add column if not exists digitized_result_text text;
alter table raw.one_stop_dossiers add column if not exists digitized_result boolean;
alter table raw.one_stop_dossiers add column if not exists applicant_type_text text;
alter table raw.one_stop_dossiers add column if not exists applicant_type text;
alter table raw.one_stop_dossiers add column if not exists supplement_requests_text text;
alter table raw.one_stop_dossiers add column if not exists supplement_requests bigint;
alter table raw.one_stop_dossiers add column if not exists supplement_wait_days_text text;
alter table raw.one_stop_dossiers add column if not exists supplement_wait_days bigint;
alter table raw.one_stop_dossiers add column if not exists ended_at_text text;
alter table raw.one_stop_dossiers add column if not exists ended_at date;
alter table raw.one_stop_dossiers add column if not exists digitised_components_text text;
alter table raw.one_stop_dossiers add column if not exists digitised_components boolean;
alter table raw.one_stop_dossiers add column if not exists reused_data_text text;
alter table raw.one_stop_dossiers add column if not exists reused_data boolean;
alter table raw.one_stop_dossiers add column if not exists citizen_data_text text;
alter table raw.one_stop_dossiers add column if not exists citizen_data boolean;
alter table raw.one_stop_dossiers add column if not exists synced_dvcqg_text text;
alter table raw.one_stop_dossiers add column if not exists synced_dvcqg boolean;
create index if not exists one_stop_dossiers_file_brin on raw.one_stop_dossiers using brin (file_id) with (pages_per_range = 32);
create index if not exists one_stop_dossiers_dossier_code_idx on raw.one_stop_dossiers (dossier_code);
comment on table raw.one_stop_dossiers is 'Danh sách hồ sơ một cửa (như trong tệp, kèm giá trị đã đọc) / Dossier listings of the one-stop software: one row per dossier in the state the export shows.';
comment on column raw.one_stop_dossiers.dossier_code is '''Mã hồ sơ'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.unit_code_text is '''Mã đơn vị'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.unit_name is '''Đơn vị xử lý'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.unit_name_key is '''Đơn vị xử lý'' đã đọc (unit_name_key) / read';
comment on column raw.one_stop_dossiers.procedure_code is '''Mã TTHC'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.procedure_name is '''Tên TTHC'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.field_name is '''Lĩnh vực'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.service_level_text is '''Mức độ'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.service_level is '''Mức độ'' đã đọc (service_level) / read';
comment on column raw.one_stop_dossiers.channel_text is '''Kênh nộp'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.channel is '''Kênh nộp'' đã đọc (channel) / read';
comment on column raw.one_stop_dossiers.received_at_text is '''Ngày tiếp nhận'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.received_at is '''Ngày tiếp nhận'' đã đọc (date) / read';
comment on column raw.one_stop_dossiers.due_at_text is '''Ngày hẹn trả'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.due_at is '''Ngày hẹn trả'' đã đọc (date) / read';
comment on column raw.one_stop_dossiers.finished_at_text is '''Ngày kết thúc xử lý'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.finished_at is '''Ngày kết thúc xử lý'' đã đọc (date) / read';
comment on column raw.one_stop_dossiers.returned_at_text is '''Ngày trả kết quả'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.returned_at is '''Ngày trả kết quả'' đã đọc (date) / read';
comment on column raw.one_stop_dossiers.status_text is '''Trạng thái'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.status is '''Trạng thái'' đã đọc (dossier_status) / read';
comment on column raw.one_stop_dossiers.has_fee_text is '''Có phí, lệ phí'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.has_fee is '''Có phí, lệ phí'' đã đọc (yes_no) / read';
comment on column raw.one_stop_dossiers.paid_online_text is '''Thanh toán trực tuyến'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.paid_online is '''Thanh toán trực tuyến'' đã đọc (yes_no) / read';
comment on column raw.one_stop_dossiers.digitized_result_text is '''Số hóa kết quả'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.digitized_result is '''Số hóa kết quả'' đã đọc (yes_no) / read';
comment on column raw.one_stop_dossiers.applicant_type_text is '''Đối tượng'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.applicant_type is '''Đối tượng'' đã đọc (applicant_type) / read';
comment on column raw.one_stop_dossiers.supplement_requests_text is '''Số lần yêu cầu bổ sung'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.supplement_requests is '''Số lần yêu cầu bổ sung'' đã đọc (count) / read';
comment on column raw.one_stop_dossiers.supplement_wait_days_text is '''Số ngày chờ bổ sung'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.supplement_wait_days is '''Số ngày chờ bổ sung'' đã đọc (count) / read';
comment on column raw.one_stop_dossiers.ended_at_text is '''Ngày dừng, rút, từ chối'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.ended_at is '''Ngày dừng, rút, từ chối'' đã đọc (date) / read';
comment on column raw.one_stop_dossiers.digitised_components_text is '''Số hóa thành phần hồ sơ'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.digitised_components is '''Số hóa thành phần hồ sơ'' đã đọc (yes_no) / read';
comment on column raw.one_stop_dossiers.reused_data_text is '''Tái sử dụng dữ liệu số hóa'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.reused_data is '''Tái sử dụng dữ liệu số hóa'' đã đọc (yes_no) / read';
comment on column raw.one_stop_dossiers.citizen_data_text is '''Sử dụng dữ liệu dân cư'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.citizen_data is '''Sử dụng dữ liệu dân cư'' đã đọc (yes_no) / read';
comment on column raw.one_stop_dossiers.synced_dvcqg_text is '''Đồng bộ DVCQG'' như trong tệp / as received';
comment on column raw.one_stop_dossiers.synced_dvcqg is '''Đồng bộ DVCQG'' đã đọc (yes_no) / read';
create or replace view raw.one_stop_dossiers_typed as
select r.file_id,
       r.load_id,
       r.source_row,
       r.source_sheet,
       f.period_month,
       u.unit_code as unit_code,
       u.resolution as unit_resolution,
       u.note as unit_note,
       u.unit_code as coverage_unit,
       f.period_month as coverage_period,
       date_trunc('month', coalesce(r.received_at, f.period_month))::date as affects_from,
       r.extra,
       r.dossier_code,
       r.unit_code_text,
       r.unit_name,
       r.unit_name_key,
       r.procedure_code,
       r.procedure_name,
       r.field_name,
       r.service_level_text,
       r.service_level,
       r.channel_text,
       r.channel,
       r.received_at_text,
       r.received_at,
       r.due_at_text,
       r.due_at,
       r.finished_at_text,
       r.finished_at,
       r.returned_at_text,
       r.returned_at,
       r.status_text,
       r.status,
       r.has_fee_text,
       r.has_fee,
       r.paid_online_text,
       r.paid_online,
       r.digitized_result_text,
       r.digitized_result,
       r.applicant_type_text,
       r.applicant_type,
       r.supplement_requests_text,
       r.supplement_requests,
       r.supplement_wait_days_text,
       r.supplement_wait_days,
       r.ended_at_text,
       r.ended_at,
       r.digitised_components_text,
       r.digitised_components,
       r.reused_data_text,
       r.reused_data,
       r.citizen_data_text,
       r.citizen_data,
       r.synced_dvcqg_text,
       r.synced_dvcqg
  from raw.one_stop_dossiers r
  join audit.source_file f on f.file_id = r.file_id
  left join audit.file_unit u on u.file_id = r.file_id and u.code_text = coalesce(r.unit_code_text, '') and u.name_key = coalesce(r.unit_name_key, '');
comment on view raw.one_stop_dossiers_typed is 'Danh sách hồ sơ một cửa: dòng của tệp, kỳ của tệp, đơn vị đã xác định / rows, file period, unit resolved';

-- one_stop_summary: Biểu 06/VPCP/KSTT: tình hình giải quyết TTHC
create table if not exists raw.one_stop_summary (
    load_id bigint not null,
    file_id bigint not null,
    source_row integer not null,
    source_sheet text,
    extra jsonb,
    total_label text,
    seq text,
    field_name text,
    unit_code_text text,
    unit_name text,
    unit_name_key text,
    received_total_text text,
    received_total bigint,
    received_online_text text,
    received_online bigint,
    received_direct_text text,
    received_direct bigint,
    carried_over_text text,
    carried_over bigint,
    resolved_total_text text,
    resolved_total bigint,
    resolved_early_text text,
    resolved_early bigint,
    resolved_on_time_text text,
    resolved_on_time bigint,
    resolved_late_text text,
    resolved_late bigint,
    pending_total_text text,
    pending_total bigint,
    pending_within_text text,
    pending_within bigint,
    pending_overdue_text text,
    pending_overdue bigint
);
alter table raw.one_stop_summary add column if not exists total_label text;
alter table raw.one_stop_summary add column if not exists seq text;
alter table raw.one_stop_summary add column if not exists field_name text;
alter table raw.one_stop_summary add column if not exists unit_code_text text;
alter table raw.one_stop_summary add column if not exists unit_name text;
alter table raw.one_stop_summary add column if not exists unit_name_key text;
alter table raw.one_stop_summary add column if not exists received_total_text text;
alter table raw.one_stop_summary add column if not exists received_total bigint;
alter table raw.one_stop_summary add column if not exists received_online_text text;
alter table raw.one_stop_summary add column if not exists received_online bigint;
alter table raw.one_stop_summary add column if not exists received_direct_text text;
alter table raw.one_stop_summary add column if not exists received_direct bigint;
alter table raw.one_stop_summary add column if not exists carried_over_text text;
alter table raw.one_stop_summary add column if not exists carried_over bigint;
alter table raw.one_stop_summary add column if not exists resolved_total_text text;
alter table raw.one_stop_summary add column if not exists resolved_total bigint;
alter table raw.one_stop_summary add column if not exists resolved_early_text text;
alter table raw.one_stop_summary add column if not exists resolved_early bigint;
alter table raw.one_stop_summary add column if not exists resolved_on_time_text text;
alter table raw.one_stop_summary add column if not exists resolved_on_time bigint;
alter table raw.one_stop_summary add column if not exists resolved_late_text text;
alter table raw.one_stop_summary add column if not exists resolved_late bigint;
alter table raw.one_stop_summary add column if not exists pending_total_text text;
alter table raw.one_stop_summary add column if not exists pending_total bigint;
alter table raw.one_stop_summary add column if not exists pending_within_text text;
alter table raw.one_stop_summary add column if not exists pending_within bigint;
alter table raw.one_stop_summary add column if not exists pending_overdue_text text;
alter table raw.one_stop_summary add column if not exists pending_overdue bigint;
create index if not exists one_stop_summary_file_brin on raw.one_stop_summary using brin (file_id) with (pages_per_range = 32);
comment on table raw.one_stop_summary is 'Biểu 06/VPCP/KSTT: tình hình giải quyết TTHC (như trong tệp, kèm giá trị đã đọc) / Biểu 06/VPCP/KSTT forms: one row per field (lĩnh vực) and the total row, columns (3)-(13).';
comment on column raw.one_stop_summary.total_label is 'nhãn dòng tổng cộng (ở bất kỳ cột nào) / label of the total row';
comment on column raw.one_stop_summary.seq is '''STT'' như trong tệp / as received';
comment on column raw.one_stop_summary.field_name is '''Lĩnh vực'' như trong tệp / as received';
comment on column raw.one_stop_summary.unit_code_text is '''Mã đơn vị'' như trong tệp / as received';
comment on column raw.one_stop_summary.unit_name is '''Tên đơn vị'' như trong tệp / as received';
comment on column raw.one_stop_summary.unit_name_key is '''Tên đơn vị'' đã đọc (unit_name_key) / read';
comment on column raw.one_stop_summary.received_total_text is '''Số hồ sơ nhận giải quyết / Tổng số'' như trong tệp / as received';
comment on column raw.one_stop_summary.received_total is '''Số hồ sơ nhận giải quyết / Tổng số'' đã đọc (count) / read';
comment on column raw.one_stop_summary.received_online_text is '''Số hồ sơ nhận giải quyết / Trực tuyến'' như trong tệp / as received';
comment on column raw.one_stop_summary.received_online is '''Số hồ sơ nhận giải quyết / Trực tuyến'' đã đọc (count) / read';
comment on column raw.one_stop_summary.received_direct_text is '''Số hồ sơ nhận giải quyết / Trực tiếp, dịch vụ bưu chính'' như trong tệp / as received';
comment on column raw.one_stop_summary.received_direct is '''Số hồ sơ nhận giải quyết / Trực tiếp, dịch vụ bưu chính'' đã đọc (count) / read';
comment on column raw.one_stop_summary.carried_over_text is '''Số hồ sơ nhận giải quyết / Từ kỳ trước'' như trong tệp / as received';
comment on column raw.one_stop_summary.carried_over is '''Số hồ sơ nhận giải quyết / Từ kỳ trước'' đã đọc (count) / read';
comment on column raw.one_stop_summary.resolved_total_text is '''Số hồ sơ đã giải quyết / Tổng số'' như trong tệp / as received';
comment on column raw.one_stop_summary.resolved_total is '''Số hồ sơ đã giải quyết / Tổng số'' đã đọc (count) / read';
comment on column raw.one_stop_summary.resolved_early_text is '''Số hồ sơ đã giải quyết / Trước hạn'' như trong tệp / as received';
comment on column raw.one_stop_summary.resolved_early is '''Số hồ sơ đã giải quyết / Trước hạn'' đã đọc (count) / read';
comment on column raw.one_stop_summary.resolved_on_time_text is '''Số hồ sơ đã giải quyết / Đúng hạn'' như trong tệp / as received';
comment on column raw.one_stop_summary.resolved_on_time is '''Số hồ sơ đã giải quyết / Đúng hạn'' đã đọc (count) / read';
comment on column raw.one_stop_summary.resolved_late_text is '''Số hồ sơ đã giải quyết / Quá hạn'' như trong tệp / as received';
comment on column raw.one_stop_summary.resolved_late is '''Số hồ sơ đã giải quyết / Quá hạn'' đã đọc (count) / read';
comment on column raw.one_stop_summary.pending_total_text is '''Số hồ sơ đang giải quyết / Tổng số'' như trong tệp / as received';
comment on column raw.one_stop_summary.pending_total is '''Số hồ sơ đang giải quyết / Tổng số'' đã đọc (count) / read';
comment on column raw.one_stop_summary.pending_within_text is '''Số hồ sơ đang giải quyết / Trong hạn'' như trong tệp / as received';
comment on column raw.one_stop_summary.pending_within is '''Số hồ sơ đang giải quyết / Trong hạn'' đã đọc (count) / read';
comment on column raw.one_stop_summary.pending_overdue_text is '''Số hồ sơ đang giải quyết / Quá hạn'' như trong tệp / as received';
comment on column raw.one_stop_summary.pending_overdue is '''Số hồ sơ đang giải quyết / Quá hạn'' đã đọc (count) / read';
create or replace view raw.one_stop_summary_typed as
select r.file_id,
       r.load_id,
       r.source_row,
       r.source_sheet,
       f.period_month,
       u.unit_code as unit_code,
       u.resolution as unit_resolution,
       u.note as unit_note,
       u.unit_code as coverage_unit,
       f.period_month as coverage_period,
       f.period_month as affects_from,
       r.total_label is not null as is_total,
       coalesce(r.field_name, r.total_label) as row_label,
       r.extra,
       r.total_label,
       r.seq,
       r.field_name,
       r.unit_code_text,
       r.unit_name,
       r.unit_name_key,
       r.received_total_text,
       r.received_total,
       r.received_online_text,
       r.received_online,
       r.received_direct_text,
       r.received_direct,
       r.carried_over_text,
       r.carried_over,
       r.resolved_total_text,
       r.resolved_total,
       r.resolved_early_text,
       r.resolved_early,
       r.resolved_on_time_text,
       r.resolved_on_time,
       r.resolved_late_text,
       r.resolved_late,
       r.pending_total_text,
       r.pending_total,
       r.pending_within_text,
       r.pending_within,
       r.pending_overdue_text,
       r.pending_overdue
  from raw.one_stop_summary r
  join audit.source_file f on f.file_id = r.file_id
  left join audit.file_unit u on u.file_id = r.file_id and u.code_text = coalesce(r.unit_code_text, '') and u.name_key = coalesce(r.unit_name_key, '');
comment on view raw.one_stop_summary_typed is 'Biểu 06/VPCP/KSTT: tình hình giải quyết TTHC: dòng của tệp, kỳ của tệp, đơn vị đã xác định / rows, file period, unit resolved';

-- esign_stats: Thống kê văn bản điện tử, chữ ký số
create table if not exists raw.esign_stats (
    load_id bigint not null,
    file_id bigint not null,
    source_row integer not null,
    source_sheet text,
    extra jsonb,
    unit_code_text text,
    unit_name text,
    unit_name_key text,
    period_text text,
    period date,
    outgoing_total_text text,
    outgoing_total bigint,
    outgoing_signed_text text,
    outgoing_signed bigint,
    incoming_total_text text,
    incoming_total bigint,
    incoming_electronic_text text,
    incoming_electronic bigint,
    workfiles_total_text text,
    workfiles_total bigint,
    workfiles_online_text text,
    workfiles_online bigint
);
alter table raw.esign_stats add column if not exists unit_code_text text;
alter table raw.esign_stats add column if not exists unit_name text;
alter table raw.esign_stats add column if not exists unit_name_key text;
alter table raw.esign_stats add column if not exists period_text text;
alter table raw.esign_stats add column if not exists period date;
alter table raw.esign_stats add column if not exists outgoing_total_text text;
alter table raw.esign_stats add column if not exists outgoing_total bigint;
alter table raw.esign_stats add column if not exists outgoing_signed_text text;
alter table raw.esign_stats add column if not exists outgoing_signed bigint;
alter table raw.esign_stats add column if not exists incoming_total_text text;
alter table raw.esign_stats add column if not exists incoming_total bigint;
alter table raw.esign_stats add column if not exists incoming_electronic_text text;
alter table raw.esign_stats add column if not exists incoming_electronic bigint;
alter table raw.esign_stats add column if not exists workfiles_total_text text;
alter table raw.esign_stats add column if not exists workfiles_total bigint;
alter table raw.esign_stats add column if not exists workfiles_online_text text;
alter table raw.esign_stats add column if not exists workfiles_online bigint;
create index if not exists esign_stats_file_brin on raw.esign_stats using brin (file_id) with (pages_per_range = 32);
comment on table raw.esign_stats is 'Thống kê văn bản điện tử, chữ ký số (như trong tệp, kèm giá trị đã đọc) / Document-management statistics: outgoing, incoming and work files per unit and month.';
comment on column raw.esign_stats.unit_code_text is '''Mã đơn vị'' như trong tệp / as received';
comment on column raw.esign_stats.unit_name is '''Đơn vị'' như trong tệp / as received';
comment on column raw.esign_stats.unit_name_key is '''Đơn vị'' đã đọc (unit_name_key) / read';
comment on column raw.esign_stats.period_text is '''Kỳ báo cáo'' như trong tệp / as received';
comment on column raw.esign_stats.period is '''Kỳ báo cáo'' đã đọc (month) / read';
comment on column raw.esign_stats.outgoing_total_text is '''Tổng số văn bản đi'' như trong tệp / as received';
comment on column raw.esign_stats.outgoing_total is '''Tổng số văn bản đi'' đã đọc (count) / read';
comment on column raw.esign_stats.outgoing_signed_text is '''Văn bản đi được ký số'' như trong tệp / as received';
comment on column raw.esign_stats.outgoing_signed is '''Văn bản đi được ký số'' đã đọc (count) / read';
comment on column raw.esign_stats.incoming_total_text is '''Tổng số văn bản đến'' như trong tệp / as received';
comment on column raw.esign_stats.incoming_total is '''Tổng số văn bản đến'' đã đọc (count) / read';
comment on column raw.esign_stats.incoming_electronic_text is '''Văn bản đến điện tử'' như trong tệp / as received';
comment on column raw.esign_stats.incoming_electronic is '''Văn bản đến điện tử'' đã đọc (count) / read';
comment on column raw.esign_stats.workfiles_total_text is '''Tổng số hồ sơ công việc'' như trong tệp / as received';
comment on column raw.esign_stats.workfiles_total is '''Tổng số hồ sơ công việc'' đã đọc (count) / read';
comment on column raw.esign_stats.workfiles_online_text is '''Hồ sơ công việc xử lý trên mạng'' như trong tệp / as received';
comment on column raw.esign_stats.workfiles_online is '''Hồ sơ công việc xử lý trên mạng'' đã đọc (count) / read';
create or replace view raw.esign_stats_typed as
select r.file_id,
       r.load_id,
       r.source_row,
       r.source_sheet,
       f.period_month,
       u.unit_code as unit_code,
       u.resolution as unit_resolution,
       u.note as unit_note,
       u.unit_code as coverage_unit,
       coalesce(r.period, f.period_month) as coverage_period,
       coalesce(r.period, f.period_month) as affects_from,
       r.extra,
       r.unit_code_text,
       r.unit_name,
       r.unit_name_key,
       r.period_text,
       r.period,
       r.outgoing_total_text,
       r.outgoing_total,
       r.outgoing_signed_text,
       r.outgoing_signed,
       r.incoming_total_text,
       r.incoming_total,
       r.incoming_electronic_text,
       r.incoming_electronic,
       r.workfiles_total_text,
       r.workfiles_total,
       r.workfiles_online_text,
       r.workfiles_online
  from raw.esign_stats r
  join audit.source_file f on f.file_id = r.file_id
  left join audit.file_unit u on u.file_id = r.file_id and u.code_text = coalesce(r.unit_code_text, '') and u.name_key = coalesce(r.unit_name_key, '');
comment on view raw.esign_stats_typed is 'Thống kê văn bản điện tử, chữ ký số: dòng của tệp, kỳ của tệp, đơn vị đã xác định / rows, file period, unit resolved';

-- sipas_survey: Phiếu khảo sát mức độ hài lòng (SIPAS)
create table if not exists raw.sipas_survey (
    load_id bigint not null,
    file_id bigint not null,
    source_row integer not null,
    source_sheet text,
    extra jsonb,
    answers_text jsonb,
    answers jsonb,
    response_id text,
    surveyed_on_text text,
    surveyed_on date,
    unit_code_text text,
    unit_name text,
    unit_name_key text,
    field_name text,
    respondent_type_text text,
    respondent_type text
);
alter table raw.sipas_survey add column if not exists answers_text jsonb;
alter table raw.sipas_survey add column if not exists answers jsonb;
alter table raw.sipas_survey add column if not exists response_id text;
alter table raw.sipas_survey add column if not exists surveyed_on_text text;
alter table raw.sipas_survey add column if not exists surveyed_on date;
alter table raw.sipas_survey add column if not exists unit_code_text text;
alter table raw.sipas_survey add column if not exists unit_name text;
alter table raw.sipas_survey add column if not exists unit_name_key text;
alter table raw.sipas_survey add column if not exists field_name text;
alter table raw.sipas_survey add column if not exists respondent_type_text text;
alter table raw.sipas_survey add column if not exists respondent_type text;
create index if not exists sipas_survey_file_brin on raw.sipas_survey using brin (file_id) with (pages_per_range = 32);
comment on table raw.sipas_survey is 'Phiếu khảo sát mức độ hài lòng (SIPAS) (như trong tệp, kèm giá trị đã đọc) / Satisfaction-survey responses: one row per respondent, answers per question (1-5).';
comment on column raw.sipas_survey.answers_text is 'answers: câu hỏi -> văn bản như trong tệp / question -> text';
comment on column raw.sipas_survey.answers is 'answers: câu hỏi -> giá trị đã đọc / question -> value';
comment on column raw.sipas_survey.response_id is '''Mã phiếu'' như trong tệp / as received';
comment on column raw.sipas_survey.surveyed_on_text is '''Ngày khảo sát'' như trong tệp / as received';
comment on column raw.sipas_survey.surveyed_on is '''Ngày khảo sát'' đã đọc (date) / read';
comment on column raw.sipas_survey.unit_code_text is '''Mã đơn vị'' như trong tệp / as received';
comment on column raw.sipas_survey.unit_name is '''Tên đơn vị'' như trong tệp / as received';
comment on column raw.sipas_survey.unit_name_key is '''Tên đơn vị'' đã đọc (unit_name_key) / read';
comment on column raw.sipas_survey.field_name is '''Lĩnh vực'' như trong tệp / as received';
comment on column raw.sipas_survey.respondent_type_text is '''Đối tượng'' như trong tệp / as received';
comment on column raw.sipas_survey.respondent_type is '''Đối tượng'' đã đọc (applicant_type) / read';
create or replace view raw.sipas_survey_typed as
select r.file_id,
       r.load_id,
       r.source_row,
       r.source_sheet,
       f.period_month,
       u.unit_code as unit_code,
       u.resolution as unit_resolution,
       u.note as unit_note,
       u.unit_code as coverage_unit,
       f.period_month as coverage_period,
       date_trunc('month', coalesce(r.surveyed_on, f.period_month))::date as affects_from,
       r.extra,
       r.answers_text,
       r.answers,
       r.response_id,
       r.surveyed_on_text,
       r.surveyed_on,
       r.unit_code_text,
       r.unit_name,
       r.unit_name_key,
       r.field_name,
       r.respondent_type_text,
       r.respondent_type
  from raw.sipas_survey r
  join audit.source_file f on f.file_id = r.file_id
  left join audit.file_unit u on u.file_id = r.file_id and u.code_text = coalesce(r.unit_code_text, '') and u.name_key = coalesce(r.unit_name_key, '');
comment on view raw.sipas_survey_typed is 'Phiếu khảo sát mức độ hài lòng (SIPAS): dòng của tệp, kỳ của tệp, đơn vị đã xác định / rows, file period, unit resolved';

-- plan_tasks: Kế hoạch CCHC và tiến độ thực hiện
create table if not exists raw.plan_tasks (
    load_id bigint not null,
    file_id bigint not null,
    source_row integer not null,
    source_sheet text,
    extra jsonb,
    year_text text,
    year integer,
    task_code text,
    task_name text,
    area text,
    unit_code_text text,
    deadline_text text,
    deadline date,
    status_text text,
    status text,
    done_on_text text,
    done_on date,
    report_date_text text,
    report_date date
);
alter table raw.plan_tasks add column if not exists year_text text;
alter table raw.plan_tasks add column if not exists year integer;
alter table raw.plan_tasks add column if not exists task_code text;
alter table raw.plan_tasks add column if not exists task_name text;
alter table raw.plan_tasks add column if not exists area text;
alter table raw.plan_tasks add column if not exists unit_code_text text;
alter table raw.plan_tasks add column if not exists deadline_text text;
alter table raw.plan_tasks add column if not exists deadline date;
alter table raw.plan_tasks add column if not exists status_text text;
alter table raw.plan_tasks add column if not exists status text;
alter table raw.plan_tasks add column if not exists done_on_text text;
alter table raw.plan_tasks add column if not exists done_on date;
alter table raw.plan_tasks add column if not exists report_date_text text;
alter table raw.plan_tasks add column if not exists report_date date;
create index if not exists plan_tasks_file_brin on raw.plan_tasks using brin (file_id) with (pages_per_range = 32);
comment on table raw.plan_tasks is 'Kế hoạch CCHC và tiến độ thực hiện (như trong tệp, kèm giá trị đã đọc) / The year''s CCHC plan: one row per task with its progress as of the report date.';
comment on column raw.plan_tasks.year_text is '''Năm'' như trong tệp / as received';
comment on column raw.plan_tasks.year is '''Năm'' đã đọc (year) / read';
comment on column raw.plan_tasks.task_code is '''STT'' như trong tệp / as received';
comment on column raw.plan_tasks.task_name is '''Nhiệm vụ'' như trong tệp / as received';
comment on column raw.plan_tasks.area is '''Lĩnh vực'' như trong tệp / as received';
comment on column raw.plan_tasks.unit_code_text is '''Đơn vị chủ trì'' như trong tệp / as received';
comment on column raw.plan_tasks.deadline_text is '''Thời hạn hoàn thành'' như trong tệp / as received';
comment on column raw.plan_tasks.deadline is '''Thời hạn hoàn thành'' đã đọc (deadline) / read';
comment on column raw.plan_tasks.status_text is '''Kết quả thực hiện'' như trong tệp / as received';
comment on column raw.plan_tasks.status is '''Kết quả thực hiện'' đã đọc (plan_status) / read';
comment on column raw.plan_tasks.done_on_text is '''Ngày hoàn thành'' như trong tệp / as received';
comment on column raw.plan_tasks.done_on is '''Ngày hoàn thành'' đã đọc (date) / read';
comment on column raw.plan_tasks.report_date_text is '''Ngày báo cáo'' như trong tệp / as received';
comment on column raw.plan_tasks.report_date is '''Ngày báo cáo'' đã đọc (date) / read';
create or replace view raw.plan_tasks_typed as
select r.file_id,
       r.load_id,
       r.source_row,
       r.source_sheet,
       f.period_month,
       u.unit_code as unit_code,
       u.resolution as unit_resolution,
       u.note as unit_note,
       null::text as coverage_unit,
       f.period_month as coverage_period,
       f.period_month as affects_from,
       r.extra,
       r.year_text,
       r.year,
       r.task_code,
       r.task_name,
       r.area,
       r.unit_code_text,
       r.deadline_text,
       r.deadline,
       r.status_text,
       r.status,
       r.done_on_text,
       r.done_on,
       r.report_date_text,
       r.report_date
  from raw.plan_tasks r
  join audit.source_file f on f.file_id = r.file_id
  left join audit.file_unit u on u.file_id = r.file_id and u.code_text = coalesce(r.unit_code_text, '') and u.name_key = '';
comment on view raw.plan_tasks_typed is 'Kế hoạch CCHC và tiến độ thực hiện: dòng của tệp, kỳ của tệp, đơn vị đã xác định / rows, file period, unit resolved';

-- par_scores: Bảng điểm Chỉ số CCHC
create table if not exists raw.par_scores (
    load_id bigint not null,
    file_id bigint not null,
    source_row integer not null,
    source_sheet text,
    extra jsonb,
    unit_code_text text,
    unit_name text,
    unit_name_key text,
    year_text text,
    year integer,
    criterion_code_text text,
    criterion_code text,
    criterion_name text,
    max_points_text text,
    max_points numeric,
    self_points_text text,
    self_points numeric,
    appraised_points_text text,
    appraised_points numeric,
    survey_points_text text,
    survey_points numeric,
    note text,
    not_applicable boolean
);
alter table raw.par_scores add column if not exists unit_code_text text;
alter table raw.par_scores add column if not exists unit_name text;
alter table raw.par_scores add column if not exists unit_name_key text;
alter table raw.par_scores add column if not exists year_text text;
alter table raw.par_scores add column if not exists year integer;
alter table raw.par_scores add column if not exists criterion_code_text text;
alter table raw.par_scores add column if not exists criterion_code text;
alter table raw.par_scores add column if not exists criterion_name text;
alter table raw.par_scores add column if not exists max_points_text text;
alter table raw.par_scores add column if not exists max_points numeric;
alter table raw.par_scores add column if not exists self_points_text text;
alter table raw.par_scores add column if not exists self_points numeric;
alter table raw.par_scores add column if not exists appraised_points_text text;
alter table raw.par_scores add column if not exists appraised_points numeric;
alter table raw.par_scores add column if not exists survey_points_text text;
alter table raw.par_scores add column if not exists survey_points numeric;
alter table raw.par_scores add column if not exists note text;
alter table raw.par_scores add column if not exists not_applicable boolean;
create index if not exists par_scores_file_brin on raw.par_scores using brin (file_id) with (pages_per_range = 32);
comment on table raw.par_scores is 'Bảng điểm Chỉ số CCHC (như trong tệp, kèm giá trị đã đọc) / PAR-index scoring sheets: one row per criterion of a unit''s sheet for a year.';
comment on column raw.par_scores.unit_code_text is '''Mã đơn vị'' như trong tệp / as received';
comment on column raw.par_scores.unit_name is '''Tên đơn vị'' như trong tệp / as received';
comment on column raw.par_scores.unit_name_key is '''Tên đơn vị'' đã đọc (unit_name_key) / read';
comment on column raw.par_scores.year_text is '''Năm'' như trong tệp / as received';
comment on column raw.par_scores.year is '''Năm'' đã đọc (year) / read';
comment on column raw.par_scores.criterion_code_text is '''STT'' như trong tệp / as received';
comment on column raw.par_scores.criterion_code is '''STT'' đã đọc (criterion_code) / read';
comment on column raw.par_scores.criterion_name is '''Tiêu chí'' như trong tệp / as received';
comment on column raw.par_scores.max_points_text is '''Điểm tối đa'' như trong tệp / as received';
comment on column raw.par_scores.max_points is '''Điểm tối đa'' đã đọc (decimal) / read';
comment on column raw.par_scores.self_points_text is '''Điểm tự đánh giá'' như trong tệp / as received';
comment on column raw.par_scores.self_points is '''Điểm tự đánh giá'' đã đọc (decimal) / read';
comment on column raw.par_scores.appraised_points_text is '''Điểm thẩm định'' như trong tệp / as received';
comment on column raw.par_scores.appraised_points is '''Điểm thẩm định'' đã đọc (decimal) / read';
comment on column raw.par_scores.survey_points_text is '''Điểm điều tra XHH'' như trong tệp / as received';
comment on column raw.par_scores.survey_points is '''Điểm điều tra XHH'' đã đọc (decimal) / read';
comment on column raw.par_scores.note is '''Ghi chú'' như trong tệp / as received';
comment on column raw.par_scores.not_applicable is '''Ghi chú'' đã đọc (not_applicable) / read';
create or replace view raw.par_scores_typed as
select r.file_id,
       r.load_id,
       r.source_row,
       r.source_sheet,
       f.period_month,
       u.unit_code as unit_code,
       u.resolution as unit_resolution,
       u.note as unit_note,
       u.unit_code as coverage_unit,
       f.period_month as coverage_period,
       f.period_month as affects_from,
       r.extra,
       r.unit_code_text,
       r.unit_name,
       r.unit_name_key,
       r.year_text,
       r.year,
       r.criterion_code_text,
       r.criterion_code,
       r.criterion_name,
       r.max_points_text,
       r.max_points,
       r.self_points_text,
       r.self_points,
       r.appraised_points_text,
       r.appraised_points,
       r.survey_points_text,
       r.survey_points,
       r.note,
       r.not_applicable
  from raw.par_scores r
  join audit.source_file f on f.file_id = r.file_id
  left join audit.file_unit u on u.file_id = r.file_id and u.code_text = coalesce(r.unit_code_text, '') and u.name_key = coalesce(r.unit_name_key, '');
comment on view raw.par_scores_typed is 'Bảng điểm Chỉ số CCHC: dòng của tệp, kỳ của tệp, đơn vị đã xác định / rows, file period, unit resolved';

-- par_national: Kết quả Chỉ số CCHC các tỉnh (công bố)
create table if not exists raw.par_national (
    load_id bigint not null,
    file_id bigint not null,
    source_row integer not null,
    source_sheet text,
    extra jsonb,
    year_text text,
    year integer,
    province_code_text text,
    province_name text,
    province_name_key text,
    appraisal_points_text text,
    appraisal_points numeric,
    sipas_points_text text,
    sipas_points numeric,
    leader_survey_points_text text,
    leader_survey_points numeric,
    impact_points_text text,
    impact_points numeric,
    index_value_text text,
    index_value numeric,
    rank_text text,
    rank bigint
);
alter table raw.par_national add column if not exists year_text text;
alter table raw.par_national add column if not exists year integer;
alter table raw.par_national add column if not exists province_code_text text;
alter table raw.par_national add column if not exists province_name text;
alter table raw.par_national add column if not exists province_name_key text;
alter table raw.par_national add column if not exists appraisal_points_text text;
alter table raw.par_national add column if not exists appraisal_points numeric;
alter table raw.par_national add column if not exists sipas_points_text text;
alter table raw.par_national add column if not exists sipas_points numeric;
alter table raw.par_national add column if not exists leader_survey_points_text text;
alter table raw.par_national add column if not exists leader_survey_points numeric;
alter table raw.par_national add column if not exists impact_points_text text;
alter table raw.par_national add column if not exists impact_points numeric;
alter table raw.par_national add column if not exists index_value_text text;
alter table raw.par_national add column if not exists index_value numeric;
alter table raw.par_national add column if not exists rank_text text;
alter table raw.par_national add column if not exists rank bigint;
create index if not exists par_national_file_brin on raw.par_national using brin (file_id) with (pages_per_range = 32);
comment on table raw.par_national is 'Kết quả Chỉ số CCHC các tỉnh (công bố) (như trong tệp, kèm giá trị đã đọc) / Published national PAR/SIPAS results: one row per province and year, as published.';
comment on column raw.par_national.year_text is '''Năm'' như trong tệp / as received';
comment on column raw.par_national.year is '''Năm'' đã đọc (year) / read';
comment on column raw.par_national.province_code_text is '''Mã tỉnh'' như trong tệp / as received';
comment on column raw.par_national.province_name is '''Tỉnh/Thành phố'' như trong tệp / as received';
comment on column raw.par_national.province_name_key is '''Tỉnh/Thành phố'' đã đọc (unit_name_key) / read';
comment on column raw.par_national.appraisal_points_text is '''Điểm thẩm định'' như trong tệp / as received';
comment on column raw.par_national.appraisal_points is '''Điểm thẩm định'' đã đọc (decimal) / read';
comment on column raw.par_national.sipas_points_text is '''Điểm SIPAS'' như trong tệp / as received';
comment on column raw.par_national.sipas_points is '''Điểm SIPAS'' đã đọc (decimal) / read';
comment on column raw.par_national.leader_survey_points_text is '''Điểm điều tra lãnh đạo, quản lý'' như trong tệp / as received';
comment on column raw.par_national.leader_survey_points is '''Điểm điều tra lãnh đạo, quản lý'' đã đọc (decimal) / read';
comment on column raw.par_national.impact_points_text is '''Điểm tác động'' như trong tệp / as received';
comment on column raw.par_national.impact_points is '''Điểm tác động'' đã đọc (decimal) / read';
comment on column raw.par_national.index_value_text is '''Chỉ số (%)'' như trong tệp / as received';
comment on column raw.par_national.index_value is '''Chỉ số (%)'' đã đọc (decimal) / read';
comment on column raw.par_national.rank_text is '''Xếp hạng'' như trong tệp / as received';
comment on column raw.par_national.rank is '''Xếp hạng'' đã đọc (count) / read';
create or replace view raw.par_national_typed as
select r.file_id,
       r.load_id,
       r.source_row,
       r.source_sheet,
       f.period_month,
       u.unit_code as province_code,
       u.resolution as unit_resolution,
       u.note as unit_note,
       null::text as coverage_unit,
       f.period_month as coverage_period,
       f.period_month as affects_from,
       r.extra,
       r.year_text,
       r.year,
       r.province_code_text,
       r.province_name,
       r.province_name_key,
       r.appraisal_points_text,
       r.appraisal_points,
       r.sipas_points_text,
       r.sipas_points,
       r.leader_survey_points_text,
       r.leader_survey_points,
       r.impact_points_text,
       r.impact_points,
       r.index_value_text,
       r.index_value,
       r.rank_text,
       r.rank
  from raw.par_national r
  join audit.source_file f on f.file_id = r.file_id
  left join audit.file_unit u on u.file_id = r.file_id and u.code_text = coalesce(r.province_code_text, '') and u.name_key = coalesce(r.province_name_key, '');
comment on view raw.par_national_typed is 'Kết quả Chỉ số CCHC các tỉnh (công bố): dòng của tệp, kỳ của tệp, đơn vị đã xác định / rows, file period, unit resolved';

-- service_index_stats: Thống kê chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)
create table if not exists raw.service_index_stats (
    load_id bigint not null,
    file_id bigint not null,
    source_row integer not null,
    source_sheet text,
    extra jsonb,
    unit_code_text text,
    unit_name text,
    unit_name_key text,
    period_text text,
    period text,
    tthc_published_on_time_text text,
    tthc_published_on_time bigint,
    tthc_to_publish_text text,
    tthc_to_publish bigint,
    tthc_public_on_time_text text,
    tthc_public_on_time bigint,
    tthc_to_make_public_text text,
    tthc_to_make_public bigint,
    tthc_content_full_text text,
    tthc_content_full bigint,
    tthc_public_text text,
    tthc_public bigint,
    dossiers_synced_text text,
    dossiers_synced bigint,
    dossiers_to_sync_text text,
    dossiers_to_sync bigint,
    dossiers_total_text text,
    dossiers_total bigint,
    dossiers_on_time_text text,
    dossiers_on_time bigint,
    tthc_total_text text,
    tthc_total bigint,
    tthc_partial_text text,
    tthc_partial bigint,
    tthc_full_text text,
    tthc_full bigint,
    services_with_dossiers_text text,
    services_with_dossiers bigint,
    services_total_text text,
    services_total bigint,
    dossiers_online_text text,
    dossiers_online bigint,
    dossiers_direct_text text,
    dossiers_direct bigint,
    dossiers_postal_text text,
    dossiers_postal bigint,
    dossiers_with_fee_text text,
    dossiers_with_fee bigint,
    dossiers_paid_online_text text,
    dossiers_paid_online bigint,
    tthc_with_fee_text text,
    tthc_with_fee bigint,
    tthc_paid_online_text text,
    tthc_paid_online bigint,
    tthc_fee_data_text text,
    tthc_fee_data bigint,
    dossiers_e_result_text text,
    dossiers_e_result bigint,
    dossiers_digitised_text text,
    dossiers_digitised bigint,
    dossiers_reused_text text,
    dossiers_reused bigint,
    dossiers_storage_shared_text text,
    dossiers_storage_shared bigint,
    dossiers_citizen_data_text text,
    dossiers_citizen_data bigint,
    tthc_citizen_connected_text text,
    tthc_citizen_connected bigint,
    tthc_citizen_total_text text,
    tthc_citizen_total bigint,
    certified_copy_text text,
    certified_copy boolean,
    dossiers_satisfied_text text,
    dossiers_satisfied bigint,
    pakn_total_text text,
    pakn_total bigint,
    pakn_on_time_text text,
    pakn_on_time bigint,
    pakn_satisfied_text text,
    pakn_satisfied bigint,
    pakn_on_procedures_text text,
    pakn_on_procedures bigint,
    pakn_on_conduct_text text,
    pakn_on_conduct bigint,
    pub_publicity_text text,
    pub_publicity numeric,
    pub_progress_text text,
    pub_progress numeric,
    pub_online_text text,
    pub_online numeric,
    pub_payment_text text,
    pub_payment numeric,
    pub_digital_text text,
    pub_digital numeric,
    pub_satisfaction_text text,
    pub_satisfaction numeric,
    pub_total_text text,
    pub_total numeric
);
alter table raw.service_index_stats add column if not exists unit_code_text text;
alter table raw.service_index_stats add column if not exists unit_name text;
alter table raw.service_index_stats add column if not exists unit_name_key text;
alter table raw.service_index_stats add column if not exists period_text text;
alter table raw.service_index_stats add column if not exists period text;
alter table raw.service_index_stats add column if not exists tthc_published_on_time_text text;
alter table raw.service_index_stats add column if not exists tthc_published_on_time bigint;
alter table raw.service_index_stats add column if not exists tthc_to_publish_text text;
alter table raw.service_index_stats add column if not exists tthc_to_publish bigint;
alter table raw.service_index_stats add column if not exists tthc_public_on_time_text text;
alter table raw.service_index_stats add column if not exists tthc_public_on_time bigint;
alter table raw.service_index_stats add column if not exists tthc_to_make_public_text text;
alter table raw.service_index_stats add column if not exists tthc_to_make_public bigint;
alter table raw.service_index_stats add column if not exists tthc_content_full_text text;
alter table raw.service_index_stats add column if not exists tthc_content_full bigint;
alter table raw.service_index_stats add column if not exists tthc_public_text text;
alter table raw.service_index_stats add column if not exists tthc_public bigint;
alter table raw.service_index_stats add column if not exists dossiers_synced_text text;
alter table raw.service_index_stats add column if not exists dossiers_synced bigint;
alter table raw.service_index_stats add column if not exists dossiers_to_sync_text text;
alter table raw.service_index_stats add column if not exists dossiers_to_sync bigint;
alter table raw.service_index_stats add column if not exists dossiers_total_text text;
alter table raw.service_index_stats add column if not exists dossiers_total bigint;
alter table raw.service_index_stats add column if not exists dossiers_on_time_text text;
alter table raw.service_index_stats add column if not exists dossiers_on_time bigint;
alter table raw.service_index_stats add column if not exists tthc_total_text text;
alter table raw.service_index_stats add column if not exists tthc_total bigint;
alter table raw.service_index_stats add column if not exists tthc_partial_text text;
alter table raw.service_index_stats add column if not exists tthc_partial bigint;
alter table raw.service_index_stats add column if not exists tthc_full_text text;
alter table raw.service_index_stats add column if not exists tthc_full bigint;
alter table raw.service_index_stats add column if not exists services_with_dossiers_text text;
alter table raw.service_index_stats add column if not exists services_with_dossiers bigint;
alter table raw.service_index_stats add column if not exists services_total_text text;
alter table raw.service_index_stats add column if not exists services_total bigint;
alter table raw.service_index_stats add column if not exists dossiers_online_text text;
alter table raw.service_index_stats add column if not exists dossiers_online bigint;
alter table raw.service_index_stats add column if not exists dossiers_direct_text text;
alter table raw.service_index_stats add column if not exists dossiers_direct bigint;
alter table raw.service_index_stats add column if not exists dossiers_postal_text text;
alter table raw.service_index_stats add column if not exists dossiers_postal bigint;
alter table raw.service_index_stats add column if not exists dossiers_with_fee_text text;
alter table raw.service_index_stats add column if not exists dossiers_with_fee bigint;
alter table raw.service_index_stats add column if not exists dossiers_paid_online_text text;
alter table raw.service_index_stats add column if not exists dossiers_paid_online bigint;
alter table raw.service_index_stats add column if not exists tthc_with_fee_text text;
alter table raw.service_index_stats add column if not exists tthc_with_fee bigint;
alter table raw.service_index_stats add column if not exists tthc_paid_online_text text;
alter table raw.service_index_stats add column if not exists tthc_paid_online bigint;
alter table raw.service_index_stats add column if not exists tthc_fee_data_text text;
alter table raw.service_index_stats add column if not exists tthc_fee_data bigint;
alter table raw.service_index_stats add column if not exists dossiers_e_result_text text;
alter table raw.service_index_stats add column if not exists dossiers_e_result bigint;
alter table raw.service_index_stats add column if not exists dossiers_digitised_text text;
alter table raw.service_index_stats add column if not exists dossiers_digitised bigint;
alter table raw.service_index_stats add column if not exists dossiers_reused_text text;
alter table raw.service_index_stats add column if not exists dossiers_reused bigint;
alter table raw.service_index_stats add column if not exists dossiers_storage_shared_text text;
alter table raw.service_index_stats add column if not exists dossiers_storage_shared bigint;
alter table raw.service_index_stats add column if not exists dossiers_citizen_data_text text;
alter table raw.service_index_stats add column if not exists dossiers_citizen_data bigint;
alter table raw.service_index_stats add column if not exists tthc_citizen_connected_text text;
alter table raw.service_index_stats add column if not exists tthc_citizen_connected bigint;
alter table raw.service_index_stats add column if not exists tthc_citizen_total_text text;
alter table raw.service_index_stats add column if not exists tthc_citizen_total bigint;
alter table raw.service_index_stats add column if not exists certified_copy_text text;
alter table raw.service_index_stats add column if not exists certified_copy boolean;
alter table raw.service_index_stats add column if not exists dossiers_satisfied_text text;
alter table raw.service_index_stats add column if not exists dossiers_satisfied bigint;
alter table raw.service_index_stats add column if not exists pakn_total_text text;
alter table raw.service_index_stats add column if not exists pakn_total bigint;
alter table raw.service_index_stats add column if not exists pakn_on_time_text text;
alter table raw.service_index_stats add column if not exists pakn_on_time bigint;
alter table raw.service_index_stats add column if not exists pakn_satisfied_text text;
alter table raw.service_index_stats add column if not exists pakn_satisfied bigint;
alter table raw.service_index_stats add column if not exists pakn_on_procedures_text text;
alter table raw.service_index_stats add column if not exists pakn_on_procedures bigint;
alter table raw.service_index_stats add column if not exists pakn_on_conduct_text text;
alter table raw.service_index_stats add column if not exists pakn_on_conduct bigint;
alter table raw.service_index_stats add column if not exists pub_publicity_text text;
alter table raw.service_index_stats add column if not exists pub_publicity numeric;
alter table raw.service_index_stats add column if not exists pub_progress_text text;
alter table raw.service_index_stats add column if not exists pub_progress numeric;
alter table raw.service_index_stats add column if not exists pub_online_text text;
alter table raw.service_index_stats add column if not exists pub_online numeric;
alter table raw.service_index_stats add column if not exists pub_payment_text text;
alter table raw.service_index_stats add column if not exists pub_payment numeric;
alter table raw.service_index_stats add column if not exists pub_digital_text text;
alter table raw.service_index_stats add column if not exists pub_digital numeric;
alter table raw.service_index_stats add column if not exists pub_satisfaction_text text;
alter table raw.service_index_stats add column if not exists pub_satisfaction numeric;
alter table raw.service_index_stats add column if not exists pub_total_text text;
alter table raw.service_index_stats add column if not exists pub_total numeric;
create index if not exists service_index_stats_file_brin on raw.service_index_stats using brin (file_id) with (pages_per_range = 32);
comment on table raw.service_index_stats is 'Thống kê chỉ số phục vụ người dân, doanh nghiệp (QĐ 766) (như trong tệp, kèm giá trị đã đọc) / Counts the national portal scores for the Decision 766 service index, per unit and evaluation period (month, quarter or year), with the points it published where given.';
comment on column raw.service_index_stats.unit_code_text is '''Mã đơn vị'' như trong tệp / as received';
comment on column raw.service_index_stats.unit_name is '''Tên đơn vị'' như trong tệp / as received';
comment on column raw.service_index_stats.unit_name_key is '''Tên đơn vị'' đã đọc (unit_name_key) / read';
comment on column raw.service_index_stats.period_text is '''Kỳ đánh giá'' như trong tệp / as received';
comment on column raw.service_index_stats.period is '''Kỳ đánh giá'' đã đọc (eval_period) / read';
comment on column raw.service_index_stats.tthc_published_on_time_text is '''TTHC công bố đúng hạn'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_published_on_time is '''TTHC công bố đúng hạn'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_to_publish_text is '''TTHC phải công bố'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_to_publish is '''TTHC phải công bố'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_public_on_time_text is '''TTHC công khai đúng hạn'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_public_on_time is '''TTHC công khai đúng hạn'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_to_make_public_text is '''TTHC phải công khai'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_to_make_public is '''TTHC phải công khai'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_content_full_text is '''TTHC công khai đầy đủ nội dung'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_content_full is '''TTHC công khai đầy đủ nội dung'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_public_text is '''Tổng số TTHC công khai'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_public is '''Tổng số TTHC công khai'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_synced_text is '''Hồ sơ đồng bộ DVCQG'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_synced is '''Hồ sơ đồng bộ DVCQG'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_to_sync_text is '''Hồ sơ phải đồng bộ'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_to_sync is '''Hồ sơ phải đồng bộ'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_total_text is '''Tổng số hồ sơ'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_total is '''Tổng số hồ sơ'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_on_time_text is '''Hồ sơ đúng hạn'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_on_time is '''Hồ sơ đúng hạn'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_total_text is '''Số TTHC'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_total is '''Số TTHC'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_partial_text is '''TTHC DVCTT một phần'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_partial is '''TTHC DVCTT một phần'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_full_text is '''TTHC DVCTT toàn trình'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_full is '''TTHC DVCTT toàn trình'' đã đọc (count) / read';
comment on column raw.service_index_stats.services_with_dossiers_text is '''DVCTT có hồ sơ'' như trong tệp / as received';
comment on column raw.service_index_stats.services_with_dossiers is '''DVCTT có hồ sơ'' đã đọc (count) / read';
comment on column raw.service_index_stats.services_total_text is '''Tổng số DVCTT'' như trong tệp / as received';
comment on column raw.service_index_stats.services_total is '''Tổng số DVCTT'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_online_text is '''Hồ sơ trực tuyến'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_online is '''Hồ sơ trực tuyến'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_direct_text is '''Hồ sơ trực tiếp'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_direct is '''Hồ sơ trực tiếp'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_postal_text is '''Hồ sơ BCCI'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_postal is '''Hồ sơ BCCI'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_with_fee_text is '''Hồ sơ có nghĩa vụ tài chính'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_with_fee is '''Hồ sơ có nghĩa vụ tài chính'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_paid_online_text is '''Hồ sơ thanh toán trực tuyến'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_paid_online is '''Hồ sơ thanh toán trực tuyến'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_with_fee_text is '''TTHC có phí, lệ phí'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_with_fee is '''TTHC có phí, lệ phí'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_paid_online_text is '''TTHC có thanh toán trực tuyến'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_paid_online is '''TTHC có thanh toán trực tuyến'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_fee_data_text is '''TTHC có dữ liệu phí'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_fee_data is '''TTHC có dữ liệu phí'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_e_result_text is '''Hồ sơ có kết quả điện tử'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_e_result is '''Hồ sơ có kết quả điện tử'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_digitised_text is '''Hồ sơ số hóa thành phần'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_digitised is '''Hồ sơ số hóa thành phần'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_reused_text is '''Hồ sơ tái sử dụng dữ liệu'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_reused is '''Hồ sơ tái sử dụng dữ liệu'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_storage_shared_text is '''Hồ sơ chia sẻ kho dữ liệu'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_storage_shared is '''Hồ sơ chia sẻ kho dữ liệu'' đã đọc (count) / read';
comment on column raw.service_index_stats.dossiers_citizen_data_text is '''Hồ sơ dùng dữ liệu dân cư'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_citizen_data is '''Hồ sơ dùng dữ liệu dân cư'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_citizen_connected_text is '''TTHC kết nối dữ liệu dân cư'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_citizen_connected is '''TTHC kết nối dữ liệu dân cư'' đã đọc (count) / read';
comment on column raw.service_index_stats.tthc_citizen_total_text is '''Tổng số TTHC (dữ liệu dân cư)'' như trong tệp / as received';
comment on column raw.service_index_stats.tthc_citizen_total is '''Tổng số TTHC (dữ liệu dân cư)'' đã đọc (count) / read';
comment on column raw.service_index_stats.certified_copy_text is '''Chứng thực bản sao điện tử'' như trong tệp / as received';
comment on column raw.service_index_stats.certified_copy is '''Chứng thực bản sao điện tử'' đã đọc (yes_no_given) / read';
comment on column raw.service_index_stats.dossiers_satisfied_text is '''Hồ sơ hài lòng'' như trong tệp / as received';
comment on column raw.service_index_stats.dossiers_satisfied is '''Hồ sơ hài lòng'' đã đọc (count) / read';
comment on column raw.service_index_stats.pakn_total_text is '''Số PAKN'' như trong tệp / as received';
comment on column raw.service_index_stats.pakn_total is '''Số PAKN'' đã đọc (count) / read';
comment on column raw.service_index_stats.pakn_on_time_text is '''PAKN xử lý đúng hạn'' như trong tệp / as received';
comment on column raw.service_index_stats.pakn_on_time is '''PAKN xử lý đúng hạn'' đã đọc (count) / read';
comment on column raw.service_index_stats.pakn_satisfied_text is '''PAKN hài lòng'' như trong tệp / as received';
comment on column raw.service_index_stats.pakn_satisfied is '''PAKN hài lòng'' đã đọc (count) / read';
comment on column raw.service_index_stats.pakn_on_procedures_text is '''PAKN về TTHC'' như trong tệp / as received';
comment on column raw.service_index_stats.pakn_on_procedures is '''PAKN về TTHC'' đã đọc (count) / read';
comment on column raw.service_index_stats.pakn_on_conduct_text is '''PAKN về hành vi cán bộ'' như trong tệp / as received';
comment on column raw.service_index_stats.pakn_on_conduct is '''PAKN về hành vi cán bộ'' đã đọc (count) / read';
comment on column raw.service_index_stats.pub_publicity_text is '''Điểm công khai, minh bạch'' như trong tệp / as received';
comment on column raw.service_index_stats.pub_publicity is '''Điểm công khai, minh bạch'' đã đọc (decimal) / read';
comment on column raw.service_index_stats.pub_progress_text is '''Điểm tiến độ'' như trong tệp / as received';
comment on column raw.service_index_stats.pub_progress is '''Điểm tiến độ'' đã đọc (decimal) / read';
comment on column raw.service_index_stats.pub_online_text is '''Điểm DVCTT'' như trong tệp / as received';
comment on column raw.service_index_stats.pub_online is '''Điểm DVCTT'' đã đọc (decimal) / read';
comment on column raw.service_index_stats.pub_payment_text is '''Điểm thanh toán trực tuyến'' như trong tệp / as received';
comment on column raw.service_index_stats.pub_payment is '''Điểm thanh toán trực tuyến'' đã đọc (decimal) / read';
comment on column raw.service_index_stats.pub_digital_text is '''Điểm số hóa'' như trong tệp / as received';
comment on column raw.service_index_stats.pub_digital is '''Điểm số hóa'' đã đọc (decimal) / read';
comment on column raw.service_index_stats.pub_satisfaction_text is '''Điểm hài lòng'' như trong tệp / as received';
comment on column raw.service_index_stats.pub_satisfaction is '''Điểm hài lòng'' đã đọc (decimal) / read';
comment on column raw.service_index_stats.pub_total_text is '''Tổng điểm'' như trong tệp / as received';
comment on column raw.service_index_stats.pub_total is '''Tổng điểm'' đã đọc (decimal) / read';
create or replace view raw.service_index_stats_typed as
select r.file_id,
       r.load_id,
       r.source_row,
       r.source_sheet,
       f.period_month,
       u.unit_code as unit_code,
       u.resolution as unit_resolution,
       u.note as unit_note,
       u.unit_code as coverage_unit,
       coalesce(case when r.period ~ '^\d{4}$' then make_date(left(r.period, 4)::int, 1, 1) when r.period ~ '^\d{4}-Q[1-4]$' then make_date(left(r.period, 4)::int, right(r.period, 1)::int * 3 - 2, 1) when r.period is not null then to_date(r.period || '-01', 'YYYY-MM-DD') end, f.period_month) as coverage_period,
       coalesce(case when r.period ~ '^\d{4}$' then make_date(left(r.period, 4)::int, 1, 1) when r.period ~ '^\d{4}-Q[1-4]$' then make_date(left(r.period, 4)::int, right(r.period, 1)::int * 3 - 2, 1) when r.period is not null then to_date(r.period || '-01', 'YYYY-MM-DD') end, f.period_month) as affects_from,
       coalesce(case when r.period ~ '^\d{4}$' then 'year' when r.period ~ '^\d{4}-Q[1-4]$' then 'quarter' when r.period is not null then 'month' end, 'month') as coverage_grain,
       coalesce(case when r.period ~ '^\d{4}$' then make_date(left(r.period, 4)::int, 1, 1) when r.period ~ '^\d{4}-Q[1-4]$' then make_date(left(r.period, 4)::int, right(r.period, 1)::int * 3 - 2, 1) when r.period is not null then to_date(r.period || '-01', 'YYYY-MM-DD') end, f.period_month) as period_start,
       coalesce(case when r.period ~ '^\d{4}$' then 'year' when r.period ~ '^\d{4}-Q[1-4]$' then 'quarter' when r.period is not null then 'month' end, 'month') as period_grain,
       coalesce((case when r.period ~ '^\d{4}$' then make_date(left(r.period, 4)::int, 1, 1) when r.period ~ '^\d{4}-Q[1-4]$' then make_date(left(r.period, 4)::int, right(r.period, 1)::int * 3 - 2, 1) when r.period is not null then to_date(r.period || '-01', 'YYYY-MM-DD') end + case case when r.period ~ '^\d{4}$' then 'year' when r.period ~ '^\d{4}-Q[1-4]$' then 'quarter' when r.period is not null then 'month' end when 'year' then interval '11 months' when 'quarter' then interval '2 months' else interval '0 months' end)::date, f.period_month) as period_last_month,
       f.period_label as period_label_given,
       r.extra,
       r.unit_code_text,
       r.unit_name,
       r.unit_name_key,
       r.period_text,
       r.period,
       r.tthc_published_on_time_text,
       r.tthc_published_on_time,
       r.tthc_to_publish_text,
       r.tthc_to_publish,
       r.tthc_public_on_time_text,
       r.tthc_public_on_time,
       r.tthc_to_make_public_text,
       r.tthc_to_make_public,
       r.tthc_content_full_text,
       r.tthc_content_full,
       r.tthc_public_text,
       r.tthc_public,
       r.dossiers_synced_text,
       r.dossiers_synced,
       r.dossiers_to_sync_text,
       r.dossiers_to_sync,
       r.dossiers_total_text,
       r.dossiers_total,
       r.dossiers_on_time_text,
       r.dossiers_on_time,
       r.tthc_total_text,
       r.tthc_total,
       r.tthc_partial_text,
       r.tthc_partial,
       r.tthc_full_text,
       r.tthc_full,
       r.services_with_dossiers_text,
       r.services_with_dossiers,
       r.services_total_text,
       r.services_total,
       r.dossiers_online_text,
       r.dossiers_online,
       r.dossiers_direct_text,
       r.dossiers_direct,
       r.dossiers_postal_text,
       r.dossiers_postal,
       r.dossiers_with_fee_text,
       r.dossiers_with_fee,
       r.dossiers_paid_online_text,
       r.dossiers_paid_online,
       r.tthc_with_fee_text,
       r.tthc_with_fee,
       r.tthc_paid_online_text,
       r.tthc_paid_online,
       r.tthc_fee_data_text,
       r.tthc_fee_data,
       r.dossiers_e_result_text,
       r.dossiers_e_result,
       r.dossiers_digitised_text,
       r.dossiers_digitised,
       r.dossiers_reused_text,
       r.dossiers_reused,
       r.dossiers_storage_shared_text,
       r.dossiers_storage_shared,
       r.dossiers_citizen_data_text,
       r.dossiers_citizen_data,
       r.tthc_citizen_connected_text,
       r.tthc_citizen_connected,
       r.tthc_citizen_total_text,
       r.tthc_citizen_total,
       r.certified_copy_text,
       r.certified_copy,
       r.dossiers_satisfied_text,
       r.dossiers_satisfied,
       r.pakn_total_text,
       r.pakn_total,
       r.pakn_on_time_text,
       r.pakn_on_time,
       r.pakn_satisfied_text,
       r.pakn_satisfied,
       r.pakn_on_procedures_text,
       r.pakn_on_procedures,
       r.pakn_on_conduct_text,
       r.pakn_on_conduct,
       r.pub_publicity_text,
       r.pub_publicity,
       r.pub_progress_text,
       r.pub_progress,
       r.pub_online_text,
       r.pub_online,
       r.pub_payment_text,
       r.pub_payment,
       r.pub_digital_text,
       r.pub_digital,
       r.pub_satisfaction_text,
       r.pub_satisfaction,
       r.pub_total_text,
       r.pub_total
  from raw.service_index_stats r
  join audit.source_file f on f.file_id = r.file_id
  left join audit.file_unit u on u.file_id = r.file_id and u.code_text = coalesce(r.unit_code_text, '') and u.name_key = coalesce(r.unit_name_key, '');
comment on view raw.service_index_stats_typed is 'Thống kê chỉ số phục vụ người dân, doanh nghiệp (QĐ 766): dòng của tệp, kỳ của tệp, đơn vị đã xác định / rows, file period, unit resolved';
