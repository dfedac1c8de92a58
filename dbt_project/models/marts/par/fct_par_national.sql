-- Published national results per year and province: the published index and rank are kept as published;
-- the sum of the four published components is stored beside them and a difference over 0.01 is flagged,
-- never corrected. Group (A/B/C) from the band rules of that year (scheme par_national).
with national as (

    select * from {{ ref('stg_par__national') }}

),

bands as (

    select * from {{ ref('stg_ref__band_rules') }}
    where scheme = 'par_national'

)

select
    n.result_year,
    n.province_code,
    n.province_name,
    n.appraisal_points,
    n.sipas_points,
    n.leader_survey_points,
    n.impact_points,
    round((n.appraisal_points + n.sipas_points + n.leader_survey_points + n.impact_points)::numeric, 2)
        as component_sum,
    n.published_index,
    n.published_rank,
    round((
        n.appraisal_points + n.sipas_points + n.leader_survey_points + n.impact_points
        - n.published_index
    )::numeric, 2)                         as component_difference,
    abs(n.appraisal_points + n.sipas_points + n.leader_survey_points + n.impact_points - n.published_index) > 0.01
        as is_inconsistent,
    b.band_code                            as group_code,
    b.band_label_vi                        as group_label_vi,
    prev.published_rank - n.published_rank as rank_change,
    n.source_file_id,
    n.source_row
from national as n
left join national as prev on prev.province_name = n.province_name and prev.result_year = n.result_year - 1
left join bands as b
    on b.band_year = n.result_year and n.published_index >= b.min_value
        and (b.max_value is null or n.published_index < b.max_value)
