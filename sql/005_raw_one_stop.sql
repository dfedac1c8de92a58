-- one_stop_dossiers as received: canonical columns as text (NFC), lineage, unknown columns in extra.
-- Personal-data columns never get here: the loader drops them before writing.
create table if not exists raw.one_stop_dossiers (
    load_id          bigint not null,
    file_id          bigint not null references audit.source_file (file_id) on delete cascade,
    source_row       integer not null,   -- row number as a person counts rows in the file
    dossier_code     text,
    unit_code        text,
    unit_name        text,
    procedure_code   text,
    procedure_name   text,
    field_name       text,
    service_level    text,
    channel          text,
    received_at      text,
    due_at           text,
    finished_at      text,
    returned_at      text,
    status           text,
    has_fee          text,
    paid_online      text,
    digitized_result text,
    applicant_type   text,
    extra            jsonb,
    primary key (file_id, source_row)
);
comment on table raw.one_stop_dossiers is 'Hồ sơ một cửa như trong tệp (không có dữ liệu cá nhân) / One-stop dossiers as received';

-- Typed reading of the raw rows: the one place where one-stop text becomes typed values.
-- The quality gate validates it per file; dbt staging reads it (accepted files only).
create or replace view raw.one_stop_dossiers_typed as
select r.file_id,
       r.load_id,
       r.source_row,
       f.period_month,
       r.dossier_code,
       r.unit_code,
       r.unit_name,
       r.procedure_code,
       r.procedure_name,
       r.field_name,
       r.service_level                         as service_level_text,
       util.parse_service_level(r.service_level) as service_level,
       r.channel                               as channel_text,
       util.parse_channel(r.channel)           as channel_code,
       r.received_at                           as received_at_text,
       util.parse_date(r.received_at)          as received_date,
       r.due_at                                as due_at_text,
       util.parse_date(r.due_at)               as due_date,
       r.finished_at                           as finished_at_text,
       util.parse_date(r.finished_at)          as finished_date,
       r.returned_at                           as returned_at_text,
       util.parse_date(r.returned_at)          as returned_date,
       r.status                                as status_text,
       util.parse_dossier_status(r.status)     as status_code,
       r.has_fee                               as has_fee_text,
       util.parse_yes_no(r.has_fee)            as has_fee,
       r.paid_online                           as paid_online_text,
       util.parse_yes_no(r.paid_online)        as paid_online,
       r.digitized_result                      as digitized_result_text,
       util.parse_yes_no(r.digitized_result)   as digitized_result,
       r.applicant_type                        as applicant_type_text,
       util.parse_applicant_type(r.applicant_type) as applicant_type
  from raw.one_stop_dossiers r
  join audit.source_file f on f.file_id = r.file_id;
comment on view raw.one_stop_dossiers_typed is 'Hồ sơ một cửa đã chuyển kiểu (dùng chung cho kiểm tra chất lượng và dbt)';
