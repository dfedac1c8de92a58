-- Successor units: which unit version(s) took over from a unit version that ended, and the share of its figures
-- each carries.
with source as (

    select * from {{ source('ref', 'unit_successor') }}

),

renamed as (

    select old_code, old_valid_from, new_code, new_valid_from, effective_on, is_default, weight, provenance
    from source

)

select * from renamed
