"""Load source files into raw tables: layout, personal data never read, vectorised parsing, one COPY.

A file becomes Arrow record batches (CSV: Arrow's C++ reader, reading only the columns kept; XLSX:
python-calamine), each batch is normalised to NFC and parsed by the rules of `parsing`, and written with
its lineage (load, file, row number as a person counts rows) into the source's raw table by COPY.
The file is then registered and validated by the quality gate.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import logging
import re
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import psycopg
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from psycopg import sql
from psycopg.copy import QueuedLibpqWriter
from psycopg.types.json import Jsonb

from . import parsing, readers, registry
from .db import connect
from .layout import Layout, LayoutError, find_layout
from .periods import format_month, year_from_title
from .registry import FileResult
from .sources import SourceSpec, get_source
from .textnorm import fold

log = logging.getLogger(__name__)
XLSX_BATCH = 50_000
CSV_BLOCK = 1 << 22
# Rows people add below the table: totals, "prepared by", signatures (matched on folded text).
FOOTER = re.compile(r"^(tong cong|tong so|tong diem|cong|nguoi lap|ky ghi ro|ky ten|thu truong|lanh dao|xac nhan)\b")
ARROW_ENCODING = {"utf-8": "utf8", "utf-8-sig": "utf8", "utf-16": "utf-16", "utf-16-le": "utf-16-le",
                  "utf-16-be": "utf-16-be"}


@dataclass
class FileLayout:
    layout: Layout
    kind: str                      # csv | xlsx
    encoding: str | None = None
    sheet: int = 0                 # xlsx sheet index
    sheet_name: str | None = None  # recorded with each row when the source reads every sheet


@dataclass
class RowBatch:
    """Rows of a file as text cells of the kept columns (in Layout.kept_indexes order) and row numbers."""
    numbers: pa.Array
    cells: list[pa.Array]


@dataclass
class CopyStats:
    records: int = 0               # records after the header (data, blank, footer)
    written: int = 0
    dropped_rows: list[int] = field(default_factory=list)   # blank and footer rows, not data
    unit_codes: list[str] = field(default_factory=list)


def read_layouts(path: Path, spec: SourceSpec, given: dict[str, str] | None = None) -> list[FileLayout]:
    """The tables of a file: one, or for a source read sheet by sheet, one per sheet that has a table
    (sheets without one, e.g. instructions, are passed over; none at all is an error)."""
    if not (spec.all_sheets and readers.is_xlsx(path)):
        return [read_layout(path, spec, given)]
    found, errors = [], []
    for i, name in enumerate(readers.xlsx_sheet_names(path)):
        try:
            head = list(itertools.islice(readers.xlsx_rows(path, i), 40))
            found.append(FileLayout(find_layout(head, spec, given), "xlsx", sheet=i, sheet_name=name))
        except LayoutError as exc:
            errors.append(f"trang '{name}': {exc}")
    if not found:
        raise LayoutError("; ".join(errors) or "tệp Excel không có trang nào")
    return found


def read_layout(path: Path, spec: SourceSpec, given: dict[str, str] | None = None) -> FileLayout:
    if readers.is_xlsx(path):
        head = list(itertools.islice(readers.xlsx_rows(path), 40))
        return FileLayout(find_layout(head, spec, given), "xlsx")
    encoding = readers.detect_encoding(path)
    sample = readers.sample_lines(path, encoding)
    best: Layout | None = None
    errors: list[str] = []
    for delimiter in readers.DELIMITERS:
        try:
            layout = find_layout(list(csv.reader(sample, delimiter=delimiter)), spec, given)
        except LayoutError as exc:
            errors.append(str(exc))
            continue
        layout.delimiter = delimiter
        if best is None or len(layout.columns) > len(best.columns):
            best = layout
    if best is None:
        raise LayoutError(min(errors, key=len) if errors else "tệp rỗng")
    return FileLayout(best, "csv", encoding)


def _is_data(key_cell: str | None, required_cells: list[str | None], keep_totals: bool = False) -> bool:
    """A row below the table is not data when its key cell reads like a footer (totals, signatures), or
    when it has no key and either none of the required values or a required value reading like a total
    ('Tổng điểm' under the criteria); a last row missing only its code is data (the gate flags it)."""
    if key_cell is not None:
        return not FOOTER.match(fold(key_cell)) or (keep_totals and bool(parsing.TOTAL_LABEL.match(fold(key_cell))))
    present = [c for c in required_cells if c is not None]
    return bool(present) and not any(FOOTER.match(fold(c)) for c in present)


def _python_batch(numbers: list[int], rows: list[list], indexes: list[int]) -> RowBatch:
    cols = [pa.array([(r[i] or None) if i < len(r) else None for r in rows], pa.string())
            for i in indexes]
    return RowBatch(pa.array(numbers, pa.int32()), cols)


def csv_batches(path: Path, fl: FileLayout) -> Iterator[RowBatch]:
    """Arrow's CSV reader, single-threaded so that rows it cannot parse come with their line number;
    those (short or long rows, e.g. footers) are read again with Python's csv module, never dropped."""
    lay = fl.layout
    names = [f"c{i}" for i in range(len(lay.headers))]
    kept = [names[i] for i in lay.kept_indexes]
    odd: list[tuple[int, str]] = []

    def on_invalid(row) -> str:
        odd.append((row.number, row.text))
        return "skip"

    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(skip_rows=lay.header_row, column_names=names, block_size=CSV_BLOCK,
                                       encoding=ARROW_ENCODING[fl.encoding], use_threads=False),
        parse_options=pacsv.ParseOptions(delimiter=lay.delimiter, newlines_in_values=True,
                                         ignore_empty_lines=False, invalid_row_handler=on_invalid),
        convert_options=pacsv.ConvertOptions(include_columns=kept, column_types={n: pa.string() for n in names},
                                             strings_can_be_null=True, quoted_strings_can_be_null=False),
    )
    next_number = lay.header_row + 1
    seen_odd = 0
    try:
        for batch in reader:
            skipped = {n for n, _ in odd[seen_odd:]}
            seen_odd = len(odd)
            k = batch.num_rows
            if skipped and min(skipped) < next_number + k + len(skipped):
                numbers = list(itertools.islice((n for n in itertools.count(next_number) if n not in skipped), k))
                next_number = numbers[-1] + 1 if numbers else next_number
                numbers_arr = pa.array(numbers, pa.int32())
            else:
                numbers_arr = pa.array(range(next_number, next_number + k), pa.int32())
                next_number += k
            yield RowBatch(numbers_arr, [batch.column(n) for n in kept])
    except pa.ArrowInvalid as exc:
        raise LayoutError(f"không đọc được tệp CSV: {exc}") from None
    if odd:
        parsed = [(n, next(csv.reader([t], delimiter=lay.delimiter), [])) for n, t in odd]
        yield _python_batch([n for n, _ in parsed], [cells for _, cells in parsed], lay.kept_indexes)


def xlsx_batches(path: Path, fl: FileLayout) -> Iterator[RowBatch]:
    lay = fl.layout
    rows = itertools.islice(readers.xlsx_rows(path, fl.sheet), lay.header_row, None)
    number = lay.header_row + 1
    while chunk := list(itertools.islice(rows, XLSX_BATCH)):
        yield _python_batch(list(range(number, number + len(chunk))), chunk, lay.kept_indexes)
        number += len(chunk)


def batches(path: Path, fl: FileLayout) -> Iterator[RowBatch]:
    return xlsx_batches(path, fl) if fl.kind == "xlsx" else csv_batches(path, fl)


def _json_text(v: pa.Array) -> pa.Array:
    """JSON string literal of each value ("null" for NULL), for the extra column."""
    esc = pc.replace_substring(pc.replace_substring(v, "\\", "\\\\"), '"', '\\"')
    esc = pc.replace_substring_regex(esc, r"[\x00-\x1f]", " ")
    return pc.fill_null(pc.binary_join_element_wise('"', esc, '"', ""), "null")


def _json_value(v: pa.Array) -> pa.Array:
    """JSON literal of typed values: numbers and booleans as such, text quoted, NULL as null."""
    if pa.types.is_string(v.type):
        return _json_text(v)
    if pa.types.is_date(v.type):
        return _json_text(v.cast(pa.string()))
    return pc.fill_null(pc.cast(v, pa.string()), "null")


def _json_object(keys: list[str], values: list[pa.Array], n: int) -> pa.Array:
    if not keys:
        return pa.array(["{}"] * n, pa.string())
    parts: list = ["{"]
    for k, (key, vals) in enumerate(zip(keys, values, strict=True)):
        parts += [("," if k else "") + _json_text(pa.array([key])).to_pylist()[0] + ":", vals]
    parts.append("}")
    return pc.binary_join_element_wise(*[p if isinstance(p, pa.Array) else pa.scalar(p) for p in parts], "")


def _output(spec: SourceSpec, fl: FileLayout, b: RowBatch, load_id: int, file_id: int) -> tuple[list[str], pa.Table]:
    lay = fl.layout
    n = len(b.numbers)
    n_contract, n_family = len(lay.columns), len(lay.families)
    cells = [parsing.nfc(c) for c in b.cells]
    names = ["load_id", "file_id", "source_row"]
    arrays: list[pa.Array] = [pa.array([load_id] * n, pa.int64()), pa.array([file_id] * n, pa.int64()), b.numbers]
    contract = list(zip(lay.columns.values(), cells[:n_contract], strict=True))
    contract += [(spec.column(name), pa.array([value] * n, pa.string())) for name, value in lay.constants.items()]
    for col, values in contract:
        names.append(col.name)
        arrays.append(values)
        if col.parse:
            names.append(col.typed_name)
            arrays.append(parsing.RULES[col.parse](values))
    for fam in spec.families:
        members = [(key, values) for (f, key), values in
                   zip(lay.families.values(), cells[n_contract:n_contract + n_family], strict=True) if f is fam]
        keys = [k for k, _ in members]
        names += [fam.name, fam.typed_name]
        arrays.append(_json_object(keys, [_json_text(v) for _, v in members], n))
        arrays.append(_json_object(keys, [_json_value(parsing.RULES[fam.parse](v)) for _, v in members], n))
    if lay.extra:
        names.append("extra")
        arrays.append(_json_object(list(lay.extra.values()), [_json_text(v) for v in cells[n_contract + n_family:]], n))
    if fl.sheet_name is not None:
        names.append("source_sheet")
        arrays.append(pa.array([fl.sheet_name] * n, pa.string()))
    return names, pa.Table.from_arrays(arrays, names=names)


def _slice(b: RowBatch, start: int, stop: int | None = None) -> RowBatch:
    n = len(b.numbers)
    stop = n if stop is None else stop
    return RowBatch(b.numbers.slice(start, stop - start), [c.slice(start, stop - start) for c in b.cells])


def copy_to_raw(conn: psycopg.Connection, spec: SourceSpec, fl: FileLayout, path: Path,
                load_id: int, file_id: int) -> CopyStats:
    """Stream the file's rows into the raw table with one COPY. Blank rows are skipped; the last rows
    are held back until the end, so that rows after the last data row that look like a footer (totals,
    signatures) are never written."""
    lay = fl.layout
    contract = [c.name for c in lay.columns.values()]
    key = contract.index(spec.key_column if spec.key_column in contract else spec.code_from_name[spec.key_column])
    required = [contract.index(c.name) for c in spec.required if c.name in contract]
    stats = CopyStats()
    units: set[str] = set()
    held = RowBatch(pa.array([], pa.int32()), [pa.array([], pa.string()) for _ in lay.kept_indexes])
    tail = 50
    with conn.cursor() as cur, ExitStack() as stack:
        writer, columns = None, None

        def write(b: RowBatch) -> None:
            nonlocal writer, columns
            if len(b.numbers) == 0:
                return
            names, table = _output(spec, fl, b, load_id, file_id)
            if "unit_code" in names:
                units.update(v for v in pc.unique(table.column("unit_code")).to_pylist() if v)
            if writer is None:
                columns = names
                # a queued writer sends data from a thread: Arrow keeps parsing while Postgres ingests
                stmt = sql.SQL("copy {} ({}) from stdin (format csv)").format(
                    sql.SQL(spec.raw_table), sql.SQL(", ").join(map(sql.Identifier, names)))
                writer = stack.enter_context(cur.copy(stmt, writer=QueuedLibpqWriter(cur)))
            buf = io.BytesIO()
            pacsv.write_csv(table.select(columns), buf, pacsv.WriteOptions(include_header=False))
            writer.write(buf.getbuffer())
            stats.written += len(b.numbers)

        for b in batches(path, fl):
            stats.records += len(b.numbers)
            empty = functools.reduce(pc.and_, [pc.is_null(c) for c in b.cells])
            if pc.any(empty).as_py():
                keep = pc.invert(empty)
                stats.dropped_rows += pc.filter(b.numbers, empty).to_pylist()
                b = RowBatch(pc.filter(b.numbers, keep), [pc.filter(c, keep) for c in b.cells])
            if len(b.numbers) == 0:
                continue
            write(held)                           # a later batch has rows: the held ones were not the end
            cut = max(0, len(b.numbers) - tail)
            write(_slice(b, 0, cut))
            held = _slice(b, cut)
        # the held rows: data up to the last row that is data; what follows is a footer
        numbers = held.numbers.to_pylist()
        keys = held.cells[key].to_pylist()
        req = list(zip(*(held.cells[i].to_pylist() for i in required), strict=True))
        last = max((i for i in range(len(numbers)) if _is_data(keys[i], list(req[i]), spec.keep_totals)), default=-1)
        write(_slice(held, 0, last + 1))
        stats.dropped_rows += numbers[last + 1:]
    stats.unit_codes = sorted(units)
    return stats


def load_file(spec: SourceSpec, path: Path, load_id: int, period: date | None = None,
              given: dict[str, str] | None = None) -> FileResult:
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
        log.info("%s: same content already loaded as file %s: nothing to do", path.name, file_id)
        return result

    try:
        layouts = read_layouts(path, spec, given)
        first = layouts[0].layout
        for fam in spec.families:
            if not any(f is fam for fl in layouts for f, _ in fl.layout.families.values()):
                raise LayoutError(f"dòng {first.header_row} (dòng tiêu đề cột): không có cột câu hỏi nào "
                                  f"(tiêu đề dạng TC1, TT2, CC3, KQ1, PA1)")
        period = _resolve_period(spec, first, period)
        with connect() as conn:
            stats = CopyStats()
            for fl in layouts:
                part = copy_to_raw(conn, spec, fl, path, load_id, file_id)
                stats.records += part.records
                stats.written += part.written
                stats.dropped_rows += part.dropped_rows
                stats.unit_codes = sorted(set(stats.unit_codes) | set(part.unit_codes))
            if stats.written == 0:
                raise LayoutError("không có dòng dữ liệu nào sau dòng tiêu đề cột")
            month = period or _period_from_rows(conn, spec, file_id)
            header_map = dict(first.header_map)
            for code_col, name_col in spec.code_from_name.items():
                if code_col not in header_map and name_col in header_map:
                    stats.unit_codes = _codes_from_names(conn, spec, file_id, month)
                    header_map[code_col] = f"(theo tên, cột '{header_map[name_col]}')"
            conn.execute(
                """update audit.source_file set period_month = %s, period_kind = %s, header_row = %s,
                          header_map = %s, dropped_columns = %s, rows_in_file = %s, rows_loaded = %s,
                          unit_codes = %s, skipped_rows = %s
                    where file_id = %s""",
                (month, spec.cadence, first.header_row, Jsonb(header_map),
                 sorted({d for fl in layouts for d in fl.layout.dropped}), stats.records, stats.written,
                 stats.unit_codes, sorted(stats.dropped_rows), file_id),
            )
    except (LayoutError, readers.UnreadableFile, csv.Error, UnicodeDecodeError) as exc:
        result.status = "rejected"
        result.reasons = [f"Tệp {path.name}: {exc}"]
        with connect() as conn:
            registry.reject(conn, file_id, result.reasons)
        return result

    result.period = format_month(month) if spec.cadence == "month" else str(month.year)
    result.rows_loaded = stats.written
    outcome = gate.validate_file(spec, file_id, path.name, header_map)
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


def _resolve_period(spec: SourceSpec, layout: Layout, period: date | None) -> date | None:
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
    titled = layout.title_period
    if period and titled and titled != period:
        raise LayoutError(
            f"kỳ báo cáo trong tiêu đề ({titled:%m/%Y}) khác kỳ được chỉ định ({period:%m/%Y})"
        )
    month = period or titled
    if month is None:
        raise LayoutError("không xác định được kỳ báo cáo: tiêu đề không ghi tháng và không có --period")
    return month


def _codes_from_names(conn: psycopg.Connection, spec: SourceSpec, file_id: int, period: date) -> list[str]:
    """A file naming its units without codes: each name, compared after normalising (case, accents, 'UBND',
    'huyện', 'phường'...), takes the code of the one unit valid in the period with that name. Names matching
    no unit or several keep no code: the gate rejects those rows and lists the candidates."""
    valid = f"daterange(u.valid_from, u.valid_to) && daterange(%s, (%s + interval '1 {spec.cadence}')::date)"
    conn.execute(
        sql.SQL(f"""update {{table}} r set unit_code = m.unit_code
              from (select k.unit_name_key, min(u.unit_code) as unit_code
                      from (select distinct unit_name_key from {{table}} where file_id = %s) k
                      join ref.unit u on u.name_key = k.unit_name_key and {valid}
                     group by k.unit_name_key having count(distinct u.unit_code) = 1) m
             where r.file_id = %s and r.unit_code is null and r.unit_name_key = m.unit_name_key""").format(
            table=sql.SQL(spec.raw_table)), (file_id, period, period, file_id))
    return [r[0] for r in conn.execute(
        sql.SQL("select distinct unit_code from {} where file_id = %s and unit_code is not null order by 1").format(
            sql.SQL(spec.raw_table)), (file_id,))]


def _period_from_rows(conn: psycopg.Connection, spec: SourceSpec, file_id: int) -> date:
    """A yearly file without a year in its title or folder: the one year its rows give."""
    years = [r[0] for r in conn.execute(
        sql.SQL("select distinct year_value from {} where file_id = %s and year_value is not null").format(
            sql.SQL(spec.raw_table)), (file_id,))]
    if len(years) != 1:
        raise LayoutError("không xác định được năm báo cáo: cột 'Năm' có "
                          + (f"nhiều năm ({', '.join(map(str, sorted(years)))})" if years else "không có năm đọc được")
                          + "; hãy chỉ định --period YYYY")
    return date(years[0], 1, 1)


def load(source: str, files: list[Path], period: date | None = None, triggered_by: str = "cli",
         given: dict[str, str] | None = None) -> list[FileResult]:
    """Load files of one source. given: values for columns the files may lack (e.g. {'unit_code': ...} for
    report forms without a 'Mã đơn vị:' title row)."""
    spec = get_source(source)
    with connect() as conn:
        load_id = registry.start_load(conn, spec.name, triggered_by)
    results: list[FileResult] = []
    try:
        for f in files:
            results.append(load_file(spec, Path(f), load_id, period, given))
    finally:
        with connect() as conn:
            registry.finish_load(conn, load_id, ok=len(results) == len(files))
    if any(r.status in ("loaded", "rejected") and r.rows_loaded for r in results):
        from .gate import build_data_docs

        build_data_docs()
    return results
