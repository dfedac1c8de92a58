"""Write monthly one-stop exports in the variants real systems produce (../shared/spec/sources.md)."""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from cchc_warehouse.periods import month_end
from cchc_warehouse.sample.simulate import ExportRow

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
SPEC_HEADERS = {
    "dossier_code": "Mã hồ sơ", "unit_code": "Mã đơn vị", "unit_name": "Đơn vị xử lý", "procedure_code": "Mã TTHC",
    "procedure_name": "Tên TTHC", "field_name": "Lĩnh vực", "service_level": "Mức độ", "channel": "Kênh nộp",
    "received_at": "Ngày tiếp nhận", "due_at": "Ngày hẹn trả", "finished_at": "Ngày kết thúc xử lý",
    "returned_at": "Ngày trả kết quả", "status": "Trạng thái", "has_fee": "Có phí, lệ phí",
    "paid_online": "Thanh toán trực tuyến", "digitized_result": "Số hóa kết quả", "applicant_type": "Đối tượng",
    "applicant_name": "Họ tên người nộp", "applicant_id_number": "Số CCCD/Số giấy tờ",
    "applicant_phone": "Số điện thoại", "applicant_address": "Địa chỉ",
}


FIXED_CREATED = datetime(2025, 1, 1)   # xlsx metadata otherwise stamps the time of writing


@dataclass
class Variant:
    name: str
    fmt: str = "csv"                       # csv | xlsx
    encoding: str = "utf-8"                # utf-8 | utf-8-sig | utf-16
    delimiter: str = ","
    headers: dict[str, str] = field(default_factory=dict)   # overrides of SPEC_HEADERS
    order: list[str] | None = None
    dates: str = "dmy"                     # dmy | dmy_time | dmy_dash | iso | excel
    codes: bool = False                    # status/channel/level as codes
    yes_no: tuple[str, str] = ("Có", "Không")
    nfd: bool = False
    personal: bool = False
    extra_columns: dict[str, str] = field(default_factory=dict)   # header -> constant-ish value
    title: str | None = None               # 'month' | 'range' | None
    footer: bool = False
    blank_row_every: int = 0


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
    if v.personal:
        out.update(applicant_name=d.applicant_name, applicant_id_number=d.applicant_id,
                   applicant_phone=d.applicant_phone, applicant_address=d.applicant_address)
    return out


def _columns(v: Variant) -> list[str]:
    cols = list(v.order or CANONICAL)
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


def _text(cell: object, nfd: bool) -> str:
    if cell is None:
        return ""
    s = cell if isinstance(cell, str) else cell.strftime("%d/%m/%Y") if isinstance(cell, date) else str(cell)
    return unicodedata.normalize("NFD", s) if nfd else s


def write(path: Path, rows: list[list], v: Variant) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if v.fmt == "xlsx":
        import xlsxwriter

        wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        wb.set_properties({"created": FIXED_CREATED})   # same content, same bytes: a re-run is a no-op
        ws = wb.add_worksheet("Danh sách")
        fmt_dt = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
        fmt_d = wb.add_format({"num_format": "dd/mm/yyyy"})
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                if cell is None or cell == "":
                    continue
                if isinstance(cell, datetime):
                    ws.write_datetime(i, j, cell, fmt_dt)
                elif isinstance(cell, date):
                    ws.write_datetime(i, j, datetime(cell.year, cell.month, cell.day), fmt_d)
                else:
                    ws.write_string(i, j, _text(cell, v.nfd))
        wb.close()
        return
    with open(path, "w", encoding=v.encoding, errors="replace", newline="") as f:
        w = csv.writer(f, delimiter=v.delimiter, lineterminator="\r\n")
        for row in rows:
            w.writerow([_text(c, v.nfd) for c in row])
