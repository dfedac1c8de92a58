-- Targets (chỉ tiêu) and bands (xếp loại), maintained by the province: `cchc targets import FILE.csv` and
-- `cchc bands import FILE.csv` replace the rows of the years a file covers.

create table if not exists ref.indicator_target (
    indicator_code text not null,
    unit_level     text not null check (unit_level in ('province', 'department', 'district', 'commune', 'all')),
    year           integer not null,
    comparison     text not null check (comparison in ('>=', '>', '<=', '<', '=')),
    threshold      numeric not null,
    note           text,
    imported_at    timestamptz not null default now(),
    primary key (indicator_code, unit_level, year)
);
comment on table ref.indicator_target is 'Chỉ tiêu theo chỉ số, cấp đơn vị và năm / Indicator targets';

-- A band applies to values v with min_value <= v < max_value (max_value NULL: no upper bound).
-- scheme: par_internal (the province's ranking of its units) or par_national (groups A/B/C of provinces).
create table if not exists ref.band_rule (
    scheme         text not null,
    year           integer not null,
    band_code      text not null,
    band_label_vi  text not null,
    min_value      numeric not null,
    max_value      numeric,
    imported_at    timestamptz not null default now(),
    primary key (scheme, year, band_code)
);
comment on table ref.band_rule is 'Ngưỡng xếp loại theo năm / Band thresholds per year';

grant select on ref.indicator_target, ref.band_rule to cchc_transformer, cchc_auditor;
