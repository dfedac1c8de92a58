-- Each unit's counts plus those of every unit below it (departments and communes roll up to the
-- province; communes to their district): parts are summed, never ratios averaged.
with counts as (

    select * from {{ ref('int_one_stop__unit_month_counts') }}

),

ancestors as (

    select * from {{ ref('int_unit_ancestors') }}

)

select
    a.ancestor_code                 as unit_code,
    c.period_month,
    count(*)                        as contributing_units,
    sum(c.received)                 as received,
    sum(c.received_online)          as received_online,
    sum(c.carried_over)             as carried_over,
    sum(c.resolved)                 as resolved,
    sum(c.resolved_early)           as resolved_early,
    sum(c.resolved_on_time)         as resolved_on_time,
    sum(c.resolved_late)            as resolved_late,
    sum(c.pending)                  as pending,
    sum(c.pending_overdue)          as pending_overdue,
    sum(c.withdrawn_other)          as withdrawn_other,
    sum(c.received_with_fee)        as received_with_fee,
    sum(c.received_paid_online)     as received_paid_online,
    sum(c.resolved_digitized)       as resolved_digitized,
    sum(c.resolution_days_total)    as resolution_days_total
from counts c
join ancestors a on a.unit_code = c.unit_code
group by a.ancestor_code, c.period_month
