"""Sample `one_stop_dossiers` files: the demo province's monthly dossier listings, one export per group of units,
each written in a variant real systems produce (../shared/spec/sources.md), and dirty listings, each to be rejected
for one reason. The dossiers themselves come from sample.simulate."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from cchc_warehouse.periods import format_month, month_end, next_month
from cchc_warehouse.sample.simulate import Dossier, ExportRow
from cchc_warehouse.sample.writers import Variant, write

SOURCE = "one_stop_dossiers"
STATUS_LABEL = {1: "Mới đăng ký", 2: "Được tiếp nhận", 3: "Không được tiếp nhận", 4: "Đang xử lý",
                5: "Yêu cầu bổ sung", 6: "Yêu cầu thực hiện nghĩa vụ tài chính", 7: "Công dân yêu cầu rút hồ sơ",
                8: "Dừng xử lý", 9: "Đã xử lý xong", 10: "Đã trả kết quả"}
CHANNEL_LABEL = {1: "Trực tiếp", 2: "Trực tuyến", 3: "Bưu chính công ích"}
LEVEL_LABEL = {"toan_trinh": "Toàn trình", "mot_phan": "Một phần", "cung_cap_thong_tin": "Cung cấp thông tin"}
LEVEL_CODE = {"toan_trinh": "4", "mot_phan": "3", "cung_cap_thong_tin": "2"}

CANONICAL = ["dossier_code", "unit_code", "unit_name", "procedure_code", "procedure_name", "field_name",
             "service_level", "channel", "received_at", "due_at", "finished_at", "returned_at", "status",
             "has_fee", "paid_online", "digitized_result", "applicant_type"]
PERSONAL = ["applicant_name", "applicant_id_number", "applicant_phone", "applicant_address"]
# the optional columns the Decision 766 counting reads (written by the exports of Variant.svc_columns)
SVC_COLUMNS = ["supplement_requests", "supplement_wait_days", "ended_at", "digitised_components", "reused_data",
               "citizen_data", "synced_dvcqg"]
SPEC_HEADERS = {
    "dossier_code": "Mã hồ sơ", "unit_code": "Mã đơn vị", "unit_name": "Đơn vị xử lý", "procedure_code": "Mã TTHC",
    "procedure_name": "Tên TTHC", "field_name": "Lĩnh vực", "service_level": "Mức độ", "channel": "Kênh nộp",
    "received_at": "Ngày tiếp nhận", "due_at": "Ngày hẹn trả", "finished_at": "Ngày kết thúc xử lý",
    "returned_at": "Ngày trả kết quả", "status": "Trạng thái", "has_fee": "Có phí, lệ phí",
    "paid_online": "Thanh toán trực tuyến", "digitized_result": "Số hóa kết quả", "applicant_type": "Đối tượng",
    "applicant_name": "Họ tên người nộp", "applicant_id_number": "Số CCCD/Số giấy tờ",
    "applicant_phone": "Số điện thoại", "applicant_address": "Địa chỉ",
    "supplement_requests": "Số lần yêu cầu bổ sung", "supplement_wait_days": "Số ngày chờ bổ sung",
    "ended_at": "Ngày dừng, rút, từ chối", "digitised_components": "Số hóa thành phần hồ sơ",
    "reused_data": "Tái sử dụng dữ liệu số hóa", "citizen_data": "Sử dụng dữ liệu dân cư",
    "synced_dvcqg": "Đồng bộ DVCQG",
}


@dataclass(frozen=True)
class SvcFacts:
    """What a dossier's export says for the Decision 766 counting, derived from its code (no draw of the
    simulation's random sequence, so every other sample value stays as it was)."""
    supplement_requests: int
    supplement_wait_days: int
    digitised_components: bool
    reused_data: bool
    citizen_data: bool
    synced_dvcqg: bool


def svc_facts(d: Dossier) -> SvcFacts:
    h = int(hashlib.sha1(d.code.encode()).hexdigest()[:12], 16)
    requests = 0 if h % 100 < 90 else 1 if h % 100 < 98 else 2
    return SvcFacts(requests, (h // 100) % 5 + 1 if requests else 0, (h // 1000) % 10 < 7,
                    (h // 10_000) % 10 < 4, (h // 100_000) % 10 < 5, (h // 1_000_000) % 10 < 9)


def svc_ended(r: ExportRow) -> date | None:
    """The day a refused (3), withdrawn (7) or stopped (8) dossier ended, as the export's own column gives it."""
    return r.dossier.end if r.status in (3, 7, 8) else None



def _fmt_date(v: date | datetime | None, style: str, with_time: bool) -> object:
    if v is None:
        return None
    if style == "excel":
        return v if isinstance(v, datetime) or not with_time else v
    if style == "iso":
        return v.strftime("%Y-%m-%d %H:%M:%S") if with_time and isinstance(v, datetime) else v.strftime("%Y-%m-%d")
    if style == "dmy_dash":
        return f"{v.day}-{v.month}-{v.year}"
    if style == "dmy_time" and with_time and isinstance(v, datetime):
        return v.strftime("%d/%m/%Y %H:%M")
    return v.strftime("%d/%m/%Y")


def row_values(r: ExportRow, v: Variant) -> dict[str, object]:
    d = r.dossier
    yes, no = v.yes_no
    out: dict[str, object] = {
        "dossier_code": d.code, "unit_code": d.unit.code, "unit_name": d.unit.name,
        "procedure_code": d.procedure.code, "procedure_name": d.procedure.name, "field_name": d.procedure.field,
        "service_level": LEVEL_CODE[d.procedure.level] if v.codes else LEVEL_LABEL[d.procedure.level],
        "channel": str(d.channel) if v.codes else CHANNEL_LABEL[d.channel],
        "received_at": _fmt_date(d.received, v.dates, True),
        "due_at": _fmt_date(d.due, v.dates, False),
        "finished_at": _fmt_date(r.finished, v.dates, False),
        "returned_at": _fmt_date(r.returned, v.dates, False),
        "status": str(r.status) if v.codes else STATUS_LABEL[r.status],
        "has_fee": yes if d.has_fee else no,
        "paid_online": yes if d.paid_online else no,
        "digitized_result": yes if (d.digitized and r.status in (9, 10)) else no,
        "applicant_type": d.applicant_type,
    }
    if v.svc_columns:
        f = svc_facts(d)
        out.update(supplement_requests=str(f.supplement_requests), supplement_wait_days=str(f.supplement_wait_days),
                   ended_at=_fmt_date(svc_ended(r), v.dates, False),
                   digitised_components=yes if f.digitised_components else no,
                   reused_data=yes if f.reused_data else no, citizen_data=yes if f.citizen_data else no,
                   synced_dvcqg=yes if f.synced_dvcqg else no)
    if v.personal:
        out.update(applicant_name=d.applicant_name, applicant_id_number=d.applicant_id,
                   applicant_phone=d.applicant_phone, applicant_address=d.applicant_address)
    return out


def _columns(v: Variant) -> list[str]:
    cols = list(v.order or CANONICAL)
    if v.svc_columns:
        cols += SVC_COLUMNS
    if v.personal:
        cols += PERSONAL
    return cols


def _title_lines(v: Variant, month: date) -> list[str]:
    if v.title == "month":
        return ["UBND TỈNH LAI CHÂU", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
                f"DANH SÁCH HỒ SƠ THÁNG {month:%m/%Y}", ""]
    if v.title == "range":
        end = month_end(month)
        return [f"DANH SÁCH HỒ SƠ TIẾP NHẬN VÀ GIẢI QUYẾT TỪ NGÀY {month:%d/%m/%Y} ĐẾN NGÀY {end:%d/%m/%Y}"]
    return []


def table(rows: Iterable[ExportRow], v: Variant, month: date) -> tuple[list[list], int]:
    """The sheet as rows of cells: title, header, data, footer. Returns (rows, header row number)."""
    cols = _columns(v)
    headers = [v.headers.get(c, SPEC_HEADERS[c]) for c in cols] + list(v.extra_columns)
    extra_vals = list(v.extra_columns.values())
    title = _title_lines(v, month)
    out: list[list] = [[t] for t in title]
    out.append(headers)
    n = 0
    for r in rows:
        vals = row_values(r, v)
        out.append([vals.get(c) for c in cols] + extra_vals)
        n += 1
        if v.blank_row_every and n % v.blank_row_every == 0:
            out.append([])
    if v.footer:
        out += [[], [f"Tổng cộng: {n} hồ sơ"], [], ["", "", "Người lập biểu"], ["", "", "(Ký, ghi rõ họ tên)"]]
    return out, len(title) + 1


# Which units each monthly export covers, and how that export is written.
GROUPS: list[tuple[str, list[str], Variant]] = [
    ("so_nganh", ["12.STP", "12.SNNMT", "12.SXD", "12.STC", "12.SYT", "12.SGDDT", "12.SNV"], Variant(
        "xlsx, title and footer rows, Excel date cells, labels, personal data, QĐ 766 columns",
        fmt="xlsx", dates="excel", title="month", footer=True, personal=True, svc_columns=True)),
    ("tp_lai_chau_tam_duong", ["12.H01", "12.H02", "12.H02.X01", "12.H02.X02"], Variant(
        "CSV UTF-8 with BOM, ';', header aliases, NFD text, codes, 1/0, personal data",
        encoding="utf-8-sig", delimiter=";", nfd=True, codes=True, yes_no=("1", "0"), personal=True,
        dates="dmy_time", title="month", footer=True,
        headers={"dossier_code": "Số hồ sơ", "unit_code": "Mã cơ quan", "unit_name": "Cơ quan giải quyết",
                 "procedure_code": "Mã thủ tục", "procedure_name": "Tên thủ tục hành chính",
                 "field_name": "TenLinhVuc", "service_level": "Mức độ DVC", "channel": "Hình thức nộp",
                 "finished_at": "Ngày hoàn thành", "digitized_result": "Kết quả điện tử",
                 "applicant_id_number": "Số CCCD"})),
    ("phong_tho_sin_ho", ["12.H03", "12.H03.X01", "12.H03.X02", "12.H04"], Variant(
        "CSV UTF-16 (Excel Unicode text), tab, case/accent-free headers, d-m-yyyy, codes, x/blank",
        encoding="utf-16", delimiter="\t", codes=True, yes_no=("x", ""), dates="dmy_dash",
        headers={"dossier_code": "MaHoSo", "unit_code": "MaDonVi", "unit_name": "Đơn vị",
                 "procedure_code": "MaTTHC", "procedure_name": "Thủ tục", "field_name": "LĨNH VỰC",
                 "service_level": "MỨC ĐỘ", "channel": "Kênh thực hiện", "received_at": "NGAY TIEP NHAN",
                 "due_at": "Ngay hen tra", "finished_at": "ngày kết thúc xử lý",
                 "returned_at": "Ngày Trả Kết Quả", "status": "TRẠNG THÁI", "has_fee": "Co phi, le phi"})),
    ("muong_te_nam_nhun", ["12.H05", "12.H08"], Variant(
        "CSV ',', shuffled columns, extra column, blank rows, ISO dates, TRUE/FALSE",
        dates="iso", yes_no=("TRUE", "FALSE"), blank_row_every=97,
        order=list(reversed(CANONICAL)), extra_columns={"Ghi chú": "", "Cán bộ tiếp nhận": "Bộ phận một cửa"},
        headers={"dossier_code": "Mã hồ sơ ", "unit_code": "Mã   đơn vị", "status": "trạng thái"})),
    ("than_uyen_tan_uyen", ["12.H06", "12.H07"], Variant(
        "xlsx, date-range title, text dates, Đã/Chưa, personal data, QĐ 766 columns",
        fmt="xlsx", dates="dmy", title="range", footer=True, yes_no=("Đã", "Chưa"), personal=True,
        svc_columns=True)),
]


@dataclass(frozen=True)
class Written:
    path: Path
    month: str
    units: list[str]
    variant: str
    rows: int
    dirty_reason: str | None = None


def _month_dir(out: Path, month: date) -> Path:
    return out / SOURCE / format_month(month)


def write_month(out: Path, month: date, snapshot: list[ExportRow]) -> list[Written]:
    written = []
    for name, units, variant in GROUPS:
        rows = [r for r in snapshot if r.dossier.unit.code in units]
        if not rows:
            continue
        ext = "xlsx" if variant.fmt == "xlsx" else "csv"
        path = _month_dir(out, month) / f"ho_so_{name}_{month:%Y_%m}.{ext}"
        cells, _ = table(rows, variant, month)
        write(path, cells, variant)
        written.append(Written(path, format_month(month), units, variant.name, len(rows)))
    return written


# Dirty files: each must be rejected for exactly one reason (the message fragment tests look for).
DIRTY = {
    "thieu_cot_trang_thai": "thiếu cột bắt buộc 'Trạng thái'",
    "ngay_thang_truoc": "ngày tiếp nhận (dd/mm/yyyy hoặc yyyy-mm-dd) không đọc được",
    "don_vi_chua_dang_ky": "mã đơn vị chưa có trong danh mục đơn vị",
    "trung_ma_ho_so": "mã hồ sơ trùng lặp trong tệp",
    "ket_thuc_truoc_tiep_nhan": "ngày kết thúc xử lý trước ngày tiếp nhận",
    "ma_ky_tu": "không đọc được mã ký tự",
    "trang_thai_la": "trạng thái (mã 1–10 hoặc tên trạng thái) không đọc được",
    "sai_ky_bao_cao": "kỳ báo cáo trong tiêu đề",
}


def write_dirty(out: Path, month: date, snapshot: list[ExportRow]) -> list[Written]:
    base = Variant("dirty", title="month")
    sample = [r for r in snapshot if r.dossier.unit.code == "12.H01"][:30]
    written = []
    for reason, message in DIRTY.items():
        v = Variant(base.name, title=base.title)
        cells, header_row = table(sample, v, month)
        header = cells[header_row - 1]
        data = [list(c) for c in cells[header_row:]]
        for i, row in enumerate(data):
            row[0] = f"DIRTY-{reason}-{i:03d}"
        col = {c: header.index(h) for c, h in zip(CANONICAL, header, strict=False)}
        encoding = "utf-8"
        if reason == "thieu_cot_trang_thai":
            drop = col["status"]
            header = header[:drop] + header[drop + 1:]
            data = [r[:drop] + r[drop + 1:] for r in data]
        elif reason == "ngay_thang_truoc":
            data[4][col["received_at"]] = f"{month.month:02d}/31/{month.year}"
        elif reason == "don_vi_chua_dang_ky":
            data[2][col["unit_code"]] = "12.H99"
        elif reason == "trung_ma_ho_so":
            data[7][0] = data[3][0]
        elif reason == "ket_thuc_truoc_tiep_nhan":
            row = data[5]
            row[col["received_at"]] = f"20/{month.month:02d}/{month.year}"
            row[col["finished_at"]] = f"02/{month.month:02d}/{month.year}"
            row[col["status"]] = "Đã trả kết quả"
        elif reason == "ma_ky_tu":
            encoding = "cp1258"
        elif reason == "trang_thai_la":
            data[9][col["status"]] = "Đang chờ duyệt"
        elif reason == "sai_ky_bao_cao":
            nxt = next_month(month)
            cells[2] = [f"DANH SÁCH HỒ SƠ THÁNG {nxt:%m/%Y}"]
        all_rows = cells[: header_row - 1] + [header] + data
        path = _month_dir(out, month) / f"loi_{reason}.csv"
        write(path, all_rows, Variant("dirty", encoding=encoding))
        written.append(Written(path, format_month(month), ["12.H01"], "dirty", len(data), message))
    return written
