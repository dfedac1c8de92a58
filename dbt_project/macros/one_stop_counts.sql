{#- The counting rules of the domain notes (see int_one_stop__unit_month_counts), grouped by the columns given:
    one definition for the unit x month counts and the unit x field x month counts. -#}
{% macro one_stop_counts(group_by) %}
with dossiers as (

    select * from {{ ref('stg_one_stop__dossiers') }}

),

unit_months as (

    select * from {{ ref('int_one_stop__unit_months') }}

),

activity as (

    select
        um.period_month,
        um.period_end,
        d.*,
        d.status_code in (9, 10) and d.finished_date between um.period_month and um.period_end as is_resolved,
        d.ended_date is null or d.ended_date > um.period_end as is_pending
    from unit_months um
    join dossiers d
      on d.unit_code = um.unit_code
     and d.received_date <= um.period_end
     and (d.ended_date is null or d.ended_date >= um.period_month)

)

select
    {{ group_by | join(', ') }},
    count(*) filter (where received_date >= period_month)                              as received,
    count(*) filter (where received_date >= period_month and channel_code = 2)         as received_online,
    count(*) filter (where received_date < period_month)                               as carried_over,
    count(*) filter (where is_resolved)                                                as resolved,
    count(*) filter (where is_resolved and finished_date < due_date)                   as resolved_early,
    count(*) filter (where is_resolved and (due_date is null or finished_date = due_date)) as resolved_on_time,
    count(*) filter (where is_resolved and finished_date > due_date)                   as resolved_late,
    count(*) filter (where is_pending)                                                 as pending,
    count(*) filter (where is_pending and due_date < period_end)                       as pending_overdue,
    count(*) filter (where not is_pending and not is_resolved)                         as withdrawn_other,
    count(*) filter (where received_date >= period_month and has_fee)                  as received_with_fee,
    count(*) filter (where received_date >= period_month and has_fee and paid_online)  as received_paid_online,
    count(*) filter (where is_resolved and has_digitized_result)                       as resolved_digitized,
    coalesce(sum(finished_date - received_date) filter (where is_resolved), 0)        as resolution_days_total
from activity
group by {{ group_by | join(', ') }}
{% endmacro %}
