with source as (

    select * from {{ source('ref', 'unit') }}

),

renamed as (

    select
        unit_code,
        unit_name,
        level       as unit_level,
        parent_code as parent_unit_code
    from source

)

select * from renamed
