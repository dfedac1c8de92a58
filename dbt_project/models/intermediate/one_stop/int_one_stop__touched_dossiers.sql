-- depends_on: {{ ref('stg_one_stop__dossier_codes') }}
-- depends_on: {{ ref('stg_one_stop__dossier_listings') }}
-- depends_on: {{ ref('stg_audit__file_coverage') }}
{{ config(materialized='table', indexes=[{'columns': ['dossier_code'], 'unique': true}]) }}
-- The dossier codes whose newest state this build may change (touched_dossier_codes), found once per build: what
-- fct_dossier deletes and computes again (or copies from the live generation: in_live), and what its data tests
-- read (recomputed_scope: dossiers). Each reader would otherwise look them up again through the raw rows of every
-- recomputed and superseded file. A full refresh computes every dossier and tests every row: it looks up nothing
-- (in the first build of a whole country's month, finding all 4.5 million codes took 26 s beside fct_dossier).
{%- if full_refresh_build() %}
    select null::text as dossier_code, null::boolean as in_live, null::date as changes_from
    where false
{%- else %}
    select t.dossier_code, t.in_live, t.changes_from from ({{ touched_dossier_codes() }}) as t
{%- endif %}
