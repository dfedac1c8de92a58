-- Reference data: the unit registry the province maintains (effective-dated), targets and bands, and the codes of
-- the domain (dossier statuses, channels: rows written by 030_codes.generated.sql from reference/*.csv).

create extension if not exists btree_gist;

-- A unit version is valid during [valid_from, valid_to) and is keyed on code + valid_from, never on code alone
-- (province code 15 is Yên Bái until 30 June 2025, Lào Cai from 1 July 2025). A renamed or re-parented unit gets a
-- new version; versions of one code never overlap.
create table if not exists ref.unit (
    unit_code text not null,
    valid_from date not null default date '1900-01-01',
    valid_to date,                    -- exclusive; NULL: still valid
    unit_name text not null,
    name_key text,                    -- cchc_warehouse.textnorm.unit_name_key(unit_name): matching names to codes
    level text not null check (level in ('province', 'department', 'district', 'commune')),
    parent_code text,                    -- a parent code names several versions: no foreign key
    provenance text,                    -- 'csv:<file>' or 'vietnamadminunits==<version>'
    imported_from text,
    imported_at timestamptz not null default now(),
    primary key (unit_code, valid_from),
    check (parent_code is distinct from unit_code),
    check ((level = 'province') = (parent_code is null)),
    constraint unit_validity_order check (valid_to is null or valid_to > valid_from),
    constraint unit_versions_do_not_overlap exclude using gist (
        unit_code with =, daterange(valid_from, valid_to) with &&
    )
);
create index if not exists unit_name_key_idx on ref.unit (name_key);
comment on table ref.unit is
'Danh mục đơn vị theo thời gian hiệu lực (tỉnh, sở ngành, huyện, xã) / Unit registry, effective-dated';

-- Which units took over from a unit that ended (merged provinces, split communes).
create table if not exists ref.unit_successor (
    old_code text not null,
    old_valid_from date not null,
    new_code text not null,
    new_valid_from date not null,
    effective_on date not null,          -- the first day the new unit exists
    is_default boolean not null,       -- a split unit: the successor its figures are carried to
    weight numeric not null check (weight between 0 and 1),  -- share of the old unit's figures
    provenance text,
    primary key (old_code, old_valid_from, new_code, new_valid_from)
);
create index if not exists unit_successor_new_idx on ref.unit_successor (new_code, new_valid_from);
comment on table ref.unit_successor is
'Đơn vị kế thừa sau sắp xếp (sáp nhập tỉnh, chia tách xã) / Successor units (crosswalk old -> new)';

-- Targets (chỉ tiêu) and bands (xếp loại): `cchc targets import` and `cchc bands import` replace the years a file
-- covers.
create table if not exists ref.indicator_target (
    indicator_code text not null,
    unit_level text not null check (unit_level in ('province', 'department', 'district', 'commune', 'all')),
    year integer not null,
    comparison text not null check (comparison in ('>=', '>', '<=', '<', '=')),
    threshold numeric not null,
    note text,
    imported_at timestamptz not null default now(),
    primary key (indicator_code, unit_level, year)
);
comment on table ref.indicator_target is 'Chỉ tiêu theo chỉ số, cấp đơn vị và năm / Indicator targets';

-- A band applies to values v with min_value <= v < max_value (max_value NULL: no upper bound). scheme:
-- par_internal (the province's ranking of its units) or par_national (groups A/B/C of provinces).
create table if not exists ref.band_rule (
    scheme text not null,
    year integer not null,
    band_code text not null,
    band_label_vi text not null,
    min_value numeric not null,
    max_value numeric,
    imported_at timestamptz not null default now(),
    primary key (scheme, year, band_code)
);
comment on table ref.band_rule is 'Ngưỡng xếp loại theo năm / Band thresholds per year';

create table if not exists ref.dossier_status (
    status_code smallint primary key,
    label_vi text not null,
    label_en text not null,
    status_group text not null check (status_group in ('in_progress', 'resolved', 'withdrawn_other'))
);
comment on table ref.dossier_status is
'Trạng thái hồ sơ và nhóm (đã giải quyết; rút, từ chối, dừng; đang xử lý) / Dossier statuses';

create table if not exists ref.channel (
    channel_code smallint primary key,
    label_vi text not null,
    label_en text not null,
    is_online boolean not null,
    kind text             -- direct, online, postal: how the Decision 766 index splits dossiers by channel
);
alter table ref.channel add column if not exists kind text;
comment on table ref.channel is 'Kênh nộp hồ sơ / Submission channels';
