-- Biểu 06 forms: one row per field row and total row (headings dropped). For each (unit, month) the newest
-- accepted form wins.
with source as (

    {{ accepted_rows(source('raw', 'one_stop_summary_typed'), per_unit=true) }}

),

renamed as (

    select
        unit_code,
        period_month,
        row_label                   as field_name,
        is_total,
        received_total_count        as received_total,
        received_online_count       as received_online,
        received_direct_count       as received_direct,
        carried_over_count          as carried_over,
        resolved_total_count        as resolved_total,
        resolved_early_count        as resolved_early,
        resolved_on_time_count      as resolved_on_time,
        resolved_late_count         as resolved_late,
        pending_total_count         as pending_total,
        pending_within_count        as pending_within,
        pending_overdue_count       as pending_overdue,
        file_id                     as source_file_id,
        source_row
    from source
    where not is_heading

)

select * from renamed
