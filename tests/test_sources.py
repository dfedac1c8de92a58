"""Every non-dossier source through the real loader, GX gate and dbt build, on generated sample files;
indicator values checked against tests/expected_other.py (plain Python over the generator's records)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.periods import parse_period
from cchc_warehouse.reference.targets import import_demo_config
from cchc_warehouse.sample.generate import generate_other, write_dirty_other
from cchc_warehouse.sources import get_source

from . import expected_other as ex

MONTHS = [date(2025, 5, 1), date(2025, 6, 1)]
YEARS = [2023, 2024]


def _load_tree(root: Path, sources: list[str] | None = None) -> list:
    """Load every file under root/<source>/<period>/ as the DAGs do."""
    results = []
    for folder in sorted(p for p in root.glob("*/*") if p.is_dir()):
        source, period = folder.parent.name, folder.name
        if sources and source not in sources:
            continue
        files = sorted(f for f in folder.iterdir() if f.is_file())
        results += load(source, files, parse_period(period, get_source(source).cadence))
    return results


def _rpt(period: str, unit: str) -> dict[str, tuple]:
    with connect() as conn:
        rows = conn.execute(
            """select indicator_code, numerator, denominator, round(value, 2)
                 from marts.rpt_indicator_value where period = %s and unit_code = %s""", (period, unit)).fetchall()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


@pytest.fixture(scope="module")
def warehouse(make_database, tmp_path_factory):
    url = make_database()
    import_demo_config()
    out = tmp_path_factory.mktemp("other")
    samples = generate_other(out, MONTHS, YEARS, seed=3)
    results = _load_tree(out)
    assert {r.status for r in results} == {"loaded"}, [(r.path.name, r.reasons) for r in results]
    assert build_and_publish()
    return {"url": url, "samples": samples, "results": results, "out": out}


def test_every_sample_file_loads_with_its_rows(warehouse):
    by_source: dict[str, int] = {}
    for r in warehouse["results"]:
        by_source[r.source] = by_source.get(r.source, 0) + r.rows_loaded
    s = warehouse["samples"]
    assert by_source == {
        "esign_stats": len(s.esign),
        "sipas_survey": len(s.sipas),
        "plan_tasks": sum(len(s.plan[d.year]) for d in s.plan_reports),
        "par_scores": sum(len(sheets) for sheets in s.par.values()) * 37,   # 37 criterion rows per sheet
        "par_national": len(s.national),
        "service_index_stats": len(s.service_index),
    }


@pytest.mark.parametrize("unit", ["12", "12.H02", "12.STP", "12.H02.X02"])
@pytest.mark.parametrize("period,months", [("2025-05", [MONTHS[0]]), ("2025-06", [MONTHS[1]]),
                                           ("2025-Q2", MONTHS), ("2025", MONTHS)])
def test_esign_rates(warehouse, use_database, unit, period, months):
    use_database(warehouse["url"])
    got = _rpt(period, unit)
    for code, (num, den, value) in ex.esign(warehouse["samples"].esign, unit, months).items():
        if den == 0:        # the commune without incoming figures in May: no row, not a zero
            assert code not in got
            continue
        assert got[code] == (num, den, value), code


@pytest.mark.parametrize("unit", ["12", "12.H02", "12.SXD"])
@pytest.mark.parametrize("period,months", [("2025-06", [MONTHS[1]]), ("2025-Q2", MONTHS)])
def test_sipas_elements_and_index(warehouse, use_database, unit, period, months):
    use_database(warehouse["url"])
    got = _rpt(period, unit)
    expected = ex.sipas(warehouse["samples"].sipas, unit, months)
    assert {k for k in got if k.startswith("SIPAS")} == set(expected)
    for code, (num, den, value) in expected.items():
        if code == "SIPAS_INDEX":
            assert (got[code][1], got[code][2]) == (den, value)
        else:
            assert got[code] == (num, den, value), code


def test_sipas_personal_columns_never_stored(warehouse, use_database):
    use_database(warehouse["url"])
    with connect() as conn:
        dropped = conn.execute("select distinct unnest(dropped_columns) from audit.source_file "
                               "where source = 'sipas_survey'").fetchall()
        text = conn.execute("select string_agg(t::text, ' ') from raw.sipas_survey t").fetchone()[0]
    assert {d[0] for d in dropped} == {"Họ và tên", "Số điện thoại"}
    assert "Người dân" not in text and " 09" not in text


@pytest.mark.parametrize("unit", ["12", "12.SNV", "12.H01"])
def test_plan_rates_as_of_the_report(warehouse, use_database, unit):
    use_database(warehouse["url"])
    s = warehouse["samples"]
    (as_of,) = s.plan_reports
    got = _rpt(f"{as_of:%Y-%m}", unit)
    for code, (num, den, value) in ex.plan(s.plan[as_of.year], unit, as_of).items():
        assert got[code] == (num, den, value), code
    # the quarter and the year take the latest report (a stock, not a flow)
    assert _rpt("2025-Q2", unit)["PLAN_TASKS_DONE_RATE"] == got["PLAN_TASKS_DONE_RATE"]


@pytest.mark.parametrize("year", YEARS)
def test_par_index_and_ranking_per_level(warehouse, use_database, year):
    use_database(warehouse["url"])
    sheets = warehouse["samples"].par[year]
    expected = {s.unit_code: ex.par_index(s) for s in sheets}
    with connect() as conn:
        rows = conn.execute(
            """select r.unit_code, r.points, r.applicable_max_points, r.index_rounded, r.par_rank, r.previous_rank,
                      r.is_first, r.is_last, r.band_label_vi
                 from marts.rpt_par_ranking r where r.score_year = %s""", (year,)).fetchall()
    got = {r[0]: r[1:] for r in rows}
    assert set(got) == set(expected)
    last_year = {s.unit_code: ex.par_index(s) for s in warehouse["samples"].par.get(year - 1, [])}
    for departments in (True, False):
        members = {u: p / m for u, (p, m) in expected.items() if (".S" in u) == departments}
        ranks = ex.competition_ranks(members)
        previous = ex.competition_ranks({u: p / m for u, (p, m) in last_year.items() if (".S" in u) == departments})
        for u in members:
            points, applicable = expected[u]
            assert got[u][0] == points and got[u][1] == applicable, u
            assert got[u][2] == ex.r2(points * 100 / applicable), u
            assert got[u][3] == ranks[u], u
            assert got[u][4] == previous.get(u), u       # None for a unit new this year (12.SNNMT in 2024)
            assert got[u][5] == (ranks[u] == 1) and got[u][6] == (ranks[u] == max(ranks.values())), u
            value = points * 100 / applicable
            band = "Tốt" if value >= 90 else "Khá" if value >= 80 else "Trung bình" if value >= 70 else "Yếu"
            assert got[u][7] == band, u


def test_districts_not_drafting_legal_documents_have_a_smaller_applicable_max(warehouse, use_database):
    use_database(warehouse["url"])
    with connect() as conn:
        maxes = dict(conn.execute(
            """select unit_code, denominator from marts.fct_indicator_value
                where indicator_code = 'PAR_AREA_2' and period_start = '2024-01-01'""").fetchall())
    assert maxes["12.H01"] == Decimal(6) and maxes["12.STP"] == Decimal(10)   # 2.1 (4 points) does not apply


def test_national_results_kept_as_published_and_inconsistency_flagged(warehouse, use_database):
    use_database(warehouse["url"])
    with connect() as conn:
        rows = conn.execute("""select result_year, province_name, published_index, published_rank, component_sum,
                                      is_inconsistent from marts.fct_par_national""").fetchall()
        warnings = conn.execute("select count(*) from audit.source_file where source = 'par_national' "
                                "and jsonb_array_length(warnings) = 1").fetchone()[0]
    national = {(r.year, r.province_name): r for r in warehouse["samples"].national}
    assert len(rows) == len(national)
    for year, name, index, rank, comp_sum, flagged in rows:
        src = national[(year, name)]
        assert (float(index), rank) == (src.index_value, src.rank)       # the published figures, untouched
        assert comp_sum == ex.r2(sum(Decimal(str(c)) for c in src.components))
        assert flagged == (abs(sum(Decimal(str(c)) for c in src.components) - Decimal(str(src.index_value)))
                           > Decimal("0.01"))
    assert sum(1 for r in rows if r[5]) == len(YEARS) == warnings       # one off-by-0.5 row per year


def test_targets_and_year_over_year(warehouse, use_database):
    use_database(warehouse["url"])
    with connect() as conn:
        rows = conn.execute(
            """select unit_code, value, target_value, target_met, previous_year_value, change_vs_previous_year
                 from marts.rpt_indicator_value
                where indicator_code = 'PAR_INDEX' and period = '2024'""").fetchall()
        commune = conn.execute(
            """select target_value from marts.rpt_indicator_value where indicator_code = 'ESIGN_WORKFILE_ONLINE_RATE'
                and period = '2025-06' and unit_code = '12.H02.X01'""").fetchone()[0]
    assert commune == Decimal(60)                    # the commune-level target of resolution 17/NQ-CP
    assert rows
    for unit, value, target, met, prev, change in rows:
        assert target == Decimal(80) and met == (value >= 80)
        assert (prev is None) == (unit == "12.SNNMT")
        if prev is not None:
            assert change == value - prev


def test_dirty_files_rejected_for_their_reason_and_nothing_published(warehouse, use_database, tmp_path):
    use_database(warehouse["url"])
    before = _rpt("2025-06", "12") | {f"y{k}": v for k, v in _rpt("2024", "12.STP").items()}
    dirty = write_dirty_other(tmp_path, MONTHS[1], YEARS[-1])
    for d in dirty:
        (r,) = load(d.source, [d.path], parse_period(d.period, get_source(d.source).cadence))
        assert r.status == "rejected", d.path.name
        assert any(d.message in reason for reason in r.reasons), (d.path.name, r.reasons)
        assert all(d.path.name in reason for reason in r.reasons)
    assert build_and_publish()
    after = _rpt("2025-06", "12") | {f"y{k}": v for k, v in _rpt("2024", "12.STP").items()}
    assert after == before


def test_a_corrected_file_updates_month_quarter_and_year_incrementally(warehouse, use_database, tmp_path):
    """A newer esign file for one unit and June: June, Q2 and 2025 change by exactly that unit's difference;
    May keeps its computed_at (not rebuilt)."""
    use_database(warehouse["url"])
    old = next(r for r in warehouse["samples"].esign if r.unit_code == "12.STP" and r.month == MONTHS[1])
    before = {p: _rpt(p, "12")["ESIGN_OUTGOING_SIGNED_RATE"] for p in ("2025-05", "2025-06", "2025-Q2", "2025")}
    assert build_and_publish()        # both generations (audit.mart_generation) now hold every file published so far
    path = tmp_path / "van_ban_12_STP_sua.csv"
    path.write_text("Mã đơn vị,Kỳ báo cáo,Tổng số văn bản đi,Văn bản đi được ký số\n12.STP,06/2025,1.000,990\n",
                    encoding="utf-8")
    (r,) = load("esign_stats", [path], MONTHS[1])
    assert r.status == "loaded", r.reasons
    publication = build_and_publish()
    assert publication
    d_num, d_den = 990 - old.outgoing_signed, 1000 - old.outgoing_total
    for period in ("2025-06", "2025-Q2", "2025"):
        num, den, _ = before[period]
        assert _rpt(period, "12")["ESIGN_OUTGOING_SIGNED_RATE"] == (num + d_num, den + d_den,
                                                                   ex.rate(num + d_num, den + d_den)), period
    assert _rpt("2025-05", "12")["ESIGN_OUTGOING_SIGNED_RATE"] == before["2025-05"]
    with connect() as conn:
        recomputed = set(conn.execute(
            """select distinct period_type, to_char(period_start, 'YYYY-MM') from marts.fct_indicator_value
                where computed_at >= (select started_at from audit.publication where publication_id = %s)""",
            (publication.publication_id,)).fetchall())
    assert recomputed == {("month", "2025-06"), ("quarter", "2025-04"), ("year", "2025-01")}
