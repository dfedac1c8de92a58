#!/usr/bin/env python3
"""Write the corpus of source files that nobody on the project generated (tests/corpus/).

Every file is shaped the way a provincial system or a person exports it (title blocks, signature
blocks, repeated headers, UTF-16 "Unicode text", NFD, ...). The expected values of every file are
worked out by hand in ``expected.yaml`` from ../../../shared/spec (sources.md, indicators.md) and the
domain notes; nothing here imports ``cchc_warehouse``.

Run:  .venv/bin/python tests/corpus/make_corpus.py      (stdlib csv + xlsxwriter; deterministic)
"""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date, datetime
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
CREATED = datetime(2025, 7, 1, 8, 0, 0)  # fixed 'created' property: byte-for-byte reproducible xlsx

# --------------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------------


def _nfd(value):
    return unicodedata.normalize("NFD", value) if isinstance(value, str) else value


def write_csv(rel: str, rows: list[list], *, encoding: str = "utf-8", delimiter: str = ",",
              nfd: bool = False) -> None:
    """encoding: 'utf-8', 'utf-8-sig' (BOM) or 'utf-16' (Excel "Unicode text": UTF-16 LE + BOM)."""
    path = HERE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        cells = ["" if c is None else str(c) for c in row]
        writer.writerow([_nfd(c) for c in cells] if nfd else cells)
    text = buf.getvalue()
    if encoding == "utf-16":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif encoding == "utf-8-sig":
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    else:
        data = text.encode("utf-8")
    path.write_bytes(data)


class Book:
    """A thin wrapper over xlsxwriter with the formats every report here uses."""

    def __init__(self, rel: str, title: str):
        path = HERE / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        self.wb = xlsxwriter.Workbook(str(path))
        self.wb.set_properties({"title": title, "author": "Người lập biểu", "company": "UBND tỉnh Lai Châu",
                                "created": CREATED})
        f = self.wb.add_format
        self.bold = f({"bold": True, "font_name": "Times New Roman"})
        self.center = f({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True,
                         "font_name": "Times New Roman"})
        self.italic = f({"italic": True, "align": "center", "font_name": "Times New Roman"})
        self.head = f({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1,
                       "font_name": "Times New Roman"})
        self.cell = f({"border": 1, "font_name": "Times New Roman"})
        self.num = f({"border": 1, "align": "right", "font_name": "Times New Roman"})
        self.dec = f({"border": 1, "num_format": "0.00", "font_name": "Times New Roman"})
        self.dt = f({"border": 1, "num_format": "dd/mm/yyyy hh:mm", "font_name": "Times New Roman"})
        self.d = f({"border": 1, "num_format": "dd/mm/yyyy", "font_name": "Times New Roman"})
        self.plain = f({"font_name": "Times New Roman"})

    def sheet(self, name: str):
        return self.wb.add_worksheet(name)

    def row(self, ws, r: int, values: list, fmt=None, start_col: int = 0) -> None:
        """Write one row; datetime -> date-time cell, date -> date cell, numbers -> numeric cells."""
        for c, v in enumerate(values, start=start_col):
            if v is None or v == "":
                if fmt is not None:
                    ws.write_blank(r, c, None, fmt)
                continue
            if isinstance(v, datetime):
                ws.write_datetime(r, c, v, self.dt)
            elif isinstance(v, date):
                ws.write_datetime(r, c, datetime(v.year, v.month, v.day), self.d)
            elif isinstance(v, (int, float)):
                ws.write_number(r, c, v, fmt or self.num)
            else:
                ws.write_string(r, c, v, fmt or self.cell)

    def close(self) -> None:
        self.wb.close()


def dt(s: str | None):
    """'2024-03-04 15:30' or '2024-03-04' -> datetime/date; None/'' -> None."""
    if not s:
        return None
    if " " in s:
        return datetime.strptime(s, "%Y-%m-%d %H:%M")
    return datetime.strptime(s, "%Y-%m-%d").date()


def fmt_vn(value, style: str) -> str:
    """Render a date/datetime as text the way the file's system does."""
    if value is None:
        return ""
    has_time = isinstance(value, datetime)
    d, m, y = value.day, value.month, value.year
    if style == "dd/mm/yyyy HH:MM":
        return f"{d:02d}/{m:02d}/{y}" + (f" {value.hour:02d}:{value.minute:02d}" if has_time else "")
    if style == "d/m/yyyy":
        return f"{d}/{m}/{y}"
    if style == "d-m-yyyy":
        return f"{d}-{m}-{y}" + (f" {value.hour:02d}:{value.minute:02d}" if has_time else "")
    if style == "dd-mm-yyyy HH:MM:SS":
        return f"{d:02d}-{m:02d}-{y}" + (f" {value.hour:02d}:{value.minute:02d}:00" if has_time else "")
    if style == "iso":
        return f"{y}-{m:02d}-{d:02d}" + (f" {value.hour:02d}:{value.minute:02d}:00" if has_time else "")
    raise ValueError(style)


def signature(book: Book, ws, r: int, place_date: str, left_col: int, right_col: int,
              left=("Người lập biểu", "(Ký, ghi rõ họ tên)", "Lò Thị Hương"),
              right=("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)", "Nguyễn Văn Thành")) -> int:
    """Date line + two signature columns; returns the next free row."""
    ws.write_string(r, right_col, place_date, book.italic)
    r += 1
    ws.write_string(r, left_col, left[0], book.center)
    ws.write_string(r, right_col, right[0], book.center)
    r += 1
    ws.write_string(r, left_col, left[1], book.italic)
    ws.write_string(r, right_col, right[1], book.italic)
    r += 4
    ws.write_string(r, left_col, left[2], book.center)
    ws.write_string(r, right_col, right[2], book.center)
    return r + 1


# --------------------------------------------------------------------------------------------------
# one_stop_dossiers
# --------------------------------------------------------------------------------------------------

# D1 — UBND thành phố Lai Châu (12.H01), March 2024: xlsx with title block, page break with the
# header printed again, 'Tổng cộng' under STT with '10 hồ sơ' under Mã hồ sơ, signature block.
D1_HEADER = ["STT", "Mã hồ sơ", "Mã đơn vị", "Đơn vị xử lý", "Mã TTHC", "Tên TTHC", "Lĩnh vực", "Mức độ",
             "Kênh nộp", "Họ tên người nộp", "Số CCCD/Số giấy tờ", "Số điện thoại", "Địa chỉ", "Ngày tiếp nhận",
             "Ngày hẹn trả", "Ngày kết thúc xử lý", "Ngày trả kết quả", "Trạng thái", "Có phí, lệ phí",
             "Thanh toán trực tuyến", "Số hóa kết quả", "Đối tượng"]
D1_UNIT = ("12.H01", "UBND thành phố Lai Châu")
# code, TTHC code, TTHC, field, level, channel, applicant, CCCD, phone, address,
# received, due, finished, returned, status, fee, paid online, e-result, applicant type
D1_ROWS = [
    ("H01.2024.0101", "1.001193", "Đăng ký khai sinh", "Hộ tịch", "Một phần", "Trực tiếp",
     "Vàng Thị Mai", "012190004567", "0912 345 601", "Tổ 5, phường Tân Phong",
     "2024-02-26 09:15", "2024-03-04", "2024-03-04 15:30", "2024-03-05 08:00", "Đã trả kết quả", "Có", "", "x",
     "Công dân"),
    ("H01.2024.0102", "1.000894", "Đăng ký kết hôn", "Hộ tịch", "Một phần", "Trực tiếp",
     "Lò Văn Pành", "012088001234", "0987 112 233", "Bản Nậm Loỏng, xã San Thàng",
     "2024-02-29 14:00", "2024-03-14", None, None, "Đang xử lý", "Không", "", "", "Công dân"),
    ("H01.2024.0103", "2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", "Toàn trình",
     "Trực tuyến", "Nguyễn Thị Thu", "012195006789", "0968 220 145", "Tổ 12, phường Đông Phong",
     "2024-03-04 08:30", "2024-03-11", "2024-03-08 10:00", "2024-03-08 14:00", "Đã trả kết quả", "Có", "x", "x",
     "Công dân"),
    ("H01.2024.0104", "1.009972", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng", "Một phần",
     "Trực tiếp", "Trần Văn Hùng", "012087003321", "0915 667 889", "Tổ 3, phường Quyết Thắng",
     "2024-03-06 10:00", "2024-03-13", "2024-03-15 16:00", None, "Đã xử lý xong", "Không", "", "", "Công dân"),
    ("H01.2024.0105", "2.000908", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "Toàn trình", "Trực tuyến",
     "Giàng A Sử", "012099007788", "0977 450 321", "Bản Hồi Năm, xã Nậm Loỏng",
     "2024-03-12 07:45", None, "2024-03-12 09:00", "2024-03-12 09:10", "Đã trả kết quả", "Không", "", "x",
     "Công dân"),
    ("H01.2024.0106", "1.001612", "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh",
     "Một phần", "Bưu chính công ích", "Phạm Thị Lan", "012192005544", "0904 321 765",
     "Tổ 8, phường Tân Phong", "2024-03-18 15:00", "2024-04-02", None, None, "Yêu cầu bổ sung", "Có", "", "",
     "Công dân"),
    ("H01.2024.0107", "1.004746", "Đăng ký biến động quyền sử dụng đất", "Đất đai", "Một phần", "Trực tuyến",
     "Hoàng Văn Minh", "012085002211", "0912 008 877", "Tổ 2, phường Đoàn Kết",
     "2024-03-20 09:00", "2024-03-27", "2024-03-22 10:00", None, "Công dân yêu cầu rút hồ sơ", "Không", "", "",
     "Công dân"),
    ("H01.2024.0108", "2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", "Toàn trình", "Trực tiếp",
     "Công ty TNHH Sơn Hà", "6200123456", "0213 387 6543", "Đường Trần Phú, phường Tân Phong",
     "2024-03-25 10:30", "2024-04-08", "2024-03-29 14:00", "2024-03-29 15:00", "Đã trả kết quả", "Có", "", "x",
     "Doanh nghiệp"),
    ("H01.2024.0109", "1.001193", "Đăng ký khai sinh", "Hộ tịch", "Toàn trình", "Trực tuyến",
     "Lù Thị Hoa", "012198009900", "0399 876 543", "Bản Cư Nhà La, xã Sùng Phài",
     "2024-03-28 16:00", "2024-04-04", None, None, "Được tiếp nhận", "Không", "", "", "Công dân"),
    ("H01.2024.0110", "1.000894", "Đăng ký kết hôn", "Hộ tịch", "Một phần", "Trực tuyến",
     "Đỗ Văn Khánh", "012094001122", "0966 554 433", "Tổ 7, phường Quyết Tiến",
     "2024-03-29 08:00", "2024-04-05", "2024-03-29 08:40", None, "Không được tiếp nhận", "Không", "", "",
     "Công dân"),
]


def make_d1() -> None:
    b = Book("one_stop_dossiers/ds_ho_so_igate_2024_03.xlsx", "Danh sách hồ sơ tháng 03/2024")
    ws = b.sheet("DanhSachHoSo")
    last = len(D1_HEADER) - 1
    ws.merge_range(0, 0, 0, 4, "UBND TỈNH LAI CHÂU", b.center)
    ws.merge_range(0, 12, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b.center)
    ws.merge_range(1, 0, 1, 4, "UBND THÀNH PHỐ LAI CHÂU", b.center)
    ws.merge_range(1, 12, 1, last, "Độc lập - Tự do - Hạnh phúc", b.center)
    ws.merge_range(3, 0, 3, last, "DANH SÁCH HỒ SƠ TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THÁNG 03/2024",
                   b.center)
    ws.merge_range(4, 0, 4, last, "(Trích xuất từ Hệ thống thông tin giải quyết TTHC tỉnh Lai Châu ngày 01/04/2024)",
                   b.italic)
    r = 6
    b.row(ws, r, D1_HEADER, b.head)
    r += 1

    def data_row(i: int, row) -> list:
        (code, tcode, tname, field, level, ch, name, cccd, phone, addr, recv, due, fin, ret, st, fee, paid, dig,
         kind) = row
        return [i, code, D1_UNIT[0], D1_UNIT[1], tcode, tname, field, level, ch, name, cccd, phone, addr,
                dt(recv), dt(due), dt(fin), dt(ret), st, fee, paid, dig, kind]

    for i, row in enumerate(D1_ROWS[:6], start=1):
        b.row(ws, r, data_row(i, row), b.cell)
        r += 1
    ws.write_string(r, last, "Trang 1/2", b.italic)          # printed page footer
    r += 1
    b.row(ws, r, D1_HEADER, b.head)                             # header printed again on page 2
    r += 1
    for i, row in enumerate(D1_ROWS[6:], start=7):
        b.row(ws, r, data_row(i, row), b.cell)
        r += 1
    b.row(ws, r, ["Tổng cộng", f"{len(D1_ROWS)} hồ sơ"], b.head)
    r += 2
    r = signature(b, ws, r, "Thành phố Lai Châu, ngày 01 tháng 4 năm 2024", 1, 17)
    ws.write_string(r, last, "Trang 2/2", b.italic)
    ws.set_column(0, 0, 5)
    ws.set_column(1, last, 16)
    b.close()


# D2 — Sở Tư pháp (12.STP), May 2024: CSV UTF-8 with BOM, ';', header aliases, status/channel codes,
# service level 4/3/2, dates 'dd/mm/yyyy HH:MM' and 'd/m/yyyy', yes/no as 1/0, Có/Không, TRUE/FALSE.
D2_HEADER = ["STT", "Số hồ sơ", "MaDonVi", "Cơ quan giải quyết", "Mã thủ tục", "Tên thủ tục hành chính",
             "TenLinhVuc", "Mức độ DVC", "Hình thức nộp", "Họ tên người nộp", "Số điện thoại", "Ngày tiếp nhận",
             "Ngày hẹn trả", "Ngày hoàn thành", "Ngày trả kết quả", "Trạng thái", "Có phí, lệ phí",
             "Thanh toán trực tuyến", "Kết quả điện tử", "Đối tượng", "Bước xử lý hiện tại"]
# code, proc code, proc, field, level, channel code, name, phone, recv, recv style, due, fin, ret,
# status code, fee (1/0), paid (Có/Không/''), e-result (TRUE/FALSE/''), type, step
D2_ROWS = [
    ("STP-240418-0007", "2.001417", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp", 4, 2,
     "Nguyễn Văn Bình", "0912 101 202", "2024-04-18 09:10", "dd", "2024-05-09", "2024-05-07 14:00",
     "2024-05-08 09:00", 10, 1, "Có", "TRUE", "Công dân", "Đã trả kết quả"),
    ("STP-240425-0012", "2.001417", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp", 3, 1,
     "Tẩn Láo Lở", "0987 303 404", "2024-04-25 15:20", "dd", "2024-05-06", "2024-05-10 10:00",
     "2024-05-10 15:00", 10, 1, "Không", "FALSE", "Công dân", "Đã trả kết quả"),
    ("STP-240429-0015", "1.008925", "Thủ tục cấp bản sao trích lục hộ tịch", "Hộ tịch", 4, 2,
     "Lê Thị Hồng", "0903 505 606", "2024-04-29 10:00", "dd", "2024-05-20", "2024-04-30 16:00",
     "2024-05-02 08:30", 10, 0, "", "TRUE", "Công dân", "Đã trả kết quả"),
    ("STP-240502-0001", "2.001417", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp", 4, 2,
     "Vàng A Chứ", "0977 707 808", "2024-05-02 08:05", "d", "2024-05-08", "2024-05-09 16:45",
     "", 9, 1, "Có", "FALSE", "Công dân", "Chờ trả kết quả"),
    ("STP-240503-0004", "1.001022", "Thủ tục đăng ký hoạt động của Văn phòng công chứng", "Công chứng", 3, 1,
     "Văn phòng công chứng Phong Thổ", "0213 388 9999", "2024-05-03", "d", "2024-05-17", "2024-05-14 11:00",
     "2024-05-15 08:00", 10, 0, "", "TRUE", "Tổ chức", "Đã trả kết quả"),
    ("STP-240508-0009", "2.000635", "Thủ tục đăng ký khai thác thông tin đấu giá tài sản", "Đấu giá tài sản", 3, 3,
     "Công ty đấu giá hợp danh Tây Bắc", "0213 377 1212", "2024-05-08 10:30", "dd", "2024-05-22", "",
     "", 4, 1, "Không", "", "Doanh nghiệp", "Chuyên viên thụ lý"),
    ("STP-240510-0011", "2.001417", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp", 4, 2,
     "Hà Văn Tuấn", "0396 909 101", "2024-05-10 14:00", "dd", "2024-05-24", "2024-05-16 09:00",
     "", 8, 0, "", "", "Công dân", "Dừng xử lý"),
    ("STP-240515-0020", "2.001417", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp", 4, 2,
     "Phàn Thị Sính", "0912 121 314", "2024-05-15 08:20", "dd", "2024-05-29", "2024-05-28 11:00",
     "2024-05-28 15:00", 10, 1, "Có", "TRUE", "Công dân", "Đã trả kết quả"),
    ("STP-240520-0023", "1.001233", "Thủ tục cấp giấy chứng nhận quốc tịch Việt Nam", "Quốc tịch", 3, 2,
     "Lý Thị Dung", "0987 151 617", "2024-05-20 09:45", "d", "2024-06-03", "", "", 6, 1, "Có", "",
     "Công dân", "Chờ nộp phí"),
    ("STP-240527-0031", "1.008925", "Thủ tục cấp bản sao trích lục hộ tịch", "Hộ tịch", 4, 2,
     "Đèo Văn Sơn", "0968 181 920", "2024-05-27 13:30", "dd", "2024-06-10", "", "", 2, 0, "", "",
     "Công dân", "Chuyên viên thụ lý"),
    ("STP-240531-0035", "2.001417", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp", 4, 2,
     "Sùng A Páo", "0399 212 223", "2024-05-31 16:50", "dd", "2024-06-14", "", "", 1, 0, "", "",
     "Công dân", "Chờ tiếp nhận"),
]


def make_d2() -> None:
    rows = [D2_HEADER]
    for i, (code, pcode, pname, field, level, ch, name, phone, recv, style, due, fin, ret, st, fee, paid, dig, kind,
            step) in enumerate(D2_ROWS, start=1):
        rstyle = "dd/mm/yyyy HH:MM" if style == "dd" else "d/m/yyyy"
        rows.append([i, code, "12.STP", "Sở Tư pháp", pcode, pname, field, level, ch, name, phone,
                     fmt_vn(dt(recv), rstyle), fmt_vn(dt(due), "d/m/yyyy" if style == "d" else "dd/mm/yyyy HH:MM"),
                     fmt_vn(dt(fin), "dd/mm/yyyy HH:MM"), fmt_vn(dt(ret), "dd/mm/yyyy HH:MM"), st, fee, paid, dig,
                     kind, step])
    write_csv("one_stop_dossiers/DanhSachHoSo_STP_2024-05.csv", rows, encoding="utf-8-sig", delimiter=";")


# D3 — two communes of Phong Thổ (12.H03.X01 Mường So, 12.H03.X02 Dào San), August 2024:
# Excel "Unicode text" (UTF-16 LE + BOM, tab), NFD text, ISO dates, channel 'BCCI', no title rows.
D3_HEADER = ["Mã hồ sơ", "Mã đơn vị", "Đơn vị xử lý", "Mã TTHC", "Tên TTHC", "Lĩnh vực", "Kênh nộp",
             "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý", "Trạng thái", "Có phí, lệ phí",
             "Thanh toán trực tuyến", "Số hóa kết quả", "Họ tên người nộp", "Số CCCD/Số giấy tờ", "Địa chỉ"]
D3_ROWS = [
    ("MS-2024-0088", "12.H03.X01", "UBND xã Mường So", "1.001193", "Đăng ký khai sinh", "Hộ tịch", "Trực tiếp",
     "2024-07-29 08:30", "2024-08-02", "2024-08-01 10:00", "Đã trả kết quả", "Không", "Không", "Có",
     "Lò Thị Ánh", "012196001010", "Bản Mường So, xã Mường So"),
    ("MS-2024-0091", "12.H03.X01", "UBND xã Mường So", "2.000815", "Chứng thực bản sao từ bản chính",
     "Chứng thực", "Trực tiếp", "2024-08-02 09:00", "2024-08-02", "2024-08-02 10:15", "Đã trả kết quả", "Có",
     "Không", "Không", "Tao Văn Hặc", "012090002020", "Bản Khổng Lào, xã Mường So"),
    ("MS-2024-0095", "12.H03.X01", "UBND xã Mường So", "1.000894", "Đăng ký kết hôn", "Hộ tịch", "Trực tuyến",
     "2024-08-07 14:00", "2024-08-12", "2024-08-14 09:00", "Đã xử lý xong", "Có", "Có", "Có",
     "Lường Văn Thắng", "012093003030", "Bản Nậm Cáy, xã Mường So"),
    ("MS-2024-0102", "12.H03.X01", "UBND xã Mường So", "1.003622", "Xác nhận tình trạng hôn nhân", "Hộ tịch",
     "Trực tiếp", "2024-08-20 08:00", "2024-09-03", None, "Đang xử lý", "Không", "Không", "Không",
     "Lò Văn Duy", "012097004040", "Bản Pa So, xã Mường So"),
    ("MS-2024-0107", "12.H03.X01", "UBND xã Mường So", "1.001193", "Đăng ký khai sinh", "Hộ tịch", "Trực tiếp",
     "2024-08-26 15:30", "2024-08-28", None, "Yêu cầu bổ sung", "Không", "Không", "Không",
     "Vàng Thị Dế", "012001005050", "Bản Mường So, xã Mường So"),
    ("DS-2024-0040", "12.H03.X02", "UBND xã Dào San", "1.001193", "Đăng ký khai sinh", "Hộ tịch", "Trực tuyến",
     "2024-08-01 07:50", "2024-08-06", "2024-08-05 16:00", "Đã trả kết quả", "Có", "Có", "Có",
     "Thào A Lử", "012095006060", "Bản Tả Chải, xã Dào San"),
    ("DS-2024-0043", "12.H03.X02", "UBND xã Dào San", "2.000815", "Chứng thực bản sao từ bản chính",
     "Chứng thực", "Trực tiếp", "2024-08-09 10:20", "2024-08-16", "2024-08-16 08:30", "Đã trả kết quả", "Có",
     "Không", "Có", "Phàn A Tả", "012091007070", "Bản Lả Chải, xã Dào San"),
    ("DS-2024-0047", "12.H03.X02", "UBND xã Dào San", "1.000894", "Đăng ký kết hôn", "Hộ tịch", "Trực tiếp",
     "2024-08-15 09:00", "2024-08-22", "2024-08-19 14:00", "Công dân yêu cầu rút hồ sơ", "Không", "Không",
     "Không", "Chảo Thị Mẩy", "012099008080", "Bản Sin Chải, xã Dào San"),
    ("DS-2024-0050", "12.H03.X02", "UBND xã Dào San", "1.003622", "Xác nhận tình trạng hôn nhân", "Hộ tịch",
     "BCCI", "2024-08-30 16:10", "2024-09-06", None, "Được tiếp nhận", "Không", "Không", "Không",
     "Lý A Sài", "012094009090", "Bản Hợp 1, xã Dào San"),
]


def make_d3() -> None:
    rows = [D3_HEADER]
    for row in D3_ROWS:
        row = list(row)
        for i in (7, 8, 9):
            row[i] = fmt_vn(dt(row[i]), "iso")
        rows.append(row)
    write_csv("one_stop_dossiers/hoso_xa_phong_tho_2024-08.csv", rows, encoding="utf-16", delimiter="\t", nfd=True)


# D4 — Sở Xây dựng (12.SXD), October 2024: xlsx, first sheet = data with a blank spacer column,
# second sheet = instructions; text dates 'd-m-yyyy'; yes/no as Có/Không, x/blank, Đã/Chưa.
D4_HEADER = ["STT", "Mã hồ sơ", None, "Mã cơ quan", "Cơ quan giải quyết", "MaTTHC", "Thủ tục", "Lĩnh vực",
             "Kênh thực hiện", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý", "Ngày trả kết quả",
             "Trạng thái", "Có phí, lệ phí", "Thanh toán trực tuyến", "Số hóa kết quả", "Đối tượng"]
D4_ROWS = [
    ("SXD-2409-0031", "1.009972", "Cấp giấy phép xây dựng mới đối với công trình cấp II", "Hoạt động xây dựng",
     "Trực tiếp", "2024-09-20", "2024-10-04", "2024-10-03", "2024-10-04", "Đã trả kết quả", "Có", "", "Đã",
     "Doanh nghiệp"),
    ("SXD-2409-0035", "1.009994", "Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng", "Hoạt động xây dựng",
     "Trực tuyến", "2024-09-25", "2024-10-09", "2024-09-28", "2024-10-01", "Đã trả kết quả", "Có", "x", "Đã",
     "Doanh nghiệp"),
    ("SXD-2409-0038", "1.009972", "Cấp giấy phép xây dựng mới đối với công trình cấp II", "Hoạt động xây dựng",
     "Trực tuyến", "2024-09-27", "2024-10-11", None, None, "Đang xử lý", "Có", "", "Chưa", "Doanh nghiệp"),
    ("SXD-2410-0002", "1.007750", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, III", "Hoạt động xây dựng",
     "Trực tuyến", "2024-10-01", "2024-10-15", "2024-10-15", "2024-10-16", "Đã xử lý xong", "Có", "x", "Đã",
     "Công dân"),
    ("SXD-2410-0006", "1.009972", "Cấp giấy phép xây dựng mới đối với công trình cấp II", "Hoạt động xây dựng",
     "Trực tiếp", "2024-10-02", "2024-10-16", "2024-10-04", None, "Không được tiếp nhận", "Không", "", "Chưa",
     "Doanh nghiệp"),
    ("SXD-2410-0010", "1.010005", "Thông báo nhà ở hình thành trong tương lai đủ điều kiện được bán", "Nhà ở",
     "Bưu chính công ích", "2024-10-07", "2024-10-21", "2024-10-24", "2024-10-25", "Đã trả kết quả", "Có", "",
     "Chưa", "Doanh nghiệp"),
    ("SXD-2410-0014", "1.007750", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, III", "Hoạt động xây dựng",
     "Trực tuyến", "2024-10-10", "2024-10-24", "2024-10-23", "2024-10-24", "Đã trả kết quả", "Có", "x", "Đã",
     "Công dân"),
    ("SXD-2410-0019", "1.009994", "Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng", "Hoạt động xây dựng",
     "Trực tuyến", "2024-10-14", "2024-10-28", "2024-10-18", None, "Dừng xử lý", "Không", "", "Chưa",
     "Doanh nghiệp"),
    ("SXD-2410-0023", "1.009972", "Cấp giấy phép xây dựng mới đối với công trình cấp II", "Hoạt động xây dựng",
     "Trực tuyến", "2024-10-21", "2024-11-04", None, None, "Yêu cầu thực hiện nghĩa vụ tài chính", "Có", "",
     "Chưa", "Doanh nghiệp"),
    ("SXD-2410-0027", "1.010005", "Thông báo nhà ở hình thành trong tương lai đủ điều kiện được bán", "Nhà ở",
     "Trực tiếp", "2024-10-28", "2024-11-11", None, None, "Được tiếp nhận", "Không", "", "Chưa", "Doanh nghiệp"),
    ("SXD-2410-0030", "1.007750", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, III", "Hoạt động xây dựng",
     "Trực tuyến", "2024-10-31 17:05", "2024-11-14", None, None, "Mới đăng ký", "Không", "", "Chưa", "Công dân"),
    ("SXD-2410-0012", "1.007750", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, III", "Hoạt động xây dựng",
     "Trực tuyến", "2024-10-09", "2024-10-23", "2024-10-22", None, "Công dân yêu cầu rút hồ sơ", "Không", "",
     "Chưa", "Công dân"),
]


def make_d4() -> None:
    b = Book("one_stop_dossiers/export_dvc_SXD_thang10_2024.xlsx", "Báo cáo chi tiết hồ sơ tháng 10/2024")
    ws = b.sheet("Sheet1")
    last = len(D4_HEADER) - 1
    ws.merge_range(0, 0, 0, 5, "SỞ XÂY DỰNG TỈNH LAI CHÂU", b.center)
    ws.merge_range(1, 0, 1, last, "BÁO CÁO CHI TIẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH", b.center)
    ws.merge_range(2, 0, 2, last, "Từ ngày 01/10/2024 đến ngày 31/10/2024", b.italic)
    r = 4
    b.row(ws, r, D4_HEADER, b.head)
    r += 1
    for i, (code, pcode, pname, field, ch, recv, due, fin, ret, st, fee, paid, dig, kind) in enumerate(D4_ROWS, 1):
        b.row(ws, r, [i, code, None, "12.SXD", "Sở Xây dựng", pcode, pname, field, ch,
                      fmt_vn(dt(recv), "d-m-yyyy"), fmt_vn(dt(due), "d-m-yyyy"), fmt_vn(dt(fin), "d-m-yyyy"),
                      fmt_vn(dt(ret), "d-m-yyyy"), st, fee, paid, dig, kind], b.cell)
        r += 1
    r += 1
    ws.write_string(r, 1, "Tổng số: 12 hồ sơ", b.bold)
    r += 2
    signature(b, ws, r, "Lai Châu, ngày 01 tháng 11 năm 2024", 1, 13,
              left=("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", "Vũ Thị Ngọc"),
              right=("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "(Ký tên, đóng dấu)", "Đặng Quốc Việt"))
    ws.set_column(2, 2, 2)  # the blank spacer column
    ws.set_column(3, last, 15)
    guide = b.sheet("Hướng dẫn")
    for i, line in enumerate([
        "HƯỚNG DẪN SỬ DỤNG MẪU XUẤT DỮ LIỆU",
        "1. Sheet1 là danh sách hồ sơ xuất từ phần mềm một cửa điện tử.",
        "2. Ngày tháng ghi theo định dạng ngày-tháng-năm.",
        "3. Trạng thái theo danh mục của Hệ thống thông tin giải quyết TTHC tỉnh.",
    ]):
        guide.write_string(i, 0, line, b.bold if i == 0 else b.plain)
    b.close()


# D5 — UBND huyện Tam Đường (12.H02) and its communes Bình Lư (12.H02.X01), Bản Giang (12.H02.X02),
# January 2025: CSV UTF-8 without BOM, ',' with quoted fields, title line, dates 'dd-mm-yyyy HH:MM:SS',
# service level 4/3/2, yes/no 1/0, signature lines at the bottom.
D5_HEADER = ["STT", "Mã hồ sơ", "Mã đơn vị", "Đơn vị xử lý", "Mã TTHC", "Tên TTHC", "Lĩnh vực", "Mức độ", "Kênh nộp",
             "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý", "Trạng thái", "Có phí, lệ phí",
             "Thanh toán trực tuyến", "Số hóa kết quả", "Họ tên người nộp", "Số điện thoại"]
BIEN_DONG = "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"
D5_ROWS = [
    ("TD-2411-0120", "12.H02", "UBND huyện Tam Đường", "1.004746", BIEN_DONG,
     "Đất đai", 3, "Trực tiếp",
     "2024-11-25 09:00", "2025-01-10", "2025-01-08 15:00", "Đã trả kết quả", 1, 0, 1, "Lò Văn Chiến", "0912 441 551"),
    ("TD-2501-0003", "12.H02", "UBND huyện Tam Đường", "1.001612", "Đăng ký thành lập hộ kinh doanh",
     "Thành lập và hoạt động của hộ kinh doanh", 4, "Trực tuyến",
     "2025-01-03 08:10", "2025-01-17", "2025-01-17 10:00", "Đã trả kết quả", 1, 1, 1,
     "Nguyễn Thị Hạnh", "0987 442 552"),
    ("TD-2501-0011", "12.H02", "UBND huyện Tam Đường", "1.004746", BIEN_DONG,
     "Đất đai", 3, "Trực tuyến",
     "2025-01-08 14:30", "2025-01-22", "2025-01-27 16:00", "Đã xử lý xong", 0, 0, 0, "Chẻo Láo Sử", "0968 443 553"),
    ("TD-2501-0019", "12.H02", "UBND huyện Tam Đường", "1.001612", "Đăng ký thành lập hộ kinh doanh",
     "Thành lập và hoạt động của hộ kinh doanh", 3, "Trực tiếp",
     "2025-01-15 10:00", "2025-02-05", None, "Đang xử lý", 0, 0, 0, "Tẩn Thị Mùi", "0399 444 554"),
    ("BL-2501-0002", "12.H02.X01", "UBND xã Bình Lư", "2.000815", "Chứng thực bản sao từ bản chính",
     "Chứng thực", 2, "Trực tiếp",
     "2025-01-06 08:00", None, "2025-01-06 08:20", "Đã trả kết quả", 0, 0, 0, "Vàng A Dơ", "0912 445 555"),
    ("BL-2501-0005", "12.H02.X01", "UBND xã Bình Lư", "1.001193", "Đăng ký khai sinh", "Hộ tịch", 4, "Trực tuyến",
     "2025-01-13 09:30", "2025-01-20", "2025-01-17 14:00", "Đã trả kết quả", 1, 0, 1, "Sần Thị Chúa", "0987 446 556"),
    ("BL-2501-0009", "12.H02.X01", "UBND xã Bình Lư", "1.000894", "Đăng ký kết hôn", "Hộ tịch", 3, "Trực tiếp",
     "2025-01-24 15:00", "2025-01-31", "2025-01-24 15:30", "Không được tiếp nhận", 0, 0, 0,
     "Lý Văn Tờ", "0968 447 557"),
    ("BG-2411-0031", "12.H02.X02", "UBND xã Bản Giang", "1.003622", "Xác nhận tình trạng hôn nhân",
     "Hộ tịch", 3, "Trực tiếp",
     "2024-11-28 10:00", "2024-12-12", None, "Đang xử lý", 0, 0, 0, "Hoàng Văn Páo", "0399 448 558"),
    ("BG-2501-0004", "12.H02.X02", "UBND xã Bản Giang", "1.001193", "Đăng ký khai sinh",
     "Hộ tịch", 3, "Bưu chính công ích",
     "2025-01-09 09:00", "2025-01-23", "2025-01-23 11:00", "Đã trả kết quả", 0, 0, 1, "Giàng Thị Sua", "0912 449 559"),
]


def make_d5() -> None:
    rows: list[list] = [["DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 01/2025 - HUYỆN TAM ĐƯỜNG VÀ CÁC XÃ"], []]
    rows.append(D5_HEADER)
    for i, (code, unit, uname, pcode, pname, field, level, ch, recv, due, fin, st, fee, paid, dig, name,
            phone) in enumerate(D5_ROWS, 1):
        rows.append([i, code, unit, uname, pcode, pname, field, level, ch,
                     fmt_vn(dt(recv), "dd-mm-yyyy HH:MM:SS"), fmt_vn(dt(due), "dd-mm-yyyy HH:MM:SS"),
                     fmt_vn(dt(fin), "dd-mm-yyyy HH:MM:SS"), st, fee, paid, dig, name, phone])
    rows += [[], ["", "Người lập biểu", "", "", "", "", "", "", "", "", "", "", "THỦ TRƯỞNG ĐƠN VỊ"],
             ["", "(Ký, ghi rõ họ tên)", "", "", "", "", "", "", "", "", "", "", "(Ký tên, đóng dấu)"],
             [], ["", "Tráng Thị Lụa", "", "", "", "", "", "", "", "", "", "", "Lê Minh Đức"]]
    write_csv("one_stop_dossiers/ds_hoso_H02_2025_01.csv", rows, encoding="utf-8", delimiter=",")


# D6 — Sở Y tế (12.SYT), March 2025: xlsx, title 'Từ ngày 01/03/2025 đến ngày 31/03/2025', header on
# row 8, totals with the label in another column, 'Ghi chú:' notes, long signature block.
D6_HEADER = ["STT", "Mã hồ sơ", "Mã đơn vị", "Đơn vị xử lý", "Tên TTHC", "Mã TTHC", "Lĩnh vực", "Kênh nộp",
             "Họ tên người nộp", "Địa chỉ", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý", "Trạng thái",
             "Có phí, lệ phí", "Thanh toán trực tuyến", "Số hóa kết quả"]
D6_ROWS = [
    ("SYT-2502-0044", "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", "1.011518", "Khám bệnh, chữa bệnh",
     "Trực tuyến", "Nguyễn Văn Lực", "Tổ 4, phường Tân Phong", "2025-02-20", "2025-03-06", "2025-03-06",
     "Đã trả kết quả", "Không", "", "x"),
    ("SYT-2503-0002", "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "1.002425", "An toàn thực phẩm",
     "Trực tuyến", "Hộ kinh doanh Bếp Mường", "Tổ 9, phường Đông Phong", "2025-03-03", "2025-03-17", "2025-03-12",
     "Đã trả kết quả", "Có", "x", "x"),
    ("SYT-2503-0008", "Cấp chứng chỉ hành nghề dược", "1.004616", "Dược phẩm", "Trực tiếp", "Lê Thị Thảo",
     "Bản Nà Bỏ, xã Bình Lư", "2025-03-05", "2025-03-19", "2025-03-21", "Đã xử lý xong", "Không", "", ""),
    ("SYT-2503-0013", "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "1.002425", "An toàn thực phẩm",
     "Trực tuyến", "Công ty TNHH Nước khoáng Tây Bắc", "Khu công nghiệp Mường So", "2025-03-10", "2025-03-24",
     "2025-03-20", "Đã trả kết quả", "Có", "", "x"),
    ("SYT-2503-0017", "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", "1.011518", "Khám bệnh, chữa bệnh",
     "Trực tuyến", "Đinh Văn Hải", "Tổ 1, phường Quyết Thắng", "2025-03-14", "2025-03-28", None,
     "Yêu cầu bổ sung", "Không", "", ""),
    ("SYT-2503-0021", "Cấp chứng chỉ hành nghề dược", "1.004616", "Dược phẩm", "Trực tiếp", "Quàng Thị Xuân",
     "Bản Thẳm, xã Mường Kim", "2025-03-18", "2025-04-01", None, "Đang xử lý", "Không", "", ""),
    ("SYT-2503-0026", "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "1.002425", "An toàn thực phẩm",
     "Trực tuyến", "Hộ kinh doanh Chè Tả Lèng", "Xã Tả Lèng", "2025-03-24", "2025-04-07", "2025-03-31",
     "Đã trả kết quả", "Có", "x", "x"),
    ("SYT-2503-0029", "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", "1.011518", "Khám bệnh, chữa bệnh",
     "Trực tuyến", "Mai Thị Hòa", "Tổ 6, phường Tân Phong", "2025-03-31", "2025-04-14", None, "Được tiếp nhận",
     "Không", "", ""),
]


def make_d6() -> None:
    b = Book("one_stop_dossiers/ho_so_SYT_2025-03.xlsx", "Hồ sơ TTHC Sở Y tế tháng 3/2025")
    ws = b.sheet("Báo cáo")
    last = len(D6_HEADER) - 1
    ws.merge_range(0, 0, 0, 5, "UBND TỈNH LAI CHÂU", b.center)
    ws.merge_range(0, 10, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b.center)
    ws.merge_range(1, 0, 1, 5, "SỞ Y TẾ", b.center)
    ws.merge_range(1, 10, 1, last, "Độc lập - Tự do - Hạnh phúc", b.center)
    ws.merge_range(3, 0, 3, last, "BẢNG THEO DÕI HỒ SƠ THỦ TỤC HÀNH CHÍNH", b.center)
    ws.merge_range(4, 0, 4, last, "Từ ngày 01/03/2025 đến ngày 31/03/2025", b.italic)
    ws.merge_range(5, 0, 5, last, "(Kèm theo Báo cáo số 112/BC-SYT ngày 02/4/2025 của Sở Y tế)", b.italic)
    r = 7  # header on Excel row 8
    b.row(ws, r, D6_HEADER, b.head)
    r += 1
    for i, (code, pname, pcode, field, ch, name, addr, recv, due, fin, st, fee, paid, dig) in enumerate(D6_ROWS, 1):
        # received as Excel date cells; due and finish as text dd/mm/yyyy (mixed, as seen in hand-edited exports)
        b.row(ws, r, [i, code, "12.SYT", "Sở Y tế", pname, pcode, field, ch, name, addr, dt(recv),
                      fmt_vn(dt(due), "dd/mm/yyyy HH:MM"), fmt_vn(dt(fin), "dd/mm/yyyy HH:MM"), st, fee, paid, dig],
              b.cell)
        r += 1
    b.row(ws, r, [None, None, None, None, "Tổng số hồ sơ:", len(D6_ROWS)], b.head)
    r += 2
    ws.write_string(r, 0, "Ghi chú:", b.bold)
    ws.write_string(r + 1, 0, "- 01 hồ sơ quá hạn (SYT-2503-0008) đã có Phiếu xin lỗi và hẹn lại ngày trả kết quả.",
                    b.plain)
    ws.write_string(r + 2, 0, "- Số liệu đối chiếu với Hệ thống thông tin giải quyết TTHC tỉnh ngày 01/4/2025.",
                    b.plain)
    r += 4
    r = signature(b, ws, r, "Lai Châu, ngày 02 tháng 4 năm 2025", 2, 12,
                  left=("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", "Bùi Thị Thanh Huyền"),
                  right=("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "(Đã ký)", "BSCKII. Trần Quang Khải"))
    ws.write_string(r, 2, "Nơi nhận:", b.bold)
    ws.write_string(r + 1, 2, "- Sở Nội vụ (b/c);", b.plain)
    ws.write_string(r + 2, 2, "- Lưu: VT, VP.", b.plain)
    ws.set_column(0, last, 15)
    b.close()


# D7 — Sở Giáo dục và Đào tạo (12.SGDDT), December 2024: tab-delimited UTF-8 (no BOM), ISO dates
# with seconds, yes/no TRUE/FALSE, service level labels.
D7_HEADER = ["Mã hồ sơ", "Mã đơn vị", "Đơn vị", "Mã TTHC", "Thủ tục", "Lĩnh vực", "Mức độ", "Kênh nộp",
             "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý", "Ngày trả kết quả", "Trạng thái",
             "Có phí, lệ phí", "Thanh toán trực tuyến", "Số hóa kết quả", "Đối tượng"]
D7_ROWS = [
    ("GD-2411-0210", "1.005092", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ",
     "Toàn trình", "Trực tuyến", "2024-11-27 10:00", "2024-12-04 17:00", "2024-12-02 09:00", "2024-12-02 10:00",
     "Đã trả kết quả", "TRUE", "TRUE", "TRUE", "Công dân"),
    ("GD-2412-0005", "1.005092", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ",
     "Toàn trình", "Trực tuyến", "2024-12-02 08:15", "2024-12-09 17:00", "2024-12-09 15:00", "2024-12-10 08:00",
     "Đã trả kết quả", "TRUE", "TRUE", "TRUE", "Công dân"),
    ("GD-2412-0012", "1.005087", "Chỉnh sửa nội dung văn bằng, chứng chỉ", "Văn bằng, chứng chỉ", "Một phần",
     "Trực tuyến", "2024-12-05 14:00", "2024-12-12 17:00", "2024-12-11 10:00", "2024-12-11 14:00",
     "Đã trả kết quả", "FALSE", "FALSE", "TRUE", "Công dân"),
    ("GD-2412-0019", "1.004442", "Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục",
     "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân", "Một phần", "Trực tiếp", "2024-12-10 09:30",
     "2024-12-17 17:00", "2024-12-17 16:00", "2024-12-18 08:00", "Đã xử lý xong", "FALSE", "FALSE", "FALSE",
     "Tổ chức"),
    ("GD-2412-0027", "1.005092", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ",
     "Toàn trình", "Trực tuyến", "2024-12-16 11:00", "2024-12-23 17:00", "2024-12-20 08:00", None,
     "Công dân yêu cầu rút hồ sơ", "TRUE", "FALSE", "FALSE", "Công dân"),
    ("GD-2412-0033", "1.005087", "Chỉnh sửa nội dung văn bằng, chứng chỉ", "Văn bằng, chứng chỉ", "Một phần",
     "Trực tuyến", "2024-12-23 15:45", "2024-12-30 17:00", None, None, "Đang xử lý", "FALSE", "FALSE", "FALSE",
     "Công dân"),
]


def make_d7() -> None:
    rows = [D7_HEADER]
    for code, pcode, pname, field, level, ch, recv, due, fin, ret, st, fee, paid, dig, kind in D7_ROWS:
        rows.append([code, "12.SGDDT", "Sở Giáo dục và Đào tạo", pcode, pname, field, level, ch,
                     fmt_vn(dt(recv), "iso"), fmt_vn(dt(due), "iso"), fmt_vn(dt(fin), "iso"), fmt_vn(dt(ret), "iso"),
                     st, fee, paid, dig, kind])
    write_csv("one_stop_dossiers/BaoCaoHoSo_SGDDT_2024_12.csv", rows, encoding="utf-8", delimiter="\t")


# --- dossier files the spec says must be REJECTED (each with exactly one problem) -------------------

# D8 — Sở Nông nghiệp và Môi trường (12.SNNMT), July 2024: a listing with the optional Decision 766 columns
# (supplement requests and days waiting, the stop/withdrawal/refusal date, digitised components, reused data,
# population data, DVCQG sync); CSV UTF-8, ',' delimiter, dates 'dd/mm/yyyy', yes/no as Có/Không; statuses as codes.
D8_HEADER = ["Mã hồ sơ", "Mã đơn vị", "Mã TTHC", "Kênh nộp", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý",
             "Ngày trả kết quả", "Trạng thái", "Có phí, lệ phí", "Thanh toán trực tuyến", "Kết quả điện tử",
             "Số lần yêu cầu bổ sung", "Số ngày chờ bổ sung", "Ngày dừng, rút, từ chối", "Số hóa thành phần hồ sơ",
             "Tái sử dụng dữ liệu số hóa", "Sử dụng dữ liệu dân cư", "Đồng bộ DVCQG"]
D8_ROWS = [
    # code, channel, received, due, finished, returned, status, fee, paid, e-result, requests, wait days, ended,
    # digitised, reused, citizen, synced
    ("NN-2406-0101", "Trực tuyến", "20/06/2024", "05/07/2024", "03/07/2024", "03/07/2024", 10, "Có", "Có", "Có",
     0, None, None, "Có", "Không", "Có", "Có"),
    ("NN-2406-0102", "Trực tiếp", "10/06/2024", "24/06/2024", "28/06/2024", "28/06/2024", 10, "Không", "Không",
     "Không", 0, None, None, "Không", "Không", "Không", "Có"),
    ("NN-2407-0003", "Trực tiếp", "02/07/2024", "10/07/2024", "15/07/2024", "15/07/2024", 10, "Có", "Không",
     "Không", 1, 6, None, "Có", "Có", "Không", "Có"),
    ("NN-2407-0004", "Trực tuyến", "03/07/2024", "12/07/2024", "11/07/2024", "11/07/2024", 10, "Không", "Không",
     "Có", 2, 0, None, "Có", "Có", "Có", "Có"),
    ("NN-2407-0005", "Bưu chính công ích", "08/07/2024", "19/07/2024", None, None, 8, "Không", "Không", "Không",
     0, None, "22/07/2024", "Không", "Không", "Không", "Không"),
    ("NN-2407-0006", "Trực tuyến", "15/07/2024", "05/08/2024", None, None, 4, "Có", "Có", "Không",
     0, None, None, "Có", "Không", "Có", "Có"),
    ("NN-2407-0007", "Trực tiếp", "22/07/2024", "26/07/2024", None, None, 4, "Không", "Không", "Không",
     0, None, None, "Không", "Không", "Không", "Không"),
    ("NN-2407-0008", "Trực tiếp", "25/07/2024", None, "25/07/2024", "25/07/2024", 10, "Có", "Không", "Có",
     0, None, None, "Có", "Có", "Có", "Có"),
    ("NN-2407-0009", "Trực tuyến", "29/07/2024", "09/08/2024", None, None, 3, "Không", "Không", "Không",
     0, None, "29/07/2024", "Không", "Không", "Không", "Không"),
]


def make_d8() -> None:
    rows = [D8_HEADER]
    for code, ch, recv, due, fin, ret, st, fee, paid, eres, req, wait, ended, dig, reuse, citizen, sync in D8_ROWS:
        rows.append([code, "12.SNNMT", "1.012345", ch, recv, due, fin, ret, st, fee, paid, eres, req, wait, ended,
                     dig, reuse, citizen, sync])
    write_csv("one_stop_dossiers/ds_ho_so_qd766_SNNMT_2024-07.csv", rows)


REJ_HEADER = ["STT", "Mã hồ sơ", "Mã đơn vị", "Mã TTHC", "Tên TTHC", "Kênh nộp", "Ngày tiếp nhận", "Ngày hẹn trả",
              "Ngày kết thúc xử lý", "Trạng thái"]


def make_rejected_dossiers() -> None:
    # R1 — UBND huyện Mường Tè (12.H05), June 2024: the received date of the 3rd dossier is month-first
    # ('06/31/2024'); every other date is dd/mm/yyyy. Header on line 1 -> that dossier is line 4.
    rows = [REJ_HEADER,
            [1, "MT-2406-0001", "12.H05", "1.001193", "Đăng ký khai sinh", "Trực tiếp", "03/06/2024",
             "07/06/2024", "06/06/2024", "Đã trả kết quả"],
            [2, "MT-2406-0004", "12.H05", "1.000894", "Đăng ký kết hôn", "Trực tuyến", "13/06/2024", "20/06/2024",
             "19/06/2024", "Đã trả kết quả"],
            [3, "MT-2406-0009", "12.H05", "2.000815", "Chứng thực bản sao từ bản chính", "Trực tiếp", "06/31/2024",
             "", "", "Đang xử lý"],
            [4, "MT-2406-0011", "12.H05", "1.001193", "Đăng ký khai sinh", "Trực tuyến", "24/06/2024", "01/07/2024",
             "", "Được tiếp nhận"],
            [5, "MT-2406-0012", "12.H05", "1.003622", "Xác nhận tình trạng hôn nhân", "Trực tiếp", "27/06/2024",
             "28/06/2024", "28/06/2024", "Đã trả kết quả"]]
    write_csv("one_stop_dossiers/reject_ngay_thang_dao_H05_2024_06.csv", rows, encoding="utf-8", delimiter=",")

    # R2 — UBND huyện Than Uyên (12.H06), July 2024: dossier code TU-2407-0015 appears twice (Excel rows
    # 5 and 8); everything else is valid.
    b = Book("one_stop_dossiers/reject_trung_ma_ho_so_H06_2024_07.xlsx", "Danh sách hồ sơ tháng 7/2024")
    ws = b.sheet("Hồ sơ")
    ws.merge_range(0, 0, 0, 9, "UBND HUYỆN THAN UYÊN - DANH SÁCH HỒ SƠ THÁNG 7/2024", b.center)
    b.row(ws, 2, REJ_HEADER, b.head)
    data = [
        ("TU-2407-0003", "Trực tiếp", "2024-07-01 08:00", "2024-07-05", "2024-07-04 10:00", "Đã trả kết quả"),
        ("TU-2407-0015", "Trực tuyến", "2024-07-08 09:00", "2024-07-15", "2024-07-12 15:00", "Đã trả kết quả"),
        ("TU-2407-0021", "Trực tiếp", "2024-07-10 10:30", "2024-07-17", "2024-07-18 09:00", "Đã xử lý xong"),
        ("TU-2407-0028", "Trực tuyến", "2024-07-16 14:00", "2024-07-23", None, "Đang xử lý"),
        ("TU-2407-0015", "Trực tuyến", "2024-07-22 08:45", "2024-07-29", None, "Được tiếp nhận"),
        ("TU-2407-0034", "Trực tiếp", "2024-07-29 09:15", "2024-08-05", None, "Đang xử lý"),
    ]
    for i, (code, ch, recv, due, fin, st) in enumerate(data, 1):
        b.row(ws, 2 + i, [i, code, "12.H06", "1.001193", "Đăng ký khai sinh", ch, dt(recv), dt(due), dt(fin), st],
              b.cell)
    b.close()

    # R3 — UBND huyện Tân Uyên (12.H07), September 2024: the required column 'Kênh nộp' (channel) is
    # missing altogether (none of its aliases either).
    header = [h for h in REJ_HEADER if h != "Kênh nộp"]
    rows = [["UBND HUYỆN TÂN UYÊN - HỒ SƠ TTHC THÁNG 9/2024"], header,
            [1, "TNU-2409-0002", "12.H07", "1.001193", "Đăng ký khai sinh", "04/09/2024", "09/09/2024",
             "06/09/2024", "Đã trả kết quả"],
            [2, "TNU-2409-0007", "12.H07", "1.000894", "Đăng ký kết hôn", "11/09/2024", "18/09/2024", "18/09/2024",
             "Đã trả kết quả"],
            [3, "TNU-2409-0013", "12.H07", "1.003622", "Xác nhận tình trạng hôn nhân", "19/09/2024", "26/09/2024",
             "", "Đang xử lý"],
            [4, "TNU-2409-0016", "12.H07", "2.000815", "Chứng thực bản sao từ bản chính", "25/09/2024", "",
             "25/09/2024", "Đã trả kết quả"]]
    write_csv("one_stop_dossiers/reject_thieu_cot_kenh_nop_H07_2024_09.csv", rows, encoding="utf-8-sig",
              delimiter=";")


# --------------------------------------------------------------------------------------------------
# one_stop_summary — Biểu 06/VPCP/KSTT
# --------------------------------------------------------------------------------------------------

GROUPS = [("Số hồ sơ nhận giải quyết", 2, 5), ("Số hồ sơ đã giải quyết", 6, 9), ("Số hồ sơ đang giải quyết", 10, 12)]
COLS = ["Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước", "Tổng số", "Trước hạn",
        "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"]


def b06_values(c4, c5, c6, c8, c9, c10, c12, c13) -> list[int]:
    """Columns 3..13 of one field row, built so that 3 = 4+5+6 = 7+11, 7 = 8+9+10, 11 = 12+13."""
    c7, c11 = c8 + c9 + c10, c12 + c13
    c3 = c4 + c5 + c6
    assert c3 == c7 + c11, (c3, c7, c11)
    return [c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13]


def b06_header(b: Book, ws, r: int, field_header: str) -> int:
    """The two-row header (group row + column row) with merged cells, then the numbered row."""
    ws.merge_range(r, 0, r + 1, 0, "STT", b.head)
    ws.merge_range(r, 1, r + 1, 1, field_header, b.head)
    for label, c0, c1 in GROUPS:
        ws.merge_range(r, c0, r, c1, label, b.head)
    for i, label in enumerate(COLS, start=2):
        ws.write_string(r + 1, i, label, b.head)
    for i in range(13):
        ws.write_string(r + 2, i, f"({i + 1})", b.head)
    return r + 3


def b06_body(b: Book, ws, r: int, rows: list) -> int:
    """rows: ('heading', 'I', text) or (stt, field, values); then the 'Tổng cộng' row = sum of field rows."""
    total = [0] * 11
    for row in rows:
        if row[0] == "heading":
            b.row(ws, r, [row[1], row[2]], b.head)
        else:
            stt, field, values = row
            b.row(ws, r, [stt, field] + values, b.cell)
            total = [t + v for t, v in zip(total, values, strict=True)]
        r += 1
    b.row(ws, r, [None, "Tổng cộng"] + total, b.head)
    return r + 1


def make_s1() -> None:
    """Sở Tư pháp, tháng 02/2024; unit from 'Mã đơn vị: 12.STP', period from the title."""
    b = Book("one_stop_summary/bieu06_STP_2024_02.xlsx", "Biểu số II.06a/VPCP/KSTT tháng 02/2024")
    ws = b.sheet("Bieu06")
    ws.write_string(0, 0, "Biểu số II.06a/VPCP/KSTT", b.bold)
    ws.merge_range(0, 2, 1, 9, "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP "
                               "GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", b.center)
    ws.write_string(0, 10, "- Đơn vị báo cáo: Sở Tư pháp tỉnh Lai Châu", b.plain)
    ws.write_string(1, 10, "- Đơn vị nhận báo cáo: Văn phòng UBND tỉnh Lai Châu", b.plain)
    ws.write_string(2, 10, "Mã đơn vị: 12.STP", b.plain)
    ws.merge_range(3, 2, 3, 9, "Kỳ báo cáo: tháng 02/2024", b.center)
    ws.merge_range(4, 2, 4, 9, "(Từ ngày 01/02/2024 đến ngày 29/02/2024)", b.italic)
    ws.write_string(5, 10, "Đơn vị tính: Số hồ sơ TTHC.", b.italic)
    r = b06_header(b, ws, 6, "Lĩnh vực, công việc giải quyết theo cấp")
    r = b06_body(b, ws, r, [
        (1, "Hộ tịch", b06_values(12, 20, 3, 18, 10, 2, 4, 1)),
        (2, "Chứng thực", b06_values(5, 41, 0, 40, 6, 0, 0, 0)),
        (3, "Lý lịch tư pháp", b06_values(28, 9, 4, 20, 15, 2, 4, 0)),
        (4, "Quốc tịch", b06_values(0, 2, 1, 0, 1, 0, 1, 1)),
        (5, "Luật sư", b06_values(1, 0, 0, 1, 0, 0, 0, 0)),
    ])
    r += 1
    ws.write_string(r, 0, "Ghi chú: Số liệu trích xuất từ Hệ thống thông tin giải quyết TTHC tỉnh Lai Châu.", b.plain)
    r += 2
    signature(b, ws, r, "Lai Châu, ngày 05 tháng 3 năm 2024", 1, 9,
              left=("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", "Hà Thị Yến"),
              right=("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)", "Đỗ Văn Luân"))
    ws.set_column(1, 1, 34)
    ws.set_column(2, 12, 11)
    b.close()


def make_s2() -> None:
    """UBND huyện Tam Đường, tháng 04/2024; group heading rows (no numbers) between field rows."""
    b = Book("one_stop_summary/Bieu_06_huyen_Tam_Duong_T4_2024.xlsx", "Biểu 06 tháng 4/2024")
    ws = b.sheet("T4-2024")
    ws.merge_range(0, 0, 0, 4, "UBND HUYỆN TAM ĐƯỜNG", b.center)
    ws.merge_range(0, 7, 0, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b.center)
    ws.merge_range(1, 0, 1, 4, "Biểu số 06/VPCP/KSTT", b.center)
    ws.merge_range(1, 7, 1, 12, "Độc lập - Tự do - Hạnh phúc", b.center)
    ws.merge_range(3, 0, 3, 12, "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", b.center)
    ws.merge_range(4, 0, 4, 12, "Kỳ báo cáo: tháng 04/2024", b.center)
    ws.write_string(5, 0, "Đơn vị báo cáo: UBND huyện Tam Đường", b.plain)
    ws.write_string(6, 0, "Mã đơn vị: 12.H02", b.plain)
    r = b06_header(b, ws, 8, "Lĩnh vực giải quyết")
    r = b06_body(b, ws, r, [
        ("heading", "I", "Lĩnh vực thuộc thẩm quyền giải quyết của cấp huyện"),
        (1, "Đất đai", b06_values(3, 14, 6, 9, 4, 2, 6, 2)),
        (2, "Hộ tịch", b06_values(4, 6, 0, 7, 3, 0, 0, 0)),
        (3, "Thành lập và hoạt động của hộ kinh doanh", b06_values(6, 2, 1, 5, 3, 0, 1, 0)),
        ("heading", "II", "Lĩnh vực liên thông"),
        (4, "Người có công", b06_values(0, 3, 2, 1, 1, 1, 1, 1)),
    ])
    r += 1
    signature(b, ws, r, "Tam Đường, ngày 03 tháng 5 năm 2024", 1, 9,
              left=("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", "Phạm Thu Trang"),
              right=("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "(Ký tên, đóng dấu)", "Lò Văn Hưng"))
    ws.set_column(1, 1, 40)
    b.close()


def make_s3() -> None:
    """No unit line anywhere (the loader is given --unit 12.SNNMT); period from 'Từ ngày … đến ngày …'."""
    b = Book("one_stop_summary/bieu_06_thang_02_2025_khong_ma_don_vi.xlsx", "Biểu 06")
    ws = b.sheet("Sheet1")
    ws.merge_range(0, 0, 0, 12, "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", b.center)
    ws.merge_range(1, 0, 1, 12, "Từ ngày 01/02/2025 đến ngày 28/02/2025", b.italic)
    r = b06_header(b, ws, 3, "Lĩnh vực")
    r = b06_body(b, ws, r, [
        (1, "Trồng trọt", b06_values(2, 3, 1, 3, 2, 0, 1, 0)),
        (2, "Thú y", b06_values(5, 4, 0, 6, 2, 1, 0, 0)),
        (3, "Lâm nghiệp", b06_values(0, 2, 2, 0, 1, 1, 0, 2)),
        (4, "Đất đai", b06_values(7, 1, 3, 4, 1, 1, 4, 1)),
        (5, "Môi trường", b06_values(1, 1, 0, 2, 0, 0, 0, 0)),
        (6, "Tài nguyên nước", b06_values(0, 0, 0, 0, 0, 0, 0, 0)),
    ])
    b.close()


def make_s4() -> None:
    """Sở Nội vụ, tháng 11/2024; the three header rows printed again after a page break ('Trang 2/2')."""
    b = Book("one_stop_summary/BC_TTHC_SNV_thang_11_2024.xlsx", "Biểu 06 Sở Nội vụ tháng 11/2024")
    ws = b.sheet("Biểu 06")
    ws.merge_range(0, 0, 0, 4, "UBND TỈNH LAI CHÂU", b.center)
    ws.merge_range(1, 0, 1, 4, "SỞ NỘI VỤ", b.center)
    ws.merge_range(0, 7, 0, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b.center)
    ws.merge_range(1, 7, 1, 12, "Độc lập - Tự do - Hạnh phúc", b.center)
    ws.merge_range(3, 0, 3, 12, "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI SỞ NỘI VỤ", b.center)
    ws.merge_range(4, 0, 4, 12, "Từ ngày 01/11/2024 đến ngày 30/11/2024", b.italic)
    ws.write_string(5, 0, "Mã đơn vị: 12.SNV", b.plain)
    ws.write_string(5, 10, "Trang 1/2", b.italic)
    r = b06_header(b, ws, 6, "Lĩnh vực")
    part1 = [
        (1, "Tổ chức hành chính, sự nghiệp nhà nước", b06_values(0, 2, 1, 2, 0, 0, 1, 0)),
        (2, "Công chức, viên chức", b06_values(1, 4, 0, 3, 2, 0, 0, 0)),
        (3, "Tôn giáo", b06_values(2, 3, 1, 1, 2, 1, 1, 1)),
    ]
    part2 = [
        (4, "Thi đua, khen thưởng", b06_values(9, 6, 2, 10, 5, 0, 2, 0)),
        (5, "Văn thư, lưu trữ", b06_values(3, 0, 0, 3, 0, 0, 0, 0)),
        (6, "Thanh niên", b06_values(1, 1, 1, 1, 0, 1, 0, 1)),
    ]
    total = [0] * 11
    for stt, field, values in part1:
        b.row(ws, r, [stt, field] + values, b.cell)
        total = [t + v for t, v in zip(total, values, strict=True)]
        r += 1
    ws.write_string(r, 10, "Trang 2/2", b.italic)
    r += 1
    r = b06_header(b, ws, r, "Lĩnh vực")
    for stt, field, values in part2:
        b.row(ws, r, [stt, field] + values, b.cell)
        total = [t + v for t, v in zip(total, values, strict=True)]
        r += 1
    b.row(ws, r, [None, "Tổng cộng"] + total, b.head)
    r += 2
    ws.write_string(r, 0, "Ghi chú:", b.bold)
    ws.write_string(r + 1, 0, "- 02 hồ sơ quá hạn đã có văn bản xin lỗi tổ chức, công dân.", b.plain)
    r += 3
    signature(b, ws, r, "Lai Châu, ngày 04 tháng 12 năm 2024", 1, 10,
              left=("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", "Lù Văn Thanh"),
              right=("GIÁM ĐỐC", "(Ký tên, đóng dấu)", "Nguyễn Thị Thu Hà"))
    ws.set_column(1, 1, 38)
    b.close()


def make_s5_rejected() -> None:
    """Sở Xây dựng, tháng 04/2025: in the row 'Hoạt động xây dựng' column (3) is 18 while (4)+(5)+(6) = 17
    (3 = 7+11 and 7 = 8+9+10 and 11 = 12+13 hold); the total row is the column sum of the field rows."""
    b = Book("one_stop_summary/reject_bieu06_SXD_2025_04.xlsx", "Biểu 06 tháng 4/2025")
    ws = b.sheet("Bieu06")
    ws.merge_range(0, 0, 0, 12, "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH - SỞ XÂY DỰNG", b.center)
    ws.merge_range(1, 0, 1, 12, "Kỳ báo cáo: tháng 04/2025", b.center)
    ws.write_string(2, 0, "Mã đơn vị: 12.SXD", b.plain)
    r = b06_header(b, ws, 4, "Lĩnh vực")  # header rows 5-6, numbers row 7; first field row = Excel row 8
    bad = [18, 10, 5, 2, 12, 8, 3, 1, 6, 6, 0]  # 3 = 18 but 4+5+6 = 17
    rows = [(1, "Hoạt động xây dựng", bad),
            (2, "Nhà ở", b06_values(2, 3, 0, 2, 2, 0, 1, 0)),
            (3, "Quy hoạch xây dựng, kiến trúc", b06_values(1, 1, 1, 1, 1, 1, 0, 0))]
    b06_body(b, ws, r, rows)
    b.close()


# --------------------------------------------------------------------------------------------------
# esign_stats
# --------------------------------------------------------------------------------------------------


def make_e1() -> None:
    """Tháng 4/2024, departments and two districts under group headings, an extra 'Tỷ lệ (%)' column,
    'Tổng cộng' row, signature. STP's incoming counts typed as text '1.480' (dot = thousands)."""
    b = Book("esign_stats/thong_ke_van_ban_dien_tu_T4_2024.xlsx", "Thống kê văn bản điện tử tháng 4/2024")
    ws = b.sheet("Tháng 4")
    header = ["STT", "Mã đơn vị", "Tên đơn vị", "Kỳ báo cáo", "Tổng số văn bản đi", "Văn bản đi được ký số",
              "Tỷ lệ (%)", "Tổng số văn bản đến", "Văn bản đến điện tử", "Tổng số hồ sơ công việc",
              "Hồ sơ công việc xử lý trên mạng"]
    ws.merge_range(0, 0, 0, 3, "UBND TỈNH LAI CHÂU", b.center)
    ws.merge_range(1, 0, 1, 3, "SỞ NỘI VỤ", b.center)
    ws.merge_range(0, 6, 0, 10, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b.center)
    ws.merge_range(1, 6, 1, 10, "Độc lập - Tự do - Hạnh phúc", b.center)
    ws.merge_range(3, 0, 3, 10, "TỔNG HỢP TÌNH HÌNH SỬ DỤNG VĂN BẢN ĐIỆN TỬ, CHỮ KÝ SỐ, HỒ SƠ CÔNG VIỆC", b.center)
    ws.merge_range(4, 0, 4, 10, "Tháng 4/2024", b.italic)
    b.row(ws, 6, header, b.head)
    groups = [
        ("I", "CẤP TỈNH (Sở, ban, ngành)", [
            ("12.STP", "Sở Tư pháp", 215, 212, "1.480", "1.402", 96, 90),
            ("12.SNNMT", "Sở Nông nghiệp và Môi trường", 342, 330, 2105, 1980, 150, 128),
            ("12.SXD", "Sở Xây dựng", 180, 180, 960, 955, 75, 75),
            ("12.STC", "Sở Tài chính", 410, 401, 1875, 1800, 0, 0),
        ]),
        ("II", "CẤP HUYỆN", [
            ("12.H04", "UBND huyện Sìn Hồ", 390, 371, 2210, 2001, 260, 198),
            ("12.H05", "UBND huyện Mường Tè", 275, 240, 1530, 1290, 180, 117),
        ]),
    ]
    r = 7
    tot = [0] * 6
    for roman, label, units in groups:
        b.row(ws, r, [roman, label], b.head)
        r += 1
        for i, (code, name, out, signed, inc, inc_e, wf, wf_on) in enumerate(units, 1):
            rate = round(signed * 100 / out, 2)
            b.row(ws, r, [i, code, name, "Tháng 4/2024", out, signed, rate, inc, inc_e, wf, wf_on], b.cell)
            vals = [out, signed, int(str(inc).replace(".", "")), int(str(inc_e).replace(".", "")), wf, wf_on]
            tot = [t + v for t, v in zip(tot, vals, strict=True)]
            r += 1
    b.row(ws, r, [None, None, "Tổng cộng", None, tot[0], tot[1], round(tot[1] * 100 / tot[0], 2), tot[2], tot[3],
                  tot[4], tot[5]], b.head)
    r += 2
    signature(b, ws, r, "Lai Châu, ngày 06 tháng 5 năm 2024", 2, 8,
              left=("NGƯỜI TỔNG HỢP", "(Ký, ghi rõ họ tên)", "Điêu Thị Hằng"),
              right=("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "(Ký tên, đóng dấu)", "Vương Văn Long"))
    ws.set_column(2, 2, 32)
    b.close()


def make_e2() -> None:
    """Tháng 9/2024, all eight districts; CSV UTF-8 BOM ';'; header aliases; '09/2024'; counts with a dot
    as thousands separator; Nậm Nhùn sent no incoming figures (blank = missing)."""
    header = ["STT", "Mã đơn vị", "Đơn vị", "Tháng", "Văn bản đi", "Số văn bản ký số", "Văn bản đến",
              "Văn bản đến qua trục liên thông", "Hồ sơ công việc", "Hồ sơ công việc xử lý trên mạng"]
    data = [
        ("12.H01", "UBND thành phố Lai Châu", "1.025", "1.019", "3.410", "3.388", "402", "380"),
        ("12.H02", "UBND huyện Tam Đường", "410", "398", "1.950", "1.902", "215", "176"),
        ("12.H03", "UBND huyện Phong Thổ", "388", "350", "1.720", "1.590", "190", "141"),
        ("12.H04", "UBND huyện Sìn Hồ", "402", "395", "2.008", "1.975", "240", "205"),
        ("12.H05", "UBND huyện Mường Tè", "296", "261", "1.288", "1.104", "160", "98"),
        ("12.H06", "UBND huyện Than Uyên", "510", "508", "2.330", "2.301", "300", "276"),
        ("12.H07", "UBND huyện Tân Uyên", "347", "339", "1.604", "1.588", "212", "190"),
        ("12.H08", "UBND huyện Nậm Nhùn", "221", "197", "", "", "120", "84"),
    ]
    rows = [["THỐNG KÊ VĂN BẢN ĐIỆN TỬ, CHỮ KÝ SỐ CẤP HUYỆN - THÁNG 9/2024"],
            ["(Nguồn: Hệ thống quản lý văn bản và điều hành tỉnh Lai Châu)"], [], header]
    for i, row in enumerate(data, 1):
        rows.append([i, row[0], row[1], "09/2024", *row[2:]])
    rows += [[], ["Ghi chú: UBND huyện Nậm Nhùn chưa báo cáo số liệu văn bản đến."]]
    write_csv("esign_stats/esign_huyen_2024-09.csv", rows, encoding="utf-8-sig", delimiter=";")


def make_e3() -> None:
    """Tháng 02/2025, four communes; Excel "Unicode text" (UTF-16 + tab), NFD, period '2025-02'."""
    header = ["Mã đơn vị", "Tên đơn vị", "Kỳ báo cáo", "Tổng số văn bản đi", "Văn bản đi được ký số",
              "Tổng số văn bản đến", "Văn bản đến điện tử", "Tổng số hồ sơ công việc",
              "Hồ sơ công việc xử lý trên mạng"]
    data = [
        ("12.H02.X01", "UBND xã Bình Lư", 64, 60, 310, 295, 40, 26),
        ("12.H02.X02", "UBND xã Bản Giang", 51, 45, 268, 240, 35, 21),
        ("12.H03.X01", "UBND xã Mường So", 72, 72, 295, 290, 44, 30),
        ("12.H03.X02", "UBND xã Dào San", 48, 40, 230, 199, 30, 15),
    ]
    rows = [header] + [[code, name, "2025-02", *nums] for code, name, *nums in data]
    write_csv("esign_stats/vbdt_xa_2025-02.csv", rows, encoding="utf-16", delimiter="\t", nfd=True)


def make_e4_rejected() -> None:
    """Tháng 11/2024: UBND huyện Nậm Nhùn reports 210 signed outgoing documents of 205 (line 4)."""
    header = ["Mã đơn vị", "Tên đơn vị", "Kỳ báo cáo", "Tổng số văn bản đi", "Văn bản đi được ký số",
              "Tổng số văn bản đến", "Văn bản đến điện tử"]
    rows = [header,
            ["12.H06", "UBND huyện Than Uyên", "11/2024", 498, 495, 2290, 2270],
            ["12.H07", "UBND huyện Tân Uyên", "11/2024", 352, 340, 1650, 1622],
            ["12.H08", "UBND huyện Nậm Nhùn", "11/2024", 205, 210, 1190, 1105]]
    write_csv("esign_stats/reject_ky_so_vuot_tong_2024-11.csv", rows, encoding="utf-8", delimiter=",")


# --------------------------------------------------------------------------------------------------
# sipas_survey
# --------------------------------------------------------------------------------------------------

LABEL = {1: "Rất không hài lòng", 2: "Không hài lòng", 3: "Bình thường", 4: "Hài lòng", 5: "Rất hài lòng"}


def make_sp1() -> None:
    """Sở Tư pháp, tháng 6/2024: paper forms typed into a sheet; answers as labels; name and phone."""
    qs = ["TC1", "TC2", "TT1", "TT2", "CC1", "CC2", "KQ1", "KQ2", "PA1", "HL"]
    answers = {  # None = not answered
        "STP-06-001": [5, 4, 4, 3, 5, 5, 4, 4, 5, 4],
        "STP-06-002": [4, 4, 3, 3, 4, 5, 5, 4, None, 4],
        "STP-06-003": [3, 4, 4, 4, 5, 4, 4, 4, 2, 4],
        "STP-06-004": [5, 5, 5, 4, 5, 5, 5, 5, None, 5],
        "STP-06-005": [4, 3, 2, 3, 4, 4, 3, 4, 3, 3],
        "STP-06-006": [4, 4, 4, 4, 5, 4, 4, 5, None, 4],
        "STP-06-007": [2, 3, 4, 4, 3, 4, 4, 4, 4, 3],
        "STP-06-008": [5, 4, 5, 5, 5, 5, 5, 4, None, 5],
    }
    people = [("Nguyễn Thị Hằng", "0912 000 111", "2024-06-04", "Lý lịch tư pháp", "Công dân"),
              ("Lò Văn Quân", "0987 000 222", "2024-06-06", "Hộ tịch", "Công dân"),
              ("Công ty Luật Tây Bắc", "0213 000 333", "2024-06-11", "Luật sư", "Tổ chức"),
              ("Vàng Thị Pà", "0968 000 444", "2024-06-13", "Lý lịch tư pháp", "Công dân"),
              ("Trần Quốc Toản", "0399 000 555", "2024-06-18", "Chứng thực", "Công dân"),
              ("Hoàng Thị Nga", "0912 000 666", "2024-06-20", "Lý lịch tư pháp", "Công dân"),
              ("Văn phòng công chứng Tam Đường", "0213 000 777", "2024-06-25", "Công chứng", "Tổ chức"),
              ("Phạm Văn Đông", "0987 000 888", "2024-06-27", "Quốc tịch", "Công dân")]
    b = Book("sipas_survey/phieu_khao_sat_sipas_STP_T6_2024.xlsx", "Nhập liệu phiếu khảo sát SIPAS tháng 6/2024")
    ws = b.sheet("Nhập phiếu")
    header = ["STT", "Mã phiếu", "Ngày khảo sát", "Mã đơn vị", "Lĩnh vực", "Đối tượng", "Họ tên", "Số điện thoại"] + qs
    ws.merge_range(0, 0, 0, len(header) - 1, "BẢNG NHẬP LIỆU PHIẾU KHẢO SÁT SỰ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC "
                                             "ĐỐI VỚI SỰ PHỤC VỤ CỦA CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC", b.center)
    ws.merge_range(1, 0, 1, len(header) - 1, "Đơn vị được khảo sát: Sở Tư pháp - Tháng 6/2024", b.italic)
    ws.write_string(2, 0, "(TC: tiếp cận dịch vụ; TT: thủ tục hành chính; CC: công chức; KQ: kết quả; "
                          "PA: tiếp nhận, xử lý góp ý, phản ánh; HL: hài lòng chung)", b.plain)
    b.row(ws, 4, header, b.head)
    for i, ((rid, vals), (name, phone, day, field, kind)) in enumerate(zip(answers.items(), people, strict=True), 1):
        b.row(ws, 4 + i, [i, rid, dt(day), "12.STP", field, kind, name, phone]
              + [LABEL[v] if v else None for v in vals], b.cell)
    r = 4 + len(people) + 2
    signature(b, ws, r, "Lai Châu, ngày 01 tháng 7 năm 2024", 1, 10,
              left=("NGƯỜI NHẬP PHIẾU", "(Ký, ghi rõ họ tên)", "Lường Thị Diệu"),
              right=("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)", "Đỗ Văn Luân"))
    b.close()


def make_sp2() -> None:
    """UBND thành phố Lai Châu, tháng 11/2024: online survey tool export; numeric answers 1-5;
    'Dấu thời gian' column; UTF-8 BOM, ','."""
    header = ["Dấu thời gian", "Mã phiếu", "Ngày khảo sát", "Mã đơn vị", "Lĩnh vực", "Đối tượng", "TC1", "TC2", "TC3",
              "TT1", "TT2", "CC1", "CC2", "KQ1", "PA1", "PA2", "HL"]
    data = [
        ("2024-11-04 08:12:33", "04/11/2024", "Hộ tịch", "Công dân", [5, 5, 4, 4, 4, 5, 5, 5, 4, None, 5]),
        ("2024-11-05 09:40:02", "05/11/2024", "Đất đai", "Công dân", [4, 3, 4, 4, 3, 4, 5, 4, None, None, 4]),
        ("2024-11-07 14:03:51", "07/11/2024", "Đất đai", "Công dân", [4, 4, 5, 5, 4, 5, 4, 5, 5, 4, 5]),
        ("2024-11-08 10:22:10", "08/11/2024", "Hoạt động xây dựng", "Công dân", [3, 4, 2, 3, 3, 4, 4, 4, 2, None, 3]),
        ("2024-11-12 15:15:45", "12/11/2024", "Thành lập và hoạt động của hộ kinh doanh", "Tổ chức",
         [5, 5, 5, 4, 5, 5, 5, 5, 4, 4, 5]),
        ("2024-11-14 08:05:19", "14/11/2024", "Hộ tịch", "Công dân", [4, 4, 3, 4, 4, 3, 4, 4, None, None, 4]),
        ("2024-11-19 16:44:00", "19/11/2024", "Chứng thực", "Công dân", [5, 4, 4, 4, 4, 4, 4, 3, 3, None, 4]),
        ("2024-11-21 09:30:27", "21/11/2024", "Đất đai", "Công dân", [2, 3, 4, 3, 4, 4, 3, 4, None, None, 3]),
        ("2024-11-26 11:11:11", "26/11/2024", "Hộ tịch", "Công dân", [4, 5, 4, 5, 4, 5, 5, 4, 4, None, 4]),
        ("2024-11-28 13:50:36", "28/11/2024", "Chứng thực", "Tổ chức", [5, 4, 4, 4, 3, 4, 4, 4, None, None, 4]),
    ]
    rows = [header]
    for i, (stamp, day, field, kind, vals) in enumerate(data, 1):
        rows.append([stamp, f"H01-2411-{i:03d}", day, "12.H01", field, kind] + ["" if v is None else v for v in vals])
    write_csv("sipas_survey/khao_sat_truc_tuyen_H01_2024-11.csv", rows, encoding="utf-8-sig", delimiter=",")


def make_sp3() -> None:
    """Two communes of Tam Đường, tháng 4/2025: ';' UTF-8 (no BOM), NFD, labels, name and phone."""
    header = ["Mã phiếu", "Ngày khảo sát", "Mã đơn vị", "Lĩnh vực", "Đối tượng", "Họ tên", "Số điện thoại",
              "TC1", "TT1", "CC1", "KQ1", "PA1"]
    data = [
        ("BL-2504-01", "02/04/2025", "12.H02.X01", "Hộ tịch", "Công dân", "Lò Thị Sen", "0912 301 001",
         [5, 4, 5, 4, None]),
        ("BL-2504-02", "03/04/2025", "12.H02.X01", "Chứng thực", "Công dân", "Tẩn A Phủ", "0912 301 002",
         [4, 3, 4, 4, None]),
        ("BL-2504-03", "08/04/2025", "12.H02.X01", "Hộ tịch", "Công dân", "Sần Văn Pao", "0912 301 003",
         [3, 3, 4, 5, 4]),
        ("BL-2504-04", "10/04/2025", "12.H02.X01", "Đất đai", "Công dân", "Lý Thị Mỷ", "0912 301 004",
         [4, 4, 5, 4, None]),
        ("BL-2504-05", "15/04/2025", "12.H02.X01", "Hộ tịch", "Công dân", "Chẻo Văn Lìn", "0912 301 005",
         [5, 2, 4, 3, 2]),
        ("BL-2504-06", "22/04/2025", "12.H02.X01", "Chứng thực", "Tổ chức", "HTX Chè Bình Lư", "0912 301 006",
         [4, 4, 4, 4, None]),
        ("BG-2504-01", "04/04/2025", "12.H02.X02", "Hộ tịch", "Công dân", "Vàng Thị Chở", "0912 302 001",
         [4, 4, 4, 4, 4]),
        ("BG-2504-02", "11/04/2025", "12.H02.X02", "Đất đai", "Công dân", "Hầu A Lềnh", "0912 302 002",
         [3, 4, 5, 4, None]),
        ("BG-2504-03", "17/04/2025", "12.H02.X02", "Hộ tịch", "Công dân", "Giàng Văn Sính", "0912 302 003",
         [5, 5, 5, 5, 5]),
        ("BG-2504-04", "24/04/2025", "12.H02.X02", "Chứng thực", "Công dân", "Mùa Thị Dua", "0912 302 004",
         [4, 3, 3, 4, None]),
    ]
    rows = [["KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG - CÁC XÃ HUYỆN TAM ĐƯỜNG - THÁNG 4/2025"], header]
    for rid, day, unit, field, kind, name, phone, vals in data:
        rows.append([rid, day, unit, field, kind, name, phone] + [LABEL[v] if v else "" for v in vals])
    write_csv("sipas_survey/sipas_xa_Tam_Duong_2025-04.csv", rows, encoding="utf-8", delimiter=";", nfd=True)


def make_sp4_rejected() -> None:
    """UBND huyện Sìn Hồ, tháng 8/2024: one answer is '6' (line 4, column CC1), outside 1-5."""
    header = ["Mã phiếu", "Ngày khảo sát", "Mã đơn vị", "Đối tượng", "TC1", "TT1", "CC1", "KQ1", "PA1"]
    rows = [header,
            ["SH-2408-01", "05/08/2024", "12.H04", "Công dân", 4, 4, 5, 4, ""],
            ["SH-2408-02", "12/08/2024", "12.H04", "Công dân", 3, 4, 4, 4, 3],
            ["SH-2408-03", "20/08/2024", "12.H04", "Tổ chức", 5, 4, 6, 5, ""],
            ["SH-2408-04", "27/08/2024", "12.H04", "Công dân", 4, 3, 4, 4, ""]]
    write_csv("sipas_survey/reject_gia_tri_ngoai_thang_do_H04_2024-08.csv", rows, encoding="utf-8", delimiter=",")


# --------------------------------------------------------------------------------------------------
# plan_tasks
# --------------------------------------------------------------------------------------------------


def make_p1() -> None:
    """Kế hoạch CCHC năm 2024 (year from the title), report date from the title row 'Ngày báo cáo:',
    unit codes in 'Mã đơn vị chủ trì', deadlines as dates / 'Quý I' / 'Tháng 6' / 'Cả năm'."""
    b = Book("plan_tasks/ke_hoach_cchc_2024_tien_do_thang_7.xlsx", "Tiến độ Kế hoạch CCHC năm 2024")
    ws = b.sheet("Tiến độ")
    header = ["STT", "Nội dung nhiệm vụ", "Lĩnh vực", "Mã đơn vị chủ trì", "Đơn vị phối hợp",
              "Thời gian hoàn thành", "Kết quả thực hiện", "Ngày hoàn thành", "Ghi chú"]
    ws.merge_range(0, 0, 0, 2, "UBND TỈNH LAI CHÂU", b.center)
    ws.merge_range(1, 0, 1, 2, "SỞ NỘI VỤ", b.center)
    ws.merge_range(0, 5, 0, 8, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b.center)
    ws.merge_range(1, 5, 1, 8, "Độc lập - Tự do - Hạnh phúc", b.center)
    ws.merge_range(3, 0, 3, 8, "TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CCHC NĂM 2024", b.center)
    ws.merge_range(4, 0, 4, 8, "Ngày báo cáo: 05/07/2024", b.italic)
    b.row(ws, 6, header, b.head)
    tasks = [
        ("1", "Ban hành Kế hoạch cải cách hành chính năm 2024", "Công tác chỉ đạo, điều hành", "12.SNV",
         "Các sở, ngành", date(2024, 1, 31), "Hoàn thành", date(2024, 1, 15), "KH số 45/KH-UBND"),
        ("2", "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024", "Công tác chỉ đạo, điều hành",
         "12.SNV", "Sở Văn hóa", "Quý I", "Hoàn thành quá hạn", date(2024, 4, 10), ""),
        ("3", "Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị", "Công tác chỉ đạo, điều hành",
         "12.SNV", "", "Quý III", "Đang thực hiện", None, ""),
        ("4", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "Cải cách thể chế", "12.STP", "Các sở, ngành",
         "Tháng 6", "Hoàn thành", date(2024, 6, 25), ""),
        ("5", "Theo dõi tình hình thi hành pháp luật", "Cải cách thể chế", "12.STP", "", "Cả năm",
         "Đang thực hiện", None, ""),
        ("6", "Công bố danh mục thủ tục hành chính được chuẩn hóa", "Cải cách thủ tục hành chính", "12.STP",
         "Văn phòng UBND tỉnh", date(2024, 4, 30), "Hoàn thành", date(2024, 4, 26), ""),
        ("7", "Giao dự toán ngân sách nhà nước năm 2024", "Cải cách tài chính công", "12.STC", "", date(2024, 1, 31),
         "Hoàn thành", date(2024, 1, 20), ""),
        ("8", "Đánh giá thực hiện cơ chế tự chủ của đơn vị sự nghiệp công lập", "Cải cách tài chính công", "12.STC",
         "", "Quý II", "Chưa thực hiện", None, "Chờ hướng dẫn của Bộ Tài chính"),
        ("9", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực xây dựng",
         "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số", "12.SXD", "", date(2024, 6, 30), "Đang thực hiện",
         None, "Đạt 60%"),
        ("10", "Rà soát quy hoạch xây dựng vùng huyện", "Cải cách tổ chức bộ máy", "12.SXD", "", "Quý IV",
         "Chưa thực hiện", None, ""),
    ]
    for i, t in enumerate(tasks):
        b.row(ws, 7 + i, list(t), b.cell)
    r = 7 + len(tasks) + 1
    signature(b, ws, r, "Lai Châu, ngày 05 tháng 7 năm 2024", 1, 6,
              left=("NGƯỜI TỔNG HỢP", "(Ký, ghi rõ họ tên)", "Bạc Thị Thúy"),
              right=("GIÁM ĐỐC", "(Ký tên, đóng dấu)", "Nguyễn Thị Thu Hà"))
    ws.set_column(1, 1, 60)
    b.close()


def make_p2() -> None:
    """Districts' tasks of the 2024 plan, report of 20/12/2024: CSV UTF-8 BOM ','; 'Năm' and 'Ngày báo cáo'
    columns; task codes in 'Mã nhiệm vụ'; unit codes under the header 'Đơn vị chủ trì'."""
    header = ["Năm", "Mã nhiệm vụ", "Nhiệm vụ", "Lĩnh vực", "Đơn vị chủ trì", "Thời hạn hoàn thành",
              "Kết quả thực hiện", "Ngày hoàn thành", "Ngày báo cáo"]
    tasks = [
        ("KH-H01-01", "Ban hành kế hoạch CCHC năm 2024 của thành phố", "Công tác chỉ đạo, điều hành", "12.H01",
         "31/03/2024", "Hoàn thành", "28/03/2024"),
        ("KH-H01-02", "Tổ chức đối thoại với doanh nghiệp về thủ tục hành chính", "Cải cách thủ tục hành chính",
         "12.H01", "Quý III", "Hoàn thành", "27/09/2024"),
        ("KH-H01-03", "Duy trì hệ thống quản lý chất lượng ISO", "Hiện đại hóa hành chính", "12.H01", "Cả năm",
         "Đang thực hiện", ""),
        ("KH-H02-01", "Sắp xếp đơn vị hành chính cấp xã", "Cải cách tổ chức bộ máy", "12.H02", "Tháng 11",
         "Hoàn thành quá hạn", "06/12/2024"),
        ("KH-H02-02", "Kiểm tra công vụ tại UBND các xã", "Cải cách chế độ công vụ", "12.H02", "15/06/2024",
         "Hoàn thành", "10/06/2024"),
        ("KH-H03-01", "Rà soát vị trí việc làm", "Cải cách chế độ công vụ", "12.H03", "Quý II", "Hoàn thành",
         "28/06/2024"),
        ("KH-H03-02", "Triển khai thanh toán trực tuyến phí, lệ phí tại các xã", "Cải cách thủ tục hành chính",
         "12.H03", "30/10/2024", "Chưa thực hiện", ""),
        ("KH-H03-03", "Số hóa sổ hộ tịch", "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số", "12.H03",
         "Quý IV", "Đang thực hiện", ""),
        ("KH-H04-01", "Tuyên truyền cải cách hành chính trên đài truyền thanh", "Công tác chỉ đạo, điều hành",
         "12.H04", "Tháng 9", "Hoàn thành", "16/09/2024"),
        ("KH-H04-02", "Đánh giá, xếp loại công chức cấp xã", "Cải cách chế độ công vụ", "12.H04", "30/11/2024",
         "Hoàn thành", "18/11/2024"),
    ]
    rows = [header] + [["2024", *t, "20/12/2024"] for t in tasks]
    write_csv("plan_tasks/tien_do_nhiem_vu_cchc_cap_huyen_2024-12.csv", rows, encoding="utf-8-sig", delimiter=",")


def make_p3() -> None:
    """Kế hoạch CCHC năm 2025, report of 10/04/2025: lead units written by NAME under 'Đơn vị chủ trì';
    'Ghi chú:' notes and a 'KT. GIÁM ĐỐC' signature block."""
    b = Book("plan_tasks/bao_cao_ke_hoach_cchc_2025_T4.xlsx", "Kế hoạch CCHC năm 2025 - tiến độ tháng 4")
    ws = b.sheet("KH2025")
    header = ["STT", "Nhiệm vụ", "Lĩnh vực", "Đơn vị chủ trì", "Thời hạn hoàn thành", "Kết quả thực hiện",
              "Ngày hoàn thành", "Ngày báo cáo"]
    ws.merge_range(0, 0, 0, 7, "BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CCHC NĂM 2025", b.center)
    ws.merge_range(1, 0, 1, 7, "(Kèm theo Báo cáo số 87/BC-SNV ngày 10/4/2025 của Sở Nội vụ)", b.italic)
    b.row(ws, 3, header, b.head)
    tasks = [
        ("1", "Ban hành Kế hoạch CCHC năm 2025", "Công tác chỉ đạo, điều hành", "Sở Nội vụ", date(2025, 1, 31),
         "Hoàn thành", date(2025, 1, 22)),
        ("2", "Xác định Chỉ số CCHC năm 2024 của các sở, ngành, huyện", "Công tác chỉ đạo, điều hành", "Sở Nội vụ",
         "Quý I", "Hoàn thành", date(2025, 3, 28)),
        ("3", "Điều tra xã hội học đo lường sự hài lòng", "Công tác chỉ đạo, điều hành", "Sở Nội vụ", "Quý II",
         "Đang thực hiện", None),
        ("4", "Công khai thủ tục hành chính lĩnh vực y tế", "Cải cách thủ tục hành chính", "Sở Y tế", "Tháng 2",
         "Hoàn thành quá hạn", date(2025, 3, 12)),
        ("5", "Kết nối dữ liệu khám chữa bệnh với Cổng DVCQG", "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số",
         "Sở Y tế", "Cả năm", "Đang thực hiện", None),
        ("6", "Rà soát mạng lưới trường lớp", "Cải cách tổ chức bộ máy", "Sở Giáo dục và Đào tạo", date(2025, 3, 15),
         "Chưa thực hiện", None),
        ("7", "Tuyển dụng viên chức giáo dục", "Cải cách chế độ công vụ", "Sở Giáo dục và Đào tạo", "Quý I",
         "Hoàn thành", date(2025, 3, 31)),
        ("8", "Công khai dự toán ngân sách năm 2025", "Cải cách tài chính công", "Sở Tài chính", date(2025, 2, 28),
         "Hoàn thành", date(2025, 2, 27)),
    ]
    for i, t in enumerate(tasks):
        b.row(ws, 4 + i, list(t) + [date(2025, 4, 10)], b.cell)
    r = 4 + len(tasks) + 1
    ws.write_string(r, 0, "Ghi chú: Nhiệm vụ số 6 lùi thời hạn theo đề nghị của Sở Giáo dục và Đào tạo (chưa được "
                          "UBND tỉnh chấp thuận).", b.plain)
    r += 2
    signature(b, ws, r, "Lai Châu, ngày 10 tháng 4 năm 2025", 1, 5,
              left=("NGƯỜI LẬP", "(Ký, ghi rõ họ tên)", "Bạc Thị Thúy"),
              right=("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "(Đã ký)", "Tòng Văn Hải"))
    ws.set_column(1, 1, 55)
    ws.set_column(3, 3, 26)
    b.close()


# --------------------------------------------------------------------------------------------------
# par_scores
# --------------------------------------------------------------------------------------------------

# The province's internal scheme for departments (8 areas, 70 points): (code, name, max)
DEPT_TREE = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 10),
    ("1.1", "Kế hoạch cải cách hành chính năm", 3),
    ("1.1.1", "Ban hành kế hoạch đúng thời hạn", 1),
    ("1.1.2", "Mức độ hoàn thành kế hoạch", 2),
    ("1.2", "Báo cáo cải cách hành chính định kỳ", 2),
    ("1.3", "Kiểm tra công tác cải cách hành chính", 2),
    ("1.4", "Tuyên truyền cải cách hành chính", 3),
    ("2", "Cải cách thể chế", 8),
    ("2.1", "Xây dựng, ban hành văn bản quy phạm pháp luật", 4),
    ("2.2", "Theo dõi thi hành pháp luật", 4),
    ("3", "Cải cách thủ tục hành chính", 14),
    ("3.1", "Công bố, công khai thủ tục hành chính", 4),
    ("3.2", "Kết quả giải quyết thủ tục hành chính", 6),
    ("3.2.1", "Tỷ lệ hồ sơ giải quyết trước và đúng hạn", 4),
    ("3.2.2", "Thực hiện xin lỗi khi giải quyết hồ sơ quá hạn", 2),
    ("3.3", "Tiếp nhận, xử lý phản ánh, kiến nghị", 4),
    ("4", "Cải cách tổ chức bộ máy hành chính nhà nước", 6),
    ("4.1", "Sắp xếp tổ chức bộ máy", 3),
    ("4.2", "Quản lý biên chế", 3),
    ("5", "Cải cách chế độ công vụ", 8),
    ("5.1", "Vị trí việc làm", 4),
    ("5.2", "Kỷ luật, kỷ cương hành chính", 4),
    ("6", "Cải cách tài chính công", 6),
    ("6.1", "Thực hiện dự toán ngân sách", 3),
    ("6.2", "Cơ chế tự chủ của đơn vị sự nghiệp công lập", 3),
    ("7", "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số", 10),
    ("7.1", "Văn bản điện tử, chữ ký số", 4),
    ("7.2", "Dịch vụ công trực tuyến", 4),
    ("7.3", "Hệ thống quản lý chất lượng theo TCVN ISO 9001", 2),
    ("8", "Sự hài lòng của người dân, tổ chức (điều tra xã hội học)", 8),
    ("8.1", "Hài lòng về thủ tục hành chính", 4),
    ("8.2", "Hài lòng về công chức giải quyết thủ tục hành chính", 4),
]
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "VI", "7": "VII", "8": "VIII"}
NA = "Không áp dụng"

# leaf -> (self, appraised, survey, note)
STP_2023 = {
    "1.1.1": (1, 1, None, ""), "1.1.2": (2, 1.5, None, ""), "1.2": (2, 2, None, ""), "1.3": (2, 1.5, None, ""),
    "1.4": (3, 2.5, None, ""), "2.1": (4, 4, None, ""), "2.2": (3.5, 3, None, ""), "3.1": (4, 4, None, ""),
    "3.2.1": (4, 3.5, None, ""), "3.2.2": (None, None, None, NA), "3.3": (4, None, None, ""),
    "4.1": (3, 3, None, ""), "4.2": (3, 2.5, None, ""), "5.1": (4, 3.5, None, ""), "5.2": (4, 4, None, ""),
    "6.1": (3, 3, None, ""), "6.2": (None, None, None, NA), "7.1": (4, 3.75, None, ""),
    "7.2": (3.5, 3.5, None, ""), "7.3": (2, 2, None, ""), "8.1": (None, None, 3.42, ""), "8.2": (None, None, 3.66, ""),
}
SNV_2024 = {
    "1.1.1": (1, 1, None, ""), "1.1.2": (2, 2, None, ""), "1.2": (2, 2, None, ""), "1.3": (2, 2, None, ""),
    "1.4": (3, 3, None, ""), "2.1": (4, 3.5, None, ""), "2.2": (4, 4, None, ""), "3.1": (4, 4, None, ""),
    "3.2.1": (4, 4, None, ""), "3.2.2": (2, 2, None, ""), "3.3": (4, 3.5, None, ""), "4.1": (3, 3, None, ""),
    "4.2": (3, 3, None, ""), "5.1": (4, 4, None, ""), "5.2": (4, 3.5, None, ""), "6.1": (3, 3, None, ""),
    "6.2": (None, None, None, NA), "7.1": (4, 4, None, ""), "7.2": (4, 3.5, None, ""), "7.3": (2, 2, None, ""),
    "8.1": (None, None, 3.6, ""), "8.2": (None, None, 3.8, ""),
}
SYT_2024 = {
    "1.1.1": (1, 1, None, ""), "1.1.2": (2, 1.5, None, ""), "1.2": (2, 1.5, None, ""), "1.3": (2, 2, None, ""),
    "1.4": (3, 2.5, None, ""), "2.1": (None, None, None, NA), "2.2": (4, 3.5, None, ""), "3.1": (4, 3.5, None, ""),
    "3.2.1": (4, 3, None, ""), "3.2.2": (2, 2, None, ""), "3.3": (4, 4, None, ""), "4.1": (3, 3, None, ""),
    "4.2": (3, 2.5, None, ""), "5.1": (4, 3.5, None, ""), "5.2": (4, 4, None, ""), "6.1": (3, 2.5, None, ""),
    "6.2": (3, 2.5, None, ""), "7.1": (4, 3.5, None, ""), "7.2": (4, 3, None, ""), "7.3": (2, 2, None, ""),
    "8.1": (None, None, 3.2, ""), "8.2": (None, None, 3.44, ""),
}
SGDDT_2024 = {
    "1.1.1": (1, 1, None, ""), "1.1.2": (2, 2, None, ""), "1.2": (2, 1.5, None, ""), "1.3": (2, 2, None, ""),
    "1.4": (3, 3, None, ""), "2.1": (4, 3, None, ""), "2.2": (4, 3.5, None, ""), "3.1": (4, 4, None, ""),
    "3.2.1": (4, 4, None, ""), "3.2.2": (2, None, None, ""), "3.3": (4, 3, None, ""), "4.1": (3, 3, None, ""),
    "4.2": (3, 3, None, ""), "5.1": (4, 4, None, ""), "5.2": (4, 4, None, ""), "6.1": (3, 3, None, ""),
    "6.2": (3, 2.5, None, ""), "7.1": (4, 4, None, ""), "7.2": (4, 4, None, ""), "7.3": (2, 1.5, None, ""),
    "8.1": (None, None, 3.52, ""), "8.2": (None, None, 3.48, ""),
}


def par_sheet(b: Book, ws, unit_line: str, year_title: str, header: list[str], scores: dict, *,
              roman: bool, with_survey: bool, with_evidence: bool, tree=DEPT_TREE, max_override=None) -> int:
    last = len(header) - 1
    ws.merge_range(0, 0, 0, 2, "UBND TỈNH LAI CHÂU", b.center)
    ws.merge_range(0, 4, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b.center)
    ws.merge_range(1, 4, 1, last, "Độc lập - Tự do - Hạnh phúc", b.center)
    ws.merge_range(3, 0, 3, last, year_title, b.center)
    ws.write_string(4, 0, unit_line, b.bold)
    b.row(ws, 6, header, b.head)
    r = 7
    for code, name, mx in tree:
        if max_override and code in max_override:
            mx = max_override[code]
        shown = ROMAN[code] if roman and code in ROMAN else code
        if code in scores:
            s, a, sv, note = scores[code]
            row = [shown, name, mx, s, a] + ([sv] if with_survey else []) \
                + (["Báo cáo, kế hoạch kèm theo" if s is not None else ""] if with_evidence else []) + [note]
        else:  # area / parent criterion: only its max
            row = [shown, name, mx, None, None] + ([None] if with_survey else []) + ([""] if with_evidence else []) \
                + [""]
        b.row(ws, r, row, b.head if code in ROMAN else b.cell)
        r += 1
    return r


def make_ps1() -> None:
    """Sở Tư pháp 2023: Roman area numbers with dotted criteria below them, 'Đơn vị: Sở Tư pháp tỉnh Lai Châu',
    year only in the title, 'Tài liệu kiểm chứng' column, two 'Không áp dụng' criteria, TỔNG CỘNG footer."""
    b = Book("par_scores/bang_tu_cham_diem_CCHC_STP_2023.xlsx", "Bảng tự đánh giá Chỉ số CCHC năm 2023")
    ws = b.sheet("Tự chấm")
    header = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định",
              "Điểm điều tra XHH", "Tài liệu kiểm chứng", "Ghi chú"]
    r = par_sheet(b, ws, "Đơn vị: Sở Tư pháp tỉnh Lai Châu",
                  "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023", header, STP_2023,
                  roman=True, with_survey=True, with_evidence=True)
    # footer: totals of the columns as the unit typed them
    b.row(ws, r, [None, "TỔNG CỘNG", 70, 56, 48.25, 7.08], b.head)
    r += 2
    signature(b, ws, r, "Lai Châu, ngày 15 tháng 12 năm 2023", 1, 5,
              left=("NGƯỜI LẬP", "(Ký, ghi rõ họ tên)", "Hà Thị Yến"),
              right=("GIÁM ĐỐC", "(Ký tên, đóng dấu)", "Đỗ Văn Luân"))
    ws.set_column(1, 1, 60)
    b.close()


def make_ps2() -> None:
    """2024 scoring of three departments, one sheet per unit ('Đơn vị: 12.SNV' …) plus an instructions sheet
    (last); aliases 'Tiêu chí', 'Điểm tự chấm', 'Điểm đánh giá của Hội đồng'; dotted codes only."""
    b = Book("par_scores/cham_diem_chi_so_cchc_2024_cac_so.xlsx", "Chấm điểm Chỉ số CCHC năm 2024")
    header = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm đánh giá của Hội đồng", "Điểm điều tra XHH",
              "Ghi chú"]
    for sheet, code, scores in (("SNV", "12.SNV", SNV_2024), ("SYT", "12.SYT", SYT_2024),
                                ("SGDDT", "12.SGDDT", SGDDT_2024)):
        ws = b.sheet(sheet)
        par_sheet(b, ws, f"Đơn vị: {code}", "KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", header, scores,
                  roman=False, with_survey=True, with_evidence=False)
        ws.set_column(1, 1, 60)
    guide = b.sheet("Hướng dẫn")
    for i, line in enumerate(["HƯỚNG DẪN CHẤM ĐIỂM",
                              "- Mỗi đơn vị một sheet; điểm thẩm định do Hội đồng thẩm định nhập.",
                              "- Tiêu chí không áp dụng: ghi 'Không áp dụng' ở cột Ghi chú, để trống các cột điểm.",
                              "- Điểm điều tra XHH do Sở Nội vụ nhập sau khi có kết quả điều tra."]):
        guide.write_string(i, 0, line, b.bold if i == 0 else b.plain)
    b.close()


DIST_TREE = [("1", "Công tác chỉ đạo, điều hành", 6), ("1.1", "Kế hoạch và báo cáo CCHC", 3),
             ("1.2", "Kiểm tra, tuyên truyền CCHC", 3), ("2", "Cải cách thể chế", 4),
             ("2.1", "Ban hành và theo dõi thi hành văn bản", 4), ("3", "Cải cách thủ tục hành chính", 8),
             ("3.1", "Công khai thủ tục hành chính", 4), ("3.2", "Giải quyết hồ sơ đúng hạn", 4),
             ("4", "Cải cách tổ chức bộ máy", 4), ("4.1", "Sắp xếp đơn vị sự nghiệp công lập", 4),
             ("5", "Chính quyền điện tử, chính quyền số", 6), ("5.1", "Văn bản điện tử, chữ ký số", 3),
             ("5.2", "Dịch vụ công trực tuyến", 3)]
DIST_2023 = {  # unit -> leaf -> (self, appraised, note)
    "12.H01": {"1.1": (3, 3, ""), "1.2": (3, 2.5, ""), "2.1": (4, 3.5, ""), "3.1": (4, 4, ""), "3.2": (4, 3, ""),
               "4.1": (4, 4, ""), "5.1": (3, 3, ""), "5.2": (3, 2, "")},
    "12.H02": {"1.1": (3, 3, ""), "1.2": (3, 3, ""), "2.1": (4, 3, ""), "3.1": (4, 3.5, ""), "3.2": (4, 3.5, ""),
               "4.1": (None, None, NA), "5.1": (3, 2.5, ""), "5.2": (3, 2.5, "")},
    "12.H03": {"1.1": (3, 2.5, ""), "1.2": (3, 3, ""), "2.1": (4, 3.5, ""), "3.1": (4, 3.5, ""), "3.2": (4, 3.5, ""),
               "4.1": (4, 3.5, ""), "5.1": (3, 2.5, ""), "5.2": (3, 2.5, "")},
}


def _vn_dec(x) -> str:
    if x is None:
        return ""
    s = f"{x:g}"
    return s.replace(".", ",")


def make_ps3() -> None:
    """Three districts in one sheet with a unit column and a year column (long format), CSV ';' UTF-8 BOM,
    decimals with a comma ('2,5'), 'Mã tiêu chí' alias."""
    header = ["Mã đơn vị", "Năm", "Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định",
              "Ghi chú"]
    rows: list[list] = [["TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CCHC CẤP HUYỆN NĂM 2023"], header]
    for unit, scores in DIST_2023.items():
        for code, name, mx in DIST_TREE:
            if code in scores:
                s, a, note = scores[code]
                rows.append([unit, 2023, code, name, mx, _vn_dec(s), _vn_dec(a), note])
            else:
                rows.append([unit, 2023, code, name, mx, "", "", ""])
    write_csv("par_scores/chi_so_cchc_cap_huyen_2023.csv", rows, encoding="utf-8-sig", delimiter=";")


COMMUNE_TREE = [("1", "Công tác chỉ đạo, điều hành", 5), ("1.1", "Kế hoạch CCHC", 2), ("1.2", "Báo cáo, kiểm tra", 3),
                ("2", "Cải cách thủ tục hành chính", 7), ("2.1", "Công khai thủ tục hành chính", 3),
                ("2.2", "Giải quyết thủ tục hành chính", 4), ("2.2.1", "Tỷ lệ hồ sơ đúng hạn", 2),
                ("2.2.2", "Liên thông thủ tục hành chính với cấp huyện", 2),
                ("3", "Chính quyền số", 5), ("3.1", "Văn bản điện tử", 3), ("3.2", "Dịch vụ công trực tuyến", 2),
                ("4", "Điều tra xã hội học", 3), ("4.1", "Mức độ hài lòng của người dân", 3)]
MUONGSO_2024 = {"1.1": (2, 2, None, ""), "1.2": (3, 2.5, None, ""), "2.1": (3, 2.5, None, ""),
                "2.2.1": (2, 2, None, ""), "2.2.2": (None, None, None, NA), "3.1": (3, 2, None, ""),
                "3.2": (2, None, None, ""), "4.1": (None, None, 2.4, "")}


def make_ps4() -> None:
    """UBND xã Mường So 2024: unit by its exact registry name in 'Đơn vị:', header 'Mã tiêu chí' and
    'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', appraised points under 'Điểm đánh giá của Hội đồng'."""
    b = Book("par_scores/tu_cham_diem_xa_Muong_So_2024.xlsx", "Tự chấm điểm CCHC xã Mường So 2024")
    ws = b.sheet("Mường So")
    header = ["Mã tiêu chí", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm",
              "Điểm đánh giá của Hội đồng", "Điểm điều tra XHH", "Ghi chú"]
    r = par_sheet(b, ws, "Đơn vị: UBND xã Mường So", "BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2024",
                  header, MUONGSO_2024, roman=False, with_survey=True, with_evidence=False, tree=COMMUNE_TREE)
    signature(b, ws, r + 1, "Mường So, ngày 10 tháng 12 năm 2024", 1, 4,
              left=("CÔNG CHỨC VĂN PHÒNG - THỐNG KÊ", "(Ký, ghi rõ họ tên)", "Lò Thị Nhung"),
              right=("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "(Ký tên, đóng dấu)", "Tao Văn Nhất"))
    b.close()


def make_ps5_rejected() -> None:
    """Sở Xây dựng 2024: area 3 says 15 points maximum while its criteria add up to 4 + 6 + 4 = 14
    (Excel row 18); every other row is consistent."""
    scores = {code: (v[0], v[1], v[2], v[3]) for code, v in SGDDT_2024.items()}
    b = Book("par_scores/reject_tong_diem_toi_da_sai_SXD_2024.xlsx", "Chấm điểm CCHC Sở Xây dựng 2024")
    ws = b.sheet("SXD")
    header = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Điểm điều tra XHH", "Ghi chú"]
    par_sheet(b, ws, "Đơn vị: 12.SXD", "KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", header, scores,
              roman=False, with_survey=True, with_evidence=False, max_override={"3": 15})
    b.close()


# --------------------------------------------------------------------------------------------------
# par_national — published figures only (../../../shared/reference/par_national_published.csv and
# pcivietnam.vn for Lai Châu 2022)
# --------------------------------------------------------------------------------------------------


def make_n1() -> None:
    b = Book("par_national/chi_so_par_index_2022_cong_bo.xlsx", "Chỉ số CCHC năm 2022 (trích)")
    ws = b.sheet("PAR INDEX 2022")
    header = ["STT", "Tỉnh/Thành phố", "Mã tỉnh", "Năm", "Chỉ số (%)", "Xếp hạng", "Nguồn"]
    ws.merge_range(0, 0, 0, 6, "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
                   b.center)
    ws.merge_range(1, 0, 1, 6, "(Trích các tỉnh, thành phố có số liệu công bố trên báo chí)", b.italic)
    b.row(ws, 3, header, b.head)
    data = [
        ("Quảng Ninh", "22", 90.10, 1, "baodongnai.com.vn"),
        ("Hải Phòng", "31", 90.09, 2, "baodongnai.com.vn"),
        ("Hà Nội", "01", 89.58, 3, "baodongnai.com.vn"),
        ("Đà Nẵng", "48", 87.54, 5, "cadn.com.vn"),
        ("Lai Châu", "12", 86.29, 24, "pcivietnam.vn"),
        ("Đồng Nai", "75", 82.92, 51, "baodongnai.com.vn"),
        ("Phú Yên", "54", 75.99, 63, "cadn.com.vn"),
    ]
    for i, (name, code, idx, rank, src) in enumerate(data, 1):
        b.row(ws, 3 + i, [i, name, code, 2022, idx, rank, src], b.cell)
    r = 3 + len(data) + 2
    ws.write_string(r, 0, "Ghi chú: Chỉ số tính theo thang 100; thứ hạng trên 63 tỉnh, thành phố.", b.plain)
    ws.set_column(1, 1, 20)
    b.close()


def make_n2_rejected() -> None:
    """2023 published figures; the row of Ninh Bình has its rank but no 'Chỉ số (%)' (line 7)."""
    header = ["Năm", "Tỉnh/Thành phố", "Chỉ số (%)", "Xếp hạng"]
    rows = [header,
            [2023, "Quảng Ninh", "92,18", 1], [2023, "Hải Phòng", "91,87", 2], [2023, "Hà Nội", "91,43", 3],
            [2023, "Bắc Giang", "91,16", 4], [2023, "Bà Rịa - Vũng Tàu", "91,03", 5], [2023, "Ninh Bình", "", 11],
            [2023, "TP Hồ Chí Minh", "86,97", 33], [2023, "An Giang", "81,32", 63]]
    write_csv("par_national/reject_par_index_2023_thieu_chi_so.csv", rows, encoding="utf-8", delimiter=",")


def main() -> None:
    for make in (make_d1, make_d2, make_d3, make_d4, make_d5, make_d6, make_d7, make_d8, make_rejected_dossiers,
                 make_s1, make_s2, make_s3, make_s4, make_s5_rejected,
                 make_e1, make_e2, make_e3, make_e4_rejected,
                 make_sp1, make_sp2, make_sp3, make_sp4_rejected,
                 make_p1, make_p2, make_p3,
                 make_ps1, make_ps2, make_ps3, make_ps4, make_ps5_rejected,
                 make_n1, make_n2_rejected):
        make()
    files = sorted(p.relative_to(HERE) for p in HERE.rglob("*") if p.is_file() and p.suffix in (".csv", ".xlsx"))
    print(f"{len(files)} files under {HERE}")


if __name__ == "__main__":
    main()
