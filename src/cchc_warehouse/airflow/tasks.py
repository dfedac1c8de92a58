"""What the Airflow tasks do, as plain functions (unit-tested without Airflow; the DAG files stay thin).

A run ends green only when every file it found was loaded (accepted or rejected by the gate with its reasons) and
the build published them: `verdict` lists, in Vietnamese, everything else that went wrong.
"""

from __future__ import annotations

import logging
import os
from datetime import date

from cchc_warehouse.ingest.file_states import FileState
from cchc_warehouse.ingest.landing import LandedFile, LandingError, discover, landing_root
from cchc_warehouse.periods import parse_period, period_folder, reporting_period
from cchc_warehouse.sources import SOURCES

log = logging.getLogger(__name__)
CONNECTION_ID = "cchc_warehouse"


class RunProblem(RuntimeError):
    """Why a run cannot go on or cannot end green (Vietnamese, for the task log and the run's state)."""


def task_started() -> None:
    """First thing every task does: a lineage collector of its own (see cchc_warehouse.airflow.lineage.fresh), and a
    line saying whether its worker preloaded the heavy imports (cchc_warehouse.airflow.warm)."""
    from cchc_warehouse.airflow import warm
    from cchc_warehouse.airflow.lineage import fresh

    fresh()
    log.info("heavy imports preloaded by the worker: %s", "yes" if warm.preloaded() else
             "no (each task imports GX and dbt itself; see cchc_warehouse.airflow.warm)")


def _connection_uri(conn_id: str) -> str | None:
    try:
        from airflow.sdk import BaseHook

        conn = BaseHook.get_connection(conn_id)
    except Exception:  # connection not defined: fall back to the environment / local cluster
        return None
    return conn.get_uri().replace("postgres://", "postgresql://", 1)


def use_airflow_connection(role: str | None = None) -> None:
    """Inside a task: the database it connects to and as whom. Airflow connection `cchc_warehouse`, when defined,
    gives the database URL (otherwise CCHC_DATABASE_URL or the local cluster); a task of an application path
    (role 'loader' or 'transformer') connects as that path's login: connection `cchc_loader` / `cchc_transformer`,
    else CCHC_LOADER_URL / CCHC_TRANSFORMER_URL, else the local cluster's logins (cchc_warehouse.db.role_url).
    Never called at parse time."""
    from cchc_warehouse import db

    if not os.environ.get("CCHC_DATABASE_URL") and (uri := _connection_uri(CONNECTION_ID)):
        os.environ["CCHC_DATABASE_URL"] = uri
    if role and not os.environ.get(f"CCHC_{role.upper()}_URL") and (uri := _connection_uri(f"cchc_{role}")):
        os.environ[f"CCHC_{role.upper()}_URL"] = uri
    db.act_as(role)


def discover_files(cadence: str, interval_start: date | None, params: dict) -> list[dict]:
    """The files of the run's period in the landing area; none is a failure unless the run allows an empty
    period (param allow_empty)."""
    try:
        period = reporting_period(cadence, interval_start, params.get("period"))
    except ValueError as exc:
        raise RunProblem(f"không xác định được kỳ báo cáo của lần chạy: {exc}") from None
    root = landing_root(params.get("landing_dir"))
    try:
        files = discover(root, period, cadence=cadence)
    except LandingError as exc:
        raise RunProblem(str(exc)) from None
    label = period_folder(period, cadence)
    print(f"{len(files)} tệp cho kỳ {label} trong {root}")
    if not files and not params.get("allow_empty"):
        raise RunProblem(f"không có tệp nào cho kỳ {label} trong {root}/<nguồn>/{label}/ (đặt allow_empty = true "
                         "nếu kỳ này không có tệp)")
    return [f.as_dict() for f in files]


def load_landed(item: dict, run_id: str = "manual") -> dict:
    """Load and gate one landed file, fetched from the store; returns the outcome for XCom."""
    from cchc_warehouse import storage
    from cchc_warehouse.ingest.load import load

    use_airflow_connection("loader")
    f = LandedFile(**item)
    period = parse_period(f.period, SOURCES[f.source].cadence)
    stored = f.path()
    with storage.fetched(stored) as local:
        (result,) = load(f.source, [local], period, triggered_by=f"airflow:{run_id}", origins=[str(stored)])
    if result.rows_loaded:
        from cchc_warehouse.airflow.lineage import report, table_uri

        report([str(stored)], [table_uri(SOURCES[f.source].raw_table)])
    return {"key": f.key, "file": f.name, "file_id": result.file_id, "status": str(result.status),
            "rows": result.rows_loaded, "reasons": result.reasons, "warnings": result.warnings}


def build_and_publish(run_id: str) -> dict:
    """One build at a time across runs and workers; publishes exactly the files it read."""
    from cchc_warehouse.marts.build import build_and_publish as build

    use_airflow_connection("transformer")
    p = build(triggered_by=f"airflow:{run_id}")
    if not p:
        raise RunProblem(f"dựng kho dữ liệu thất bại (lần công bố #{p.publication_id}); không tệp nào được công bố; "
                         "xem log dbt ở trên")
    from cchc_warehouse.airflow.lineage import report, table_uri

    report([table_uri(r) for r in raw_tables_of(p.file_ids)], [table_uri(m) for m in p.models])
    return {"publication_id": p.publication_id, "status": p.status, "published": p.published,
            "file_ids": p.file_ids, "models": len(p.models)}


def raw_tables_of(file_ids: list[int]) -> list[str]:
    """The raw tables the given files were loaded into."""
    from cchc_warehouse.db import connect

    if not file_ids:
        return []
    with connect() as conn:
        sources = [r[0] for r in conn.execute("select distinct source from audit.source_file where file_id = any(%s)",
                                              (list(file_ids),)).fetchall()]
    return sorted(SOURCES[s].raw_table for s in sources)


def publish_docs(publication: dict | None) -> list[str]:
    """After a publication: dbt docs and the GX data docs, rendered once for the run, into the store's docs."""
    from cchc_warehouse.reporting.docs import publish_docs as publish

    use_airflow_connection("transformer")
    return publish(publication["publication_id"] if publication else None)


def sync_dashboards() -> list[str]:
    """Provision the dashboards when Metabase is configured (CCHC_METABASE_URL), else say so in the task log."""
    from cchc_warehouse.reporting.metabase.sync import Settings, sync

    use_airflow_connection()
    settings = Settings.from_env()
    if settings is None:
        return ["Metabase: bỏ qua đồng bộ bảng điều khiển (chưa cấu hình CCHC_METABASE_URL)"]
    return [f"Metabase: {line}" for line in sync(settings).lines()]


def rejected_files(run_id: str) -> list[dict]:
    """Files this run's loads rejected (and that are still rejected), with their reasons."""
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


def file_states(file_ids: list[int]) -> dict[int, str]:
    """The registry's state of each file now (a file the run loaded must be `published` for the run to be green)."""
    from cchc_warehouse.db import connect

    if not file_ids:
        return {}
    use_airflow_connection()
    with connect() as conn:
        return dict(conn.execute("select file_id, status from audit.source_file where file_id = any(%s)",
                                 (list(file_ids),)).fetchall())


def verdict(discovered: list[dict] | None, outcomes: list[dict] | None, publication: dict | None,
            rejected: list[dict], failed_tasks: list[str] | None = None,
            states: dict[int, str] | None = None) -> list[str]:
    """Everything that keeps a run from ending green, in Vietnamese; empty when every file found was loaded and
    published. discovered: what discover returned (None: it failed); outcomes: the loads that finished (a load
    that crashed has none); publication: what build_and_publish returned (None: it failed); states: the
    registry's state now of the files the loads registered."""
    problems = []
    if discovered is None:
        problems.append("bước tìm tệp (discover) thất bại: không tệp nào được nạp (xem log của task discover)")
        discovered = []
    done = {o["key"] for o in outcomes or []}
    crashed = [d["key"] for d in discovered if d["key"] not in done]
    rejected_names = {r["file"] for r in rejected}
    crashed = [k for k in crashed if k.rsplit("/", 1)[-1] not in rejected_names]
    for r in rejected:
        problems.append(f"{r['source']}/{r['file']} bị từ chối: " + "; ".join(r["reasons"]))
    for key in crashed:
        problems.append(f"{key}: nạp tệp bị lỗi, tệp chưa được kiểm tra (xem log của task load_file)")
    if publication is None:
        problems.append("dựng và công bố kho dữ liệu (build_and_publish) thất bại hoặc không chạy")
    elif states is not None:
        for o in outcomes or []:
            state = states.get(o["file_id"])
            if o["status"] != FileState.REJECTED and state != FileState.PUBLISHED:
                problems.append(f"{o['key']}: đã nạp nhưng chưa được công bố (trạng thái: {state or 'không rõ'})")
    for task_id in failed_tasks or []:
        problems.append(f"task {task_id} thất bại (xem log của task)")
    return problems
