"""Expected indicator values of the non-dossier sources, computed from the sample generator's records in
plain Python (no SQL, nothing read back from the warehouse)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from cchc_warehouse.sample.esign_stats import EsignRecord
from cchc_warehouse.sample.par_scores import ParSheet, par_leaves
from cchc_warehouse.sample.plan_tasks import PlanTask, plan_status
from cchc_warehouse.sample.sipas_survey import SipasResponse

# Units below each unit in the demo registry (a unit counts itself).
BELOW = {
    "12": None,   # everything
    "12.H02": {"12.H02", "12.H02.X01", "12.H02.X02"},
    "12.H03": {"12.H03", "12.H03.X01", "12.H03.X02"},
}


def r2(x: Decimal | float | None) -> Decimal | None:
    return None if x is None else Decimal(str(x)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _mine(unit: str, code: str) -> bool:
    below = BELOW.get(unit, {unit})
    return below is None or code in below


def rate(num: int | float, den: int | float) -> Decimal | None:
    return None if den == 0 else r2(Decimal(str(num)) * 100 / Decimal(str(den)))


def esign(records: list[EsignRecord], unit: str, months: list[date]) -> dict[str, tuple]:
    rows = [r for r in records if r.month in months and _mine(unit, r.unit_code)]
    out = {}
    for code, part, total in (("ESIGN_OUTGOING_SIGNED_RATE", "outgoing_signed", "outgoing_total"),
                              ("ESIGN_INCOMING_ELECTRONIC_RATE", "incoming_electronic", "incoming_total"),
                              ("ESIGN_WORKFILE_ONLINE_RATE", "workfiles_online", "workfiles_total")):
        reported = [r for r in rows if getattr(r, total) is not None]
        num = sum(getattr(r, part) for r in reported)
        den = sum(getattr(r, total) for r in reported)
        out[code] = (num, den, rate(num, den))
    return out


def sipas(records: list[SipasResponse], unit: str, months: list[date]) -> dict[str, tuple]:
    sat: dict[str, int] = defaultdict(int)
    answered: dict[str, int] = defaultdict(int)
    for r in records:
        if r.surveyed_on.replace(day=1) not in months or not _mine(unit, r.unit_code):
            continue
        for q, score in r.answers.items():
            if score is None or q == "HL":
                continue
            answered[q[:2]] += 1
            sat[q[:2]] += score >= 4
    out = {f"SIPAS_ELEMENT_{e}": (sat[e], answered[e], rate(sat[e], answered[e])) for e in answered}
    element_rates = [Decimal(sat[e]) * 100 / Decimal(answered[e]) for e in answered]
    out["SIPAS_INDEX"] = (None, len(element_rates), r2(sum(element_rates) / len(element_rates)))
    return out


def plan(tasks: list[PlanTask], unit: str, as_of: date) -> dict[str, tuple]:
    mine = [t for t in tasks if _mine(unit, t.unit_code)]
    done = [t for t in mine if plan_status(t, as_of) in ("done", "done_late")]
    due = [t for t in mine if t.deadline < as_of]
    on_time = [t for t in due if t in done and t.done_on <= t.deadline]
    return {"PLAN_TASKS_DONE_RATE": (len(done), len(mine), rate(len(done), len(mine))),
            "PLAN_TASKS_ONTIME_RATE": (len(on_time), len(due), rate(len(on_time), len(due)))}


def par_index(sheet: ParSheet) -> tuple[Decimal, Decimal]:
    """(points, applicable max): appraised points where given, else self-assessed, else survey points
    (criteria scored by survey); N/A criteria excluded."""
    points, applicable = Decimal(0), Decimal(0)
    for code, mx in par_leaves().items():
        if code in sheet.not_applicable:
            continue
        applicable += Decimal(str(mx))
        if code in sheet.survey:
            got = sheet.survey[code]
        else:
            got = sheet.appraised[code] if sheet.appraised[code] is not None else sheet.self_points[code]
        points += Decimal(str(got))
    return points, applicable


def competition_ranks(values: dict[str, Decimal]) -> dict[str, int]:
    """1 + the number of units with a strictly higher value (ties share a rank: 1, 2, 2, 4)."""
    return {u: 1 + sum(1 for w in values.values() if w > v) for u, v in values.items()}
