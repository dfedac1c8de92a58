-- PAR area percentages (points obtained / applicable max of each area) per unit, for the year of the period.
select
    r.year                                                                 as "Năm",
    r.unit_name                                                            as "Đơn vị",
    max(r.value_rounded) filter (where r.indicator_code = 'PAR_AREA_1')    as "Lĩnh vực 1 (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'PAR_AREA_2')    as "Lĩnh vực 2 (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'PAR_AREA_3')    as "Lĩnh vực 3 (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'PAR_AREA_4')    as "Lĩnh vực 4 (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'PAR_AREA_5')    as "Lĩnh vực 5 (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'PAR_AREA_6')    as "Lĩnh vực 6 (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'PAR_AREA_7')    as "Lĩnh vực 7 (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'PAR_AREA_8')    as "Lĩnh vực 8 (%)",
    max(r.value_rounded) filter (where r.indicator_code = 'PAR_INDEX')     as "Chỉ số (%)"
from marts.rpt_indicator_value r
where r.period_type = 'year' and (r.indicator_code like 'PAR\_AREA\_%' or r.indicator_code = 'PAR_INDEX')
  [[and r.year = left({{period}}, 4)::int]]
  [[and r.unit_code = {{unit}}]]
  [[and r.unit_level = {{unit_level}}]]
group by r.year, r.unit_code, r.unit_name
order by r.year desc, "Chỉ số (%)" desc nulls last, r.unit_name
