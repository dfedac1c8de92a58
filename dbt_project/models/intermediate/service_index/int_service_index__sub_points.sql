-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{ config_recomputed_by_period('period_grain', 'period_start') }}
-- Points of every sub-indicator, one row per unit, period and sub-indicator, by the scheme version in force on the
-- period's first day (seed svc766_scheme: docs block svc766_scoring). rate = numerator / denominator (NULL when
-- the denominator is 0); points = max × rate (linear) or max × min(1, rate / threshold) (threshold), rounded to
-- 2 decimals half up; 0/0 gives the scheme's zero_denominator points ('0', 'full' = max, 'null' = no data, worth 0);
-- CERTIFIED_COPY gives its max unless the file says 'Không'. A period no version covers gets no rows.
-- Stored, and incremental by period: a build scores again the months, quarters and years the new files can change
-- (their listings' dossiers only); group points, indicators and the marts read this table, not the listings.
with rates as (

    select * from {{ ref('int_service_index__sub_rates') }}
    {% if is_incremental() %}
        where {{ period_end_of('period_grain', 'period_start') }} >= {{ indicators_affected_from() }}
    {% endif %}

),

scheme as (

    select * from {{ ref('svc766_scheme') }}

),

versioned as (

    select
        r.*, s.scheme_version, s.group_code, s.group_max, s.max_points, s.rule, s.threshold, s.zero_denominator
    from rates as r
    inner join scheme as s
        on r.sub_code = s.sub_code
            and s.scheme_version = (
                select v.scheme_version from scheme as v
                where v.effective_from <= r.period_start
                order by v.effective_from desc, v.scheme_version desc
                limit 1
            )

),

scored as (

    select
        *,
        case when denominator > 0 then numerator::numeric / denominator end as rate,
        case
            when rule = 'constant' then case when certified_copy is false then 0 else max_points end
            when counts_missing then null
            when denominator = 0
                then case zero_denominator when 'full' then max_points when '0' then 0::numeric end
            when rule = 'threshold'
                then round(least(max_points, max_points * numerator / (denominator * threshold)), 2)
            else round(max_points * numerator::numeric / denominator, 2)
        end                                                                 as points
    from versioned

)

select
    unit_code,
    period_grain,
    period_start,
    scheme_version,
    group_code,
    group_max,
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
    max_points - coalesce(points, 0) as points_lost,
    counts_source,
    source_file_id,
    source_row
from scored
