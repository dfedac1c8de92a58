-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['period_type', 'period_start'],
        on_schema_change='fail'
    )
}}
-- Indicator values restated to today's units, for comparing a reorganised unit's whole history: each month,
-- quarter and year of the monthly sources, with the figures of the units that preceded each current unit
-- summed into it (new Phú Thọ before July 2025 = old Phú Thọ + Hòa Bình + Vĩnh Phúc) and ratios recomputed
-- from the summed parts. The yearly PAR indicators are not restated: a merged unit has no PAR score of its own
-- for earlier years. fct_indicator_value keeps every unit as it was. Incremental like fct_indicator_value: the
-- periods ending on or after the first day the new files can change, from those years' months only.
with periods as (

    {% if is_incremental() %}
        select recomputed.*
        from (
            {{ aggregate_periods(ref('int_indicator_parts__restated_monthly'), since=indicators_affected_from()) }}
        ) as recomputed
        where recomputed.period_end >= {{ indicators_affected_from() }}
    {% else %}
        {{ aggregate_periods(ref('int_indicator_parts__restated_monthly')) }}
    {% endif %}

),

all_parts as (

    select * from periods
    union all
    {{ sipas_index_parts('periods') }}

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
    months_covered
from all_parts
