-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{ config_recomputed_by_period() }}
-- Every sub-indicator of the Decision 766 index per unit and period, with the counts, rate, threshold, points
-- obtained and lost, the scheme version that scored it and the file and row the counts came from
-- (docs block svc766_scoring).
select
    unit_code,
    period_grain as period_type,
    period_start,
    scheme_version,
    group_code,
    sub_code,
    max_points,
    rule,
    threshold,
    zero_denominator,
    numerator,
    denominator,
    rate,
    counts_missing,
    points,
    points_lost,
    counts_source,
    source_file_id,
    source_row
from {{ ref('int_service_index__sub_points') }}
{% if is_incremental() %}
    where {{ period_end_of('period_grain', 'period_start') }} >= {{ indicators_affected_from() }}
{% endif %}
