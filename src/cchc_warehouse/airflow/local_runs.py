"""Run the project's DAGs locally with `dag.test()` (demo and tests): a SQLite metadata DB under
$CCHC_HOME/airflow, the project's dags/ folder, no examples. Call configure() before importing Airflow."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from cchc_warehouse.config import paths
from cchc_warehouse.periods import next_month


def configure() -> dict[str, str]:
    p = paths()
    home = p.home / "airflow"
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(p.project / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "AIRFLOW__LOGGING__LOGGING_LEVEL": os.environ.get("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING"),
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": "http://localhost:8080/execution/",
    }
    for k, v in env.items():
        os.environ.setdefault(k, v)
    return env


def ensure_metadata_db() -> None:
    configure()
    marker = Path(os.environ["AIRFLOW_HOME"]) / ".migrated-with-pools"
    if marker.exists():
        return
    subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], check=True, capture_output=True)
    from cchc_warehouse.airflow.dag_factory import BUILD_POOL

    subprocess.run([sys.executable, "-m", "airflow", "pools", "set", BUILD_POOL, "1",
                    "one dbt build at a time (cchc_warehouse.marts.build)"], check=True, capture_output=True)
    marker.touch()


def project_dag(dag_id: str):
    ensure_metadata_db()
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(paths().project / "dags"))
    if bag.import_errors:
        raise RuntimeError(f"DAG import errors: {bag.import_errors}")
    return bag.get_dag(dag_id)


def monthly_dag():
    return project_dag("cchc_monthly_load")


def yearly_dag():
    return project_dag("cchc_yearly_par")


def _test_run(dag, logical_date: datetime, period: str | None, landing: Path | None, conf: dict | None = None) -> str:
    from airflow.models.dagrun import DagRun
    from airflow.utils.session import create_session
    from sqlalchemy import delete

    with create_session() as session:
        session.execute(delete(DagRun).where(DagRun.dag_id == dag.dag_id, DagRun.logical_date == logical_date))
    run_conf = {"period": period, "landing_dir": str(landing) if landing else None, **(conf or {})}
    run = dag.test(logical_date=logical_date, run_conf=run_conf)
    return str(getattr(run.state, "value", run.state))


def run_year(dag, year: int, landing: Path | None = None, conf: dict | None = None) -> str:
    """One dag.test() run of the yearly DAG for `year` (run on 1 June of the next year, as scheduled)."""
    return _test_run(dag, datetime(year + 1, 6, 1, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), str(year), landing, conf)


def run_month(dag, month: date, landing: Path | None = None, conf: dict | None = None) -> str:
    """One dag.test() run reporting on `month`; returns the run's final state. A previous local run for
    the same month is deleted first (dag.test() would otherwise find it finished and run nothing)."""
    # A manual run covers the last whole interval before its date: report on `month` by running at the
    # start of the next month, as the schedule would; the period is also passed explicitly.
    nxt = next_month(month)
    logical_date = datetime(nxt.year, nxt.month, 1, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    return _test_run(dag, logical_date, f"{month:%Y-%m}", landing, conf)


def task_states(dag_id: str) -> dict[str, str]:
    """{task_id or task_id[rendered map index]: state} of the latest local run of `dag_id` (tests, demo)."""
    from airflow.models.dagrun import DagRun
    from airflow.models.taskinstance import TaskInstance
    from airflow.utils.session import create_session
    from sqlalchemy import select

    with create_session() as session:
        latest = select(DagRun.run_id).where(DagRun.dag_id == dag_id).order_by(DagRun.id.desc()).limit(1)
        run_id = session.scalar(latest)
        rows = session.execute(select(TaskInstance.task_id, TaskInstance.rendered_map_index, TaskInstance.state)
                               .where(TaskInstance.dag_id == dag_id, TaskInstance.run_id == run_id)).all()
    return {(f"{t}[{m}]" if m is not None else t): str(getattr(s, "value", s)) for t, m, s in rows}
