-- Each unit's scoring sheet per year and criterion (area -> criterion -> sub-criterion), points as scored
-- and the points that count (appraised, else self-assessed, else survey; none when not applicable).
select
    unit_code, score_year, criterion_code, parent_code, area_no, depth, criterion_name, is_leaf,
    max_points, self_points, appraised_points, survey_points, is_not_applicable,
    case when is_not_applicable then null else max_points end as applicable_max_points,
    case when is_not_applicable then null
        else coalesce(appraised_points, self_points, survey_points)
    end                                                       as points,
    source_file_id, source_sheet, source_row
from {{ ref('stg_par__scores') }}
