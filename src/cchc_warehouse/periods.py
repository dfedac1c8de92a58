"""Reporting periods (months) as written in titles, folders and CLI arguments."""

from __future__ import annotations

import re
from datetime import date

from cchc_warehouse.textnorm import fold

_YM = re.compile(r"^(\d{4})-(\d{1,2})$")
_TITLE_PATTERNS = (
    # "THÁNG 06/2025", "tháng 6-2025", "Kỳ báo cáo: tháng 06/2025", "tháng 6 năm 2025"
    re.compile(r"\bthang (\d{1,2}) (?:nam )?(\d{4})\b"),
    # "Từ ngày 01/06/2025 đến ngày 30/06/2025": the month of the first date
    re.compile(r"\btu ngay (?:\d{1,2}) (\d{1,2}) (\d{4}) den ngay\b"),
)


class PeriodError(ValueError):
    pass


def next_month(month: date) -> date:
    """The first day of the month after `month`'s."""
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def month_end(month: date) -> date:
    """The last day of `month`'s month."""
    return date.fromordinal(next_month(month).toordinal() - 1)


def period_end(start: date, cadence: str) -> date:
    """The first day after a month or year starting on `start` (exclusive end)."""
    return date(start.year + 1, 1, 1) if cadence == "year" else next_month(start)


def quarter_end(year: int, quarter: int) -> date:
    return month_end(date(year, 3 * quarter, 1))


def parse_month(text: str) -> date:
    """'2025-06' -> date(2025, 6, 1)."""
    m = _YM.match(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise PeriodError(f"kỳ báo cáo không hợp lệ: {text!r} (cần dạng YYYY-MM)")
    return date(int(m.group(1)), int(m.group(2)), 1)


def format_month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def month_range(spec: str) -> list[date]:
    """'2025-01..2025-06' -> the six first-of-month dates; a single month is accepted too."""
    first, _, last = spec.partition("..")
    start, end = parse_month(first), parse_month(last or first)
    if end < start:
        raise PeriodError(f"khoảng kỳ báo cáo ngược: {spec!r}")
    out, m = [], start
    while m <= end:
        out.append(m)
        m = next_month(m)
    return out


def month_from_title(lines: list[str]) -> date | None:
    for line in lines:
        folded = fold(line)
        for pattern in _TITLE_PATTERNS:
            m = pattern.search(folded)
            if m and 1 <= int(m.group(1)) <= 12:
                return date(int(m.group(2)), int(m.group(1)), 1)
    return None


_YEAR_TITLE = re.compile(r"\bnam (\d{4})\b")


def year_from_title(lines: list[str]) -> int | None:
    """'KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025', 'Bảng điểm Chỉ số CCHC năm 2024' -> the year."""
    for line in lines:
        if m := _YEAR_TITLE.search(fold(line)):
            return int(m.group(1))
    return None


def parse_period(text: str, cadence: str = "month") -> date:
    """'2025-06' (monthly) or '2025' (yearly, also accepted for a month: its January)."""
    t = text.strip()
    if cadence == "year" or re.fullmatch(r"\d{4}", t):
        if not re.fullmatch(r"\d{4}", t[:4]) or (len(t) > 4 and not _YM.match(t)):
            raise PeriodError(f"năm báo cáo không hợp lệ: {text!r} (cần dạng YYYY)")
        return date(int(t[:4]), 1, 1)
    return parse_month(t)


def reporting_period(cadence: str, data_interval_start: date | None, override: str | None) -> date:
    """The month (first day) or year (1 January) a run reports on: the `period` param when given, else
    the start of the run's data interval."""
    if cadence == "year":
        if override:
            return parse_period(override, "year")
        if data_interval_start is None:
            raise ValueError("chưa có kỳ báo cáo: hãy truyền tham số `period` (YYYY)")
        return date(data_interval_start.year, 1, 1)
    return reporting_month(data_interval_start, override)


def period_folder(period: date, cadence: str) -> str:
    return str(period.year) if cadence == "year" else format_month(period)


def reporting_month(data_interval_start: date | None, override: str | None) -> date:
    """The month a run reports on: the `period` param when given, else the run's data interval
    (a monthly schedule's interval is the previous month)."""
    if override:
        return parse_month(override)
    if data_interval_start is None:
        raise ValueError("chưa có kỳ báo cáo: hãy truyền tham số `period` (YYYY-MM)")
    return date(data_interval_start.year, data_interval_start.month, 1)


# Evaluation periods of the service index (month, quarter or year), written once as a canonical label that
# raw keeps and SQL reads: '2026-08', '2026-Q3', '2026'.
_ROMAN_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_EVAL_PATTERNS = (
    ("quarter", re.compile(r"^(?:quy\s+)?(?P<q>[1-4]|i{1,3}|iv)\s+(?:nam\s+)?(?P<y>\d{4})$")),
    ("quarter", re.compile(r"^(?P<y>\d{4})\s+q(?P<q>[1-4])$")),
    ("year", re.compile(r"^(?:nam\s+)?(?P<y>\d{4})$")),
    ("month", re.compile(r"^(?:thang\s+)?(?P<m>\d{1,2})\s+(?:nam\s+)?(?P<y>\d{4})$")),
    ("month", re.compile(r"^(?P<y>\d{4})\s+(?P<m>\d{1,2})$")),
)


def eval_period_label(text: str) -> str | None:
    """'Tháng 8/2026', '08/2026', '2026-08' -> '2026-08'; 'Quý III/2026', 'Quý 3/2026', '2026-Q3' -> '2026-Q3';
    'Năm 2026', '2026' -> '2026'. A bare 'q/yyyy' is a quarter only with 'Quý' or Roman numerals: '3/2026' is
    March."""
    folded = fold(text).strip()
    for grain, pattern in _EVAL_PATTERNS:
        m = pattern.match(folded)
        if not m:
            continue
        year = int(m.group("y"))
        if not 1990 <= year <= 2100:
            return None
        if grain == "quarter":
            q = m.group("q")
            if q.isdigit() and not folded.startswith("quy") and "q" not in folded:
                continue              # '3 2026' is a month
            return f"{year}-Q{int(q) if q.isdigit() else _ROMAN_QUARTER[q]}"
        if grain == "year":
            return str(year)
        month = int(m.group("m"))
        return f"{year}-{month:02d}" if 1 <= month <= 12 else None
    return None


def eval_period_bounds(label: str) -> tuple[str, date, date]:
    """(grain, first day, last month's first day) of a canonical label: '2026-Q3' -> ('quarter', 2026-07-01,
    2026-09-01)."""
    if re.fullmatch(r"\d{4}", label):
        return "year", date(int(label), 1, 1), date(int(label), 12, 1)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", label):
        y, q = int(m.group(1)), int(m.group(2))
        return "quarter", date(y, 3 * q - 2, 1), date(y, 3 * q, 1)
    start = parse_month(label)
    return "month", start, start


def sql_period_grain(label: str) -> str:
    """SQL of a canonical label's grain (the one reading of eval_period_bounds in SQL)."""
    return (f"case when {label} ~ '^\\d{{4}}$' then 'year' when {label} ~ '^\\d{{4}}-Q[1-4]$' then 'quarter'"
            f" when {label} is not null then 'month' end")


def sql_period_start(label: str) -> str:
    """SQL of a canonical label's first day."""
    return (f"case when {label} ~ '^\\d{{4}}$' then make_date(left({label}, 4)::int, 1, 1)"
            f" when {label} ~ '^\\d{{4}}-Q[1-4]$'"
            f" then make_date(left({label}, 4)::int, right({label}, 1)::int * 3 - 2, 1)"
            f" when {label} is not null then to_date({label} || '-01', 'YYYY-MM-DD') end")


def sql_period_last_month(label: str) -> str:
    """SQL of the first day of a canonical label's last month (its month, a quarter's third, December)."""
    return (f"({sql_period_start(label)} + case {sql_period_grain(label)} when 'year' then interval '11 months'"
            f" when 'quarter' then interval '2 months' else interval '0 months' end)::date")
