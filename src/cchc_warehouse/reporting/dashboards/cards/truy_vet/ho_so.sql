-- Every dossier counted in the figure: in the numerator, the denominator, with its file and row.
select
    r.record_code                                            as "Mã hồ sơ",
    case when r.in_numerator then 'có' else 'không' end      as "Tử số",
    case when r.in_denominator then 'có' else 'không' end    as "Mẫu số",
    r.record_unit_code                                       as "Đơn vị xử lý",
    r.procedure_code                                         as "Mã TTHC",
    r.received_date                                          as "Ngày tiếp nhận",
    r.due_date                                               as "Ngày hẹn trả",
    r.finished_date                                          as "Ngày kết thúc",
    r.source_file                                            as "Tệp",
    r.source_row                                             as "Dòng"
from marts.rpt_indicator_record r
where true
  [[and r.period = {{period}}]]
  [[and r.unit_code = {{unit}}]]
  [[and r.indicator_code = {{indicator}}]]
order by r.record_unit_code, r.record_code
