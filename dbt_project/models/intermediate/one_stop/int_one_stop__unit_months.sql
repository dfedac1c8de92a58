-- The (unit, month) pairs for which an accepted dossier listing exists: only those are reported.
select distinct
    u.unit_code,
    f.period_month,
    (f.period_month + interval '1 month - 1 day')::date as period_end
from {{ source('audit', 'source_file') }} as f
cross join lateral unnest(f.unit_codes) as u(unit_code)
where f.source = 'one_stop_dossiers'
  and f.status in ('loaded', 'published')
