select
    d::date                      as date_day,
    date_trunc('month', d)::date as month_start,
    extract(year from d)::int    as year,
    extract(quarter from d)::int as quarter,
    extract(month from d)::int   as month,
    extract(isodow from d)::int  as iso_weekday,
    extract(isodow from d) >= 6  as is_weekend
from generate_series(date '2019-01-01', date '2030-12-31', interval '1 day') as d
