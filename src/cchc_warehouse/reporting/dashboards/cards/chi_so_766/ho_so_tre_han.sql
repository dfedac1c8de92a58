-- Dossiers that cost progress points (late, overdue at the period's end, or asked for supplements more than
-- once), from the dossier listings; no personal data.
select
    h.period_label_vi       as "Kỳ đánh giá",
    u.unit_name             as "Đơn vị",
    h.dossier_code          as "Mã hồ sơ",
    h.procedure_code        as "Mã TTHC",
    h.field_name            as "Lĩnh vực",
    h.due_date              as "Ngày hẹn trả",
    h.counted_end_date      as "Ngày kết thúc (hoặc cuối kỳ)",
    h.days_late             as "Số ngày trễ",
    h.supplement_requests   as "Số lần yêu cầu bổ sung",
    case when h.counts_used then 'Có' else 'Không (dùng số liệu thống kê)' end as "Dùng để tính điểm",
    h.source_file_name      as "Tệp nguồn",
    h.source_row            as "Dòng"
from marts.rpt_service_index_late_dossiers h
join marts.dim_unit u on u.unit_code = h.unit_code and u.valid_to > h.period_start and u.valid_from <= h.period_start
where true
  [[and h.period = {{period}}]]
  [[and h.unit_code = {{unit}}]]
  [[and u.unit_level = {{unit_level}}]]
order by h.period_start desc, u.unit_name, h.days_late desc nulls last, h.dossier_code
limit 500
