-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['period_month'],
        on_schema_change='fail'
    )
}}
-- Monthly indicator parts of every source for each unit's own data (no roll-up): what both the as-reported
-- roll-up (int_indicator_parts__monthly) and the restatement to today's units (..._restated_monthly) sum.
-- One-stop precedence, per unit and month: the dossier listing when the unit has one for the month (row-level,
-- auditable to each dossier, and it gives every indicator), else the unit's Biểu 06 form. Differences between
-- the two are shown by rpt_one_stop_reconciliation, never hidden. `source` says where each value came from.
-- Stored, and incremental by month: a build computes the months the new files can change (from the dossiers and
-- rows of those months only) and keeps the others; roll-ups, restatements, quarters and years read this table.
with listed as (

    select unit_code, period_month from {{ ref('int_one_stop__unit_months') }}

),

parts as (

    select * from {{ ref('int_one_stop__indicator_parts') }}
    union all
    select s.* from {{ ref('int_one_stop__summary_indicator_parts') }} as s
    where not exists (
            select 1 from listed as l
            where l.unit_code = s.unit_code and l.period_month = s.period_month
        )
    union all
    select * from {{ ref('int_esign__indicator_parts') }}
    union all
    select * from {{ ref('int_sipas__indicator_parts') }}
    union all
    select * from {{ ref('int_plan__indicator_parts') }}

)

select * from parts
{% if is_incremental() %}
    where period_month >= {{ indicators_affected_from() }}
{% endif %}
