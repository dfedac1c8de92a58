"""Right rows, plausible values.

- `source_row` is the row a person counts (a spreadsheet's row number: the header line is row 1), wherever an odd
  row falls: in the first read block, after several blocks, on the last line. The files have 100,000 rows (Arrow
  reads a CSV in 1 MiB blocks and reports odd rows while reading ahead), each row's dossier code spells its own row
  number (`L<row>`), so the expected numbers come from the file, not from the reader.
- A row with one extra cell is loaded in place; the file is rejected when the extra cell holds data (the message
  names the row as a person counts it); an unterminated quote that swallows the rest of the file is rejected
  naming the row where it starts.
- Implausible values are refused: dates in 1900 and 2100, returned or due before received, a national rank of 0.
  Returned before finished is a warning.
- `N/A`, `NULL`, `nan` are missing where a blank is allowed, reported as missing where the column is required,
  and never "no" in a yes/no column.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.ingest import batches
from cchc_warehouse.ingest.load import load
from cchc_warehouse.sample.generate import generate
from cchc_warehouse.sources import get_source

MONTH = date(2025, 3, 1)
ROWS = 100_000
SPEC = get_source("one_stop_dossiers")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a sample dossier listing (one unit, March 2025)."""
    landing = tmp_path_factory.mktemp("landing")
    generate(landing, [MONTH], dossiers_per_month=300, seed=7)
    path = next(p for p in sorted((landing / "one_stop_dossiers" / f"{MONTH:%Y-%m}").iterdir()) if p.suffix == ".csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def col(header: list[str], name: str) -> int:
    return next(i for i, h in enumerate(header) if " ".join(h.split()).lower() == name.lower())


def line(cells: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(cells)
    return buf.getvalue()


def listing(template, path: Path, rows: int = ROWS, edit=None) -> Path:
    """`rows` data rows (rows 2 .. rows+1); each row's dossier code is `L<row>`; edit(row, cells, text) -> text
    may change a row's cells or its line."""
    header, body = template
    code = col(header, "Mã hồ sơ")
    lines = [line(header)]
    for row in range(2, rows + 2):
        cells = list(body[row % len(body)])
        cells[code] = f"L{row}"
        text = line(cells)
        lines.append(edit(row, cells, text) if edit else text)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def numbers_and_codes(path: Path) -> list[tuple[int, str | None]]:
    fl = batches.read_layout(path, SPEC)
    code = next(i for i, c in fl.layout.columns.items() if c.name == "dossier_code")
    out = []
    for b in batches.csv_batches(path, fl):
        out += list(zip(b.numbers.to_pylist(), b.cells[code].to_pylist(), strict=True))
    return out


@pytest.mark.parametrize("odd_rows", [(7,), (50_000, 99_990), (30_000, 60_000, ROWS + 1), (2, 3, 90_000)],
                         ids=["first-block", "middle-and-near-end", "three-blocks-and-last", "first-rows"])
@pytest.mark.parametrize("kind", ["extra-cell", "short-row"])
def test_source_row_is_the_row_a_person_counts(template, tmp_path, odd_rows, kind):
    def edit(row, cells, text):
        if row not in odd_rows:
            return text
        return line(cells + ["EXTRA"]) if kind == "extra-cell" else line(cells[: len(cells) // 2])

    path = listing(template, tmp_path / "rows.csv", edit=edit)
    got = numbers_and_codes(path)
    assert len(got) == ROWS
    wrong = [(n, c) for n, c in got if c is not None and c != f"L{n}"]
    assert wrong == []
    if kind == "extra-cell":
        assert sorted(n for n, c in got) == list(range(2, ROWS + 2))


def test_an_extra_delimiter_deep_in_a_large_file_is_named_by_its_row(make_database, template, tmp_path):
    """One extra cell holding data on row 50,000: the file is rejected naming row 50,000 (not 49,999 or 50,001);
    the reason does not quote the row's other values."""
    make_database()
    path = listing(template, tmp_path / "ho_so_lech_2025_03.csv",
                   edit=lambda row, cells, text: line([*cells, "0912345616"]) if row == 50_000 else text)
    (result,) = load("one_stop_dossiers", [path], MONTH)
    assert result.status == "rejected"
    assert "dòng 50000" in reason(result) or "dòng 50.000" in reason(result), reason(result)
    assert "0912345616" not in reason(result)
    with connect() as conn:
        assert conn.execute("select count(*) from raw.one_stop_dossiers").fetchone()[0] == 0


def test_a_clean_large_file_keeps_every_row_number(make_database, template, tmp_path):
    make_database()
    path = listing(template, tmp_path / "ho_so_2025_03.csv")
    (result,) = load("one_stop_dossiers", [path], MONTH)
    assert result.status == "loaded", reason(result)
    with connect() as conn:
        wrong = conn.execute("select count(*) from raw.one_stop_dossiers where dossier_code <> 'L' || source_row"
                             ).fetchone()[0]
        total = conn.execute("select count(*) from raw.one_stop_dossiers").fetchone()[0]
    assert (total, wrong) == (ROWS, 0)


def test_an_unterminated_quote_is_named_where_it_starts(make_database, template, tmp_path):
    make_database()
    path = listing(template, tmp_path / "ho_so_ngoac_2025_03.csv", rows=2_000,
                   edit=lambda row, cells, text: text.replace(f"L{row}", f'"L{row}', 1) if row == 1_500 else text)
    (result,) = load("one_stop_dossiers", [path], MONTH)
    assert result.status == "rejected"
    assert "dòng 1500" in reason(result), reason(result)
    with connect() as conn:
        assert conn.execute("select count(*) from raw.one_stop_dossiers").fetchone()[0] == 0


def reason(result) -> str:
    return "; ".join(result.reasons)


# ---- plausible values (small files: 20 rows, one defect each) ----

SMALL = 20


def small(template, tmp_path, name, edit) -> Path:
    return listing(template, tmp_path / f"ho_so_{name}_2025_03.csv", rows=SMALL, edit=edit)


def set_cell(header, name, value, at_row=5):
    i = col(header, name)

    def edit(row, cells, text):
        if row != at_row:
            return text
        cells[i] = value
        return line(cells)
    return edit


@pytest.mark.parametrize(("column", "value", "expected"), [
    ("Ngày tiếp nhận", "01/03/1900", "ngày ngoài khoảng hợp lý"),
    ("Ngày hẹn trả", "01/03/2100", "ngày ngoài khoảng hợp lý"),
    ("Ngày kết thúc xử lý", "15/03/2100", "ngày ngoài khoảng hợp lý"),
    ("Ngày hẹn trả", "01/01/2025", "ngày hẹn trả trước ngày tiếp nhận"),
    ("Ngày trả kết quả", "01/01/2025", "ngày trả kết quả trước ngày tiếp nhận"),
    ("Trạng thái", "N/A", "thiếu"),          # a required column: N/A is missing
    ("Ngày tiếp nhận", "NULL", "thiếu"),
])
def test_implausible_values_are_refused(make_database, template, tmp_path, column, value, expected):
    make_database()
    header, _ = template
    path = small(template, tmp_path, "sai", set_cell(header, column, value))
    (result,) = load("one_stop_dossiers", [path], MONTH)
    assert result.status == "rejected", (column, value)
    assert expected in reason(result) and "dòng 5" in reason(result), reason(result)
    assert column in reason(result) or column.lower() in reason(result).lower(), reason(result)


def test_returned_before_finished_is_a_warning(make_database, template, tmp_path):
    make_database()
    header, body = template
    received, finished, returned = (col(header, h) for h in ("Ngày tiếp nhận", "Ngày kết thúc xử lý",
                                                               "Ngày trả kết quả"))

    def edit(row, cells, text):
        if row != 5:
            return text
        cells[received], cells[finished], cells[returned] = "2025-03-02", "2025-03-10", "2025-03-08"
        return line(cells)
    (result,) = load("one_stop_dossiers", [small(template, tmp_path, "tra_som", edit)], MONTH)
    assert result.status == "loaded", reason(result)
    assert any("ngày trả kết quả trước ngày kết thúc xử lý" in w and "dòng 5" in w for w in result.warnings), \
        result.warnings


@pytest.mark.parametrize("marker", ["N/A", "NULL", "nan", " n/a "])
def test_missing_markers_are_missing_where_blank_is_allowed(make_database, template, tmp_path, marker):
    """`Có phí, lệ phí` (yes/no) and `Ngày hẹn trả` (optional date) given as a marker: loaded, stored as missing
    (NULL), the text kept as written; the yes/no value is not 'no'."""
    make_database()
    header, _ = template
    fee, due = col(header, "Có phí, lệ phí"), col(header, "Ngày hẹn trả")

    def edit(row, cells, text):
        if row != 5:
            return text
        cells[fee] = cells[due] = marker
        return line(cells)
    (result,) = load("one_stop_dossiers", [small(template, tmp_path, "na", edit)], MONTH)
    assert result.status == "loaded", reason(result)
    with connect() as conn:
        got = conn.execute("select has_fee, has_fee_text, due_at, due_at_text from raw.one_stop_dossiers "
                           "where source_row = 5").fetchone()
        others = conn.execute("select count(*) from raw.one_stop_dossiers where source_row <> 5 and has_fee is null"
                              ).fetchone()[0]
    assert got == (None, marker, None, marker)
    assert others == 0           # blanks elsewhere still read as "no" (the x/blank convention)


def test_a_national_rank_of_zero_is_refused(make_database, tmp_path):
    make_database()
    path = tmp_path / "ket_qua_par_2024.csv"
    path.write_text("Năm,Tỉnh/Thành phố,Chỉ số (%),Xếp hạng\n"
                    "2024,Lai Châu,85.12,12\n"
                    "2024,Điện Biên,84.50,0\n", encoding="utf-8")
    (result,) = load("par_national", [path], date(2024, 1, 1))
    assert result.status == "rejected"
    assert "dòng 3" in reason(result) and "xếp hạng phải từ 1 đến 63" in reason(result), reason(result)


@pytest.mark.parametrize("at_row", [15_002, 80_000], ids=["first-block", "later-block"])
def test_a_byte_of_another_encoding_is_named_in_vietnamese(make_database, template, tmp_path, at_row):
    """A Windows-1258 byte in a UTF-8 file: rejected naming the row (counted from 1, header line included) and the
    column as headed, in Vietnamese (Arrow's own message says `In CSV column #16: Row #…`)."""
    make_database()
    path = listing(template, tmp_path / "ho_so_bang_ma_2025_03.csv")
    data = path.read_bytes().replace(f"L{at_row},".encode(), f"L{at_row}\xe9,".encode("latin-1"))
    path.write_bytes(data)
    (result,) = load("one_stop_dossiers", [path], MONTH)
    assert result.status == "rejected"
    text = reason(result)
    assert f"dòng {at_row}, cột 'Mã hồ sơ': có byte không phải UTF-8" in text, text
    assert "Row #" not in text and "column #" not in text
