-- One-stop indicators of each unit's own dossiers (no roll-up yet) as numerator and denominator: the indicator
-- records (int_one_stop__indicator_records) summed, computed in one pass over the month's active dossiers, one
-- conditional sum per rule of one_stop_indicator_rule_list, then one row per indicator (not the records built and
-- grouped: a row per dossier, month and indicator). scale: 100 for a percentage, 1 for a count or an average;
-- denominator NULL for a count.
with activity as (

    select * from {{ ref('int_one_stop__dossier_activity') }}

),

sums as (

    select
        a.unit_code,
        a.period_month,
        {{ one_stop_indicator_rule_sums() }}
    from activity as a
    group by a.unit_code, a.period_month

)

select
    s.unit_code,
    s.period_month,
    v.indicator_code,
    v.numerator,
    v.denominator,
    v.scale,
    'one_stop_dossiers'::text as source
from sums as s
cross join lateral (
    {{ one_stop_indicator_rule_totals() }}
) as v (indicator_code, numerator, denominator, scale)
