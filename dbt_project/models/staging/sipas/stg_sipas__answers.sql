-- One row per answered question of each survey response. For each (unit, response id) the newest accepted
-- file wins. Element = the question code's letters (TC, TT, CC, KQ, PA; HL = overall satisfaction).
with source as (

    select distinct on (t.unit_code, t.response_id) t.*
      from {{ source('raw', 'sipas_survey_typed') }} as t
      join {{ source('audit', 'source_file') }} as f on f.file_id = t.file_id
     where f.status in ('loaded', 'published')
     order by t.unit_code, t.response_id, t.file_id desc

),

renamed as (

    select
        s.unit_code || ':' || s.response_id                    as response_key,
        s.unit_code,
        s.surveyed_date,
        date_trunc('month', s.surveyed_date)::date             as period_month,
        s.respondent_type_code                                 as respondent_type,
        s.field_name,
        a.key                                                  as question_code,
        regexp_replace(a.key, '[0-9]+$', '')                   as element_code,
        (a.value #>> '{}')::smallint                           as score,
        s.file_id                                              as source_file_id,
        s.source_row
    from source s
    cross join lateral jsonb_each(s.answer_scores) as a
    where a.value <> 'null'::jsonb

)

select * from renamed
