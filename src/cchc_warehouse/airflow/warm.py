"""What a task process needs, imported once by a long-lived Airflow worker process instead of by every task.

Airflow 3 runs each task in a process forked from its worker's (the supervisor forks the task runner from the
Celery pool process, or from the LocalExecutor worker, itself forked from the scheduler), and a fork starts with
every module its parent imported. Importing Great Expectations costs 1.5–4 s of CPU and dbt 1.5–3 s on a 2-core
machine, more than loading a small file: done once per worker, a mapped task of a 20-row file no longer pays it.

Only imports: nothing here connects to a database or builds a GX context (a forked child must not share a
connection; the gate builds its context once per task process, on first use). Wired by:
- Celery: `[celery] extra_celery_config = {"imports": ["cchc_warehouse.airflow.worker_preload"]}` — the worker
  imports it at start, before forking its pool;
- LocalExecutor: `[core] executor = cchc_warehouse.airflow.executors.WarmLocalExecutor` — it preloads in the
  scheduler before forking its workers.
"""

from __future__ import annotations

import importlib
import logging
import sys
import time

log = logging.getLogger(__name__)

# What the tasks import lazily (cchc_warehouse.airflow.tasks): the loader and the gate's GX, dbt for the build
MODULES = ("cchc_warehouse.ingest.load", "cchc_warehouse.marts.build", "dbt.cli.main")


def preload() -> float:
    """Import the tasks' heavy modules into this process (idempotent); returns the seconds it took."""
    from cchc_warehouse.gate.run import gx_module

    t = time.perf_counter()
    gx_module()                       # with its deferred imports and quiet loggers, as the gate sets them up
    for name in MODULES:
        importlib.import_module(name)
    seconds = time.perf_counter() - t
    log.info("preloaded Great Expectations, dbt and the loader for the tasks forked from here in %.1f s", seconds)
    return seconds


def preloaded() -> bool:
    """Whether this process started with the modules preload() imports (its worker preloaded them, or it did)."""
    return all(name in sys.modules for name in ("great_expectations", *MODULES))
