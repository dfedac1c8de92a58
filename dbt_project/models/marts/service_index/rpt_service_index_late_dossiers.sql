-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{ config_recomputed_by_period() }}
-- The dossiers that cost a unit progress points in a Decision 766 period, from its dossier listings: late or
-- overdue at the period's end (end date after the due date plus the days waiting for supplements), or asked for
-- supplements more than once. Code, procedure, field, dates, days late and the file and row each came from; never
-- personal data. counts_used: the unit's progress points for the period were computed from these listings (no
-- statistics row for it).
with dossiers as (

    select * from {{ ref('int_service_index__listing_dossiers') }}

),

used as (

    select distinct unit_code, period_grain, period_start
    from {{ ref('int_service_index__sub_rates') }}
    where counts_source = 'one_stop_dossiers'
        {% if is_incremental() %}
            and {{ period_end_of('period_grain', 'period_start') }} >= {{ indicators_affected_from() }}
        {% endif %}

)

select
    d.unit_code,
    d.period_grain                                          as period_type,
    d.period_start,
    p.period,
    p.period_label_vi,
    d.dossier_code,
    d.procedure_code,
    d.field_name,
    d.received_date,
    d.due_date,
    d.supplement_requests,
    d.supplement_wait_days,
    d.counted_end_date,
    d.end_766_date is null or d.end_766_date > d.period_end as is_open_at_period_end,
    d.days_late,
    u.unit_code is not null                                 as counts_used,
    f.file_name                                             as source_file_name,
    d.source_file_id,
    d.source_row
from dossiers as d
inner join {{ ref('dim_period') }} as p on d.period_grain = p.period_type and d.period_start = p.period_start
left join used as u
    on d.unit_code = u.unit_code and d.period_grain = u.period_grain and d.period_start = u.period_start
left join {{ ref('stg_audit__source_files') }} as f on d.source_file_id = f.file_id
where not d.is_on_time_766
    {% if is_incremental() %}
        and d.period_end >= {{ indicators_affected_from() }}
    {% endif %}
