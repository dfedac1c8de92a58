-- Submission channels, whether each is online and its kind (direct, online, postal), from reference/channels.csv.
with source as (

    select * from {{ source('ref', 'channel') }}

),

renamed as (

    select channel_code, label_vi as channel_name_vi, label_en as channel_name_en, is_online, kind as channel_kind
    from source

)

select * from renamed
