-- Raw tables of the monthly and yearly sources besides dossier listings. Same shape as
-- raw.one_stop_dossiers: each contract column as the text in the file (NFC), the value the loader read
-- from it (NULL when unreadable: the gate reports it), lineage (load, file, row, sheet) and unknown columns
-- in extra. Personal-data columns never get here. A BRIN index on file_id serves every per-file query.
-- Each source has a view <table>_typed adding the file's period: what the gate validates and dbt reads. It is
-- created once (r.* is expanded then); a later script that adds a column replaces it with the column appended.

create table if not exists raw.esign_stats (
    load_id      bigint not null,
    file_id      bigint not null,
    source_row   integer not null,
    source_sheet text,
    unit_code text,
    unit_name text,
    period text,
    report_month date,
    outgoing_total text,
    outgoing_total_count bigint,
    outgoing_signed text,
    outgoing_signed_count bigint,
    incoming_total text,
    incoming_total_count bigint,
    incoming_electronic text,
    incoming_electronic_count bigint,
    workfiles_total text,
    workfiles_total_count bigint,
    workfiles_online text,
    workfiles_online_count bigint,
    extra        jsonb
);
create index if not exists esign_stats_file_brin on raw.esign_stats using brin (file_id) with (pages_per_range = 32);
comment on table raw.esign_stats is 'Thống kê văn bản điện tử, chữ ký số (như trong tệp, kèm giá trị đã đọc) / esign_stats as received';
do $$
begin
    if to_regclass('raw.esign_stats_typed') is null then   -- later scripts extend it: create once
        create view raw.esign_stats_typed as
        select r.*, f.period_month
          from raw.esign_stats r
          join audit.source_file f on f.file_id = r.file_id;
    end if;
end
$$;

create table if not exists raw.sipas_survey (
    load_id      bigint not null,
    file_id      bigint not null,
    source_row   integer not null,
    source_sheet text,
    response_id text,
    surveyed_on text,
    surveyed_date date,
    unit_code text,
    field_name text,
    respondent_type text,
    respondent_type_code text,
    answers jsonb,
    answer_scores jsonb,
    extra        jsonb
);
create index if not exists sipas_survey_file_brin on raw.sipas_survey using brin (file_id) with (pages_per_range = 32);
comment on table raw.sipas_survey is 'Phiếu khảo sát mức độ hài lòng (SIPAS) (như trong tệp, kèm giá trị đã đọc) / sipas_survey as received';
do $$
begin
    if to_regclass('raw.sipas_survey_typed') is null then   -- later scripts extend it: create once
        create view raw.sipas_survey_typed as
        select r.*, f.period_month
          from raw.sipas_survey r
          join audit.source_file f on f.file_id = r.file_id;
    end if;
end
$$;

create table if not exists raw.plan_tasks (
    load_id      bigint not null,
    file_id      bigint not null,
    source_row   integer not null,
    source_sheet text,
    year text,
    year_value integer,
    task_code text,
    task_name text,
    area text,
    unit_code text,
    deadline text,
    deadline_code text,
    status text,
    status_code text,
    done_on text,
    done_date date,
    report_date text,
    report_date_value date,
    extra        jsonb
);
create index if not exists plan_tasks_file_brin on raw.plan_tasks using brin (file_id) with (pages_per_range = 32);
comment on table raw.plan_tasks is 'Kế hoạch CCHC và tiến độ thực hiện (như trong tệp, kèm giá trị đã đọc) / plan_tasks as received';
do $$
begin
    if to_regclass('raw.plan_tasks_typed') is null then   -- later scripts extend it: create once
        create view raw.plan_tasks_typed as
        select r.*, f.period_month
          from raw.plan_tasks r
          join audit.source_file f on f.file_id = r.file_id;
    end if;
end
$$;

create table if not exists raw.par_scores (
    load_id      bigint not null,
    file_id      bigint not null,
    source_row   integer not null,
    source_sheet text,
    unit_code text,
    year text,
    year_value integer,
    criterion_code text,
    criterion_path text,
    criterion_name text,
    max_points text,
    max_points_value double precision,
    self_points text,
    self_points_value double precision,
    appraised_points text,
    appraised_points_value double precision,
    survey_points text,
    survey_points_value double precision,
    note text,
    not_applicable boolean,
    extra        jsonb
);
create index if not exists par_scores_file_brin on raw.par_scores using brin (file_id) with (pages_per_range = 32);
comment on table raw.par_scores is 'Bảng điểm Chỉ số CCHC (như trong tệp, kèm giá trị đã đọc) / par_scores as received';
do $$
begin
    if to_regclass('raw.par_scores_typed') is null then   -- later scripts extend it: create once
        create view raw.par_scores_typed as
        select r.*, f.period_month
          from raw.par_scores r
          join audit.source_file f on f.file_id = r.file_id;
    end if;
end
$$;

create table if not exists raw.par_national (
    load_id      bigint not null,
    file_id      bigint not null,
    source_row   integer not null,
    source_sheet text,
    year text,
    year_value integer,
    province_code text,
    province_name text,
    appraisal_points text,
    appraisal_points_value double precision,
    sipas_points text,
    sipas_points_value double precision,
    leader_survey_points text,
    leader_survey_points_value double precision,
    impact_points text,
    impact_points_value double precision,
    index_value text,
    index_percent double precision,
    rank text,
    rank_value bigint,
    extra        jsonb
);
create index if not exists par_national_file_brin on raw.par_national using brin (file_id) with (pages_per_range = 32);
comment on table raw.par_national is 'Kết quả Chỉ số CCHC các tỉnh (công bố) (như trong tệp, kèm giá trị đã đọc) / par_national as received';
do $$
begin
    if to_regclass('raw.par_national_typed') is null then   -- later scripts extend it: create once
        create view raw.par_national_typed as
        select r.*, f.period_month
          from raw.par_national r
          join audit.source_file f on f.file_id = r.file_id;
    end if;
end
$$;

