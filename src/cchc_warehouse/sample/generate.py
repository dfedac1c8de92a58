"""`cchc sample generate` and the demo: every source's sample files for a span of months and years, with the
records they were written from; dirty files on request. One module per source writes its own files
(sample/<source>.py, mirroring sources/)."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from cchc_warehouse.periods import format_month
from cchc_warehouse.sample import (
    esign_stats,
    one_stop_summary,
    par_national,
    par_scores,
    plan_tasks,
    service_index_stats,
    sipas_survey,
)
from cchc_warehouse.sample.esign_stats import EsignRecord
from cchc_warehouse.sample.one_stop_dossiers import Written, write_dirty, write_month
from cchc_warehouse.sample.par_national import NationalRow
from cchc_warehouse.sample.par_scores import ParSheet
from cchc_warehouse.sample.plan_tasks import PlanTask
from cchc_warehouse.sample.service_index_stats import ServiceIndexRecord
from cchc_warehouse.sample.simulate import Dossier, month_snapshot, simulate
from cchc_warehouse.sample.sipas_survey import SipasResponse
from cchc_warehouse.sample.writers import Variant, write

SUMMARY_UNITS = [("12.H01", "UBND thành phố Lai Châu"), ("12.STP", "Sở Tư pháp")]


def generate(out: Path, months: list[date], dossiers_per_month: int = 2000, dirty: bool = False, seed: int = 2025,
             summary_units: list[tuple[str, str]] | None = None) -> tuple[list[Written], list[Dossier]]:
    """Monthly dossier listings (and, for summary_units, their Biểu 06 forms written from the same dossiers)."""
    out.mkdir(parents=True, exist_ok=True)
    dossiers = simulate(months, dossiers_per_month, seed)
    written: list[Written] = []
    for m in months:
        snap = month_snapshot(dossiers, m)
        written += write_month(out, m, snap)
        forms = one_stop_summary.write_forms(out, m, snap, summary_units or [])
        for path, (code, _) in zip(forms, summary_units or [], strict=True):
            written.append(Written(path, format_month(m), [code], "Biểu 06/VPCP/KSTT", 0))
        if dirty and m == months[0]:
            written += write_dirty(out, m, snap)
    with resources.as_file(resources.files("cchc_warehouse.reference") / "units_lai_chau.csv") as units:
        shutil.copyfile(units, out / "units.csv")
    manifest = [{"path": str(w.path.relative_to(out)), "month": w.month, "units": w.units, "variant": w.variant,
                 "rows": w.rows, "dirty_reason": w.dirty_reason} for w in written]
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return written, dossiers


@dataclass
class OtherSamples:
    esign: list[EsignRecord]
    sipas: list[SipasResponse]
    plan: dict[int, list[PlanTask]]          # year -> tasks
    plan_reports: list[date]
    par: dict[int, list[ParSheet]]           # year -> sheets
    national: list[NationalRow]
    service_index: list[ServiceIndexRecord]
    paths: list[Path]


def generate_other(out: Path, months: list[date], years: list[int], seed: int = 2025) -> OtherSamples:
    """Monthly sources for `months`; PAR scoring sheets and published national results for `years`."""
    from importlib import resources

    esign = esign_stats.esign_records(months, seed)
    sipas = sipas_survey.sipas_records(months, seed)
    paths = esign_stats.write_esign(out, esign) + sipas_survey.write_sipas(out, sipas)
    plan: dict[int, list[PlanTask]] = {}
    reports = plan_tasks.plan_report_dates(months)
    for y in sorted({d.year for d in reports}):
        plan[y] = plan_tasks.plan_records(y, seed)
        paths += plan_tasks.write_plan(out, plan[y], [d for d in reports if d.year == y])
    par = {y: par_scores.par_records(y, seed) for y in years}
    for y in years:
        paths += par_scores.write_par_scores(out, par[y])
    with resources.as_file(resources.files("cchc_warehouse.reference") / "par_national_published.csv") as ref:
        national = [r for r in par_national.national_records(ref, seed) if r.year in years]
    paths += par_national.write_national(out, national)
    service_index = service_index_stats.service_index_records(months, seed)
    folders = {f"{m:%Y-%m}": format_month(m) for m in months}
    folders |= {f"{m.year}-Q{m.month // 3}": format_month(m) for m in months if m.month % 3 == 0}
    paths += service_index_stats.write_service_index(out, service_index, folders)
    return OtherSamples(esign, sipas, plan, reports, par, national, service_index, paths)


@dataclass(frozen=True)
class DirtyFile:
    source: str
    period: str
    path: Path
    message: str


def write_dirty_other(out: Path, month: date, year: int) -> list[DirtyFile]:
    ym, y = format_month(month), str(year)
    cases: list[tuple[str, str, str, list[list], str]] = [
        ("esign_stats", ym, "loi_ky_so_vuot_tong", esign_stats.dirty_rows(month),
         "văn bản đi được ký số nhiều hơn tổng số văn bản đi"),
        ("sipas_survey", ym, "loi_cau_tra_loi", sipas_survey.dirty_rows(month, "Tạm được"),
         "câu trả lời (Rất không hài lòng … Rất hài lòng, hoặc 1–5) không đọc được"),
        ("sipas_survey", ym, "loi_khong_co_cau_hoi",
         [["Mã phiếu", "Ngày khảo sát", "Mã đơn vị", "Ghi chú"], ["P-1", f"05/{month:%m/%Y}", "12.STP", "x"]],
         "không có cột câu hỏi nào"),
        ("one_stop_summary", ym, "loi_bieu06_cot_3",
         one_stop_summary.dirty_rows(month, [20, 5, 10, 4, 15, 5, 9, 1, 5, 4, 1],
                                     [30, 7, 17, 5, 24, 9, 14, 1, 6, 5, 1]),
         "cột (3) khác (4) + (5) + (6)"),
        ("one_stop_summary", ym, "loi_bieu06_dong_tong",
         one_stop_summary.dirty_rows(month, [20, 5, 10, 5, 15, 5, 9, 1, 5, 4, 1],
                                     [31, 7, 17, 7, 25, 9, 15, 1, 6, 5, 1]),
         "dòng Tổng cộng khác tổng các dòng lĩnh vực"),
        ("plan_tasks", ym, "loi_ket_qua", plan_tasks.dirty_rows(month, "Đã xong một phần", ""),
         "kết quả thực hiện (Hoàn thành, Hoàn thành quá hạn, Đang thực hiện, Chưa thực hiện) không đọc được"),
        ("par_scores", y, "loi_tong_tieu_chi_cha", par_scores.dirty_rows(year, "6", "4,5", "3"),
         "điểm tối đa của tiêu chí cha khác tổng điểm tối đa các tiêu chí con"),
        ("par_scores", y, "loi_vuot_diem_toi_da", par_scores.dirty_rows(year, "5", "5", "3,5"),
         "điểm tự đánh giá lớn hơn điểm tối đa"),
        ("par_national", y, "loi_chi_so",
         [["Năm", "Tỉnh/Thành phố", "Chỉ số (%)"], [y, "Quảng Ninh", "92,18"], [y, "Hà Nội", "191,43"]],
         "chỉ số ngoài khoảng 0–100"),
    ]
    cases += [("service_index_stats", ym, name, rows, message)
              for name, rows, message in service_index_stats.dirty_cases(month)]
    written = []
    for source, period, name, rows, message in cases:
        path = out / source / period / f"{name}.csv"
        write(path, rows, Variant("dirty"))
        written.append(DirtyFile(source, period, path, message))
    return written
