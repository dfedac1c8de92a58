"""The load of a file: registered and archived, its tables read and written into raw (ingest.raw_writer), its
period resolved, then validated by the quality gate; accepted or rejected with its reasons, never half-loaded."""

from __future__ import annotations

import csv
import logging
from contextlib import ExitStack
from datetime import UTC, date, datetime
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from cchc_warehouse import faults, locks, privacy
from cchc_warehouse.db import connect
from cchc_warehouse.ingest import file_registry as registry
from cchc_warehouse.ingest import limits, parsing, readers
from cchc_warehouse.ingest.batches import FileLayout, read_layouts
from cchc_warehouse.ingest.file_registry import FileResult
from cchc_warehouse.ingest.file_states import FileState
from cchc_warehouse.ingest.layout import Layout, LayoutError
from cchc_warehouse.ingest.raw_writer import CopyStats, copy_to_raw
from cchc_warehouse.ingest.region import KIND_VI, Skipped
from cchc_warehouse.periods import (
    PeriodError,
    eval_period_bounds,
    eval_period_label,
    format_month,
    parse_period,
    period_end,
    year_from_title,
)
from cchc_warehouse.reference.unit_resolution import resolve_file_units
from cchc_warehouse.sources import SourceSpec, get_source
from cchc_warehouse.sources.spec import READABLE_VI

log = logging.getLogger(__name__)


def load_file(spec: SourceSpec, path: Path, load_id: int, period: date | None = None,
              given: dict[str, str] | None = None, origin: str | None = None) -> FileResult:
    from cchc_warehouse.gate import run as gate  # GX import is slow: only when a file is really validated

    path = Path(path)
    result = FileResult(path=path, source=spec.name)
    sha256, size = registry.file_digest(path)
    archived = registry.archive(path, sha256, {
        "source": spec.name, "file_name": path.name, "period": period.isoformat() if period else None,
        "given": given or {}, "origin": origin, "received_at": datetime.now(UTC).isoformat()})
    # one load of a content at a time, on every machine: a second identical load waits, then finds it loaded
    with locks.held(locks.CONTENT, locks.content_key(spec.name, sha256)):
        with connect() as conn:
            file_id, previous = registry.register(conn, spec.name, path, sha256, size, archived, load_id,
                                                  spec.raw_table, origin)
        result.file_id = file_id
        if previous is not None and FileState(previous).is_accepted:
            result.status = "duplicate"
            log.info("%s: same content already loaded as file %s: nothing to do", path.name, file_id)
            return result
        try:
            return _read_and_gate(gate, spec, path, file_id, load_id, period, given, result)
        except Exception as exc:            # anything else: the file is rejected with a reason, never left half-done
            log.exception("%s: load failed", path.name)
            result.status = FileState.REJECTED
            result.reasons = masked([f"Tệp {path.name}: {unexpected_reason(exc)}"])
            with connect() as conn:
                registry.discard_rows(conn, file_id, spec.raw_table)
                registry.reject(conn, file_id, result.reasons)
            return result


def masked(messages: list[str]) -> list[str]:
    """Messages as stored and shown: personal-looking values masked (privacy.mask), whatever quoted them."""
    return [privacy.mask(m) or "" for m in messages]


def unexpected_reason(exc: BaseException) -> str:
    """A reason for an error the reader does not name itself (Vietnamese; the technical detail kept short)."""
    detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
    what = {MemoryError: "tệp cần quá nhiều bộ nhớ để đọc", OverflowError: "có giá trị số quá lớn",
            RecursionError: "cấu trúc tệp quá sâu"}.get(type(exc), "không đọc được tệp")
    return f"{what} ({type(exc).__name__}{': ' + detail if detail else ''}); tệp chưa được nạp"


def _read_and_gate(gate, spec: SourceSpec, path: Path, file_id: int, load_id: int, period: date | None,
                   given: dict[str, str] | None, result: FileResult) -> FileResult:
    if period is not None:
        result.period = _period_label(spec, period)
    try:
        layouts = read_layouts(path, spec, given)
        first = layouts[0].layout
        for fam in spec.families:
            if not any(f is fam for fl in layouts for f, _ in fl.layout.families.values()):
                raise LayoutError(f"dòng {first.header_row} (dòng tiêu đề cột): không có cột câu hỏi nào "
                                  f"(tiêu đề dạng TC1, TT2, CC3, KQ1, PA1)")
        periods = {_in_sheet(fl, lambda fl=fl: _resolve_period(spec, fl.layout, period, given)) for fl in layouts}
        if len(periods - {None}) > 1:
            raise LayoutError("các trang ghi kỳ báo cáo khác nhau: "
                              + ", ".join(_period_label(spec, p) for p in sorted(periods - {None})))
        period = max(periods - {None}, default=None)
        if period is not None:
            result.period = _period_label(spec, period)
        with connect() as conn:
            stats = CopyStats()
            for fl in layouts:
                part = _in_sheet(fl, lambda fl=fl: copy_to_raw(conn, spec, fl, path, load_id, file_id))
                stats.records += part.records
                stats.written += part.written
                stats.skipped += part.skipped
            if stats.written == 0:
                raise LayoutError("không có dòng dữ liệu nào sau dòng tiêu đề cột")
            month = period or _period_from_rows(conn, spec, file_id)
            if spec.period_label:
                conn.execute("update audit.source_file set period_label = %s where file_id = %s",
                             (_file_period_label(spec, first, given), file_id))
            header_map = dict(first.header_map)
            for code_col, name_col in spec.code_from_name.items():
                if code_col not in header_map and name_col in header_map:
                    header_map[code_col] = f"(theo tên, cột '{header_map[name_col]}')"
            conn.execute("update audit.source_file set period_month = %s where file_id = %s", (month, file_id))
            stats.unit_codes = resolve_file_units(conn, spec, file_id, month, period_end(month, spec.cadence))
            record_coverage(conn, spec, file_id)
            conn.execute(
                """update audit.source_file set period_month = %s, period_kind = %s, header_row = %s,
                          header_map = %s, dropped_columns = %s, rows_in_file = %s, rows_loaded = %s,
                          unit_codes = %s, skipped_rows = %s, skipped_detail = %s
                    where file_id = %s""",
                (month, spec.cadence, first.header_row, Jsonb(header_map),
                 sorted({d for fl in layouts for d in fl.layout.dropped}), stats.records, stats.written,
                 stats.unit_codes, sorted({k.row for k in stats.skipped}), Jsonb(skipped_detail(stats.skipped)),
                 file_id),
            )
    except (LayoutError, readers.UnreadableFile, limits.LimitExceeded, csv.Error, UnicodeDecodeError) as exc:
        result.status = FileState.REJECTED
        result.reasons = masked([f"Tệp {path.name}: {exc}"])
        with connect() as conn:
            registry.reject(conn, file_id, result.reasons)
        return result

    result.period = _period_label(spec, month)
    result.rows_loaded = stats.written
    with connect(autocommit=True) as conn:      # statistics that know the new file's rows: the gate plans on them
        conn.execute(sql.SQL("analyze {}").format(sql.SQL(spec.raw_table)))
        # and the file_id BRIN index summarised over the new pages (autovacuum would do it later, if ever)
        conn.execute("select brin_summarize_new_values(%s::regclass)", (f"{spec.raw_table}_file_brin",))
    faults.point("load:after_copy")
    outcome = gate.validate_file(spec, file_id, path.name, header_map)
    result.warnings = masked(outcome.warnings)
    with connect() as conn:
        if outcome.blocking:
            result.status = FileState.REJECTED
            result.reasons = masked(outcome.blocking)
            registry.reject(conn, file_id, result.reasons, result.warnings)
            # a rejected file's rows reach nothing; the archive keeps the file (service user only), the reasons
            # name its rows and columns, and no value it holds (a phone typed into a date) stays at rest
            conn.execute(sql.SQL("delete from {} where file_id = %s").format(sql.SQL(spec.raw_table)), (file_id,))
        else:
            result.status = FileState.LOADED
            registry.accept(conn, file_id, result.warnings)
    return result


def _period_label(spec: SourceSpec, period: date) -> str:
    return format_month(period) if spec.cadence == "month" else str(period.year)


def _in_sheet(fl: FileLayout, step):
    """Run a reading step; its error names the workbook sheet it happened in."""
    try:
        return step()
    except LayoutError as exc:
        if fl.sheet_name is not None and not str(exc).startswith("trang '"):
            raise LayoutError(f"trang '{fl.sheet_name}', {exc}") from None
        raise


def skipped_detail(skipped: list[Skipped]) -> list[dict]:
    """Rows left out, grouped by sheet and kind, for the file registry: [{sheet, kind, kind_vi, rows}]."""
    groups: dict[tuple[str | None, str], list[int]] = {}
    for k in skipped:
        groups.setdefault((k.sheet, k.kind), []).append(k.row)
    return [{"sheet": sheet, "kind": kind, "kind_vi": KIND_VI[kind], "rows": sorted(rows)}
            for (sheet, kind), rows in sorted(groups.items(), key=lambda g: (g[0][0] or "", min(g[1])))]


def requested_period(spec: SourceSpec, text: str) -> tuple[date, dict[str, str]]:
    """The period a load was asked for (`--period`): the month (or year) its files are filed under, and the values it
    gives the files. A source of evaluation periods takes a month, a quarter or a year ('2026-Q3'), filed under its
    last month and given to the files as their period label (checked against theirs by _resolve_period)."""
    if not spec.period_label:
        return parse_period(text, spec.cadence), {}
    label = eval_period_label(text)
    if label is None:
        raise PeriodError(f"kỳ đánh giá không hợp lệ: {text!r} (ví dụ 2026-08, 2026-Q3, 2026)")
    return eval_period_bounds(label)[2], {spec.period_label: label}


def _resolve_period(spec: SourceSpec, layout: Layout, period: date | None,
                    given: dict[str, str] | None = None) -> date | None:
    """The file's period: given (CLI, landing folder) or written in the title. Monthly sources need one
    before loading; a yearly file may instead take its year from its rows (None here)."""
    if spec.cadence == "year":
        titled_year = year_from_title(layout.title_lines)
        if "year" in layout.constants:
            titled_year = parsing.year_value(layout.constants["year"]) or titled_year
        titled = date(titled_year, 1, 1) if titled_year else None
        given = date(period.year, 1, 1) if period else None
        if given and titled and given != titled:
            raise LayoutError(f"năm trong tiêu đề ({titled.year}) khác năm được chỉ định ({given.year})")
        return given or titled
    if spec.period_label and (label := _file_period_label(spec, layout, given)):
        last_month = eval_period_bounds(label)[2]
        if period and period != last_month:
            raise LayoutError(f"kỳ đánh giá của tệp ({label}) không kết thúc ở tháng được chỉ định ({period:%m/%Y})")
        return last_month
    titled = layout.title_period
    if period and titled and titled != period:
        raise LayoutError(
            f"kỳ báo cáo trong tiêu đề ({titled:%m/%Y}) khác kỳ được chỉ định ({period:%m/%Y})"
        )
    month = period or titled
    if month is None and not spec.period_label:     # a row's own period may give it (_period_from_rows)
        raise LayoutError("không xác định được kỳ báo cáo: tiêu đề không ghi tháng và không có --period")
    return month


def _file_period_label(spec: SourceSpec, layout: Layout, given: dict[str, str] | None) -> str | None:
    """The evaluation period a file was given (--period) or titled with ('Kỳ đánh giá: Quý 3/2026'), as a label."""
    text = (given or {}).get(spec.period_label or "") or layout.constants.get(spec.period_label or "")
    if text is None:
        return None
    label = eval_period_label(text)
    if label is None:
        raise LayoutError(f"kỳ đánh giá '{text}' không đọc được (cần {READABLE_VI['eval_period']})")
    return label


def record_coverage(conn: psycopg.Connection, spec: SourceSpec, file_id: int) -> None:
    """What the file covers, from its rows as the typed view reads them (coverage_unit, coverage_period: the
    supersession grain of the source's declaration), with the rows of each (audit.current_coverage)."""
    conn.execute("delete from audit.file_coverage where file_id = %s", (file_id,))
    grain = sql.SQL("coverage_grain" if spec.period_label else "null::text")
    conn.execute(sql.SQL(
        """insert into audit.file_coverage (file_id, unit_code, period_start, period_grain, rows, affects_from)
           select file_id, coverage_unit, coverage_period, {grain}, count(*), min(affects_from) from {view}
            where file_id = %s group by 1, 2, 3, 4""").format(view=sql.SQL(spec.typed_view), grain=grain),
        (file_id,))


def _period_from_rows(conn: psycopg.Connection, spec: SourceSpec, file_id: int) -> date:
    """A yearly file without a year in its title or folder: the one year its rows give. A file of evaluation
    periods without one given or titled: the one last month its rows' periods give."""
    if spec.period_label:
        labels = [r[0] for r in conn.execute(
            sql.SQL("select distinct {} from {} where file_id = %s and {} is not null").format(
                sql.Identifier(spec.period_label), sql.SQL(spec.raw_table), sql.Identifier(spec.period_label)),
            (file_id,))]
        months = {eval_period_bounds(label)[2] for label in labels}
        if len(months) != 1:
            raise LayoutError("không xác định được kỳ đánh giá của tệp: cột 'Kỳ đánh giá' "
                              + ("ghi các kỳ kết thúc ở các tháng khác nhau (" + ", ".join(sorted(labels)) + ")"
                                 if months else "không có kỳ đọc được")
                              + "; hãy chỉ định --period")
        return months.pop()
    years = [r[0] for r in conn.execute(
        sql.SQL("select distinct year from {} where file_id = %s and year is not null").format(
            sql.SQL(spec.raw_table)), (file_id,))]
    if len(years) != 1:
        raise LayoutError("không xác định được năm báo cáo: cột 'Năm' có "
                          + (f"nhiều năm ({', '.join(map(str, sorted(years)))})" if years else "không có năm đọc được")
                          + "; hãy chỉ định --period YYYY")
    return date(years[0], 1, 1)


def load(source: str, files: list[Path], period: date | None = None, triggered_by: str = "cli",
         given: dict[str, str] | None = None, origins: list[str] | None = None) -> list[FileResult]:
    """Load files of one source. given: values for columns the files may lack (e.g. {'unit_code': ...} for
    report forms without a 'Mã đơn vị:' title row); origins: where each file was received (landing URLs)."""
    spec = get_source(source)
    results: list[FileResult] = []
    with ExitStack() as alive:
        with connect() as conn:
            for line in registry.repair_stale(conn):        # what loads and builds that died left behind
                log.warning(line)
            load_id = registry.start_load(conn, spec.name, triggered_by)
            # the load is alive while its process holds this lock, taken before its row is visible
            alive.enter_context(locks.held(locks.LOAD, load_id))
        try:
            for i, f in enumerate(files):
                results.append(load_file(spec, Path(f), load_id, period, given, origins[i] if origins else None))
        finally:
            with connect() as conn:
                registry.finish_load(conn, load_id, ok=len(results) == len(files))
    return results
