"""Unit names matched to codes: a file naming its units without codes gets the code of the one unit valid in
the period with that name (after normalising case, accents and 'UBND', 'huyện', 'thành phố'...); a missing or
ambiguous name, or a name that disagrees with its code, rejects the file with the candidates listed."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
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
            "select unit_code from raw.one_stop_dossiers_typed where file_id = %s order by source_row", (r.file_id,))]
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


def test_import_from_a_date_keeps_history_of_renamed_and_reparented_units(db, use_database, tmp_path):
    """1 March 2025: Sở Nội vụ renamed, commune Bình Lư moved under Phong Thổ, a new department; the others
    unchanged. Old versions end on 1 March; reports before it still see the old name and parent."""
    from cchc_warehouse.reference.units import import_units

    use_database(db)
    path = tmp_path / "thay_doi.csv"
    path.write_text("unit_code,unit_name,level,parent_code\n"
                    "12.SNV,Sở Nội vụ (sau hợp nhất),department,12\n"
                    "12.H02.X01,UBND xã Bình Lư,commune,12.H03\n"
                    "12.STP,Sở Tư pháp,department,12\n"
                    "12.SDT,Sở Dân tộc và Tôn giáo,department,12\n", encoding="utf-8")
    assert import_units(path, date(2025, 3, 1)) == 3
    assert import_units(path, date(2025, 3, 1)) == 0                     # again: nothing changed
    with connect() as conn:
        versions = conn.execute(
            """select unit_code, valid_from, valid_to, unit_name, parent_code from ref.unit
                where unit_code in ('12.SNV', '12.H02.X01', '12.STP', '12.SDT') order by 1, 2""").fetchall()
    epoch, march = date(1900, 1, 1), date(2025, 3, 1)
    assert versions == [
        ("12.H02.X01", epoch, march, "UBND xã Bình Lư", "12.H02"),
        ("12.H02.X01", march, None, "UBND xã Bình Lư", "12.H03"),
        ("12.SDT", march, None, "Sở Dân tộc và Tôn giáo", "12"),
        ("12.SNV", epoch, march, "Sở Nội vụ", "12"),
        ("12.SNV", march, None, "Sở Nội vụ (sau hợp nhất)", "12"),
        ("12.STP", epoch, None, "Sở Tư pháp", "12"),
    ]
