-- The table-region rule (cchc_warehouse.ingest.region): rows below the header that are not data are recorded
-- with their kind; the sheet of every workbook row; a kept total row carries its label wherever it stood;
-- units given by name in a title row ('Đơn vị: Sở Tư pháp tỉnh Lai Châu').
alter table audit.source_file add column if not exists skipped_detail jsonb;   -- [{sheet, kind, kind_vi, rows}]

alter table raw.one_stop_dossiers add column if not exists source_sheet text;
alter table raw.one_stop_summary add column if not exists total_label text;
alter table raw.one_stop_summary add column if not exists unit_name text;
alter table raw.one_stop_summary add column if not exists unit_name_key text;
alter table raw.par_scores add column if not exists unit_name text;
alter table raw.par_scores add column if not exists unit_name_key text;
alter table raw.sipas_survey add column if not exists unit_name text;
alter table raw.sipas_survey add column if not exists unit_name_key text;

create or replace view raw.one_stop_dossiers_typed as
select r.file_id, r.load_id, r.source_row, f.period_month, r.dossier_code, r.unit_code, r.unit_name, r.procedure_code,
       r.procedure_name, r.field_name, r.service_level as service_level_text, r.service_level_code as service_level,
       r.channel as channel_text, r.channel_code, r.received_at as received_at_text, r.received_date,
       r.due_at as due_at_text, r.due_date, r.finished_at as finished_at_text, r.finished_date,
       r.returned_at as returned_at_text, r.returned_date, r.status as status_text, r.status_code,
       r.has_fee as has_fee_text, r.has_fee_flag as has_fee, r.paid_online as paid_online_text,
       r.paid_online_flag as paid_online, r.digitized_result as digitized_result_text,
       r.digitized_result_flag as digitized_result, r.applicant_type as applicant_type_text,
       r.applicant_type_code as applicant_type, r.unit_name_key,
       r.source_sheet
  from raw.one_stop_dossiers r
  join audit.source_file f on f.file_id = r.file_id;

-- the total row is the one the loader found a total label in (any column); headings are no longer loaded
create or replace view raw.one_stop_summary_typed as
select r.load_id, r.file_id, r.source_row, r.source_sheet, r.seq, r.seq_is_total, r.field_name, r.field_is_total,
       r.unit_code, r.received_total, r.received_total_count, r.received_online, r.received_online_count,
       r.received_direct, r.received_direct_count, r.carried_over, r.carried_over_count, r.resolved_total,
       r.resolved_total_count, r.resolved_early, r.resolved_early_count, r.resolved_on_time, r.resolved_on_time_count,
       r.resolved_late, r.resolved_late_count, r.pending_total, r.pending_total_count, r.pending_within,
       r.pending_within_count, r.pending_overdue, r.pending_overdue_count, r.extra,
       f.period_month,
       r.total_label is not null                                              as is_total,
       coalesce(r.field_name, r.total_label)                                  as row_label,
       num_nonnulls(r.received_total, r.received_online, r.received_direct, r.carried_over, r.resolved_total,
                    r.resolved_early, r.resolved_on_time, r.resolved_late, r.pending_total, r.pending_within,
                    r.pending_overdue) = 0                                    as is_heading,
       r.total_label, r.unit_name, r.unit_name_key
  from raw.one_stop_summary r
  join audit.source_file f on f.file_id = r.file_id;

create or replace view raw.par_scores_typed as
select r.load_id, r.file_id, r.source_row, r.source_sheet, r.unit_code, r.year, r.year_value, r.criterion_code,
       r.criterion_path, r.criterion_name, r.max_points, r.max_points_value, r.self_points, r.self_points_value,
       r.appraised_points, r.appraised_points_value, r.survey_points, r.survey_points_value, r.note,
       r.not_applicable, r.extra,
       f.period_month,
       r.unit_name, r.unit_name_key
  from raw.par_scores r
  join audit.source_file f on f.file_id = r.file_id;

create or replace view raw.sipas_survey_typed as
select r.load_id, r.file_id, r.source_row, r.source_sheet, r.response_id, r.surveyed_on, r.surveyed_date,
       r.unit_code, r.field_name, r.respondent_type, r.respondent_type_code, r.answers, r.answer_scores, r.extra,
       f.period_month,
       r.unit_name, r.unit_name_key
  from raw.sipas_survey r
  join audit.source_file f on f.file_id = r.file_id;
