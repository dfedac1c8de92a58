-- Band thresholds per scheme and year: min_value <= value < max_value (NULL max: no upper bound).
with source as (

    select * from {{ source('ref', 'band_rule') }}

),

renamed as (

    select scheme, year as band_year, band_code, band_label_vi, min_value, max_value
    from source

)

select * from renamed
