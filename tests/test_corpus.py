"""The corpus of tests/corpus/: files shaped after real provincial exports and templates, written by a script
that does not import the project (tests/corpus/make_corpus.py), each with its outcome, rows, keys and indicator
values worked out by hand from the spec (tests/corpus/expected.yaml, arithmetic in its comments). Everything is
loaded into one warehouse, as the monthly and yearly jobs would, built, and compared."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from psycopg import sql

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.periods import parse_period
from cchc_warehouse.sources import get_source

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
LOADED = [e for e in EXPECTED if e["outcome"] == "loaded"]
REJECTED = [e for e in EXPECTED if e["outcome"] == "rejected"]
INDICATORS = [(e["file"], i) for e in LOADED for i in e["indicators"]]
# Lead units named in the unit column ('Đơn vị chủ trì: Sở Nội vụ'): resolved once names are matched in code
# columns too.
PENDING: set[str] = set()


def _pending(file: str) -> None:
    if file in PENDING:
        pytest.xfail("unit names in a unit-code column are not matched yet")


def test_corpus_is_large_and_covers_every_source():
    assert len(EXPECTED) >= 25
    assert {e["source"] for e in LOADED} == {"one_stop_dossiers", "one_stop_summary", "esign_stats",
                                            "sipas_survey", "plan_tasks", "par_scores", "par_national"}
    assert all((CORPUS / e["file"]).is_file() and e["origin"] for e in EXPECTED)


@pytest.fixture(scope="module")
def warehouse(make_database):
    url = make_database()
    results = {}
    for e in EXPECTED:
        spec = get_source(e["source"])
        period = parse_period(str(e["period"]), spec.cadence) if e.get("period") else None
        given = {"unit_code": e["unit"]} if e.get("unit") else None
        (r,) = load(e["source"], [CORPUS / e["file"]], period, given=given)
        results[e["file"]] = r
    assert build_and_publish()
    return {"url": url, "results": results}


@pytest.mark.parametrize("entry", LOADED, ids=[e["file"] for e in LOADED])
def test_file_loads_its_rows(warehouse, use_database, entry):
    use_database(warehouse["url"])
    _pending(entry["file"])
    r = warehouse["results"][entry["file"]]
    assert r.status == "loaded", r.reasons
    spec = get_source(entry["source"])
    key = "row_label" if spec.keep_totals else spec.column(spec.key_column).text_name     # as written in the file
    data_rows = "not is_total" if spec.keep_totals else "true"
    with connect() as conn:
        keys = [k for (k,) in conn.execute(
            sql.SQL("select {} from {} where file_id = %s and {} order by source_sheet nulls first, source_row").format(
                sql.Identifier(key), sql.SQL(f"{spec.raw_table}_typed"), sql.SQL(data_rows)), (r.file_id,))]
    assert len(keys) == entry["rows"]
    # a workbook with one sheet per unit repeats its criterion codes: the keys are listed once
    assert sorted(set(map(str, keys))) == sorted(set(map(str, entry["keys"])))


@pytest.mark.parametrize("entry", REJECTED, ids=[e["file"] for e in REJECTED])
def test_file_is_rejected_naming_file_row_and_column(warehouse, use_database, entry):
    r = warehouse["results"][entry["file"]]
    assert r.status == "rejected"
    reason = entry["reason"]
    messages = [m for m in r.reasons if reason["contains"] in m]
    assert messages, r.reasons
    msg = messages[0]
    assert Path(entry["file"]).name in msg
    if reason.get("row") is not None:
        assert re.search(rf"dòng {reason['row']}\b", msg), msg
    if reason.get("column"):
        assert reason["column"] in msg, msg


def _dec(v) -> Decimal | None:
    return None if v is None else Decimal(str(v))


@pytest.mark.parametrize("file, ind", INDICATORS, ids=[f"{f}:{i['unit']}:{i['period']}:{i['code']}"
                                                       for f, i in INDICATORS])
def test_hand_worked_indicator(warehouse, use_database, file, ind):
    use_database(warehouse["url"])
    _pending(file)
    with connect() as conn:
        row = conn.execute(
            """select numerator, denominator, round(value, 2) from marts.rpt_indicator_value
                where unit_code = %s and period = %s and indicator_code = %s""",
            (ind["unit"], str(ind["period"]), ind["code"])).fetchone()
    want = (_dec(ind["numerator"]), _dec(ind["denominator"]), _dec(ind["value"]))
    if want == (None, None, None):          # a figure the file left blank: no value at all (missing is not 0)
        assert row is None, row
        return
    assert row is not None, f"no value for {ind}"
    numerator, denominator, value = row
    # parts the hand-worked oracle leaves open (SIPAS_INDEX's numerator, a published index's parts) are the
    # warehouse's convention: compared where given
    if want[0] is not None:
        assert numerator == want[0]
    if want[1] is not None:
        assert denominator == want[1]
    assert value == want[2]
