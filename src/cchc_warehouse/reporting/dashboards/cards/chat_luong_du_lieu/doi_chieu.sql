-- Biểu 06 forms beside the dossier listings of the same unit and month: only the columns that differ.
select
    d.period              as "Kỳ",
    d.unit_code           as "Mã đơn vị",
    d.unit_name           as "Đơn vị",
    '(' || d.column_no || ') ' || d.column_label_vi as "Cột Biểu 06",
    d.listing_value       as "Theo danh sách hồ sơ",
    d.form_value          as "Theo Biểu 06",
    d.difference          as "Chênh lệch"
from marts.rpt_one_stop_reconciliation d
where d.differs
  [[and d.period = {{period}}]]
  [[and d.unit_code = {{unit}}]]
  [[and d.unit_code in (select u.unit_code from marts.dim_unit u where u.unit_level = {{unit_level}})]]
order by d.period desc, d.unit_code, d.column_no
