-- Points of each group and the total (computed), rank among units of the same level (ties share a rank), band,
-- change against the previous period of the same length; units without a total are listed last, unranked.
select
    k.period_label_vi        as "Kỳ đánh giá",
    k.unit_level_vi          as "Cấp",
    k.svc_rank               as "Xếp hạng",
    k.unit_name              as "Đơn vị",
    k.publicity_points       as "Công khai, minh bạch (18)",
    k.progress_points        as "Tiến độ (20)",
    k.online_points          as "DVC trực tuyến (12)",
    k.payment_points         as "Thanh toán trực tuyến (10)",
    k.digital_points         as "Số hóa (22)",
    k.satisfaction_points    as "Hài lòng (18)",
    k.total_points           as "Tổng điểm",
    k.band_vi                as "Xếp loại",
    k.total_change           as "Thay đổi so với kỳ trước"
from marts.rpt_service_index_ranking k
where true
  [[and k.period = {{period}}]]
  [[and k.unit_code = {{unit}}]]
  [[and k.unit_level = {{unit_level}}]]
order by k.period_start desc, k.unit_level_vi, k.svc_rank nulls last, k.unit_name
