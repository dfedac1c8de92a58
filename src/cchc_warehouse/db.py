"""Connections and schema migrations. CCHC_DATABASE_URL, when set, wins over the local cluster."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from cchc_warehouse import localdb
from cchc_warehouse.config import paths


def database_url() -> str:
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
        # Deployments name the login user the services connect as (docker-compose: cchc_app).
        login = os.environ.get("CCHC_APP_LOGIN")
        if login:
            conn.execute(sql.SQL("grant cchc_loader, cchc_transformer to {}").format(sql.Identifier(login)))
        # ... and the read-only login Metabase connects as (marts only)
        reporting = os.environ.get("CCHC_REPORTING_LOGIN")
        if reporting:
            conn.execute(sql.SQL("grant cchc_reporting to {}").format(sql.Identifier(reporting)))
    return applied
