"""Sample `plan_tasks` files (the CCHC plan and its progress as of each report) and the records they were written
from: what tests recompute indicators from, independently of the warehouse. Written the way provinces send them
(variants, title rows, footers, personal columns that must never be stored); dirty_rows(): the rows of a file to
be rejected for one reason."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from cchc_warehouse.periods import format_month, month_end
from cchc_warehouse.sample.demo_province import DEPARTMENTS, DISTRICTS
from cchc_warehouse.sample.writers import Variant, write

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
            text, deadline = f"Quý {['I', 'II', 'III', 'IV'][q - 1]}", month_end(date(year, 3 * q, 1))
        elif kind == 1:
            mth = 1 + (i * 5) % 12
            text, deadline = f"Tháng {mth}", month_end(date(year, mth, 1))
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
    return [month_end(m) for m in months if m.month % 3 == 0]


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


def dirty_rows(m: date, status: str, done_on: str) -> list[list]:
    return [[f"KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM {m.year}"],
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn hoàn thành", "Kết quả thực hiện", "Ngày hoàn thành",
             "Ngày báo cáo"],
            ["1", "Ban hành kế hoạch", "12.SNV", "Quý I", "Hoàn thành", f"10/03/{m.year}", f"28/{m:%m/%Y}"],
            ["2", "Rà soát TTHC", "12.STP", "Tháng 6", status, done_on, f"28/{m:%m/%Y}"]]
