"""Unit names matched to codes: a file naming its units without codes gets the code of the one unit valid in
the period with that name (after normalising case, accents and 'UBND', 'huyện', 'thành phố'...); a missing or
ambiguous name, or a name that disagrees with its code, rejects the file with the candidates listed."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.loader import load
from cchc_warehouse.textnorm import unit_name_key

JUNE = date(2025, 6, 1)


@pytest.mark.parametrize("name,key", [
    ("UBND huyện Tam Đường", "tam duong"), ("Huyện  Tam-Đường", "tam duong"), ("TAM ĐƯỜNG", "tam duong"),
    ("UBND thành phố Lai Châu", "lai chau"), ("Tỉnh Lai Châu", "lai chau"), ("Sở Tư pháp", "so tu phap"),
    ("Ủy ban nhân dân xã Bản Giang", "ban giang"), ("Thị xã Phú Thọ", "phu tho"), ("Phường Bình Lư", "binh lu"),
])
def test_unit_name_key(name, key):
    assert unit_name_key(name) == key


@pytest.fixture(scope="module")
def db(make_database):
    return make_database()


def _file(path: Path, rows: list[tuple[str | None, str]]) -> Path:
    """rows: (unit code or None for a file without a code column, unit name)."""
    with_code = any(code is not None for code, _ in rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Mã hồ sơ", *(["Mã đơn vị"] if with_code else []), "Đơn vị xử lý", "Mã TTHC", "Kênh nộp",
                    "Ngày tiếp nhận", "Trạng thái"])
        for i, (code, name) in enumerate(rows):
            w.writerow([f"{path.stem}-{i}", *([code] if with_code else []), name, "1.001", "Trực tiếp", "03/06/2025",
                        "Đang xử lý"])
    return path


def test_names_only_file_gets_codes(db, use_database, tmp_path):
    use_database(db)
    (r,) = load("one_stop_dossiers", [_file(tmp_path / "ten.csv", [(None, "Huyện Tam Đường"),
                                                                     (None, "UBND xã Bản Giang")])], JUNE)
    assert r.status == "loaded", r.reasons
    with connect() as conn:
        codes = [row[0] for row in conn.execute(
            "select unit_code from raw.one_stop_dossiers where file_id = %s order by source_row", (r.file_id,))]
        header, units = conn.execute("select header_map ->> 'unit_code', unit_codes from audit.source_file "
                                     "where file_id = %s", (r.file_id,)).fetchone()
    assert codes == ["12.H02", "12.H02.X02"]
    assert units == ["12.H02", "12.H02.X02"] and header == "(theo tên, cột 'Đơn vị xử lý')"


def test_unknown_and_ambiguous_names_are_rejected_with_candidates(db, use_database, tmp_path):
    use_database(db)
    (r,) = load("one_stop_dossiers", [_file(tmp_path / "mo_ho.csv", [(None, "Lai Châu"), (None, "Huyện Không Có"),
                                                                       (None, "Huyện Sìn Hồ")])], JUNE)
    assert r.status == "rejected"
    (msg,) = [m for m in r.reasons if "không xác định được mã đơn vị từ tên" in m]
    assert "dòng 2 ('Lai Châu: 12 UBND tỉnh Lai Châu, 12.H01 UBND thành phố Lai Châu')" in msg
    assert "dòng 3 ('Huyện Không Có: không có đơn vị nào')" in msg
    assert "Sìn Hồ" not in msg                                   # resolved: 12.H04


def test_a_name_disagreeing_with_its_code_is_rejected(db, use_database, tmp_path):
    use_database(db)
    (ok,) = load("one_stop_dossiers", [_file(tmp_path / "khop.csv", [("12.H02", "Huyện Tam Đường")])], JUNE)
    assert ok.status == "loaded", ok.reasons
    (bad,) = load("one_stop_dossiers", [_file(tmp_path / "lech.csv", [("12.H02", "UBND huyện Phong Thổ")])], JUNE)
    assert bad.status == "rejected"
    assert any("tên đơn vị không khớp mã đơn vị" in m and "tên này ứng với 12.H03 UBND huyện Phong Thổ" in m
               for m in bad.reasons), bad.reasons
