-- CCHC plan progress of each responsible unit as of each report (month of the report date), from the tasks'
-- flags (fct_plan_task): done rate = tasks done by the report date / tasks of the year's plan; on-time rate =
-- tasks done by their deadline / tasks whose deadline is before the report date.
with tasks as (

    select * from {{ ref('fct_plan_task') }}

)

select
    unit_code, report_month as period_month, v.indicator_code, v.numerator, v.denominator, 100 as scale,
    'plan_tasks'::text      as source
from (
    select
        unit_code,
        report_month,
        count(*) filter (where is_done)::numeric                                    as done,
        count(*)::numeric                                                           as planned,
        count(*) filter (where is_due and is_done and is_done_by_deadline)::numeric as done_on_time,
        count(*) filter (where is_due)::numeric                                     as due
    from tasks
    group by unit_code, report_month
) as t
cross join lateral (
    values
    ('PLAN_TASKS_DONE_RATE', t.done, t.planned),
    ('PLAN_TASKS_ONTIME_RATE', t.done_on_time, t.due)
) as v (indicator_code, numerator, denominator)
