-- Counting rules of the domain notes, per unit and month, at date granularity:
--   received: received date in the month; carried over: received before it and not ended before it;
--   resolved: status 9/10 with finish date in the month (early < due, on time = due or no due, late > due);
--   pending: received by month end and not ended by then (overdue when due date < month end);
--   withdrawn/other: ended in the month without being resolved (refused, withdrawn, stopped).
{{ one_stop_counts(['unit_code', 'period_month']) }}
