-- Files accepted with warnings (published or loaded): what the gate noticed without blocking.
select
    f.received_at          as "Thời điểm nhận",
    f.source_title_vi      as "Nguồn",
    f.period               as "Kỳ",
    f.file_name            as "Tệp",
    f.warnings_text        as "Cảnh báo"
from marts.rpt_source_file f
where f.warning_count > 0 and f.status in ('loaded', 'published')
  [[and f.period = {{period}}]]
  [[and {{unit}} = any(f.unit_codes)]]
  [[and exists (select 1 from marts.dim_unit u where u.unit_code = any(f.unit_codes) and u.unit_level = {{unit_level}})]]
order by f.received_at desc
