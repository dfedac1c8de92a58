-- One row per answered question of each survey response of the files current for their (unit, month). Element =
-- the question code's letters (TC, TT, CC, KQ, PA; HL = overall satisfaction).
with source as (

    {{ current_rows('sipas_survey') }}

),

renamed as (

    select
        s.unit_code || ':' || s.response_id      as response_key,
        s.unit_code,
        s.surveyed_on                            as surveyed_date,
        date_trunc('month', s.surveyed_on)::date as period_month,
        s.respondent_type,
        s.field_name,
        a.key                                    as question_code,
        regexp_replace(a.key, '[0-9]+$', '')     as element_code,
        (a.value #>> '{}')::smallint             as score,
        s.file_id                                as source_file_id,
        s.source_row
    from source as s
    cross join lateral jsonb_each(s.answers) as a
    where a.value <> 'null'::jsonb

)

select * from renamed
