"""`cchc sample generate`: the demo province's monthly one-stop exports, clean and dirty."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from cchc_warehouse.periods import format_month, next_month
from cchc_warehouse.sample.exports import CANONICAL, Variant, table, write
from cchc_warehouse.sample.simulate import Dossier, ExportRow, month_snapshot, simulate

SOURCE = "one_stop_dossiers"

# Which units each monthly export covers, and how that export is written.
GROUPS: list[tuple[str, list[str], Variant]] = [
    ("so_nganh", ["12.STP", "12.SNNMT", "12.SXD", "12.STC", "12.SYT", "12.SGDDT", "12.SNV"], Variant(
        "xlsx, title and footer rows, Excel date cells, labels, personal data",
        fmt="xlsx", dates="excel", title="month", footer=True, personal=True)),
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
        "xlsx, date-range title, text dates, Đã/Chưa, personal data",
        fmt="xlsx", dates="dmy", title="range", footer=True, yes_no=("Đã", "Chưa"), personal=True)),
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


SUMMARY_UNITS = [("12.H01", "UBND thành phố Lai Châu"), ("12.STP", "Sở Tư pháp")]


def generate(out: Path, months: list[date], dossiers_per_month: int = 2000, dirty: bool = False, seed: int = 2025,
             summary_units: list[tuple[str, str]] | None = None) -> tuple[list[Written], list[Dossier]]:
    """Monthly dossier listings (and, for summary_units, their Biểu 06 forms written from the same dossiers)."""
    from cchc_warehouse.sample.summary_forms import write_forms

    out.mkdir(parents=True, exist_ok=True)
    dossiers = simulate(months, dossiers_per_month, seed)
    written: list[Written] = []
    for m in months:
        snap = month_snapshot(dossiers, m)
        written += write_month(out, m, snap)
        for path, (code, _) in zip(write_forms(out, m, snap, summary_units or []), summary_units or [], strict=True):
            written.append(Written(path, format_month(m), [code], "Biểu 06/VPCP/KSTT", 0))
        if dirty and m == months[0]:
            written += write_dirty(out, m, snap)
    with resources.as_file(resources.files("cchc_warehouse.reference") / "units_lai_chau.csv") as units:
        shutil.copyfile(units, out / "units.csv")
    manifest = [{"path": str(w.path.relative_to(out)), "month": w.month, "units": w.units, "variant": w.variant,
                 "rows": w.rows, "dirty_reason": w.dirty_reason} for w in written]
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return written, dossiers
