-- What every accepted file covers ((unit, period) pairs, rows, the earliest month its rows can affect), and whether
-- the running build recomputes it (audit.recomputed_file: the running publication's files and those published since
-- the shadow generation was built): the incremental models recompute what those files cover, and what they supersede.
-- is_new: a file of the running publication (not yet in the live generation either).
with source as (

    select
        c.*,
        f.source,
        f.status,
        b.file_id is not null                 as is_recomputed,
        coalesce(p.status = 'running', false) as is_new
    from {{ source('audit', 'file_coverage') }} as c
    inner join {{ source('audit', 'source_file') }} as f on c.file_id = f.file_id
    inner join {{ source('audit', 'file_state') }} as s on f.status = s.state
    left join {{ source('audit', 'recomputed_file') }} as b on c.file_id = b.file_id
    left join {{ source('audit', 'publication') }} as p on b.publication_id = p.publication_id
    where s.is_accepted

),

renamed as (

    select file_id, source, status, is_recomputed, is_new, unit_code, period_start, rows, affects_from
    from source

)

select * from renamed
