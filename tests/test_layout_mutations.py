"""Layout mutations (Hypothesis): a valid file of each source, written by hand here, is perturbed the way real
exports and people perturb files — footers and signature blocks in any column and of any length, totals with
their label anywhere, header rows repeated on every printed page, page numbers, group headings, notes, blank
spacer columns, extra title rows, trailing empty rows and columns, xlsx or CSV with ',' ';' or tab in UTF-8,
UTF-8 with BOM or UTF-16, NFD text — and must give exactly the rows of the unperturbed file. A total or a
signature between data rows makes the table ambiguous: that must be an error naming the row, never other
figures. Rows are compared as loaded (every contract column, text and typed; not lineage), so the indicator
values, a function of those rows, are the same too (tests/test_corpus.py builds marts from such files).

`pytest --hypothesis-profile=long tests/test_layout_mutations.py` runs many more examples than CI does.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_warehouse.ingest.batches import read_layouts
from cchc_warehouse.ingest.layout import LayoutError
from cchc_warehouse.ingest.raw_writer import read_rows
from cchc_warehouse.sources import get_source

LINEAGE = {"load_id", "file_id", "source_row", "source_sheet", "extra"}


@dataclass
class Base:
    source: str
    titles: list[list[str]]
    header: list[list[str]]          # header row(s), and the row of column numbers if the form prints one
    data: list[list[str]]
    given: dict[str, str] = field(default_factory=dict)
    group_row: int | None = None     # index in header of a group row whose merged cells must not be split
    total_last: bool = False         # the last data row is the form's total row (label in column `label_col`)
    label_col: int = 1


BASES = {
    "one_stop_dossiers": Base(
        "one_stop_dossiers", [],
        [["STT", "Mã hồ sơ", "Mã đơn vị", "Mã TTHC", "Tên TTHC", "Kênh nộp", "Ngày tiếp nhận", "Ngày hẹn trả",
          "Ngày kết thúc xử lý", "Trạng thái", "Có phí, lệ phí", "Họ tên người nộp", "Số điện thoại"]],
        [["1", "H01.001", "12.H01", "1.0001", "Đăng ký khai sinh", "Trực tuyến", "02/06/2025", "05/06/2025",
          "04/06/2025", "Đã trả kết quả", "Không", "Lò Văn A", "0912000001"],
         ["2", "H01.002", "12.H01", "1.0002", "Chứng thực bản sao", "Trực tiếp", "03/06/2025", "03/06/2025",
          "03/06/2025", "Đã xử lý xong", "Có", "Lò Thị B", "0912000002"],
         ["3", "H01.003", "12.H01", "1.0003", "Cấp phép xây dựng", "Bưu chính công ích", "10/06/2025",
          "24/06/2025", "", "Đang xử lý", "Có", "Vàng A C", "0912000003"],
         ["4", "H02.001", "12.H02", "1.0001", "Đăng ký khai sinh", "2", "11/06/2025", "13/06/2025", "16/06/2025",
          "10", "0", "Giàng Thị D", ""],
         ["5", "H02.002", "12.H02", "1.0004", "Đăng ký kết hôn", "Trực tiếp", "20/05/2025", "30/05/2025", "",
          "Công dân yêu cầu rút hồ sơ", "Không", "Sùng A E", ""],
         ["6", "H02.003", "12.H02", "1.0004", "Đăng ký kết hôn", "Trực tiếp", "28/06/2025", "", "", "Đang xử lý",
          "Không", "Lý Thị F", ""]],
        given={}),
    "esign_stats": Base(
        "esign_stats", [["THỐNG KÊ VĂN BẢN ĐIỆN TỬ, CHỮ KÝ SỐ"]],
        [["STT", "Mã đơn vị", "Đơn vị", "Kỳ báo cáo", "Tổng số văn bản đi", "Văn bản đi được ký số",
          "Tổng số văn bản đến", "Văn bản đến điện tử", "Tổng số hồ sơ công việc", "Hồ sơ công việc xử lý trên mạng"]],
        [["1", "12.STP", "Sở Tư pháp", "06/2025", "1.234", "1.230", "2.001", "1.998", "450", "431"],
         ["2", "12.SXD", "Sở Xây dựng", "06/2025", "812", "812", "903", "900", "210", "199"],
         ["3", "12.H01", "UBND thành phố Lai Châu", "06/2025", "640", "611", "1.120", "1.090", "380", "300"],
         ["4", "12.H02.X01", "UBND xã Bình Lư", "06/2025", "95", "80", "", "", "40", "22"]]),
    "one_stop_summary": Base(
        "one_stop_summary", [["Mã đơn vị: 12.STP"], ["Kỳ báo cáo: tháng 06/2025"]],
        [["STT", "Lĩnh vực", "Số hồ sơ nhận giải quyết", "", "", "", "Số hồ sơ đã giải quyết", "", "", "",
          "Số hồ sơ đang giải quyết", "", ""],
         ["", "", "Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước", "Tổng số", "Trước hạn",
          "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"],
         [f"({i})" for i in range(1, 14)]],
        [["1", "Hộ tịch", "10", "4", "5", "1", "8", "2", "5", "1", "2", "2", "0"],
         ["2", "Công chứng", "5", "1", "4", "0", "5", "5", "0", "0", "0", "0", "0"],
         ["3", "Xây dựng", "7", "2", "3", "2", "4", "0", "3", "1", "3", "1", "2"],
         ["", "Tổng cộng", "22", "7", "12", "3", "17", "7", "8", "2", "5", "3", "2"]],
        group_row=0, total_last=True, label_col=1),
    "plan_tasks": Base(
        "plan_tasks", [["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025"]],
        [["STT", "Nhiệm vụ", "Lĩnh vực", "Đơn vị chủ trì", "Thời hạn hoàn thành", "Kết quả thực hiện",
          "Ngày hoàn thành", "Ngày báo cáo"]],
        [["1", "Rà soát văn bản quy phạm pháp luật", "Cải cách thể chế", "12.STP", "Quý II", "Hoàn thành",
          "20/05/2025", "15/06/2025"],
         ["2", "Công bố danh mục TTHC", "Cải cách TTHC", "12.SNV", "30/06/2025", "Đang thực hiện", "",
          "15/06/2025"],
         ["3", "Số hóa hồ sơ", "Chính phủ số", "12.H01", "Cả năm", "Chưa thực hiện", "", "15/06/2025"],
         ["4", "Đào tạo công chức", "Công vụ", "12.SNV", "Tháng 3", "Hoàn thành quá hạn", "10/04/2025",
          "15/06/2025"]]),
    "sipas_survey": Base(
        "sipas_survey", [],
        [["Mã phiếu", "Ngày khảo sát", "Mã đơn vị", "Lĩnh vực", "Đối tượng", "TC1", "TC2", "TT1", "CC1", "KQ1",
          "PA1", "HL", "Họ và tên"]],
        [["P001", "05/06/2025", "12.STP", "Hộ tịch", "Công dân", "Hài lòng", "Rất hài lòng", "4", "5", "3", "",
          "4", "Lò Văn A"],
         ["P002", "06/06/2025", "12.STP", "Chứng thực", "Tổ chức", "Bình thường", "2", "Không hài lòng", "4", "5",
          "4", "3", "Lò Thị B"],
         ["P003", "09/06/2025", "12.H01", "Đất đai", "Công dân", "5", "5", "5", "5", "5", "5", "5", ""]]),
    "par_scores": Base(
        "par_scores", [["BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"]],
        [["Mã đơn vị", "STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Ghi chú"]],
        [["12.STP", "I", "Công tác chỉ đạo, điều hành", "10", "9,5", "9", ""],
         ["12.STP", "1.1", "Kế hoạch CCHC", "6", "6", "5,5", ""],
         ["12.STP", "1.2", "Báo cáo CCHC", "4", "3,5", "3,5", ""],
         ["12.STP", "II", "Cải cách thể chế", "8", "6", "6", ""],
         ["12.STP", "2.1", "Rà soát văn bản", "5", "5", "5", ""],
         ["12.STP", "2.2", "Kiểm tra văn bản", "3", "", "", "Không áp dụng"]],
        given={}),
    "par_national": Base(
        "par_national", [["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2019"]],
        [["Năm", "Tỉnh/Thành phố", "Điểm thẩm định", "Điểm SIPAS", "Điểm điều tra lãnh đạo, quản lý",
          "Điểm tác động", "Chỉ số (%)", "Xếp hạng"]],
        [["2019", "Quảng Ninh", "", "", "", "", "90,09", "1"],
         ["2019", "Hà Nội", "", "", "", "", "84,64", "2"],
         ["2019", "Lai Châu", "50,1", "8,5", "16,2", "5,3", "80,10", "40"],
         ["2019", "Bến Tre", "", "", "", "", "73,87", "63"]]),
}

TITLE_POOL = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND TỈNH LAI CHÂU",
              "(Kèm theo Báo cáo số 15/BC-UBND)", "Đơn vị tính: hồ sơ, văn bản", ""]
HEADINGS = ["I. CẤP TỈNH", "Cấp huyện", "Khối sở, ban, ngành", "UBND huyện Tam Đường", "B. CẤP XÃ"]
TOTAL_LABELS = ["Tổng cộng", "TỔNG CỘNG:", "Cộng", "Tổng số:", "Tổng"]
SIGNERS = ["Người lập biểu", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "KT. GIÁM ĐỐC", "Xác nhận của lãnh đạo",
           "TM. ỦY BAN NHÂN DÂN"]
SIGN_HINTS = ["(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)", "(Ký, ghi rõ họ tên, đóng dấu)"]
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Cường", "Hoàng Thị Dung"]
NOTES = ["Ghi chú: số liệu trích từ phần mềm một cửa", "Lưu ý: số liệu tạm tính", "* Số liệu đến hết ngày báo cáo"]


def _width(base: Base) -> int:
    return max(len(r) for r in [*base.header, *base.data])


def _put(width: int, placed: dict[int, str]) -> list[str]:
    out = [""] * max(width, max(placed) + 1 if placed else 0)
    for i, t in placed.items():
        out[i] = t
    return out


@st.composite
def perturbation(draw, base: Base):
    """The perturbed rows of the file and how it is written. Furniture only goes where the spec's files put it:
    titles above, page furniture between data rows, totals, notes and signature blocks below."""
    width = _width(base)
    col = st.integers(0, width + 1)
    data = [list(r) for r in base.data]
    total = None
    if base.total_last:                      # the form's total row: its label in STT, the field column or a spacer
        total = data.pop()
    # spacer columns: blank header and cells, never inside a merged group of a two-row header
    spacer_at = []
    if draw(st.booleans()):
        group = base.header[base.group_row] if base.group_row is not None else None
        allowed = [p for p in range(width + 1) if group is None or p >= len(group) or group[p] or p == 0]
        spacer_at = sorted(set(draw(st.lists(st.sampled_from(allowed), max_size=2))))
    body: list[list[str]] = []
    for k, row in enumerate(data):
        if k and draw(st.integers(0, 5)) == 0:                     # a printed page ends here
            if draw(st.booleans()):
                body.append(_put(width, {draw(col): f"Trang {k}/9"}))
            body += [list(h) for h in base.header]
        if k and draw(st.integers(0, 6)) == 0:                     # a group heading
            body.append(_put(width, {draw(st.integers(0, 2)): draw(st.sampled_from(HEADINGS))}))
        if draw(st.integers(0, 8)) == 0:
            body.append([])
        body.append(row)
    if total is not None:
        where = draw(st.sampled_from(["stt", "field", "spacer"] if spacer_at else ["stt", "field"]))
        total = list(total)
        total[base.label_col] = ""
        label = draw(st.sampled_from(["Tổng cộng", "TỔNG CỘNG", "Tổng số"]))
        if where == "stt":
            total[0] = label
        elif where == "field":
            total[base.label_col] = label
        body.append(total)
    footer: list[list[str]] = []
    if total is None and draw(st.booleans()):
        footer.append(_put(width, {draw(col): draw(st.sampled_from(TOTAL_LABELS)), draw(col): "6"}))
    footer += [[] for _ in range(draw(st.integers(0, 2)))]
    if draw(st.booleans()):
        footer.append(_put(width, {draw(col): draw(st.sampled_from(NOTES))}))
    if draw(st.booleans()):
        footer.append(_put(width, {draw(col): "Lai Châu, ngày 05 tháng 7 năm 2025"}))
    if draw(st.booleans()):
        places = sorted(set(draw(st.lists(col, min_size=1, max_size=2))))
        footer.append(_put(width, {p: draw(st.sampled_from(SIGNERS)) for p in places}))
        if draw(st.booleans()):
            footer.append(_put(width, {p: draw(st.sampled_from(SIGN_HINTS)) for p in places}))
        footer += [[] for _ in range(draw(st.integers(0, 3)))]
        if draw(st.booleans()):
            footer.append(_put(width, {p: draw(st.sampled_from(NAMES)) for p in places}))
    titles = [[t] for t in draw(st.lists(st.sampled_from(TITLE_POOL), max_size=4))] + [list(t) for t in base.titles]
    trailing_rows = draw(st.integers(0, 3))
    trailing_cols = draw(st.integers(0, 3))
    rows = titles + [list(h) for h in base.header] + body + footer + [[] for _ in range(trailing_rows)]
    if trailing_cols:
        n_header = len(titles) + len(base.header)
        rows = [r + [""] * trailing_cols if i >= n_header and r else r for i, r in enumerate(rows)]
    for p in reversed(spacer_at):
        rows = [r[:p] + [""] + r[p:] if len(r) > 1 else r for r in rows]
        if total is not None and where == "spacer" and p == spacer_at[0]:
            pass
    if total is not None and where == "spacer":   # the label in the first spacer column of the total row
        total_index = len(titles) + len(base.header) + len(body) - 1
        rows[total_index][spacer_at[0]] = label
    fmt = draw(st.sampled_from(["xlsx", "csv"]))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    nfd = draw(st.booleans())
    return rows, fmt, delimiter, encoding, nfd


def write(path: Path, rows: list[list[str]], fmt: str, delimiter: str = ",", encoding: str = "utf-8",
          nfd: bool = False) -> Path:
    def text(c):
        return unicodedata.normalize("NFD", c) if nfd and c else c

    if fmt == "xlsx":
        path = path.with_suffix(".xlsx")
        wb = xlsxwriter.Workbook(str(path))
        wb.set_properties({"created": datetime(2025, 1, 1)})
        ws = wb.add_worksheet("Báo cáo")
        for i, row in enumerate(rows):
            for j, c in enumerate(row):
                if c:
                    ws.write_string(i, j, text(c))
        wb.close()
        return path
    path = path.with_suffix(".csv")
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows([[text(c) for c in r] for r in rows])
    return path


def loaded(path: Path, base: Base) -> list[tuple]:
    """The rows a load writes, without lineage, sorted; a form's total row by its label, wherever it stood."""
    spec = get_source(base.source)
    out = []
    for fl in read_layouts(path, spec, base.given or None):
        table, _ = read_rows(spec, fl, path)
        names = [n for n in table.column_names if n not in LINEAGE]
        for rec in table.select(names).to_pylist():
            if "total_label" in rec:
                is_total = rec.pop("total_label") is not None
                rec["label"] = "(tổng)" if is_total else rec.pop("field_name")
                rec.pop("field_name", None)
                rec["is_total"] = is_total
                rec.pop("seq")
            out.append(tuple(sorted((k, str(v)) for k, v in rec.items())))
    return sorted(out)


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    d = tmp_path_factory.mktemp("base")
    out = {}
    for name, base in BASES.items():
        rows = [list(t) for t in base.titles] + base.header + base.data
        out[name] = loaded(write(d / name, rows, "csv"), base)
        assert len(out[name]) == len(base.data), name
    return out


MUTATIONS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
                     deadline=None)


@pytest.mark.parametrize("source", sorted(BASES))
@MUTATIONS
@given(data=st.data())
def test_perturbed_files_load_the_same_rows(source, expected, tmp_path_factory, data):
    base = BASES[source]
    rows, fmt, delimiter, encoding, nfd = data.draw(perturbation(base))
    path = write(tmp_path_factory.mktemp("m") / source, rows, fmt, delimiter, encoding, nfd)
    assert loaded(path, base) == expected[source]


@st.composite
def ambiguous(draw, base: Base):
    """A total or a signature between two data rows: the row it stands on (1-based) and the file's rows."""
    width = _width(base)
    data = [list(r) for r in base.data]
    at = draw(st.integers(1, len(data) - (2 if base.total_last else 1)))
    if draw(st.booleans()):
        furniture = _put(width, {draw(st.integers(0, width - 1)): draw(st.sampled_from(SIGNERS))})
    else:
        label_col = draw(st.integers(0, width - 1))
        furniture = _put(width, {label_col: draw(st.sampled_from(["Tổng cộng", "Cộng", "TỔNG CỘNG:"]))})
    rows = [list(t) for t in base.titles] + base.header + data[:at] + [furniture] + data[at:]
    return len(base.titles) + len(base.header) + at + 1, rows


@pytest.mark.parametrize("source", sorted(s for s, b in BASES.items() if not b.total_last))
@MUTATIONS
@given(data=st.data())
def test_a_total_or_signature_between_data_rows_is_an_error_naming_it(source, tmp_path_factory, data):
    base = BASES[source]
    row_number, rows = data.draw(ambiguous(base))
    path = write(tmp_path_factory.mktemp("a") / source, rows, data.draw(st.sampled_from(["xlsx", "csv"])))
    with pytest.raises(LayoutError, match=rf"dòng {row_number}: dòng (tổng cộng|ký tên).*giữa các dòng dữ liệu"):
        loaded(path, base)
