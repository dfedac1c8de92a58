"""esign_stats: document-management statistics per unit and month (outgoing, incoming, work files)."""

from __future__ import annotations

from cchc_warehouse.sources.checks import needs_total, not_more
from cchc_warehouse.sources.spec import Column, RowCheck, SourceSpec, UnitRef, unit_title_fields


def _count(name: str, header: str, *aliases: str, required: bool = False) -> Column:
    return Column(name, header, aliases, required=required, parse="count")


ESIGN_STATS = SourceSpec(
    name="esign_stats",
    title_vi="Thống kê văn bản điện tử, chữ ký số",
    description="Document-management statistics: outgoing, incoming and work files per unit and month.",
    key_column="unit_code",
    unit=UnitRef(),
    title_fields=unit_title_fields(),
    unique_key=("unit_code", "period"),
    period_column="period",
    columns=(
        Column("unit_code", "Mã đơn vị", required=True, parse="unit"),
        Column("unit_name", "Đơn vị", ("Tên đơn vị",), parse="unit_name_key", derived="unit_name_key"),
        Column("period", "Kỳ báo cáo", ("Tháng",), required=True, parse="month"),
        _count("outgoing_total", "Tổng số văn bản đi", "Văn bản đi", required=True),
        _count("outgoing_signed", "Văn bản đi được ký số", "Số văn bản ký số", required=True),
        _count("incoming_total", "Tổng số văn bản đến", "Văn bản đến"),
        _count("incoming_electronic", "Văn bản đến điện tử", "Văn bản đến qua trục liên thông"),
        _count("workfiles_total", "Tổng số hồ sơ công việc", "Hồ sơ công việc"),
        _count("workfiles_online", "Hồ sơ công việc xử lý trên mạng"),
    ),
    row_checks=(
        not_more("outgoing_signed", "outgoing_total", "văn bản đi được ký số nhiều hơn tổng số văn bản đi"),
        not_more("incoming_electronic", "incoming_total", "văn bản đến điện tử nhiều hơn tổng số văn bản đến"),
        not_more("workfiles_online", "workfiles_total", "hồ sơ công việc xử lý trên mạng nhiều hơn tổng số"),
        needs_total("incoming_electronic", "incoming_total", "có văn bản đến điện tử nhưng thiếu tổng số văn bản đến"),
        needs_total("workfiles_online", "workfiles_total", "có hồ sơ xử lý trên mạng nhưng thiếu tổng số hồ sơ"),
        RowCheck("period:after_file", "period", "period_text", "b.period > b.period_month",
                 "kỳ báo cáo của dòng sau kỳ báo cáo của tệp"),
    ),
)
