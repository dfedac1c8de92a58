-- Published national PAR results, one row per (year, province): for each year the newest accepted file wins.
with source as (

    {{ accepted_rows(source('raw', 'par_national_typed')) }}

),

renamed as (

    select
        year_value                       as result_year,
        -- the code as published, else that of the one province of that name valid in the year
        coalesce(nullif(province_code, ''), (
            select min(u.unit_code) from {{ source('ref', 'unit') }} u
             where u.level = 'province' and u.name_key = province_name_key
               and daterange(u.valid_from, u.valid_to) && daterange(make_date(year_value, 1, 1),
                                                                    make_date(year_value + 1, 1, 1))
            having count(distinct u.unit_code) = 1
        ))                               as province_code,
        province_name,
        appraisal_points_value           as appraisal_points,
        sipas_points_value               as sipas_points,
        leader_survey_points_value       as leader_survey_points,
        impact_points_value              as impact_points,
        index_percent                    as published_index,
        rank_value                       as published_rank,
        file_id                          as source_file_id,
        source_row
    from source

)

select * from renamed
