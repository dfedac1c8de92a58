{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['period_month'],
        on_schema_change='fail'
    )
}}
-- One-stop indicators per unit and month, with numerator and denominator so every figure can be
-- re-derived and aggregated; ratios are computed from summed parts; a zero denominator gives NULL.
-- value keeps 10 decimals (reports print 2).
-- Incremental: a run rebuilds only the months the newly loaded files can change.
with rollup as (

    select * from {{ ref('int_one_stop__unit_month_rollup') }}
    {% if is_incremental() %}
    where period_month >= {{ one_stop_affected_from() }}
    {% endif %}

),

values_ as (

    select r.unit_code, r.period_month, r.contributing_units, v.indicator_code, v.numerator, v.denominator, v.scale
    from rollup r
    cross join lateral (values
        ('OSS_RECEIVED',              r.received::numeric,             null::numeric,                 1),
        ('OSS_CARRIED_OVER',          r.carried_over,                  null,                          1),
        ('OSS_RESOLVED',              r.resolved,                      null,                          1),
        ('OSS_RESOLVED_EARLY',        r.resolved_early,                null,                          1),
        ('OSS_RESOLVED_ON_TIME',      r.resolved_on_time,              null,                          1),
        ('OSS_RESOLVED_LATE',         r.resolved_late,                 null,                          1),
        ('OSS_PENDING',               r.pending,                       null,                          1),
        ('OSS_PENDING_OVERDUE',       r.pending_overdue,               null,                          1),
        ('OSS_ONTIME_RATE',           r.resolved_early + r.resolved_on_time, r.resolved,              100),
        ('OSS_ONLINE_RATE',           r.received_online,               r.received,                    100),
        ('OSS_ONLINE_PAYMENT_RATE',   r.received_paid_online,          r.received_with_fee,           100),
        ('OSS_DIGITIZED_RESULT_RATE', r.resolved_digitized,            r.resolved,                    100),
        ('OSS_AVG_RESOLUTION_DAYS',   r.resolution_days_total,         r.resolved,                    1)
    ) as v(indicator_code, numerator, denominator, scale)

)

select
    unit_code,
    period_month,
    indicator_code,
    numerator,
    denominator,
    case
        when denominator is null then numerator
        when denominator = 0 then null
        else round(numerator * scale / denominator, 10)
    end                              as value,
    'one_stop_dossiers'::text        as source,
    contributing_units,
    now()                            as computed_at
from values_
