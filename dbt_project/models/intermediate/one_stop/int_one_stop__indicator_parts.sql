-- One-stop indicators of each unit's own dossiers (no roll-up yet) as numerator and denominator: the indicator
-- records summed (one_stop_indicator_rules). scale: 100 for a percentage, 1 for a count or an average;
-- denominator NULL for a count.
with records as (

    select * from {{ ref('int_one_stop__indicator_records') }}

)

select
    unit_code,
    period_month,
    indicator_code,
    coalesce(sum(amount) filter (where in_numerator), 0)::numeric                               as numerator,
    case when bool_or(has_denominator) then count(*) filter (where in_denominator)::numeric end as denominator,
    max(scale)                                                                                  as scale,
    'one_stop_dossiers'::text                                                                   as source
from records
group by unit_code, period_month, indicator_code
