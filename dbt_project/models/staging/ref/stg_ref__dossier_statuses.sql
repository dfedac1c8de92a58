-- Dossier status codes and what each means for counting (status_group), from reference/dossier_statuses.csv.
with source as (

    select * from {{ source('ref', 'dossier_status') }}

),

renamed as (

    select status_code, label_vi as status_name_vi, label_en as status_name_en, status_group
    from source

)

select * from renamed
