"""The table-region rule (cchc_warehouse.ingest.region) on hand-written rows and files: furniture around and
inside the table is told from data on the whole row, recorded with its kind, and a total or a signature between
data rows is an error naming the row. No database needed."""

from __future__ import annotations

import csv
import unicodedata

import pytest
import xlsxwriter

from cchc_warehouse.ingest import region as r
from cchc_warehouse.ingest.batches import read_layouts
from cchc_warehouse.ingest.layout import LayoutError
from cchc_warehouse.ingest.raw_writer import read_rows
from cchc_warehouse.sources import get_source

DOSSIERS = get_source("one_stop_dossiers")
HEADER = ["STT", "Mã hồ sơ", "Mã đơn vị", "Mã TTHC", "Kênh nộp", "Ngày tiếp nhận", "Trạng thái", "Họ tên người nộp"]
# required cells of this header: Mã hồ sơ (1), Mã đơn vị (2), Mã TTHC (3), Kênh nộp (4), Ngày tiếp nhận (5),
# Trạng thái (6); the key is Mã hồ sơ
SHAPE = r.TableShape(required=[(1,), (2,), (3,), (4,), (5,), (6,)], key=1, headers=[HEADER])


def row(*cells):
    return list(cells) + [None] * (len(HEADER) - len(cells))


DATA = row("1", "H01-001", "12.H01", "1.001", "Trực tuyến", "02/06/2025", "Đang xử lý", "Lò Văn A")


@pytest.mark.parametrize("cells, kind", [
    (DATA, r.DATA),
    (row(), r.BLANK),
    (row("Tổng cộng", "6 hồ sơ"), r.TOTAL),                     # under STT, the count under Mã hồ sơ
    (row("", "TỔNG CỘNG:", "", "", "", "", "6"), r.TOTAL),
    (row("", "", "", "Cộng"), r.TOTAL),
    (row("", "", "", "", "", "", "", "Tổng số hồ sơ: 6"), r.TOTAL),   # in the (personal) name column
    (row("", "", "Người lập biểu", "", "", "", "THỦ TRƯỞNG ĐƠN VỊ"), r.SIGNATURE),
    (row("", "", "(Ký, ghi rõ họ tên)", "", "", "", "(Ký tên, đóng dấu)"), r.SIGNATURE),
    (row("", "", "", "", "", "Lai Châu, ngày 05 tháng 7 năm 2025"), r.SIGNATURE),
    (row("", "", "", "", "", "…, ngày … tháng … năm 2025"), r.SIGNATURE),
    (row("", "", "", "", "", "", "KT. GIÁM ĐỐC"), r.SIGNATURE),
    (row("", "", "", "Trang 2/5"), r.PAGE),
    (row("Ghi chú: số liệu tính đến hết ngày 30/6")[:len(HEADER)], r.NOTE),
    (row("I. CẤP TỈNH"), r.HEADING),
    (row("", "UBND huyện Tam Đường"), r.HEADING),
    (row("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), r.HEADING),
    (HEADER, r.HEADER),                                          # printed again on page 2
    (row("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"), r.HEADER),
    (row("", "Nguyễn Văn An"), r.TEXT),                          # a name, nothing else
    (row("", "H01-009", "12.H01"), r.DATA),                      # a dossier row that lost its values: data
])
def test_classify(cells, kind):
    assert r.classify(cells, SHAPE) == kind


@pytest.mark.parametrize("label", ["Công chứng", "Cộng đồng dân cư", "Tổng hợp, thống kê", "Tổng cục Thuế",
                                   "Người có công", "Công thương"])
def test_field_names_that_start_like_a_total_are_not_totals(label):
    shape = r.TableShape(required=[(1,), (2,)], key=1, headers=[["STT", "Lĩnh vực", "Tổng số"]], keep_totals=True)
    assert r.classify(["1", label, "12"], shape) == r.DATA
    assert r.classify(["", "Tổng cộng", "12"], shape) == r.TOTAL
    assert r.classify(["Tổng cộng", None, "12"], shape) == r.TOTAL


def test_names_under_a_signature_are_not_data():
    names = row("", "", "Nguyễn Văn An", "", "", "", "Trần Thị Bình")   # two required cells filled
    assert r.classify(names, SHAPE) == r.DATA
    assert r.classify(names, SHAPE, after_signature=True) == r.TEXT


def _csv(path, rows, delimiter=";"):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows([["" if c is None else c for c in rw] for rw in rows])
    return path


def _read(path, spec=DOSSIERS, given=None):
    (fl,) = read_layouts(path, spec, given)
    table, read = read_rows(spec, fl, path)
    return table, read.region.skipped


def _kinds(skipped):
    return {(k.row, k.kind) for k in skipped}


def test_footer_signature_block_and_page_furniture_are_recorded(tmp_path):
    rows = [["DANH SÁCH HỒ SƠ THÁNG 06/2025"], HEADER,                       # header: row 2
            ["1", "H01-001", "12.H01", "1.001", "Trực tuyến", "02/06/2025", "Đang xử lý", "Lò Văn A"],
            ["2", "H01-002", "12.H01", "1.001", "Trực tiếp", "03/06/2025", "Đang xử lý", "Lò Văn B"],
            ["", "", "", "Trang 1/2"],                                           # row 5
            HEADER,                                                              # row 6
            ["UBND huyện Tam Đường"],                                            # row 7
            ["3", "H02-001", "12.H02", "1.001", "Trực tiếp", "04/06/2025", "Đang xử lý", "Lò Văn C"],
            [],                                                                  # row 9
            ["Tổng cộng", "3 hồ sơ"],                                            # row 10
            ["", "", "", "", "", "Lai Châu, ngày 01 tháng 7 năm 2025"],          # row 11
            ["", "Người lập biểu", "", "", "", "", "THỦ TRƯỞNG ĐƠN VỊ"],          # row 12
            ["", "(Ký, ghi rõ họ tên)", "", "", "", "", "(Ký, ghi rõ họ tên, đóng dấu)"],
            [],
            ["", "Nguyễn Văn An", "", "", "", "", "Trần Thị Bình"],              # row 15
            ["Ghi chú: số liệu trích từ phần mềm một cửa"]]                     # row 16
    table, skipped = _read(_csv(tmp_path / "f.csv", rows))
    assert table.column("dossier_code").to_pylist() == ["H01-001", "H01-002", "H02-001"]
    assert table.column("source_row").to_pylist() == [3, 4, 8]
    assert _kinds(skipped) == {(5, "page"), (6, "header"), (7, "heading"), (9, "blank"), (10, "total"),
                               (11, "signature"), (12, "signature"), (13, "signature"), (14, "blank"),
                               (15, "text"), (16, "note")}


@pytest.mark.parametrize("furniture, kind", [(["Tổng cộng", "2 hồ sơ"], "dòng tổng cộng"),
                                             (["", "Người lập biểu"], "dòng ký tên")])
def test_a_total_or_a_signature_between_data_rows_is_an_error_naming_the_row(tmp_path, furniture, kind):
    rows = [HEADER, DATA, furniture, ["2", "H01-002", "12.H01", "1.001", "Trực tiếp", "03/06/2025", "Đang xử lý"]]
    with pytest.raises(LayoutError, match=rf"dòng 3: {kind}.*nằm giữa các dòng dữ liệu"):
        _read(_csv(tmp_path / "f.csv", rows))


def test_free_text_between_data_rows_is_kept_for_the_gate_to_name(tmp_path):
    rows = [HEADER, DATA, ["", "xem hồ sơ giấy"], ["2", "H01-002", "12.H01", "1.001", "Trực tiếp", "03/06/2025",
                                                  "Đang xử lý"]]
    table, skipped = _read(_csv(tmp_path / "f.csv", rows))
    assert sorted(table.column("source_row").to_pylist()) == [2, 3, 4] and skipped == []


def test_a_total_row_above_the_data_is_left_out(tmp_path):
    rows = [HEADER, ["", "Tổng cộng", "", "", "", "", "", ""], DATA]
    table, skipped = _read(_csv(tmp_path / "f.csv", rows))
    assert table.column("source_row").to_pylist() == [3] and _kinds(skipped) == {(2, "total")}


def test_biểu_06_total_kept_wherever_its_label_stands_and_signature_below_dropped(tmp_path):
    spec = get_source("one_stop_summary")
    groups = ["STT", "Lĩnh vực", "", "Số hồ sơ nhận giải quyết", "", "", "", "Số hồ sơ đã giải quyết", "", "", "",
              "Số hồ sơ đang giải quyết", "", ""]
    labels = ["", "", "", "Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước", "Tổng số",
              "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"]
    #          STT  field        spacer  3   4  5  6  7  8  9 10 11 12 13
    rows = [["Mã đơn vị: 12.STP"], ["Kỳ báo cáo: tháng 06/2025"], groups, labels,
            ["(1)", "(2)", "", *[f"({i})" for i in range(3, 14)]],
            ["I", "Cấp tỉnh"],                                                               # row 6: heading
            ["1", "Hộ tịch", "", "10", "4", "5", "1", "8", "2", "5", "1", "2", "2", "0"],
            ["2", "Công chứng", "", "5", "1", "4", "0", "5", "5", "0", "0", "0", "0", "0"],
            ["", "", "Tổng cộng", "15", "5", "9", "1", "13", "7", "5", "1", "2", "2", "0"],   # label in the spacer
            [],
            ["", "Người lập biểu", "", "", "", "", "", "", "", "THỦ TRƯỞNG ĐƠN VỊ"],
            ["", "(Ký, ghi rõ họ tên)", "", "", "", "", "", "", "", "(Ký, ghi rõ họ tên, đóng dấu)"],
            ["", "Lò Thị Hoa", "", "", "", "", "", "", "", "Vàng A Sử"]]
    table, skipped = _read(_csv(tmp_path / "bieu06.csv", rows, ","), spec)
    assert table.column("source_row").to_pylist() == [7, 8, 9]
    assert table.column("total_label").to_pylist() == [None, None, "Tổng cộng"]
    assert table.column("field_name").to_pylist() == ["Hộ tịch", "Công chứng", None]
    assert table.column("received_total").to_pylist() == [10, 5, 15]
    assert _kinds(skipped) == {(6, "heading"), (10, "blank"), (11, "signature"), (12, "signature"), (13, "text")}


def test_workbook_errors_name_the_sheet(tmp_path):
    path = tmp_path / "f.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Tháng 6")
    for i, rw in enumerate([HEADER, DATA, ["Tổng cộng", "1"], DATA]):
        ws.write_row(i, 0, [c or "" for c in rw])
    wb.close()
    from cchc_warehouse.ingest.load import _in_sheet

    (fl,) = read_layouts(path, DOSSIERS)
    with pytest.raises(LayoutError, match=r"^trang 'Tháng 6', dòng 3: dòng tổng cộng"):
        _in_sheet(fl, lambda: read_rows(DOSSIERS, fl, path))


def test_nfd_furniture_is_recognised(tmp_path):
    rows = [HEADER, DATA, [unicodedata.normalize("NFD", "Tổng cộng"), "1"],
            ["", unicodedata.normalize("NFD", "Người lập biểu")]]
    table, skipped = _read(_csv(tmp_path / "f.csv", rows))
    assert table.num_rows == 1 and _kinds(skipped) == {(3, "total"), (4, "signature")}
