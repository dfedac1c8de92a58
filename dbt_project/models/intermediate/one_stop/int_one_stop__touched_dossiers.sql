-- depends_on: {{ ref('stg_one_stop__dossier_codes') }}
-- depends_on: {{ ref('stg_audit__file_coverage') }}
{{ config(materialized='table', indexes=[{'columns': ['dossier_code'], 'unique': true}]) }}
-- The dossier codes whose newest state this build may change (touched_dossier_codes), found once per build: what
-- fct_dossier deletes and computes again (or copies from the live generation: in_live), and what its data tests
-- read (recomputed_scope: dossiers). Each reader would otherwise look them up again through the raw rows of every
-- recomputed and superseded file.
select t.dossier_code, t.in_live from ({{ touched_dossier_codes() }}) as t
