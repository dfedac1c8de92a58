"""Test set-up: a temporary CCHC_HOME, and each test run in its own fresh database on a real Postgres
(the server of CCHC_TEST_SERVER_URL / CCHC_DATABASE_URL, else 127.0.0.1:5432, else the project's own
local cluster started for the run)."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import psycopg
import pytest
from hypothesis import settings

# Layout mutation tests: a bounded, derandomised run by default (CI); `--hypothesis-profile=long` for many more.
settings.register_profile("ci", max_examples=40, derandomize=True, deadline=None)
settings.register_profile("long", max_examples=2000, deadline=None)
settings.load_profile("ci")

_HOME = Path(tempfile.mkdtemp(prefix="cchc-test-"))
_HOME.chmod(0o755)   # a local cluster started as root runs as `postgres`, which must reach it
os.environ["CCHC_HOME"] = str(_HOME)
# pytest-xdist: each worker has its own CCHC_HOME (above) and, where no server runs, its own local cluster's port
if (_worker := os.environ.get("PYTEST_XDIST_WORKER", "")).startswith("gw"):
    os.environ["CCHC_PG_PORT"] = str(54329 + 1 + int(_worker[2:]))
os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING")
# each process its own Airflow metadata database under its own CCHC_HOME (local_runs.configure): an xdist worker
# inherits the controller's environment, and with it the controller's AIRFLOW_HOME, so both workers' DAG runs went
# into one SQLite file and a test reading "the latest run" could read the other worker's
for _key in ("AIRFLOW_HOME", "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"):
    os.environ.pop(_key, None)
_OUTER_URL = os.environ.pop("CCHC_DATABASE_URL", None)

from cchc_warehouse import localdb  # noqa: E402
from cchc_warehouse.airflow import local_runs  # noqa: E402
from cchc_warehouse.db import find_server, with_database  # noqa: E402

local_runs.configure()


def _server_url() -> str:
    # no server around: find_server starts the project's own cluster under the temporary CCHC_HOME
    return find_server(os.environ.get("CCHC_TEST_SERVER_URL"), _OUTER_URL,
                       "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture(scope="session")
def server_url() -> str:
    return _server_url()


@pytest.fixture(scope="session")
def make_database(server_url: str):
    """Factory: a new empty database with the schema applied and the demo unit registry imported;
    CCHC_DATABASE_URL points at it until the next call. All are dropped at the end of the run."""
    created: list[str] = []

    def make(with_units: bool = True) -> str:
        from cchc_warehouse.db import migrate
        from cchc_warehouse.reference.units import import_demo_registry

        name = f"cchc_test_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'create database "{name}"')
        created.append(name)
        url = with_database(server_url, name)
        os.environ["CCHC_DATABASE_URL"] = url
        migrate()
        if with_units:
            import_demo_registry()
        return url

    yield make
    os.environ.pop("CCHC_DATABASE_URL", None)
    with psycopg.connect(server_url, autocommit=True) as conn:
        for name in created:
            conn.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture
def use_database():
    """Point CCHC_DATABASE_URL at a given database for one test."""
    def use(url: str) -> None:
        os.environ["CCHC_DATABASE_URL"] = url
    return use


# pytest-xdist (scripts/test.sh: --dist loadfile) hands whole test files to the workers in collection order: the
# longest first (seconds on a 2-core machine, from --durations), so that the run does not end with one worker on a
# long file while the other waits. Order within a file is kept.
LONGEST_FIRST = [
    "test_run_state.py", "reliability/test_atomic_publication.py", "test_dag.py", "test_incremental.py",
    "test_integration.py", "test_publication.py", "reliability/test_concurrent_and_stale_loads.py", "test_rebuild.py",
    "test_sources.py", "test_lineage.py", "test_storage_s3.py", "test_supersession.py", "test_trace.py",
    "test_service_index.py", "test_corpus.py", "reliability/test_personal_data.py", "test_units_reorganisation.py",
    "reliability/test_gate_plans.py", "reliability/test_least_privilege.py", "test_dashboards.py",
]


def pytest_sessionfinish(session, exitstatus):
    """The run's CCHC_HOME goes with it (each test process made one in /tmp; a CI run left ~8, up to 400 MB each),
    after the local cluster a run without a server started in it is stopped. CCHC_TEST_KEEP_HOME=1 keeps it (dbt's
    logs, the archive, the Airflow database) for a look after a failure."""
    if os.environ.get("CCHC_TEST_KEEP_HOME"):
        return
    localdb.stop(localdb.Cluster(root=_HOME / "pg", port=int(os.environ.get("CCHC_PG_PORT", "54329"))))
    shutil.rmtree(_HOME, ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0].removeprefix("tests/"), len(rank)))
