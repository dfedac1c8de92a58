-- For every source, unit and period (and period length, for a source whose rows cover months, quarters or years),
-- the file reports use (audit.current_coverage: supersession, defined once).
with source as (

    select * from {{ source('audit', 'current_coverage') }}

),

renamed as (

    select source, unit_code, period_start, period_grain, file_id, rows
    from source

)

select * from renamed
