{#- The counting rules of {{ doc('one_stop_counting') }}, grouped by the columns given: one definition for the
    unit x month counts and the unit x field x month counts. Counts only count the flags of the dossier-state model
    (fct_dossier, from int_one_stop__dossier_states) against the period's dates. -#}
{% macro one_stop_counts(group_by) %}
with activity as (

    select * from {{ ref('int_one_stop__dossier_activity') }}

)

select
    {{ group_by | join(', ') }},
    count(*) filter (where received_in_period)                                          as received,
    count(*) filter (where received_in_period and is_online)                            as received_online,
    count(*) filter (where not received_in_period)                                      as carried_over,
    count(*) filter (where resolved_in_period)                                          as resolved,
    count(*) filter (where resolved_in_period and timeliness = 'early')                 as resolved_early,
    count(*) filter (where resolved_in_period and timeliness = 'on_time')               as resolved_on_time,
    count(*) filter (where resolved_in_period and timeliness = 'late')                  as resolved_late,
    count(*) filter (where pending_at_end)                                              as pending,
    count(*) filter (where pending_at_end and due_date < period_end)                    as pending_overdue,
    count(*) filter (where not pending_at_end and not resolved_in_period)               as withdrawn_other,
    count(*) filter (where received_in_period and has_fee)                              as received_with_fee,
    count(*) filter (where received_in_period and has_fee and paid_online)              as received_paid_online,
    count(*) filter (where resolved_in_period and has_digitized_result)                 as resolved_digitized,
    coalesce(sum(resolution_days) filter (where resolved_in_period), 0)                 as resolution_days_total
from activity
group by {{ group_by | join(', ') }}
{% endmacro %}
