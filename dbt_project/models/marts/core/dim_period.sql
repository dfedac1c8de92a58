-- Reporting periods: months, quarters and years, with labels for reports.
with months as (

    select * from {{ ref('dim_month') }}

)

select
    'month'::text as period_type, month_start as period_start, month_end as period_end, period,
    period_label_vi, year, quarter, month
from months
union all
select
    'quarter', min(month_start), max(month_end), year || '-Q' || quarter,
    'Quý ' || (array['I', 'II', 'III', 'IV'])[quarter] || '/' || year, year, quarter, null
from months
group by year, quarter
union all
select 'year', min(month_start), max(month_end), year::text, 'Năm ' || year, year, null, null
from months
group by year
