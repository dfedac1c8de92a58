-- Rejected files and why (the gate's Vietnamese messages naming file, column and rows).
select
    f.received_at          as "Thời điểm nhận",
    f.source_title_vi      as "Nguồn",
    f.period               as "Kỳ",
    f.file_name            as "Tệp",
    f.reasons_text         as "Lý do"
from marts.rpt_source_file f
where f.status = 'rejected'
  [[and f.period = {{period}}]]
  [[and {{unit}} = any(f.unit_codes)]]
  [[and exists (select 1 from marts.dim_unit u where u.unit_code = any(f.unit_codes) and u.unit_level = {{unit_level}})]]
order by f.received_at desc
