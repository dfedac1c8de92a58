"""Test set-up: a temporary CCHC_HOME, and each test run in its own fresh database on a real Postgres
(the server of CCHC_TEST_SERVER_URL / CCHC_DATABASE_URL, else 127.0.0.1:5432, else the project's own
local cluster started for the run)."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

_HOME = Path(tempfile.mkdtemp(prefix="cchc-test-"))
_HOME.chmod(0o755)   # a local cluster started as root runs as `postgres`, which must reach it
os.environ["CCHC_HOME"] = str(_HOME)
os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING")
_OUTER_URL = os.environ.pop("CCHC_DATABASE_URL", None)

from cchc_warehouse import airflow_local, localdb  # noqa: E402

airflow_local.configure()
ARTIFACTS = Path(__file__).parent / "artifacts"


def _with_db(url: str, name: str) -> str:
    u = urlsplit(url)
    return urlunsplit((u.scheme, u.netloc, f"/{name}", u.query, u.fragment))


def _server_url() -> str:
    for candidate in (os.environ.get("CCHC_TEST_SERVER_URL"), _OUTER_URL,
                      "postgresql://postgres@127.0.0.1:5432/postgres"):
        if not candidate:
            continue
        try:
            with psycopg.connect(_with_db(candidate, "postgres"), connect_timeout=3):
                return _with_db(candidate, "postgres")
        except psycopg.OperationalError:
            continue
    c = localdb.start()   # no server around: the project's own cluster under the temporary CCHC_HOME
    return _with_db(c.url, "postgres")


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
        from cchc_warehouse.units import import_units

        name = f"cchc_test_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'create database "{name}"')
        created.append(name)
        url = _with_db(server_url, name)
        os.environ["CCHC_DATABASE_URL"] = url
        migrate()
        if with_units:
            with resources.as_file(resources.files("cchc_warehouse.reference") / "units_lai_chau.csv") as f:
                import_units(Path(f))
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


@pytest.fixture(scope="session")
def tmp_root() -> Iterator[Path]:
    yield _HOME
