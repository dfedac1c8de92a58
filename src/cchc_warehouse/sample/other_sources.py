"""Sample files of every source besides dossier listings, with the records they were written from.

Each generator returns the records (what a test recomputes indicators from, independently of the
warehouse) and writes the files the way provinces send them: several variants per source, title rows,
personal-data columns that must never be stored, footers.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from cchc_warehouse.periods import format_month, month_end
from cchc_warehouse.sample.exports import FIXED_CREATED, Variant, write
from cchc_warehouse.sample.simulate import demo_units

_REGISTRY = [u for u in demo_units() if u.level != "province"]
UNITS = [u.code for u in _REGISTRY]
UNIT_NAMES = {u.code: u.name for u in _REGISTRY}
DEPARTMENTS = [u.code for u in _REGISTRY if u.level == "department"]
DISTRICTS = [u.code for u in _REGISTRY if u.level == "district"]


def _month_end(m: date) -> date:
    return month_end(m)


def _thousands(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


# ---------------------------------------------------------------------------------------------- esign_stats
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
                              _thousands(r.outgoing_total, "."), _thousands(r.outgoing_signed, "."),
                              "" if r.incoming_total is None else _thousands(r.incoming_total, "."),
                              "" if r.incoming_electronic is None else _thousands(r.incoming_electronic, "."),
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


# --------------------------------------------------------------------------------------------- sipas_survey
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
        days = _month_end(m).day
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


# ----------------------------------------------------------------------------------------------- plan_tasks
PLAN_AREAS = ["Công tác chỉ đạo, điều hành", "Cải cách thể chế", "Cải cách TTHC", "Cải cách tổ chức bộ máy",
              "Cải cách chế độ công vụ", "Cải cách tài chính công", "Xây dựng chính quyền điện tử, số"]


@dataclass(frozen=True)
class PlanTask:
    code: str
    name: str
    area: str
    unit_code: str
    deadline_text: str
    deadline: date            # the text resolved against the plan's year
    done_on: date | None      # when it was (or will be) done; None = not within the year


def plan_records(year: int, seed: int, n: int = 24) -> list[PlanTask]:
    rng = random.Random(seed * 13 + year)
    owners = DEPARTMENTS + DISTRICTS[:4]
    tasks = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            q = 1 + i % 4
            text, deadline = f"Quý {['I', 'II', 'III', 'IV'][q - 1]}", _month_end(date(year, 3 * q, 1))
        elif kind == 1:
            mth = 1 + (i * 5) % 12
            text, deadline = f"Tháng {mth}", _month_end(date(year, mth, 1))
        elif kind == 2:
            text, deadline = "Cả năm", date(year, 12, 31)
        else:
            deadline = date(year, 1 + (i * 7) % 12, 15)
            text = deadline.strftime("%d/%m/%Y")
        done = None if rng.random() < 0.12 else deadline + timedelta(days=rng.randint(-60, 25))
        if done is not None and done.year > year:
            done = None
        tasks.append(PlanTask(f"{i + 1}", f"Nhiệm vụ CCHC số {i + 1}", PLAN_AREAS[i % len(PLAN_AREAS)],
                              owners[i % len(owners)], text, deadline, done))
    return tasks


PLAN_STATUS_VI = {"done": "Hoàn thành", "done_late": "Hoàn thành quá hạn", "in_progress": "Đang thực hiện",
                  "not_started": "Chưa thực hiện"}


def plan_status(t: PlanTask, as_of: date) -> str:
    if t.done_on is not None and t.done_on <= as_of:
        return "done" if t.done_on <= t.deadline else "done_late"
    return "in_progress" if as_of >= t.deadline - timedelta(days=90) else "not_started"


def plan_report_dates(months: list[date]) -> list[date]:
    """The plan is reported on the last day of each quarter's last month."""
    return [_month_end(m) for m in months if m.month % 3 == 0]


def write_plan(out: Path, tasks: list[PlanTask], report_dates: list[date]) -> list[Path]:
    paths = []
    year = tasks[0].deadline.year
    for k, as_of in enumerate(report_dates):
        folder = out / "plan_tasks" / format_month(as_of.replace(day=1))
        if k % 2 == 0:   # title gives the year and the report date, no such columns
            cells: list[list] = [[f"KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM {year}"],
                                 [f"Ngày báo cáo: {as_of:%d/%m/%Y}"], [],
                                 ["STT", "Nội dung nhiệm vụ", "Lĩnh vực", "Mã đơn vị chủ trì", "Thời gian hoàn thành",
                                  "Kết quả thực hiện", "Ngày hoàn thành"]]
            for t in tasks:
                s = plan_status(t, as_of)
                cells.append([t.code, t.name, t.area, t.unit_code, t.deadline_text, PLAN_STATUS_VI[s],
                              t.done_on.strftime("%d/%m/%Y") if s in ("done", "done_late") else ""])
            path = folder / f"tien_do_ke_hoach_cchc_{as_of:%Y_%m_%d}.xlsx"
            write(path, cells, Variant("plan", fmt="xlsx"))
        else:            # every column present, CSV tab-separated UTF-16
            cells = [["Năm", "Mã nhiệm vụ", "Nhiệm vụ", "Lĩnh vực", "Đơn vị chủ trì", "Thời hạn hoàn thành",
                      "Kết quả thực hiện", "Ngày hoàn thành", "Ngày báo cáo"]]
            for t in tasks:
                s = plan_status(t, as_of)
                cells.append([year, t.code, t.name, t.area, t.unit_code, t.deadline_text, PLAN_STATUS_VI[s],
                              t.done_on.isoformat() if s in ("done", "done_late") else "", as_of.isoformat()])
            path = folder / f"ke_hoach_cchc_{as_of:%Y_%m_%d}.txt"
            write(path, cells, Variant("plan", encoding="utf-16", delimiter="\t"))
        paths.append(path)
    return paths


# ----------------------------------------------------------------------------------------------- par_scores
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
            rows.append([c, name, _pts(mx), "", "", "", "Không áp dụng"])
            continue
        if all(x in sheet.survey for x in applicable):
            rows.append([c, name, _pts(mx), "", "", _pts(sum(sheet.survey[x] for x in applicable)), ""])
            continue
        self_sum = sum(sheet.self_points[x] for x in applicable)
        appr_vals = [sheet.appraised[x] for x in applicable]
        appr = "" if any(v is None for v in appr_vals) else _pts(sum(appr_vals))
        rows.append([c, name, _pts(mx), _pts(self_sum), appr, "", ""])
    assert len(rows) == len(codes)
    return rows


def _pts(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".").replace(".", ",")


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
        rows.append(["", "TỔNG ĐIỂM", _pts(total_max), "", "", "", ""])
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


# --------------------------------------------------------------------------------------------- par_national
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
            cells.append([r.province_name, r.province_code, _pts(a), _pts(s), _pts(ld), _pts(im),
                          f"{r.index_value:.2f}".replace(".", ","), r.rank or "", y])
        path = out / "par_national" / str(y) / f"chi_so_cchc_cac_tinh_{y}.csv"
        write(path, cells, Variant("national"))
        paths.append(path)
    return paths


# ------------------------------------------------------------------------------------------------ all of it
@dataclass
class OtherSamples:
    esign: list[EsignRecord]
    sipas: list[SipasResponse]
    plan: dict[int, list[PlanTask]]          # year -> tasks
    plan_reports: list[date]
    par: dict[int, list[ParSheet]]           # year -> sheets
    national: list[NationalRow]
    paths: list[Path]


def generate_other(out: Path, months: list[date], years: list[int], seed: int = 2025) -> OtherSamples:
    """Monthly sources for `months`; PAR scoring sheets and published national results for `years`."""
    from importlib import resources

    esign = esign_records(months, seed)
    sipas = sipas_records(months, seed)
    paths = write_esign(out, esign) + write_sipas(out, sipas)
    plan: dict[int, list[PlanTask]] = {}
    reports = plan_report_dates(months)
    for y in sorted({d.year for d in reports}):
        plan[y] = plan_records(y, seed)
        paths += write_plan(out, plan[y], [d for d in reports if d.year == y])
    par = {y: par_records(y, seed) for y in years}
    for y in years:
        paths += write_par_scores(out, par[y])
    with resources.as_file(resources.files("cchc_warehouse.reference") / "par_national_published.csv") as ref:
        national = [r for r in national_records(ref, seed) if r.year in years]
    paths += write_national(out, national)
    return OtherSamples(esign, sipas, plan, reports, par, national, paths)
