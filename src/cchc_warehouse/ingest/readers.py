"""Opening source files: encoding detection and the first lines of a CSV (for layout detection), and
the rows of an XLSX as text cells (None for blank) read with python-calamine: date cells become ISO
text, whole numbers lose '.0'. CSV bodies are read by Arrow in the loader.

CSV: UTF-8 with or without BOM, or UTF-16 (Excel "Unicode text"); delimiter , ; or tab.
"""

from __future__ import annotations

import codecs
import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

from cchc_warehouse.textnorm import nfc

DELIMITERS = (",", ";", "\t")
CHUNK_CHARS = 1 << 20


class UnreadableFile(ValueError):
    pass


def is_xlsx(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == b"PK\x03\x04"


# Formats the contract does not take (sources.md: .xlsx and .csv), told apart by their first bytes
_NOT_TAKEN = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excel 97-2003 (.xls) hoặc Office cũ"),
    (b"%PDF", "PDF"),
    (b"<html", "trang HTML (tệp .xls xuất từ web thường là HTML)"),
    (b"<!doctype html", "trang HTML (tệp .xls xuất từ web thường là HTML)"),
    (b"<table", "bảng HTML (tệp .xls xuất từ web thường là HTML)"),
    (b"{\\rtf", "RTF"),
)


def refuse_unsupported(path: Path) -> None:
    """A clear error for a file in a format the contract does not take, before it is read as text."""
    if path.stat().st_size == 0:
        raise UnreadableFile("tệp rỗng (0 byte)")
    with open(path, "rb") as f:
        head = f.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for magic, what in _NOT_TAKEN:
        if head.startswith(magic.lower()):
            raise UnreadableFile(f"tệp là {what}, không phải .xlsx hoặc .csv: hãy mở bằng Excel và lưu lại dưới "
                                 "dạng .xlsx (Excel Workbook) hoặc .csv (UTF-8)")


def detect_encoding(path: Path) -> str:
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.count(b"\x00") > len(head) // 4:
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:   # not just a character cut at the end of the sample
            raise UnreadableFile(
                f"không đọc được mã ký tự (byte {exc.start}): tệp CSV phải là UTF-8 hoặc UTF-16"
            ) from None
    return "utf-8"


def _text_lines(path: Path, encoding: str) -> Iterator[str]:
    """Lines of the file, NFC-normalised chunk by chunk (chunks cut at a line end)."""
    with open(path, encoding=encoding, newline="") as f:
        carry = ""
        while True:
            try:
                chunk = f.read(CHUNK_CHARS)
            except UnicodeDecodeError as exc:
                raise UnreadableFile(f"không đọc được mã ký tự {encoding}: {exc.reason}") from None
            if not chunk:
                break
            chunk = carry + chunk
            cut = max(chunk.rfind("\n"), chunk.rfind("\r"))
            if cut < 0:
                carry = chunk
                continue
            carry = chunk[cut + 1:]
            yield from nfc(chunk[: cut + 1]).splitlines(keepends=True)
        if carry:
            yield nfc(carry)


def sample_lines(path: Path, encoding: str, n: int = 60) -> list[str]:
    return list(itertools.islice(_text_lines(path, encoding), n))


def _cell_text(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, str):
        return nfc(v) if v.strip() else None
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ") if (v.hour, v.minute, v.second) != (0, 0, 0) else v.date().isoformat()
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, dt.timedelta):   # calamine gives durations for time-only cells
        return str(v)
    return str(v)


def xlsx_sheet_names(path: Path) -> list[str]:
    from python_calamine import CalamineWorkbook

    try:
        return list(CalamineWorkbook.from_path(str(path)).sheet_names)
    except Exception as exc:
        raise UnreadableFile(f"không đọc được tệp Excel: {exc}") from None


def xlsx_rows(path: Path, sheet: int = 0) -> Iterator[list[str | None]]:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
        rows = wb.get_sheet_by_index(sheet).iter_rows()
    except Exception as exc:  # calamine raises its own error types for damaged files
        raise UnreadableFile(f"không đọc được tệp Excel: {exc}") from None
    for row in rows:
        yield [_cell_text(v) for v in row]
