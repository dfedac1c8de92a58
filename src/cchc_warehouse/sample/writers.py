"""Writing sample files as provinces' systems and people do: CSV in UTF-8 (with or without BOM) or UTF-16, any
delimiter, NFD text; or xlsx with Excel date cells. Same content, same bytes: a re-run of the demo is a no-op."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

FIXED_CREATED = datetime(2025, 1, 1)   # xlsx metadata otherwise stamps the time of writing


@dataclass
class Variant:
    name: str
    fmt: str = "csv"                       # csv | xlsx
    encoding: str = "utf-8"                # utf-8 | utf-8-sig | utf-16
    delimiter: str = ","
    headers: dict[str, str] = field(default_factory=dict)   # overrides of SPEC_HEADERS
    order: list[str] | None = None
    dates: str = "dmy"                     # dmy | dmy_time | dmy_dash | iso | excel
    codes: bool = False                    # status/channel/level as codes
    yes_no: tuple[str, str] = ("Có", "Không")
    nfd: bool = False
    personal: bool = False
    svc_columns: bool = False              # the optional columns of the Decision 766 counting
    extra_columns: dict[str, str] = field(default_factory=dict)   # header -> constant-ish value
    title: str | None = None               # 'month' | 'range' | None
    footer: bool = False
    blank_row_every: int = 0


def _text(cell: object, nfd: bool) -> str:
    if cell is None:
        return ""
    s = cell if isinstance(cell, str) else cell.strftime("%d/%m/%Y") if isinstance(cell, date) else str(cell)
    return unicodedata.normalize("NFD", s) if nfd else s


def write(path: Path, rows: list[list], v: Variant) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if v.fmt == "xlsx":
        import xlsxwriter

        wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        wb.set_properties({"created": FIXED_CREATED})   # same content, same bytes: a re-run is a no-op
        ws = wb.add_worksheet("Danh sách")
        fmt_dt = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
        fmt_d = wb.add_format({"num_format": "dd/mm/yyyy"})
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                if cell is None or cell == "":
                    continue
                if isinstance(cell, datetime):
                    ws.write_datetime(i, j, cell, fmt_dt)
                elif isinstance(cell, date):
                    ws.write_datetime(i, j, datetime(cell.year, cell.month, cell.day), fmt_d)
                else:
                    ws.write_string(i, j, _text(cell, v.nfd))
        wb.close()
        return
    with open(path, "w", encoding=v.encoding, errors="replace", newline="") as f:
        w = csv.writer(f, delimiter=v.delimiter, lineterminator="\r\n")
        for row in rows:
            w.writerow([_text(c, v.nfd) for c in row])
