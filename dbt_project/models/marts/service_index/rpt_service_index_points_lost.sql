-- Why points were lost: each unit's sub-indicators for each period, in Vietnamese, with the counts, rate,
-- threshold, points obtained and lost, and the file and row the counts came from.
with subs as (

    select * from {{ ref('fct_service_index_sub_points') }}

),

scheme as (

    select distinct scheme_version, group_code, group_name_vi, sub_code, sub_name_vi
    from {{ ref('svc766_scheme') }}

)

select
    s.unit_code,
    u.unit_name,
    s.period_type,
    s.period_start,
    p.period,
    p.period_label_vi,
    s.scheme_version,
    s.group_code,
    c.group_name_vi,
    s.sub_code,
    c.sub_name_vi,
    s.numerator,
    s.denominator,
    round(100 * s.rate, 2)                                              as rate_pct,
    case when s.rule = 'threshold' then round(100 * s.threshold, 2) end as threshold_pct,
    s.max_points,
    s.points,
    s.points_lost,
    case
        when s.rule = 'constant' then case when s.points = 0 then 'Tệp ghi: không có' else 'Có' end
        when s.counts_missing then 'Thiếu số liệu'
        when s.denominator = 0 then 'Mẫu số bằng 0'
    end                                                                 as note_vi,
    f.file_name                                                         as source_file_name,
    s.source_file_id,
    s.source_row
from subs as s
inner join scheme as c on s.scheme_version = c.scheme_version and s.sub_code = c.sub_code
inner join {{ ref('dim_period') }} as p on s.period_type = p.period_type and s.period_start = p.period_start
left join lateral (
    select d.unit_name from {{ ref('dim_unit') }} as d
    where d.unit_code = s.unit_code and d.valid_from <= s.period_start
    order by d.valid_from desc limit 1
) as u on true
left join {{ ref('stg_audit__source_files') }} as f on s.source_file_id = f.file_id
