-- Computed against published points: the difference and whether it needs reconciling (|diff| > 0.015), and the
-- rank and band by each.
select
    k.period_label_vi          as "Kỳ đánh giá",
    k.unit_name                as "Đơn vị",
    k.total_points             as "Tổng điểm tự tính",
    k.total_points_published   as "Tổng điểm công bố",
    k.total_points_diff        as "Chênh lệch",
    case when k.needs_reconciliation then 'Cần đối chiếu' else '' end as "Đối chiếu",
    k.svc_rank                 as "Hạng (tự tính)",
    k.svc_rank_published       as "Hạng (công bố)",
    k.band_vi                  as "Xếp loại (tự tính)",
    k.band_published_vi        as "Xếp loại (công bố)"
from marts.rpt_service_index_ranking k
where true
  [[and k.period = {{period}}]]
  [[and k.unit_code = {{unit}}]]
  [[and k.unit_level = {{unit_level}}]]
order by k.period_start desc, k.needs_reconciliation desc, abs(k.total_points_diff) desc nulls last, k.unit_name
