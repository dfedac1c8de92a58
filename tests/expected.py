"""Expected one-stop indicators computed from the sample generator's records, independently of the
warehouse (plain Python over the simulated dossiers and what each month's export shows)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from cchc_warehouse.sample.simulate import Dossier, ExportRow, month_snapshot


def month_end(m: date) -> date:
    return (m.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def newest_states(dossiers: list[Dossier], months: list[date]) -> dict[str, ExportRow]:
    """Each dossier as the latest loaded month's export shows it."""
    state: dict[str, ExportRow] = {}
    for m in months:
        for row in month_snapshot(dossiers, m):
            state[row.dossier.code] = row
    return state


def counts(states: dict[str, ExportRow], month: date, units: set[str]) -> dict[str, int]:
    start, end = month, month_end(month)
    c: dict[str, int] = defaultdict(int)
    for row in states.values():
        d = row.dossier
        if d.unit.code not in units:
            continue
        received = d.received.date()
        ended = row.finished if row.finished else (received if row.status in (3, 7, 8) else None)
        if received > end or (ended is not None and ended < start):
            continue
        resolved = row.status in (9, 10) and row.finished is not None and start <= row.finished <= end
        pending = ended is None or ended > end
        if received >= start:
            c["received"] += 1
            c["online"] += d.channel == 2
            if d.has_fee:
                c["fee"] += 1
                c["fee_online"] += d.paid_online
        else:
            c["carried_over"] += 1
        if resolved:
            c["resolved"] += 1
            if d.due is None or row.finished == d.due:
                c["on_time"] += 1
            elif row.finished < d.due:
                c["early"] += 1
            else:
                c["late"] += 1
            c["digitized"] += d.digitized and row.status in (9, 10)
            c["days"] += (row.finished - received).days
        if pending:
            c["pending"] += 1
            c["overdue"] += d.due is not None and d.due < end
    return c


def q2(num: int, den: int, scale: int = 100) -> Decimal | None:
    if den == 0:
        return None
    return (Decimal(num * scale) / Decimal(den)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def indicators(c: dict[str, int]) -> dict[str, tuple[int, int | None, Decimal | None]]:
    """indicator -> (numerator, denominator, value rounded to 2 decimals)."""
    out: dict[str, tuple[int, int | None, Decimal | None]] = {}
    for code, key in [("OSS_RECEIVED", "received"), ("OSS_CARRIED_OVER", "carried_over"),
                      ("OSS_RESOLVED", "resolved"), ("OSS_RESOLVED_EARLY", "early"),
                      ("OSS_RESOLVED_ON_TIME", "on_time"), ("OSS_RESOLVED_LATE", "late"),
                      ("OSS_PENDING", "pending"), ("OSS_PENDING_OVERDUE", "overdue")]:
        out[code] = (c[key], None, Decimal(c[key]).quantize(Decimal("0.01")))
    out["OSS_ONTIME_RATE"] = (c["early"] + c["on_time"], c["resolved"], q2(c["early"] + c["on_time"], c["resolved"]))
    out["OSS_ONLINE_RATE"] = (c["online"], c["received"], q2(c["online"], c["received"]))
    out["OSS_ONLINE_PAYMENT_RATE"] = (c["fee_online"], c["fee"], q2(c["fee_online"], c["fee"]))
    out["OSS_DIGITIZED_RESULT_RATE"] = (c["digitized"], c["resolved"], q2(c["digitized"], c["resolved"]))
    out["OSS_AVG_RESOLUTION_DAYS"] = (c["days"], c["resolved"], q2(c["days"], c["resolved"], 1))
    return out
