"""A newer file for the same unit and month supersedes the older one in reports; both stay registered.
A build with nothing new loaded rebuilds no month of the incremental indicator fact."""

from __future__ import annotations

from datetime import date

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish

HEADER = "Mã hồ sơ;Mã đơn vị;Mã TTHC;Kênh nộp;Ngày tiếp nhận;Ngày hẹn trả;Ngày kết thúc xử lý;Trạng thái"


def _write(path, rows):
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_newer_file_supersedes_older_for_same_unit_and_month(make_database, tmp_path):
    make_database()
    june = date(2025, 6, 1)
    v1 = _write(tmp_path / "h01_v1.csv", [
        "A;12.H01;1.1;Trực tuyến;02/06/2025;10/06/2025;;Đang xử lý",
        "B;12.H01;1.1;Trực tiếp;03/06/2025;10/06/2025;;Đang xử lý",
        "X;12.H02;1.1;Trực tiếp;03/06/2025;10/06/2025;05/06/2025;Đã trả kết quả",
    ])
    v2 = _write(tmp_path / "h01_v2.csv", [           # corrected export of 12.H01 only: B removed, A done
        "A;12.H01;1.1;Trực tuyến;02/06/2025;10/06/2025;09/06/2025;Đã trả kết quả",
        "C;12.H01;1.1;Trực tuyến;20/06/2025;30/06/2025;;Đang xử lý",
    ])
    assert [r.status for r in load("one_stop_dossiers", [v1], june)] == ["loaded"]
    assert build_and_publish()
    assert [r.status for r in load("one_stop_dossiers", [v2], june)] == ["loaded"]
    assert build_and_publish()
    with connect() as conn:
        dossiers = dict(conn.execute("select dossier_code, status_code from marts.fct_dossier").fetchall())
        files = conn.execute("select file_name, status from audit.source_file order by file_id").fetchall()
        ind = dict(conn.execute(
            """select unit_code || ' ' || indicator_code, numerator from marts.fct_indicator_value
                where indicator_code in ('OSS_RECEIVED', 'OSS_RESOLVED')""").fetchall())
        stamp = conn.execute("select max(computed_at) from marts.fct_indicator_value").fetchone()[0]
    # 12.H01 comes from v2 only (B gone, A resolved, C new); 12.H02 still from v1, which v2 does not cover
    assert dossiers == {"A": 10, "C": 4, "X": 10}
    assert files == [("h01_v1.csv", "published"), ("h01_v2.csv", "published")]
    assert ind["12.H01 OSS_RECEIVED"] == 2 and ind["12.H01 OSS_RESOLVED"] == 1
    assert ind["12 OSS_RECEIVED"] == 3 and ind["12 OSS_RESOLVED"] == 2

    # Nothing new. The build writes into the other generation (audit.mart_generation), which holds the warehouse as
    # of v1's publication: it recomputes June (what v2 changed) and nothing else; the next build, into the
    # generation that already holds v2, recomputes nothing.
    assert recomputed_periods(build_and_publish()) == {("month", date(2025, 6, 1)), ("quarter", date(2025, 4, 1)),
                                                       ("year", date(2025, 1, 1))}
    assert recomputed_periods(build_and_publish()) == set()
    with connect() as conn:
        assert conn.execute("select max(computed_at) from marts.fct_indicator_value").fetchone()[0] == stamp


def recomputed_periods(publication) -> set[tuple[str, date]]:
    """The periods of fct_indicator_value the publication's build recomputed (computed after it started)."""
    assert publication
    with connect() as conn:
        return set(conn.execute(
            """select distinct period_type, period_start from marts.fct_indicator_value
                where computed_at >= (select started_at from audit.publication where publication_id = %s)""",
            (publication.publication_id,)).fetchall())


def test_implausible_row_count_warns_but_does_not_block(make_database, tmp_path):
    make_database()
    for month in (3, 4, 5):
        rows = [f"M{month}-{i};12.H01;1.1;Trực tiếp;0{1 + i % 9}/{month:02d}/2025;;0{1 + i % 9}/{month:02d}/2025;"
                f"Đã trả kết quả" for i in range(20)]
        (r,) = load("one_stop_dossiers", [_write(tmp_path / f"m{month}.csv", rows)], date(2025, month, 1))
        assert r.status == "loaded" and r.warnings == []
    few = ["J-1;12.H01;1.1;Trực tiếp;02/06/2025;;02/06/2025;Đã trả kết quả",
           "J-2;12.H01;1.1;Trực tiếp;03/06/2025;;03/06/2025;Đã trả kết quả"]
    (r,) = load("one_stop_dossiers", [_write(tmp_path / "m6.csv", few)], date(2025, 6, 1))
    assert r.status == "loaded"
    assert r.warnings == ["Tệp m6.csv, cột 'Mã đơn vị': số hồ sơ của đơn vị bất thường so với các tháng trước: "
                          "12.H01: 2 hồ sơ, trung bình 3 tháng trước 20"]
    with connect() as conn:
        (stored,) = conn.execute("select warnings from audit.source_file where file_name = 'm6.csv'").fetchone()
    assert stored == r.warnings


def test_plausibility_history_counts_only_the_newest_file_of_a_month(make_database, tmp_path):
    """January sent twice (a corrected re-export of the same 20 dossiers) must count once: February's 18
    dossiers are 90% of January's, not 45% of a double count, so no 'bất thường' warning."""
    make_database()
    rows = [f"J{i:02d};12.H01;1.1;Trực tiếp;05/01/2025;20/01/2025;;Đang xử lý" for i in range(20)]
    for name in ("jan_v1.csv", "jan_v2.csv"):
        (r,) = load("one_stop_dossiers", [_write(tmp_path / name, rows + ([""] if name == "jan_v2.csv" else []))],
                    date(2025, 1, 1))
        assert r.status == "loaded", r.reasons
    (feb,) = load("one_stop_dossiers", [_write(tmp_path / "feb.csv", rows[:18])], date(2025, 2, 1))
    assert feb.status == "loaded", feb.reasons
    assert not [w for w in feb.warnings if "bất thường" in w], feb.warnings
