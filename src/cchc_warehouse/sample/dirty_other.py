"""Dirty files of the sources besides dossier listings: each must be rejected for exactly one reason
(the message fragment the tests look for), and nothing of it may reach the marts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_warehouse.periods import format_month
from cchc_warehouse.sample.exports import Variant, write


@dataclass(frozen=True)
class DirtyFile:
    source: str
    period: str
    path: Path
    message: str


def _esign(m: date) -> list[list]:
    return [["Mã đơn vị", "Tháng", "Văn bản đi", "Số văn bản ký số"],
            ["12.STP", f"{m:%m/%Y}", "120", "118"], ["12.SXD", f"{m:%m/%Y}", "95", "97"]]


def _sipas(m: date, answer: str) -> list[list]:
    return [["Mã phiếu", "Ngày khảo sát", "Mã đơn vị", "TC1", "CC1"],
            ["P-1", f"05/{m:%m/%Y}", "12.STP", "Hài lòng", "5"], ["P-2", f"06/{m:%m/%Y}", "12.STP", answer, "4"]]


def _plan(m: date, status: str, done_on: str) -> list[list]:
    return [[f"KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM {m.year}"],
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn hoàn thành", "Kết quả thực hiện", "Ngày hoàn thành",
             "Ngày báo cáo"],
            ["1", "Ban hành kế hoạch", "12.SNV", "Quý I", "Hoàn thành", f"10/03/{m.year}", f"28/{m:%m/%Y}"],
            ["2", "Rà soát TTHC", "12.STP", "Tháng 6", status, done_on, f"28/{m:%m/%Y}"]]


def _form(m: date, row: list[int], total: list[int]) -> list[list]:
    groups = ["Số hồ sơ nhận giải quyết", "", "", "", "Số hồ sơ đã giải quyết", "", "", "", "Số hồ sơ đang giải quyết",
              "", ""]
    labels = ["Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước", "Tổng số", "Trước hạn",
              "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"]
    return [["Mã đơn vị: 12.H04"], [f"Kỳ báo cáo: tháng {m:%m/%Y}"], ["STT", "Lĩnh vực", *groups], ["", "", *labels],
            ["1", "Hộ tịch", *map(str, row)],
            ["2", "Chứng thực", "10", "2", "7", "1", "9", "4", "5", "0", "1", "1", "0"],
            ["", "Tổng cộng", *map(str, total)]]


def _par(year: int, parent_max: str, parent_self: str, self_points: str) -> list[list]:
    return [[f"BẢNG ĐIỂM CHỈ SỐ CCHC NĂM {year}"], ["Mã đơn vị: 12.STP"],
            ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"],
            ["I", "Công tác chỉ đạo, điều hành", parent_max, parent_self],
            ["1.1", "Kế hoạch CCHC", "3", self_points],
            ["1.2", "Báo cáo CCHC", "2", "1,5"]]


def write_dirty_other(out: Path, month: date, year: int) -> list[DirtyFile]:
    ym, y = format_month(month), str(year)
    cases: list[tuple[str, str, str, list[list], str]] = [
        ("esign_stats", ym, "loi_ky_so_vuot_tong", _esign(month),
         "văn bản đi được ký số nhiều hơn tổng số văn bản đi"),
        ("sipas_survey", ym, "loi_cau_tra_loi", _sipas(month, "Tạm được"),
         "câu trả lời (Rất không hài lòng … Rất hài lòng, hoặc 1–5) không đọc được"),
        ("sipas_survey", ym, "loi_khong_co_cau_hoi",
         [["Mã phiếu", "Ngày khảo sát", "Mã đơn vị", "Ghi chú"], ["P-1", f"05/{month:%m/%Y}", "12.STP", "x"]],
         "không có cột câu hỏi nào"),
        ("one_stop_summary", ym, "loi_bieu06_cot_3",
         _form(month, [20, 5, 10, 4, 15, 5, 9, 1, 5, 4, 1], [30, 7, 17, 5, 24, 9, 14, 1, 6, 5, 1]),
         "cột (3) khác (4) + (5) + (6)"),
        ("one_stop_summary", ym, "loi_bieu06_dong_tong",
         _form(month, [20, 5, 10, 5, 15, 5, 9, 1, 5, 4, 1], [31, 7, 17, 7, 25, 9, 15, 1, 6, 5, 1]),
         "dòng Tổng cộng khác tổng các dòng lĩnh vực"),
        ("plan_tasks", ym, "loi_ket_qua", _plan(month, "Đã xong một phần", ""),
         "kết quả thực hiện (Hoàn thành, Hoàn thành quá hạn, Đang thực hiện, Chưa thực hiện) không đọc được"),
        ("par_scores", y, "loi_tong_tieu_chi_cha", _par(year, "6", "4,5", "3"),
         "điểm tối đa của tiêu chí cha khác tổng điểm tối đa các tiêu chí con"),
        ("par_scores", y, "loi_vuot_diem_toi_da", _par(year, "5", "5", "3,5"),
         "điểm tự đánh giá lớn hơn điểm tối đa"),
        ("par_national", y, "loi_chi_so",
         [["Năm", "Tỉnh/Thành phố", "Chỉ số (%)"], [y, "Quảng Ninh", "92,18"], [y, "Hà Nội", "191,43"]],
         "chỉ số ngoài khoảng 0–100"),
    ]
    written = []
    for source, period, name, rows, message in cases:
        path = out / source / period / f"{name}.csv"
        write(path, rows, Variant("dirty"))
        written.append(DirtyFile(source, period, path, message))
    return written
