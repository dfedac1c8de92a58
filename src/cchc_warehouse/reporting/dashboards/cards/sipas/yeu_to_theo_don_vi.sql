-- The five SIPAS elements and the index per unit and period.
select
    r.period                                                                      as "Kỳ",
    r.unit_code                                                                   as "Mã đơn vị",
    r.unit_name                                                                   as "Đơn vị",
    max(r.value_rounded) filter (where r.indicator_code = 'SIPAS_ELEMENT_TC')      as "Tiếp cận dịch vụ (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'SIPAS_ELEMENT_TT')      as "Thủ tục hành chính (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'SIPAS_ELEMENT_CC')      as "Công chức (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'SIPAS_ELEMENT_KQ')      as "Kết quả (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'SIPAS_ELEMENT_PA')      as "Góp ý, phản ánh (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'SIPAS_INDEX')           as "Chỉ số hài lòng (%)",
    bool_and(r.target_met) filter (where r.indicator_code = 'SIPAS_INDEX')         as "Đạt chỉ tiêu"
from marts.rpt_indicator_value r
where r.indicator_code like 'SIPAS\_%'
  [[and r.period = {{period}}]]
  [[and r.unit_code = {{unit}}]]
  [[and r.unit_level = {{unit_level}}]]
group by r.period, r.unit_code, r.unit_name
order by r.period desc, "Chỉ số hài lòng (%)" desc nulls last, r.unit_code
