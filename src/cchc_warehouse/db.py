"""Connections and schema migrations. CCHC_DATABASE_URL, when set, wins over the local cluster."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from cchc_warehouse import localdb
from cchc_warehouse.config import paths

# The logins the application paths connect as (least privilege): loads as a member of cchc_loader, builds as a
# member of cchc_transformer. Deployments give their URLs (CCHC_LOADER_URL, CCHC_TRANSFORMER_URL); on the project's
# local cluster `cchc init` creates them (LOCAL_LOGINS) with passwords kept in $CCHC_HOME/pg/logins.json (0600).
ROLE_GROUPS = {"loader": "cchc_loader", "transformer": "cchc_transformer"}
LOCAL_LOGINS = {"loader": "cchc_load", "transformer": "cchc_build"}
_acting: str | None = None


def act_as(role: str | None) -> None:
    """From now on this process connects as the login of an application path ('loader', 'transformer'), where one
    is configured; None: as CCHC_DATABASE_URL (administration: cchc init, tests)."""
    global _acting
    assert role is None or role in ROLE_GROUPS, role
    _acting = role


def _logins_file() -> Path:
    return localdb.cluster().root / "logins.json"


def _on_local_cluster() -> bool:
    """The database is the project's own cluster (CCHC_DATABASE_URL unset, or pointing at it as the demo does)."""
    url = os.environ.get("CCHC_DATABASE_URL")
    if not url:
        return True
    u = urlsplit(url)
    return u.hostname in ("127.0.0.1", "localhost") and u.port == localdb.cluster().port \
        and (u.path or "/").lstrip("/") == localdb.DB_NAME


def role_url(role: str) -> str | None:
    """The URL of the login for an application path: CCHC_<ROLE>_URL, else the local cluster's login made by
    `cchc init` (only when CCHC_DATABASE_URL is unset), else None."""
    url = os.environ.get(f"CCHC_{role.upper()}_URL")
    if url:
        return url
    if not _on_local_cluster() or not _logins_file().exists():
        return None
    logins = json.loads(_logins_file().read_text())
    if role not in logins:
        return None
    c = localdb.cluster()
    return f"postgresql://{LOCAL_LOGINS[role]}:{logins[role]}@127.0.0.1:{c.port}/{localdb.DB_NAME}"


def database_url() -> str:
    if _acting and (url := role_url(_acting)):
        return url
    url = os.environ.get("CCHC_DATABASE_URL")
    if url:
        return url
    c = localdb.cluster()
    if not localdb.is_running(c):
        raise localdb.LocalDbError(
            "no database: set CCHC_DATABASE_URL or start the local one with `cchc db start`"
        )
    return c.url


def sqlalchemy_url(url: str | None = None) -> str:
    url = url or database_url()
    scheme, rest = url.split("://", 1)
    return f"postgresql+psycopg://{rest}" if scheme in ("postgresql", "postgres") else url


def url_parts(url: str | None = None) -> dict[str, str]:
    """Host, port, user, password and database name, for tools configured by separate settings (dbt)."""
    u = urlsplit(url or database_url())
    return {
        "host": u.hostname or "127.0.0.1",
        "port": str(u.port or 5432),
        "user": u.username or "postgres",
        "password": u.password or "",
        "dbname": (u.path or "/").lstrip("/") or "postgres",
    }


def with_database(url: str, name: str) -> str:
    """The same server URL pointing at another database."""
    u = urlsplit(url)
    return urlunsplit((u.scheme, u.netloc, f"/{name}", u.query, u.fragment))


def find_server(*candidates: str | None) -> str:
    """URL (on database `postgres`) of the first reachable server among the candidates, else of the
    project's local cluster, started if needed. Tests and benchmarks create their databases there."""
    for candidate in candidates:
        if not candidate:
            continue
        try:
            with psycopg.connect(with_database(candidate, "postgres"), connect_timeout=3):
                return with_database(candidate, "postgres")
        except psycopg.OperationalError:
            continue
    return with_database(localdb.start().url, "postgres")


@contextmanager
def connect(autocommit: bool = False) -> Iterator[psycopg.Connection]:
    conn = psycopg.connect(database_url(), autocommit=autocommit)
    try:
        conn.execute("set datestyle = 'ISO, DMY'")
        yield conn
        if not autocommit:
            conn.commit()
    except BaseException:
        if not autocommit:
            conn.rollback()
        raise
    finally:
        conn.close()


class NotReady(RuntimeError):
    """The warehouse cannot answer yet (schema not applied, marts not built): a Vietnamese message."""


def readiness_problem(needs_marts: bool = False, url: str | None = None) -> str | None:
    """Why the database cannot serve a command yet, in Vietnamese, or None when it can."""
    try:
        with psycopg.connect(url or database_url(), connect_timeout=10) as conn:
            audit, marts = conn.execute(
                "select to_regclass('audit.source_file'), to_regclass('marts.rpt_indicator_value')").fetchone()
    except psycopg.OperationalError as exc:
        return f"không kết nối được cơ sở dữ liệu: {str(exc).strip().splitlines()[0]}"
    if audit is None:
        return "chưa khởi tạo cơ sở dữ liệu: chạy cchc init"
    if needs_marts and marts is None:
        return "chưa có số liệu báo cáo (kho chưa được dựng): nạp tệp rồi chạy cchc build"
    return None


def migrate() -> list[str]:
    """Apply sql/*.sql in name order: the baseline (one file per schema, two written from the declarations by
    `cchc generate`), then numbered migrations. Every file is idempotent; one lock serialises concurrent callers."""
    applied = []
    with connect() as conn:
        conn.execute("select pg_advisory_xact_lock(hashtext('cchc_migrate'))")
        if conn.execute("select to_regclass('audit.source_file') is not null"
                        " and to_regclass('audit.file_coverage') is null").fetchone()[0]:
            raise NotReady("cơ sở dữ liệu được tạo bởi phiên bản trước khi gộp lược đồ (sql/): tạo cơ sở dữ liệu mới "
                           "(với cơ sở dữ liệu cục bộ: cchc db stop, xóa thư mục .cchc/pg, rồi cchc db start) và nạp "
                           "lại các tệp từ kho lưu trữ")
        for f in sorted(paths().sql_dir.glob("*.sql")):
            conn.execute(f.read_text(encoding="utf-8"))
            applied.append(f.name)
        # Deployments name the logins the application paths connect as (docker-compose: cchc_load, cchc_build);
        # CCHC_APP_LOGIN (one login for both paths) is kept for existing deployments
        for role, group in ROLE_GROUPS.items():
            if login := os.environ.get(f"CCHC_{role.upper()}_LOGIN"):
                conn.execute(sql.SQL("grant {} to {}").format(sql.Identifier(group), sql.Identifier(login)))
        login = os.environ.get("CCHC_APP_LOGIN")
        if login:
            conn.execute(sql.SQL("grant cchc_loader, cchc_transformer to {}").format(sql.Identifier(login)))
        if _on_local_cluster():
            _local_logins(conn)
        # ... and the read-only login Metabase connects as (marts only)
        reporting = os.environ.get("CCHC_REPORTING_LOGIN")
        if reporting:
            conn.execute(sql.SQL("grant cchc_reporting to {}").format(sql.Identifier(reporting)))
    return applied


def _local_logins(conn: psycopg.Connection) -> None:
    """On the project's local cluster: a login per application path, with a generated password kept in
    $CCHC_HOME/pg/logins.json (0600), so that loads and builds never connect as the superuser."""
    path = _logins_file()
    logins = json.loads(path.read_text()) if path.exists() else {}
    for role, login in LOCAL_LOGINS.items():
        password = logins.get(role) or secrets.token_urlsafe(24)
        exists = conn.execute("select 1 from pg_roles where rolname = %s", (login,)).fetchone()
        verb = "alter" if exists else "create"
        conn.execute(sql.SQL(verb + " role {} login password {}").format(sql.Identifier(login),
                                                                         sql.Literal(password)))
        conn.execute(sql.SQL("grant {} to {}").format(sql.Identifier(ROLE_GROUPS[role]), sql.Identifier(login)))
        logins[role] = password
    fd = os.open(path.with_suffix(".tmp"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(logins, f)
    os.replace(path.with_suffix(".tmp"), path)
