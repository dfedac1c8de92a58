-- The CCHC plan's tasks as of each report, with the deadline resolved to a date and what each task's state means,
-- defined once: done (on time or late) by the report date; due (deadline before the report date); done by its
-- deadline (the completion date when given, else the status written in the file).
select
    report_month, report_date, plan_year, task_code, task_name, area, unit_code, deadline_text, deadline_date,
    status_code,
    case status_code when 'done' then 'Hoàn thành' when 'done_late' then 'Hoàn thành quá hạn'
        when 'in_progress' then 'Đang thực hiện' else 'Chưa thực hiện'
    end                                                                               as status_vi,
    done_date,
    status_code in ('done', 'done_late') and coalesce(done_date <= report_date, true) as is_done,
    deadline_date < report_date                                                       as is_due,
    case when done_date is not null then done_date <= deadline_date
        else status_code = 'done'
    end                                                                               as is_done_by_deadline,
    source_file_id, source_row
from {{ ref('stg_plan__tasks') }}
