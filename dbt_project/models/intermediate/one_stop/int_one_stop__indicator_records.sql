-- Grain: one row per (unit, month, dossier active in the month, one-stop indicator): whether the dossier is in the
-- indicator's numerator and denominator (one_stop_indicator_rules), with what it adds. The unit's indicator parts
-- are these records summed; `cchc trace` lists them.
with activity as (

    select * from {{ ref('int_one_stop__dossier_activity') }}

)

select
    a.unit_code,
    a.period_month,
    r.indicator_code,
    a.dossier_code,
    a.procedure_code,
    a.field_name,
    a.status_code,
    a.received_date,
    a.due_date,
    a.finished_date,
    a.timeliness,
    a.source_file_id,
    a.source_row,
    coalesce(r.in_numerator, false)   as in_numerator,
    coalesce(r.in_denominator, false) as in_denominator,
    r.amount,
    r.scale,
    r.has_denominator
from activity as a
cross join lateral (
    {{ one_stop_indicator_rules() }}
) as r (indicator_code, in_numerator, in_denominator, amount, scale, has_denominator)
