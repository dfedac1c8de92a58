"""Sample `esign_stats` files (document-management statistics per unit and month) and the records they were written
from: what tests recompute indicators from, independently of the warehouse. Written the way provinces send them
(variants, title rows, footers, personal columns that must never be stored); dirty_rows(): the rows of a file to
be rejected for one reason."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_warehouse.periods import format_month
from cchc_warehouse.sample.demo_province import UNIT_NAMES, UNITS, thousands
from cchc_warehouse.sample.writers import Variant, write


@dataclass(frozen=True)
class EsignRecord:
    unit_code: str
    month: date
    outgoing_total: int
    outgoing_signed: int
    incoming_total: int | None
    incoming_electronic: int | None
    workfiles_total: int | None
    workfiles_online: int | None


def esign_records(months: list[date], seed: int) -> list[EsignRecord]:
    rng = random.Random(seed * 7 + 1)
    out = []
    for m in months:
        for u in UNITS:
            size = 3 if ".S" in u else 2 if u.count(".") == 1 else 1
            out_total = rng.randint(150, 700) * size
            inc_total = rng.randint(300, 1500) * size
            wf_total = rng.randint(100, 600) * size
            no_incoming = u.endswith("X02") and m == months[0]      # a commune without inter-agency axis data
            out.append(EsignRecord(
                u, m, out_total, round(out_total * rng.uniform(0.9, 1.0)),
                None if no_incoming else inc_total, None if no_incoming else round(inc_total * rng.uniform(0.75, 1)),
                wf_total, round(wf_total * rng.uniform(0.5, 1.0))))
    return out


def write_esign(out: Path, records: list[EsignRecord]) -> list[Path]:
    paths = []
    for k, m in enumerate(sorted({r.month for r in records})):
        rows = [r for r in records if r.month == m]
        folder = out / "esign_stats" / format_month(m)
        if k % 2 == 0:   # CSV ';', title, 'Tháng 6/2025', thousands with '.', blanks, footer
            header = ["STT", "Mã đơn vị", "Tên đơn vị", "Tháng", "Văn bản đi", "Số văn bản ký số", "Văn bản đến",
                      "Văn bản đến qua trục liên thông", "Hồ sơ công việc", "Hồ sơ công việc xử lý trên mạng"]
            cells: list[list] = [["UBND TỈNH LAI CHÂU"], [f"THỐNG KÊ VĂN BẢN ĐIỆN TỬ THÁNG {m:%m/%Y}"], [], header]
            for i, r in enumerate(rows, 1):
                cells.append([i, r.unit_code, UNIT_NAMES[r.unit_code], f"Tháng {m.month}/{m.year}",
                              thousands(r.outgoing_total, "."), thousands(r.outgoing_signed, "."),
                              "" if r.incoming_total is None else thousands(r.incoming_total, "."),
                              "" if r.incoming_electronic is None else thousands(r.incoming_electronic, "."),
                              r.workfiles_total, r.workfiles_online])
            cells += [[], ["", "Tổng cộng"], ["", "", "Người lập biểu"]]
            path = folder / f"van_ban_dien_tu_{m:%Y_%m}.csv"
            write(path, cells, Variant("esign", delimiter=";", encoding="utf-8-sig"))
        else:            # xlsx, spec headers in another order, '2025-06', plain numbers
            header = ["Kỳ báo cáo", "Mã đơn vị", "Đơn vị", "Tổng số văn bản đi", "Văn bản đi được ký số",
                      "Tổng số hồ sơ công việc", "Hồ sơ công việc xử lý trên mạng", "Tổng số văn bản đến",
                      "Văn bản đến điện tử"]
            cells = [header] + [[format_month(m), r.unit_code, UNIT_NAMES[r.unit_code], r.outgoing_total,
                                 r.outgoing_signed, r.workfiles_total, r.workfiles_online, r.incoming_total,
                                 r.incoming_electronic] for r in rows]
            path = folder / f"thong_ke_ky_so_{m:%Y_%m}.xlsx"
            write(path, [[None if c is None else str(c) for c in row] for row in cells], Variant("esign", fmt="xlsx"))
        paths.append(path)
    return paths


def dirty_rows(m: date) -> list[list]:
    return [["Mã đơn vị", "Tháng", "Văn bản đi", "Số văn bản ký số"],
            ["12.STP", f"{m:%m/%Y}", "120", "118"], ["12.SXD", f"{m:%m/%Y}", "95", "97"]]
