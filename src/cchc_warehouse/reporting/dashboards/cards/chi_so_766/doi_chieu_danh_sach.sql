-- The one-stop system against the statistics file: each count from the dossier listings beside the file's
-- (the file's is scored) and the difference.
select
    r.period_label_vi   as "Kỳ đánh giá",
    u.unit_name         as "Đơn vị",
    r.label_vi          as "Số liệu",
    r.file_count        as "Theo tệp thống kê",
    r.listing_count     as "Theo danh sách hồ sơ",
    r.difference        as "Chênh lệch"
from marts.rpt_service_index_reconciliation r
join marts.dim_unit u on u.unit_code = r.unit_code and u.valid_to > r.period_start and u.valid_from <= r.period_start
where r.difference is distinct from 0
  [[and r.period = {{period}}]]
  [[and r.unit_code = {{unit}}]]
  [[and u.unit_level = {{unit_level}}]]
order by r.period_start desc, u.unit_name, r.count_name
