"""Reading the reporting models for the CLI."""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cchc_warehouse.db import connect
from cchc_warehouse.periods import PeriodError

COLUMNS = ("unit_code", "period", "indicator_code", "numerator", "denominator", "value")


@dataclass(frozen=True)
class IndicatorRow:
    unit_code: str
    period: str
    indicator_code: str
    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None
    unit_name: str
    indicator_name_vi: str


PERIOD_LABEL = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$")


def indicator_rows(period: str | date, unit: str | None = None) -> list[IndicatorRow]:
    """Values of a period: 'YYYY-MM' (a month; a date means its month), 'YYYY-Qn' (quarter) or 'YYYY' (year)."""
    if isinstance(period, date):
        period = f"{period:%Y-%m}"
    if not PERIOD_LABEL.match(period):
        raise PeriodError(f"kỳ báo cáo không hợp lệ: {period!r} (cần YYYY-MM, YYYY-Qn hoặc YYYY)")
    with connect() as conn:
        rows = conn.execute(
            """select unit_code, period, indicator_code, numerator, denominator, value, unit_name, indicator_name_vi
                 from marts.rpt_indicator_value
                where period = %s and (%s::text is null or unit_code = %s)
                order by unit_code, indicator_code""",
            (period, unit, unit),
        ).fetchall()
    return [IndicatorRow(*r) for r in rows]


def _num(v: Decimal | None, decimals: int | None = None) -> str:
    if v is None:
        return ""
    if decimals is not None:
        return f"{v:.{decimals}f}"
    return f"{v.normalize():f}" if v == v.to_integral_value() else f"{v:f}"


def spreadsheet_safe(text: str) -> str:
    """A text cell a spreadsheet will not run: a leading = + - @ (or tab, carriage return) gets a quote first."""
    return "'" + text if text and text[0] in "=+-@\t\r" else text


def as_records(rows: list[IndicatorRow]) -> list[list[str]]:
    return [[spreadsheet_safe(r.unit_code), spreadsheet_safe(r.period), spreadsheet_safe(r.indicator_code),
             _num(r.numerator), _num(r.denominator), _num(r.value, 2)]
            for r in rows]


def print_rows(rows: list[IndicatorRow], fmt: str = "table", out=None) -> None:
    out = out or sys.stdout
    records = as_records(rows)
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(COLUMNS)
        w.writerows(records)
        return
    if not records:
        print("(không có số liệu cho kỳ này)", file=out)
        return
    widths = [max(len(h), *(len(r[i]) for r in records)) for i, h in enumerate(COLUMNS)]
    print("  ".join(h.ljust(w) for h, w in zip(COLUMNS, widths, strict=True)), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for r in records:
        print("  ".join(c.rjust(w) if i >= 3 else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))),
              file=out)
