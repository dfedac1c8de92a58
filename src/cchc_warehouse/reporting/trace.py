"""`cchc trace INDICATOR --unit CODE --period P`: from a published figure to the files, checks and rows behind it.

What an auditor needs to check a figure without SQL: the value with its numerator and denominator, the rule in
words, the units rolled up into it, every file that contributed (name, sha256, when received, loaded, published,
which file it superseded) with the checks it passed or warned on, and for dossier-based figures the dossiers
counted in the numerator and the denominator (code, procedure, dates, status, file, row; never personal data).
The records come from `marts.rpt_indicator_record` — the indicator records the figure was summed from
(one_stop_indicator_rules), rolled up as the figure is — so an auditor's spreadsheet re-derives the figure from
`--format csv`.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from cchc_warehouse.db import connect
from cchc_warehouse.periods import PeriodError
from cchc_warehouse.reporting.indicators import PERIOD_LABEL, spreadsheet_safe

CSV_COLUMNS = ("record_code", "in_numerator", "in_denominator", "unit_code", "period_month", "amount",
               "procedure_code", "status_code", "received_date", "due_date", "finished_date", "timeliness",
               "source_file", "source_sha256", "source_row")


class TraceError(RuntimeError):
    """Nothing to trace (Vietnamese, for the official)."""


@dataclass
class Figure:
    unit_code: str
    unit_name: str
    unit_valid_from: date
    period: str
    period_type: str
    period_start: date
    period_end: date
    indicator_code: str
    indicator_name_vi: str
    formula: str
    aggregation: str
    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None
    source: str | None
    contributing_units: int | None


@dataclass
class SourceFile:
    file_id: int
    source: str
    file_name: str
    sha256: str
    status: str
    received_at: object
    loaded_at: object
    published_at: object
    superseded: list[str] = field(default_factory=list)     # older files of the same units and periods it replaced
    checks: list[tuple[str, str, bool]] = field(default_factory=list)   # (severity, message, passed)


@dataclass
class Version:
    """The figure as one publication published it (audit.published_indicator_value) and the files that
    publication brought for the figure's units and months, with those they replaced."""
    publication_id: int
    published_at: object
    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None
    removed: bool
    files: list[str]
    replaced: list[str]


@dataclass
class Trace:
    figure: Figure
    units: list[tuple[str, str]]                  # (code, name) of the units whose parts were summed
    files: list[SourceFile]
    records: list[dict]                           # dossier records (numerator or denominator), CSV_COLUMNS
    history: list[Version] = field(default_factory=list)
    as_of: Version | None = None                  # with --as-of: the version published by then

    def counted(self) -> tuple[Decimal, int]:
        """(numerator, denominator) re-derived from the records."""
        num = sum((Decimal(r["amount"]) for r in self.records if r["in_numerator"]), Decimal(0))
        return num, sum(1 for r in self.records if r["in_denominator"])


def _figure(conn, indicator: str, unit: str, period: str) -> Figure:
    row = conn.execute(
        """select v.unit_code, v.unit_name, v.unit_valid_from, v.period, v.period_type, v.period_start,
                  f.period_end, v.indicator_code, v.indicator_name_vi, i.formula_vi, i.aggregation, v.numerator,
                  v.denominator, v.value, v.source, v.contributing_units
             from marts.rpt_indicator_value v
             join marts.fct_indicator_value f using (unit_code, unit_valid_from, period_type, period_start,
                                                     indicator_code)
             join marts.dim_indicator i on i.indicator_code = v.indicator_code
            where v.indicator_code = %s and v.unit_code = %s and v.period = %s""",
        (indicator, unit, period)).fetchone()
    if row is None:
        raise TraceError(f"không có giá trị {indicator} của đơn vị {unit} kỳ {period} trong số liệu đã công bố")
    return Figure(*row)


def _months(conn, f: Figure) -> tuple[date, date] | None:
    """The months whose records make the figure: every month of the period (sum), or the first or last month
    with data of the unit (first, last), as aggregate_periods takes them."""
    months = conn.execute(
        """select min(period_month), max(period_month) from intermediate.int_indicator_parts__monthly
            where unit_code = %s and unit_valid_from = %s and indicator_code = %s
              and period_month between %s and %s""",
        (f.unit_code, f.unit_valid_from, f.indicator_code, f.period_start, f.period_end)).fetchone()
    if months[0] is None:
        return None
    first, last = months
    if f.aggregation == "first":
        return first, first
    if f.aggregation == "last":
        return last, last
    return f.period_start, f.period_end


def _records(conn, f: Figure, months: tuple[date, date]) -> list[dict]:
    rows = conn.execute(
        """select record_code, in_numerator, in_denominator, record_unit_code, period_month, amount,
                  procedure_code, status_code, received_date, due_date, finished_date, timeliness, source_file,
                  source_sha256, source_row
             from marts.rpt_indicator_record
            where unit_code = %s and unit_valid_from = %s and indicator_code = %s
              and period_month between %s and %s
            order by record_unit_code, period_month, record_code""",
        (f.unit_code, f.unit_valid_from, f.indicator_code, *months)).fetchall()
    return [dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows]


def _units(conn, f: Figure, months: tuple[date, date]) -> list[tuple[str, str]]:
    return conn.execute(
        """select distinct p.unit_code, u.unit_name
             from intermediate.int_indicator_parts__own p
             join intermediate.int_unit_ancestors a
               on a.unit_code = p.unit_code and p.period_month >= a.valid_from and p.period_month < a.valid_to
             join marts.dim_unit u on u.unit_code = p.unit_code and u.valid_from = a.unit_valid_from
            where a.ancestor_code = %s and a.ancestor_valid_from = %s and p.indicator_code = %s
              and p.period_month between %s and %s
            order by 1""",
        (f.unit_code, f.unit_valid_from, f.indicator_code, *months)).fetchall()


def _files(conn, f: Figure, units: list[str], months: tuple[date, date]) -> list[SourceFile]:
    """The current files of the figure's sources covering its units and months, and those they superseded."""
    sources = [s.strip() for s in (f.source or "").split("+") if s.strip()]
    rows = conn.execute(
        """select distinct s.file_id, s.source, s.file_name, s.sha256, s.status, s.received_at,
                  l.started_at, p.finished_at, c.unit_code, c.period_start
             from audit.current_coverage c
             join audit.source_file s on s.file_id = c.file_id
             left join audit.load l on l.load_id = s.load_id
             left join lateral (select max(finished_at) as finished_at from audit.publication pb
                                 where pb.status = 'published' and s.file_id = any(pb.file_ids)) p on true
            where c.source = any(%s) and (c.unit_code = any(%s) or c.unit_code is null)
              and c.period_start <= %s
              and c.period_start + case s.period_kind when 'year' then interval '1 year'
                                                        else interval '1 month' end > %s
            order by s.file_id""",
        (sources, units, months[1], months[0])).fetchall()
    files: dict[int, SourceFile] = {}
    for file_id, source, name, sha, status, received, loaded, published, unit, start in rows:
        sf = files.setdefault(file_id, SourceFile(file_id, source, name, sha, status, received, loaded, published))
        older = conn.execute(
            """select distinct s.file_name from audit.file_coverage c join audit.source_file s using (file_id)
                where s.source = %s and c.unit_code is not distinct from %s and c.period_start = %s
                  and c.file_id < %s and s.status in ('loaded', 'published')""",
            (source, unit, start, file_id)).fetchall()
        sf.superseded = sorted(set(sf.superseded) | {o[0] for o in older})
    for sf in files.values():
        sf.checks = [(sev, msg, ok) for sev, msg, ok in conn.execute(
            """select severity, coalesce(message, expectation_type), success from audit.validation_result
                where file_id = %s order by severity, expectation_type""", (sf.file_id,)).fetchall()]
    return list(files.values())


def _history(conn, f: Figure, units: list[str], months: tuple[date, date]) -> list[Version]:
    sources = [x.strip() for x in (f.source or "").split("+") if x.strip()]
    out = []
    for pub, at, num, den, value, removed, file_ids in conn.execute(
            """select v.publication_id, p.finished_at, v.numerator, v.denominator, v.value, v.removed, p.file_ids
                 from audit.published_indicator_value v join audit.publication p using (publication_id)
                where v.unit_code = %s and v.unit_valid_from = %s and v.period = %s and v.indicator_code = %s
                order by v.publication_id""", (f.unit_code, f.unit_valid_from, f.period, f.indicator_code)).fetchall():
        brought = conn.execute(
            """select distinct s.file_id, s.file_name, c.unit_code, c.period_start
                 from audit.source_file s join audit.file_coverage c using (file_id)
                where s.file_id = any(%s) and s.source = any(%s) and (c.unit_code = any(%s) or c.unit_code is null)
                  and c.period_start <= %s
                  and c.period_start + case s.period_kind when 'year' then interval '1 year'
                                                            else interval '1 month' end > %s
                order by s.file_id""", (list(file_ids or []), sources, units, months[1], months[0])).fetchall()
        replaced = sorted({r[0] for fid, _, unit, start in brought for r in conn.execute(
            """select s.file_name from audit.file_coverage c join audit.source_file s using (file_id)
                where c.unit_code is not distinct from %s and c.period_start = %s and c.file_id < %s
                  and s.source = any(%s) and s.status in ('loaded', 'published')""",
            (unit, start, fid, sources)).fetchall()})
        out.append(Version(pub, at, num, den, value, removed, sorted({b[1] for b in brought}), replaced))
    return out


LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def parse_as_of(text: str) -> datetime:
    """'2025-07-01' (the end of that day, Vietnam time) or an ISO date-time (Vietnam time unless it says)."""
    if len(text.strip()) == 10:
        return datetime.combine(date.fromisoformat(text.strip()), time.max, LOCAL_TZ)
    moment = datetime.fromisoformat(text.strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TZ)


def trace(indicator: str, unit: str, period: str, as_of: datetime | None = None) -> Trace:
    if not PERIOD_LABEL.match(period):
        raise PeriodError(f"kỳ báo cáo không hợp lệ: {period!r} (cần YYYY-MM, YYYY-Qn hoặc YYYY)")
    with connect() as conn:
        f = _figure(conn, indicator, unit, period)
        months = _months(conn, f) or (f.period_start, f.period_end)
        # yearly sources (PAR scoring, national results) have no monthly parts: the unit is its own figure
        units = _units(conn, f, months) or [(f.unit_code, f.unit_name)]
        records = _records(conn, f, months) if "one_stop_dossiers" in (f.source or "") else []
        files = _files(conn, f, [u for u, _ in units], months)
        history = _history(conn, f, [u for u, _ in units], months)
    t = Trace(f, units, files, records, history)
    if as_of is not None:
        published = [v for v in history if v.published_at and v.published_at <= as_of]
        if not published:
            raise TraceError(f"chưa có lần công bố nào của {indicator}, đơn vị {unit}, kỳ {period} "
                             f"đến {_at(as_of)}")
        t.as_of = published[-1]
    return t


AGGREGATION_VI = {"sum": "cộng các tháng của kỳ", "first": "tháng đầu kỳ có số liệu",
                  "last": "tháng cuối kỳ có số liệu", "yearly": "theo năm", "derived": "tính từ các chỉ số khác"}


def _num(v) -> str:
    """As officials write numbers: 1.817; 94,29."""
    from cchc_warehouse.reporting.html_report import vi_number

    if v is None:
        return ""
    d = Decimal(v)
    return vi_number(d if d == d.to_integral_value() else round(d, 2))


def _at(moment) -> str:
    """A time as officials read it: Vietnam time, dd/mm/yyyy HH:MM."""
    return moment.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M") if moment else ""


def print_trace(t: Trace, out=None) -> None:
    out = out or sys.stdout
    f = t.figure
    p = lambda *a: print(*a, file=out)   # noqa: E731
    p(f"{f.indicator_name_vi} ({f.indicator_code}) — {f.unit_name} ({f.unit_code}), kỳ {f.period}")
    p(f"  Giá trị: {_num(f.value)}   tử số: {_num(f.numerator)}   mẫu số: {_num(f.denominator)}")
    p(f"  Cách tính: {f.formula}; gộp kỳ: {AGGREGATION_VI.get(f.aggregation, f.aggregation)}; nguồn: {f.source}")
    p(f"  Đơn vị cộng vào ({len(t.units)}): " + ", ".join(f"{c} {n}" for c, n in t.units))
    p(f"  Tệp nguồn ({len(t.files)}):")
    for sf in t.files:
        p(f"    #{sf.file_id} {sf.file_name}  sha256 {sf.sha256[:16]}…  trạng thái {sf.status}")
        p(f"      nhận {_at(sf.received_at)}" + (f", nạp {_at(sf.loaded_at)}" if sf.loaded_at else "")
          + (f", công bố {_at(sf.published_at)}" if sf.published_at else ""))
        if sf.superseded:
            p(f"      thay thế: {', '.join(sf.superseded)}")
        passed = sum(1 for _, _, ok in sf.checks if ok)
        warned = [m for sev, m, ok in sf.checks if not ok]
        p(f"      kiểm tra: {passed}/{len(sf.checks)} đạt" + (f"; cảnh báo: {'; '.join(warned)}" if warned else ""))
    if t.as_of:
        v = t.as_of
        p(f"  Đến thời điểm đã chọn: giá trị công bố lần #{v.publication_id} ({_at(v.published_at)}): "
          + ("đã bị gỡ" if v.removed else f"{_num(v.value)} (tử số {_num(v.numerator)}, mẫu số {_num(v.denominator)})"))
    if t.history:
        p(f"  Lịch sử công bố ({len(t.history)} lần thay đổi):")
        for v in t.history:
            what = "gỡ bỏ" if v.removed else f"{_num(v.value)} = {_num(v.numerator)} / {_num(v.denominator)}"
            p(f"    #{v.publication_id} {_at(v.published_at)}: {what}"
              + (f"; tệp mới: {', '.join(v.files)}" if v.files else "")
              + (f" (thay {', '.join(v.replaced)})" if v.replaced else ""))
    if t.records:
        num, den = t.counted()
        p(f"  Hồ sơ được đếm: {sum(1 for r in t.records if r['in_numerator'])} ở tử số (cộng {_num(num)}), "
          f"{den} ở mẫu số — xuất đủ danh sách bằng --format csv")


def write_csv(t: Trace, out=None) -> None:
    """One row per counted record (numerator or denominator): an auditor's spreadsheet re-derives the figure."""
    w = csv.writer(out or sys.stdout, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in t.records:
        w.writerow([spreadsheet_safe(str(v)) if isinstance(v, str) else
                    ("true" if v is True else "false" if v is False else "" if v is None else v)
                    for v in (r[c] for c in CSV_COLUMNS)])


def docs_links() -> dict[str, str]:
    """Where the dbt docs (models, columns, the rules' docs blocks) and the GX data docs (suites, each file's
    validation) of the latest publication are (the store's docs area)."""
    from cchc_warehouse import storage

    docs = storage.area("docs")
    return {"dbt": str(docs / "dbt" / "index.html"), "gx": str(docs / "gx" / "index.html")}


def trace_html(t: Trace, max_records: int = 2000) -> str:
    """The trace as one self-contained page (no script, nothing fetched), every text escaped."""
    from html import escape as e

    from cchc_warehouse.reporting.html_report import CSS, vi_number

    f = t.figure
    links = docs_links()
    files = "".join(
        f"<tr><td>#{sf.file_id}</td><td>{e(sf.file_name)}</td><td><code>{e(sf.sha256)}</code></td>"
        f"<td>{e(sf.status)}</td><td>{e(_at(sf.received_at))}</td><td>{e(_at(sf.loaded_at))}</td>"
        f"<td>{e(_at(sf.published_at))}</td><td>{e(', '.join(sf.superseded))}</td>"
        f"<td>{sum(1 for _, _, ok in sf.checks if ok)}/{len(sf.checks)}"
        + "".join(f"<br><small>{e(m)}</small>" for _, m, ok in sf.checks if not ok) + "</td></tr>"
        for sf in t.files)
    history = "".join(
        f"<tr><td>#{v.publication_id}</td><td>{e(_at(v.published_at))}</td>"
        f"<td>{'gỡ bỏ' if v.removed else e(vi_number(v.value))}</td><td>{e(vi_number(v.numerator))}</td>"
        f"<td>{e(vi_number(v.denominator))}</td><td>{e(', '.join(v.files))}</td><td>{e(', '.join(v.replaced))}</td>"
        "</tr>" for v in t.history)
    shown = t.records[:max_records]
    records = "".join(
        "<tr>" + "".join(f"<td>{e('có' if r[c] is True else 'không' if r[c] is False else str(r[c] or ''))}</td>"
                         for c in ("record_code", "in_numerator", "in_denominator", "unit_code", "procedure_code",
                                   "status_code", "received_date", "due_date", "finished_date", "source_file",
                                   "source_row")) + "</tr>" for r in shown)
    more = (f"<p class='meta'>{len(shown)} / {len(t.records)} hồ sơ hiển thị; đủ danh sách: "
            f"<code>cchc trace {e(f.indicator_code)} --unit {e(f.unit_code)} --period {e(f.period)} --format csv"
            "</code></p>") if len(t.records) > len(shown) else ""
    num, den = t.counted()
    as_of = ""
    if t.as_of:
        v = t.as_of
        as_of = (f"<p><b>Tại thời điểm đã chọn</b>: lần công bố #{v.publication_id} ({e(_at(v.published_at))}) — "
                 + ("đã gỡ bỏ" if v.removed else f"{e(vi_number(v.value))} = {e(vi_number(v.numerator))} / "
                    f"{e(vi_number(v.denominator))}") + "</p>")
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Truy vết {e(f.indicator_code)} – {e(f.unit_name)} – {e(f.period)}</title><style>{CSS}</style></head>
<body><header><h1>{e(f.indicator_name_vi)} ({e(f.indicator_code)})</h1>
<p class="meta">{e(f.unit_name)} ({e(f.unit_code)}) · kỳ {e(f.period)} · nguồn {e(f.source or '')}</p></header>
<section><h2>Giá trị</h2>
<p><b>{e(vi_number(f.value))}</b> = tử số {e(vi_number(f.numerator))} / mẫu số {e(vi_number(f.denominator))}</p>
<p>Cách tính: {e(f.formula)}; gộp kỳ: {e(AGGREGATION_VI.get(f.aggregation, f.aggregation))}.</p>{as_of}
<p>Đơn vị cộng vào ({len(t.units)}): {e(', '.join(f'{c} {n}' for c, n in t.units))}</p></section>
<section><h2>Tệp nguồn và kết quả kiểm tra</h2>
<table><tr><th>Tệp</th><th>Tên</th><th>SHA-256</th><th>Trạng thái</th><th>Nhận</th><th>Nạp</th><th>Công bố</th>
<th>Thay thế</th><th>Kiểm tra đạt</th></tr>{files}</table>
<p class="meta">Tài liệu: <a href="{e(links['dbt'])}">mô hình dữ liệu (dbt docs)</a> ·
<a href="{e(links['gx'])}">kết quả kiểm tra chất lượng (GX data docs)</a></p></section>
<section><h2>Lịch sử công bố</h2>
<table><tr><th>Lần</th><th>Lúc</th><th>Giá trị</th><th>Tử số</th><th>Mẫu số</th><th>Tệp mới</th><th>Thay</th></tr>
{history}</table></section>
<section><h2>Hồ sơ được đếm</h2>
<p>{sum(1 for r in t.records if r['in_numerator'])} hồ sơ ở tử số (cộng {e(vi_number(num))}), {den} ở mẫu số.</p>
<table><tr><th>Mã hồ sơ</th><th>Tử số</th><th>Mẫu số</th><th>Đơn vị</th><th>Mã TTHC</th><th>Trạng thái</th>
<th>Tiếp nhận</th><th>Hẹn trả</th><th>Kết thúc</th><th>Tệp</th><th>Dòng</th></tr>{records}</table>{more}</section>
</body></html>
"""
