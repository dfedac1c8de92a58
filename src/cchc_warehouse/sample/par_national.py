"""Sample `par_national` files (published national PAR results) and the records they were written from: what tests
recompute indicators from, independently of the warehouse. Written the way provinces send them (variants, title
rows, footers, personal columns that must never be stored)."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from cchc_warehouse.sample.demo_province import decimal_text
from cchc_warehouse.sample.writers import Variant, write


@dataclass(frozen=True)
class NationalRow:
    year: int
    province_name: str
    province_code: str
    components: tuple[float, float, float, float]      # appraisal, SIPAS, leader survey, impact
    index_value: float
    rank: int | None


def national_records(reference: Path, seed: int) -> list[NationalRow]:
    """Rows of ../shared/reference/par_national_published.csv (real published index and rank); the four
    component points are not in that file and are split here so that they add up to the index, except for
    one row per year that is off by 0.5 (published tables show such gaps; the gate warns)."""
    rng = random.Random(seed * 19)
    out = []
    with open(reference, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    years = sorted({int(r["year"]) for r in rows})
    for y in years:
        mine = [r for r in rows if int(r["year"]) == y]
        for i, r in enumerate(mine):
            idx = float(r["index_value"])
            # the points missing to 100 are shared among the four blocks in proportion to random weights
            weights = [rng.uniform(0.5, 1.5) * m for m in (61.5, 10, 22, 6.5)]
            lost = [(100 - idx) * w / sum(weights) for w in weights]
            appraisal, sipas, leader, impact = (round(m - x, 2) for m, x in zip((61.5, 10, 22, 6.5), lost, strict=True))
            leader = round(idx - appraisal - sipas - impact + (-0.5 if i == 1 else 0), 2)
            out.append(NationalRow(y, r["province_name"], "", (appraisal, sipas, leader, impact), idx,
                                   int(r["rank"]) if r["rank"] else None))
    return out


def write_national(out: Path, rows: list[NationalRow]) -> list[Path]:
    paths = []
    for y in sorted({r.year for r in rows}):
        mine = [r for r in rows if r.year == y]
        cells: list[list] = [[f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC TỈNH, THÀNH PHỐ NĂM {y}"], [],
                             ["Tỉnh/Thành phố", "Mã tỉnh", "Điểm thẩm định", "Điểm SIPAS",
                              "Điểm điều tra lãnh đạo, quản lý", "Điểm tác động", "Chỉ số (%)", "Xếp hạng", "Năm"]]
        for r in mine:
            a, s, ld, im = r.components
            cells.append([r.province_name, r.province_code, decimal_text(a), decimal_text(s), decimal_text(ld),
                          decimal_text(im),
                          f"{r.index_value:.2f}".replace(".", ","), r.rank or "", y])
        path = out / "par_national" / str(y) / f"chi_so_cchc_cac_tinh_{y}.csv"
        write(path, cells, Variant("national"))
        paths.append(path)
    return paths
