-- Monthly indicator parts of every source, for each unit and each of its ancestors: a unit's figures
-- include those of the units below it (departments and districts roll up to the province, communes to
-- their district; from 1 July 2025 communes roll up to the province), by the versions valid in the month.
-- Numerators and denominators are summed; ratios are computed later from the sums.
-- One-stop precedence, per unit and month: the dossier listing when the unit has one for the month (row-level,
-- auditable to each dossier, and it gives every indicator), else the unit's Biểu 06 form. Differences between
-- the two are shown by rpt_one_stop_reconciliation, never hidden. `source` says where each value came from.
with listed as (

    select unit_code, period_month from {{ ref('int_one_stop__unit_months') }}

),

own as (

    select * from {{ ref('int_one_stop__indicator_parts') }}
    union all
    select s.* from {{ ref('int_one_stop__summary_indicator_parts') }} s
    where not exists (select 1 from listed l where l.unit_code = s.unit_code and l.period_month = s.period_month)
    union all
    select * from {{ ref('int_esign__indicator_parts') }}
    union all
    select * from {{ ref('int_sipas__indicator_parts') }}
    union all
    select * from {{ ref('int_plan__indicator_parts') }}

),

ancestors as (

    select * from {{ ref('int_unit_ancestors') }}

)

select
    a.ancestor_code                                 as unit_code,
    a.ancestor_valid_from                           as unit_valid_from,
    o.period_month,
    o.indicator_code,
    sum(o.numerator)                                as numerator,
    sum(o.denominator)                              as denominator,
    max(o.scale)                                    as scale,
    string_agg(distinct o.source, ' + ')            as source,
    count(distinct o.unit_code)                     as contributing_units
from own o
join ancestors a
  on a.unit_code = o.unit_code and o.period_month >= a.valid_from and o.period_month < a.valid_to
group by a.ancestor_code, a.ancestor_valid_from, o.period_month, o.indicator_code
