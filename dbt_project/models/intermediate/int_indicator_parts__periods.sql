-- Month, quarter and year parts from the monthly parts, by the indicator's aggregation rule (dim_indicator):
--   sum   flows (received, resolved, answers, documents): the months' numerators and denominators summed;
--   first stocks at the start (carried over): the first month of the period that has the indicator;
--   last  stocks at the end (in progress, plan progress as of the latest report): the last such month.
-- months_covered says how many months of the period had data (a quarter with 2 is incomplete). A unit code
-- with two versions in one year (province 25 in 2025) has a row per version: each as it was.
with monthly as (

    select m.*, i.aggregation
      from {{ ref('int_indicator_parts__monthly') }} m
      join {{ ref('indicators') }} i on i.indicator_code = m.indicator_code

),

framed as (

    select monthly.*, p.period_type, p.period_start
      from monthly
     cross join lateral (values
        ('month',   period_month),
        ('quarter', date_trunc('quarter', period_month)::date),
        ('year',    date_trunc('year', period_month)::date)
     ) as p(period_type, period_start)

),

ranked as (

    select
        framed.*,
        row_number() over (partition by unit_code, unit_valid_from, indicator_code, period_type, period_start
                           order by period_month)      as from_start,
        row_number() over (partition by unit_code, unit_valid_from, indicator_code, period_type, period_start
                           order by period_month desc) as from_end,
        count(*) over (partition by unit_code, unit_valid_from, indicator_code, period_type, period_start)
                                                        as months_covered
    from framed

)

select
    unit_code,
    unit_valid_from,
    period_type,
    period_start,
    (period_start + case period_type when 'month' then interval '1 month' when 'quarter' then interval '3 months'
                                     else interval '1 year' end - interval '1 day')::date as period_end,
    indicator_code,
    sum(numerator)                        as numerator,
    sum(denominator)                      as denominator,
    max(scale)                            as scale,
    string_agg(distinct source, ' + ')    as source,
    max(contributing_units)               as contributing_units,
    max(months_covered)                   as months_covered
from ranked
where aggregation = 'sum'
   or (aggregation = 'first' and from_start = 1)
   or (aggregation = 'last' and from_end = 1)
group by unit_code, unit_valid_from, period_type, period_start, indicator_code
