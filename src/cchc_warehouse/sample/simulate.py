"""A seeded simulation of one-stop dossiers and of what each month's export shows.

`simulate()` returns every dossier with its whole life; `month_snapshot()` gives the rows a monthly
export shows: dossiers received by the month's end and not ended before its start, in their state at
the month's end. Tests compute expected indicators from these records, never from the warehouse.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources

from cchc_warehouse.periods import next_month
from cchc_warehouse.sample.catalogue import (
    BAN,
    COMMUNE_FIELDS,
    DEM,
    DEPARTMENT_FIELDS,
    DISTRICT_FIELDS,
    HO,
    LEVEL_WEIGHT,
    PROCEDURES,
    TEN,
    Procedure,
)


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    level: str
    parent: str | None


@dataclass
class Dossier:
    code: str
    unit: Unit
    procedure: Procedure
    channel: int                  # 1 in person, 2 online, 3 postal
    received: datetime
    due: date | None
    end: date | None              # day processing ended (resolved, withdrawn, refused, stopped)
    final_status: int             # status once ended: 10, 7, 3 or 8
    returned: date | None
    has_fee: bool
    paid_online: bool
    digitized: bool
    applicant_type: str
    applicant_name: str
    applicant_id: str
    applicant_phone: str
    applicant_address: str


@dataclass(frozen=True)
class ExportRow:
    """A dossier as one month's export shows it (state at the month's end)."""
    dossier: Dossier
    status: int
    finished: date | None
    returned: date | None


def demo_units() -> list[Unit]:
    text = resources.files("cchc_warehouse.reference").joinpath("units_lai_chau.csv").read_text("utf-8")
    return [Unit(r["unit_code"], r["unit_name"], r["level"], r["parent_code"] or None)
            for r in csv.DictReader(text.splitlines())]


def _month_end(m: date) -> date:
    nxt = next_month(m)
    return nxt - timedelta(days=1)


def _add_working_days(d: date, n: int) -> date:
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def _fields(unit: Unit) -> list[str]:
    if unit.level == "department":
        return DEPARTMENT_FIELDS.get(unit.code, [])
    return DISTRICT_FIELDS if unit.level == "district" else COMMUNE_FIELDS if unit.level == "commune" else []


def simulate(months: list[date], dossiers_per_month: int = 2000, seed: int = 2025) -> list[Dossier]:
    """Dossiers received from the month before the first one (so the first month has carry-over)."""
    rng = random.Random(seed)
    units = [u for u in demo_units() if _fields(u)]
    by_field: dict[str, list[Procedure]] = {}
    for p in PROCEDURES:
        by_field.setdefault(p.field, []).append(p)
    # Per-unit behaviour, stable across months.
    profile = {u.code: {"online": rng.uniform(0.30, 0.70), "ontime": rng.uniform(0.90, 0.99),
                        "digitized": rng.uniform(0.4, 0.9), "pay_online": rng.uniform(0.2, 0.8),
                        "procs": [p for f in _fields(u) for p in by_field[f]]} for u in units}
    weights = [LEVEL_WEIGHT[u.level] * rng.uniform(0.6, 1.4) for u in units]
    first = months[0]
    prev = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    out: list[Dossier] = []
    seq: dict[str, int] = {}
    for m in [prev, *months]:
        end = _month_end(m)
        n = dossiers_per_month if m != prev else dossiers_per_month // 2
        picks = rng.choices(units, weights=weights, k=n)
        days = [m + timedelta(days=i) for i in range((end - m).days + 1)]
        workdays = [d for d in days if d.weekday() < 5]
        for unit in picks:
            prof = profile[unit.code]
            proc = rng.choice(prof["procs"])
            recv_day = rng.choice(workdays)
            received = datetime(recv_day.year, recv_day.month, recv_day.day, rng.randint(7, 16), rng.randint(0, 59))
            r = rng.random()
            channel = 2 if r < prof["online"] else (3 if r < prof["online"] + 0.03 else 1)
            due = _add_working_days(recv_day, proc.days) if proc.days else None
            fate = rng.random()
            if fate < 0.006:                      # refused at reception
                status, end_day = 3, recv_day
            elif fate < 0.018:                    # withdrawn by the applicant
                status, end_day = 7, _add_working_days(recv_day, rng.randint(1, max(1, proc.days)))
            elif fate < 0.022:                    # processing stopped
                status, end_day = 8, _add_working_days(recv_day, rng.randint(1, max(1, proc.days)))
            else:
                status = 10
                if due is None:
                    end_day = recv_day
                elif rng.random() < prof["ontime"]:
                    # mostly early, about a fifth exactly on the due date
                    if rng.random() < 0.2:
                        end_day = due
                    else:
                        end_day = _add_working_days(recv_day, rng.randint(0, max(0, proc.days - 1)))
                else:
                    end_day = due + timedelta(days=rng.randint(1, 9))
            returned = end_day + timedelta(days=rng.choice((0, 0, 0, 1, 2))) if status == 10 else None
            seq[unit.code] = seq.get(unit.code, 0) + 1
            has_fee = proc.fee
            name = f"{rng.choice(HO)} {rng.choice(DEM)} {rng.choice(TEN)}"
            out.append(Dossier(
                code=f"{unit.code.replace('.', '')}-{m:%y%m}-{seq[unit.code]:06d}",
                unit=unit, procedure=proc, channel=channel, received=received, due=due, end=end_day,
                final_status=status, returned=returned, has_fee=has_fee,
                paid_online=has_fee and channel == 2 and rng.random() < prof["pay_online"] + 0.15,
                digitized=status == 10 and rng.random() < prof["digitized"],
                applicant_type="Công dân" if rng.random() < 0.85 else rng.choice(("Tổ chức", "Doanh nghiệp")),
                applicant_name=name,
                applicant_id=(f"0{rng.choice(('12', '11', '10'))}{rng.randint(0, 3)}"
                              f"{rng.randint(60, 99):02d}{rng.randint(0, 999999):06d}"),
                applicant_phone=f"0{rng.choice((3, 8, 9))}{rng.randint(10_000_000, 99_999_999)}",
                applicant_address=f"{rng.choice(BAN)}, {unit.name.replace('UBND ', '')}, tỉnh Lai Châu",
            ))
    return out


def month_snapshot(dossiers: list[Dossier], month: date) -> list[ExportRow]:
    start, end = month, _month_end(month)
    rows = []
    for d in dossiers:
        if d.received.date() > end or (d.end is not None and d.end < start):
            continue
        if d.end is not None and d.end <= end:
            returned = d.returned if d.returned and d.returned <= end else None
            status = d.final_status if d.final_status != 10 else (10 if returned else 9)
            rows.append(ExportRow(d, status, d.end, returned))
        else:
            rows.append(ExportRow(d, 4, None, None))
    return rows
