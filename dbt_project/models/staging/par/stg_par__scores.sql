-- PAR-index scoring sheets, one row per (unit, year, criterion): for each (unit, year) the newest accepted
-- file wins. Roman area codes are already numbers (I -> 1); parent = the code without its last part.
with source as (

    select t.*, f.period_month
      from {{ source('raw', 'par_scores_typed') }} as t
      join {{ source('audit', 'source_file') }} as f on f.file_id = t.file_id
     where f.status in ('loaded', 'published')
       and not exists (
            select 1
              from {{ source('raw', 'par_scores_typed') }} as newer_row
              join {{ source('audit', 'source_file') }} as newer on newer.file_id = newer_row.file_id
             where newer.status in ('loaded', 'published')
               and newer_row.unit_code = t.unit_code
               and newer_row.year_value = t.year_value
               and newer.file_id > f.file_id
       )

),

renamed as (

    select
        unit_code,
        year_value                                                   as score_year,
        criterion_path                                               as criterion_code,
        nullif(regexp_replace(criterion_path, '\.?[^.]+$', ''), '')  as parent_code,
        split_part(criterion_path, '.', 1)::int                      as area_no,
        array_length(string_to_array(criterion_path, '.'), 1)        as depth,
        criterion_name,
        max_points_value                                             as max_points,
        self_points_value                                            as self_points,
        appraised_points_value                                       as appraised_points,
        survey_points_value                                          as survey_points,
        coalesce(not_applicable, false)                              as is_not_applicable,
        file_id                                                      as source_file_id,
        source_sheet,
        source_row
    from source

)

select
    r.*,
    not exists (
        select 1 from renamed c
         where c.unit_code = r.unit_code and c.score_year = r.score_year and c.parent_code = r.criterion_code
    ) as is_leaf
from renamed r
