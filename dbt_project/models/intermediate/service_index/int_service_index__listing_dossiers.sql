-- The dossiers a unit's dossier listings put in each Decision 766 period, as the spec counts them from a listing
-- (convention `listing`; such counts never replace file-given ones), one row per unit, period and dossier:
-- a period P = [d1, d2] (a month whose listing is current for the unit; a quarter or year whose last month's is)
-- holds the dossiers received in P and those received before it and not ended before d1. End date: the dossier's
-- end_766_date (int_one_stop__dossier_states), d2 when still open at d2. On time: end <= due date + days waiting for
-- supplements; no due date = on time [unv]; more than one supplement request = late.
with dossiers as (

    select * from {{ ref('fct_dossier') }}

),

listed as (

    select unit_code, period_month from {{ ref('int_one_stop__unit_months') }}

),

periods as (

    select unit_code, 'month'::text as period_grain, period_month as period_start, period_month as last_month
    from listed
    union all
    select unit_code, 'quarter', (period_month - interval '2 months')::date, period_month
    from listed
    where extract(month from period_month)::int % 3 = 0
    union all
    select unit_code, 'year', (period_month - interval '11 months')::date, period_month
    from listed
    where extract(month from period_month) = 12

),

bounded as (

    select
        unit_code, period_grain, period_start,
        (last_month + interval '1 month - 1 day')::date as period_end
    from periods

),

scoped as (

    select
        p.period_grain,
        p.period_start,
        p.period_end,
        d.*,
        d.received_date >= p.period_start                           as is_received_in_period,
        least(coalesce(d.end_766_date, p.period_end), p.period_end) as counted_end_date,
        d.due_date + coalesce(d.supplement_wait_days, 0)::int       as allowed_date
    from bounded as p
    inner join dossiers as d
        on p.unit_code = d.unit_code
            -- received in the period, or open at its start (written to match fct_dossier's index on it), and by its
            -- end, said of the reception month (the period ends on a month's last day), which no index covers: the
            -- planner can read that index, so a recent period reads the dossiers ended since its start, not the
            -- unit's whole history (int_one_stop__dossier_activity does the same); with many periods (a December's)
            -- it may hash-join every dossier instead, which grows with the history (README, benchmarks.history)
            and greatest(d.received_date, coalesce(d.end_766_date, 'infinity'::date)) >= p.period_start
            and date_trunc('month', d.received_date) <= p.period_end

)

select
    unit_code,
    period_grain,
    period_start,
    period_end,
    dossier_code,
    procedure_code,
    field_name,
    channel_code,
    channel_kind,
    received_date,
    due_date,
    allowed_date,
    counted_end_date,
    end_766_date,
    status_code,
    is_received_in_period,
    has_fee,
    paid_online,
    has_digitized_result,
    has_digitised_components,
    has_reused_data,
    has_citizen_data,
    supplement_requests,
    supplement_wait_days,
    coalesce(supplement_requests, 0) <= 1
    and (due_date is null or counted_end_date <= allowed_date)                         as is_on_time_766,
    case when counted_end_date > allowed_date then counted_end_date - allowed_date end as days_late,
    source_file_id,
    source_row
from scoped
