-- The same counting rules per unit, field (lĩnh vực) and month, for reports by field.
{{ one_stop_counts(['unit_code', 'field_name', 'period_month']) }}
