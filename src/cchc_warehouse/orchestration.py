"""What the Airflow tasks do, as plain functions (unit-tested without Airflow; the DAG file stays thin)."""

from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from .config import paths
from .periods import format_month, parse_month, parse_period
from .sources import SOURCES, sources_by_cadence

log = logging.getLogger(__name__)
SUPPORTED_SUFFIXES = (".csv", ".xlsx", ".txt", ".tsv")
CONNECTION_ID = "cchc_warehouse"


@dataclass(frozen=True)
class LandedFile:
    source: str
    period: str          # YYYY-MM, or YYYY for a yearly source
    path: str
    name: str

    def as_dict(self) -> dict:
        return asdict(self)


def reporting_period(cadence: str, data_interval_start: date | None, override: str | None) -> date:
    """The month (first day) or year (1 January) a run reports on: the `period` param when given, else
    the start of the run's data interval."""
    if cadence == "year":
        if override:
            return parse_period(override, "year")
        if data_interval_start is None:
            raise ValueError("no period: pass the `period` param (YYYY)")
        return date(data_interval_start.year, 1, 1)
    return reporting_month(data_interval_start, override)


def period_folder(period: date, cadence: str) -> str:
    return str(period.year) if cadence == "year" else format_month(period)


def reporting_month(data_interval_start: date | None, override: str | None) -> date:
    """The month a run reports on: the `period` param when given, else the run's data interval
    (a monthly schedule's interval is the previous month)."""
    if override:
        return parse_month(override)
    if data_interval_start is None:
        raise ValueError("no period: pass the `period` param (YYYY-MM)")
    return date(data_interval_start.year, data_interval_start.month, 1)


def landing_dir(override: str | None) -> Path:
    return Path(override) if override else paths().landing


def discover(landing: Path, period: date, sources: list[str] | None = None, cadence: str = "month") -> list[LandedFile]:
    """Files under landing/<source>/<YYYY-MM>/ (monthly sources) or landing/<source>/<YYYY>/ (yearly
    sources), sorted by source and name (one mapped task each)."""
    found = []
    label = period_folder(period, cadence)
    for source in sources or sources_by_cadence(cadence):
        folder = landing / source / label
        if not folder.is_dir():
            continue
        for f in sorted(folder.iterdir()):
            if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith((".", "~$")):
                found.append(LandedFile(source, label, str(f), f.name))
    return found


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
    from .loader import load

    use_airflow_connection()
    f = LandedFile(**item)
    period = parse_period(f.period, SOURCES[f.source].cadence)
    (result,) = load(f.source, [Path(f.path)], period, triggered_by=f"airflow:{run_id}")
    return {"file": f.name, "file_id": result.file_id, "status": result.status, "rows": result.rows_loaded,
            "reasons": result.reasons, "warnings": result.warnings}


def build_marts() -> None:
    from .transform import build

    use_airflow_connection()
    if not build():
        raise RuntimeError("dbt build failed: see the dbt log above; nothing was published")


def publish_loaded() -> int:
    from .gate import build_data_docs
    from .transform import publish

    use_airflow_connection()
    n = publish()
    build_data_docs()
    for line in sync_metabase_if_configured():
        print(line)
    return n


def sync_metabase_if_configured() -> list[str]:
    """After publication: provision the dashboards when Metabase is configured (CCHC_METABASE_URL), else say
    so visibly in the task log."""
    from .metabase.sync import Settings, sync

    settings = Settings.from_env()
    if settings is None:
        return ["Metabase: bỏ qua đồng bộ bảng điều khiển (chưa cấu hình CCHC_METABASE_URL)"]
    return [f"Metabase: {line}" for line in sync(settings).lines()]


def rejected_files(run_id: str) -> list[dict]:
    """Files this run's loads rejected (and that are still rejected)."""
    from .db import connect

    use_airflow_connection()
    with connect() as conn:
        rows = conn.execute(
            """select f.source, f.file_name, f.reasons
                 from audit.source_file f join audit.load l on l.load_id = f.load_id
                where f.status = 'rejected' and l.triggered_by = %s
                order by f.file_id""",
            (f"airflow:{run_id}",),
        ).fetchall()
    return [{"source": s, "file": n, "reasons": r} for s, n, r in rows]
