select
    m::date                                as month_start,
    (m + interval '1 month - 1 day')::date as month_end,
    to_char(m, 'YYYY-MM')                  as period,
    'Tháng ' || to_char(m, 'MM/YYYY')      as period_label_vi,
    extract(year from m)::int              as year,
    extract(quarter from m)::int           as quarter,
    extract(month from m)::int             as month
from generate_series(date '2019-01-01', date '2030-12-01', interval '1 month') as m
