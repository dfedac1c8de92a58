"""Sample `sipas_survey` files (satisfaction-survey responses) and the records they were written from: what tests
recompute indicators from, independently of the warehouse. Written the way provinces send them (variants, title
rows, footers, personal columns that must never be stored); dirty_rows(): the rows of a file to be rejected for
one reason."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from cchc_warehouse.periods import format_month, month_end
from cchc_warehouse.sample.writers import Variant, write

QUESTIONS = ["TC1", "TC2", "TC3", "TT1", "TT2", "TT3", "CC1", "CC2", "CC3", "KQ1", "KQ2", "PA1", "PA2", "HL"]
LIKERT_LABELS = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"]
SIPAS_UNITS = ["12.STP", "12.SXD", "12.STC", "12.H01", "12.H02", "12.H02.X01"]


@dataclass(frozen=True)
class SipasResponse:
    response_id: str
    unit_code: str
    surveyed_on: date
    respondent_type: str
    answers: dict[str, int | None] = field(hash=False)     # question -> 1..5 or None (not answered)


def sipas_records(months: list[date], seed: int, per_unit: int = 25) -> list[SipasResponse]:
    rng = random.Random(seed * 11 + 3)
    out = []
    for m in months:
        days = month_end(m).day
        for u in SIPAS_UNITS:
            mood = rng.uniform(3.9, 4.7)
            for i in range(per_unit):
                answers: dict[str, int | None] = {}
                for q in QUESTIONS:
                    if q.startswith("PA") and rng.random() < 0.6:     # most had no feedback to give
                        answers[q] = None
                    elif rng.random() < 0.04:
                        answers[q] = None
                    else:
                        answers[q] = max(1, min(5, round(rng.gauss(mood, 0.9))))
                out.append(SipasResponse(f"{u}-{m:%y%m}-{i + 1:03d}", u, m + timedelta(days=rng.randrange(days)),
                                         rng.choice(["Công dân", "Công dân", "Tổ chức"]), answers))
    return out


def write_sipas(out: Path, records: list[SipasResponse]) -> list[Path]:
    """Even months: one CSV for every unit with answers as labels, personal columns; odd months: one xlsx
    per unit, unit code in a title row, answers as digits."""
    rng = random.Random(5)
    paths = []
    for k, m in enumerate(sorted({r.surveyed_on.replace(day=1) for r in records})):
        rows = [r for r in records if r.surveyed_on.replace(day=1) == m]
        folder = out / "sipas_survey" / format_month(m)
        if k % 2 == 0:
            header = ["Mã phiếu", "Họ và tên", "Số điện thoại", "Ngày khảo sát", "Mã đơn vị", "Đối tượng", *QUESTIONS]
            cells: list[list] = [[f"KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG THÁNG {m:%m/%Y}"], header]
            for r in rows:
                cells.append([r.response_id, f"Người dân {rng.randint(100, 999)}", f"09{rng.randint(10**7, 10**8 - 1)}",
                              r.surveyed_on.strftime("%d/%m/%Y"), r.unit_code, r.respondent_type,
                              *["" if r.answers[q] is None else LIKERT_LABELS[r.answers[q] - 1] for q in QUESTIONS]])
            path = folder / f"khao_sat_sipas_{m:%Y_%m}.csv"
            write(path, cells, Variant("sipas"))
            paths.append(path)
        else:
            for u in sorted({r.unit_code for r in rows}):
                mine = [r for r in rows if r.unit_code == u]
                cells = [[f"PHIẾU KHẢO SÁT THÁNG {m.month}/{m.year}"], [f"Mã đơn vị: {u}"], [],
                         ["Số phiếu", "Ngày khảo sát", "Đối tượng", *[q.lower() for q in QUESTIONS]]]
                for r in mine:
                    cells.append([r.response_id, r.surveyed_on.isoformat(), r.respondent_type,
                                  *[None if r.answers[q] is None else str(r.answers[q]) for q in QUESTIONS]])
                path = folder / f"sipas_{u.replace('.', '_')}_{m:%Y_%m}.xlsx"
                write(path, cells, Variant("sipas", fmt="xlsx"))
                paths.append(path)
    return paths


def dirty_rows(m: date, answer: str) -> list[list]:
    return [["Mã phiếu", "Ngày khảo sát", "Mã đơn vị", "TC1", "CC1"],
            ["P-1", f"05/{m:%m/%Y}", "12.STP", "Hài lòng", "5"], ["P-2", f"06/{m:%m/%Y}", "12.STP", answer, "4"]]
