{{ config(materialized="view") }}  -- read for one figure at a time (cchc trace, the Metabase trace dashboard)
-- The dossiers behind each monthly one-stop figure of each unit, its own and those of the units rolled up into it
-- (the same unit versions as int_indicator_parts__monthly): for auditors, never personal data. A figure's
-- numerator is the sum of `amount` over its rows in_numerator, its denominator the count of rows in_denominator.
with records as (

    select * from {{ ref('int_one_stop__indicator_records') }}
    where in_numerator or in_denominator

),

ancestors as (

    select * from {{ ref('int_unit_ancestors') }}

),

files as (

    select * from {{ ref('stg_audit__source_files') }}

)

select
    a.ancestor_code                    as unit_code,
    a.ancestor_valid_from              as unit_valid_from,
    to_char(r.period_month, 'YYYY-MM') as period,
    r.period_month,
    r.indicator_code,
    r.dossier_code                     as record_code,
    r.in_numerator,
    r.in_denominator,
    r.amount,
    r.unit_code                        as record_unit_code,
    r.procedure_code,
    r.status_code,
    r.received_date,
    r.due_date,
    r.finished_date,
    r.timeliness,
    r.source_file_id,
    f.file_name                        as source_file,
    f.sha256                           as source_sha256,
    r.source_row
from records as r
inner join ancestors as a
    on
        r.unit_code = a.unit_code
        and r.period_month >= a.valid_from
        and r.period_month < a.valid_to
left join files as f on r.source_file_id = f.file_id
