-- Monthly indicator parts for each unit as it was: its own parts plus those of every unit below it
-- (departments and districts roll up to the province, communes to their district; from 1 July 2025 communes
-- roll up to the province), by the unit versions valid in the month. Numerators and denominators are summed;
-- ratios are computed later from the sums.
with own as (

    select * from {{ ref('int_indicator_parts__own') }}

),

ancestors as (

    select * from {{ ref('int_unit_ancestors') }}

)

select
    a.ancestor_code                      as unit_code,
    a.ancestor_valid_from                as unit_valid_from,
    o.period_month,
    o.indicator_code,
    sum(o.numerator)                     as numerator,
    sum(o.denominator)                   as denominator,
    max(o.scale)                         as scale,
    string_agg(distinct o.source, ' + ') as source,
    count(distinct o.unit_code)          as contributing_units
from own as o
join ancestors as a
    on a.unit_code = o.unit_code and o.period_month >= a.valid_from and o.period_month < a.valid_to
group by a.ancestor_code, a.ancestor_valid_from, o.period_month, o.indicator_code
