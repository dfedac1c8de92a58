"""Biểu 06/VPCP/KSTT forms: loaded through the gate; indicators from the form where a unit sent no dossier
listing, from the listing where it sent both, and every column of both shown side by side in the
reconciliation report. Expected figures come from the simulated dossiers (generator records), not from the
warehouse."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.sample.generate import SUMMARY_UNITS, generate
from cchc_warehouse.sample.one_stop_summary import form_counts
from cchc_warehouse.sample.simulate import month_snapshot

from .expected import counts, newest_states, q2

MAY, JUNE = date(2025, 5, 1), date(2025, 6, 1)


def _form_totals(dossiers, month: date, unit: str, slip: bool) -> list[int]:
    """Columns (3)..(13) of the unit's form, summed over its fields; slip: the generator's deliberate slip
    (one online dossier of the first field written as in person) in every form but the first unit's."""
    per_field = form_counts([r for r in month_snapshot(dossiers, month) if r.dossier.unit.code == unit], month)
    if slip and per_field:
        first = per_field[sorted(per_field)[0]]
        if first[1] > 0:
            first[1] -= 1
            first[2] += 1
    return [sum(c[i] for c in per_field.values()) for i in range(11)]


@pytest.fixture(scope="module")
def warehouse(make_database, tmp_path_factory):
    url = make_database()
    out = tmp_path_factory.mktemp("summary")
    written, dossiers = generate(out, [MAY, JUNE], dossiers_per_month=400, seed=9, summary_units=SUMMARY_UNITS)
    forms = [w.path for w in written if "Biểu 06" in w.variant]
    listings = [w.path for w in written if "Biểu 06" not in w.variant and w.month == "2025-06"]
    results = load("one_stop_summary", forms) + load("one_stop_dossiers", listings, JUNE)   # May: forms only
    assert {r.status for r in results} == {"loaded"}, [(r.path.name, r.reasons) for r in results]
    assert build_and_publish()
    return {"url": url, "dossiers": dossiers}


def _rpt(unit: str, period: str) -> dict[str, tuple]:
    with connect() as conn:
        rows = conn.execute("""select indicator_code, numerator, denominator, round(value, 2), source
                                 from marts.rpt_indicator_value where unit_code = %s and period = %s""",
                            (unit, period)).fetchall()
    return {r[0]: r[1:] for r in rows}


@pytest.mark.parametrize("unit,slip", [("12.H01", False), ("12.STP", True)])
def test_units_with_only_a_form_report_the_forms_figures(warehouse, use_database, unit, slip):
    use_database(warehouse["url"])
    c = _form_totals(warehouse["dossiers"], MAY, unit, slip)
    got = _rpt(unit, "2025-05")
    assert got["OSS_RECEIVED"][:1] == (c[1] + c[2],)
    assert got["OSS_CARRIED_OVER"][0] == c[3] and got["OSS_RESOLVED"][0] == c[4]
    assert got["OSS_PENDING_OVERDUE"][0] == c[10]
    assert got["OSS_ONTIME_RATE"] == (c[5] + c[6], c[4], q2(c[5] + c[6], c[4]), "one_stop_summary")
    assert got["OSS_ONLINE_RATE"] == (c[1], c[1] + c[2], q2(c[1], c[1] + c[2]), "one_stop_summary")
    assert "OSS_ONLINE_PAYMENT_RATE" not in got          # the form has no fee columns


def test_province_sums_the_forms_when_nothing_else_was_sent(warehouse, use_database):
    use_database(warehouse["url"])
    h01 = _form_totals(warehouse["dossiers"], MAY, "12.H01", False)
    stp = _form_totals(warehouse["dossiers"], MAY, "12.STP", True)
    got = _rpt("12", "2025-05")
    assert got["OSS_RECEIVED"][0] == h01[1] + h01[2] + stp[1] + stp[2]
    assert got["OSS_RECEIVED"][3] == "one_stop_summary"


@pytest.mark.parametrize("unit,slip", [("12.H01", False), ("12.STP", True)])
def test_listing_wins_and_every_column_is_reconciled(warehouse, use_database, unit, slip):
    use_database(warehouse["url"])
    states = newest_states(warehouse["dossiers"], [JUNE])
    c = counts(states, JUNE, {unit})
    got = _rpt(unit, "2025-06")
    assert got["OSS_RECEIVED"] == (c["received"], None, Decimal(c["received"]), "one_stop_dossiers")
    listing = [c["received"] + c["carried_over"], c["online"], c["received"] - c["online"], c["carried_over"],
               c["resolved"], c["early"], c["on_time"], c["late"], c["pending"], c["pending"] - c["overdue"],
               c["overdue"]]
    form = _form_totals(warehouse["dossiers"], JUNE, unit, slip)
    with connect() as conn:
        rows = conn.execute(
            """select column_no, listing_value, form_value, difference from marts.rpt_one_stop_reconciliation
                where unit_code = %s and period = '2025-06' order by column_no""", (unit,)).fetchall()
    assert rows == [(n, lv, fv, fv - lv) for n, lv, fv in zip(range(3, 14), listing, form, strict=True)]
    if slip and form != _form_totals(warehouse["dossiers"], JUNE, unit, False):
        assert (rows[1][3], rows[2][3]) == (-1, 1)     # the slip: one online dossier written as in person
