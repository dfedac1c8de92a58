"""The monthly DAG: imports cleanly, and a real dag.test() run over landed sample files."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cchc_warehouse.airflow import local_runs
from cchc_warehouse.db import connect
from cchc_warehouse.sample.generate import generate


def test_dagbag_imports_without_errors():
    local_runs.ensure_metadata_db()
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(Path(__file__).parents[1] / "dags"))
    assert bag.import_errors == {}
    dag = bag.get_dag("cchc_monthly_load")
    assert dag.doc_md and "landing" in dag.doc_md
    assert {t.task_id for t in dag.tasks} == {"discover", "load_file", "build_and_publish", "publish_docs",
                                              "sync_dashboards", "check_run"}
    assert dag.catchup is True
    assert dag.task_dict["build_and_publish"].pool == "cchc_build"


def test_nothing_touches_the_database_at_parse_time(monkeypatch):
    import psycopg
    from airflow.dag_processing.dagbag import DagBag

    def refuse(*a, **k):
        raise AssertionError("database touched at parse time")

    monkeypatch.setattr(psycopg, "connect", refuse)
    bag = DagBag(dag_folder=str(Path(__file__).parents[1] / "dags"))
    assert bag.import_errors == {}


@pytest.fixture(scope="module")
def dag_run(make_database, tmp_path_factory):
    url = make_database()
    landing = tmp_path_factory.mktemp("landing")
    month = date(2025, 3, 1)
    written, _ = generate(landing, [month], dossiers_per_month=300, dirty=True, seed=11)
    dirty = [w for w in written if w.dirty_reason]
    for w in dirty[1:]:           # keep one dirty file: the run must end failed because of it
        w.path.unlink()
    dag = local_runs.monthly_dag()
    state = local_runs.run_month(dag, month, landing)
    return {"url": url, "state": state, "written": written, "kept_dirty": dirty[0].path.name}


def test_run_fails_visibly_but_publishes_accepted_files(dag_run, use_database):
    use_database(dag_run["url"])
    assert dag_run["state"] == "failed"
    with connect() as conn:
        files = dict(conn.execute("select file_name, status from audit.source_file").fetchall())
        n_rpt = conn.execute("select count(*) from marts.rpt_indicator_value where period = '2025-03'").fetchone()[0]
    clean = {w.path.name for w in dag_run["written"] if not w.dirty_reason}
    assert {files[n] for n in clean} == {"published"}
    assert files[dag_run["kept_dirty"]] == "rejected"
    assert n_rpt > 0


def test_mapped_tasks_are_named_after_their_files_and_only_the_bad_one_failed(dag_run):
    import os

    db = Path(os.environ["AIRFLOW_HOME"]) / "airflow.db"
    with sqlite3.connect(db) as c:
        rows = c.execute(
            """select rendered_map_index, state from task_instance
                where task_id = 'load_file' and run_id = (select run_id from dag_run order by id desc limit 1)"""
        ).fetchall()
    states = dict(rows)
    assert f"one_stop_dossiers/{dag_run['kept_dirty']}" in states, rows
    assert states.pop(f"one_stop_dossiers/{dag_run['kept_dirty']}") == "failed"
    assert set(states.values()) == {"success"} and len(states) == 5


def test_yearly_dag_loads_par_sources_and_a_bad_file_fails_only_itself(make_database, tmp_path):
    import os

    from cchc_warehouse.sample.generate import generate_other, write_dirty_other

    make_database()
    generate_other(tmp_path, [], [2024], seed=5)
    dirty = write_dirty_other(tmp_path, date(2025, 1, 1), 2024)
    bad = next(d for d in dirty if d.source == "par_national")
    for d in dirty:                                 # keep one bad file
        if d is not bad:
            d.path.unlink()
    dag = local_runs.yearly_dag()
    assert dag.doc_md and {t.task_id for t in dag.tasks} == {
        "discover", "load_file", "build_and_publish", "publish_docs", "sync_dashboards", "check_run"}
    assert local_runs.run_year(dag, 2024, tmp_path) == "failed"
    with connect() as conn:
        files = dict(conn.execute("select file_name, status from audit.source_file").fetchall())
        ranked = conn.execute("select count(*) from marts.rpt_par_ranking where score_year = 2024").fetchone()[0]
    assert files.pop(bad.path.name) == "rejected"
    assert set(files.values()) == {"published"} and len(files) == 3   # 2 scoring files + national results
    assert ranked == 15                                               # 7 departments + 8 districts
    db = Path(os.environ["AIRFLOW_HOME"]) / "airflow.db"
    with sqlite3.connect(db) as c:
        states = dict(c.execute(
            """select rendered_map_index, state from task_instance where task_id = 'load_file' and run_id =
                 (select run_id from dag_run where dag_id = 'cchc_yearly_par' order by id desc limit 1)""").fetchall())
    assert states.pop(f"par_national/{bad.path.name}") == "failed"
    assert set(states.values()) == {"success"} and len(states) == 3
