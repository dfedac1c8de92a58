-- For every source, unit and period, the file reports use (audit.current_coverage: supersession, defined once).
with source as (

    select * from {{ source('audit', 'current_coverage') }}

),

renamed as (

    select source, unit_code, period_start, file_id, rows
    from source

)

select * from renamed
