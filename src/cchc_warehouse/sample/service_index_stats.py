"""Sample `service_index_stats` files (the counts the national portal scores for the Decision 766 service index, per
unit and month or quarter, with the points the portal published) and the records they were written from: what
tests recompute the SVC766_* values from, independently of the warehouse.

The published points are the portal's: computed here from the portal's own counts, which for one unit a month
differ from the counts the file gives (a dossier the portal counts late), so that computed and published differ
where a real province's would. Written the way provinces copy them: a row of group titles above the header,
'Số …' headers, a unit given by name only, the period in a title row instead of a column, blank ONLINE counts
on the rows the portal leaves blank."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from cchc_warehouse.sample.demo_province import UNIT_NAMES, UNITS
from cchc_warehouse.sample.writers import Variant, write

PROVINCE = "12"
NO_ONLINE_COUNTS = "12.H03"        # a row the portal leaves the ONLINE counts blank on: no total, not ranked
NO_CERTIFIED_COPY = "12.SXD"       # 'Không' in the certified-copy column: 0 of its 2 points
PORTAL_DIFFERS = "12.STP"          # the portal counts 3 of its on-time dossiers late

COUNTS = (
    "tthc_published_on_time", "tthc_to_publish", "tthc_public_on_time", "tthc_to_make_public", "tthc_content_full",
    "tthc_public", "dossiers_synced", "dossiers_to_sync", "dossiers_total", "dossiers_on_time", "tthc_total",
    "tthc_partial", "tthc_full", "services_with_dossiers", "services_total", "dossiers_online", "dossiers_direct",
    "dossiers_postal", "dossiers_with_fee", "dossiers_paid_online", "tthc_with_fee", "tthc_paid_online",
    "tthc_fee_data", "dossiers_e_result", "dossiers_digitised", "dossiers_reused", "dossiers_storage_shared",
    "dossiers_citizen_data", "tthc_citizen_connected", "tthc_citizen_total", "dossiers_satisfied", "pakn_total",
    "pakn_on_time", "pakn_satisfied", "pakn_on_procedures", "pakn_on_conduct",
)
ONLINE_COUNTS = ("tthc_total", "tthc_partial", "tthc_full", "services_with_dossiers", "services_total",
                 "dossiers_online", "dossiers_direct", "dossiers_postal")
HEADERS = {
    "tthc_published_on_time": "TTHC công bố đúng hạn", "tthc_to_publish": "TTHC phải công bố",
    "tthc_public_on_time": "TTHC công khai đúng hạn", "tthc_to_make_public": "TTHC phải công khai",
    "tthc_content_full": "TTHC công khai đầy đủ nội dung", "tthc_public": "Tổng số TTHC công khai",
    "dossiers_synced": "Hồ sơ đồng bộ DVCQG", "dossiers_to_sync": "Hồ sơ phải đồng bộ",
    "dossiers_total": "Tổng số hồ sơ", "dossiers_on_time": "Hồ sơ đúng hạn", "tthc_total": "Số TTHC",
    "tthc_partial": "TTHC DVCTT một phần", "tthc_full": "TTHC DVCTT toàn trình",
    "services_with_dossiers": "DVCTT có hồ sơ", "services_total": "Tổng số DVCTT",
    "dossiers_online": "Hồ sơ trực tuyến", "dossiers_direct": "Hồ sơ trực tiếp", "dossiers_postal": "Hồ sơ BCCI",
    "dossiers_with_fee": "Hồ sơ có nghĩa vụ tài chính", "dossiers_paid_online": "Hồ sơ thanh toán trực tuyến",
    "tthc_with_fee": "TTHC có phí, lệ phí", "tthc_paid_online": "TTHC có thanh toán trực tuyến",
    "tthc_fee_data": "TTHC có dữ liệu phí", "dossiers_e_result": "Hồ sơ có kết quả điện tử",
    "dossiers_digitised": "Hồ sơ số hóa thành phần", "dossiers_reused": "Hồ sơ tái sử dụng dữ liệu",
    "dossiers_storage_shared": "Hồ sơ chia sẻ kho dữ liệu", "dossiers_citizen_data": "Hồ sơ dùng dữ liệu dân cư",
    "tthc_citizen_connected": "TTHC kết nối dữ liệu dân cư", "tthc_citizen_total": "Tổng số TTHC (dữ liệu dân cư)",
    "dossiers_satisfied": "Hồ sơ hài lòng", "pakn_total": "Số PAKN", "pakn_on_time": "PAKN xử lý đúng hạn",
    "pakn_satisfied": "PAKN hài lòng", "pakn_on_procedures": "PAKN về TTHC",
    "pakn_on_conduct": "PAKN về hành vi cán bộ",
}
GROUP_TITLES = (("CÔNG KHAI, MINH BẠCH (18 điểm)", 6), ("TIẾN ĐỘ (20 điểm)", 4),
                ("DỊCH VỤ CÔNG TRỰC TUYẾN (12 điểm)", 8), ("THANH TOÁN TRỰC TUYẾN (10 điểm)", 5))
PUB_HEADERS = {"PUBLICITY": "Điểm công khai, minh bạch", "PROGRESS": "Điểm tiến độ", "ONLINE": "Điểm DVCTT",
               "PAYMENT": "Điểm thanh toán trực tuyến", "DIGITAL": "Điểm số hóa", "SATISFACTION": "Điểm hài lòng",
               "TOTAL": "Tổng điểm"}


@dataclass
class ServiceIndexRecord:
    unit_code: str
    period: str                                  # canonical label: '2025-06', '2025-Q2'
    counts: dict[str, int | None]
    certified_copy: bool
    published: dict[str, Decimal] = field(default_factory=dict)   # group -> points, 'TOTAL'


# The portal's scoring as the generator applies it (dvcqg-2026): (group, sub, numerator, denominator, max, rule,
# threshold, 0/0 points). Tests do not import this: they compute on their own.
_PORTAL = (
    ("PUBLICITY", "tthc_published_on_time", "tthc_to_publish", 6, None, None),
    ("PUBLICITY", "tthc_public_on_time", "tthc_to_make_public", 4, None, None),
    ("PUBLICITY", "tthc_content_full", "tthc_public", 2, None, None),
    ("PUBLICITY", "dossiers_synced", "dossiers_to_sync", 6, None, None),
    ("PROGRESS", "dossiers_on_time", "dossiers_total", 20, None, 0),
    ("ONLINE", "tthc_online", "tthc_total", 2, Decimal("0.8"), 0),
    ("ONLINE", "services_with_dossiers", "services_total", 4, None, 0),
    ("ONLINE", "dossiers_online", "dossiers_by_channel", 6, Decimal("0.5"), 0),
    ("PAYMENT", "dossiers_paid_online", "dossiers_with_fee", 6, None, 0),
    ("PAYMENT", "tthc_paid_online", "tthc_with_fee", 2, Decimal("0.8"), 0),
    ("PAYMENT", "tthc_fee_data", "tthc_with_fee", 2, Decimal("0.8"), 0),
    ("DIGITAL", "dossiers_e_result", "dossiers_total", 6, None, None),
    ("DIGITAL", "dossiers_digitised", "dossiers_total", 4, None, None),
    ("DIGITAL", "dossiers_reused", "dossiers_total", 2, Decimal("0.8"), None),
    ("DIGITAL", "dossiers_storage_shared", "dossiers_total", 4, None, None),
    ("DIGITAL", "dossiers_citizen_data", "dossiers_total", 2, None, None),
    ("DIGITAL", "tthc_citizen_connected", "tthc_citizen_total", 2, None, 0),
    ("SATISFACTION", "dossiers_satisfied", "dossiers_total", 6, Decimal("0.9"), 0),
    ("SATISFACTION", "pakn_on_time", "pakn_total", 6, None, "full"),
    ("SATISFACTION", "pakn_satisfied", "pakn_total", 6, None, "full"),
)


def portal_points(counts: dict[str, int | None], certified_copy: bool) -> dict[str, Decimal]:
    c = dict(counts)
    c["tthc_online"] = (c["tthc_partial"] or 0) + (c["tthc_full"] or 0) if c["tthc_total"] is not None else None
    c["dossiers_by_channel"] = (None if c["dossiers_online"] is None else
                                c["dossiers_online"] + (c["dossiers_direct"] or 0) + (c["dossiers_postal"] or 0))
    groups: dict[str, Decimal | None] = {}
    for group, num, den, mx, threshold, zero in _PORTAL:
        if c[num] is None or c[den] is None:
            groups[group] = None
            continue
        if c[den] == 0:
            pts = Decimal(mx) if zero == "full" else Decimal(0)
        else:
            r = Decimal(c[num]) / Decimal(c[den])
            pts = mx * (min(Decimal(1), r / threshold) if threshold else r)
        if group in groups and groups[group] is None:
            continue
        groups[group] = groups.get(group, Decimal(0)) + pts.quantize(Decimal("0.01"), ROUND_HALF_UP)
    if groups.get("DIGITAL") is not None:
        groups["DIGITAL"] += 2 if certified_copy else 0
    out = {g: v for g, v in groups.items() if v is not None}
    if len(out) == 6:
        out["TOTAL"] = sum(out.values(), Decimal(0))
    return out


def _unit_counts(rng: random.Random, size: int) -> dict[str, int | None]:
    def part(total: int, lo: float, hi: float) -> int:
        return round(total * rng.uniform(lo, hi))
    c: dict[str, int | None] = {}
    c["tthc_to_publish"] = rng.randint(2, 12)
    c["tthc_published_on_time"] = part(c["tthc_to_publish"], 0.7, 1)
    c["tthc_to_make_public"] = rng.randint(3, 15)
    c["tthc_public_on_time"] = part(c["tthc_to_make_public"], 0.8, 1)
    c["tthc_public"] = rng.randint(40, 200)
    c["tthc_content_full"] = part(c["tthc_public"], 0.9, 1)
    total = rng.randint(80, 400) * size
    c["dossiers_total"] = total
    c["dossiers_on_time"] = part(total, 0.85, 1)
    c["dossiers_to_sync"] = total
    c["dossiers_synced"] = part(total, 0.9, 1)
    c["tthc_total"] = rng.randint(40, 200)
    c["tthc_full"] = part(c["tthc_total"], 0.3, 0.5)
    c["tthc_partial"] = part(c["tthc_total"] - c["tthc_full"], 0.3, 0.8)
    c["services_total"] = c["tthc_full"] + c["tthc_partial"]
    c["services_with_dossiers"] = part(c["services_total"], 0.2, 0.7)
    received = part(total, 0.6, 0.9)
    c["dossiers_online"] = part(received, 0.3, 0.7)
    c["dossiers_postal"] = part(received - c["dossiers_online"], 0, 0.05)
    c["dossiers_direct"] = received - c["dossiers_online"] - c["dossiers_postal"]
    c["dossiers_with_fee"] = part(received, 0.2, 0.5)
    c["dossiers_paid_online"] = part(c["dossiers_with_fee"], 0.2, 0.9)
    c["tthc_with_fee"] = rng.randint(5, 40)
    c["tthc_paid_online"] = part(c["tthc_with_fee"], 0.5, 1)
    c["tthc_fee_data"] = part(c["tthc_with_fee"], 0.7, 1)
    c["dossiers_e_result"] = part(total, 0.5, 1)
    c["dossiers_digitised"] = part(total, 0.4, 0.9)
    c["dossiers_reused"] = part(total, 0.1, 0.9)
    c["dossiers_storage_shared"] = part(total, 0.3, 0.8)
    c["dossiers_citizen_data"] = part(total, 0.2, 0.6)
    c["tthc_citizen_total"] = rng.randint(5, 30)
    c["tthc_citizen_connected"] = part(c["tthc_citizen_total"], 0.5, 1)
    c["dossiers_satisfied"] = part(c["dossiers_on_time"], 0.9, 1)
    c["pakn_total"] = rng.choice([0, 0, 1, 2, 5, 9]) * size
    c["pakn_on_time"] = part(c["pakn_total"], 0.6, 1)
    c["pakn_satisfied"] = part(c["pakn_total"], 0.5, 1)
    c["pakn_on_procedures"] = part(c["pakn_total"], 0.3, 0.6)
    c["pakn_on_conduct"] = part(c["pakn_total"] - c["pakn_on_procedures"], 0, 0.5)
    return c


def service_index_records(months: list[date], seed: int) -> list[ServiceIndexRecord]:
    """Every unit's row for each month, and each quarter whose last month is among `months`."""
    rng = random.Random(seed * 13 + 766)
    periods = [f"{m:%Y-%m}" for m in months] + [f"{m.year}-Q{m.month // 3}" for m in months if m.month % 3 == 0]
    out = []
    for label in periods:
        for u in [PROVINCE, *UNITS]:
            size = 6 if u == PROVINCE else 3 if ".S" in u else 2 if u.count(".") == 1 else 1
            size *= 3 if "Q" in label else 1
            counts = _unit_counts(rng, size)
            if u == NO_ONLINE_COUNTS:
                counts.update({k: None for k in ONLINE_COUNTS})
            if u == UNITS[-1]:             # a small commune with no fee-bearing dossier: 0/0 gives 0 points
                counts["dossiers_with_fee"] = counts["dossiers_paid_online"] = 0
            rec = ServiceIndexRecord(u, label, counts, certified_copy=u != NO_CERTIFIED_COPY)
            portal = dict(counts)
            if u == PORTAL_DIFFERS:
                portal["dossiers_on_time"] = max(0, portal["dossiers_on_time"] - 3)
                portal["dossiers_satisfied"] = min(portal["dossiers_satisfied"], portal["dossiers_on_time"])
            rec.published = portal_points(portal, rec.certified_copy)
            out.append(rec)
    return out


def _cell(v: int | None) -> str:
    return "" if v is None else str(v)


def _points_text(v: Decimal | None) -> str:
    return "" if v is None else f"{v:.2f}".replace(".", ",")


def write_service_index(out: Path, records: list[ServiceIndexRecord], month_folders: dict[str, str]) -> list[Path]:
    """One file per period, in the landing folder of the month the period ends in (month_folders: label -> folder).
    Months alternate an xlsx with group titles above the header (period column, codes) and a CSV with the period
    in a title row, 'Số …' headers and one unit by name; quarters are CSVs with 'Quý q/yyyy' in a column."""
    paths = []
    for k, label in enumerate(dict.fromkeys(r.period for r in records)):
        rows = [r for r in records if r.period == label]
        folder = out / "service_index_stats" / month_folders[label]
        pub_groups = ["PUBLICITY", "PROGRESS", "ONLINE", "PAYMENT", "DIGITAL", "SATISFACTION", "TOTAL"]
        if "Q" in label:
            year, q = label.split("-Q")
            header = ["Mã đơn vị", "Kỳ đánh giá", *(HEADERS[c] for c in COUNTS), "Chứng thực bản sao điện tử",
                      *(PUB_HEADERS[g] for g in pub_groups)]
            cells: list[list] = [header] + [
                [r.unit_code, f"Quý {q}/{year}", *(_cell(r.counts[c]) for c in COUNTS),
                 "Có" if r.certified_copy else "Không", *(_points_text(r.published.get(g)) for g in pub_groups)]
                for r in rows]
            path = folder / f"chi_so_766_quy_{q}_{year}.csv"
            write(path, cells, Variant("service_index"))
        elif k % 2 == 0:
            header = ["STT", "Mã đơn vị", "Tên đơn vị", "Kỳ đánh giá", *(HEADERS[c] for c in COUNTS),
                      "Chứng thực bản sao điện tử", *(PUB_HEADERS[g] for g in pub_groups)]
            groups: list[str] = ["", "", "", ""]
            for title, width in GROUP_TITLES:
                groups += [title] + [""] * (width - 1)
            y, m = label.split("-")
            cells = [["BẢNG THỐNG KÊ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP"], [],
                     groups + [""] * (len(header) - len(groups)), header]
            for i, r in enumerate(rows, 1):
                cells.append([str(i), r.unit_code, UNIT_NAMES.get(r.unit_code, "UBND tỉnh Lai Châu"), f"{m}/{y}",
                              *(_cell(r.counts[c]) for c in COUNTS), "Có" if r.certified_copy else "Không",
                              *(_points_text(r.published.get(g)) for g in pub_groups)])
            path = folder / f"chi_so_766_{y}_{m}.xlsx"
            write(path, cells, Variant("service_index", fmt="xlsx"))
        else:
            y, m = label.split("-")
            header = ["Mã ĐV", "Đơn vị", *(("Số " + HEADERS[c][0].lower() + HEADERS[c][1:])
                                          if not HEADERS[c].startswith("Số") else HEADERS[c] for c in COUNTS),
                      "Chứng thực bản sao điện tử", *(PUB_HEADERS[g] for g in pub_groups)]
            cells = [["UBND TỈNH LAI CHÂU"], [f"Kỳ đánh giá: Tháng {int(m)}/{y}"], header]
            for r in rows:
                by_name = r.unit_code == UNITS[0]          # the code left blank: the name gives it
                cells.append(["" if by_name else r.unit_code, UNIT_NAMES.get(r.unit_code, "UBND tỉnh Lai Châu"),
                              *(_cell(r.counts[c]) for c in COUNTS), "x" if r.certified_copy else "Không",
                              *(_points_text(r.published.get(g)) for g in pub_groups)])
            cells += [[], ["", "Người lập biểu"]]
            path = folder / f"chi_so_766_{y}_{m}.csv"
            write(path, cells, Variant("service_index", delimiter=";", encoding="utf-8-sig"))
        paths.append(path)
    return paths


def dirty_cases(m: date) -> list[tuple[str, list[list], str]]:
    """(file name, rows, the one reason it is rejected or warned for)."""
    head = ["Mã đơn vị", "Kỳ đánh giá", "Tổng số hồ sơ", "Hồ sơ đúng hạn", "Số PAKN", "PAKN về TTHC",
            "PAKN về hành vi cán bộ"]
    ym = f"{m:%m/%Y}"
    return [
        ("loi_766_dung_han_vuot_tong", [head, ["12.STP", ym, "120", "118", "2", "1", "0"],
                                        ["12.SXD", ym, "95", "97", "0", "0", "0"]],
         "hồ sơ đúng hạn nhiều hơn tổng số hồ sơ"),
        ("loi_766_pakn_phan_loai", [head, ["12.STP", ym, "120", "118", "3", "2", "2"]],
         "PAKN về TTHC và về hành vi cán bộ nhiều hơn số PAKN"),
        ("loi_766_so_am", [head, ["12.STP", ym, "-5", "0", "0", "0", "0"]],
         "số nguyên không âm"),
        ("loi_766_diem_vuot", [["Mã đơn vị", "Kỳ đánh giá", "Điểm tiến độ"], ["12.STP", ym, "21,5"]],
         "điểm công bố ngoài khoảng 0–20 điểm của nhóm"),
        ("loi_766_ky_khac", [head, ["12.STP", "Quý 1/2020", "120", "118", "2", "1", "0"]],
         "kỳ đánh giá của dòng khác kỳ của tệp"),
    ]
