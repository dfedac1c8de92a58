-- Biểu 06 forms: one row per field row and the total row of the form current for each (unit, month).
with source as (

    {{ current_rows('one_stop_summary') }}

),

renamed as (

    select
        unit_code,
        period_month,
        row_label as field_name,
        is_total,
        received_total,
        received_online,
        received_direct,
        carried_over,
        resolved_total,
        resolved_early,
        resolved_on_time,
        resolved_late,
        pending_total,
        pending_within,
        pending_overdue,
        file_id   as source_file_id,
        source_sheet,
        source_row
    from source

)

select * from renamed
