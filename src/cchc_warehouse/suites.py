"""Great Expectations suites, built from code and written to expectations/ (so nothing drifts).

Each expectation carries meta.column (the contract column, to name the file's own header in messages)
and meta.message_vi (what the official reads). severity 'critical' blocks the file; 'warning' is
stored and reported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .config import paths

# Every check is an UnexpectedRowsExpectation returning (source_row, value): COMPLETE gives at most 200 rows
# back (GX caps them), enough for examples, while the count stays exact.
QUERY_FORMAT: dict[str, Any] = {"result_format": "COMPLETE"}


def _rows(query: str, contract: str | None, message: str, severity: str = "critical") -> dict:
    return {
        "type": "unexpected_rows_expectation",
        "kwargs": {"unexpected_rows_query": " ".join(query.split()), "result_format": QUERY_FORMAT},
        "severity": severity,
        "description": message,
        "meta": {"column": contract, "message_vi": message},
    }


def _per_column(name: str, checks: list[tuple[str, str, str, str, str]], message: str) -> dict:
    """One scan for several row checks: checks are (check key, contract column, value expression,
    failing condition, Vietnamese text). Returns (source_row, check_key, value, n = failures of that
    check), at most 20 examples per check; the gate writes one message per failing check."""
    values = ", ".join(f"('{key}', {value}::text, {bad})" for key, _, value, bad, _ in checks)
    any_bad = " or ".join(f"({bad})" for _, _, _, bad, _ in checks)   # filter rows before unpivoting
    query = (
        "select source_row, check_key, value, n from ("
        " select b.source_row, c.check_key, c.value,"
        " count(*) over (partition by c.check_key) as n,"
        " row_number() over (partition by c.check_key order by b.source_row) as k"
        f" from {{batch}} as b cross join lateral (values {values}) as c(check_key, value, bad)"
        f" where ({any_bad}) and c.bad) as failing where k <= 20 order by check_key, source_row")
    return {
        "type": "unexpected_rows_expectation",
        "kwargs": {"unexpected_rows_query": query, "result_format": QUERY_FORMAT},
        "severity": "critical",
        "description": f"{name}: {message}",
        "meta": {"checks": {key: {"column": contract, "text": text} for key, contract, _, _, text in checks},
                 "message_vi": message},
    }


def _readable(text_col: str, typed_col: str, contract: str, what: str) -> tuple[str, str, str, str, str]:
    return (f"{contract}:readable", contract, text_col, f"b.{text_col} is not null and b.{typed_col} is null",
            f"{what} không đọc được")


def one_stop_dossiers_expectations() -> list[dict]:
    required = [("dossier_code", "dossier_code", "mã hồ sơ"), ("unit_code", "unit_code", "mã đơn vị"),
                ("procedure_code", "procedure_code", "mã thủ tục hành chính"),
                ("channel", "channel_text", "kênh nộp"), ("received_at", "received_at_text", "ngày tiếp nhận"),
                ("status", "status_text", "trạng thái")]
    return [
        {
            "type": "expect_table_row_count_to_be_between",
            "kwargs": {"min_value": 1},
            "severity": "critical",
            "meta": {"column": None, "message_vi": "tệp không có dòng dữ liệu"},
        },
        _per_column("required values", [(f"{c}:required", c, "null", f"b.{col} is null",
                                          f"thiếu {label} (cột bắt buộc)") for c, col, label in required],
                    "giá trị bắt buộc bị trống"),
        _per_column("row checks", [
            _readable("received_at_text", "received_date", "received_at",
                      "ngày tiếp nhận (dd/mm/yyyy hoặc yyyy-mm-dd)"),
            _readable("due_at_text", "due_date", "due_at", "ngày hẹn trả"),
            _readable("finished_at_text", "finished_date", "finished_at", "ngày kết thúc xử lý"),
            _readable("returned_at_text", "returned_date", "returned_at", "ngày trả kết quả"),
            _readable("channel_text", "channel_code", "channel",
                      "kênh nộp (Trực tiếp, Trực tuyến, Bưu chính công ích hoặc 1/2/3)"),
            _readable("status_text", "status_code", "status", "trạng thái (mã 1–10 hoặc tên trạng thái)"),
            _readable("service_level_text", "service_level", "service_level",
                      "mức độ dịch vụ (Toàn trình, Một phần, Cung cấp thông tin hoặc 4/3/2)"),
            _readable("has_fee_text", "has_fee", "has_fee", "giá trị có/không"),
            _readable("paid_online_text", "paid_online", "paid_online", "giá trị có/không"),
            _readable("digitized_result_text", "digitized_result", "digitized_result", "giá trị có/không"),
            _readable("applicant_type_text", "applicant_type", "applicant_type",
                      "đối tượng (Công dân, Tổ chức, Doanh nghiệp)"),
            ("unit_code:registered", "unit_code", "unit_code",
             "b.unit_code is not null and b.unit_code not in (select unit_code from ref.unit)",
             "mã đơn vị chưa có trong danh mục đơn vị (nhập bằng `cchc units import`)"),
            ("finished_at:order", "finished_at", "finished_at_text", "b.finished_date < b.received_date",
             "ngày kết thúc xử lý trước ngày tiếp nhận"),
            ("received_at:period", "received_at", "received_at_text",
             "b.received_date >= b.period_month + interval '1 month'", "ngày tiếp nhận sau kỳ báo cáo của tệp"),
        ], "giá trị không đọc được, mã đơn vị chưa đăng ký, ngày không hợp lý"),
        _rows(
            "select source_row, dossier_code as value from {batch} where dossier_code in "
            "(select dossier_code from {batch} group by dossier_code having count(*) > 1) order by source_row",
            "dossier_code", "mã hồ sơ trùng lặp trong tệp",
        ),
        _rows(
            "select source_row, status_text as value from {batch} "
            "where status_code in (9, 10) and finished_at_text is null order by source_row",
            "finished_at", "hồ sơ đã giải quyết nhưng thiếu ngày kết thúc xử lý (không được tính là đã giải quyết)",
            severity="warning",
        ),
        _rows(
            """with cur as (select unit_code, count(*) as n, min(period_month) as pm from {batch} as batch_rows
                             where unit_code is not null group by unit_code),
                    hist as (select r.unit_code, f.period_month, count(*) as n
                               from audit.source_file f join raw.one_stop_dossiers r on r.file_id = f.file_id
                              where f.status in ('loaded', 'published') and f.source = 'one_stop_dossiers'
                                and f.period_month >= (select min(pm) from cur) - interval '3 months'
                                and f.period_month < (select min(pm) from cur)
                              group by r.unit_code, f.period_month)
               select null::int as source_row, cur.unit_code || ': ' || cur.n || ' hồ sơ, trung bình 3 tháng trước '
                      || round(avg(hist.n)) as value
                 from cur join hist on hist.unit_code = cur.unit_code
                  and hist.period_month < cur.pm and hist.period_month >= cur.pm - interval '3 months'
                group by cur.unit_code, cur.n
               having cur.n < 0.5 * avg(hist.n) or cur.n > 2 * avg(hist.n)""",
            "unit_code", "số hồ sơ của đơn vị bất thường so với các tháng trước", severity="warning",
        ),
    ]


SUITES = {"one_stop_dossiers": one_stop_dossiers_expectations}


def suite_dict(source: str) -> dict:
    return {
        "name": f"{source}.gate",
        "expectations": SUITES[source](),
        "meta": {"source": source, "built_by": "cchc_warehouse.suites"},
    }


def checkpoint_dict(source: str, view: str) -> dict:
    schema, table = view.split(".")
    return {
        "name": f"{source}.gate",
        "suite": f"{source}.gate",
        "data_source": "warehouse",
        "asset": {"name": view, "schema_name": schema, "table_name": table},
        "batch_definition": {"name": "by_file", "partition_column": "file_id"},
        "data_docs_site": "cchc_data_docs",
    }


def suite_path(source: str) -> Path:
    return paths().expectations / "suites" / f"{source}.json"


def checkpoint_path(source: str) -> Path:
    return paths().expectations / "checkpoints" / f"{source}.json"


def write_all() -> list[Path]:
    from .gate import GATE_VIEWS

    written = []
    for source in SUITES:
        for path, content in ((suite_path(source), suite_dict(source)),
                              (checkpoint_path(source), checkpoint_dict(source, GATE_VIEWS[source]))):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            written.append(path)
    return written
