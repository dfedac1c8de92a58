"""Bounded resources for any file: what a file may ask of the loader before it is read, checked on its bytes.

A file over a limit is rejected with a Vietnamese reason naming the limit and, where there is one, the row, the
cell or the line; nothing of it reaches raw. Every limit is a setting (environment variable, safe default):

| setting | default | what |
|---|---|---|
| `CCHC_MAX_FILE_MB` | 512 | size on disk |
| `CCHC_MAX_XLSX_INFLATED_MB` | 1024 | an .xlsx's worksheets and shared strings once decompressed (zip bombs) |
| `CCHC_MAX_CELLS` | 25,000,000 | rows × columns of a sheet's used range (the reader allocates that range) |
| `CCHC_MAX_ROWS` | 1,500,000 | rows in a file (a sheet or a CSV) |
| `CCHC_MAX_COLUMNS` | 1,000 | columns of a sheet or a CSV line |
| `CCHC_MAX_LINE_KB` | 1,024 | one CSV line |

The .xlsx check reads the real cells' addresses from the compressed XML as a stream (the `<dimension>` a file
declares is never trusted), so a stray cell at XFD1048576 or 2 GB of inflated XML is refused in seconds with
bounded memory, before the spreadsheet reader would allocate the range.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

CHUNK = 4 << 20


class LimitExceeded(ValueError):
    """The file asks for more than a limit allows (message in Vietnamese)."""


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 512 << 20
    max_xlsx_inflated_bytes: int = 1024 << 20
    max_cells: int = 25_000_000
    max_rows: int = 1_500_000
    max_columns: int = 1_000
    max_line_bytes: int = 1024 << 10

    @classmethod
    def from_env(cls) -> Limits:
        d = cls()
        return cls(
            max_file_bytes=_env_int("CCHC_MAX_FILE_MB", d.max_file_bytes >> 20) << 20,
            max_xlsx_inflated_bytes=_env_int("CCHC_MAX_XLSX_INFLATED_MB", d.max_xlsx_inflated_bytes >> 20) << 20,
            max_cells=_env_int("CCHC_MAX_CELLS", d.max_cells),
            max_rows=_env_int("CCHC_MAX_ROWS", d.max_rows),
            max_columns=_env_int("CCHC_MAX_COLUMNS", d.max_columns),
            max_line_bytes=_env_int("CCHC_MAX_LINE_KB", d.max_line_bytes >> 10) << 10,
        )


def _mb(n: int) -> str:
    return f"{n / (1 << 20):,.0f} MB".replace(",", ".")


def _n(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def column_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters.decode() if isinstance(letters, bytes) else letters:
        n = n * 26 + ord(ch) - 64
    return n


def check_file(path: Path, is_xlsx: bool, limits: Limits | None = None) -> None:
    """Raise LimitExceeded when the file asks for more than the limits allow."""
    limits = limits or Limits.from_env()
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise LimitExceeded(f"tệp nặng {_mb(size)}, vượt giới hạn {_mb(limits.max_file_bytes)} (CCHC_MAX_FILE_MB)")
    if is_xlsx:
        check_xlsx(path, limits)
    else:
        check_text(path, limits)


# cells with a 2- or 3-letter column and rows with a number; 1-letter columns never exceed 26
_CELL3 = re.compile(rb'<c r="([A-Z]{3})([0-9]+)"')
_CELL2 = re.compile(rb'<c r="([A-Z]{2})[0-9]+"')
_ROW = re.compile(rb'<row r="([0-9]+)"')


@dataclass
class SheetExtent:
    rows: int = 0                 # the last row, by number or by count of <row> elements
    columns: int = 0              # the widest column used
    far_cell: str = ""            # the cell that sets the width, e.g. XFD1048576


def check_xlsx(path: Path, limits: Limits) -> None:
    try:
        z = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise LimitExceeded(f"tệp .xlsx hỏng, không mở được ({exc})") from None
    with z:
        parts = [i for i in z.infolist()
                 if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")
                 or i.filename == "xl/sharedStrings.xml"]
        inflated = 0
        for info in parts:
            extent = SheetExtent()
            tail = b""
            with z.open(info) as f:
                while chunk := f.read(CHUNK):
                    inflated += len(chunk)
                    if inflated > limits.max_xlsx_inflated_bytes:
                        raise LimitExceeded(
                            f"tệp .xlsx khi giải nén vượt {_mb(limits.max_xlsx_inflated_bytes)} "
                            f"(CCHC_MAX_XLSX_INFLATED_MB; tệp nặng {_mb(path.stat().st_size)} trên đĩa)")
                    if info.filename != "xl/sharedStrings.xml":
                        _scan(tail, chunk, extent)
                        tail = chunk[-64:]
            if info.filename == "xl/sharedStrings.xml":
                continue
            sheet = info.filename.rsplit("/", 1)[-1].removesuffix(".xml")
            if extent.columns > limits.max_columns:
                raise LimitExceeded(
                    f"trang {sheet}: có ô ở {extent.far_cell} ({_n(extent.columns)} cột), vượt giới hạn "
                    f"{_n(limits.max_columns)} cột (CCHC_MAX_COLUMNS); xoá các ô thừa ngoài bảng rồi lưu lại")
            if extent.rows > limits.max_rows:
                raise LimitExceeded(f"trang {sheet}: {_n(extent.rows)} dòng, vượt giới hạn {_n(limits.max_rows)} "
                                    "dòng (CCHC_MAX_ROWS); hãy chia tệp")
            if extent.rows * max(extent.columns, 1) > limits.max_cells:
                raise LimitExceeded(
                    f"trang {sheet}: vùng dữ liệu {_n(extent.rows)} dòng × {_n(extent.columns)} cột vượt giới hạn "
                    f"{_n(limits.max_cells)} ô (CCHC_MAX_CELLS); xoá các ô thừa ngoài bảng rồi lưu lại")


def _scan(tail: bytes, chunk: bytes, extent: SheetExtent) -> None:
    """Widen the sheet's extent with the cells and rows of a chunk of its XML. Addresses are searched with the
    end of the previous chunk in front (a tag may straddle two chunks; maxima do not mind seeing one twice);
    rows without a number are counted in the chunk alone."""
    data = tail + chunk
    numbered = _ROW.findall(data)
    if numbered:
        extent.rows = max(extent.rows, int(numbered[-1]), int(numbered[0]))
    else:
        extent.rows += chunk.count(b"<row>") + chunk.count(b"<row ")
    wide = _CELL3.findall(data)
    if wide:
        letters, row = max(wide, key=lambda m: (m[0], int(m[1])))
        if column_number(letters) > extent.columns:
            extent.columns, extent.far_cell = column_number(letters), f"{letters.decode()}{int(row)}"
        extent.rows = max(extent.rows, max(int(r) for _, r in wide))
        return
    two = _CELL2.findall(data)
    if two:
        letters = max(two)
        if column_number(letters) > extent.columns:
            extent.columns, extent.far_cell = column_number(letters), f"{letters.decode()}…"
    elif extent.columns < 26:
        extent.columns = max(extent.columns, 1 if b"<c" in data else 0, _one_letter_width(data))


def _one_letter_width(data: bytes) -> int:
    found = re.findall(rb'<c r="([A-Z])[0-9]', data[-200_000:])
    return max((column_number(x) for x in found), default=0)


def check_text(path: Path, limits: Limits) -> None:
    """A CSV: no line longer than the limit, no more lines than the row limit (read in chunks, bounded)."""
    line_no, current = 1, 0          # the line being read, and its bytes so far
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            lengths = list(map(len, chunk.split(b"\n")))
            lengths[0] += current
            if max(lengths) > limits.max_line_bytes:
                at = line_no + next(i for i, n in enumerate(lengths) if n > limits.max_line_bytes)
                raise LimitExceeded(f"dòng {_n(at)} dài hơn {_n(limits.max_line_bytes >> 10)} KB, vượt giới hạn "
                                    "(CCHC_MAX_LINE_KB)")
            line_no += len(lengths) - 1
            current = lengths[-1]
            if line_no > limits.max_rows + 100:
                raise LimitExceeded(f"tệp có hơn {_n(limits.max_rows)} dòng (CCHC_MAX_ROWS); hãy chia tệp")
