"""The vocabulary sources use to declare their own checks (sources/<source>.py); the gate assembles them with the
checks every source gets (cchc_warehouse.gate.suites). SQL reads the typed view as `b`."""

from __future__ import annotations

from cchc_warehouse.sources.spec import RowCheck


def not_more(part: str, total: str, message_vi: str) -> RowCheck:
    """A part cannot exceed its total (signed <= outgoing, online <= total)."""
    return RowCheck(f"{part}:le_total", part, f"{part}_text", f"b.{part} > b.{total}", message_vi)


def needs_total(part: str, total: str, message_vi: str) -> RowCheck:
    """A part given without its total cannot be a rate."""
    return RowCheck(f"{part}:total_missing", total, f"{part}_text", f"b.{part} is not null and b.{total} is null",
                    message_vi)


def points(column: str, what: str) -> tuple[RowCheck, RowCheck]:
    """Points within 0 .. the criterion's maximum."""
    return (RowCheck(f"{column}:over_max", column, f"{column}_text", f"b.{column} > b.max_points + 0.005",
                     f"{what} lớn hơn điểm tối đa"),
            RowCheck(f"{column}:negative", column, f"{column}_text", f"b.{column} < 0", f"{what} âm"))


def year_of_file(message_vi: str = "năm của dòng khác năm báo cáo của tệp") -> RowCheck:
    return RowCheck("year:period", "year", "year_text", "b.year <> extract(year from b.period_month)", message_vi)
