-- What every accepted file covers ((unit, period) pairs, rows, the earliest month its rows can affect), with its
-- state: the incremental models recompute what files awaiting publication cover, and what they supersede.
with source as (

    select c.*, f.source, f.status, s.awaits_publication
    from {{ source('audit', 'file_coverage') }} as c
    join {{ source('audit', 'source_file') }} as f on f.file_id = c.file_id
    join {{ source('audit', 'file_state') }} as s on s.state = f.status
    where s.is_accepted

),

renamed as (

    select file_id, source, status, awaits_publication, unit_code, period_start, rows, affects_from
    from source

)

select * from renamed
