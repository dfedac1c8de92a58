-- Files received per source, period and status, with rows loaded and warnings.
select
    f.source_title_vi      as "Nguồn",
    f.period               as "Kỳ",
    f.status_vi            as "Trạng thái",
    count(*)               as "Số tệp",
    sum(f.rows_loaded)     as "Số dòng",
    sum(f.warning_count)   as "Cảnh báo"
from marts.rpt_source_file f
where true
  [[and f.period = {{period}}]]
  [[and {{unit}} = any(f.unit_codes)]]
  [[and exists (select 1 from marts.dim_unit u where u.unit_code = any(f.unit_codes) and u.unit_level = {{unit_level}})]]
group by f.source_title_vi, f.period, f.status_vi
order by f.period desc, f.source_title_vi, f.status_vi
