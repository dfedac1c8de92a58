-- The figure as published: value, numerator, denominator and the rule in words.
select
    r.period              as "Kỳ",
    r.unit_name           as "Đơn vị",
    r.indicator_name_vi   as "Chỉ tiêu",
    r.value_rounded       as "Giá trị",
    r.numerator           as "Tử số",
    r.denominator         as "Mẫu số",
    i.formula_vi          as "Cách tính",
    r.source              as "Nguồn",
    r.contributing_units  as "Số đơn vị cộng vào"
from marts.rpt_indicator_value r
join marts.dim_indicator i on i.indicator_code = r.indicator_code
where r.period_type = 'month'
  [[and r.period = {{period}}]]
  [[and r.unit_code = {{unit}}]]
  [[and r.indicator_code = {{indicator}}]]
order by r.period desc, r.unit_code, r.indicator_code
