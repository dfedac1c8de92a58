"""Dashboard definitions: seven report dashboards and the trace dashboard in Vietnamese, every card wired to every
filter, Metabase's native-query semantics; and every card's SQL run on real marts built from sample data, with
figures checked against values computed from the generator's records (tests/expected.py, tests/expected_other.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.periods import parse_period
from cchc_warehouse.reference.targets import import_demo_config
from cchc_warehouse.reporting.dashboards import load_dashboards, load_filters, render
from cchc_warehouse.sample.generate import SUMMARY_UNITS, generate, generate_other
from cchc_warehouse.sources import get_source

from . import expected_other as ex
from .expected import counts, newest_states, q2

JUNE = date(2025, 6, 1)
TITLES = ["Tổng quan cải cách hành chính", "Một cửa: tiếp nhận và giải quyết hồ sơ", "Chữ ký số và văn bản điện tử",
          "Mức độ hài lòng (SIPAS)", "Chỉ số CCHC và xếp hạng", "Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)",
          "Chất lượng dữ liệu"]
TRACE = "Truy vết số liệu"


def test_seven_report_dashboards_take_every_report_filter_and_the_trace_dashboard_its_own():
    dashboards = load_dashboards()
    assert [d.title for d in dashboards] == [*TITLES, TRACE]
    assert set(load_filters()) == {"period", "unit", "unit_level", "indicator"}
    for d in dashboards:
        assert d.cards
        wanted = {"period", "unit", "indicator"} if d.title == TRACE else {"period", "unit", "unit_level"}
        assert set(d.filters) == wanted and d.in_report == (d.title != TRACE)
        for c in d.cards:
            assert c.tags == wanted, c.key
            assert "marts.rpt_" in c.sql, c.key              # cards read the reporting models
            assert not c.title.isascii(), c.key              # Vietnamese titles
            assert c.report in ("period", "province") or c.report.startswith("latest_year: marts.rpt_"), c.key


def test_render_follows_metabase_optional_clauses():
    sql = "select 1 where a like 'x%' [[and p = {{period}}]] [[and u = {{ unit }} and l = {{unit_level}}]]"
    assert render(sql, {}) == ("select 1 where a like 'x%%'  ", {})
    text, params = render(sql, {"period": "2025-06", "unit": "12"})
    assert text == "select 1 where a like 'x%%' and p = %(period)s "
    assert params == {"period": "2025-06"}
    with pytest.raises(ValueError, match="unit_level"):
        render("select {{unit_level}}", {})


def _load_tree(root: Path, sources: set[str] | None = None) -> list:
    results = []
    for folder in sorted(p for p in root.glob("*/*") if p.is_dir()):
        if sources and folder.parent.name not in sources:
            continue
        spec = get_source(folder.parent.name)
        results += load(spec.name, sorted(f for f in folder.iterdir() if f.is_file()),
                        parse_period(folder.name, spec.cadence))
    return results


@pytest.fixture(scope="module")
def warehouse(make_database, tmp_path_factory):
    url = make_database()
    import_demo_config()
    out = tmp_path_factory.mktemp("dash")
    written, dossiers = generate(out, [JUNE], dossiers_per_month=300, seed=4, summary_units=SUMMARY_UNITS)
    other = generate_other(out, [JUNE], [2023, 2024], seed=4)
    results = _load_tree(out)
    assert {r.status for r in results} == {"loaded"}, [(r.path.name, r.reasons) for r in results]
    bad = out / "bad" / "loi.csv"
    bad.parent.mkdir()
    bad.write_text("Mã hồ sơ;Mã đơn vị;Mã TTHC;Kênh nộp;Ngày tiếp nhận;Trạng thái\n"
                   "X1;12.H01;1.1;Trực tiếp;06/31/2025;Đang xử lý\n", encoding="utf-8")
    (rejected,) = load("one_stop_dossiers", [bad], JUNE)
    assert rejected.status == "rejected"
    assert build_and_publish()
    return {"url": url, "dossiers": dossiers, "other": other, "rejected": rejected}


def _run(card_key: str, **params) -> list[dict]:
    card = next(c for d in load_dashboards() for c in d.cards if c.key == card_key)
    sql, bound = render(card.sql, params)
    with connect() as conn:
        cur = conn.execute(sql, bound)
        names = [c.name for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


@pytest.mark.parametrize("params", [{}, {"period": "2025-06", "unit": "12", "unit_level": "province"},
                                    {"period": "2024", "unit_level": "district"}, {"unit": "12.H02"}],
                         ids=["no filter", "province June", "districts 2024", "one unit"])
def test_every_card_runs_on_the_marts(warehouse, use_database, params):
    use_database(warehouse["url"])
    for d in load_dashboards():
        for c in d.cards:
            _run(c.key, **params)


def test_one_stop_card_matches_the_dossiers(warehouse, use_database):
    use_database(warehouse["url"])
    c = counts(newest_states(warehouse["dossiers"], [JUNE]), JUNE, {u.code for u in _all_units(warehouse)})
    (row,) = _run("mot_cua/theo_don_vi", period="2025-06", unit="12")
    assert row["Tiếp nhận"] == c["received"] and row["Đã giải quyết"] == c["resolved"]
    assert row["Quá hạn"] == c["late"]
    assert row["Tỷ lệ đúng hạn (%)"] == q2(c["early"] + c["on_time"], c["resolved"])
    assert row["Tỷ lệ trực tuyến (%)"] == q2(c["online"], c["received"])
    headline = {r["Chỉ tiêu"]: r for r in _run("tong_quan/chi_tieu_chinh", period="2025-06", unit="12")}
    assert headline["Số hồ sơ tiếp nhận trong kỳ"]["Giá trị"] == Decimal(c["received"])
    ontime = headline["Tỷ lệ hồ sơ giải quyết trước và đúng hạn"]
    assert ontime["Chỉ tiêu đặt ra"] == ">= 98"
    assert ontime["Kết quả"] == ("Đạt" if ontime["Giá trị"] >= 98 else "Chưa đạt")


def _all_units(warehouse):
    return {d.unit for d in warehouse["dossiers"]}


def test_esign_and_sipas_cards_match_the_records(warehouse, use_database):
    use_database(warehouse["url"])
    other = warehouse["other"]
    (esign,) = _run("chu_ky_so/ty_le_theo_don_vi", period="2025-06", unit="12.H02.X01")
    expected = ex.esign(other.esign, "12.H02.X01", [JUNE])
    assert esign["Hồ sơ công việc trên mạng (%)"] == expected["ESIGN_WORKFILE_ONLINE_RATE"][2]
    assert esign["Chỉ tiêu (%)"] == Decimal(60) and esign["Cấp"] == "Cấp xã"
    (sipas,) = _run("sipas/yeu_to_theo_don_vi", period="2025-06", unit="12")
    exp = ex.sipas(other.sipas, "12", [JUNE])
    assert sipas["Chỉ số hài lòng (%)"] == exp["SIPAS_INDEX"][2]
    assert sipas["Công chức (%)"] == exp["SIPAS_ELEMENT_CC"][2]


def test_ranking_card_matches_the_scoring_sheets(warehouse, use_database):
    use_database(warehouse["url"])
    sheets = warehouse["other"].par[2024]
    values = {s.unit_code: p / m for s in sheets for p, m in [ex.par_index(s)] if ".S" not in s.unit_code}
    ranks = ex.competition_ranks(values)
    rows = _run("chi_so_cchc/xep_hang", period="2024", unit_level="district")
    names = {u.code: u.name for u in _all_units(warehouse)}
    assert sorted((r["Đơn vị"], r["Xếp hạng"]) for r in rows) == sorted((names[c], k) for c, k in ranks.items())
    assert [r["Xếp hạng"] for r in rows] == sorted(ranks.values())      # best first
    national = _run("chi_so_cchc/ket_qua_cong_bo", period="2024")
    assert [(r["Tỉnh, thành phố"], float(r["Chỉ số (%)"]), r["Xếp hạng"]) for r in national] == [
        ("Hải Phòng", 96.17, 1), ("Hòa Bình", 88.18, 37)]


def test_data_quality_cards_show_the_rejected_file_and_why(warehouse, use_database):
    use_database(warehouse["url"])
    rows = _run("chat_luong_du_lieu/tep_bi_tu_choi", period="2025-06")
    assert [r["Tệp"] for r in rows] == ["loi.csv"]
    assert rows[0]["Lý do"] == "\n".join(warehouse["rejected"].reasons)
    by_status = {(r["Nguồn"], r["Trạng thái"]): r["Số tệp"] for r in
                 _run("chat_luong_du_lieu/tep_theo_trang_thai", period="2025-06")}
    assert by_status[("Danh sách hồ sơ một cửa", "Bị từ chối")] == 1
    assert by_status[("Danh sách hồ sơ một cửa", "Đã công bố")] == 5


def test_source_titles_seed_matches_the_contracts():
    import csv

    from cchc_warehouse.config import paths
    from cchc_warehouse.sources import SOURCES

    with open(paths().dbt_project / "seeds" / "sources.csv", encoding="utf-8") as f:
        seed = {r["source"]: (r["title_vi"], r["cadence"]) for r in csv.DictReader(f)}
    assert seed == {name: (s.title_vi, s.cadence) for name, s in SOURCES.items()}


def _vi(value, percent: bool = False) -> str:
    """Vietnamese number format, written here independently of the report module."""
    text = f"{value:,.2f}" if percent else f"{value:,}"
    text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text + " %" if percent else text


def test_html_report_renders_in_chromium_with_the_figures(warehouse, use_database, tmp_path):
    """`cchc report` writes one self-contained page; headless Chromium loads it without errors and shows the
    province's figures in Vietnamese format. A screenshot is kept as a test artefact."""
    import re

    from cchc_warehouse.cli import main

    from .chromium import rendered_text, screenshot

    use_database(warehouse["url"])
    out = tmp_path / "bao_cao.html"
    assert main(["report", "--period", "2025-06", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page)          # nothing fetched from the network
    text = rendered_text(out)
    c = counts(newest_states(warehouse["dossiers"], [JUNE]), JUNE, {u.code for u in _all_units(warehouse)})
    assert "Báo cáo cải cách hành chính tháng 06/2025" in text
    for title in TITLES:
        assert title in text
    assert f" {_vi(c['received'])} " in text                                   # received, e.g. 1.234
    assert _vi(q2(c["early"] + c["on_time"], c["resolved"]), percent=True) in text   # on time, e.g. 94,15 %
    screenshot(out, "bao_cao_2025_06.png")

def test_field_area_and_warning_cards(warehouse, use_database):
    use_database(warehouse["url"])
    states = newest_states(warehouse["dossiers"], [JUNE])
    units = {u.code for u in _all_units(warehouse)}
    rows = {r["Lĩnh vực"]: r for r in _run("mot_cua/theo_linh_vuc", period="2025-06")}
    fields = {s.dossier.procedure.field for s in states.values()}
    assert set(rows) <= fields and rows
    for field, row in rows.items():
        c = counts({k: s for k, s in states.items() if s.dossier.procedure.field == field}, JUNE, units)
        assert (row["Tiếp nhận"], row["Đã giải quyết"], row["Quá hạn"]) == (c["received"], c["resolved"], c["late"])
        assert row["Tỷ lệ đúng hạn (%)"] == q2(c["early"] + c["on_time"], c["resolved"])
    sheet = next(s for s in warehouse["other"].par[2024] if s.unit_code == "12.H01")
    leaves = {k: v for k, v in ex.par_leaves().items() if k.startswith("2.") and k not in sheet.not_applicable}
    points = sum(Decimal(str(sheet.appraised[k] if sheet.appraised[k] is not None else sheet.self_points[k]))
                 for k in leaves)
    (area,) = [r for r in _run("chi_so_cchc/diem_linh_vuc", period="2024", unit="12.H01")]
    assert area["Lĩnh vực 2 (%)"] == ex.r2(points * 100 / sum(Decimal(str(v)) for v in leaves.values()))
    warned = _run("chat_luong_du_lieu/canh_bao", period="2024")
    assert [r["Tệp"] for r in warned] == ["chi_so_cchc_cac_tinh_2024.csv"]
    assert "tổng điểm các thành phần khác chỉ số công bố" in warned[0]["Cảnh báo"]


def test_trend_and_reconciliation_cards(warehouse, use_database):
    from .test_one_stop_summary import _form_totals

    use_database(warehouse["url"])
    states = newest_states(warehouse["dossiers"], [JUNE])
    units = {u.code for u in _all_units(warehouse)}
    c = counts(states, JUNE, units)
    (trend,) = _run("tong_quan/xu_huong_dung_han", period="2025-06", unit="12")
    assert (trend["Tháng"], trend["Tỷ lệ đúng hạn (%)"]) == (JUNE, q2(c["early"] + c["on_time"], c["resolved"]))
    got = {(r["Mã đơn vị"], r["Cột Biểu 06"][:4].strip("() ")): r["Chênh lệch"]
           for r in _run("chat_luong_du_lieu/doi_chieu", period="2025-06")}
    expected = {}
    for unit, slip in (("12.H01", False), ("12.STP", True)):
        u = counts(states, JUNE, {unit})
        listing = [u["received"] + u["carried_over"], u["online"], u["received"] - u["online"], u["carried_over"],
                   u["resolved"], u["early"], u["on_time"], u["late"], u["pending"], u["pending"] - u["overdue"],
                   u["overdue"]]
        form = _form_totals(warehouse["dossiers"], JUNE, unit, slip)
        expected |= {(unit, str(n)): f - v for n, v, f in zip(range(3, 14), listing, form, strict=True) if f != v}
    assert got == expected and expected          # the slip in the second form at least
