"""The workers' preload (cchc_warehouse.airflow.warm): what docker-compose.yml names exists and does what it says.

Each check runs in a fresh interpreter, since which modules a process holds is the thing under test."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).parents[1]
HEAVY = ("great_expectations", "dbt.cli.main", "cchc_warehouse.ingest.load", "cchc_warehouse.marts.build")


def _python(code: str) -> str:
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    return res.stdout.strip()


def _compose_env() -> dict[str, str]:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    return compose["x-airflow-common"]["environment"]


def test_compose_names_the_warm_executor_and_the_celery_preload():
    env = _compose_env()
    default = re.fullmatch(r"\$\{AIRFLOW_EXECUTOR:-(.+)\}", env["AIRFLOW__CORE__EXECUTOR"]).group(1)
    assert default == "cchc_warehouse.airflow.executors.WarmLocalExecutor"
    example = dict(line.split("=", 1) for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
                   if line and not line.startswith("#"))
    assert example["AIRFLOW_EXECUTOR"] == default          # .env overrides the compose file's default
    assert yaml.safe_load(env["AIRFLOW__CELERY__EXTRA_CELERY_CONFIG"]) == {
        "imports": ["cchc_warehouse.airflow.worker_preload"]}


def test_airflow_loads_the_warm_executor_as_a_local_one_without_heavy_imports():
    """The scheduler and the api-server load the executor class: that costs no GX or dbt import; the preload
    happens only in start()."""
    out = _python(
        "import os, sys\n"
        "os.environ['AIRFLOW__CORE__EXECUTOR'] = 'cchc_warehouse.airflow.executors.WarmLocalExecutor'\n"
        "from airflow.executors.executor_loader import ExecutorLoader\n"
        "from airflow.executors.local_executor import LocalExecutor\n"
        "cls, _ = ExecutorLoader.import_default_executor_cls()\n"
        "print(cls.__name__, issubclass(cls, LocalExecutor), cls.is_local)\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n")
    assert out.splitlines() == ["WarmLocalExecutor True True", "[]"]


def test_worker_preload_imports_what_the_tasks_need():
    before = _python("from cchc_warehouse.airflow import warm; print(warm.preloaded())")
    assert before == "False"
    out = _python(
        "import sys\n"
        "import cchc_warehouse.airflow.worker_preload\n"
        "from cchc_warehouse.airflow import warm\n"
        f"print(warm.preloaded(), all(m in sys.modules for m in {HEAVY!r}))\n")
    assert out == "True True"


def test_task_started_logs_whether_the_worker_preloaded():
    import logging

    from cchc_warehouse.airflow import tasks, warm

    tasks.task_started()          # Airflow configures logging on first import and replaces the root's handlers

    class Keep(logging.Handler):
        def __init__(self) -> None:
            super().__init__(logging.INFO)
            self.lines: list[str] = []

        def emit(self, record: logging.LogRecord) -> None:
            self.lines.append(record.getMessage())

    keep, level = Keep(), tasks.log.level
    tasks.log.addHandler(keep)
    tasks.log.setLevel(logging.INFO)
    try:
        tasks.task_started()
    finally:
        tasks.log.removeHandler(keep)
        tasks.log.setLevel(level)
    expected = "yes" if warm.preloaded() else "no"
    assert any(line.startswith(f"heavy imports preloaded by the worker: {expected}") for line in keep.lines)
