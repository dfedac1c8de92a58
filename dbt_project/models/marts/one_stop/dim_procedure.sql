-- Procedures as the newest dossier of each procedure code names them (from fct_dossier: one stored row per
-- dossier in its newest state). Read by fct_dossier's index on (procedure_code, reported_in_month desc,
-- source_file_id desc): the codes are walked one by one (a loose index scan, each step the next code above the
-- last), and each takes its newest dossier, so the cost follows the number of procedures, not the dossiers of
-- every month loaded (a DISTINCT ON over the table read and sorted all of them: 1.7 s at two years of 50,000 a
-- month, 1 ms this way).
with recursive codes as (

    (
        select procedure_code
        from {{ ref('fct_dossier') }}
        where procedure_code is not null
        order by procedure_code
        limit 1
    )
    union all
    select (
        select f.procedure_code
        from {{ ref('fct_dossier') }} as f
        where f.procedure_code > c.procedure_code
        order by f.procedure_code
        limit 1
    )
    from codes as c
    where c.procedure_code is not null

),

newest as (

    select n.procedure_code, n.procedure_name, n.field_name, n.service_level
    from codes as c
    cross join lateral (
        select f.procedure_code, f.procedure_name, f.field_name, f.service_level
        from {{ ref('fct_dossier') }} as f
        where f.procedure_code = c.procedure_code
        order by f.reported_in_month desc, f.source_file_id desc
        limit 1
    ) as n

),

-- dossiers without a procedure code: one row, as DISTINCT ON gives (the not_null test then names them)
uncoded as (

    select procedure_code, procedure_name, field_name, service_level
    from {{ ref('fct_dossier') }}
    where procedure_code is null
    order by reported_in_month desc, source_file_id desc
    limit 1

)

select procedure_code, procedure_name, field_name, service_level from newest
union all
select procedure_code, procedure_name, field_name, service_level from uncoded
