"""The Decision 766 service index (../shared/spec/service-index-766.md): sample and hand-made files through the gate,
SVC766_* values against a scoring written here from the spec's table (never read back from the warehouse), a
hand-worked example for every group, ties and unranked units, quarters from their own rows only, published beside
computed, and the period rules of the source."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.sample.generate import generate, generate_other
from cchc_warehouse.sample.one_stop_dossiers import svc_ended, svc_facts
from cchc_warehouse.sample.simulate import month_snapshot
from cchc_warehouse.sample.writers import Variant, write

MAY, JUNE, JULY = date(2025, 5, 1), date(2025, 6, 1), date(2025, 7, 1)

# The spec's table, as the test reads it: sub -> (group, numerator, denominator, max, threshold, points at 0/0)
SPEC = {
    "PUBLISH_ON_TIME": ("PUBLICITY", "tthc_published_on_time", "tthc_to_publish", 6, None, None),
    "PUBLIC_ON_TIME": ("PUBLICITY", "tthc_public_on_time", "tthc_to_make_public", 4, None, None),
    "CONTENT_FULL": ("PUBLICITY", "tthc_content_full", "tthc_public", 2, None, None),
    "SYNC": ("PUBLICITY", "dossiers_synced", "dossiers_to_sync", 6, None, None),
    "ON_TIME": ("PROGRESS", "dossiers_on_time", "dossiers_total", 20, None, 0),
    "TTHC_ONLINE": ("ONLINE", ("tthc_partial", "tthc_full"), "tthc_total", 2, "0.8", 0),
    "SERVICE_USED": ("ONLINE", "services_with_dossiers", "services_total", 4, None, 0),
    "ONLINE_DOSSIER": ("ONLINE", "dossiers_online", ("dossiers_online", "dossiers_direct", "dossiers_postal"), 6,
                       "0.5", 0),
    "PAID_ONLINE": ("PAYMENT", "dossiers_paid_online", "dossiers_with_fee", 6, None, 0),
    "FEE_TTHC_PAID": ("PAYMENT", "tthc_paid_online", "tthc_with_fee", 2, "0.8", 0),
    "FEE_TTHC_DATA": ("PAYMENT", "tthc_fee_data", "tthc_with_fee", 2, "0.8", 0),
    "E_RESULT": ("DIGITAL", "dossiers_e_result", "dossiers_total", 6, None, None),
    "DIGITISED": ("DIGITAL", "dossiers_digitised", "dossiers_total", 4, None, None),
    "REUSED": ("DIGITAL", "dossiers_reused", "dossiers_total", 2, "0.8", None),
    "STORAGE": ("DIGITAL", "dossiers_storage_shared", "dossiers_total", 4, None, None),
    "CITIZEN_DATA": ("DIGITAL", "dossiers_citizen_data", "dossiers_total", 2, None, None),
    "CITIZEN_TTHC": ("DIGITAL", "tthc_citizen_connected", "tthc_citizen_total", 2, None, 0),
    "DOSSIER_SATISFIED": ("SATISFACTION", "dossiers_satisfied", "dossiers_total", 6, "0.9", 0),
    "PAKN_ON_TIME": ("SATISFACTION", "pakn_on_time", "pakn_total", 6, None, 6),
    "PAKN_SATISFIED": ("SATISFACTION", "pakn_satisfied", "pakn_total", 6, None, 6),
}
GROUP_MAX = {"PUBLICITY": 18, "PROGRESS": 20, "ONLINE": 12, "PAYMENT": 10, "DIGITAL": 22, "SATISFACTION": 18}
CENT = Decimal("0.01")


def _count(counts: dict, what) -> int | None:
    if isinstance(what, tuple):      # a sum; dossiers_postal may be blank (counts none)
        values = [counts.get(w) for w in what]
        if any(v is None for w, v in zip(what, values, strict=True) if w != "dossiers_postal"):
            return None
        return sum(v or 0 for v in values)
    return counts.get(what)


def expected(counts: dict, certified_copy: bool | None) -> dict[str, Decimal | None]:
    """SVC766_<GROUP>, SVC766_TOTAL and SVC766_R_<SUB> (2 decimals) from the spec's rules."""
    out: dict[str, Decimal | None] = {}
    groups: dict[str, Decimal | None] = {g: Decimal(0) for g in GROUP_MAX}
    for sub, (group, num_of, den_of, mx, threshold, zero) in SPEC.items():
        num, den = _count(counts, num_of), _count(counts, den_of)
        if num is None or den is None:
            groups[group] = None
            continue
        if den == 0:
            points = Decimal(zero or 0)
        else:
            out[f"SVC766_R_{sub}"] = (Decimal(100) * num / den).quantize(CENT, ROUND_HALF_UP)
            share = Decimal(num) / den
            if threshold:
                share = min(Decimal(1), share / Decimal(threshold))
            points = (mx * share).quantize(CENT, ROUND_HALF_UP)
        if groups[group] is not None:
            groups[group] += points
    if groups["DIGITAL"] is not None:
        groups["DIGITAL"] += 0 if certified_copy is False else 2
    for g, v in groups.items():
        out[f"SVC766_{g}"] = v
    out["SVC766_TOTAL"] = None if any(v is None for v in groups.values()) else sum(groups.values(), Decimal(0))
    return out


def _values(unit: str, period: str) -> dict[str, Decimal]:
    with connect() as conn:
        rows = conn.execute("""select indicator_code, round(value, 2) from marts.rpt_indicator_value
                                where unit_code = %s and period = %s and indicator_code like 'SVC766%%'""",
                            (unit, period)).fetchall()
    return dict(rows)


# A hand-made file for July 2025: three departments; the arithmetic of every group is worked in the comments.
HAND = {
    # PUBLICITY: 6 × 7/8 = 5.25; 4 × 9/10 = 3.60; 2 × 45/50 = 1.80; 6 × 199/200 = 5.97 -> 16.62
    "TTHC công bố đúng hạn": 7, "TTHC phải công bố": 8, "TTHC công khai đúng hạn": 9, "TTHC phải công khai": 10,
    "TTHC công khai đầy đủ nội dung": 45, "Tổng số TTHC công khai": 50, "Hồ sơ đồng bộ DVCQG": 199,
    "Hồ sơ phải đồng bộ": 200,
    # PROGRESS: 20 × 193/200 = 19.30
    "Số hồ sơ đúng hạn": 193, "Tổng số hồ sơ": 200,
    # ONLINE: (30 + 34)/100 = 0.64 < 0.8: 2 × 0.64/0.8 = 1.60; 4 × 11/64 = 0.6875 -> 0.69 (half up);
    #         45/(45 + 50 + 5) = 0.45 < 0.5: 6 × 0.45/0.5 = 5.40 -> 7.69
    "Số TTHC": 100, "TTHC DVCTT một phần": 30, "TTHC DVCTT toàn trình": 34, "DVCTT có hồ sơ": 11,
    "Tổng số DVCTT": 64, "Hồ sơ trực tuyến": 45, "Hồ sơ trực tiếp": 50, "Hồ sơ BCCI": 5,
    # PAYMENT: 6 × 33/40 = 4.95; 15/20 = 0.75 < 0.8: 2 × 0.9375 = 1.875 -> 1.88; 18/20 = 0.9 >= 0.8: 2 -> 8.83
    "Hồ sơ có nghĩa vụ tài chính": 40, "Hồ sơ thanh toán trực tuyến": 33, "TTHC có phí, lệ phí": 20,
    "TTHC có thanh toán trực tuyến": 15, "TTHC có dữ liệu phí": 18,
    # DIGITAL: 6 × 150/200 = 4.50; 4 × 101/200 = 2.02; 150/200 = 0.75 < 0.8: 2 × 0.9375 -> 1.88; 4 × 0/200 = 0;
    #          2 × 60/200 = 0.60; 0/0 connected TTHC ('0'): 0; certified copies 'Có': 2 -> 11.00
    "Hồ sơ có kết quả điện tử": 150, "Hồ sơ số hóa thành phần": 101, "Hồ sơ tái sử dụng dữ liệu": 150,
    "Hồ sơ chia sẻ kho dữ liệu": 0, "Hồ sơ dùng dữ liệu dân cư": 60, "TTHC kết nối dữ liệu dân cư": 0,
    "Tổng số TTHC (dữ liệu dân cư)": 0, "Chứng thực bản sao điện tử": "Có",
    # SATISFACTION: 181/200 = 0.905 >= 0.9: 6; no PAKN (0/0, 'full'): 6 + 6 -> 18
    "Hồ sơ hài lòng": 181, "Số PAKN": 0, "PAKN xử lý đúng hạn": 0, "PAKN hài lòng": 0,
}
# TOTAL = 16.62 + 19.30 + 7.69 + 8.83 + 11.00 + 18 = 81.44
HAND_GROUPS = {"SVC766_PUBLICITY": "16.62", "SVC766_PROGRESS": "19.30", "SVC766_ONLINE": "7.69",
               "SVC766_PAYMENT": "8.83", "SVC766_DIGITAL": "11.00", "SVC766_SATISFACTION": "18.00",
               "SVC766_TOTAL": "81.44"}


def _hand_file(path: Path) -> Path:
    header = ["Mã đơn vị", *HAND, "Điểm tiến độ", "Tổng điểm"]
    base = [str(v) for v in HAND.values()]
    no_online = [("" if h in {"Số TTHC", "TTHC DVCTT một phần", "TTHC DVCTT toàn trình", "DVCTT có hồ sơ",
                               "Tổng số DVCTT", "Hồ sơ trực tuyến", "Hồ sơ trực tiếp", "Hồ sơ BCCI"} else v)
                 for h, v in zip(HAND, base, strict=True)]
    rows = [["UBND TỈNH LAI CHÂU"], ["Kỳ đánh giá: Tháng 7/2025"],
            ["", "TIẾN ĐỘ (20 điểm)"],                   # a row of group titles directly above the header
            header,
            ["12.SNV", *base, "19,10", "81,24"],          # the portal counted fewer on time: 19.10, total 81.24
            ["12.SYT", *base, "", ""],                     # the same counts: a tie
            ["12.STC", *no_online, "", ""]]                # ONLINE counts blank: no ONLINE, no total, no rank
    write(path, rows, Variant("hand"))
    return path


@pytest.fixture(scope="module")
def warehouse(make_database, tmp_path_factory):
    url = make_database()
    out = tmp_path_factory.mktemp("svc766")
    samples = generate_other(out, [MAY, JUNE], [2024], seed=3)
    results = []
    for folder in sorted((out / "service_index_stats").iterdir()):
        files = sorted(folder.iterdir())
        results += load("service_index_stats", files, date.fromisoformat(folder.name + "-01"))
    results += load("service_index_stats", [_hand_file(out / "chi_so_766_tay.csv")])   # period from the title
    # dossier listings for June (every unit has a statistics row: file-given counts win, the listing's are shown
    # beside them) and July (only three departments have one: the others are counted from their listings)
    listings = tmp_path_factory.mktemp("svc766_listings")
    written, dossiers = generate(listings, [JUNE, JULY], dossiers_per_month=300, seed=11)
    for month in (JUNE, JULY):
        results += load("one_stop_dossiers", [w.path for w in written if w.month == f"{month:%Y-%m}"], month)
    assert {r.status for r in results} == {"loaded"}, [(r.path.name, r.reasons) for r in results]
    assert build_and_publish()
    return {"url": url, "records": samples.service_index, "out": out, "dossiers": dossiers}


def test_every_sample_row_scores_as_the_spec_says(warehouse, use_database):
    use_database(warehouse["url"])
    records = warehouse["records"]
    assert {r.period for r in records} == {"2025-05", "2025-06", "2025-Q2"}
    for r in records:
        got = _values(r.unit_code, r.period)
        want = expected(r.counts, r.certified_copy)
        for code, value in want.items():
            if value is None:
                assert code not in got, (r.unit_code, r.period, code)
            else:
                assert got[code] == value, (r.unit_code, r.period, code, got.get(code), value)
        for group, points in r.published.items():
            assert got[f"SVC766_{group}_PUB"] == points, (r.unit_code, r.period, group)
            if want.get(f"SVC766_{group}") is not None:
                assert got[f"SVC766_{group}_DIFF"] == want[f"SVC766_{group}"] - points


def test_the_generators_portal_and_the_warehouse_agree_except_where_the_portal_counted_otherwise(warehouse,
                                                                                                   use_database):
    use_database(warehouse["url"])
    with connect() as conn:
        diffs = conn.execute("""select distinct unit_code from marts.rpt_indicator_value
                                 where indicator_code = 'SVC766_TOTAL_DIFF' and value <> 0
                                   and period <> '2025-07'""").fetchall()
    assert {d[0] for d in diffs} == {"12.STP"}       # the portal counted 3 of its on-time dossiers late


def test_ranks_tie_and_skip_units_without_a_total(warehouse, use_database):
    use_database(warehouse["url"])
    records = [r for r in warehouse["records"] if r.period == "2025-06"]
    totals = {r.unit_code: expected(r.counts, r.certified_copy)["SVC766_TOTAL"] for r in records}
    from cchc_warehouse.sample.demo_province import DEPARTMENTS
    ranked = sorted((v, u) for u, v in totals.items() if u in DEPARTMENTS and v is not None)
    for value, unit in ranked:
        rank = 1 + sum(1 for v, _ in ranked if v > value)
        assert _values(unit, "2025-06")["SVC766_RANK"] == rank
    assert "SVC766_RANK" not in _values("12.H03", "2025-06")      # ONLINE counts blank: no total, unranked


def test_hand_worked_example_for_every_group(warehouse, use_database):
    use_database(warehouse["url"])
    snv, syt, stc = (_values(u, "2025-07") for u in ("12.SNV", "12.SYT", "12.STC"))
    for code, value in HAND_GROUPS.items():
        assert snv[code] == Decimal(value), code
        assert syt[code] == Decimal(value), code
    assert snv["SVC766_PROGRESS_PUB"] == Decimal("19.10")
    assert snv["SVC766_PROGRESS_DIFF"] == Decimal("0.20")          # 19.30 − 19.10
    assert snv["SVC766_TOTAL_DIFF"] == Decimal("0.20")             # 81.44 − 81.24
    assert snv["SVC766_RANK"] == syt["SVC766_RANK"] == 1          # a tie shares the rank
    assert snv["SVC766_RANK_PUB"] == 1 and "SVC766_RANK_PUB" not in syt
    assert "SVC766_ONLINE" not in stc and "SVC766_TOTAL" not in stc and "SVC766_RANK" not in stc
    assert stc["SVC766_PUBLICITY"] == Decimal("16.62")
    assert snv["SVC766_R_SERVICE_USED"] == Decimal("17.19")        # 100 × 11/64 = 17.1875
    assert snv.get("SVC766_R_CITIZEN_TTHC") is None                 # 0/0: no rate


def test_points_lost_name_the_file_and_row(warehouse, use_database):
    use_database(warehouse["url"])
    with connect() as conn:
        rows = conn.execute("""select sub_code, points, points_lost, source_file_name, source_row, note_vi
                                 from marts.rpt_service_index_points_lost
                                where unit_code = '12.SNV' and period = '2025-07'""").fetchall()
    by_sub = {r[0]: r[1:] for r in rows}
    assert len(by_sub) == 21
    assert by_sub["ON_TIME"][:2] == (Decimal("19.30"), Decimal("0.70"))
    assert by_sub["STORAGE"][:2] == (Decimal("0.00"), Decimal("4"))
    assert by_sub["CITIZEN_TTHC"][4] == "Mẫu số bằng 0"
    assert {r[3] for r in rows} == {"chi_so_766_tay.csv"} and {r[4] for r in rows} == {5}   # row 5 of the file


def test_quarters_come_from_their_own_rows(warehouse, use_database):
    use_database(warehouse["url"])
    q2 = next(r for r in warehouse["records"] if r.period == "2025-Q2" and r.unit_code == "12.SNV")
    months = [r for r in warehouse["records"] if r.period in ("2025-05", "2025-06") and r.unit_code == "12.SNV"]
    got = _values("12.SNV", "2025-Q2")
    assert got["SVC766_PROGRESS"] == expected(q2.counts, True)["SVC766_PROGRESS"]
    summed = {k: sum(m.counts[k] for m in months) for k in ("dossiers_on_time", "dossiers_total")}
    assert got["SVC766_R_ON_TIME"] == (Decimal(100) * q2.counts["dossiers_on_time"] / q2.counts["dossiers_total"]
                                       ).quantize(CENT, ROUND_HALF_UP)
    assert summed["dossiers_total"] != q2.counts["dossiers_total"]       # the months' sum is not what is used


def test_a_row_of_another_period_than_the_one_given_is_an_error(warehouse, use_database, tmp_path):
    use_database(warehouse["url"])
    path = tmp_path / "chi_so_766_quy.csv"
    write(path, [["Mã đơn vị", "Kỳ đánh giá", "Tổng số hồ sơ", "Hồ sơ đúng hạn"], ["12.SNV", "06/2025", "10", "9"]],
          Variant("hand"))
    (r,) = load("service_index_stats", [path], JUNE, given={"period": "2025-Q2"})
    assert r.status == "rejected"
    assert any("kỳ đánh giá của dòng khác kỳ của tệp" in m and "dòng 2" in m for m in r.reasons), r.reasons
    path2 = tmp_path / "chi_so_766_quy_tieu_de.csv"
    write(path2, [["Kỳ đánh giá: Quý III/2025"], ["Mã đơn vị", "Tổng số hồ sơ", "Hồ sơ đúng hạn"],
                  ["12.SNV", "10", "9"]], Variant("hand"))
    (r2,) = load("service_index_stats", [path2])
    assert r2.status == "loaded", r2.reasons
    with connect() as conn:
        assert conn.execute("select period_month, period_label from audit.source_file where file_id = %s",
                            (r2.file_id,)).fetchone() == (date(2025, 9, 1), "2025-Q3")
        assert conn.execute("select distinct period_grain, period_start from raw.service_index_stats_typed"
                            " where file_id = %s", (r2.file_id,)).fetchall() == [("quarter", date(2025, 7, 1))]


@pytest.mark.parametrize(("title", "asked", "expected"), [
    ("Kỳ đánh giá: Tháng 8/2025", "2025-08", "loaded"),          # the spec's month notations, one period
    ("Kỳ đánh giá: 08/2025", "8/2025", "loaded"),
    ("Kỳ đánh giá: Quý III/2025", "2025-Q3", "loaded"),
    ("Kỳ đánh giá: Năm 2025", "2025", "loaded"),
    ("Kỳ đánh giá: Tháng 7/2025", "2025-08", "rejected"),        # another period than --period
])
def test_a_title_period_and_the_given_one_compare_as_periods(warehouse, use_database, tmp_path, title, asked,
                                                              expected):
    """`cchc load service_index_stats FILE --period P`: the title's 'Kỳ đánh giá' and P are compared as periods,
    not as text (the deployment test's CLI run rejected 'Tháng 2/2025' given '2025-02')."""
    from cchc_warehouse.ingest.load import requested_period
    from cchc_warehouse.sources import get_source

    use_database(warehouse["url"])
    path = tmp_path / "chi_so_766_ky.csv"
    # counts no other file of the module has: a file identical to one loaded before is a duplicate, not a load
    write(path, [[title], ["Mã đơn vị", "Tổng số hồ sơ", "Hồ sơ đúng hạn"], ["12.SNV", "437", "431"]],
          Variant("hand"))
    period, given = requested_period(get_source("service_index_stats"), asked)
    (r,) = load("service_index_stats", [path], period, given=given)
    assert r.status == expected, r.reasons
    if expected == "rejected":
        assert any("Tháng 7/2025" in m and "2025-08" in m for m in r.reasons), r.reasons


def _card(card_key: str, **params) -> list[dict]:
    from cchc_warehouse.reporting.dashboards import load_dashboards, render

    card = next(c for d in load_dashboards() for c in d.cards if c.key == card_key)
    sql, bound = render(card.sql, params)
    with connect() as conn:
        cur = conn.execute(sql, bound)
        return [dict(zip([c.name for c in cur.description], row, strict=True)) for row in cur.fetchall()]


def test_dashboard_cards_show_ranks_bands_differences_and_lost_points(warehouse, use_database):
    use_database(warehouse["url"])
    rows = _card("chi_so_766/diem_xep_hang", period="2025-07", unit_level="department")
    hand = {"Sở Nội vụ", "Sở Y tế", "Sở Tài chính"}       # the others: counted from listings, no total, unranked
    assert all(r["Xếp hạng"] is None for r in rows if r["Đơn vị"] not in hand)
    assert [(r["Đơn vị"], r["Xếp hạng"], r["Tổng điểm"], r["Xếp loại"]) for r in rows if r["Đơn vị"] in hand] == [
        ("Sở Nội vụ", 1, Decimal("81.44"), "Tốt"), ("Sở Y tế", 1, Decimal("81.44"), "Tốt"),
        ("Sở Tài chính", None, None, None)]                  # 80 <= 81.44 < 90: 'Tốt'; no total: unranked
    (snv,) = _card("chi_so_766/doi_chieu_cong_bo", period="2025-07", unit="12.SNV")
    assert (snv["Chênh lệch"], snv["Đối chiếu"], snv["Xếp loại (công bố)"]) == (Decimal("0.20"), "Cần đối chiếu", "Tốt")
    lost = _card("chi_so_766/diem_bi_mat", period="2025-07", unit="12.SNV")
    # 18.56 points lost of 100 (100 − 81.44), every one on a row naming its sub-indicator, file and row
    assert sum(r["Điểm bị mất"] for r in lost) == Decimal("18.56")
    assert {(r["Tệp nguồn"], r["Dòng"]) for r in lost} == {("chi_so_766_tay.csv", 5)}


def _listing_counts(dossiers, unit: str, month: date) -> dict:
    """The spec's counting from a listing, done here from the generator's records: the dossiers of the month's
    export (received by its end and not ended before its start), each ended on its finish, stop or withdrawal
    date or open at the month's end; on time when that end is no later than the due date plus the days waiting
    for supplements, with no due date on time, and never with more than one supplement request."""
    start, end = month, date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    last = date.fromordinal(end.toordinal() - 1)
    total = on_time = online = e_result = 0
    late = []
    for r in month_snapshot(dossiers, month):
        if r.dossier.unit.code != unit:
            continue
        f = svc_facts(r.dossier)
        ended = r.finished if r.status in (9, 10) else svc_ended(r)
        counted_end = min(ended, last) if ended else last
        allowed = date.fromordinal(r.dossier.due.toordinal() + f.supplement_wait_days) if r.dossier.due else None
        ok = f.supplement_requests <= 1 and (allowed is None or counted_end <= allowed)
        total += 1
        on_time += ok
        if not ok:
            late.append(r.dossier.code)
        online += r.dossier.channel == 2 and r.dossier.received.date() >= start
        e_result += r.dossier.digitized and r.status in (9, 10)
    return {"total": total, "on_time": on_time, "online": online, "e_result": e_result, "late": sorted(late)}


def test_a_unit_without_statistics_is_counted_from_its_listings(warehouse, use_database):
    use_database(warehouse["url"])
    want = _listing_counts(warehouse["dossiers"], "12.STP", JULY)
    assert want["total"] > 0 and 0 < len(want["late"]) < want["total"]
    got = _values("12.STP", "2025-07")
    assert got["SVC766_PROGRESS"] == (Decimal(20) * want["on_time"] / want["total"]).quantize(CENT, ROUND_HALF_UP)
    assert got["SVC766_R_ON_TIME"] == (Decimal(100) * want["on_time"] / want["total"]).quantize(CENT, ROUND_HALF_UP)
    assert got["SVC766_R_E_RESULT"] == (Decimal(100) * want["e_result"] / want["total"]).quantize(CENT, ROUND_HALF_UP)
    # what a listing cannot give stays blank: no publicity points, no total, no rank
    assert "SVC766_PUBLICITY" not in got and "SVC766_TOTAL" not in got and "SVC766_RANK" not in got
    with connect() as conn:
        late = conn.execute("""select dossier_code, counts_used, source_file_name is not null and source_row > 0
                                 from marts.rpt_service_index_late_dossiers
                                where unit_code = '12.STP' and period = '2025-07' order by dossier_code""").fetchall()
        columns = {r[0] for r in conn.execute("""select column_name from information_schema.columns
                                                   where table_schema = 'marts'
                                                     and table_name = 'rpt_service_index_late_dossiers'""")}
    assert [r[0] for r in late] == want["late"] and {r[1:] for r in late} == {(True, True)}
    assert not [c for c in columns if c.startswith("applicant")]       # never personal data


def test_listing_counts_beside_the_file_given_ones(warehouse, use_database):
    use_database(warehouse["url"])
    stp = next(r for r in warehouse["records"] if r.period == "2025-06" and r.unit_code == "12.STP")
    want = _listing_counts(warehouse["dossiers"], "12.STP", JUNE)
    with connect() as conn:
        rows = dict((r[0], r[1:]) for r in conn.execute(
            """select count_name, file_count, listing_count, difference from marts.rpt_service_index_reconciliation
                where unit_code = '12.STP' and period = '2025-06'"""))
    assert rows["dossiers_total"] == (stp.counts["dossiers_total"], want["total"],
                                      want["total"] - stp.counts["dossiers_total"])
    assert rows["dossiers_on_time"][:2] == (stp.counts["dossiers_on_time"], want["on_time"])
    # the file's counts are the ones scored
    assert _values("12.STP", "2025-06")["SVC766_PROGRESS"] == expected(stp.counts, True)["SVC766_PROGRESS"]


def test_portal_organisation_codes_are_ordinary_unit_codes(warehouse, use_database, tmp_path):
    from cchc_warehouse.reference.units import import_units

    use_database(warehouse["url"])
    registry = tmp_path / "units_portal.csv"
    registry.write_text("unit_code,unit_name,level,parent_code\nH44,UBND tỉnh Thử Nghiệm,province,\n"
                        "H44.03,Sở Thử Nghiệm,department,H44\n000.00.08.H44,UBND xã Thử Nghiệm,commune,H44\n",
                        encoding="utf-8")
    import_units(registry)
    path = tmp_path / "chi_so_766_cong.csv"
    write(path, [["Mã đơn vị", "Kỳ đánh giá", "Tổng số hồ sơ", "Hồ sơ đúng hạn"],
                 ["H44", "Tháng 8/2025", "400", "396"], ["H44.03", "Tháng 8/2025", "50", "45"],
                 ["000.00.08.H44", "Tháng 8/2025", "8", "8"]], Variant("hand"))
    (r,) = load("service_index_stats", [path])
    assert r.status == "loaded", r.reasons
    assert build_and_publish()
    # PROGRESS: 20 × 396/400 = 19.80; 20 × 45/50 = 18.00; 20 × 8/8 = 20.00
    assert [_values(u, "2025-08")["SVC766_PROGRESS"] for u in ("H44", "H44.03", "000.00.08.H44")] == [
        Decimal("19.80"), Decimal("18.00"), Decimal("20.00")]
