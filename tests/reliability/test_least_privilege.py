"""Least privilege for real.

- The project's own cluster (`cchc db start`) trusts nobody: scram-sha-256 on 127.0.0.1, peer on a 0700 socket
  directory, the superuser's password generated into a 0600 file; a cluster an earlier version made with `trust` is
  converted when started. `cchc init` on it creates a login per application path.
- `cchc load` and `cchc build` run as a loader login and a transformer login (CCHC_LOADER_URL,
  CCHC_TRANSFORMER_URL), not as the superuser; what dbt builds belongs to cchc_transformer, so the loader login
  cannot drop a mart, the auditor reads the views dbt made (default privileges for the transformer), the reporting
  login reads the marts and nothing of raw; the loader analyses the raw table it wrote.
"""

from __future__ import annotations

import json
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import uuid
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

from cchc_warehouse import localdb
from cchc_warehouse.db import migrate
from cchc_warehouse.sample.generate import generate

MONTH = date(2025, 3, 1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def private_root() -> Path:
    root = Path(tempfile.mkdtemp(prefix="cchc-pg-"))     # the postgres user must reach it (pytest's is 0700)
    root.chmod(0o755)
    return root


def refused_without_password(port: int) -> bool:
    try:
        psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", connect_timeout=5).close()
    except psycopg.OperationalError:
        return True
    return False


def test_the_local_cluster_trusts_nobody_and_init_makes_logins(monkeypatch):
    root = private_root()
    cluster = localdb.Cluster(root=root / "pg", port=free_port())
    monkeypatch.setenv("CCHC_HOME", str(root))
    monkeypatch.setenv("CCHC_PG_PORT", str(cluster.port))
    monkeypatch.delenv("CCHC_DATABASE_URL", raising=False)
    try:
        localdb.start(cluster)
        hba = localdb._run(["cat", str(cluster.hba)]).stdout
        rules = [line.split() for line in hba.splitlines() if line.strip() and not line.startswith("#")]
        assert rules and all(r[-1] in ("peer", "scram-sha-256") for r in rules), rules
        assert stat.S_IMODE(cluster.socket_dir.stat().st_mode) == 0o700
        assert stat.S_IMODE(cluster.password_file.stat().st_mode) == 0o600
        assert refused_without_password(cluster.port)

        migrate()                                       # `cchc init` on the local cluster
        logins = root / "pg" / "logins.json"
        assert stat.S_IMODE(logins.stat().st_mode) == 0o600
        from cchc_warehouse import db
        for role, group in (("loader", "cchc_loader"), ("transformer", "cchc_transformer")):
            with psycopg.connect(db.role_url(role)) as conn:
                user, member = conn.execute("select current_user, pg_has_role(current_user, %s, 'member')",
                                            (group,)).fetchone()
                superuser = conn.execute("select rolsuper from pg_roles where rolname = current_user").fetchone()[0]
            assert (user, member, superuser) == (db.LOCAL_LOGINS[role], True, False)
        assert set(json.loads(logins.read_text())) == {"loader", "transformer"}
    finally:
        localdb.stop(cluster)
        shutil.rmtree(root, ignore_errors=True)


def test_a_trusting_cluster_of_an_earlier_version_is_converted():
    root = private_root()
    cluster = localdb.Cluster(root=root, port=free_port())
    try:
        localdb._chown_for_server(root)
        made = localdb._run([str(localdb._bin_dir() / "initdb"), "-D", str(cluster.data), "-U", "postgres",
                             "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"])
        assert made.returncode == 0, made.stderr
        localdb.start(cluster)
        assert refused_without_password(cluster.port)
        with psycopg.connect(cluster.url) as conn:
            assert conn.execute("select 1").fetchone() == (1,)
    finally:
        localdb.stop(cluster)
        shutil.rmtree(root, ignore_errors=True)


def as_user(url: str, user: str, password: str) -> str:
    u = urlsplit(url)
    return urlunsplit((u.scheme, f"{user}:{password}@{u.hostname}:{u.port or 5432}", u.path, u.query, u.fragment))


@pytest.fixture
def logins(server_url):
    """Four logins on the test server (roles are cluster-wide: unique names, dropped afterwards)."""
    tag = uuid.uuid4().hex[:8]
    names = {k: f"cchc_t_{k}_{tag}" for k in ("loader", "transformer", "reporting", "auditor")}
    with psycopg.connect(server_url, autocommit=True) as conn:
        for name in names.values():
            conn.execute(sql.SQL("create role {} login password {}").format(sql.Identifier(name), sql.Literal(tag)))
    yield names, tag
    with psycopg.connect(server_url, autocommit=True) as conn:
        for name in names.values():
            conn.execute(sql.SQL("drop role if exists {}").format(sql.Identifier(name)))


def cchc(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    import os
    return subprocess.run([sys.executable, "-m", "cchc_warehouse.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=900)


def test_loads_and_builds_run_as_their_logins(make_database, logins, tmp_path, monkeypatch):
    names, password = logins
    url = make_database()
    monkeypatch.setenv("CCHC_LOADER_LOGIN", names["loader"])
    monkeypatch.setenv("CCHC_TRANSFORMER_LOGIN", names["transformer"])
    migrate()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("grant cchc_reporting to {}").format(sql.Identifier(names["reporting"])))
        conn.execute(sql.SQL("grant cchc_auditor to {}").format(sql.Identifier(names["auditor"])))
    urls = {k: as_user(url, n, password) for k, n in names.items()}
    # the administrative URL points nowhere: every connection the commands make must use their login
    env = {"CCHC_LOADER_URL": urls["loader"], "CCHC_TRANSFORMER_URL": urls["transformer"],
           "CCHC_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}

    generate(tmp_path, [MONTH], dossiers_per_month=60, seed=5)
    files = sorted((tmp_path / "one_stop_dossiers" / f"{MONTH:%Y-%m}").iterdir())
    loaded = cchc("load", "one_stop_dossiers", *map(str, files), "--period", f"{MONTH:%Y-%m}", env=env)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    built = cchc("build", "--no-docs", env=env)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]

    with psycopg.connect(url) as conn:
        owners = dict(conn.execute(
            "select pg_get_userbyid(c.relowner), count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            " where n.nspname in ('staging', 'intermediate', 'marts') and c.relkind in ('r', 'v') group by 1"
        ).fetchall())
        analysed = conn.execute("select last_analyze is not null from pg_stat_user_tables "
                                "where schemaname = 'raw' and relname = 'one_stop_dossiers'").fetchone()[0]
        published = conn.execute("select count(*) from audit.source_file where status = 'published'").fetchone()[0]
    assert set(owners) == {"cchc_transformer"} and sum(owners.values()) > 20, owners
    assert analysed                               # by the loader login: it owns the raw tables
    assert published == len(files)

    with psycopg.connect(urls["loader"]) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("drop table marts.fct_indicator_value")
    with psycopg.connect(urls["reporting"]) as conn:
        assert conn.execute("select count(*) from marts.rpt_indicator_value").fetchone()[0] > 0
    with psycopg.connect(urls["reporting"]) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("select count(*) from raw.one_stop_dossiers")
    with psycopg.connect(urls["auditor"]) as conn:
        views = [r[0] for r in conn.execute("select table_name from information_schema.views "
                                            "where table_schema = 'staging'").fetchall()]
        assert views
        for view in views:                        # every view dbt made, readable by the auditor
            conn.execute(sql.SQL("select count(*) from staging.{}").format(sql.Identifier(view))).fetchone()
