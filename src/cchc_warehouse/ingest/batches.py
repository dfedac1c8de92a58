"""A file's tables as batches of rows: the layout of each table (one per sheet for sources read sheet by sheet)
and its rows as Arrow arrays of text cells, numbered as a person counts rows; then only the data rows, once the
table-region rule (ingest.region) has sorted them.

CSV: Arrow's C++ reader (rows it cannot split are read again with Python's csv module, never dropped); XLSX:
python-calamine.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from cchc_warehouse.ingest import limits, readers
from cchc_warehouse.ingest.layout import Layout, LayoutError, find_layout
from cchc_warehouse.ingest.region import TableRegion, TableShape
from cchc_warehouse.sources import SourceSpec

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


def read_layouts(path: Path, spec: SourceSpec, given: dict[str, str] | None = None) -> list[FileLayout]:
    """The tables of a file: one, or for a source read sheet by sheet, one per sheet that has a table
    (sheets without one, e.g. instructions, are passed over; none at all is an error)."""
    readers.refuse_unsupported(path)
    limits.check_file(path, readers.is_xlsx(path))      # bounded resources, judged on the bytes before reading
    csv.field_size_limit(limits.Limits.from_env().max_line_bytes)     # a field may be as long as a line
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
    widest = limits.Limits.from_env().max_columns
    for i, row in enumerate(csv.reader(sample, delimiter=best.delimiter), start=1):
        if len(row) > widest:
            raise limits.LimitExceeded(f"dòng {i} có {len(row):,} cột, vượt giới hạn {widest:,} cột "
                                       "(CCHC_MAX_COLUMNS)".replace(",", "."))
    return FileLayout(best, "csv", encoding)


def _python_batch(numbers: list[int], rows: list[list], width: int) -> RowBatch:
    width = max(width, max((len(r) for r in rows), default=0))
    cols = [pa.array([(r[i] or None) if i < len(r) else None for r in rows], pa.string()) for i in range(width)]
    return RowBatch(pa.array(numbers, pa.int32()), cols)


_ARROW_WHERE = re.compile(r"(?:In CSV column #(?P<col>\d+): )?(?:Row #(?P<row>\d+): )?(?P<what>.*)", re.S)


def arrow_error_vi(message: str, headers: list[str]) -> str:
    """Arrow's CSV error in the official's words: the row as a person counts it (Arrow's row numbers count the
    file's lines from 1, header included) and the column as headed (Arrow counts columns from 0)."""
    m = _ARROW_WHERE.match(message.replace("CSV parse error: ", "").strip())
    where = []
    if m and m.group("row"):
        where.append(f"dòng {m.group('row')}")
    if m and m.group("col"):
        i = int(m.group("col"))
        where.append(f"cột '{headers[i]}'" if i < len(headers) and headers[i] else f"cột {i + 1}")
    what = (m.group("what") if m else message).strip()
    if "invalid UTF8" in what:
        text = ("có byte không phải UTF-8 (tệp lẫn bảng mã khác, ví dụ TCVN3 hoặc Windows-1258); hãy lưu lại tệp "
                "dạng CSV UTF-8")
    elif "straddling" in what or "block size" in what:
        text = "có một ô quá dài hoặc dấu ngoặc kép (\") không đóng"
    else:
        text = f"không đọc được tệp CSV ({what[:120]})"
    return (", ".join(where) + ": " if where else "") + text


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

    next_number = lay.header_row + 1
    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(skip_rows=lay.header_row, column_names=names, block_size=CSV_BLOCK,
                                           encoding=ARROW_ENCODING[fl.encoding], use_threads=False),
            parse_options=pacsv.ParseOptions(delimiter=lay.delimiter, newlines_in_values=True,
                                             ignore_empty_lines=False, invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=True, quoted_strings_can_be_null=False,
                                                 null_values=[""]),
        )
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
        raise LayoutError(arrow_error_vi(str(exc), lay.headers)) from None
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

    def _refuse_nul(self, b: RowBatch) -> None:
        """A NUL character cannot be stored (Postgres text) and is never data: the file is rejected naming the
        first cell that has one."""
        for i, col in enumerate(b.cells):
            if col.null_count < len(col) and pc.any(pc.match_substring(col, "\x00")).as_py():
                row = pc.index(pc.match_substring(col, "\x00"), True).as_py()
                headers = self.fl.layout.headers
                name = headers[i] if i < len(headers) and headers[i] else f"cột {i + 1}"
                raise LayoutError(f"dòng {b.numbers[row].as_py()}, cột '{name}': có ký tự NUL (\\0), không phải "
                                  "dữ liệu; hãy xuất lại tệp")

    def _header_name(self, i: int) -> str:
        headers = self.fl.layout.headers
        return headers[i] if i < len(headers) and headers[i] else f"cột {i + 1}"

    def _refuse_swallowed(self, b: RowBatch) -> None:
        """A CSV cell holding line breaks followed by lines split like records: a quote opened and never closed
        took the rows after it into one cell. Refused naming the row where the quote opens (values unquoted)."""
        if self.fl.kind != "csv":
            return
        delimiter = self.fl.layout.delimiter or ","
        enough = max(2, (len(self.fl.layout.headers) - 1) // 2)
        for i, col in enumerate(b.cells):
            if col.null_count == len(col):
                continue
            multi = pc.fill_null(pc.match_substring(col, "\n"), False)
            if not pc.any(multi).as_py():
                continue
            for row in pc.indices_nonzero(multi).to_pylist():
                lines = col[row].as_py().split("\n")[1:]
                like_rows = sum(1 for t in lines if t.count(delimiter) >= enough)
                if like_rows:
                    raise LayoutError(
                        f"dòng {b.numbers[row].as_py()}, cột '{self._header_name(i)}': một ô chứa {len(lines) + 1} "
                        f"dòng, {like_rows} dòng trong đó giống dòng dữ liệu — có dấu ngoặc kép (\") mở mà không "
                        "đóng; hãy sửa ô này rồi xuất lại tệp")

    def _refuse_overflow(self, b: RowBatch) -> None:
        """A data row with values right of the table's last column: an extra delimiter shifted its cells (an
        address with an unquoted comma). Refused naming the row; a trailing blank cell is harmless."""
        width = len(self.fl.layout.headers)
        for col in b.cells[width:]:
            present = pc.fill_null(pc.not_equal(pc.utf8_trim_whitespace(col), ""), False)
            if pc.any(present).as_py():
                row = pc.index(present, True).as_py()
                cells = sum(1 for c in b.cells if c[row].is_valid)
                raise LayoutError(
                    f"dòng {b.numbers[row].as_py()}: có giá trị ở ngoài {width} cột của tiêu đề ({cells} ô có dữ liệu)"
                    " — thừa dấu phân cách trong một ô (ví dụ dấu phẩy trong địa chỉ không đặt trong ngoặc kép); "
                    "các ô của dòng đã bị lệch cột, hãy sửa dòng này rồi xuất lại tệp")

    def __iter__(self) -> Iterator[tuple[RowBatch, pa.Array | None]]:
        """(data rows, their total labels for a source keeping its total row); raises LayoutError at the end
        when the table is ambiguous (a total or a signature between data rows)."""
        region, keep_totals = self.region, self.spec.keep_totals
        for b in batches(self.path, self.fl):
            n = len(b.numbers)
            self._refuse_nul(b)
            self._refuse_swallowed(b)
            self.records += n
            suspects = region.suspects(b.cells, n)
            if not suspects:
                region.feed([], iter(()), n, b, [])
                self._refuse_overflow(b)
                yield b, None
                continue
            picked = [c.take(pa.array(suspects, pa.int64())).to_pylist() for c in b.cells]
            rows = zip(suspects, (list(r) for r in zip(*picked, strict=True)), strict=True)
            keep = region.feed(b.numbers.to_pylist(), rows, n, b, suspects)
            labels = pa.array([region.total_labels.get(i) for i in keep], pa.string()) if keep_totals else None
            kept = b if len(keep) == n else b.take(keep)
            self._refuse_overflow(kept)
            yield kept, labels
            for batch, i in region.late_rows:      # free text between data rows: data (the gate names it)
                self._refuse_overflow(batch.take([i]))
                yield batch.take([i]), None
            region.late_rows.clear()
        region.finish()
        if region.errors:
            raise LayoutError("; ".join(region.errors))
