"""Generated files for two months through the real Postgres, GX gate and dbt build; indicator values
checked against numbers computed here from the generator's records (tests/expected.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.sample.generate import generate
from cchc_warehouse.sample.one_stop_dossiers import DIRTY
from cchc_warehouse.sample.simulate import month_snapshot

from .expected import counts, indicators, newest_states

MONTHS = [date(2025, 1, 1), date(2025, 2, 1)]
SOURCE = "one_stop_dossiers"


def _files(written, month: date, dirty: bool = False) -> list[Path]:
    return [w.path for w in written if w.month == f"{month:%Y-%m}" and bool(w.dirty_reason) == dirty]


def _rpt(unit: str | None = None) -> dict[tuple, tuple]:
    with connect() as conn:
        rows = conn.execute(
            """select unit_code, period, indicator_code, numerator, denominator, round(value, 2)
                 from marts.rpt_indicator_value where %s::text is null or unit_code = %s""", (unit, unit)
        ).fetchall()
    return {(r[0], r[1], r[2]): (r[3], r[4], r[5]) for r in rows}


@pytest.fixture(scope="module")
def warehouse(make_database, tmp_path_factory):
    url = make_database()
    out = tmp_path_factory.mktemp("sample")
    written, dossiers = generate(out, MONTHS, dossiers_per_month=600, dirty=True, seed=7)
    first = load(SOURCE, _files(written, MONTHS[0]), MONTHS[0])
    assert [r.status for r in first] == ["loaded"] * 5, [r.reasons for r in first]
    assert build_and_publish()
    second = load(SOURCE, _files(written, MONTHS[1]), MONTHS[1])
    assert [r.status for r in second] == ["loaded"] * 5, [r.reasons for r in second]
    assert build_and_publish()
    return {"url": url, "written": written, "dossiers": dossiers, "out": out}


UNITS = {
    "12": None,                                           # province: every unit
    "12.H02": {"12.H02", "12.H02.X01", "12.H02.X02"},     # district with its communes
    "12.H03.X01": {"12.H03.X01"},                         # a commune (UTF-16 file)
    "12.SNNMT": {"12.SNNMT"},                             # a department (xlsx)
    "12.H05": {"12.H05"},                                 # district in the ISO-date, shuffled file
}


@pytest.mark.parametrize("month", MONTHS, ids=lambda m: f"{m:%Y-%m}")
@pytest.mark.parametrize("unit", sorted(UNITS))
def test_indicators_match_independent_computation(warehouse, use_database, month, unit):
    use_database(warehouse["url"])
    dossiers = warehouse["dossiers"]
    all_units = {d.unit.code for d in dossiers}
    states = newest_states(dossiers, MONTHS)          # both months are loaded: newest = February's rows
    expected = indicators(counts(states, month, UNITS[unit] or all_units))
    actual = _rpt(unit)
    period = f"{month:%Y-%m}"
    # the one-stop indicators (the QĐ 766 values a listing also gives are checked in test_service_index)
    assert {k[2] for k in actual if k[1] == period and not k[2].startswith("SVC766_")} == set(expected)
    for code, (num, den, value) in expected.items():
        got = actual[(unit, period, code)]
        assert (got[0], got[1]) == (Decimal(num), None if den is None else Decimal(den)), code
        assert got[2] == value, code


def test_some_dossiers_are_carried_over_and_indicators_are_plausible(warehouse, use_database):
    use_database(warehouse["url"])
    rpt = _rpt("12")
    assert rpt[("12", "2025-01", "OSS_CARRIED_OVER")][0] > 0
    assert rpt[("12", "2025-02", "OSS_CARRIED_OVER")][0] > 0
    assert Decimal(85) <= rpt[("12", "2025-01", "OSS_ONTIME_RATE")][2] <= 100
    assert Decimal(25) <= rpt[("12", "2025-01", "OSS_ONLINE_RATE")][2] <= 75


def test_fact_rows_trace_back_to_file_and_row(warehouse, use_database):
    use_database(warehouse["url"])
    with connect() as conn:
        row = conn.execute(
            """select d.dossier_code, f.file_name, f.sha256, r.source_row, r.dossier_code
                 from marts.fct_dossier d
                 join audit.source_file f on f.file_id = d.source_file_id
                 join raw.one_stop_dossiers r on r.file_id = d.source_file_id and r.source_row = d.source_row
                where f.file_name like 'ho_so_tp_lai_chau%%' order by d.dossier_code limit 1""").fetchone()
    code, file_name, sha, source_row, raw_code = row
    assert raw_code == code
    # the row number is the one a person sees in the file: count records in the actual CSV
    import csv
    path = next(w.path for w in warehouse["written"] if w.path.name == file_name)
    with open(path, encoding="utf-8-sig", newline="") as f:
        records = list(csv.reader(f, delimiter=";"))
    import unicodedata
    assert unicodedata.normalize("NFC", records[source_row - 1][0]) == code
    # every record below the header is either loaded or listed as skipped (blank line, footer)
    with connect() as conn:
        header_row, skipped, loaded = conn.execute(
            "select header_row, skipped_rows, rows_loaded from audit.source_file where file_name = %s",
            (file_name,)).fetchone()
    # data records start with a dossier code of the demo province ("12H01-…"); the rest is blank or footer
    assert skipped == [n for n in range(header_row + 1, len(records) + 1)
                       if not (records[n - 1] and records[n - 1][0].startswith("12"))]
    assert loaded + len(skipped) == len(records) - header_row


def test_dirty_files_rejected_for_their_reason_and_marts_unchanged(warehouse, use_database):
    use_database(warehouse["url"])
    before = _rpt()
    dirty = _files(warehouse["written"], MONTHS[0], dirty=True)
    assert len(dirty) == len(DIRTY)
    results = load(SOURCE, dirty, MONTHS[0])
    for r in results:
        reason = DIRTY[r.path.stem.removeprefix("loi_")]
        assert r.status == "rejected", r.path.name
        assert any(reason in msg and r.path.name in msg for msg in r.reasons), (r.path.name, r.reasons)
    assert build_and_publish()
    assert _rpt() == before
    with connect() as conn:
        stored = conn.execute(
            "select count(*) from audit.source_file where status = 'rejected' and jsonb_array_length(reasons) > 0"
        ).fetchone()[0]
        archived = conn.execute("select archive_path from audit.source_file where status = 'rejected'").fetchall()
    assert stored == len(DIRTY)
    from upath import UPath
    assert all(UPath(a).exists() for (a,) in archived)         # rejected files are kept
    from cchc_warehouse.reporting.docs import gx_data_docs
    index = gx_data_docs()                                       # data docs for auditors
    assert index.exists()


def test_row_level_errors_name_file_row_and_column(warehouse, use_database):
    use_database(warehouse["url"])
    with connect() as conn:
        (reasons,) = conn.execute(
            "select reasons from audit.source_file where file_name = 'loi_ngay_thang_truoc.csv'").fetchone()
    # 4 title rows, the header on row 5; the generator puts the month-first date on the 5th data row
    assert reasons == ["Tệp loi_ngay_thang_truoc.csv, cột 'Ngày tiếp nhận': ngày tiếp nhận (dd/mm/yyyy hoặc "
                       "yyyy-mm-dd) không đọc được: dòng 10 ('01/31/2025')"]


def test_same_file_twice_and_rerun_give_identical_results(warehouse, use_database):
    use_database(warehouse["url"])
    before = _rpt()
    with connect() as conn:
        n_files = conn.execute("select count(*) from audit.source_file").fetchone()[0]
        n_raw = conn.execute("select count(*) from raw.one_stop_dossiers").fetchone()[0]
    again = load(SOURCE, _files(warehouse["written"], MONTHS[1]), MONTHS[1])
    assert {r.status for r in again} == {"duplicate"}
    assert build_and_publish()
    assert build_and_publish(full_refresh=True)
    assert _rpt() == before
    with connect() as conn:
        assert conn.execute("select count(*) from audit.source_file").fetchone()[0] == n_files
        assert conn.execute("select count(*) from raw.one_stop_dossiers").fetchone()[0] == n_raw


def test_no_personal_value_anywhere_in_the_database(warehouse, use_database):
    use_database(warehouse["url"])
    personal = set()
    for m in MONTHS:
        for row in month_snapshot(warehouse["dossiers"], m):
            d = row.dossier
            if d.unit.code in {"12.H01", "12.H02", "12.H02.X01", "12.H02.X02"} | {
                    "12.STP", "12.SNNMT", "12.SXD", "12.STC", "12.SYT", "12.SGDDT", "12.SNV", "12.H06", "12.H07"}:
                personal |= {d.applicant_id, d.applicant_phone, d.applicant_name}
    assert len(personal) > 500
    with connect() as conn:
        # every stored text value (base tables: views only show what tables hold), each distinct value once
        cols = conn.execute(
            """select c.table_schema, c.table_name, c.column_name from information_schema.columns as c
                 join information_schema.tables as t using (table_schema, table_name)
                where c.table_schema in ('raw', 'audit', 'ref', 'staging', 'intermediate', 'marts')
                  and t.table_type = 'BASE TABLE'
                  and c.data_type in ('text', 'character varying', 'jsonb', 'ARRAY')""").fetchall()
        conn.execute("create temp table needles (v text primary key)")
        with conn.cursor().copy("copy needles (v) from stdin") as cp:
            for v in personal:
                cp.write_row((v,))
        hits = []
        for schema, table, col in cols:
            q = (f'select count(*) from (select distinct t."{col}"::text as v from "{schema}"."{table}" as t) as d '
                 f'join needles n on position(n.v in d.v) > 0')
            if conn.execute(q).fetchone()[0]:
                hits.append(f"{schema}.{table}.{col}")
    assert hits == []
