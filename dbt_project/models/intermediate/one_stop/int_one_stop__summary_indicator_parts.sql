-- One-stop indicators of each unit's own Biểu 06 form (the field rows summed; the gate has checked that the
-- total row equals that sum): received = (4) + (5), carried over (6), resolved (7) split (8) (9) (10),
-- in progress (11), of which overdue (13); on-time rate ((8) + (9)) / (7); online rate (4) / ((4) + (5)).
-- The form has no fee, payment, digitisation or duration columns: those indicators come from listings only.
with forms as (

    select
        unit_code,
        period_month,
        sum(received_online)  as received_online,
        sum(received_direct)  as received_direct,
        sum(carried_over)     as carried_over,
        sum(resolved_total)   as resolved,
        sum(resolved_early)   as resolved_early,
        sum(resolved_on_time) as resolved_on_time,
        sum(resolved_late)    as resolved_late,
        sum(pending_total)    as pending,
        sum(pending_overdue)  as pending_overdue
    from {{ ref('fct_one_stop_summary') }}
    where not is_total
    group by unit_code, period_month

)

select
    f.unit_code, f.period_month, v.indicator_code, v.numerator, v.denominator, v.scale,
    'one_stop_summary'::text as source
from forms as f
cross join lateral (
    values
    ('OSS_RECEIVED', (f.received_online + f.received_direct)::numeric, null::numeric, 1),
    ('OSS_CARRIED_OVER', f.carried_over, null, 1),
    ('OSS_RESOLVED', f.resolved, null, 1),
    ('OSS_RESOLVED_EARLY', f.resolved_early, null, 1),
    ('OSS_RESOLVED_ON_TIME', f.resolved_on_time, null, 1),
    ('OSS_RESOLVED_LATE', f.resolved_late, null, 1),
    ('OSS_PENDING', f.pending, null, 1),
    ('OSS_PENDING_OVERDUE', f.pending_overdue, null, 1),
    ('OSS_ONTIME_RATE', f.resolved_early + f.resolved_on_time, f.resolved, 100),
    ('OSS_ONLINE_RATE', f.received_online, f.received_online + f.received_direct, 100)
) as v (indicator_code, numerator, denominator, scale)
