{{ config(materialized="view") }}  -- live: statuses change after the build (publish), the report must not lag
-- Every file received, as engineers and auditors read it: source, period, state, rows, warnings, and the gate's
-- reasons for a rejection (Vietnamese messages naming file, sheet, column and rows). Personal columns are never
-- stored; personal-looking values quoted in messages are masked.
with files as (

    select * from {{ ref('stg_audit__source_files') }}

),

sources as (

    select * from {{ ref('sources') }}

)

select
    f.file_id,
    f.source,
    s.title_vi                     as source_title_vi,
    f.file_name,
    f.period_kind,
    case when f.period_kind = 'year' then to_char(f.period_month, 'YYYY')
        else to_char(f.period_month, 'YYYY-MM')
    end                            as period,
    f.status,
    f.status_vi,
    f.rows_loaded,
    jsonb_array_length(f.warnings) as warning_count,
    jsonb_array_length(f.reasons)  as reason_count,
    -- masked again here (audit.mask_personal, privacy.py) for messages stored before masking existed
    (
        select string_agg(audit.mask_personal(r), E'\n')
        from jsonb_array_elements_text(f.reasons) as r
    )                              as reasons_text,
    (
        select string_agg(audit.mask_personal(w), E'\n')
        from jsonb_array_elements_text(f.warnings) as w
    )                              as warnings_text,
    f.unit_codes,
    f.sha256,
    f.received_at,
    f.status_changed_at
from files as f
left join sources as s on s.source = f.source
