-- One-stop results per unit for the period, units below their on-time target first.
select
    r.period                                                              as "Kỳ",
    r.unit_code                                                           as "Mã đơn vị",
    r.unit_name                                                           as "Đơn vị",
    max(r.value) filter (where r.indicator_code = 'OSS_RECEIVED')         as "Tiếp nhận",
    max(r.value) filter (where r.indicator_code = 'OSS_RESOLVED')         as "Đã giải quyết",
    max(r.value) filter (where r.indicator_code = 'OSS_RESOLVED_EARLY')   as "Trước hạn",
    max(r.value) filter (where r.indicator_code = 'OSS_RESOLVED_ON_TIME') as "Đúng hạn",
    max(r.value) filter (where r.indicator_code = 'OSS_RESOLVED_LATE')    as "Quá hạn",
    max(r.value) filter (where r.indicator_code = 'OSS_PENDING_OVERDUE')  as "Đang giải quyết quá hạn",
    max(r.value_rounded) filter (where r.indicator_code = 'OSS_ONTIME_RATE')           as "Tỷ lệ đúng hạn (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'OSS_ONLINE_RATE')           as "Tỷ lệ trực tuyến (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'OSS_ONLINE_PAYMENT_RATE')   as "Thanh toán trực tuyến (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'OSS_DIGITIZED_RESULT_RATE') as "Số hóa kết quả (%)",
    bool_and(r.target_met) filter (where r.indicator_code = 'OSS_ONTIME_RATE')         as "Đạt chỉ tiêu đúng hạn"
from marts.rpt_indicator_value r
where r.indicator_code like 'OSS\_%'
  [[and r.period = {{period}}]]
  [[and r.unit_code = {{unit}}]]
  [[and r.unit_level = {{unit_level}}]]
group by r.period, r.unit_code, r.unit_name
order by r.period desc, "Đạt chỉ tiêu đúng hạn" nulls last, "Tỷ lệ đúng hạn (%)" nulls last, r.unit_code
