-- Why points were lost: each sub-indicator with points lost, its counts, rate, threshold, points obtained, and
-- the file and row the counts came from.
select
    l.period_label_vi    as "Kỳ đánh giá",
    l.unit_name          as "Đơn vị",
    l.group_name_vi      as "Nhóm",
    l.sub_name_vi        as "Chỉ số thành phần",
    l.numerator          as "Tử số",
    l.denominator        as "Mẫu số",
    l.rate_pct           as "Tỷ lệ (%)",
    l.threshold_pct      as "Ngưỡng (%)",
    l.max_points         as "Điểm tối đa",
    l.points             as "Điểm đạt",
    l.points_lost        as "Điểm bị mất",
    l.note_vi            as "Ghi chú",
    l.source_file_name   as "Tệp nguồn",
    l.source_row         as "Dòng"
from marts.rpt_service_index_points_lost l
join marts.dim_unit u on u.unit_code = l.unit_code and u.valid_to > l.period_start and u.valid_from <= l.period_start
where l.points_lost > 0
  [[and l.period = {{period}}]]
  [[and l.unit_code = {{unit}}]]
  [[and u.unit_level = {{unit_level}}]]
order by l.period_start desc, l.unit_name, l.points_lost desc, l.sub_code
