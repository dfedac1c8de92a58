-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{ config_recomputed_by_period("'month'", 'period_month', indexes=[{'columns': ['period_month']}]) }}
-- One row per answered question of each survey response (no personal data), with its file and row.
-- Incremental by month: a build deletes and inserts again the months the new files can change
-- (indicators_affected_from) and keeps the others; a full refresh gives the same table (tests/test_incremental.py).
select
    response_key, unit_code, surveyed_date, period_month, respondent_type, field_name, question_code,
    element_code, score, score >= 4 as is_satisfied, source_file_id, source_row
from {{ ref('stg_sipas__answers') }}
{% if is_incremental() %}
    where {{ period_end_of("'month'", 'period_month') }} >= {{ indicators_affected_from() }}
{% endif %}
