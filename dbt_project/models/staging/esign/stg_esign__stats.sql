-- Document-management statistics, one row per unit and month: for each (unit, month) the newest
-- accepted file that reports it wins.
with source as (

    select t.*
      from {{ source('raw', 'esign_stats_typed') }} as t
      join {{ source('audit', 'source_file') }} as f on f.file_id = t.file_id
     where f.status in ('loaded', 'published')

),

renamed as (

    select distinct on (unit_code, report_month)
        unit_code,
        report_month                 as period_month,
        outgoing_total_count         as outgoing_total,
        outgoing_signed_count        as outgoing_signed,
        incoming_total_count         as incoming_total,
        incoming_electronic_count    as incoming_electronic,
        workfiles_total_count        as workfiles_total,
        workfiles_online_count       as workfiles_online,
        file_id                      as source_file_id,
        source_row
    from source
    order by unit_code, report_month, file_id desc

)

select * from renamed
