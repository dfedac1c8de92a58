-- What officials read: indicator values by unit and month with Vietnamese names, two-decimal display.
select
    f.unit_code,
    u.unit_name,
    u.unit_level,
    u.unit_level_vi,
    u.parent_unit_code,
    u.province_code,
    m.period,
    f.period_month,
    m.year,
    m.quarter,
    f.indicator_code,
    i.name_vi                                  as indicator_name_vi,
    i.name_en                                  as indicator_name_en,
    i.area                                     as indicator_area,
    i.unit_of_measure,
    f.numerator,
    f.denominator,
    f.value,
    round(f.value, 2)                          as value_rounded,
    f.source,
    f.computed_at
from {{ ref('fct_indicator_value') }} f
join {{ ref('dim_unit') }} u on u.unit_code = f.unit_code
join {{ ref('dim_month') }} m on m.month_start = f.period_month
join {{ ref('dim_indicator') }} i on i.indicator_code = f.indicator_code
