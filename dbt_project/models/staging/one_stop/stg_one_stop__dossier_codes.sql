-- Which dossier codes each file lists, for every file (current or superseded): what an incremental build looks up
-- to find the dossiers a new file touches, and those a superseded file listed that its successor may have dropped.
with source as (

    select * from {{ source('raw', 'one_stop_dossiers_typed') }}

),

renamed as (

    select file_id, dossier_code
    from source

)

select * from renamed
