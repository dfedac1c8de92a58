"""Lineage for OpenLineage (and Airflow's hook lineage): what each task really read and wrote.

load_file: the landed file (its store URL, file:// or s3://) -> the source's raw table. build_and_publish: the raw
tables of the files it published -> every relation its dbt build wrote (from run_results.json, kept in
audit.publication.models). The assets are reported to Airflow's hook lineage collector, which the OpenLineage
provider turns into the inputs and outputs of the task's events (postgres:// names through the postgres provider,
s3:// through the amazon provider, file:// through common.io). Without an OpenLineage transport configured the
collector is a no-op and this costs nothing.
"""

from __future__ import annotations

import functools
from urllib.parse import quote, urlsplit

from cchc_warehouse.db import database_url


def table_uri(relation: str, url: str | None = None) -> str:
    """postgres://host:port/database/schema/table for `schema.table` of the warehouse (no credentials)."""
    u = urlsplit(url or database_url())
    schema, table = relation.split(".", 1)
    database = u.path.lstrip("/") or "postgres"
    return f"postgres://{u.hostname or '127.0.0.1'}:{u.port or 5432}/{quote(database)}/{schema}/{table}"


@functools.cache
def _hook():
    from airflow.sdk import BaseHook

    class WarehouseLineage(BaseHook):
        """The warehouse as the 'hook' the collected assets are attributed to."""

        conn_name_attr = "cchc_conn_id"
        default_conn_name = "cchc_warehouse"
        hook_name = "CCHC warehouse"

        def get_conn(self):  # pragma: no cover - never used: lineage attribution only
            raise NotImplementedError

    return WarehouseLineage()


def fresh() -> None:
    """Start a task with an empty collector. Deployed, every task runs in a process of its own and this changes
    nothing; under dag.test() all tasks share one process, whose collector would otherwise carry every earlier
    task's assets into the next task's events."""
    from airflow.sdk.lineage import get_hook_lineage_collector

    get_hook_lineage_collector.cache_clear()


def report(inputs: list[str], outputs: list[str]) -> tuple[list[str], list[str]]:
    """Report asset URIs read and written by the running task; returns what was reported (for its log)."""
    from airflow.sdk.lineage import get_hook_lineage_collector

    collector = get_hook_lineage_collector()
    hook = _hook()
    for uri in inputs:
        collector.add_input_asset(hook, uri=uri)
    for uri in outputs:
        collector.add_output_asset(hook, uri=uri)
    return inputs, outputs
