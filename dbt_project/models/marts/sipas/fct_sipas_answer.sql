-- One row per answered question of each survey response (no personal data), with its file and row.
select
    response_key, unit_code, surveyed_date, period_month, respondent_type, field_name, question_code,
    element_code, score, score >= 4 as is_satisfied, source_file_id, source_row
from {{ ref('stg_sipas__answers') }}
