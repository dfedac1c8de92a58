"""Great Expectations suites, built from the source declarations and written to expectations/ (so nothing drifts).

Every source gets the same checks from its declaration — rows present, required values, readable values, the unit
it names found in the registry and valid in the period, its key unique in the file — and adds its own, declared
beside it (sources/<source>.py: row checks and row queries). All row checks of a file run in one scan of the typed
view. Each expectation carries meta.column (the contract column, to name the file's own header in messages) and
meta.message_vi (what the official reads); severity 'critical' blocks the file, 'warning' is stored and reported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cchc_warehouse.config import paths
from cchc_warehouse.sources import SOURCES, SourceSpec
from cchc_warehouse.sources.spec import READABLE_VI, RowCheck, RowQuery
from cchc_warehouse.textnorm import missing_marker_sql

# Every check is an UnexpectedRowsExpectation returning (source_row, source_sheet, value): COMPLETE gives at most
# 200 rows back (GX caps them), enough for examples, while the count stays exact.
QUERY_FORMAT: dict[str, Any] = {"result_format": "COMPLETE"}
NO_ROWS = {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}, "severity": "critical",
           "meta": {"column": None, "message_vi": "tệp không có dòng dữ liệu"}}


def masked(query: str) -> str:
    """A row query whose quoted values pass through audit.mask_personal (privacy.py): GX results, data docs and the
    reasons officials read never hold an ID number, phone or e-mail in clear."""
    return ("select source_row, source_sheet, audit.mask_personal(value::text) as value"
            f" from ({query}) as found")


def rows_expectation(q: RowQuery) -> dict:
    return {
        "type": "unexpected_rows_expectation",
        "kwargs": {"unexpected_rows_query": masked(" ".join(q.query.split())), "result_format": QUERY_FORMAT},
        "severity": q.severity,
        "description": q.message_vi,
        "meta": {"column": q.column, "message_vi": q.message_vi},
    }


def scan_expectation(name: str, checks: list[RowCheck], message: str) -> dict:
    """One scan for several row checks. Returns (source_row, source_sheet, check_key, value, n = failures of that
    check), at most 20 examples per check; the gate writes one message per failing check."""
    values = ", ".join(f"('{c.key}', ({c.value})::text, {c.bad})" for c in checks)
    any_bad = " or ".join(f"({c.bad})" for c in checks)   # filter rows before unpivoting
    query = (
        "select source_row, source_sheet, check_key, audit.mask_personal(value) as value, n from ("
        " select b.source_row, b.source_sheet, c.check_key, c.value,"
        " count(*) over (partition by c.check_key) as n,"
        " row_number() over (partition by c.check_key order by b.source_sheet, b.source_row) as k"
        f" from {{batch}} as b cross join lateral (values {values}) as c(check_key, value, bad)"
        f" where ({any_bad}) and c.bad) as failing where k <= 20 order by check_key, source_sheet, source_row")
    return {
        "type": "unexpected_rows_expectation",
        "kwargs": {"unexpected_rows_query": query, "result_format": QUERY_FORMAT},
        "severity": "critical",
        "description": f"{name}: {message}",
        "meta": {"checks": {c.key: {"column": c.column, "text": c.message_vi} for c in checks},
                 "message_vi": message},
    }


def required_checks(spec: SourceSpec) -> list[RowCheck]:
    """A required value is missing: NULL, or for a unit code the file may give by name, NULL with no name
    either (a row naming its unit without a code gets the unit checks instead)."""
    when = dict(spec.required_when)
    out = []
    for c in spec.required:
        missing = when.get(c.name, f"(b.{c.text_name} is null or {missing_marker_sql(f'b.{c.text_name}')})")
        if spec.unit and c.name == spec.unit.code and spec.unit.name:
            missing += f" and b.{spec.column(spec.unit.name).text_name} is null"
        out.append(RowCheck(f"{c.name}:required", c.name, "null", missing, f"thiếu {c.label} (cột bắt buộc)"))
    return out


def readable_checks(spec: SourceSpec) -> list[RowCheck]:
    """A value given but not read by its parsing rule."""
    out = [RowCheck(f"{c.name}:readable", c.name, f"b.{c.text_name}",
                    f"b.{c.text_name} is not null and b.{c.value_name} is null"
                    f" and not {missing_marker_sql(f'b.{c.text_name}')}",
                    f"{c.readable_vi or READABLE_VI[c.parse]} không đọc được")
           for c in spec.stored_columns if c.in_raw and (c.readable_vi or c.parse in READABLE_VI)]
    for fam in spec.families:
        unread = (f"from jsonb_each_text(b.{fam.text_name}) a where a.value is not null "
                  f"and b.{fam.name} ->> a.key is null and not {missing_marker_sql('a.value')}")
        shown = f"(select string_agg(a.key || ': ' || a.value, ', ') {unread})"
        out.append(RowCheck(f"{fam.name}:readable", None, shown, f"exists (select 1 {unread})",
                            f"{READABLE_VI[fam.parse]} không đọc được"))
    return out


DATE_PARSES = ("date", "month", "deadline")


def date_range_checks(spec: SourceSpec) -> list[RowCheck]:
    """Every date a row carries lies between the source's earliest plausible day and a while after the file's
    period (SourceSpec.plausible_dates): 1900 or 2100 is a typing slip, not a dossier."""
    earliest, after = spec.plausible_dates
    shown = f"{earliest[8:10]}/{earliest[5:7]}/{earliest[:4]}"
    after_vi = after.replace("years", "năm").replace("year", "năm").replace("months", "tháng")
    return [RowCheck(f"{c.name}:plausible", c.name, f"b.{c.text_name}",
                     f"b.{c.value_name} < date '{earliest}' or b.{c.value_name} >= b.period_month + interval '{after}'",
                     f"ngày ngoài khoảng hợp lý (từ {shown} đến {after_vi} sau kỳ báo cáo)")
            for c in spec.stored_columns if c.in_raw and c.parse in DATE_PARSES]


def unit_checks(spec: SourceSpec) -> list[RowCheck]:
    """The unit a row names, as it resolved when the file was loaded (reference.unit_resolution): a code not in
    the registry, a code not valid in the period (named with its successors, e.g. '30 → 31 Thành phố Hải
    Phòng'), a name that disagrees with the code, a name matching no unit or several (with the candidates)."""
    ref = spec.unit
    if ref is None:
        return []
    code = spec.column(ref.code)
    out = [
        RowCheck(f"{code.name}:registered", code.name, f"b.{code.text_name}", "b.unit_resolution = 'unregistered'",
                 "mã đơn vị chưa có trong danh mục đơn vị (nhập bằng `cchc units import` hoặc "
                 "`cchc units sync-national`)"),
        RowCheck(f"{code.name}:valid", code.name, f"b.{code.text_name} || coalesce(' → ' || b.unit_note, '')",
                 "b.unit_resolution = 'invalid'",
                 "mã đơn vị không có hiệu lực trong kỳ báo cáo (đơn vị đã được sắp xếp lại; dùng mã đơn vị thay thế)"),
    ]
    named = ref.name or (ref.code if ref.names_in_code else None)
    if named:
        column = spec.column(named)
        no_match = ("không có tỉnh, thành phố nào tên như vậy trong năm của kết quả (63 tỉnh đến 30/06/2025, "
                    "34 từ 01/07/2025)" if ref.level == "province" else
                    "không xác định được mã đơn vị từ tên (không có đơn vị trùng tên, hoặc có nhiều đơn vị trùng tên)")
        # a province name is shown as published; another name with the units it could mean
        shown = (f"b.{column.text_name}" if ref.level == "province" else
                 f"b.{column.text_name} || ': ' || coalesce(b.unit_note, 'không có đơn vị nào')")
        out.append(RowCheck(f"{code.name}:from_name", named, shown, "b.unit_resolution in ('no_match', 'ambiguous')",
                            no_match))
    if ref.name:
        out.append(RowCheck(f"{ref.name}:matches", ref.name,
                            f"b.{code.text_name} || ' ≠ ' || b.{ref.name}"
                            " || coalesce('; tên này ứng với ' || b.unit_note, '')",
                            "b.unit_resolution = 'mismatch'", "tên đơn vị không khớp mã đơn vị"))
    return out


def unique_query(spec: SourceSpec) -> RowQuery | None:
    if not spec.unique_key:
        return None
    cols = [spec.column(n) for n in spec.unique_key]
    key = ", ".join(c.value_name or c.name for c in cols)
    shown = " || ' / ' || ".join(f"coalesce({c.text_name}, '')" for c in cols)
    present = " and ".join(f"{c.value_name or c.name} is not null" for c in cols)
    # one scan and a sort, whatever the planner expects of the file's rows (an IN over a grouped subquery was planned
    # as a nested loop once the raw table had statistics: a 1M-row file never finished)
    return RowQuery(
        f"select source_row, source_sheet, value from (select source_row, source_sheet, {shown} as value,"
        f" count(*) over (partition by {key}) as n from {{batch}} where {present}) as keyed where n > 1"
        " order by source_sheet, source_row",
        cols[-1].name, spec.unique_message_vi or f"trùng {' + '.join(c.header for c in cols)} trong tệp")


def expectations(spec: SourceSpec) -> list[dict]:
    unique = unique_query(spec)
    return [
        NO_ROWS,
        scan_expectation("required values", required_checks(spec), "giá trị bắt buộc bị trống"),
        scan_expectation("row checks", [*readable_checks(spec), *date_range_checks(spec), *unit_checks(spec),
                                           *spec.row_checks],
                         "giá trị không đọc được hoặc không hợp lệ"),
        *([rows_expectation(unique)] if unique else []),
        *(rows_expectation(q) for q in spec.queries),
    ]


def suite_dict(source: str) -> dict:
    return {
        "name": f"{source}.gate",
        "expectations": expectations(SOURCES[source]),
        "meta": {"source": source, "built_by": "cchc_warehouse.gate.suites"},
    }


def checkpoint_dict(source: str) -> dict:
    schema, table = SOURCES[source].typed_view.split(".")
    return {
        "name": f"{source}.gate",
        "suite": f"{source}.gate",
        "data_source": "warehouse",
        "asset": {"name": f"{schema}.{table}", "schema_name": schema, "table_name": table},
        "batch_definition": {"name": "by_file", "partition_column": "file_id"},
        "data_docs_site": "cchc_data_docs",
    }


def suite_path(source: str) -> Path:
    return paths().expectations / "suites" / f"{source}.json"


def checkpoint_path(source: str) -> Path:
    return paths().expectations / "checkpoints" / f"{source}.json"


def write_all() -> list[Path]:
    written = []
    for source in SOURCES:
        for path, content in ((suite_path(source), suite_dict(source)), (checkpoint_path(source),
                                                                          checkpoint_dict(source))):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            written.append(path)
    return written
