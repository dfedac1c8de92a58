-- Published national results: index and rank as published, the component sum beside them.
select
    n.result_year          as "Năm",
    n.published_rank       as "Xếp hạng",
    n.province_name        as "Tỉnh, thành phố",
    n.published_index      as "Chỉ số (%)",
    n.component_sum        as "Tổng điểm thành phần",
    case when n.is_inconsistent then 'Lệch ' || n.component_difference end as "Ghi chú",
    n.group_label_vi       as "Nhóm",
    n.rank_change          as "Thay đổi thứ hạng"
from marts.rpt_par_national n
where true
  [[and n.result_year = left({{period}}, 4)::int]]
  [[and n.province_code = {{unit}}]]
  [[and {{unit_level}} = 'province']]
order by n.result_year desc, n.published_rank nulls last, n.province_name
