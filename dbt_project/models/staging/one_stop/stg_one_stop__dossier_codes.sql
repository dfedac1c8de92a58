-- Which dossier codes each file lists, for every file (current or superseded): what an incremental build looks up
-- to find the dossiers a new file touches, and those a superseded file listed that its successor may have dropped;
-- with the file's month and the row's affects_from (its reception month).
with source as (

    select * from {{ source('raw', 'one_stop_dossiers_typed') }}

),

renamed as (

    select file_id, dossier_code, period_month, affects_from
    from source

)

select * from renamed
