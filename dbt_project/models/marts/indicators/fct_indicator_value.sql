-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
-- depends_on: {{ ref('int_indicator_parts__monthly') }}
-- depends_on: {{ ref('int_indicator_parts__periods') }}
-- depends_on: {{ ref('indicators') }}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['period_type', 'period_start'],
        on_schema_change='fail'
    )
}}
-- Every indicator of the catalogue per unit and period (month, quarter, year), with numerator and
-- denominator so that every figure can be re-derived and aggregated: value = numerator × scale / denominator
-- (a count: the numerator; a zero denominator: NULL), kept to 10 decimals (reports print 2).
-- SIPAS_INDEX = mean of the period's element rates (numerator: their sum; denominator: how many elements
-- had answers). unit_valid_from: the unit version the value describes (units as they were).
-- PAR_* are yearly; PAR_RANK is the rank among peers of the same level. SVC766_* come from each period's own
-- rows (int_service_index__indicator_parts).
-- Incremental: a run recomputes only the periods ending on or after the first day the newly loaded files
-- can change.
with periods as (

    {% if is_incremental() %}
        -- the periods' months only (aggregate_periods since): the work follows the new files, not the history
        select recomputed.*
        from (
            {{ aggregate_periods(ref('int_indicator_parts__monthly'), since=indicators_affected_from()) }}
        ) as recomputed
        where recomputed.period_end >= {{ indicators_affected_from() }}
    {% else %}
        select * from {{ ref('int_indicator_parts__periods') }}
    {% endif %}

),

par as (

    -- a published national result takes precedence over a scoring sheet for the same unit
    select distinct on (unit_code, period_start, indicator_code)
        unit_code, unit_valid_from, 'year'::text         as period_type, period_start,
        (period_start + interval '1 year - 1 day')::date as period_end,
        indicator_code, numerator, denominator, scale, source,
        1::bigint                                        as contributing_units, null::bigint as months_covered
    from {{ ref('int_par__unit_year_parts') }}
    order by unit_code, period_start, indicator_code, (source = 'par_national') desc

),

ranks as (

    select
        unit_code, unit_valid_from, 'year'::text as period_type, make_date(score_year, 1, 1) as period_start,
        make_date(score_year, 12, 31)            as period_end,
        'PAR_RANK'::text                         as indicator_code,
        par_rank::numeric                        as numerator,
        null::numeric                            as denominator,
        1                                        as scale,
        'par_scores'::text                       as source,
        1::bigint                                as contributing_units,
        null::bigint                             as months_covered
    from {{ ref('int_par__ranking') }}

),

sipas_index as (

    {{ sipas_index_parts('periods') }}

),

service_index as (

    -- the Decision 766 index: each period from its own rows, no roll-up, no aggregation of months
    select * from {{ ref('int_service_index__indicator_parts') }}
    {% if is_incremental() %}
        where period_end >= {{ indicators_affected_from() }}
            and period_start >= date_trunc('year', {{ indicators_affected_from() }})::date
    {% endif %}

),

yearly as (

    select * from par
    union all
    select * from ranks

),

all_parts as (

    select
        unit_code, unit_valid_from, period_type, period_start, period_end, indicator_code, numerator,
        denominator, scale, source, contributing_units, months_covered
    from periods
    union all
    select * from sipas_index
    union all
    select * from service_index
    union all
    select * from yearly
    {% if is_incremental() %}
        where period_end >= {{ indicators_affected_from() }}
    {% endif %}

)

select
    unit_code,
    unit_valid_from,
    period_type,
    period_start,
    period_end,
    indicator_code,
    numerator,
    denominator,
    {{ indicator_value() }}          as value,
    source,
    contributing_units,
    months_covered,
    now()                   as computed_at
from all_parts
