"""Load source files into raw tables: layout detection, personal data dropped, COPY, registry, gate.

The rows are streamed: cells go from csv.reader / calamine through a C-level column picker and
csv.writer into one COPY per file; typing happens in Postgres (util.* functions), once.
"""

from __future__ import annotations

import csv
import io
import itertools
import logging
from collections.abc import Iterable, Iterator
from datetime import date
from operator import itemgetter
from pathlib import Path

import psycopg
from psycopg import sql

from . import readers, registry
from .db import connect
from .layout import Layout, LayoutError, find_layout
from .periods import format_month
from .registry import FileResult
from .sources import SourceSpec, get_source

log = logging.getLogger(__name__)
COPY_BATCH = 20_000
# Rows below the table that people add: totals, "prepared by", signatures (folded text; \y = word end
# in a Postgres regex).
FOOTER_PATTERN = r"^(tong cong|tong so|cong|nguoi lap|ky ghi ro|ky ten|thu truong|lanh dao|xac nhan)\y"


def read_layout(path: Path, spec: SourceSpec) -> tuple[Layout, Iterator[list]]:
    """The file's layout and an iterator over the rows after the header."""
    if readers.is_xlsx(path):
        rows = readers.xlsx_rows(path)
        head = list(itertools.islice(rows, 40))
        layout = find_layout(head, spec)
        return layout, itertools.chain(head[layout.header_row:], rows)
    encoding = readers.detect_encoding(path)
    sample = readers.sample_lines(path, encoding)
    best: Layout | None = None
    errors: list[str] = []
    for delimiter in readers.DELIMITERS:
        try:
            layout = find_layout(list(readers.csv_rows_from_lines(sample, delimiter)), spec)
        except LayoutError as exc:
            errors.append(str(exc))
            continue
        layout.delimiter = delimiter
        if best is None or len(layout.columns) > len(best.columns):
            best = layout
    if best is None:
        raise LayoutError(min(errors, key=len) if errors else "tệp rỗng")
    rows = readers.csv_rows(path, readers.CsvDialect(encoding, best.delimiter))
    return best, itertools.islice(rows, best.header_row, None)


def _shaped(rows: Iterable[list], indexes: list[int]) -> Iterator[tuple]:
    pick = itemgetter(*indexes) if len(indexes) > 1 else (lambda r: (r[indexes[0]],))
    for row in rows:
        try:
            yield pick(row)
        except IndexError:   # short (ragged or blank) row
            yield tuple(row[i] if i < len(row) else None for i in indexes)


def copy_to_raw(conn: psycopg.Connection, spec: SourceSpec, layout: Layout, rows: Iterable[list],
                load_id: int, file_id: int) -> tuple[int, int]:
    """Stream rows into a temporary landing table, then one INSERT … SELECT into the raw table that
    trims blanks, numbers rows as in the file and drops blank and footer rows. Returns
    (records after the header, rows written)."""
    indexes = layout.kept_indexes
    land_cols = [f"c{n}" for n in range(len(indexes))]
    conn.execute(sql.SQL("create temp table _land (ord bigint generated always as identity, {}) on commit drop")
                 .format(sql.SQL(", ").join(sql.SQL("{} text").format(sql.Identifier(c)) for c in land_cols)))
    copy_stmt = sql.SQL("copy _land ({}) from stdin (format csv)").format(
        sql.SQL(", ").join(map(sql.Identifier, land_cols)))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    shaped = _shaped(rows, indexes)
    with conn.cursor().copy(copy_stmt) as copy:
        while batch := list(itertools.islice(shaped, COPY_BATCH)):
            writer.writerows(batch)
            copy.write(buf.getvalue())
            buf.seek(0)
            buf.truncate()

    def cell(n: int) -> sql.Composable:
        return sql.SQL("nullif(btrim({}), '')").format(sql.Identifier(land_cols[n]))

    n_contract = len(layout.columns)
    targets = [col.name for col in layout.columns.values()]
    values = [cell(n) for n in range(n_contract)]
    if layout.extra:
        pairs = sql.SQL(", ").join(
            sql.SQL("{}, {}").format(sql.Literal(h), cell(n_contract + k))
            for k, h in enumerate(layout.extra.values()))
        extra = sql.SQL("nullif(jsonb_strip_nulls(jsonb_build_object({})), '{{}}'::jsonb)").format(pairs)
    else:
        extra = sql.SQL("null::jsonb")
    key_n = targets.index(spec.key_column)
    insert = sql.SQL("""
        insert into {table} (load_id, file_id, source_row, {targets}, extra)
        select {load_id}, {file_id}, {header_row} + l.ord, {values}, {extra}
          from _land l
         where l.ord <= (select max(ord) from _land where {key} is not null
                                and coalesce(util.fold({key}) !~ {footer}, true))
           and num_nonnulls({all_cells}) > 0
    """).format(
        table=sql.SQL(spec.raw_table),
        targets=sql.SQL(", ").join(map(sql.Identifier, targets)),
        load_id=sql.Literal(load_id), file_id=sql.Literal(file_id),
        header_row=sql.Literal(layout.header_row),
        values=sql.SQL(", ").join(values), extra=extra, key=cell(key_n), footer=sql.Literal(FOOTER_PATTERN),
        all_cells=sql.SQL(", ").join(cell(n) for n in range(len(land_cols))),
    )
    written = conn.execute(insert).rowcount
    records = conn.execute("select count(*) from _land").fetchone()[0]
    return records, written


def load_file(spec: SourceSpec, path: Path, load_id: int, period: date | None = None) -> FileResult:
    from . import gate  # GX import is slow: only when a file is really validated

    path = Path(path)
    result = FileResult(path=path, source=spec.name)
    sha256, size = registry.file_digest(path)
    archived = registry.archive(path, sha256)
    with connect() as conn:
        file_id, previous = registry.register(conn, spec.name, path, sha256, size, archived, load_id,
                                              spec.raw_table)
    result.file_id = file_id
    if previous in ("loaded", "published"):
        result.status = "duplicate"
        result.reasons = []
        log.info("%s: same content already loaded as file %s: nothing to do", path.name, file_id)
        return result

    try:
        layout, rows = read_layout(path, spec)
        month = _resolve_period(layout, period)
        with connect() as conn:
            records, written = copy_to_raw(conn, spec, layout, rows, load_id, file_id)
            if written == 0:
                raise LayoutError("không có dòng dữ liệu nào sau dòng tiêu đề cột")
            conn.execute(
                sql.SQL("""update audit.source_file set period_month = %s, header_row = %s, header_map = %s,
                              dropped_columns = %s, rows_in_file = %s, rows_loaded = %s,
                              unit_codes = (select array_agg(distinct unit_code order by unit_code)
                                              from {} where file_id = %s and unit_code is not null)
                            where file_id = %s""").format(sql.SQL(spec.raw_table)),
                (month, layout.header_row, psycopg.types.json.Jsonb(layout.header_map), layout.dropped,
                 records, written, file_id, file_id),
            )
    except (LayoutError, readers.UnreadableFile, csv.Error) as exc:
        result.status = "rejected"
        result.reasons = [f"Tệp {path.name}: {exc}"]
        with connect() as conn:
            registry.reject(conn, file_id, result.reasons)
        return result

    result.period = format_month(month)
    result.rows_loaded = written
    outcome = gate.validate_file(spec, file_id, path.name, layout.header_map)
    result.warnings = outcome.warnings
    with connect() as conn:
        if outcome.blocking:
            result.status = "rejected"
            result.reasons = outcome.blocking
            registry.reject(conn, file_id, outcome.blocking, outcome.warnings)
        else:
            result.status = "loaded"
            registry.accept(conn, file_id, outcome.warnings)
    return result


def _resolve_period(layout: Layout, period: date | None) -> date:
    titled = layout.title_period
    if period and titled and titled != period:
        raise LayoutError(
            f"kỳ báo cáo trong tiêu đề ({titled:%m/%Y}) khác kỳ được chỉ định ({period:%m/%Y})"
        )
    month = period or titled
    if month is None:
        raise LayoutError("không xác định được kỳ báo cáo: tiêu đề không ghi tháng và không có --period")
    return month


def load(source: str, files: list[Path], period: date | None = None, triggered_by: str = "cli") -> list[FileResult]:
    spec = get_source(source)
    with connect() as conn:
        load_id = registry.start_load(conn, spec.name, triggered_by)
    results: list[FileResult] = []
    try:
        for f in files:
            results.append(load_file(spec, Path(f), load_id, period))
    finally:
        with connect() as conn:
            registry.finish_load(conn, load_id, ok=len(results) == len(files))
    if any(r.status in ("loaded", "rejected") and r.rows_loaded for r in results):
        from .gate import build_data_docs

        build_data_docs()
    return results
