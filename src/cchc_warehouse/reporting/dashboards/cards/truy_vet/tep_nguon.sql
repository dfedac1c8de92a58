-- The files the counted dossiers come from, with their state and the checks they passed (rpt_source_file).
select
    f.file_name                                              as "Tệp",
    f.sha256                                                 as "SHA-256",
    f.status_vi                                              as "Trạng thái",
    f.received_at                                            as "Thời điểm nhận",
    count(*)                                                 as "Số hồ sơ được đếm",
    f.warning_count                                          as "Số cảnh báo"
from marts.rpt_indicator_record r
join marts.rpt_source_file f on f.file_id = r.source_file_id
where true
  [[and r.period = {{period}}]]
  [[and r.unit_code = {{unit}}]]
  [[and r.indicator_code = {{indicator}}]]
group by f.file_name, f.sha256, f.status_vi, f.received_at, f.warning_count
order by f.file_name
