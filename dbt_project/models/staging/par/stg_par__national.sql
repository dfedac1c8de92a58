-- Published national PAR results, one row per (year, province) of the results file current for the year. The
-- province's code is the one published, else that of the one province of that name valid in the year (resolved
-- when the file was loaded).
with source as (

    {{ current_rows('par_national') }}

),

renamed as (

    select
        year        as result_year,
        province_code,
        province_name,
        appraisal_points,
        sipas_points,
        leader_survey_points,
        impact_points,
        index_value as published_index,
        rank        as published_rank,
        file_id     as source_file_id,
        source_row
    from source

)

select * from renamed
