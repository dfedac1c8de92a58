-- Month, quarter and year parts from the monthly parts, by the indicator's aggregation rule (dim_indicator):
--   sum   flows (received, resolved, answers, documents): the months' numerators and denominators summed;
--   first stocks at the start (carried over): the first month of the period that has the indicator;
--   last  stocks at the end (in progress, plan progress as of the latest report): the last such month.
-- months_covered says how many months of the period had data (a quarter with 2 is incomplete). A unit code
-- with two versions in one year (province 25 in 2025) has a row per version: each as it was.
{{ aggregate_periods(ref('int_indicator_parts__monthly')) }}
