"""Load source files into raw tables: layout, personal data never read, vectorised parsing, one COPY.

A file becomes Arrow record batches (CSV: Arrow's C++ reader, reading only the columns kept; XLSX:
python-calamine), each batch is normalised to NFC and parsed by the rules of `parsing`, and written with
its lineage (load, file, row number as a person counts rows) into the source's raw table by COPY.
The file is then registered and validated by the quality gate.
"""

from __future__ import annotations

import csv
import io
import itertools
import logging
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
from .ingest.region import KIND_VI, Skipped, TableRegion, TableShape
from .layout import Layout, LayoutError, find_layout
from .periods import format_month, year_from_title
from .registry import FileResult
from .sources import SourceSpec, get_source

log = logging.getLogger(__name__)
XLSX_BATCH = 50_000
CSV_BLOCK = 1 << 22
ARROW_ENCODING = {"utf-8": "utf8", "utf-8-sig": "utf8", "utf-16": "utf-16", "utf-16-le": "utf-16-le",
                  "utf-16-be": "utf-16-be"}


@dataclass
class FileLayout:
    layout: Layout
    kind: str                      # csv | xlsx
    encoding: str | None = None
    sheet: int = 0                 # xlsx sheet index
    sheet_name: str | None = None  # xlsx: recorded with each row and named in every message


@dataclass
class RowBatch:
    """Rows of a file as text cells of every column (cells[i]: the file's column i; None for blank) and row
    numbers as a person counts rows. Personal-data cells are read to tell furniture from data, never written."""
    numbers: pa.Array
    cells: list[pa.Array]

    def take(self, indexes: list[int]) -> RowBatch:
        idx = pa.array(indexes, pa.int64())
        return RowBatch(self.numbers.take(idx), [c.take(idx) for c in self.cells])

    def kept(self, indexes: list[int]) -> list[pa.Array]:
        n = len(self.numbers)
        return [self.cells[i] if i < len(self.cells) else pa.nulls(n, pa.string()) for i in indexes]


@dataclass
class CopyStats:
    records: int = 0               # records after the header (data, blank, footer)
    written: int = 0
    skipped: list[Skipped] = field(default_factory=list)   # rows below the header that are not data, and why
    unit_codes: list[str] = field(default_factory=list)


def read_layouts(path: Path, spec: SourceSpec, given: dict[str, str] | None = None) -> list[FileLayout]:
    """The tables of a file: one, or for a source read sheet by sheet, one per sheet that has a table
    (sheets without one, e.g. instructions, are passed over; none at all is an error)."""
    if not readers.is_xlsx(path):
        return [read_layout(path, spec, given)]
    names = readers.xlsx_sheet_names(path)
    if not spec.all_sheets:
        try:
            head = list(itertools.islice(readers.xlsx_rows(path, 0), 40))
            return [FileLayout(find_layout(head, spec, given), "xlsx", sheet=0, sheet_name=names[0] if names else None)]
        except LayoutError as exc:
            raise LayoutError(f"trang '{names[0]}', {exc}" if names else str(exc)) from None
    found, errors = [], []
    for i, name in enumerate(names):
        try:
            head = list(itertools.islice(readers.xlsx_rows(path, i), 40))
            found.append(FileLayout(find_layout(head, spec, given), "xlsx", sheet=i, sheet_name=name))
        except LayoutError as exc:
            errors.append(f"trang '{name}', {exc}")
    if not found:
        raise LayoutError("; ".join(errors) or "tệp Excel không có trang nào")
    return found


def read_layout(path: Path, spec: SourceSpec, given: dict[str, str] | None = None) -> FileLayout:
    if readers.is_xlsx(path):
        return read_layouts(path, spec, given)[0]
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


def _python_batch(numbers: list[int], rows: list[list], width: int) -> RowBatch:
    width = max(width, max((len(r) for r in rows), default=0))
    cols = [pa.array([(r[i] or None) if i < len(r) else None for r in rows], pa.string()) for i in range(width)]
    return RowBatch(pa.array(numbers, pa.int32()), cols)


def csv_batches(path: Path, fl: FileLayout) -> Iterator[RowBatch]:
    """Arrow's CSV reader, single-threaded so that rows it cannot parse (short or long rows, e.g. footers) come
    with their line number; those are read again with Python's csv module, never dropped. Arrow reports such
    rows while it reads ahead, so a row's number is the next number not taken by a row reported odd."""
    lay = fl.layout
    names = [f"c{i}" for i in range(len(lay.headers))]
    odd: dict[int, str] = {}

    def on_invalid(row) -> str:
        odd[row.number] = row.text
        return "skip"

    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(skip_rows=lay.header_row, column_names=names, block_size=CSV_BLOCK,
                                       encoding=ARROW_ENCODING[fl.encoding], use_threads=False),
        parse_options=pacsv.ParseOptions(delimiter=lay.delimiter, newlines_in_values=True,
                                         ignore_empty_lines=False, invalid_row_handler=on_invalid),
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                             strings_can_be_null=True, quoted_strings_can_be_null=False),
    )
    next_number = lay.header_row + 1
    try:
        for batch in reader:
            k = batch.num_rows
            if odd and any(next_number <= n < next_number + k + len(odd) for n in odd):
                numbers = list(itertools.islice((n for n in itertools.count(next_number) if n not in odd), k))
                next_number = numbers[-1] + 1 if numbers else next_number
                numbers_arr = pa.array(numbers, pa.int32())
            else:
                numbers_arr = pa.array(range(next_number, next_number + k), pa.int32())
                next_number += k
            yield RowBatch(numbers_arr, [batch.column(n) for n in names])
    except pa.ArrowInvalid as exc:
        raise LayoutError(f"không đọc được tệp CSV: {exc}") from None
    if odd:
        parsed = [(n, next(csv.reader([t], delimiter=lay.delimiter), [])) for n, t in sorted(odd.items())]
        yield _python_batch([n for n, _ in parsed], [cells for _, cells in parsed], len(names))


def xlsx_batches(path: Path, fl: FileLayout) -> Iterator[RowBatch]:
    lay = fl.layout
    rows = itertools.islice(readers.xlsx_rows(path, fl.sheet), lay.header_row, None)
    number = lay.header_row + 1
    while chunk := list(itertools.islice(rows, XLSX_BATCH)):
        yield _python_batch(list(range(number, number + len(chunk))), chunk, len(lay.headers))
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


def _output(spec: SourceSpec, fl: FileLayout, b: RowBatch, load_id: int, file_id: int,
            total_labels: pa.Array | None = None) -> tuple[list[str], pa.Table]:
    lay = fl.layout
    n = len(b.numbers)
    n_contract, n_family = len(lay.columns), len(lay.families)
    cells = [parsing.nfc(c) for c in b.kept(lay.kept_indexes)]
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
    if spec.keep_totals:
        names.append("total_label")
        arrays.append(total_labels if total_labels is not None else pa.nulls(n, pa.string()))
    return names, pa.Table.from_arrays(arrays, names=names)


def table_shape(spec: SourceSpec, lay: Layout) -> TableShape:
    """What a data row of this file looks like: its required values (a code or the name it may be given by)
    and its key cell, in the file's column indexes."""
    at = {col.name: i for i, col in lay.columns.items()}
    required = []
    for col in spec.required:
        cells = tuple(at[c] for c in (col.name, spec.code_from_name.get(col.name)) if c in at)
        if cells:
            required.append(cells)
    key = at.get(spec.key_column, at.get(spec.code_from_name.get(spec.key_column, ""), None))
    return TableShape(required=required, key=key, headers=lay.header_rows, keep_totals=spec.keep_totals)


@dataclass
class TableRead:
    """The data rows of one table of a file, batch by batch, once the table-region rule has sorted its rows."""
    spec: SourceSpec
    fl: FileLayout
    path: Path
    region: TableRegion = field(init=False)
    records: int = 0

    def __post_init__(self) -> None:
        self.region = TableRegion(table_shape(self.spec, self.fl.layout), self.fl.sheet_name)

    def __iter__(self) -> Iterator[tuple[RowBatch, pa.Array | None]]:
        """(data rows, their total labels for a source keeping its total row); raises LayoutError at the end
        when the table is ambiguous (a total or a signature between data rows)."""
        region, keep_totals = self.region, self.spec.keep_totals
        for b in batches(self.path, self.fl):
            n = len(b.numbers)
            self.records += n
            suspects = region.suspects(b.cells, n)
            if not suspects:
                region.feed([], iter(()), n, b, [])
                yield b, None
                continue
            picked = [c.take(pa.array(suspects, pa.int64())).to_pylist() for c in b.cells]
            rows = zip(suspects, (list(r) for r in zip(*picked, strict=True)), strict=True)
            keep = region.feed(b.numbers.to_pylist(), rows, n, b, suspects)
            labels = pa.array([region.total_labels.get(i) for i in keep], pa.string()) if keep_totals else None
            yield (b if len(keep) == n else b.take(keep)), labels
            for batch, i in region.late_rows:      # free text between data rows: data (the gate names it)
                yield batch.take([i]), None
            region.late_rows.clear()
        region.finish()
        if region.errors:
            raise LayoutError("; ".join(region.errors))


def read_rows(spec: SourceSpec, fl: FileLayout, path: Path) -> tuple[pa.Table, TableRead]:
    """The rows a load would write for one table, as one Arrow table (lineage ids 0); for tests and tools."""
    read = TableRead(spec, fl, path)
    tables = [_output(spec, fl, b, 0, 0, labels)[1] for b, labels in read if len(b.numbers)]
    return (pa.concat_tables(tables, promote_options="default") if tables else pa.table({})), read


def copy_to_raw(conn: psycopg.Connection, spec: SourceSpec, fl: FileLayout, path: Path,
                load_id: int, file_id: int) -> CopyStats:
    """Stream the file's data rows into the raw table with one COPY. Which rows are data is the table-region
    rule's (ingest.region): rows around and inside the table that are not data are never written, and are
    recorded with their kind; a total or a signature between data rows rejects the file."""
    stats = CopyStats()
    units: set[str] = set()
    read = TableRead(spec, fl, path)
    with conn.cursor() as cur, ExitStack() as stack:
        writer, columns = None, None
        for b, labels in read:
            if len(b.numbers) == 0:
                continue
            names, table = _output(spec, fl, b, load_id, file_id, labels)
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
    stats.records = read.records
    stats.skipped = read.region.skipped
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

    if period is not None:
        result.period = _period_label(spec, period)
    try:
        layouts = read_layouts(path, spec, given)
        first = layouts[0].layout
        for fam in spec.families:
            if not any(f is fam for fl in layouts for f, _ in fl.layout.families.values()):
                raise LayoutError(f"dòng {first.header_row} (dòng tiêu đề cột): không có cột câu hỏi nào "
                                  f"(tiêu đề dạng TC1, TT2, CC3, KQ1, PA1)")
        periods = {_in_sheet(fl, lambda fl=fl: _resolve_period(spec, fl.layout, period)) for fl in layouts}
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
                          unit_codes = %s, skipped_rows = %s, skipped_detail = %s
                    where file_id = %s""",
                (month, spec.cadence, first.header_row, Jsonb(header_map),
                 sorted({d for fl in layouts for d in fl.layout.dropped}), stats.records, stats.written,
                 stats.unit_codes, sorted({k.row for k in stats.skipped}), Jsonb(skipped_detail(stats.skipped)),
                 file_id),
            )
    except (LayoutError, readers.UnreadableFile, csv.Error, UnicodeDecodeError) as exc:
        result.status = "rejected"
        result.reasons = [f"Tệp {path.name}: {exc}"]
        with connect() as conn:
            registry.reject(conn, file_id, result.reasons)
        return result

    result.period = _period_label(spec, month)
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
