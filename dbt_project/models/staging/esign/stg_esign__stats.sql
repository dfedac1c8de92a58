-- Document-management statistics, one row per unit and month (the row's own month) of the file current for it.
with source as (

    {{ current_rows('esign_stats') }}

),

renamed as (

    select
        unit_code,
        period  as period_month,
        outgoing_total,
        outgoing_signed,
        incoming_total,
        incoming_electronic,
        workfiles_total,
        workfiles_online,
        file_id as source_file_id,
        source_row
    from source

)

select * from renamed
