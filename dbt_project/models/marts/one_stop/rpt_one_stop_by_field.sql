-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{ config_recomputed_by_period("'month'", 'period_month', indexes=[{'columns': ['period_month']}]) }}
-- One-stop results per unit, field (lĩnh vực) and month from the dossier listings, by the same counting rules
-- as the indicators; a report sums the units it shows and recomputes the on-time rate from the sums.
-- Incremental by month: a build deletes and inserts again the months the new files can change.
select
    c.unit_code,
    u.unit_name,
    u.unit_level,
    c.field_name,
    c.period_month,
    to_char(c.period_month, 'YYYY-MM') as period,
    c.received,
    c.received_online,
    c.carried_over,
    c.resolved,
    c.resolved_early,
    c.resolved_on_time,
    c.resolved_late,
    c.pending,
    c.pending_overdue
from {{ ref('int_one_stop__unit_field_month_counts') }} as c
join {{ ref('dim_unit') }} as u
    on u.unit_code = c.unit_code and u.valid_from <= c.period_month and u.valid_to > c.period_month
{% if is_incremental() %}
    where c.period_month >= {{ indicators_affected_from() }}
{% endif %}
