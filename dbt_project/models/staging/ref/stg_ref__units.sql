-- Unit versions: a unit code names one unit during [valid_from, valid_to); a renamed, re-parented or
-- reorganised unit has several versions (province 15: Yên Bái until 30/06/2025, Lào Cai from 01/07/2025).
with source as (

    select * from {{ source('ref', 'unit') }}

),

renamed as (

    select
        unit_code,
        valid_from,
        coalesce(valid_to, date '9999-12-31') as valid_to,
        valid_to is null                      as is_current,
        unit_name,
        level                                 as unit_level,
        parent_code                           as parent_unit_code,
        provenance
    from source

)

select * from renamed
