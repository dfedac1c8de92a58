-- CCHC plan tasks as of each report: for each report month the newest accepted file wins. Deadlines written
-- as a quarter, a month or 'Cả năm' become the last day of that quarter, month or the plan's year.
with source as (

    {{ accepted_rows(source('raw', 'plan_tasks_typed')) }}

),

renamed as (

    select
        year_value                                   as plan_year,
        task_code,
        task_name,
        area,
        unit_code,
        deadline                                     as deadline_text,
        case
            when deadline_code like 'D:%' then substr(deadline_code, 3)::date
            when deadline_code like 'Q:%'
                then (make_date(year_value, 3 * substr(deadline_code, 3)::int, 1) + interval '1 month - 1 day')::date
            when deadline_code like 'M:%'
                then (make_date(year_value, substr(deadline_code, 3)::int, 1) + interval '1 month - 1 day')::date
            else make_date(year_value, 12, 31)       -- 'Cả năm' or no deadline: the end of the plan's year
        end                                          as deadline_date,
        status_code,
        done_date,
        report_date_value                            as report_date,
        period_month                                 as report_month,
        file_id                                      as source_file_id,
        source_row
    from source

)

select * from renamed
