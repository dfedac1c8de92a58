"""one_stop_summary: the standard periodic form Biểu 06/VPCP/KSTT (Circular 01/2020/TT-VPCP), per unit and
month: one row per field (lĩnh vực) and a 'Tổng cộng' row, 13 numbered columns under a two-row header."""

from __future__ import annotations

from cchc_warehouse.sources.spec import Column, SourceSpec, unit_title_fields

RECEIVED, RESOLVED, PENDING = "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết"


def _count(name: str, group: str, label: str, *aliases: str) -> Column:
    """A numbered count column, matched as 'group / label' (the two header rows read as one)."""
    return Column(name, f"{group} / {label}", tuple(f"{group} / {a}" for a in aliases), required=True,
                  parse="count", typed_name=f"{name}_count")


# The form's columns 3-13, by number: what the identities 3 = 4+5+6 = 7+11, 7 = 8+9+10, 11 = 12+13 refer to.
COLUMN_NUMBERS = {
    "received_total": 3, "received_online": 4, "received_direct": 5, "carried_over": 6, "resolved_total": 7,
    "resolved_early": 8, "resolved_on_time": 9, "resolved_late": 10, "pending_total": 11, "pending_within": 12,
    "pending_overdue": 13,
}

ONE_STOP_SUMMARY = SourceSpec(
    name="one_stop_summary",
    title_vi="Biểu 06/VPCP/KSTT: tình hình giải quyết TTHC",
    raw_table="raw.one_stop_summary",
    key_column="field_name",
    header_rows=2,
    keep_totals=True,
    columns=(
        Column("seq", "STT"),
        Column("field_name", "Lĩnh vực", ("Lĩnh vực giải quyết", "Tên lĩnh vực", "Lĩnh vực, công việc giải quyết",
                                          "Lĩnh vực, công việc giải quyết theo cấp"),
               required=True),
        Column("unit_code", "Mã đơn vị", required=True),
        Column("unit_name", "Tên đơn vị", parse="unit_name_key", typed_name="unit_name_key"),
        _count("received_total", RECEIVED, "Tổng số", "Tổng"),
        _count("received_online", RECEIVED, "Trực tuyến", "Trong đó / Trực tuyến", "Số mới tiếp nhận trực tuyến"),
        _count("received_direct", RECEIVED, "Trực tiếp, dịch vụ bưu chính",
               "Trực tiếp, BCCI", "Trực tiếp và qua dịch vụ bưu chính công ích", "Trực tiếp"),
        _count("carried_over", RECEIVED, "Từ kỳ trước", "Kỳ trước chuyển qua"),
        _count("resolved_total", RESOLVED, "Tổng số", "Tổng"),
        _count("resolved_early", RESOLVED, "Trước hạn"),
        _count("resolved_on_time", RESOLVED, "Đúng hạn"),
        _count("resolved_late", RESOLVED, "Quá hạn"),
        _count("pending_total", PENDING, "Tổng số", "Tổng"),
        _count("pending_within", PENDING, "Trong hạn", "Chưa đến hạn"),
        _count("pending_overdue", PENDING, "Quá hạn"),
    ),
    code_from_name={"unit_code": "unit_name"},
    title_fields=unit_title_fields(),
)
