"""Reading files: header detection, aliases, encodings, delimiters, NFC, personal data, periods.
No database needed."""

from __future__ import annotations

import codecs
import unicodedata
from datetime import date, datetime

import pyarrow as pa
import pytest
import xlsxwriter

from cchc_warehouse.ingest import readers
from cchc_warehouse.ingest.batches import batches, read_layout
from cchc_warehouse.ingest.layout import LayoutError, find_layout
from cchc_warehouse.ingest.parsing import nfc
from cchc_warehouse.periods import PeriodError, month_from_title, month_range, parse_month
from cchc_warehouse.sources import get_source
from cchc_warehouse.textnorm import fold, header_key

SPEC = get_source("one_stop_dossiers")


def read_rows(path):
    """Layout and the kept cells of every row, with row numbers, as the loader reads them."""
    fl = read_layout(path, SPEC)
    rows = []
    for b in batches(path, fl):
        for i, n in enumerate(b.numbers.to_pylist()):
            rows.append((n, [c[i].as_py() for c in b.cells]))
    return fl.layout, rows
HEADER = ["Mã hồ sơ", "Mã đơn vị", "Mã TTHC", "Kênh nộp", "Ngày tiếp nhận", "Trạng thái"]


@pytest.mark.parametrize("written, canonical", [
    ("Mã hồ sơ", "dossier_code"), ("MaHoSo", "dossier_code"), ("SỐ HỒ SƠ", "dossier_code"),
    ("  Mã   hồ-sơ ", "dossier_code"), ("ma ho so", "dossier_code"), ("Mã cơ quan", "unit_code"),
    ("MaDonVi", "unit_code"), ("Hình thức nộp", "channel"), ("Kênh thực hiện", "channel"),
    ("Ngày hoàn thành", "finished_at"), ("Kết quả điện tử", "digitized_result"),
    ("Có phí, lệ phí", "has_fee"), ("Co phi le phi", "has_fee"), ("TenLinhVuc", "field_name"),
    ("Mức độ DVC", "service_level"), (unicodedata.normalize("NFD", "Ngày tiếp nhận"), "received_at"),
    ("Số CCCD", "applicant_id_number"),
])
def test_header_aliases_match_case_accent_spacing_punctuation_insensitively(written, canonical):
    assert SPEC.match(written).name == canonical


def test_fold_and_header_key():
    assert fold("  ĐÃ Trả  kết-quả ") == "da tra ket qua"
    assert header_key("Mã hồ sơ") == header_key("MaHoSo") == "mahoso"


def test_header_row_found_below_title_rows_and_extra_and_personal_columns_sorted_out():
    rows = [["UBND TỈNH LAI CHÂU"], [], ["DANH SÁCH HỒ SƠ THÁNG 6/2025"],
            ["STT", *HEADER, "Họ tên người nộp", "Số điện thoại", "Email liên hệ", "Ghi chú"],
            ["1", "A-1", "12.H01", "1.000001", "Trực tuyến", "02/06/2025", "Đang xử lý", "Lò Văn A", "0912", "a@b", ""]]
    lay = find_layout(rows, SPEC)
    assert lay.header_row == 4
    assert [c.name for c in lay.columns.values()] == [
        "dossier_code", "unit_code", "procedure_code", "channel", "received_at", "status"]
    assert lay.extra == {0: "STT", 10: "Ghi chú"}
    assert lay.dropped == ["Họ tên người nộp", "Số điện thoại", "Email liên hệ"]   # never written
    assert lay.title_period == date(2025, 6, 1)


def test_missing_required_column_names_row_and_column():
    with pytest.raises(LayoutError, match=r"dòng 1 \(dòng tiêu đề cột\): thiếu cột bắt buộc 'Trạng thái'"):
        find_layout([HEADER[:-1]], SPEC)


def test_same_column_twice_is_an_error():
    with pytest.raises(LayoutError, match="'Mã hồ sơ' và cột 'Số hồ sơ'"):
        find_layout([[*HEADER, "Số hồ sơ"]], SPEC)


def test_no_header_at_all():
    with pytest.raises(LayoutError, match="không tìm thấy dòng tiêu đề"):
        find_layout([["a", "b"], ["1", "2"]], SPEC)


@pytest.mark.parametrize("lines, expected", [
    (["DANH SÁCH HỒ SƠ THÁNG 06/2025"], date(2025, 6, 1)),
    (["Kỳ báo cáo: tháng 6-2025"], date(2025, 6, 1)),
    (["Tháng 12 năm 2024"], date(2024, 12, 1)),
    (["Từ ngày 01/06/2025 đến ngày 30/06/2025"], date(2025, 6, 1)),
    (["UBND TỈNH LAI CHÂU"], None),
    ([unicodedata.normalize("NFD", "DANH SÁCH HỒ SƠ THÁNG 3/2025")], date(2025, 3, 1)),
])
def test_period_from_title(lines, expected):
    assert month_from_title(lines) == expected


def test_month_arguments():
    assert parse_month("2025-06") == date(2025, 6, 1)
    assert month_range("2024-11..2025-02") == [date(2024, 11, 1), date(2024, 12, 1), date(2025, 1, 1), date(2025, 2, 1)]
    with pytest.raises(PeriodError):
        parse_month("06/2025")
    with pytest.raises(PeriodError):
        parse_month("2025-13")


def _write_csv(path, text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    path.write_bytes(data)


@pytest.mark.parametrize("encoding, delimiter", [
    ("utf-8", ","), ("utf-8-sig", ";"), ("utf-16-le", "\t"), ("utf-8", "\t"), ("utf-16", ";"),
])
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    body = [["DANH SÁCH HỒ SƠ THÁNG 06/2025"], HEADER,
            ["A-1", "12.H01", "1.000001", "Trực tuyến", "02/06/2025", "Đã trả kết quả"],
            ["A-2", "12.H01", "1.000002", "Trực tiếp", "3/6/2025", "Đang xử lý"]]
    text = "\r\n".join(delimiter.join(r) for r in body) + "\r\n"
    p = tmp_path / "f.csv"
    _write_csv(p, text, encoding)
    lay, rows = read_rows(p)
    assert lay.delimiter == delimiter and lay.header_row == 2
    assert rows == [(3, body[2]), (4, body[3])]


def test_nfd_text_becomes_nfc(tmp_path):
    text = unicodedata.normalize("NFD", ",".join(HEADER) + "\nA-1,12.H01,1.1,Trực tuyến,02/06/2025,Đã trả kết quả\n")
    p = tmp_path / "nfd.csv"
    p.write_text(text, encoding="utf-8")
    lay, rows = read_rows(p)
    ((_, row),) = rows
    status = nfc(pa.array([row[5]])).to_pylist()[0]
    assert status == "Đã trả kết quả" and unicodedata.is_normalized("NFC", status)
    assert len(lay.columns) == 6


def test_non_utf_file_is_refused(tmp_path):
    p = tmp_path / "cp1258.csv"
    p.write_bytes((",".join(HEADER) + "\nA,12.H01,1,Trực tiếp,01/06/2025,Đang xử lý\n").encode("cp1258", "replace"))
    with pytest.raises(readers.UnreadableFile, match="UTF-8 hoặc UTF-16"):
        read_rows(p)


def test_xlsx_cells_become_text(tmp_path):
    p = tmp_path / "f.xlsx"
    wb = xlsxwriter.Workbook(str(p))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["BÁO CÁO THÁNG 06/2025"])
    ws.write_row(2, 0, HEADER)
    fmt = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    ws.write_string(3, 0, "A-1")
    ws.write_string(3, 1, "12.H01")
    ws.write_string(3, 2, "1.000001")
    ws.write_number(3, 3, 2)                       # channel as a numeric code
    ws.write_datetime(3, 4, datetime(2025, 6, 2, 8, 30), fmt)
    ws.write_number(3, 5, 10)
    ws.write_string(4, 0, "A-2")
    ws.write_datetime(4, 4, datetime(2025, 6, 3), wb.add_format({"num_format": "dd/mm/yyyy"}))
    wb.close()
    lay, rows = read_rows(p)
    assert lay.header_row == 3 and lay.title_period == date(2025, 6, 1)
    assert rows[0] == (4, ["A-1", "12.H01", "1.000001", "2", "2025-06-02 08:30:00", "10"])
    assert rows[1][0] == 5 and rows[1][1][0] == "A-2" and rows[1][1][4] == "2025-06-03"


def test_ragged_and_footer_rows_keep_their_numbers(tmp_path):
    lines = ["DANH SÁCH HỒ SƠ THÁNG 06/2025", ";".join(HEADER),
             "A-1;12.H01;1.1;Trực tuyến;02/06/2025;Đang xử lý",
             "A-2;12.H01;1.1;Trực tiếp;03/06/2025",              # short row: kept, padded
             "",                                                  # blank row
             "A-3;12.H01;1.1;Trực tiếp;04/06/2025;Đang xử lý",
             "Tổng cộng: 3 hồ sơ", ";;Người lập biểu"]
    p = tmp_path / "ragged.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, rows = read_rows(p)
    by_number = dict(rows)
    assert by_number[3][0] == "A-1" and by_number[6][0] == "A-3"
    assert by_number[4] == ["A-2", "12.H01", "1.1", "Trực tiếp", "03/06/2025", None]
    assert by_number[7][0] == "Tổng cộng: 3 hồ sơ"
