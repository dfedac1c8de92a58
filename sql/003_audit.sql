-- File registry, loads and quality-gate results: what an auditor reads to trace a figure to its file and rows.

create table if not exists audit.load (
    load_id      bigint generated always as identity primary key,
    source       text not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    triggered_by text not null default 'cli',   -- 'cli' or an Airflow run id
    status       text not null default 'running' check (status in ('running', 'finished', 'failed'))
);

create table if not exists audit.source_file (
    file_id        bigint generated always as identity primary key,
    source         text not null,
    sha256         text not null,
    size_bytes     bigint not null,
    file_name      text not null,
    original_path  text not null,
    archive_path   text,            -- content-addressed copy kept for auditors (also for rejected files)
    period_month   date,            -- first day of the reported month
    unit_codes     text[],          -- units present in the file
    received_at    timestamptz not null default now(),
    load_id        bigint references audit.load (load_id),
    status         text not null check (status in ('validating', 'loaded', 'rejected', 'published')),
    status_changed_at timestamptz not null default now(),
    rows_in_file   integer,         -- data rows between header and footer
    rows_loaded    integer,
    header_row     integer,         -- row number of the header, as a person counts rows in the file
    header_map     jsonb,           -- canonical column -> header as written in the file
    dropped_columns text[],         -- personal-data columns dropped before writing
    skipped_rows   integer[],       -- blank lines and footer rows below the table, not loaded
    reasons        jsonb not null default '[]'::jsonb,  -- blocking problems (Vietnamese messages)
    warnings       jsonb not null default '[]'::jsonb,
    unique (source, sha256)
);
create index if not exists source_file_period_idx on audit.source_file (source, period_month);
comment on table audit.source_file is 'Sổ đăng ký tệp nguồn: mỗi tệp nhận được, trạng thái và lý do / File registry';

create table if not exists audit.validation_result (
    file_id          bigint not null references audit.source_file (file_id) on delete cascade,
    run_at           timestamptz not null default now(),
    suite_name       text not null,
    expectation_type text not null,
    column_name      text,
    severity         text not null,
    success          boolean not null,
    observed_value   text,
    unexpected_count bigint,
    examples         jsonb,          -- [{source_row, value}] up to 20
    message          text,           -- Vietnamese, names file, rows and column
    gx_result        jsonb           -- the full GX result, for auditors
);
create index if not exists validation_result_file_idx on audit.validation_result (file_id);


alter table audit.source_file add column if not exists skipped_rows integer[];
-- month: period_month is the reported month; year: period_month is 1 January of the reported year.
alter table audit.source_file add column if not exists period_kind text not null default 'month';
