-- E-document rates per unit against the target of the unit's level (17/NQ-CP: 90 / 80 / 60 %).
select
    r.period                                                                         as "Kỳ",
    r.unit_code                                                                      as "Mã đơn vị",
    r.unit_name                                                                      as "Đơn vị",
    r.unit_level_vi                                                                  as "Cấp",
    max(r.value_rounded) filter (where r.indicator_code = 'ESIGN_OUTGOING_SIGNED_RATE')     as "Văn bản đi ký số (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'ESIGN_INCOMING_ELECTRONIC_RATE') as "Văn bản đến điện tử (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'ESIGN_WORKFILE_ONLINE_RATE')     as "Hồ sơ công việc trên mạng (%)",
    max(r.target_value) filter (where r.indicator_code = 'ESIGN_WORKFILE_ONLINE_RATE')      as "Chỉ tiêu (%)",
    bool_and(r.target_met) filter (where r.indicator_code = 'ESIGN_WORKFILE_ONLINE_RATE')   as "Đạt chỉ tiêu"
from marts.rpt_indicator_value r
where r.indicator_code like 'ESIGN\_%'
  [[and r.period = {{period}}]]
  [[and r.unit_code = {{unit}}]]
  [[and r.unit_level = {{unit_level}}]]
group by r.period, r.unit_code, r.unit_name, r.unit_level_vi
order by r.period desc, "Đạt chỉ tiêu" nulls last, "Hồ sơ công việc trên mạng (%)" nulls last, r.unit_code
