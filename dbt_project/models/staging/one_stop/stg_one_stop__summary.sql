-- Biểu 06 forms: one row per field row and total row (headings dropped). For each (unit, month) the newest
-- accepted form wins.
with source as (

    select t.*
      from {{ source('raw', 'one_stop_summary_typed') }} as t
      join {{ source('audit', 'source_file') }} as f on f.file_id = t.file_id
     where f.status in ('loaded', 'published')
       and not t.is_heading
       and not exists (
            select 1
              from {{ source('audit', 'source_file') }} as newer
             where newer.source = f.source
               and newer.status in ('loaded', 'published')
               and newer.period_month = f.period_month
               and t.unit_code = any(newer.unit_codes)
               and newer.file_id > f.file_id
       )

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

)

select * from renamed
