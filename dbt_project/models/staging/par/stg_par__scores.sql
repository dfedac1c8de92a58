-- PAR-index scoring sheets, one row per (unit, year, criterion) of the sheet current for the unit and year.
-- Roman area codes were read as numbers (I -> 1); parent = the code without its last part.
with source as (

    {{ current_rows('par_scores') }}

),

renamed as (

    select
        unit_code,
        year                                                        as score_year,
        criterion_code,
        nullif(regexp_replace(criterion_code, '\.?[^.]+$', ''), '') as parent_code,
        split_part(criterion_code, '.', 1)::int                     as area_no,
        array_length(string_to_array(criterion_code, '.'), 1)       as depth,
        criterion_name,
        max_points,
        self_points,
        appraised_points,
        survey_points,
        coalesce(not_applicable, false)                             as is_not_applicable,
        file_id                                                     as source_file_id,
        source_sheet,
        source_row
    from source

)

select
    r.*,
    not exists (
        select 1 from renamed as c
        where c.unit_code = r.unit_code and c.score_year = r.score_year and c.parent_code = r.criterion_code
    ) as is_leaf
from renamed as r
