"""Figures of the kind the source articles publish, reproduced through the whole warehouse from hand-made
files: a plan with 22 of 24 tasks done (91.67%), a department ranking with units tied on rounded points but
ranked apart on unrounded points, and a province's PAR area percentages (2019: 87.27%, 88.25%, ...)."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_warehouse.cli import main
from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.periods import parse_period


def _write(path: Path, rows: list[list]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


@pytest.fixture(scope="module")
def warehouse(make_database, tmp_path_factory):
    url = make_database()
    d = tmp_path_factory.mktemp("published")
    # 24 tasks of the 2025 plan, as of 15 Dec 2025: tasks 1-22 done (21 on time, task 22 late), 23-24 not.
    plan = [["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025"], ["Ngày báo cáo: 15/12/2025"],
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn hoàn thành", "Kết quả thực hiện", "Ngày hoàn thành"]]
    for i in range(1, 25):
        status, done = ("Hoàn thành", "30/06/2025") if i <= 21 else \
            ("Hoàn thành quá hạn", "20/10/2025") if i == 22 else ("Đang thực hiện", "")
        plan.append([i, f"Nhiệm vụ {i}", "12.SNV" if i % 2 else "12.STP", "Quý III" if i >= 22 else "Quý II",
                     status, done])
    # Departments 2024: STP 85.86 / 100; STC 60.10 / 70 (2.1 does not apply: 30 points) = 85.857… rounds to
    # 85.86 too; SXD 42.93 / 50 = 85.86 exactly, tied with STP.
    scores = [["Năm", "Mã đơn vị", "STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Ghi chú"]]
    for unit, p1, p2, na in (("12.STP", "50", "35,86", False), ("12.STC", "60,10", "", True),
                             ("12.SXD", "42,93", "", True)):
        max1, max2 = ("70", "30") if unit == "12.STC" else ("50", "50")
        scores += [[2024, unit, "I", "Lĩnh vực 1", max1, p1, ""], [2024, unit, "1.1", "Tiêu chí 1.1", max1, p1, ""],
                   [2024, unit, "II", "Lĩnh vực 2", max2, "" if na else p2, ""],
                   [2024, unit, "2.1", "Tiêu chí 2.1", max2, "" if na else p2, "Không áp dụng" if na else ""]]
    # The province's 2019 self-assessment on the 2017 method's areas (max 10/10/14.5/11/16/7/16/15.5); the
    # points give the published percentages of areas 1-7; area 8's 12 / 15.5 is made up (77.42%).
    maxes = ["10", "10", "14,5", "11", "16", "7", "16", "15,5"]
    points = ["8,727", "8,825", "13,465", "7,877", "12,699", "5,29", "12,965", "12"]
    province = [["BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2019"], ["Mã đơn vị: 12"],
                ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"]]
    for n, (mx, pt) in enumerate(zip(maxes, points, strict=True), 1):
        province += [[n, f"Lĩnh vực {n}", mx, pt], [f"{n}.1", f"Tiêu chí {n}.1", mx, pt]]
    results = [
        *load("plan_tasks", [_write(d / "plan.csv", plan)], parse_period("2025-12")),
        *load("par_scores", [_write(d / "so_nganh_2024.csv", scores)], parse_period("2024", "year")),
        *load("par_scores", [_write(d / "tinh_2019.csv", province)], parse_period("2019", "year")),
    ]
    assert [r.status for r in results] == ["loaded"] * 3, [r.reasons for r in results]
    assert build_and_publish()
    return url


def _value(unit: str, period: str, code: str) -> tuple:
    with connect() as conn:
        return conn.execute(
            """select numerator, denominator, round(value, 2) from marts.rpt_indicator_value
                where unit_code = %s and period = %s and indicator_code = %s""", (unit, period, code)).fetchone()


def test_22_of_24_plan_tasks_done_is_91_67_percent(warehouse, use_database):
    use_database(warehouse)
    assert _value("12", "2025-12", "PLAN_TASKS_DONE_RATE") == (22, 24, Decimal("91.67"))
    # deadlines passed by 15 Dec: all 24 (Quý II, Quý III); by their deadline: tasks 1-21
    assert _value("12", "2025-12", "PLAN_TASKS_ONTIME_RATE") == (21, 24, Decimal("87.50"))


def test_units_tied_on_rounded_points_ranked_on_unrounded_points(warehouse, use_database):
    use_database(warehouse)
    with connect() as conn:
        rows = conn.execute("""select unit_code, index_rounded, par_rank, is_first, is_last from marts.rpt_par_ranking
                                where score_year = 2024 order by par_rank, unit_code""").fetchall()
    assert rows == [("12.STP", Decimal("85.86"), 1, True, False), ("12.SXD", Decimal("85.86"), 1, True, False),
                    ("12.STC", Decimal("85.86"), 3, False, True)]


def test_province_area_percentages_of_2019(warehouse, use_database):
    use_database(warehouse)
    published = ["87.27", "88.25", "92.86", "71.61", "79.37", "75.57", "81.03", "77.42"]
    for n, pct in enumerate(published, 1):
        assert _value("12", "2019", f"PAR_AREA_{n}")[2] == Decimal(pct), n


def test_cli_prints_new_indicators_with_the_same_columns(warehouse, use_database, capsys):
    use_database(warehouse)
    assert main(["indicators", "--period", "2024", "--unit", "12.STC", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "unit_code,period,indicator_code,numerator,denominator,value"
    assert "12.STC,2024,PAR_INDEX,60.1,70,85.86" in lines
    assert "12.STC,2024,PAR_RANK,3,,3.00" in lines
