"""Readers never see a half-built warehouse.

A published warehouse (January) gets February's files; then the build publishing them is killed (`kill -9`) while
dbt runs, after dbt finished but before the swap, and inside the publishing transaction; and the database server
is stopped in the middle of a build. Each time every relation readers see (`marts.*`, tables and views) must be
exactly as before, and February's files still `loaded`. The next build publishes them, and the warehouse then
equals a full rebuild from scratch (the double-buffered incremental models recompute what changed since the
generation they build into).
"""

from __future__ import annotations

import shutil
import signal
import socket
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.sample.generate import generate
from tests.reliability.helpers import cchc, file_states, marts_fingerprint

JAN, FEB = date(2025, 1, 1), date(2025, 2, 1)


def load_month(landing: Path, month: date) -> list:
    folder = landing / "one_stop_dossiers" / f"{month:%Y-%m}"
    results = load("one_stop_dossiers", sorted(folder.iterdir()), month)
    assert {r.status for r in results} == {"loaded"}
    return results


def running_build_active() -> bool:
    """dbt is writing the shadow generation right now (a statement on marts__next is running)."""
    with connect() as conn:
        return conn.execute(
            "select count(*) > 0 from pg_stat_activity where state = 'active' "
            "and query ilike '%%__next%%' and pid <> pg_backend_pid()").fetchone()[0]


def wait_for(predicate, proc, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert proc.poll() is None, f"the build ended before the fault: {proc.communicate()[0][-2000:]}"
        assert time.monotonic() < deadline, "timed out waiting for the build"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def published_january(make_database, tmp_path_factory):
    url = make_database()
    landing = tmp_path_factory.mktemp("landing")
    generate(landing, [JAN, FEB], dossiers_per_month=120, seed=31)
    load_month(landing, JAN)
    assert build_and_publish()
    feb = load_month(landing, FEB)
    return {"url": url, "feb": {r.path.name for r in feb}}


@pytest.fixture
def before(published_january, use_database):
    use_database(published_january["url"])
    return marts_fingerprint(), file_states()


def assert_untouched(before) -> None:
    fingerprint, states = before
    assert marts_fingerprint() == fingerprint
    assert file_states() == states


def test_kill_9_while_dbt_writes_the_shadow(before):
    proc = cchc("build", "--no-docs")
    wait_for(running_build_active, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert_untouched(before)


@pytest.mark.parametrize("point", ["build:before_swap", "build:in_swap"])
def test_kill_9_around_the_swap(before, point):
    proc = cchc("build", "--no-docs", env={"CCHC_FAULT_AT": point})
    out = proc.communicate(timeout=900)[0]
    assert proc.returncode == -signal.SIGKILL, out[-2000:]
    assert_untouched(before)


def test_server_stopped_mid_build(tmp_path, use_database):
    """A private cluster of the project's own (localdb), stopped with `pg_ctl -m immediate` (a crash) while dbt
    writes the shadow, then started again."""
    from cchc_warehouse import localdb
    from cchc_warehouse.db import migrate
    from cchc_warehouse.reference.units import import_demo_registry

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = Path(tempfile.mkdtemp(prefix="cchc-pg-"))     # the postgres user must reach it (pytest's is 0700)
    root.chmod(0o755)
    cluster = localdb.Cluster(root=root, port=port)
    localdb.start(cluster)
    try:
        use_database(cluster.url)
        migrate()
        import_demo_registry()
        landing = tmp_path / "landing"
        generate(landing, [JAN, FEB], dossiers_per_month=80, seed=32)
        load_month(landing, JAN)
        assert build_and_publish()
        load_month(landing, FEB)
        before = marts_fingerprint(), file_states()

        proc = cchc("build", "--no-docs")
        wait_for(running_build_active, proc)
        res = localdb._run([str(localdb._bin_dir() / "pg_ctl"), "-D", str(cluster.data), "-m", "immediate",
                            "-w", "stop"])
        assert res.returncode == 0, res.stderr
        out = proc.communicate(timeout=300)[0]
        assert proc.returncode != 0, out[-2000:]
        localdb.start(cluster)

        assert_untouched(before)
        publication = build_and_publish()          # the next build closes the dead one and publishes February
        assert publication and publication.published == 5
        assert set(file_states().values()) == {"published"}
    finally:
        localdb.stop(cluster)
        shutil.rmtree(root, ignore_errors=True)


def test_the_next_build_publishes_and_equals_a_full_rebuild(before, published_january):
    with connect() as conn:
        dead = conn.execute("select count(*) from audit.publication where status = 'running'").fetchone()[0]
    assert dead == 1                                # left by the kills above, closed by the next build
    publication = build_and_publish()
    assert publication.published == len(published_january["feb"])
    with connect() as conn:
        statuses = conn.execute("select status, count(*) from audit.publication group by 1 order by 1").fetchall()
        generations = dict(conn.execute("select generation, publication_id from audit.mart_generation").fetchall())
    assert dict(statuses)["published"] == 2 and "running" not in dict(statuses)
    assert generations["live"] == publication.publication_id
    assert set(file_states().values()) == {"published"}
    incremental = marts_fingerprint()
    assert incremental["fct_dossier"][0] > before[0]["fct_dossier"][0]
    assert build_and_publish(full_refresh=True)
    assert marts_fingerprint() == incremental
