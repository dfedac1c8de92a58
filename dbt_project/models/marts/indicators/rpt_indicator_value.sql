-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{ config_recomputed_by_period() }}
-- What officials read: every indicator value by unit and period with Vietnamese names, two-decimal display,
-- the target of the unit's level and year and whether it was met, and the change against the same period of
-- the previous year (percentage points for rates, points for PAR points, places for the rank: positive =
-- moved up). Stored, and incremental by period: a build writes again the periods ending on or after the first day
-- the new files can change, reading the year before them for the comparison; names, labels and targets change
-- only with the registry, the code or a targets import, and each of those makes the next builds full refreshes.
with facts as (

    select * from {{ ref('fct_indicator_value') }}

),

recomputed as (

    select * from facts
    {% if is_incremental() %}
        where {{ period_end_of('period_type', 'period_start') }} >= {{ indicators_affected_from() }}
    {% endif %}

),

targets as (

    select * from {{ ref('stg_ref__indicator_targets') }}

)

select
    f.unit_code,
    f.unit_valid_from,
    u.unit_name,
    u.unit_level,
    u.unit_level_vi,
    u.parent_unit_code,
    u.province_code,
    f.period_type,
    p.period,
    p.period_label_vi,
    f.period_start,
    case when f.period_type = 'month' then f.period_start end as period_month,
    p.year,
    p.quarter,
    f.indicator_code,
    i.name_vi                                                 as indicator_name_vi,
    i.name_en                                                 as indicator_name_en,
    i.area                                                    as indicator_area,
    i.unit_of_measure,
    i.direction,
    f.numerator,
    f.denominator,
    f.value,
    round(f.value, 2)                                         as value_rounded,
    f.source,
    f.contributing_units,
    f.months_covered,
    t.comparison                                              as target_comparison,
    t.threshold                                               as target_value,
    case t.comparison
        when '>=' then f.value >= t.threshold
        when '>' then f.value > t.threshold
        when '<=' then f.value <= t.threshold
        when '<' then f.value < t.threshold
        when '=' then f.value = t.threshold
    end                                                       as target_met,
    prev.value                                                as previous_year_value,
    case when f.indicator_code = 'PAR_RANK' then prev.value - f.value
        else f.value - prev.value
    end                                                       as change_vs_previous_year,
    f.computed_at
from recomputed as f
join {{ ref('dim_unit') }} as u on u.unit_code = f.unit_code and u.valid_from = f.unit_valid_from
join {{ ref('dim_period') }} as p on p.period_type = f.period_type and p.period_start = f.period_start
join {{ ref('dim_indicator') }} as i on i.indicator_code = f.indicator_code
left join lateral (
    -- the target of the unit's own level wins over one for every level
    -- a lateral subquery: it reads the outer rows
    select * from targets as t
    where t.indicator_code = f.indicator_code and t.target_year = p.year  -- noqa: RF03
        and t.unit_level in (u.unit_level, 'all')
    order by (t.unit_level = 'all')
    limit 1
) as t on true
left join facts as prev      -- the same unit version: no comparison across a reorganisation (see the restated mart)
    on prev.unit_code = f.unit_code
        and prev.unit_valid_from = f.unit_valid_from
        and prev.indicator_code = f.indicator_code
        and prev.period_type = f.period_type and prev.period_start = (f.period_start - interval '1 year')::date
