"""What the Airflow tasks do, as plain functions (unit-tested without Airflow; the DAG file stays thin)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from cchc_warehouse.ingest.file_states import FileState
from cchc_warehouse.ingest.landing import LandedFile
from cchc_warehouse.periods import parse_period
from cchc_warehouse.sources import SOURCES

log = logging.getLogger(__name__)
CONNECTION_ID = "cchc_warehouse"


def use_airflow_connection() -> None:
    """Inside a task: an Airflow connection `cchc_warehouse`, when defined, gives the database URL
    (otherwise CCHC_DATABASE_URL or the local cluster). Never called at parse time."""
    if os.environ.get("CCHC_DATABASE_URL"):
        return
    try:
        from airflow.sdk import BaseHook

        conn = BaseHook.get_connection(CONNECTION_ID)
    except Exception:  # connection not defined: fall back to the environment / local cluster
        return
    uri = conn.get_uri()
    os.environ["CCHC_DATABASE_URL"] = uri.replace("postgres://", "postgresql://", 1)


def load_landed(item: dict, run_id: str = "manual") -> dict:
    """Load and gate one file; returns the outcome (status, reasons, warnings) for XCom."""
    from cchc_warehouse.ingest.load import load

    use_airflow_connection()
    f = LandedFile(**item)
    period = parse_period(f.period, SOURCES[f.source].cadence)
    (result,) = load(f.source, [Path(f.path)], period, triggered_by=f"airflow:{run_id}")
    return {"file": f.name, "file_id": result.file_id, "status": result.status, "rows": result.rows_loaded,
            "reasons": result.reasons, "warnings": result.warnings}


def build_marts() -> None:
    from cchc_warehouse.marts.build import build

    use_airflow_connection()
    if not build():
        raise RuntimeError("dbt build failed: see the dbt log above; nothing was published")


def publish_loaded() -> int:
    from cchc_warehouse.gate.run import build_data_docs
    from cchc_warehouse.marts.build import publish

    use_airflow_connection()
    n = publish()
    build_data_docs()
    for line in sync_metabase_if_configured():
        print(line)
    return n


def sync_metabase_if_configured() -> list[str]:
    """After publication: provision the dashboards when Metabase is configured (CCHC_METABASE_URL), else say
    so visibly in the task log."""
    from cchc_warehouse.reporting.metabase.sync import Settings, sync

    settings = Settings.from_env()
    if settings is None:
        return ["Metabase: bỏ qua đồng bộ bảng điều khiển (chưa cấu hình CCHC_METABASE_URL)"]
    return [f"Metabase: {line}" for line in sync(settings).lines()]


def rejected_files(run_id: str) -> list[dict]:
    """Files this run's loads rejected (and that are still rejected)."""
    from cchc_warehouse.db import connect

    use_airflow_connection()
    with connect() as conn:
        rows = conn.execute(
            """select f.source, f.file_name, f.reasons
                 from audit.source_file f join audit.load l on l.load_id = f.load_id
                where f.status = %s and l.triggered_by = %s
                order by f.file_id""",
            (FileState.REJECTED, f"airflow:{run_id}"),
        ).fetchall()
    return [{"source": s, "file": n, "reasons": r} for s, n, r in rows]
