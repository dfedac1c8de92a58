-- CCHC plan progress of each responsible unit as of each report (month of the report date):
--   done rate    = tasks done (on time or late) by the report date / tasks of the year's plan;
--   on-time rate = tasks done by their deadline / tasks whose deadline is before the report date.
-- Done on time: the completion date when given (<= deadline), else the status written in the file.
with tasks as (

    select
        *,
        status_code in ('done', 'done_late') and coalesce(done_date <= report_date, true) as is_done,
        case when done_date is not null then done_date <= deadline_date
             else status_code = 'done' end                                           as done_by_deadline
    from {{ ref('stg_plan__tasks') }}

)

select unit_code, report_month as period_month, v.indicator_code, v.numerator, v.denominator, 100 as scale,
       'plan_tasks'::text as source
from (
    select
        unit_code,
        report_month,
        count(*) filter (where is_done)::numeric                                                as done,
        count(*)::numeric                                                                       as planned,
        count(*) filter (where deadline_date < report_date and is_done and done_by_deadline)::numeric as done_on_time,
        count(*) filter (where deadline_date < report_date)::numeric                            as due
    from tasks
    group by unit_code, report_month
) t
cross join lateral (values
    ('PLAN_TASKS_DONE_RATE',   t.done,         t.planned),
    ('PLAN_TASKS_ONTIME_RATE', t.done_on_time, t.due)
) as v(indicator_code, numerator, denominator)
