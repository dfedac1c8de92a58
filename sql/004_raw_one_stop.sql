-- one_stop_dossiers as received: every contract column as the text in the file (NFC), the value the
-- loader read from it (NULL when it could not read it: the gate reports that), lineage, and unknown
-- columns in extra. Personal-data columns never get here: the loader does not even read them.
create table if not exists raw.one_stop_dossiers (
    load_id               bigint not null,
    file_id               bigint not null,     -- audit.source_file
    source_row            integer not null,   -- row number as a person counts rows in the file
    dossier_code          text,
    unit_code             text,
    unit_name             text,
    procedure_code        text,
    procedure_name        text,
    field_name            text,
    service_level         text,
    channel               text,
    received_at           text,
    due_at                text,
    finished_at           text,
    returned_at           text,
    status                text,
    has_fee               text,
    paid_online           text,
    digitized_result      text,
    applicant_type        text,
    extra                 jsonb,
    service_level_code    text,
    channel_code          smallint,
    received_date         date,
    due_date              date,
    finished_date         date,
    returned_date         date,
    status_code           smallint,
    has_fee_flag          boolean,
    paid_online_flag      boolean,
    digitized_result_flag boolean,
    applicant_type_code   text
);
-- No per-row foreign-key check or btree on this table: both cost more than the COPY itself (measured:
-- 1M rows 8.6 s with them, 4.5 s without). The loader writes (file_id, source_row) once per row from
-- the registry's file_id, and a file's rows are contiguous, so a BRIN index serves every per-file query.
create index if not exists one_stop_dossiers_file_brin on raw.one_stop_dossiers using brin (file_id)
  with (pages_per_range = 32);
comment on table raw.one_stop_dossiers is
  'Hồ sơ một cửa như trong tệp, kèm giá trị đã đọc (không có dữ liệu cá nhân) / One-stop dossiers as received';

-- the normalised unit name, for matching names to codes (sql/009)
alter table raw.one_stop_dossiers add column if not exists unit_name_key text;

-- What the quality gate validates per file and dbt staging reads (accepted files only). New columns are
-- appended at the end (create or replace view cannot reorder or drop columns).
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
       r.service_level         as service_level_text,
       r.service_level_code    as service_level,
       r.channel               as channel_text,
       r.channel_code,
       r.received_at           as received_at_text,
       r.received_date,
       r.due_at                as due_at_text,
       r.due_date,
       r.finished_at           as finished_at_text,
       r.finished_date,
       r.returned_at           as returned_at_text,
       r.returned_date,
       r.status                as status_text,
       r.status_code,
       r.has_fee               as has_fee_text,
       r.has_fee_flag          as has_fee,
       r.paid_online           as paid_online_text,
       r.paid_online_flag      as paid_online,
       r.digitized_result      as digitized_result_text,
       r.digitized_result_flag as digitized_result,
       r.applicant_type        as applicant_type_text,
       r.applicant_type_code   as applicant_type,
       r.unit_name_key
  from raw.one_stop_dossiers r
  join audit.source_file f on f.file_id = r.file_id;
comment on view raw.one_stop_dossiers_typed is 'Hồ sơ một cửa đã chuyển kiểu (dùng chung cho kiểm tra chất lượng và dbt)';
