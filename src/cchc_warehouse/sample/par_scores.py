"""Sample `par_scores` files (PAR-index scoring sheets) and the records they were written from: what tests
recompute indicators from, independently of the warehouse. Written the way provinces send them (variants, title
rows, footers, personal columns that must never be stored); dirty_rows(): the rows of a file to be rejected for
one reason."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

from cchc_warehouse.sample.demo_province import DEPARTMENTS, DISTRICTS, UNIT_NAMES, decimal_text
from cchc_warehouse.sample.writers import FIXED_CREATED

# The demo province's internal PAR scheme: 7 areas (Roman numerals), criteria and sub-criteria, max points.
PAR_SCHEME: list[tuple[str, str, float]] = [
    ("I", "Công tác chỉ đạo, điều hành CCHC", 0), ("1.1", "Kế hoạch CCHC năm", 3), ("1.2", "Báo cáo CCHC", 2),
    ("1.3", "Kiểm tra công tác CCHC", 0), ("1.3.1", "Ban hành kế hoạch kiểm tra", 1),
    ("1.3.2", "Tỷ lệ đơn vị được kiểm tra", 2), ("1.4", "Tuyên truyền CCHC", 2),
    ("II", "Cải cách thể chế", 0), ("2.1", "Xây dựng văn bản quy phạm pháp luật", 4),
    ("2.2", "Rà soát, hệ thống hóa văn bản", 3), ("2.3", "Kiểm tra, xử lý văn bản", 3),
    ("III", "Cải cách thủ tục hành chính", 0), ("3.1", "Công khai TTHC", 3), ("3.2", "Giải quyết TTHC", 0),
    ("3.2.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", 4), ("3.2.2", "Tỷ lệ hồ sơ trực tuyến", 3),
    ("3.2.3", "Thanh toán trực tuyến", 2), ("3.3", "Tiếp nhận, xử lý phản ánh kiến nghị", 2.5),
    ("IV", "Cải cách tổ chức bộ máy", 0), ("4.1", "Sắp xếp tổ chức bộ máy", 5), ("4.2", "Quản lý biên chế", 4),
    ("4.3", "Phân cấp quản lý", 2),
    ("V", "Cải cách chế độ công vụ", 0), ("5.1", "Vị trí việc làm", 4), ("5.2", "Tuyển dụng, bổ nhiệm", 4),
    ("5.3", "Đào tạo, bồi dưỡng", 3), ("5.4", "Kỷ luật, kỷ cương hành chính", 5),
    ("VI", "Cải cách tài chính công", 0), ("6.1", "Tự chủ tài chính", 4), ("6.2", "Quản lý tài sản công", 3),
    ("VII", "Xây dựng chính quyền điện tử, chính quyền số", 0), ("7.1", "Hệ thống quản lý văn bản", 5),
    ("7.2", "Dịch vụ công trực tuyến", 6), ("7.3", "Chữ ký số", 5),
    ("VIII", "Tác động của cải cách hành chính", 0),
    ("8.1", "Sự hài lòng của người dân, tổ chức (điều tra xã hội học)", 4),
    ("8.2", "Đánh giá của cán bộ, công chức (điều tra xã hội học)", 2),
]
AREAS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
SURVEY_AREA = "8"      # criteria scored by sociological survey: survey points, no self-assessment


def _parent(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def _area(code: str) -> str:
    return str(AREAS.index(code) + 1) if code in AREAS else code.split(".")[0]


def par_leaves() -> dict[str, float]:
    codes = [c for c, _, _ in PAR_SCHEME]
    return {c: mx for c, _, mx in PAR_SCHEME if not any(_parent(o) == c for o in codes) and c not in AREAS}


@dataclass(frozen=True)
class ParSheet:
    unit_code: str
    year: int
    not_applicable: frozenset[str]
    self_points: dict[str, float] = field(hash=False)        # leaf -> points (criteria not scored by survey)
    appraised: dict[str, float | None] = field(hash=False)   # leaf -> points (None: not appraised)
    survey: dict[str, float] = field(hash=False, default_factory=dict)   # leaf -> survey points


# Criteria a kind of unit does not do (shrinking its applicable max): districts do not draft legal
# documents of the province (2.1); some departments hold no public-finance autonomy (6.1).
NOT_APPLICABLE = {"district": {"2.1"}, "12.SNV": {"6.1"}, "12.SGDDT": set()}


def par_records(year: int, seed: int) -> list[ParSheet]:
    rng = random.Random(seed * 17 + year)
    leaves = par_leaves()
    out = []
    for u in DEPARTMENTS + DISTRICTS:
        if year == 2023 and u == "12.SNNMT":     # department created by the 2025-style merger: new in 2024
            continue
        na = frozenset(NOT_APPLICABLE.get("district", set()) if u in DISTRICTS else NOT_APPLICABLE.get(u, set()))
        skill = rng.uniform(0.72, 0.97)
        self_pts, appr, survey = {}, {}, {}
        for c, mx in leaves.items():
            if c in na:
                continue
            s = round(min(mx, mx * rng.uniform(skill - 0.1, skill + 0.05)) * 4) / 4   # quarter points
            if c.split(".")[0] == SURVEY_AREA:
                survey[c] = s
                continue
            self_pts[c] = s
            appr[c] = None if rng.random() < 0.1 else max(0.0, s - rng.choice([0, 0, 0, 0.25, 0.5]))
        out.append(ParSheet(u, year, na, self_pts, appr, survey))
    return out


def _par_rows(sheet: ParSheet) -> list[list]:
    """Criterion rows with parents carrying the sums of their children (as printed sheets do)."""
    leaves = par_leaves()
    codes = [c for c, _, _ in PAR_SCHEME]

    def under(code: str) -> list[str]:
        area = _area(code)
        if code in AREAS:
            return [leaf for leaf in leaves if leaf.split(".")[0] == area]
        return [leaf for leaf in leaves if leaf == code or leaf.startswith(code + ".")]

    rows = []
    for c, name, _ in PAR_SCHEME:
        below = under(c)
        mx = sum(leaves[x] for x in below)
        applicable = [x for x in below if x not in sheet.not_applicable]
        if not applicable:
            rows.append([c, name, decimal_text(mx), "", "", "", "Không áp dụng"])
            continue
        if all(x in sheet.survey for x in applicable):
            rows.append([c, name, decimal_text(mx), "", "", decimal_text(sum(sheet.survey[x] for x in applicable)), ""])
            continue
        self_sum = sum(sheet.self_points[x] for x in applicable)
        appr_vals = [sheet.appraised[x] for x in applicable]
        appr = "" if any(v is None for v in appr_vals) else decimal_text(sum(appr_vals))
        rows.append([c, name, decimal_text(mx), decimal_text(self_sum), appr, "", ""])
    assert len(rows) == len(codes)
    return rows


def write_par_scores(out: Path, sheets: list[ParSheet]) -> list[Path]:
    """Departments: one workbook, one sheet per unit (code and year in title rows); districts: one CSV with
    a unit column and a year column."""
    import xlsxwriter

    year = sheets[0].year
    folder = out / "par_scores" / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bang_diem_so_nganh_{year}.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": FIXED_CREATED})
    guide = wb.add_worksheet("Hướng dẫn")
    guide.write_string(0, 0, "Các đơn vị tự chấm điểm theo từng tiêu chí; Hội đồng thẩm định chấm lại.")
    for s in (s for s in sheets if s.unit_code in DEPARTMENTS):
        ws = wb.add_worksheet(UNIT_NAMES[s.unit_code][:31])
        lines = [f"BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}", f"Mã đơn vị: {s.unit_code}", "",
                 ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá",
                  "Điểm thẩm định", "Điểm điều tra XHH", "Ghi chú"]]
        rows = [[x] if isinstance(x, str) else x for x in lines] + _par_rows(s)
        total_max = sum(par_leaves().values())
        rows.append(["", "TỔNG ĐIỂM", decimal_text(total_max), "", "", "", ""])
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                if cell not in (None, ""):
                    ws.write_string(i, j, str(cell))
    wb.close()
    paths = [path]
    csv_path = folder / f"bang_diem_cap_huyen_{year}.csv"
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow([f"TỔNG HỢP ĐIỂM CHỈ SỐ CCHC CẤP HUYỆN NĂM {year}"])
        w.writerow(["Năm", "Mã đơn vị", "Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm",
                    "Điểm đánh giá của Hội đồng", "Điểm điều tra XHH", "Ghi chú"])
        for s in (s for s in sheets if s.unit_code in DISTRICTS):
            for row in _par_rows(s):
                w.writerow([year, s.unit_code, *row])
    paths.append(csv_path)
    return paths


def dirty_rows(year: int, parent_max: str, parent_self: str, self_points: str) -> list[list]:
    return [[f"BẢNG ĐIỂM CHỈ SỐ CCHC NĂM {year}"], ["Mã đơn vị: 12.STP"],
            ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"],
            ["I", "Công tác chỉ đạo, điều hành", parent_max, parent_self],
            ["1.1", "Kế hoạch CCHC", "3", self_points],
            ["1.2", "Báo cáo CCHC", "2", "1,5"]]
