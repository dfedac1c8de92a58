"""Units through the 1 July 2025 reorganisation, on the real reference data of the PyPI package
vietnamadminunits (loaded by `cchc units sync-national`): both eras, successors, code + validity keys, and the
gate refusing a code that is not valid in the file's period."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.reference.units import sync_national


@pytest.fixture(scope="module")
def registry(make_database):
    url = make_database(with_units=False)
    first = sync_national()
    second = sync_national()                     # idempotent: the same rows again, nothing added
    return {"url": url, "first": first, "second": second}


def _count(sql: str, *args) -> int:
    with connect() as conn:
        return conn.execute(sql, args).fetchone()[0]


def _valid_on(level: str, day: date) -> int:
    return _count("""select count(*) from ref.unit where level = %s
                      and daterange(valid_from, valid_to) @> %s::date""", level, day)


def test_both_eras_from_the_package(registry, use_database):
    use_database(registry["url"])
    assert registry["first"] == registry["second"]
    before, after = date(2025, 6, 30), date(2025, 7, 1)
    assert _valid_on("province", before) == 63 and _valid_on("province", after) == 34
    assert _valid_on("commune", after) == 3321
    assert 9_900 <= _valid_on("commune", before) <= 10_700       # "about 10,000"
    assert 650 <= _valid_on("district", before) <= 750 and _valid_on("district", after) == 0
    assert _count("select count(distinct provenance) from ref.unit") == 1
    assert _count("select count(*) from ref.unit where provenance = 'vietnamadminunits==1.0.4'") > 14_000


def _successors(old: str) -> set[tuple[str, str]]:
    with connect() as conn:
        return set(conn.execute(
            """select s.new_code, n.unit_name from ref.unit_successor s
                 join ref.unit n on n.unit_code = s.new_code and n.valid_from = s.new_valid_from
                where s.old_code = %s and s.old_valid_from = '1900-01-01'""", (old,)).fetchall())


@pytest.mark.parametrize("old,new", [
    ("17", ("25", "Tỉnh Phú Thọ")),          # Hòa Bình
    ("26", ("25", "Tỉnh Phú Thọ")),          # Vĩnh Phúc
    ("25", ("25", "Tỉnh Phú Thọ")),          # Phú Thọ
    ("30", ("31", "Thành phố Hải Phòng")),   # Hải Dương
    ("02", ("08", "Tỉnh Tuyên Quang")),      # Hà Giang
    ("12", ("12", "Tỉnh Lai Châu")),         # Lai Châu, unchanged
    ("95", ("96", "Tỉnh Cà Mau")),           # Bạc Liêu into Cà Mau
])
def test_province_successors(registry, use_database, old, new):
    use_database(registry["url"])
    assert _successors(old) == {new}


def test_new_phu_tho_has_exactly_its_three_predecessors(registry, use_database):
    use_database(registry["url"])
    with connect() as conn:
        olds = {r[0] for r in conn.execute(
            "select old_code from ref.unit_successor where new_code = '25' and new_valid_from = '2025-07-01' "
            "and old_code in (select unit_code from ref.unit where level = 'province')")}
    assert olds == {"17", "25", "26"}


def test_code_15_resolves_by_date(registry, use_database):
    use_database(registry["url"])

    def name(day: date) -> str:
        with connect() as conn:
            return conn.execute("""select unit_name from ref.unit where unit_code = '15'
                                    and daterange(valid_from, valid_to) @> %s::date""", (day,)).fetchone()[0]
    assert name(date(2025, 6, 30)) == "Tỉnh Yên Bái"
    assert name(date(2025, 7, 1)) == "Tỉnh Lào Cai"


def test_every_old_commune_has_one_default_successor(registry, use_database):
    use_database(registry["url"])
    assert _count("""select count(*) from ref.unit u where u.level = 'commune' and u.valid_to = '2025-07-01'
                      and (select count(*) filter (where s.is_default) from ref.unit_successor s
                            where s.old_code = u.unit_code and s.old_valid_from = u.valid_from) <> 1""") == 0
    split = _count("""select count(distinct old_code) from ref.unit_successor where not is_default""")
    assert split > 0                                  # communes split between several new ones exist


def _listing(path: Path, unit: str, month: date) -> Path:
    return _dossiers(path, [(f"HS-{unit}-1", unit, True)], month)


def test_gate_refuses_a_code_not_valid_in_the_period_and_names_its_successor(registry, use_database, tmp_path):
    use_database(registry["url"])
    june, july = date(2025, 6, 1), date(2025, 7, 1)
    ok = load("one_stop_dossiers", [_listing(tmp_path / "hd_06.csv", "30", june)], june)
    assert [r.status for r in ok] == ["loaded"], ok[0].reasons
    (late,) = load("one_stop_dossiers", [_listing(tmp_path / "hd_07.csv", "30", july)], july)
    assert late.status == "rejected"
    assert any("không có hiệu lực trong kỳ báo cáo" in m and "'30 → 31 Thành phố Hải Phòng'" in m
               for m in late.reasons), late.reasons
    (new_ok,) = load("one_stop_dossiers", [_listing(tmp_path / "hp_07.csv", "31", july)], july)
    assert new_ok.status == "loaded", new_ok.reasons
    with connect() as conn:
        new_commune = conn.execute(
            """select unit_code from ref.unit where valid_from = '2025-07-01' and level = 'commune'
                and unit_code not in (select unit_code from ref.unit where valid_to is not null)
              order by unit_code limit 1""").fetchone()[0]
    (early,) = load("one_stop_dossiers", [_listing(tmp_path / "xa_06.csv", new_commune, june)], june)
    assert early.status == "rejected" and any("không có hiệu lực" in m for m in early.reasons)


def test_a_province_csv_cannot_overlap_national_versions(registry, use_database, tmp_path):
    from cchc_warehouse.reference.units import UnitFileError, import_units

    use_database(registry["url"])
    path = tmp_path / "units.csv"
    path.write_text("unit_code,unit_name,level,parent_code\n12,UBND tỉnh Lai Châu,province,\n", encoding="utf-8")
    with pytest.raises(UnitFileError, match="chồng lên"):
        import_units(path)
    path.write_text("unit_code,unit_name,level,parent_code,valid_from\n12.SNV,Sở Nội vụ,department,12,2025-03-01\n",
                    encoding="utf-8")
    assert import_units(path) == 1


def _dossiers(path: Path, rows: list[tuple[str, str, bool]], month: date) -> Path:
    """rows: (dossier code, unit code, online?) all received on the 3rd, in progress."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Mã hồ sơ", "Mã đơn vị", "Mã TTHC", "Kênh nộp", "Ngày tiếp nhận", "Trạng thái"])
        for code, unit, online in rows:
            channel = "Trực tuyến" if online else "Trực tiếp"
            w.writerow([code, unit, "1.001", channel, f"03/{month:%m/%Y}", "Đang xử lý"])
    return path


def test_new_phu_tho_series_across_the_merger_equals_the_sum_of_its_parts(registry, use_database, tmp_path):
    """June 2025: Hòa Bình (17, and one of its communes), Vĩnh Phúc (26) and old Phú Thọ (25) report; July:
    new Phú Thọ (25). As reported, June shows the three old provinces; restated to today's units, new Phú
    Thọ's June is their sum and its online rate is recomputed from the summed parts."""
    from cchc_warehouse.marts.build import build_and_publish

    use_database(registry["url"])
    june, july = date(2025, 6, 1), date(2025, 7, 1)
    with connect() as conn:
        commune = conn.execute("""select u.unit_code from ref.unit u join ref.unit d on d.unit_code = u.parent_code
                                   where u.level = 'commune' and u.valid_to = '2025-07-01' and d.parent_code = '17'
                                   order by u.unit_code limit 1""").fetchone()[0]
    june_rows = [("HB-1", "17", True), ("HB-2", "17", True), ("HB-3", "17", False), ("HB-X", commune, True),
                 ("VP-1", "26", False), ("VP-2", "26", False), ("PT-1", "25", True), ("PT-2", "25", False),
                 ("PT-3", "25", False), ("PT-4", "25", False)]
    july_rows = [(f"PTM-{i}", "25", i < 3) for i in range(5)]
    results = load("one_stop_dossiers", [_dossiers(tmp_path / "t6.csv", june_rows, june)], june) + \
        load("one_stop_dossiers", [_dossiers(tmp_path / "t7.csv", july_rows, july)], july)
    assert [r.status for r in results] == ["loaded", "loaded"], [r.reasons for r in results]
    assert build_and_publish()

    def as_reported(unit: str, month: date) -> tuple:
        with connect() as conn:
            return conn.execute(
                """select unit_valid_from, numerator, denominator, round(value, 2) from marts.fct_indicator_value
                    where unit_code = %s and period_type = 'month' and period_start = %s
                      and indicator_code = 'OSS_ONLINE_RATE'""", (unit, month)).fetchone()

    def restated(unit: str, month: date) -> tuple:
        with connect() as conn:
            return conn.execute(
                """select numerator, denominator, round(value, 2), contributing_units
                     from marts.fct_indicator_value_restated
                    where unit_code = %s and period_type = 'month' and period_start = %s
                      and indicator_code = 'OSS_ONLINE_RATE'""", (unit, month)).fetchone()

    # as they were: three provinces in June (Hòa Bình's commune inside Hòa Bình), new Phú Thọ in July
    assert as_reported("17", june)[1:3] == (3, 4)
    assert as_reported("26", june)[1:3] == (0, 2)
    assert as_reported("25", june) == (date(1900, 1, 1), 1, 4, Decimal("25.00"))
    assert as_reported("25", july) == (date(2025, 7, 1), 3, 5, Decimal("60.00"))
    # restated to today's units: June = 3 + 0 + 1 online of 4 + 2 + 4 received = 4 / 10
    assert restated("25", june) == (4, 10, Decimal("40.00"), 4)
    assert restated("25", july)[:3] == (3, 5, Decimal("60.00"))
    assert restated("17", june) is None                   # Hòa Bình is not a unit today
    with connect() as conn:
        row = conn.execute(
            """select unit_name, numerator, denominator, value_rounded from marts.rpt_indicator_value_restated
                where unit_code = '25' and period = '2025-Q2' and indicator_code = 'OSS_RECEIVED'""").fetchone()
    assert row == ("Tỉnh Phú Thọ", 10, None, Decimal("10.00"))


def test_national_results_name_provinces_valid_in_their_year(registry, use_database, tmp_path):
    """2024 results name the 63 provinces of the time (codes found from the names); a 2024 row for a
    province that only exists from 2025 does not match, nor does a made-up one."""
    use_database(registry["url"])
    good = tmp_path / "kq_2024.csv"
    good.write_text("Năm,Tỉnh/Thành phố,Chỉ số (%),Xếp hạng\n2024,Hải Phòng,96.17,1\n2024,Hòa Bình,88.18,37\n"
                    "2024,TP Hồ Chí Minh,88.00,20\n", encoding="utf-8")
    (r,) = load("par_national", [good], date(2024, 1, 1))
    assert r.status == "loaded", r.reasons
    bad = tmp_path / "kq_2024_sai.csv"
    bad.write_text("Năm,Tỉnh/Thành phố,Chỉ số (%)\n2024,Hải Dương,88.1\n2024,Tỉnh Mới,80\n", encoding="utf-8")
    (r2,) = load("par_national", [bad], date(2024, 1, 1))
    assert r2.status == "rejected"
    (msg,) = [m for m in r2.reasons if "không có tỉnh, thành phố nào tên như vậy" in m]
    assert "dòng 3 ('Tỉnh Mới')" in msg and "Hải Dương" not in msg
    from cchc_warehouse.marts.build import build_and_publish

    assert build_and_publish()
    with connect() as conn:
        codes = dict(conn.execute("select province_name, province_code from staging.stg_par__national").fetchall())
    assert codes == {"Hải Phòng": "31", "Hòa Bình": "17", "TP Hồ Chí Minh": "79"}
