"""Great Expectations suites, built from code and written to expectations/ (so nothing drifts).

Each expectation carries meta.column (the contract column, to name the file's own header in messages)
and meta.message_vi (what the official reads). severity 'critical' blocks the file; 'warning' is
stored and reported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cchc_warehouse.config import paths

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


def _per_column(name: str, checks: list, message: str) -> dict:
    """One scan for several row checks: checks are (check key, contract column, value expression,
    failing condition, Vietnamese text). Returns (source_row, check_key, value, n = failures of that
    check), at most 20 examples per check; the gate writes one message per failing check."""
    values = ", ".join(f"('{key}', {value}::text, {bad})" for key, _, value, bad, _ in checks)
    any_bad = " or ".join(f"({bad})" for _, _, _, bad, _ in checks)   # filter rows before unpivoting
    query = (
        "select source_row, source_sheet, check_key, value, n from ("
        " select b.source_row, b.source_sheet, c.check_key, c.value,"
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


def _missing(spec, column: str, view_column: str) -> str:
    """A required value is missing: NULL, or for a code the file may give by name, NULL with no name either."""
    name = spec.code_from_name.get(column)
    return f"b.{view_column} is null" + (f" and b.{name} is null" if name else "")


def unit_checks(cadence: str, names: bool = False) -> list[tuple[str, str, str, str, str]]:
    """The unit code is registered, and valid during the file's period (a code of a unit that ended or did
    not exist yet is named with its successors, e.g. '30 → 31 Thành phố Hải Phòng'). names: the file may
    carry unit names; a name must match its code (after normalising: case, accents, 'UBND', 'huyện'...), and
    a row whose name gave no code (no unit or several units of that name) is listed with the candidates."""
    period = f"daterange(b.period_month, (b.period_month + interval '1 {cadence}')::date)"
    valid = f"daterange(u.valid_from, u.valid_to) && {period}"
    by_name = ("(select string_agg(u.unit_code || ' ' || u.unit_name, ', ' order by u.unit_code) from ref.unit u"
               f" where u.name_key = b.unit_name_key and {valid})")
    name_checks = [
        ("unit_name:matches", "unit_name",
         f"b.unit_code || ' ≠ ' || b.unit_name || coalesce('; tên này ứng với ' || {by_name}, '')",
         "b.unit_code is not null and b.unit_name_key is not null and exists (select 1 from ref.unit u"
         f" where u.unit_code = b.unit_code and u.name_key is not null and {valid}) and not exists"
         f" (select 1 from ref.unit u where u.unit_code = b.unit_code and u.name_key = b.unit_name_key and {valid})",
         "tên đơn vị không khớp mã đơn vị"),
        ("unit_code:from_name", "unit_name", f"b.unit_name || ': ' || coalesce({by_name}, 'không có đơn vị nào')",
         "b.unit_code is null and b.unit_name_key is not null",
         "không xác định được mã đơn vị từ tên (không có đơn vị trùng tên, hoặc có nhiều đơn vị trùng tên)"),
    ] if names else []
    successors = (
        "b.unit_code || coalesce(' → ' || (select string_agg(distinct s.new_code || ' ' || n.unit_name, ', ')"
        " from ref.unit_successor s join ref.unit n on n.unit_code = s.new_code and n.valid_from = s.new_valid_from"
        " where s.old_code = b.unit_code and s.is_default), '')")
    return [
        ("unit_code:registered", "unit_code", "unit_code",
         "b.unit_code is not null and b.unit_code not in (select unit_code from ref.unit)",
         "mã đơn vị chưa có trong danh mục đơn vị (nhập bằng `cchc units import` hoặc `cchc units sync-national`)"),
        ("unit_code:valid", "unit_code", successors,
         "b.unit_code in (select unit_code from ref.unit) and not exists (select 1 from ref.unit u"
         f" where u.unit_code = b.unit_code and daterange(u.valid_from, u.valid_to) && {period})",
         "mã đơn vị không có hiệu lực trong kỳ báo cáo (đơn vị đã được sắp xếp lại; dùng mã đơn vị thay thế)"),
        *name_checks,
    ]


def _readable(text_col: str, typed_col: str, contract: str, what: str) -> tuple[str, str, str, str, str]:
    return (f"{contract}:readable", contract, text_col, f"b.{text_col} is not null and b.{typed_col} is null",
            f"{what} không đọc được")


def one_stop_dossiers_expectations() -> list[dict]:
    from cchc_warehouse.sources import ONE_STOP_DOSSIERS

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
        _per_column("required values", [(f"{c}:required", c, "null", _missing(ONE_STOP_DOSSIERS, c, col),
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
            *unit_checks("month", names=True),
            ("finished_at:order", "finished_at", "finished_at_text", "b.finished_date < b.received_date",
             "ngày kết thúc xử lý trước ngày tiếp nhận"),
            ("received_at:period", "received_at", "received_at_text",
             "b.received_date >= b.period_month + interval '1 month'", "ngày tiếp nhận sau kỳ báo cáo của tệp"),
        ], "giá trị không đọc được, mã đơn vị chưa đăng ký, ngày không hợp lý"),
        _rows(
            "select source_row, source_sheet, dossier_code as value from {batch} where dossier_code in "
            "(select dossier_code from {batch} group by dossier_code having count(*) > 1) order by source_row",
            "dossier_code", "mã hồ sơ trùng lặp trong tệp",
        ),
        _rows(
            "select source_row, source_sheet, status_text as value from {batch} "
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
                                and not exists (select 1 from audit.source_file newer
                                                 where newer.source = f.source and newer.period_month = f.period_month
                                                   and newer.status in ('loaded', 'published')
                                                   and r.unit_code = any(newer.unit_codes)
                                                   and newer.file_id > f.file_id)
                              group by r.unit_code, f.period_month)
               select null::int as source_row, null::text as source_sheet,
                      cur.unit_code || ': ' || cur.n || ' hồ sơ, trung bình 3 tháng trước '
                      || round(avg(hist.n)) as value
                 from cur join hist on hist.unit_code = cur.unit_code
                  and hist.period_month < cur.pm and hist.period_month >= cur.pm - interval '3 months'
                group by cur.unit_code, cur.n
               having cur.n < 0.5 * avg(hist.n) or cur.n > 2 * avg(hist.n)""",
            "unit_code", "số hồ sơ của đơn vị bất thường so với các tháng trước", severity="warning",
        ),
    ]


READABLE_VI = {
    "count": "số nguyên không âm (ví dụ 1.234)",
    "decimal": "số (ví dụ 87,27 hoặc 87.27)",
    "year": "năm (yyyy)",
    "month": "tháng (mm/yyyy, yyyy-mm hoặc Tháng m/yyyy)",
    "date": "ngày (dd/mm/yyyy hoặc yyyy-mm-dd)",
    "criterion_code": "mã tiêu chí (1, 1.2, 1.2.3 hoặc số La Mã I, II)",
    "likert": "câu trả lời (Rất không hài lòng … Rất hài lòng, hoặc 1–5)",
    "plan_status": "kết quả thực hiện (Hoàn thành, Hoàn thành quá hạn, Đang thực hiện, Chưa thực hiện)",
    "deadline": "thời hạn (ngày, Quý I–IV, Tháng 1–12 hoặc Cả năm)",
    "applicant_type": "đối tượng (Công dân, Tổ chức, Doanh nghiệp)",
}
Check = tuple[str, str, str, str, str]   # (check key, contract column, value expression, failing condition, text)


def _common(spec, extra_checks: list[Check], required_when: dict[str, str] | None = None) -> list[dict]:
    """What every source is checked for: rows present, required values, readable values, registered unit
    codes, the key unique within the file; plus the source's own row checks in the same single scan.
    required_when: a column's own 'missing' condition, where the plain 'is null' does not fit."""
    required_when = required_when or {}
    # a row naming its unit without a code gets the by-name check instead
    required = [(f"{c.name}:required", c.name, "null", required_when.get(c.name, _missing(spec, c.name, c.name)),
                 f"thiếu {c.header} (cột bắt buộc)") for c in spec.required]
    readable = [(f"{c.name}:readable", c.name, c.name, f"b.{c.name} is not null and b.{c.typed_name} is null",
                 f"{READABLE_VI[c.parse]} không đọc được") for c in spec.stored_columns if c.parse in READABLE_VI]
    for fam in spec.families:
        bad = (f"select a.key from jsonb_each_text(b.{fam.name}) a "
               f"where a.value is not null and b.{fam.typed_name} ->> a.key is null")
        readable.append((f"{fam.name}:readable", None,
                         f"(select string_agg(a.key || ': ' || a.value, ', ') from jsonb_each_text(b.{fam.name}) a"
                         f" where a.value is not null and b.{fam.typed_name} ->> a.key is null)",
                         f"exists ({bad})", f"{READABLE_VI[fam.parse]} không đọc được"))
    if any(c.name == "unit_code" for c in spec.columns):
        readable += unit_checks(spec.cadence, names="unit_code" in spec.code_from_name)

    out = [
        {
            "type": "expect_table_row_count_to_be_between",
            "kwargs": {"min_value": 1},
            "severity": "critical",
            "meta": {"column": None, "message_vi": "tệp không có dòng dữ liệu"},
        },
        _per_column("required values", required, "giá trị bắt buộc bị trống"),
        _per_column("row checks", readable + extra_checks, "giá trị không đọc được hoặc không hợp lệ"),
    ]
    if spec.unique_key:
        cols = [spec.column(n) for n in spec.unique_key]
        key = ", ".join(c.typed_name or c.name for c in cols)
        shown = " || ' / ' || ".join(f"coalesce({c.name}, '')" for c in cols)
        out.append(_rows(
            f"select source_row, source_sheet, {shown} as value from {{batch}} where ({key}) in "
            f"(select {key} from {{batch}} where {' and '.join(f'{c.typed_name or c.name} is not null' for c in cols)}"
            f" group by {key} having count(*) > 1) order by source_row",
            cols[-1].name, f"trùng {' + '.join(c.header for c in cols)} trong tệp"))
    return out


def _not_more(part: str, total: str, text: str) -> Check:
    return (f"{part}:le_total", part, part, f"b.{part}_count > b.{total}_count", text)


def _needs_total(part: str, total: str, text: str) -> Check:
    return (f"{part}:total_missing", total, part, f"b.{part}_count is not null and b.{total}_count is null", text)


def esign_stats_expectations() -> list[dict]:
    from cchc_warehouse.sources import ESIGN_STATS

    return _common(ESIGN_STATS, [
        _not_more("outgoing_signed", "outgoing_total", "văn bản đi được ký số nhiều hơn tổng số văn bản đi"),
        _not_more("incoming_electronic", "incoming_total", "văn bản đến điện tử nhiều hơn tổng số văn bản đến"),
        _not_more("workfiles_online", "workfiles_total", "hồ sơ công việc xử lý trên mạng nhiều hơn tổng số"),
        _needs_total("incoming_electronic", "incoming_total", "có văn bản đến điện tử nhưng thiếu tổng số văn bản đến"),
        _needs_total("workfiles_online", "workfiles_total", "có hồ sơ xử lý trên mạng nhưng thiếu tổng số hồ sơ"),
        ("period:after_file", "period", "period", "b.report_month > b.period_month",
         "kỳ báo cáo của dòng sau kỳ báo cáo của tệp"),
    ])


def sipas_survey_expectations() -> list[dict]:
    from cchc_warehouse.sources import SIPAS_SURVEY

    return [
        *_common(SIPAS_SURVEY, [
            ("surveyed_on:period", "surveyed_on", "surveyed_on",
             "b.surveyed_date >= b.period_month + interval '1 month'", "ngày khảo sát sau kỳ báo cáo của tệp"),
        ]),
        _rows("select source_row, source_sheet, response_id as value from {batch} where not exists "
              "(select 1 from jsonb_each(answer_scores) a where a.value <> 'null'::jsonb) order by source_row",
              "response_id", "phiếu không trả lời câu hỏi nào (không được tính)", severity="warning"),
    ]


def plan_tasks_expectations() -> list[dict]:
    from cchc_warehouse.sources import PLAN_TASKS

    return [
        *_common(PLAN_TASKS, [
            ("done_on:after_report", "done_on", "done_on", "b.done_date > b.report_date_value",
             "ngày hoàn thành sau ngày báo cáo"),
            ("report_date:period", "report_date", "report_date",
             "date_trunc('month', b.report_date_value) <> b.period_month", "ngày báo cáo không thuộc kỳ của tệp"),
            ("year:report", "year", "year",
             "b.report_date_value < make_date(b.year_value, 1, 1)", "ngày báo cáo trước năm kế hoạch"),
        ]),
        _rows("select source_row, source_sheet, status as value from {batch} "
              "where status_code in ('done', 'done_late') and done_date is null order by source_row",
              "done_on", "nhiệm vụ hoàn thành nhưng thiếu ngày hoàn thành (đúng hạn hay không theo cột kết quả)",
              severity="warning"),
    ]


def _points(col: str, what: str) -> list[Check]:
    return [
        (f"{col}:over_max", col, col, f"b.{col}_value > b.max_points_value + 0.005", f"{what} lớn hơn điểm tối đa"),
        (f"{col}:negative", col, col, f"b.{col}_value < 0", f"{what} âm"),
    ]


def par_scores_expectations() -> list[dict]:
    from cchc_warehouse.sources import PAR_SCORES

    tree = (
        "select c.source_row, c.source_sheet, c.criterion_code as value from {batch} c left join {batch} p"
        " on p.unit_code is not distinct from c.unit_code and p.source_sheet is not distinct from c.source_sheet"
        " and p.criterion_path = regexp_replace(c.criterion_path, '\\.[^.]+$', '')"
        " where c.criterion_path like '%.%' and p.criterion_path is null order by c.source_row")
    sums = []
    for col, what in (("max_points", "điểm tối đa"), ("self_points", "điểm tự đánh giá"),
                      ("appraised_points", "điểm thẩm định")):
        sums.append(_rows(
            f"select p.source_row, p.source_sheet, p.criterion_code || ': '"
            f" || p.{col}_value || ' ≠ tổng các tiêu chí con ' || sum(c.{col}_value) as value"
            f" from {{batch}} p join {{batch}} c"
            f" on c.unit_code is not distinct from p.unit_code and c.source_sheet is not distinct from p.source_sheet"
            f" and regexp_replace(c.criterion_path, '\\.[^.]+$', '') = p.criterion_path"
            f" and c.criterion_path like '%.%'" + ("" if col == "max_points" else
                                                   " and not coalesce(c.not_applicable, false)") +
            f" where p.{col}_value is not null"
            f" group by p.unit_code, p.source_sheet, p.source_row, p.criterion_code, p.{col}_value"
            f" having count(c.{col}_value) = count(*) and abs(p.{col}_value - sum(c.{col}_value)) > 0.005"
            f" order by p.source_row",
            col, f"{what} của tiêu chí cha khác tổng {what} các tiêu chí con"))
    return [
        *_common(PAR_SCORES, [
            *_points("self_points", "điểm tự đánh giá"), *_points("appraised_points", "điểm thẩm định"),
            *_points("survey_points", "điểm điều tra xã hội học"),
            ("max_points:negative", "max_points", "max_points", "b.max_points_value <= 0", "điểm tối đa phải dương"),
            ("year:period", "year", "year", "b.year_value <> extract(year from b.period_month)",
             "năm của dòng khác năm báo cáo của tệp"),
        ]),
        _rows(tree, "criterion_code", "tiêu chí con không có tiêu chí cha trong bảng điểm"),
        *sums,
    ]


PAR_NATIONAL_MAX = {"appraisal_points": 61.5, "sipas_points": 10, "leader_survey_points": 22, "impact_points": 6.5}


def par_national_expectations() -> list[dict]:
    from cchc_warehouse.sources import PAR_NATIONAL

    over = [(f"{c}:over_max", c, c, f"b.{c}_value > {m} or b.{c}_value < 0", f"ngoài khoảng 0–{m} điểm")
            for c, m in PAR_NATIONAL_MAX.items()]
    components = " + ".join(f"{c}_value" for c in PAR_NATIONAL_MAX)
    return [
        *_common(PAR_NATIONAL, [
            *over,
            ("index_value:range", "index_value", "index_value", "b.index_percent not between 0 and 100",
             "chỉ số ngoài khoảng 0–100"),
            ("year:period", "year", "year", "b.year_value <> extract(year from b.period_month)",
             "năm của dòng khác năm báo cáo của tệp"),
            # checked once the national registry is there (`cchc units sync-national`)
            ("province_name:registered", "province_name", "province_name",
             "b.province_name_key is not null and exists (select 1 from ref.unit u where u.level = 'province'"
             " and u.provenance like 'vietnamadminunits%') and not exists (select 1 from ref.unit u"
             " where u.level = 'province' and u.name_key = b.province_name_key and daterange(u.valid_from, u.valid_to)"
             " && daterange(make_date(b.year_value, 1, 1), make_date(b.year_value + 1, 1, 1)))",
             "không có tỉnh, thành phố nào tên như vậy trong năm của kết quả "
             "(63 tỉnh đến 30/06/2025, 34 từ 01/07/2025)"),
        ]),
        _rows(f"select source_row, source_sheet,"
              f" province_name || ': tổng thành phần ' || round(({components})::numeric, 2)"
              f" || ', chỉ số công bố ' || index_percent as value from {{batch}}"
              f" where abs(({components}) - index_percent) > 0.01 order by source_row",
              "index_value", "tổng điểm các thành phần khác chỉ số công bố quá 0,01 (giữ nguyên số công bố)",
              severity="warning"),
    ]


def one_stop_summary_expectations() -> list[dict]:
    from cchc_warehouse.sources import ONE_STOP_SUMMARY
    from cchc_warehouse.sources.one_stop_summary import COLUMN_NUMBERS

    n = {name: f"b.{name}_count" for name in COLUMN_NUMBERS}

    def identity(key: str, left: str, right: list[str], text: str) -> Check:
        total = " + ".join(n[r] for r in right)
        return (key, left, f"concat_ws(' ', {n[left]}, '≠', {total})", f"{n[left]} <> {total}", text)

    counts = {name: f"b.{name} is null and not b.is_heading" for name in COLUMN_NUMBERS}
    sums = " union all ".join(
        f"select '({num})' as col, t.{name}_count as total, sum(r.{name}_count) as rows_sum"
        f" from {{batch}} t join {{batch}} r on not r.is_total and not r.is_heading"
        f" where t.is_total and t.source_row = x.source_row group by t.{name}_count"
        for name, num in COLUMN_NUMBERS.items())
    return [
        *_common(ONE_STOP_SUMMARY, [
            identity("received_total:sum_parts", "received_total",
                     ["received_online", "received_direct", "carried_over"], "cột (3) khác (4) + (5) + (6)"),
            identity("received_total:sum_outcomes", "received_total", ["resolved_total", "pending_total"],
                     "cột (3) khác (7) + (11)"),
            identity("resolved_total:sum_parts", "resolved_total",
                     ["resolved_early", "resolved_on_time", "resolved_late"], "cột (7) khác (8) + (9) + (10)"),
            identity("pending_total:sum_parts", "pending_total", ["pending_within", "pending_overdue"],
                     "cột (11) khác (12) + (13)"),
        ], required_when={"field_name": "b.row_label is null", **counts}),
        _rows(f"select x.source_row, x.source_sheet,"
              f" s.col || ': dòng tổng ' || s.total || ' ≠ cộng các dòng ' || s.rows_sum as value"
              f" from {{batch}} x join lateral ({sums}) s on s.total is distinct from s.rows_sum"
              f" where x.is_total order by x.source_row, s.col",
              "field_name", "dòng Tổng cộng khác tổng các dòng lĩnh vực"),
        _rows("select null::int as source_row, null::text as source_sheet, 'không có dòng Tổng cộng' as value from "
              "(select count(*) filter (where is_total) as n from {batch}) as c where c.n = 0",
              "field_name", "biểu không có dòng Tổng cộng (không đối chiếu được tổng)", severity="warning"),
    ]


SUITES = {
    "one_stop_dossiers": one_stop_dossiers_expectations,
    "one_stop_summary": one_stop_summary_expectations,
    "esign_stats": esign_stats_expectations,
    "sipas_survey": sipas_survey_expectations,
    "plan_tasks": plan_tasks_expectations,
    "par_scores": par_scores_expectations,
    "par_national": par_national_expectations,
}


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
    from cchc_warehouse.gate.run import GATE_VIEWS

    written = []
    for source in SUITES:
        for path, content in ((suite_path(source), suite_dict(source)),
                              (checkpoint_path(source), checkpoint_dict(source, GATE_VIEWS[source]))):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            written.append(path)
    return written
