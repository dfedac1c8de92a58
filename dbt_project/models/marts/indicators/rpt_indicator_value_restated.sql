-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{ config_recomputed_by_period() }}
-- Indicator values restated to today's units, for reports comparing a reorganised unit's whole history
-- (new Phú Thọ before July 2025 = old Phú Thọ + Hòa Bình + Vĩnh Phúc), with names, labels and targets of
-- today's unit. rpt_indicator_value shows every unit as it was. Stored, and incremental by period, as
-- rpt_indicator_value is.
with facts as (

    select * from {{ ref('fct_indicator_value_restated') }}

),

recomputed as (

    select * from facts
    {% if is_incremental() %}
        where {{ period_end_of('period_type', 'period_start') }} >= {{ indicators_affected_from() }}
    {% endif %}

)

select
    f.unit_code,
    u.unit_name,
    u.unit_level,
    u.unit_level_vi,
    u.parent_unit_code,
    u.province_code,
    f.period_type,
    p.period,
    p.period_label_vi,
    f.period_start,
    p.year,
    p.quarter,
    f.indicator_code,
    i.name_vi            as indicator_name_vi,
    i.name_en            as indicator_name_en,
    i.area               as indicator_area,
    i.unit_of_measure,
    f.numerator,
    f.denominator,
    f.value,
    round(f.value, 2)    as value_rounded,
    f.source,
    f.contributing_units,
    f.months_covered,
    prev.value           as previous_year_value,
    f.value - prev.value as change_vs_previous_year
from recomputed as f
join {{ ref('dim_unit') }} as u on u.unit_code = f.unit_code and u.valid_from = f.unit_valid_from
join {{ ref('dim_period') }} as p on p.period_type = f.period_type and p.period_start = f.period_start
join {{ ref('dim_indicator') }} as i on i.indicator_code = f.indicator_code
left join facts as prev
    on prev.unit_code = f.unit_code and prev.indicator_code = f.indicator_code and prev.period_type = f.period_type
        and prev.period_start = (f.period_start - interval '1 year')::date
