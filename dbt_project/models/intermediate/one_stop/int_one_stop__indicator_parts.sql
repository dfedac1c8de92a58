-- One-stop indicators of each unit's own dossiers (no roll-up yet) as numerator and denominator.
-- scale: 100 for a percentage, 1 for a count or an average; denominator NULL for a count.
with counts as (

    select * from {{ ref('int_one_stop__unit_month_counts') }}

)

select
    c.unit_code, c.period_month, v.indicator_code, v.numerator, v.denominator, v.scale,
    'one_stop_dossiers'::text as source
from counts as c
cross join lateral (
    values
    ('OSS_RECEIVED', c.received::numeric, null::numeric, 1),
    ('OSS_CARRIED_OVER', c.carried_over, null, 1),
    ('OSS_RESOLVED', c.resolved, null, 1),
    ('OSS_RESOLVED_EARLY', c.resolved_early, null, 1),
    ('OSS_RESOLVED_ON_TIME', c.resolved_on_time, null, 1),
    ('OSS_RESOLVED_LATE', c.resolved_late, null, 1),
    ('OSS_PENDING', c.pending, null, 1),
    ('OSS_PENDING_OVERDUE', c.pending_overdue, null, 1),
    ('OSS_ONTIME_RATE', c.resolved_early + c.resolved_on_time, c.resolved, 100),
    ('OSS_ONLINE_RATE', c.received_online, c.received, 100),
    ('OSS_ONLINE_PAYMENT_RATE', c.received_paid_online, c.received_with_fee, 100),
    ('OSS_DIGITIZED_RESULT_RATE', c.resolved_digitized, c.resolved, 100),
    ('OSS_AVG_RESOLUTION_DAYS', c.resolution_days_total, c.resolved, 1)
) as v (indicator_code, numerator, denominator, scale)
