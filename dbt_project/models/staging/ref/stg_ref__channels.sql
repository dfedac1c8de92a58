-- Submission channels and whether each is online, from reference/channels.csv.
with source as (

    select * from {{ source('ref', 'channel') }}

),

renamed as (

    select channel_code, label_vi as channel_name_vi, label_en as channel_name_en, is_online
    from source

)

select * from renamed
