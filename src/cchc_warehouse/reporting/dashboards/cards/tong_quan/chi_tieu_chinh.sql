-- Headline indicators of a unit (default: every unit of the chosen level) for the period, against targets.
select
    r.period                    as "Kỳ",
    r.unit_name                 as "Đơn vị",
    r.indicator_name_vi         as "Chỉ tiêu",
    r.value_rounded             as "Giá trị",
    r.unit_of_measure           as "Đơn vị tính",
    r.target_comparison || ' ' || r.target_value as "Chỉ tiêu đặt ra",
    case when r.target_met then 'Đạt' when not r.target_met then 'Chưa đạt' end as "Kết quả",
    round(r.change_vs_previous_year, 2) as "So với cùng kỳ năm trước",
    r.unit_code                 as "Mã đơn vị",
    r.indicator_code            as "Mã chỉ tiêu"
from marts.rpt_indicator_value r
where r.indicator_code in ('OSS_RECEIVED', 'OSS_RESOLVED', 'OSS_ONTIME_RATE', 'OSS_ONLINE_RATE',
                           'OSS_ONLINE_PAYMENT_RATE', 'ESIGN_WORKFILE_ONLINE_RATE', 'SIPAS_INDEX',
                           'PLAN_TASKS_DONE_RATE', 'PAR_INDEX')
  [[and r.period = {{period}}]]
  [[and r.unit_code = {{unit}}]]
  [[and r.unit_level = {{unit_level}}]]
order by r.period desc, r.unit_code, r.indicator_code
