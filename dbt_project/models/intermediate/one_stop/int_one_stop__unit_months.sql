-- The (unit, month) pairs for which a dossier listing is current: only those are counted from listings.
select
    unit_code,
    period_start                                      as period_month,
    (period_start + interval '1 month - 1 day')::date as period_end
from {{ ref('stg_audit__current_coverage') }}
where source = 'one_stop_dossiers'
