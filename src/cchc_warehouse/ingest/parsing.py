"""The parsing rules of ../shared/spec/sources.md, vectorised over Arrow string arrays.

Written once and applied by the loader: raw tables keep the text as received next to the typed value,
so the quality gate and dbt read typed columns and never parse again. Every rule works on the distinct
values of a column (dictionary encoding), so a million rows cost about as much as their few thousand
distinct dates and labels. A value that cannot be read gives NULL; the gate reports it with its row.
"""

from __future__ import annotations

import re
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from cchc_warehouse import periods, textnorm
from cchc_warehouse.reference import codes

_TIME = r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
DMY = r"^(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>\d{4})" + _TIME + "$"     # never month first
YMD = r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME + "$"

DOSSIER_STATUS = {textnorm.fold(k): v for k, v in codes.labels("dossier_statuses", "status_code").items()}
CHANNEL = {textnorm.fold(k): v for k, v in codes.labels("channels", "channel_code").items()}
SERVICE_LEVEL = {"toan trinh": "toan_trinh", "4": "toan_trinh", "muc do 4": "toan_trinh",
                 "mot phan": "mot_phan", "3": "mot_phan", "muc do 3": "mot_phan",
                 "cung cap thong tin": "cung_cap_thong_tin", "2": "cung_cap_thong_tin",
                 "1": "cung_cap_thong_tin", "muc do 2": "cung_cap_thong_tin"}
APPLICANT_TYPE = {"cong dan": "cong_dan", "ca nhan": "cong_dan", "to chuc": "to_chuc",
                  "doanh nghiep": "doanh_nghiep"}
YES = {"co", "x", "1", "true", "da", "yes", "y"}
NO = {"khong", "0", "false", "chua", "no", "n"}


def is_marker(values: pa.Array) -> pa.Array:
    """True where the text is a missing-value marker (textnorm.MISSING_MARKERS: N/A, NULL, nan…)."""
    return pc.fill_null(pc.is_in(pc.utf8_lower(pc.utf8_trim_whitespace(values)),
                                 value_set=pa.array(textnorm.MISSING_MARKERS, pa.string())), False)


def parse(rule: str, values: pa.Array, *extra: pa.Array) -> pa.Array:
    """A column's parsing rule, with missing-value markers read as missing (NULL), never as a value."""
    typed = RULES[rule](values, *extra)
    marked = is_marker(values)
    if len(values) and pc.any(marked).as_py():
        typed = pc.if_else(marked, pa.nulls(len(typed), typed.type), typed)
    return typed


def by_distinct(values: pa.Array, rule) -> pa.Array:
    """Apply `rule` to the distinct values only, then spread the results back."""
    if len(values) == 0:
        return rule(values)
    encoded = pc.dictionary_encode(values)
    return pc.take(rule(encoded.dictionary), encoded.indices)


def nfc(values: pa.Array) -> pa.Array:
    """NFC of the distinct values, and only when a combining mark (U+0300–U+036F) is present."""
    raw = values.cast(pa.binary())
    if pc.any(pc.match_substring(raw, b"\xcc")).as_py() or pc.any(pc.match_substring(raw, b"\xcd")).as_py():
        return by_distinct(values, lambda distinct: pc.utf8_normalize(distinct, "NFC"))
    return values


def fold(values: pa.Array) -> pa.Array:
    """textnorm.fold (the one folding rule, also used for headers) over the values, which the rules below
    pass as distinct values only: 'ĐÃ Trả  kết-quả' -> 'da tra ket qua'."""
    return pa.array([None if v is None else textnorm.fold(v) for v in values.to_pylist()], pa.string())


def _lookup(mapping: dict, out_type: pa.DataType):
    keys = pa.array(list(mapping), pa.string())
    vals = pa.array(list(mapping.values()), out_type)

    def rule(distinct: pa.Array) -> pa.Array:
        return pc.take(vals, pc.index_in(fold(distinct), value_set=keys))
    return rule


def parse_status(values: pa.Array) -> pa.Array:
    return by_distinct(values, _lookup(DOSSIER_STATUS, pa.int16()))


def parse_channel(values: pa.Array) -> pa.Array:
    return by_distinct(values, _lookup(CHANNEL, pa.int16()))


def parse_service_level(values: pa.Array) -> pa.Array:
    return by_distinct(values, _lookup(SERVICE_LEVEL, pa.string()))


def parse_applicant_type(values: pa.Array) -> pa.Array:
    return by_distinct(values, _lookup(APPLICANT_TYPE, pa.string()))


def parse_yes_no(values: pa.Array) -> pa.Array:
    """Có/Không, x/blank, 1/0, TRUE/FALSE, Đã/Chưa; blank is "no" (the x/blank convention)."""
    mapping = {**{k: True for k in YES}, **{k: False for k in NO}, "": False}

    def rule(distinct: pa.Array) -> pa.Array:
        folded = pc.fill_null(fold(distinct), "")
        return pc.take(pa.array(list(mapping.values()), pa.bool_()),
                       pc.index_in(folded, value_set=pa.array(list(mapping), pa.string())))
    filled = pc.fill_null(values, "")
    return by_distinct(filled, rule)


def _days_in_month(y: pa.Array, m: pa.Array) -> pa.Array:
    base = pc.take(pa.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], pa.int32()),
                   pc.subtract(pc.if_else(pc.and_(pc.greater_equal(m, 1), pc.less_equal(m, 12)), m, 1), 1))
    def divisible(by: int) -> pa.Array:      # integer division truncates: y - (y / by) * by == y % by
        return pc.equal(pc.subtract(y, pc.multiply(pc.divide(y, by), by)), 0)

    leap = pc.and_(divisible(4), pc.or_(pc.invert(divisible(100)), divisible(400)))
    return pc.add(base, pc.cast(pc.and_(pc.equal(m, 2), leap), pa.int32()))


def _parse_dates(distinct: pa.Array) -> pa.Array:
    s = pc.utf8_trim_whitespace(distinct)
    a, b = pc.extract_regex(s, DMY), pc.extract_regex(s, YMD)
    parts = {k: pc.cast(pc.coalesce(pc.struct_field(a, k), pc.struct_field(b, k)), pa.int32())
             for k in ("y", "m", "d")}
    y, m, d = parts["y"], parts["m"], parts["d"]
    ok = pc.and_(pc.and_(pc.greater_equal(m, 1), pc.less_equal(m, 12)),
                 pc.and_(pc.greater_equal(d, 1), pc.less_equal(d, _days_in_month(y, m))))
    iso = pc.binary_join_element_wise(
        pc.utf8_lpad(pc.cast(y, pa.string()), 4, "0"), pc.utf8_lpad(pc.cast(m, pa.string()), 2, "0"),
        pc.utf8_lpad(pc.cast(d, pa.string()), 2, "0"), "-")
    iso = pc.if_else(pc.fill_null(ok, False), iso, None)
    return pc.cast(iso, pa.date32())


def parse_date(values: pa.Array) -> pa.Array:
    """d/m/yyyy or d-m-yyyy (day first), optional time; ISO yyyy-mm-dd[ time]; impossible dates -> NULL."""
    return by_distinct(values, _parse_dates)


def _python_rule(func, out_type: pa.DataType):
    """A rule written in Python for one value (None when unreadable), applied to the distinct values."""
    def rule(distinct: pa.Array) -> pa.Array:
        return pa.array([None if v is None else func(v.strip()) for v in distinct.to_pylist()], out_type)
    return lambda values: by_distinct(values, rule)


_COUNT = re.compile(r"^\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$|^\d+$")
_DECIMAL = re.compile(r"^-?\d+(?:[.,]\d+)?\s*%?$")


MAX_COUNT = 10**12          # far above any count a unit reports; beyond it a value is a slip, not a count


def count_value(text: str) -> int | None:
    """Whole non-negative count; '1.234', '1,234' and '1 234' are thousands. '1,5', '-3' or a count beyond
    MAX_COUNT -> None (the gate names the cell)."""
    if not _COUNT.match(text):
        return None
    value = int(re.sub(r"\D", "", text))
    return value if value <= MAX_COUNT else None


def decimal_value(text: str) -> float | None:
    """Score or percentage: '87,27', '87.27', '87,27%' -> 87.27 (one separator, always decimal)."""
    if not _DECIMAL.match(text):
        return None
    return float(text.rstrip("%").strip().replace(",", "."))


def year_value(text: str) -> int | None:
    m = re.fullmatch(r"(?:nam\s+)?(\d{4})", textnorm.fold(text))
    return int(m.group(1)) if m and 1990 <= int(m.group(1)) <= 2100 else None


_MONTH_TEXT = (re.compile(r"^(?:thang\s+)?(\d{1,2})\s+(?:nam\s+)?(\d{4})$"), re.compile(r"^(\d{4})\s+(\d{1,2})$"))


def month_value(text: str) -> date | None:
    """'06/2025', '6/2025', '2025-06', 'Tháng 6/2025' -> date(2025, 6, 1)."""
    folded = textnorm.fold(text)
    for k, pattern in enumerate(_MONTH_TEXT):
        if m := pattern.match(folded):
            month, year = (int(m.group(1)), int(m.group(2))) if k == 0 else (int(m.group(2)), int(m.group(1)))
            return date(year, month, 1) if 1 <= month <= 12 else None
    return None


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
         "xi": 11, "xii": 12}


def criterion_code(text: str) -> str | None:
    """Criterion tree codes: '1', '1.2', '1.2.3.' or a Roman area 'I', 'II.' (-> '2'); 'II.1' -> '2.1'."""
    parts = [p for p in text.strip().strip(".").split(".")]
    if not parts or any(not p.strip() for p in parts):
        return None
    out = []
    for i, p in enumerate(parts):
        p = p.strip().lower()
        if p.isdigit():
            out.append(str(int(p)))
        elif i == 0 and p in ROMAN:
            out.append(str(ROMAN[p]))
        else:
            return None
    return ".".join(out)


LIKERT = {"rat khong hai long": 1, "khong hai long": 2, "binh thuong": 3, "hai long": 4, "rat hai long": 5,
          **{str(i): i for i in range(1, 6)}}
PLAN_STATUS = {"hoan thanh": "done", "da hoan thanh": "done", "hoan thanh dung han": "done",
               "hoan thanh qua han": "done_late", "hoan thanh nhung qua han": "done_late",
               "dang thuc hien": "in_progress", "chua thuc hien": "not_started", "chua hoan thanh": "in_progress"}
_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def deadline_date(text: str, year: int | None) -> date | None:
    """A task's deadline as the last day it allows: a date; 'Quý III' -> the quarter's last day, 'Tháng 9' ->
    the month's, 'Cả năm' -> 31 December, of the plan's year."""
    folded = textnorm.fold(text)
    if folded in ("ca nam", "trong nam", "nam", "ca nam nay"):
        return date(year, 12, 31) if year else None
    if (m := re.fullmatch(r"quy\s+([iv]+|\d)(?:\s+nam\s+(\d{4}))?", folded)) and m.group(1) in _QUARTER:
        y = int(m.group(2)) if m.group(2) else year
        return periods.quarter_end(y, _QUARTER[m.group(1)]) if y else None
    if (m := re.fullmatch(r"thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?", folded)) and 1 <= int(m.group(1)) <= 12:
        y = int(m.group(2)) if m.group(2) else year
        return periods.month_end(date(y, int(m.group(1)), 1)) if y else None
    return _parse_dates(pa.array([text], pa.string()))[0].as_py()


def parse_deadline(values: pa.Array, years: pa.Array) -> pa.Array:
    """deadline_date over (text, year) pairs, each distinct pair once."""
    pairs = list(zip(values.to_pylist(), years.to_pylist(), strict=True))
    seen = {p: (None if p[0] is None else deadline_date(p[0].strip(), p[1])) for p in set(pairs)}
    return pa.array([seen[p] for p in pairs], pa.date32())


RULES = {
    "date": parse_date, "dossier_status": parse_status, "channel": parse_channel,
    "service_level": parse_service_level, "applicant_type": parse_applicant_type, "yes_no": parse_yes_no,
    "count": _python_rule(count_value, pa.int64()),
    "decimal": _python_rule(decimal_value, pa.float64()),
    "year": _python_rule(year_value, pa.int32()),
    "month": _python_rule(month_value, pa.date32()),
    "eval_period": _python_rule(periods.eval_period_label, pa.string()),
    "yes_no_given": _python_rule(lambda t: True if textnorm.fold(t) in YES else False if textnorm.fold(t) in NO
                                 else None, pa.bool_()),
    "criterion_code": _python_rule(criterion_code, pa.string()),
    "likert": lambda values: by_distinct(values, _lookup(LIKERT, pa.int16())),
    "plan_status": lambda values: by_distinct(values, _lookup(PLAN_STATUS, pa.string())),
    "deadline": parse_deadline,            # reads the plan's year too (Column.depends)
    "not_applicable": _python_rule(lambda t: "khong ap dung" in textnorm.fold(t), pa.bool_()),
    "unit_name_key": _python_rule(lambda t: textnorm.unit_name_key(t) or None, pa.string()),
}
