-- One-stop results per field (lĩnh vực) over the units shown, on-time rate recomputed from the summed counts.
select
    f.period                                              as "Kỳ",
    coalesce(f.field_name, '(không ghi lĩnh vực)')        as "Lĩnh vực",
    sum(f.received)                                       as "Tiếp nhận",
    sum(f.resolved)                                       as "Đã giải quyết",
    sum(f.resolved_early)                                 as "Trước hạn",
    sum(f.resolved_on_time)                               as "Đúng hạn",
    sum(f.resolved_late)                                  as "Quá hạn",
    sum(f.pending_overdue)                                as "Đang giải quyết quá hạn",
    round(100.0 * sum(f.resolved_early + f.resolved_on_time) / nullif(sum(f.resolved), 0), 2) as "Tỷ lệ đúng hạn (%)"
from marts.rpt_one_stop_by_field f
where true
  [[and f.period = {{period}}]]
  [[and f.unit_code in (select a.unit_code from marts.dim_unit a where a.unit_code = {{unit}}
                        or a.parent_unit_code = {{unit}})]]
  [[and f.unit_level = {{unit_level}}]]
group by f.period, f.field_name
order by f.period desc, "Tỷ lệ đúng hạn (%)" nulls last, "Tiếp nhận" desc
