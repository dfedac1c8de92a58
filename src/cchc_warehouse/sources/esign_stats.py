"""esign_stats: document-management statistics per unit and month (outgoing, incoming, work files)."""

from __future__ import annotations

from cchc_warehouse.sources.spec import Column, SourceSpec, unit_title_fields

ESIGN_STATS = SourceSpec(
    name="esign_stats",
    title_vi="Thống kê văn bản điện tử, chữ ký số",
    raw_table="raw.esign_stats",
    key_column="unit_code",
    code_from_name={"unit_code": "unit_name"},
    title_fields=unit_title_fields(),
    unique_key=("unit_code", "period"),
    columns=(
        Column("unit_code", "Mã đơn vị", required=True),
        Column("unit_name", "Đơn vị", ("Tên đơn vị",), parse="unit_name_key", typed_name="unit_name_key"),
        Column("period", "Kỳ báo cáo", ("Tháng",), required=True, parse="month", typed_name="report_month"),
        Column("outgoing_total", "Tổng số văn bản đi", ("Văn bản đi",), required=True, parse="count",
               typed_name="outgoing_total_count"),
        Column("outgoing_signed", "Văn bản đi được ký số", ("Số văn bản ký số",), required=True, parse="count",
               typed_name="outgoing_signed_count"),
        Column("incoming_total", "Tổng số văn bản đến", ("Văn bản đến",), parse="count",
               typed_name="incoming_total_count"),
        Column("incoming_electronic", "Văn bản đến điện tử", ("Văn bản đến qua trục liên thông",), parse="count",
               typed_name="incoming_electronic_count"),
        Column("workfiles_total", "Tổng số hồ sơ công việc", ("Hồ sơ công việc",), parse="count",
               typed_name="workfiles_total_count"),
        Column("workfiles_online", "Hồ sơ công việc xử lý trên mạng", parse="count",
               typed_name="workfiles_online_count"),
    ),
)
