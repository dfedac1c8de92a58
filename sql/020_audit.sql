-- File registry, unit resolution, supersession and quality-gate results: what an auditor reads to trace a figure
-- to its file and rows. File states are written by 030_codes.generated.sql from cchc_warehouse.ingest.file_states.

create table if not exists audit.file_state (
    state text primary key,
    is_accepted boolean not null,          -- its rows may reach reports
    awaits_publication boolean not null,    -- accepted, not yet in the marts: the next build computes it
    label_vi text not null
);

create table if not exists audit.load (
    load_id bigint generated always as identity primary key,
    source text not null,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    triggered_by text not null default 'cli',   -- 'cli' or an Airflow run id
    status text not null default 'running' check (status in ('running', 'finished', 'failed'))
);

create table if not exists audit.source_file (
    file_id bigint generated always as identity primary key,
    source text not null,
    sha256 text not null,
    size_bytes bigint not null,
    file_name text not null,
    original_path text not null,
    archive_path text,            -- content-addressed copy kept for auditors (also for rejected files)
    period_month date,            -- first day of the reported month, or 1 January of the reported year
    period_kind text not null default 'month' check (period_kind in ('month', 'year')),
    unit_codes text[],          -- units present in the file (resolved codes)
    received_at timestamptz not null default now(),
    load_id bigint references audit.load (load_id),
    status text not null references audit.file_state (state) deferrable initially deferred,
    status_changed_at timestamptz not null default now(),
    rows_in_file integer,         -- records below the header
    rows_loaded integer,
    header_row integer,         -- row number of the header, as a person counts rows in the file
    header_map jsonb,           -- canonical column -> header as written in the file
    dropped_columns text[],         -- personal-data columns never stored
    skipped_rows integer[],       -- rows below the header that are not data
    skipped_detail jsonb,           -- the same grouped by sheet and kind: [{sheet, kind, kind_vi, rows}]
    reasons jsonb not null default '[]'::jsonb,  -- blocking problems (Vietnamese messages)
    warnings jsonb not null default '[]'::jsonb,
    unique (source, sha256)
);
create index if not exists source_file_period_idx on audit.source_file (source, period_month);
comment on table audit.source_file is 'Sổ đăng ký tệp nguồn: mỗi tệp nhận được, trạng thái và lý do / File registry';

-- Each unit reference of a file as written (code and/or normalised name; '' when absent) and the registry unit
-- it resolved to when the file was loaded (cchc_warehouse.reference.units.resolve_file_units). Typed views join it.
-- the period a file was given or titled with, as a canonical label, for a source whose rows cover months, quarters
-- or years (service_index_stats: '2026-Q3'); period_month is then that period's last month
alter table audit.source_file add column if not exists period_label text;

create table if not exists audit.file_unit (
    file_id bigint not null references audit.source_file (file_id) on delete cascade,
    code_text text not null,
    name_key text not null,
    unit_code text,
    resolution text not null check (
        resolution in
        ('code', 'name', 'invalid', 'unregistered', 'mismatch', 'no_match', 'ambiguous', 'unchecked')
    ),
    note text,            -- successors of an ended unit, or the units a name matches
    primary key (file_id, code_text, name_key)
);
comment on table audit.file_unit is
'Mã, tên đơn vị trong tệp và đơn vị tương ứng trong danh mục / Unit references of a file and how they resolved';

-- What each file covers: its (unit, period) pairs, with the rows of each; unit_code NULL for a source superseded
-- per period as a whole (a province's plan, published national results).
create table if not exists audit.file_coverage (
    file_id bigint not null references audit.source_file (file_id) on delete cascade,
    unit_code text,
    period_start date not null,
    rows integer not null,
    affects_from date not null,    -- the earliest month its rows can change (a dossier's reception month...)
    -- 'month', 'quarter' or 'year' where a source's rows cover periods of different lengths (service_index_stats:
    -- a quarter's row does not supersede its first month's); NULL: the source's one cadence
    period_grain text
);
alter table audit.file_coverage add column if not exists period_grain text;
alter table audit.file_coverage drop constraint if exists file_coverage_file_id_unit_code_period_start_key;
create unique index if not exists file_coverage_unique_idx
on audit.file_coverage (file_id, unit_code, period_start, period_grain) nulls not distinct;
create index if not exists file_coverage_key_idx on audit.file_coverage (unit_code, period_start);

-- A publication: one dbt build and the files it computed and publishes. One runs at a time (the build holds an
-- advisory lock; this index makes two running rows impossible); files accepted while it runs wait for the next.
create table if not exists audit.publication (
    publication_id bigint generated always as identity primary key,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    status text not null check (status in ('running', 'published', 'failed')),
    triggered_by text not null default 'cli',
    full_refresh boolean not null default false,
    file_ids bigint[] not null,    -- accepted files awaiting publication when the build started
    models text[] not null default '{}',   -- the relations (schema.table) its dbt build wrote
    message text
);
create unique index if not exists publication_one_running on audit.publication ((true)) where status = 'running';

-- The files the running publication computes and publishes: what the incremental models recompute.
create or replace view audit.building_file as
select
    p.publication_id,
    unnest(p.file_ids) as file_id
from audit.publication as p
where p.status = 'running';

-- Readers never see a half-built warehouse: dbt builds into shadow schemas (staging__next, intermediate__next,
-- marts__next) and a publication swaps them with the live ones in one transaction (cchc_warehouse.marts.build).
-- The two generations take turns: the shadow holds the warehouse as of an older publication, and an incremental
-- model in it recomputes what changed since then. publication_id: the publication whose data the generation
-- holds (null: never built); complete: false while a build writes into it, and after a build died in it (the
-- next build into it is then a full refresh).
create table if not exists audit.mart_generation (
    generation text primary key check (generation in ('live', 'shadow')),
    publication_id bigint references audit.publication (publication_id),
    complete boolean not null default false
);
-- code_version: the dbt project (models, macros, seeds) that built the generation (cchc_warehouse.marts.build.
-- project_version); a build into a generation built by other code is a full refresh, so that stored incremental
-- tables never keep rows a changed formula or index would compute otherwise.
alter table audit.mart_generation add column if not exists code_version text;
insert into audit.mart_generation (generation, publication_id, complete)
values ('live', null, false), ('shadow', null, false)
on conflict (generation) do nothing;

-- The files whose coverage a build recomputes in the shadow generation: the running publication's, and those of
-- the publications since the one the shadow holds (the incremental models recompute the periods they touch).
create or replace view audit.recomputed_file as
select
    p.publication_id,
    unnest(p.file_ids) as file_id
from audit.publication as p
where
    p.status = 'running'
    or (
        p.status = 'published'
        and p.publication_id > coalesce(
            (
                select g.publication_id from audit.mart_generation as g
                where g.generation = 'shadow'
            ), 0
        )
    );

-- The files a build may read: those published, and while a publication runs, the ones it took when it started (a
-- file accepted during the build waits for the next one); with no build running, every accepted file.
create or replace view audit.visible_file as
select f.file_id
from audit.source_file as f
join audit.file_state as s on s.state = f.status
where
    s.is_accepted
    and (
        not s.awaits_publication
        or not exists (
            select 1 from audit.publication as p
            where p.status = 'running'
        )
        or f.file_id in (select b.file_id from audit.building_file as b)
    );

-- Supersession, defined once: for every source, unit and period, the newest visible accepted file that covers
-- it. Staging, the incremental models and the gate read this view; superseded files stay registered and archived.
create or replace view audit.current_coverage as
select distinct on (f.source, c.unit_code, c.period_start, c.period_grain)
    f.source, c.unit_code, c.period_start, c.file_id, c.rows, c.period_grain
from audit.file_coverage as c
join audit.source_file as f on f.file_id = c.file_id
join audit.visible_file as v on v.file_id = c.file_id
order by f.source asc, c.unit_code asc, c.period_start asc, c.period_grain asc, c.file_id desc;
comment on view audit.current_coverage is
'Tệp mới nhất được chấp nhận cho mỗi nguồn, đơn vị, kỳ / Newest accepted file per source, unit and period';

create table if not exists audit.validation_result (
    file_id bigint not null references audit.source_file (file_id) on delete cascade,
    run_at timestamptz not null default now(),
    suite_name text not null,
    expectation_type text not null,
    column_name text,
    severity text not null,
    success boolean not null,
    observed_value text,
    unexpected_count bigint,
    examples jsonb,          -- [{source_row, source_sheet, value}] up to 20
    message text,           -- Vietnamese, names file, sheet, rows and column
    gx_result jsonb           -- the full GX result, for auditors
);
create index if not exists validation_result_file_idx on audit.validation_result (file_id);

-- The whole GX result of each file's validation, as GX writes it: data docs are rendered from it once per
-- publication (cchc_warehouse.reporting.docs), by any worker.
create table if not exists audit.gx_validation (
    file_id bigint not null references audit.source_file (file_id) on delete cascade,
    suite_name text not null,
    run_name text,
    run_time timestamptz not null,
    batch_identifier text not null,
    result jsonb not null
);
create index if not exists gx_validation_file_idx on audit.gx_validation (file_id);

-- when the archived copy was deleted under the retention setting (cchc archive purge); the hash stays
alter table audit.source_file add column if not exists archive_purged_at timestamptz;

-- What each publication published of the indicator values, append-only: the rows that changed (new or different
-- numerator, denominator, value or source) and those that disappeared (removed). A figure as published on a date
-- is its newest row from a publication finished by then (cchc trace --as-of); nothing published is ever lost.
create table if not exists audit.published_indicator_value (
    publication_id bigint not null references audit.publication (publication_id),
    unit_code text not null,
    unit_valid_from date not null,       -- the unit's version (a code reused after a reorganisation is another one)
    period text not null,                -- YYYY-MM, YYYY-Qn or YYYY, as rpt_indicator_value
    indicator_code text not null,
    numerator numeric,
    denominator numeric,
    value numeric,
    source text,
    removed boolean not null default false,
    primary key (unit_code, unit_valid_from, period, indicator_code, publication_id)
);
comment on table audit.published_indicator_value is
'Lịch sử số liệu chỉ số đã công bố (chỉ ghi thêm) / Indicator values as each publication published them';
