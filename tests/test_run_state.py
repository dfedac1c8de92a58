"""Honest run states: a run ends `success` only when every file it found was loaded and published.

The verdict is unit-tested on hand-written task outcomes; real dag.test() runs check what a data engineer sees
(missing landing folder, empty month, a crashing load) and the schedule (January is reported by the run of
1 February, in Vietnam's time zone).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from cchc_warehouse.airflow import local_runs
from cchc_warehouse.airflow import tasks as t
from cchc_warehouse.db import connect
from cchc_warehouse.sample.generate import generate

A = {"key": "one_stop_dossiers/2025-03/a.csv", "source": "one_stop_dossiers", "name": "a.csv"}
B = {"key": "esign_stats/2025-03/b.xlsx", "source": "esign_stats", "name": "b.xlsx"}
PUBLISHED = {"publication_id": 7, "status": "published", "published": 2, "file_ids": [1, 2]}


def outcome(item: dict, file_id: int, status: str = "loaded") -> dict:
    return {"key": item["key"], "file": item["name"], "file_id": file_id, "status": status}


# --- the verdict, on hand-written outcomes ------------------------------------------------------------------

def test_every_file_loaded_and_published_is_green():
    assert t.verdict([A, B], [outcome(A, 1), outcome(B, 2)], PUBLISHED, [], [],
                     {1: "published", 2: "published"}) == []


def test_an_empty_discovery_allowed_by_the_param_is_green():
    assert t.verdict([], [], PUBLISHED, [], [], {}) == []


def test_failed_discover_is_red():
    problems = t.verdict(None, None, PUBLISHED, [], [], {})
    assert len(problems) == 1 and "discover" in problems[0]


def test_a_load_that_crashed_is_red_and_named():
    # B's task crashed: no outcome, not rejected by the gate
    problems = t.verdict([A, B], [outcome(A, 1)], PUBLISHED, [], [], {1: "published"})
    assert problems == ["esign_stats/2025-03/b.xlsx: nạp tệp bị lỗi, tệp chưa được kiểm tra (xem log của task "
                        "load_file)"]


def test_a_rejected_file_is_red_with_its_reasons_but_not_counted_as_a_crash():
    rejected = [{"source": "esign_stats", "file": "b.xlsx", "reasons": ["dòng 7, cột 'Số văn bản': không phải số"]}]
    problems = t.verdict([A, B], [outcome(A, 1)], PUBLISHED, rejected, [], {1: "published"})
    assert problems == ["esign_stats/b.xlsx bị từ chối: dòng 7, cột 'Số văn bản': không phải số"]


def test_a_failed_build_is_red():
    problems = t.verdict([A], [outcome(A, 1)], None, [], [], {1: "loaded"})
    assert problems == ["dựng và công bố kho dữ liệu (build_and_publish) thất bại hoặc không chạy"]


def test_a_loaded_file_the_publication_did_not_take_is_red():
    problems = t.verdict([A, B], [outcome(A, 1), outcome(B, 2)], PUBLISHED, [], [], {1: "published", 2: "loaded"})
    assert problems == ["esign_stats/2025-03/b.xlsx: đã nạp nhưng chưa được công bố (trạng thái: loaded)"]


def test_a_duplicate_of_a_published_file_is_green():
    assert t.verdict([A], [outcome(A, 1, "duplicate")], PUBLISHED, [], [], {1: "published"}) == []


def test_failed_docs_or_dashboards_are_red():
    problems = t.verdict([A], [outcome(A, 1)], PUBLISHED, [], ["sync_dashboards"], {1: "published"})
    assert problems == ["task sync_dashboards thất bại (xem log của task)"]


def test_a_manual_run_without_a_period_is_a_problem_in_vietnamese():
    with pytest.raises(t.RunProblem, match="chưa có kỳ báo cáo"):
        t.discover_files("month", None, {})


def test_a_missing_landing_folder_is_a_problem_not_an_empty_month(tmp_path):
    with pytest.raises(t.RunProblem, match="không tìm thấy thư mục nhận tệp"):
        t.discover_files("month", date(2025, 3, 1), {"landing_dir": str(tmp_path / "absent")})


def test_an_empty_month_is_a_problem_unless_allowed(tmp_path):
    with pytest.raises(t.RunProblem, match="không có tệp nào cho kỳ 2025-03"):
        t.discover_files("month", date(2025, 3, 1), {"landing_dir": str(tmp_path)})
    assert t.discover_files("month", date(2025, 3, 1), {"landing_dir": str(tmp_path), "allow_empty": True}) == []


# --- the schedule ------------------------------------------------------------------------------------------

def test_the_first_scheduled_run_reports_january_2025_and_runs_on_1_february_in_vietnam():
    from airflow.timetables.base import TimeRestriction

    dag = local_runs.monthly_dag()
    info = dag.timetable.next_dagrun_info(
        last_automated_data_interval=None,
        restriction=TimeRestriction(earliest=dag.start_date, latest=None, catchup=True))
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    start = info.data_interval.start.astimezone(tz)
    assert (start.year, start.month, start.day, start.hour) == (2025, 1, 1, 0)
    assert info.run_after.astimezone(tz) == datetime(2025, 2, 1, tzinfo=tz)
    from cchc_warehouse.periods import reporting_period

    assert reporting_period("month", start.date(), None) == date(2025, 1, 1)


# --- real dag.test() runs ----------------------------------------------------------------------------------

MONTH = date(2025, 3, 1)


@pytest.fixture(scope="module")
def warehouse(make_database):
    return make_database()


def test_a_clean_month_ends_success(warehouse, use_database, tmp_path):
    use_database(warehouse)
    generate(tmp_path, [MONTH], dossiers_per_month=120, seed=5)
    assert local_runs.run_month(local_runs.monthly_dag(), MONTH, tmp_path) == "success"
    states = local_runs.task_states("cchc_monthly_load")
    assert {s for k, s in states.items()} == {"success"}
    with connect() as conn:
        assert conn.execute("select count(*) from audit.source_file where status <> 'published'").fetchone()[0] == 0


def test_a_missing_landing_folder_ends_failed(warehouse, use_database, tmp_path):
    use_database(warehouse)
    assert local_runs.run_month(local_runs.monthly_dag(), MONTH, tmp_path / "absent") == "failed"
    states = local_runs.task_states("cchc_monthly_load")
    assert states["discover"] == "failed" and states["check_run"] == "failed"


def test_an_empty_month_ends_failed_unless_allowed(warehouse, use_database, tmp_path):
    use_database(warehouse)
    dag = local_runs.monthly_dag()
    assert local_runs.run_month(dag, date(2025, 4, 1), tmp_path) == "failed"
    assert local_runs.task_states("cchc_monthly_load")["check_run"] == "failed"
    assert local_runs.run_month(dag, date(2025, 4, 1), tmp_path, {"allow_empty": True}) == "success"


def test_a_load_that_crashes_ends_failed_and_the_other_files_are_published(warehouse, use_database, tmp_path,
                                                                          monkeypatch):
    use_database(warehouse)
    month = date(2025, 5, 1)
    written, _ = generate(tmp_path, [month], dossiers_per_month=120, seed=6)
    victim = written[1].path.name          # one of five dossier exports
    real = t.load_landed

    def crash_on_victim(item, run_id="manual"):
        if item["name"] == victim:
            raise OSError("ổ đĩa lỗi (mô phỏng)")
        return real(item, run_id)

    monkeypatch.setattr(t, "load_landed", crash_on_victim)
    assert local_runs.run_month(local_runs.monthly_dag(), month, tmp_path) == "failed"
    states = local_runs.task_states("cchc_monthly_load")
    assert states[f"load_file[one_stop_dossiers/{victim}]"] == "failed"
    assert states["build_and_publish"] == "success" and states["check_run"] == "failed"
    with connect() as conn:
        statuses = dict(conn.execute("select f.file_name, f.status from audit.source_file f join audit.load l "
                                     "using (load_id) where l.triggered_by like 'airflow:%%' "
                                     "and f.file_name <> %s", (victim,)).fetchall())
    others = {w.path.name for w in written} - {victim}
    assert {statuses[n] for n in others} == {"published"}
