-- Monthly on-time rate up to the chosen period (the twelve months before it), per unit.
select
    r.period_start              as "Tháng",
    r.unit_name                 as "Đơn vị",
    r.value_rounded             as "Tỷ lệ đúng hạn (%)"
from marts.rpt_indicator_value r
where r.indicator_code = 'OSS_ONTIME_RATE'
  and r.period_type = 'month'
  [[and r.period_start <= (select p.period_start from marts.dim_period p where p.period = {{period}})
    and r.period_start > (select p.period_start from marts.dim_period p where p.period = {{period}}) - interval '12 months']]
  [[and r.unit_code = {{unit}}]]
  [[and r.unit_level = {{unit_level}}]]
order by r.period_start, r.unit_code
