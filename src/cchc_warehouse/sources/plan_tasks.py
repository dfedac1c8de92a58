"""plan_tasks: the year's CCHC plan, one row per task with its progress as of the report date."""

from __future__ import annotations

from cchc_warehouse.sources.spec import Column, RowCheck, RowQuery, SourceSpec, TitleField, UnitRef

PLAN_TASKS = SourceSpec(
    name="plan_tasks",
    title_vi="Kế hoạch CCHC và tiến độ thực hiện",
    description="The year's CCHC plan: one row per task with its progress as of the report date.",
    key_column="task_code",
    unit=UnitRef(name=None, names_in_code=True),     # 'Đơn vị chủ trì' by code or by name
    supersede_by="period",                             # a report covers the whole plan
    unique_key=("task_code",),
    columns=(
        Column("year", "Năm", required=True, parse="year"),
        Column("task_code", "STT", ("Mã nhiệm vụ",), required=True),
        Column("task_name", "Nhiệm vụ", ("Nội dung nhiệm vụ",), required=True),
        Column("area", "Lĩnh vực"),
        Column("unit_code", "Đơn vị chủ trì", ("Mã đơn vị chủ trì",), required=True, parse="unit"),
        Column("deadline", "Thời hạn hoàn thành", ("Thời gian hoàn thành",), parse="deadline", depends=("year",)),
        Column("status", "Kết quả thực hiện", required=True, parse="plan_status"),
        Column("done_on", "Ngày hoàn thành", parse="date"),
        Column("report_date", "Ngày báo cáo", required=True, parse="date"),
    ),
    title_fields=(
        TitleField("year", pattern=r"\bnam (\d{4})\b"),
        TitleField("report_date", labels=("ngay bao cao", "tinh den ngay", "so lieu tinh den ngay")),
    ),
    row_checks=(
        RowCheck("done_on:after_report", "done_on", "done_on_text", "b.done_on > b.report_date",
                 "ngày hoàn thành sau ngày báo cáo"),
        RowCheck("report_date:period", "report_date", "report_date_text",
                 "date_trunc('month', b.report_date) <> b.period_month", "ngày báo cáo không thuộc kỳ của tệp"),
        RowCheck("year:report", "year", "year_text", "b.report_date < make_date(b.year, 1, 1)",
                 "ngày báo cáo trước năm kế hoạch"),
    ),
    queries=(
        RowQuery("select source_row, source_sheet, status_text as value from {batch} "
                 "where status in ('done', 'done_late') and done_on is null order by source_row",
                 "done_on", "nhiệm vụ hoàn thành nhưng thiếu ngày hoàn thành (đúng hạn hay không theo cột kết quả)",
                 severity="warning"),
    ),
)
