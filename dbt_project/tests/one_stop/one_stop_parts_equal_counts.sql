-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
-- The one-stop indicator parts (indicator records summed: one_stop_indicator_rules) equal the month's counts
-- (one_stop_counts over the same activity flags) for every unit and month: the two readings of the counting rules
-- cannot drift apart. Returns the disagreeing (unit, month, indicator). An incremental build checks the months it
-- recomputed (recomputed_months_from); a full refresh checks every month.
with parts as (

    select * from {{ ref('int_indicator_parts__own') }}   -- int_one_stop__indicator_parts, as stored
    where source = 'one_stop_dossiers' and period_month >= {{ recomputed_months_from() }}

),

counts as (

    select * from {{ ref('int_one_stop__unit_month_counts') }}
    where period_month >= {{ recomputed_months_from() }}

),

expected as (

    select
        c.unit_code,
        c.period_month,
        v.indicator_code,
        v.numerator,
        v.denominator
    from counts as c
    cross join lateral (
        values
        ('OSS_RECEIVED', c.received::numeric, null::numeric),
        ('OSS_CARRIED_OVER', c.carried_over, null),
        ('OSS_RESOLVED', c.resolved, null),
        ('OSS_RESOLVED_EARLY', c.resolved_early, null),
        ('OSS_RESOLVED_ON_TIME', c.resolved_on_time, null),
        ('OSS_RESOLVED_LATE', c.resolved_late, null),
        ('OSS_PENDING', c.pending, null),
        ('OSS_PENDING_OVERDUE', c.pending_overdue, null),
        ('OSS_ONTIME_RATE', c.resolved_early + c.resolved_on_time, c.resolved),
        ('OSS_ONLINE_RATE', c.received_online, c.received),
        ('OSS_ONLINE_PAYMENT_RATE', c.received_paid_online, c.received_with_fee),
        ('OSS_DIGITIZED_RESULT_RATE', c.resolved_digitized, c.resolved),
        ('OSS_AVG_RESOLUTION_DAYS', c.resolution_days_total, c.resolved)
    ) as v (indicator_code, numerator, denominator)

)

select
    coalesce(e.unit_code, p.unit_code)           as unit_code,
    coalesce(e.period_month, p.period_month)     as period_month,
    coalesce(e.indicator_code, p.indicator_code) as indicator_code,
    e.numerator                                  as counted_numerator,
    p.numerator                                  as summed_numerator,
    e.denominator                                as counted_denominator,
    p.denominator                                as summed_denominator
from expected as e
full join parts as p
    on
        e.unit_code = p.unit_code
        and e.period_month = p.period_month
        and e.indicator_code = p.indicator_code
where
    e.numerator is distinct from p.numerator
    or e.denominator is distinct from p.denominator
