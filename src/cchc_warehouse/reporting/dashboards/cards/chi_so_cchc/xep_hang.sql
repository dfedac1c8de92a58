-- PAR ranking of the year of the chosen period, per peer group: ties share a rank; change vs last year.
select
    k.score_year          as "Năm",
    k.peer_group_vi       as "Nhóm",
    k.par_rank            as "Xếp hạng",
    k.unit_name           as "Đơn vị",
    k.points              as "Điểm đạt",
    k.applicable_max_points as "Điểm tối đa áp dụng",
    k.index_rounded       as "Chỉ số (%)",
    k.rank_change         as "Thay đổi thứ hạng",
    k.band_label_vi       as "Xếp loại"
from marts.rpt_par_ranking k
where true
  [[and k.score_year = left({{period}}, 4)::int]]
  [[and k.unit_code = {{unit}}]]
  [[and k.unit_level = {{unit_level}}]]
order by k.score_year desc, k.peer_group_vi, k.par_rank, k.unit_name
