-- Targets per indicator, unit level ('all' = every level) and year.
with source as (

    select * from {{ source('ref', 'indicator_target') }}

),

renamed as (

    select indicator_code, unit_level, year as target_year, comparison, threshold, note
    from source

)

select * from renamed
