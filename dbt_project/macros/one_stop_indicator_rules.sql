{#- Which dossiers each one-stop indicator counts, over a row `a` of int_one_stop__dossier_activity: one
    definition read by the indicator records (int_one_stop__indicator_records), hence by the indicator parts and
    by `cchc trace`. Columns: indicator_code, in_numerator, in_denominator (false for a count), amount (what a
    numerator record adds: 1, or its resolution days), scale (100 for a percentage), has_denominator. -#}
{% macro one_stop_indicator_rules() %}
values
('OSS_RECEIVED', a.received_in_period, false, 1::numeric, 1, false),
('OSS_CARRIED_OVER', not a.received_in_period, false, 1, 1, false),
('OSS_RESOLVED', a.resolved_in_period, false, 1, 1, false),
('OSS_RESOLVED_EARLY', a.resolved_in_period and a.timeliness = 'early', false, 1, 1, false),
('OSS_RESOLVED_ON_TIME', a.resolved_in_period and a.timeliness = 'on_time', false, 1, 1, false),
('OSS_RESOLVED_LATE', a.resolved_in_period and a.timeliness = 'late', false, 1, 1, false),
('OSS_PENDING', a.pending_at_end, false, 1, 1, false),
('OSS_PENDING_OVERDUE', a.pending_at_end and a.due_date < a.period_end, false, 1, 1, false),
('OSS_ONTIME_RATE', a.resolved_in_period and a.timeliness in ('early', 'on_time'), a.resolved_in_period, 1, 100, true),
('OSS_ONLINE_RATE', a.received_in_period and a.is_online, a.received_in_period, 1, 100, true),
('OSS_ONLINE_PAYMENT_RATE', a.received_in_period and a.has_fee and a.paid_online,
 a.received_in_period and a.has_fee, 1, 100, true),
('OSS_DIGITIZED_RESULT_RATE', a.resolved_in_period and a.has_digitized_result, a.resolved_in_period, 1, 100, true),
('OSS_AVG_RESOLUTION_DAYS', a.resolved_in_period, a.resolved_in_period, coalesce(a.resolution_days, 0), 1, true)
{% endmacro %}
