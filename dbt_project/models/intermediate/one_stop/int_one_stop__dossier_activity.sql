-- Grain: one row per (unit, month with a current listing, dossier active in that month): the dossier's flags for
-- the month by the counting rules of the domain notes (docs block one_stop_counting), at date granularity.
-- Counts, indicator records and traces all read these flags; nothing else restates them.
with dossiers as (

    select * from {{ ref('fct_dossier') }}

),

unit_months as (

    select * from {{ ref('int_one_stop__unit_months') }}

)

select
    um.period_month,
    um.period_end,
    d.*,
    d.is_resolved and d.finished_date between um.period_month and um.period_end as resolved_in_period,
    d.ended_date is null or d.ended_date > um.period_end                        as pending_at_end,
    d.received_date >= um.period_month                                          as received_in_period
from unit_months as um
inner join dossiers as d
    on
        um.unit_code = d.unit_code
        -- not ended before the month (written to match fct_dossier's index on it) and received by its end, said of
        -- the reception month, which no index covers: the planner reads the ended-date index, so a recent month
        -- reads the unit's dossiers ended since its start, not every dossier the unit received before its end
        and coalesce(d.ended_date, 'infinity'::date) >= um.period_month
        and date_trunc('month', d.received_date) <= um.period_month
