"""Crafted hostile files, written byte by byte here (not with the project's writers): an xlsx is a zip of XML parts,
so a bomb or a far-corner cell is a few lines of XML streamed through zlib.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>')
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_TAIL = "</sheetData></worksheet>"


def column_letters(n: int) -> str:
    """1 -> A, 27 -> AA, 16384 -> XFD."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def row_xml(r: int, values: Iterable[tuple[int, str | int]]) -> str:
    """A row of inline-string and number cells: values are (1-based column, value)."""
    cells = []
    for c, v in values:
        ref = f"{column_letters(c)}{r}"
        if isinstance(v, int):
            cells.append(f'<c r="{ref}"><v>{v}</v></c>')
        else:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{_esc(v)}</t></is></c>')
    return f'<row r="{r}">{"".join(cells)}</row>'


def _workbook(path: Path, write_sheet, compresslevel: int) -> Path:
    """An xlsx of one sheet whose XML body `write_sheet(f)` streams between the sheet's head and tail."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(SHEET_HEAD.encode())
            write_sheet(f)
            f.write(SHEET_TAIL.encode())
    return path


def write_xlsx(path: Path, rows: Iterable[str]) -> Path:
    """An xlsx whose one sheet is the given <row> elements, streamed (a bomb never sits in memory)."""
    def body(f) -> None:
        buf: list[str] = []
        for row in rows:
            buf.append(row)
            if len(buf) >= 5000:
                f.write("".join(buf).encode())
                buf.clear()
        f.write("".join(buf).encode())
    return _workbook(path, body, compresslevel=9)


DOSSIER_HEADER = ["Mã hồ sơ", "Mã đơn vị", "Mã TTHC", "Kênh nộp", "Ngày tiếp nhận", "Trạng thái"]


def dossier_rows(n: int, start: int = 2) -> Iterator[str]:
    for i in range(n):
        yield row_xml(start + i, enumerate([f"HS-{i:08d}", "12.STP", "1.001", "Trực tuyến", "03/03/2025",
                                            "Đang xử lý"], start=1))


def far_corner_xlsx(path: Path) -> Path:
    """Eight dossiers and one stray cell at XFD1048576, the last cell of a sheet (the file is a few KB)."""
    rows = [row_xml(1, enumerate(DOSSIER_HEADER, start=1)), *dossier_rows(8),
            row_xml(1048576, [(16384, "x")])]
    return write_xlsx(path, rows)


def bomb_xlsx(path: Path, inflated_bytes: int = 2_100_000_000) -> Path:
    """The same dossier row over and over (rows without a number, as the format allows): a few MB on disk,
    `inflated_bytes` of XML once inflated."""
    row = ("<row>" + "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in
                             ["HS-1", "12.STP", "1.001", "Trực tuyến", "03/03/2025", "Đang xử lý"]) + "</row>")
    block = (row * 20_000).encode()

    def body(f) -> None:
        f.write(row_xml(1, enumerate(DOSSIER_HEADER, start=1)).encode())
        for _ in range(inflated_bytes // len(block)):
            f.write(block)
    return _workbook(path, body, compresslevel=1)


def long_line_csv(path: Path, line_bytes: int = 200 * 1024 * 1024) -> Path:
    """A header, one dossier, then one line of `line_bytes` bytes without a line break."""
    with open(path, "wb") as f:
        f.write((";".join(DOSSIER_HEADER) + "\n").encode())
        f.write("HS-1;12.STP;1.001;Trực tuyến;03/03/2025;Đang xử lý\n".encode())
        chunk = b"A" * (1 << 20)
        for _ in range(line_bytes // len(chunk)):
            f.write(chunk)
    return path


def many_columns_csv(path: Path, columns: int = 20_000) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        f.write(";".join(DOSSIER_HEADER + [f"Cột {i}" for i in range(columns)]) + "\n")
        first = ["HS-1", "12.STP", "1.001", "Trực tuyến", "03/03/2025", "Đang xử lý"]
        f.write(";".join(first + ["x"] * columns) + "\n")
    return path


def csv_with(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\n".join(lines).encode(encoding) + b"\n")
    return path
