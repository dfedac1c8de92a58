"""dbt: build the marts from the accepted raw rows, then mark the files published."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

from cchc_warehouse.config import paths
from cchc_warehouse.db import connect, database_url, url_parts
from cchc_warehouse.ingest import file_registry as registry

log = logging.getLogger(__name__)


@contextmanager
def dbt_env() -> Iterator[dict[str, str]]:
    """Expose the warehouse connection to dbt's profiles.yml as CCHC_DB_* variables."""
    parts = url_parts(database_url())
    env = {f"CCHC_DB_{'NAME' if k == 'dbname' else k.upper()}": v for k, v in parts.items()}
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield env
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def dbt_args(command: str, *extra: str) -> list[str]:
    project = paths().dbt_project
    return [command, "--project-dir", str(project), "--profiles-dir", str(project), *extra]


def run_dbt(command: str, *extra: str) -> bool:
    from dbt.cli.main import dbtRunner

    if os.environ.get("CCHC_DBT_QUIET"):          # the demo: only dbt's errors
        extra = ("--quiet", *extra)
    with dbt_env():
        res = dbtRunner().invoke(dbt_args(command, *extra))
    if res.exception is not None:
        log.error("dbt %s failed: %s", command, res.exception)
    return bool(res.success)


def build(full_refresh: bool = False, select: str | None = None) -> bool:
    extra = ["--full-refresh"] if full_refresh else []
    if select:
        extra += ["--select", select]
    return run_dbt("build", *extra)


def publish() -> int:
    with connect() as conn:
        return registry.mark_published(conn)


def build_and_publish(full_refresh: bool = False) -> bool:
    """Build; only when every model and test passed are the loaded files marked published."""
    if not build(full_refresh=full_refresh):
        return False
    n = publish()
    log.info("%d file(s) published", n)
    return True
