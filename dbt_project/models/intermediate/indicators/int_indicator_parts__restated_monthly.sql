-- Monthly indicator parts restated to today's units: every unit's own parts, whichever version reported them,
-- carried to the current unit(s) that succeeded it (weighted), then rolled up through today's hierarchy.
-- New Phú Thọ (25) in June 2025 = old Phú Thọ + Hòa Bình + Vĩnh Phúc; ratios are recomputed from the summed
-- parts, never averaged.
with own as (

    select o.*, v.valid_from as own_valid_from
    from {{ ref('int_indicator_parts__own') }} as o
    join {{ ref('stg_ref__units') }} as v
        on v.unit_code = o.unit_code and o.period_month >= v.valid_from and o.period_month < v.valid_to

),

carried as (

    select
        s.current_code, s.current_valid_from, o.unit_code as reported_by, o.period_month, o.indicator_code,
        o.numerator * s.weight                            as numerator,
        o.denominator * s.weight                          as denominator,
        o.scale,
        o.source
    from own as o
    join {{ ref('int_unit_current_successors') }} as s on s.unit_code = o.unit_code and s.valid_from = o.own_valid_from

),

today as (

    select * from {{ ref('int_unit_ancestors') }}
    where valid_to = date '9999-12-31'

)

select
    a.ancestor_code                      as unit_code,
    a.ancestor_valid_from                as unit_valid_from,
    c.period_month,
    c.indicator_code,
    sum(c.numerator)                     as numerator,
    sum(c.denominator)                   as denominator,
    max(c.scale)                         as scale,
    string_agg(distinct c.source, ' + ') as source,
    count(distinct c.reported_by)        as contributing_units
from carried as c
join today as a on a.unit_code = c.current_code and a.unit_valid_from = c.current_valid_from
group by a.ancestor_code, a.ancestor_valid_from, c.period_month, c.indicator_code
