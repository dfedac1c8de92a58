{#-
  Month, quarter and year parts from monthly parts (unit_code, unit_valid_from, period_month, indicator_code,
  numerator, denominator, scale, source, contributing_units), by the indicator's aggregation rule (seed
  indicators): sum (flows), first (stocks at the start: carried over), last (stocks at the end: in progress,
  plan progress). months_covered = months of the period with data.
  since: only the periods of the years from that day's on (an incremental build: every month, quarter and year
  ending on or after `since` starts on or after 1 January of its year), filtered on the months read, so that the
  work grows with the periods recomputed, not with the history.
-#}
{% macro aggregate_periods(monthly, since=none) %}
with monthly as (

    select m.*, i.aggregation
      from {{ monthly }} m
      join {{ ref('indicators') }} i on i.indicator_code = m.indicator_code
    {%- if since is not none %}
     where m.period_month >= date_trunc('year', {{ since }})::date
    {%- endif %}

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
{% endmacro %}
