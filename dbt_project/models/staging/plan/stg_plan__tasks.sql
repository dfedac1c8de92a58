-- CCHC plan tasks as of each report: the plan file current for each report month. A deadline is the last day it
-- allows (a quarter or a month of the plan's year was turned into its last day when the file was read); a task
-- without a deadline is due by the end of the plan's year.
with source as (

    {{ current_rows('plan_tasks') }}

),

renamed as (

    select
        year                                        as plan_year,
        task_code,
        task_name,
        area,
        unit_code,
        deadline_text,
        coalesce(deadline, make_date(year, 12, 31)) as deadline_date,
        status                                      as status_code,
        done_on                                     as done_date,
        report_date,
        period_month                                as report_month,
        file_id                                     as source_file_id,
        source_row
    from source

)

select * from renamed
