-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        indexes=[
            {'columns': ['dossier_code'], 'unique': true},
            {'columns': ['unit_code', 'received_date']},
            {'columns': ['unit_code', "coalesce(ended_date, 'infinity'::date)"]},
            {'columns': ['unit_code', "greatest(received_date, coalesce(end_766_date, 'infinity'::date))"]},
            {'columns': ['procedure_code', 'reported_in_month desc', 'source_file_id desc']}
        ],
        pre_hook=[
            "{% if is_incremental() %}delete from {{ this }} where dossier_code = any(array("
            ~ "select t.dossier_code from {{ ref('int_one_stop__touched_dossiers') }} as t)){% endif %}"
        ]
    )
}}
-- One row per dossier in its newest accepted state, with the flags and durations reports and counts use
-- (int_one_stop__dossier_states) and the lineage (file, row, load) an auditor follows back to the source file: the
-- listing that first gave the state (models/docs/rules.md, state_runs).
-- Incremental: a build deletes the dossiers the new files touch (int_one_stop__touched_dossiers: listed by them or
-- by the files they supersede; found through the dossier-code index, as an array: a semi-join was planned as a
-- hash join over the whole table, 0.15 s in month 4 and 0.95 s in month 24 of the history benchmark) and inserts
-- their newest state again; a dossier no current file lists any more is gone. The dossiers only the files of the
-- live generation's publication touched (the shadow lags one publication behind) are copied from the live table,
-- which holds them as this build would compute them (lag_from_live).
-- A full refresh gives the same table (tests/test_incremental.py). The two expression indexes serve the month and
-- period joins (int_one_stop__dossier_activity, int_service_index__listing_dossiers): a period reads the dossiers
-- of its unit still open at its start, not every dossier the unit ever received. The procedure index serves
-- dim_procedure (each procedure's newest dossier).
select
    d.dossier_code,
    d.unit_code,
    d.procedure_code,
    d.procedure_name,
    md5(d.field_name)                          as field_key,
    d.field_name,
    d.channel_code,
    d.status_code,
    d.status_group,
    d.service_level,
    d.applicant_type,
    d.received_date,
    date_trunc('month', d.received_date)::date as received_month,
    d.due_date,
    d.finished_date,
    d.returned_date,
    d.ended_date,
    d.end_766_date,
    d.is_online,
    d.channel_kind,
    d.is_resolved,
    d.is_withdrawn_other,
    d.timeliness,
    d.resolution_days,
    d.has_fee,
    d.paid_online,
    d.has_digitized_result,
    d.supplement_requests,
    d.supplement_wait_days,
    d.stopped_date,
    d.has_digitised_components,
    d.has_reused_data,
    d.has_citizen_data,
    d.is_synced_dvcqg,
    d.reported_in_month,
    d.source_file_id,
    d.source_row,
    d.source_load_id
from {{ ref('int_one_stop__dossier_states') }} as d
{% if is_incremental() %}
    -- an array (one initplan), not a semi-join: the condition reaches the raw rows through the views and their
    -- dossier-code index, so the build reads the touched dossiers' rows only
    where d.dossier_code = any(array(
            select t.dossier_code from {{ ref('int_one_stop__touched_dossiers') }} as t
            {%- if lag_from_live() %} where not t.in_live{% endif %}
        ))
    {%- if lag_from_live() %}
        union all
        -- the dossiers only the live generation's files touched: their state as the live generation holds it
        -- (built by this same code from the same files, build.py checks), copied, not computed a second time
        select l.* from {{ live_relation(this) }} as l
        where l.dossier_code = any(array(
                select t.dossier_code from {{ ref('int_one_stop__touched_dossiers') }} as t
                where t.in_live
            ))
    {%- endif %}
{% endif %}
