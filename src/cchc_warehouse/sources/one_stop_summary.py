"""one_stop_summary: the standard periodic form Biểu 06/VPCP/KSTT (Circular 01/2020/TT-VPCP), per unit and
month: one row per field (lĩnh vực) and a 'Tổng cộng' row, 13 numbered columns under a two-row header."""

from __future__ import annotations

from cchc_warehouse.sources.spec import Column, RowCheck, RowQuery, SourceSpec, UnitRef, unit_title_fields

RECEIVED, RESOLVED, PENDING = "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết"


def _count(name: str, group: str, label: str, *aliases: str) -> Column:
    """A numbered count column, matched as 'group / label' (the two header rows read as one)."""
    return Column(name, f"{group} / {label}", tuple(f"{group} / {a}" for a in aliases), required=True,
                  parse="count")


# The form's columns 3-13, by number: what the identities 3 = 4+5+6 = 7+11, 7 = 8+9+10, 11 = 12+13 refer to.
COLUMN_NUMBERS = {
    "received_total": 3, "received_online": 4, "received_direct": 5, "carried_over": 6, "resolved_total": 7,
    "resolved_early": 8, "resolved_on_time": 9, "resolved_late": 10, "pending_total": 11, "pending_within": 12,
    "pending_overdue": 13,
}


def _identity(key: str, left: str, right: list[str], message_vi: str) -> RowCheck:
    total = " + ".join(f"b.{r}" for r in right)
    return RowCheck(key, left, f"concat_ws(' ', b.{left}, '≠', {total})", f"b.{left} <> {total}", message_vi)


# The total row equals the sum of the field rows, column by column.
_TOTAL_SUMS = " union all ".join(
    f"select '({num})' as col, t.{name} as total, sum(r.{name}) as rows_sum"
    f" from {{batch}} t join {{batch}} r on not r.is_total"
    f" where t.is_total and t.source_row = x.source_row and t.source_sheet is not distinct from x.source_sheet"
    f" group by t.{name}"
    for name, num in COLUMN_NUMBERS.items())

ONE_STOP_SUMMARY = SourceSpec(
    name="one_stop_summary",
    title_vi="Biểu 06/VPCP/KSTT: tình hình giải quyết TTHC",
    description="Biểu 06/VPCP/KSTT forms: one row per field (lĩnh vực) and the total row, columns (3)-(13).",
    key_column="field_name",
    header_rows=2,
    keep_totals=True,
    unit=UnitRef(),
    title_fields=unit_title_fields(),
    columns=(
        Column("seq", "STT"),
        Column("field_name", "Lĩnh vực", ("Lĩnh vực giải quyết", "Tên lĩnh vực", "Lĩnh vực, công việc giải quyết",
                                          "Lĩnh vực, công việc giải quyết theo cấp"),
               required=True),
        Column("unit_code", "Mã đơn vị", required=True, parse="unit"),
        Column("unit_name", "Tên đơn vị", parse="unit_name_key", derived="unit_name_key"),
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
    # the total row is the one the loader found a total label in, wherever it stood; it is named by that label
    view_columns=(("is_total", "r.total_label is not null"), ("row_label", "coalesce(r.field_name, r.total_label)")),
    required_when=(("field_name", "b.row_label is null"),),
    row_checks=(
        _identity("received_total:sum_parts", "received_total", ["received_online", "received_direct", "carried_over"],
                  "cột (3) khác (4) + (5) + (6)"),
        _identity("received_total:sum_outcomes", "received_total", ["resolved_total", "pending_total"],
                  "cột (3) khác (7) + (11)"),
        _identity("resolved_total:sum_parts", "resolved_total", ["resolved_early", "resolved_on_time", "resolved_late"],
                  "cột (7) khác (8) + (9) + (10)"),
        _identity("pending_total:sum_parts", "pending_total", ["pending_within", "pending_overdue"],
                  "cột (11) khác (12) + (13)"),
    ),
    queries=(
        RowQuery(f"select x.source_row, x.source_sheet,"
                 f" s.col || ': dòng tổng ' || s.total || ' ≠ cộng các dòng ' || s.rows_sum as value"
                 f" from {{batch}} x join lateral ({_TOTAL_SUMS}) s on s.total is distinct from s.rows_sum"
                 f" where x.is_total order by x.source_row, s.col",
                 "field_name", "dòng Tổng cộng khác tổng các dòng lĩnh vực"),
        RowQuery("select null::int as source_row, null::text as source_sheet, 'không có dòng Tổng cộng' as value"
                 " from (select count(*) filter (where is_total) as n from {batch}) as c where c.n = 0",
                 "field_name", "biểu không có dòng Tổng cộng (không đối chiếu được tổng)", severity="warning"),
    ),
)
