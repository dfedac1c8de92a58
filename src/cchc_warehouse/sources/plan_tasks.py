"""plan_tasks: the year's CCHC plan, one row per task with its progress as of the report date."""

from __future__ import annotations

from cchc_warehouse.sources.spec import Column, SourceSpec, TitleField

PLAN_TASKS = SourceSpec(
    name="plan_tasks",
    title_vi="Kế hoạch CCHC và tiến độ thực hiện",
    raw_table="raw.plan_tasks",
    key_column="task_code",
    unique_key=("task_code",),
    columns=(
        Column("year", "Năm", required=True, parse="year", typed_name="year_value"),
        Column("task_code", "STT", ("Mã nhiệm vụ",), required=True),
        Column("task_name", "Nhiệm vụ", ("Nội dung nhiệm vụ",), required=True),
        Column("area", "Lĩnh vực"),
        Column("unit_code", "Đơn vị chủ trì", ("Mã đơn vị chủ trì",), required=True),
        Column("deadline", "Thời hạn hoàn thành", ("Thời gian hoàn thành",), parse="deadline",
               typed_name="deadline_code"),
        Column("status", "Kết quả thực hiện", required=True, parse="plan_status", typed_name="status_code"),
        Column("done_on", "Ngày hoàn thành", parse="date", typed_name="done_date"),
        Column("report_date", "Ngày báo cáo", required=True, parse="date", typed_name="report_date_value"),
    ),
    title_fields=(
        TitleField("year", pattern=r"\bnam (\d{4})\b"),
        TitleField("report_date", labels=("ngay bao cao", "tinh den ngay", "so lieu tinh den ngay")),
    ),
)
