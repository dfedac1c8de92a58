"""The quality gate: run a source's GX checkpoint on one file's rows, inside Postgres.

Suites and checkpoint definitions are read from expectations/ (written by `cchc generate`). The GX context is
ephemeral, built once per process (a worker validates many files without rebuilding it) and writes nothing to disk:
every result goes to Postgres (audit.validation_result per check, audit.gx_validation the whole GX result), where
any worker and any auditor finds it. Data docs are rendered from there once per publication
(cchc_warehouse.reporting.docs). The connection string reaches GX through an environment variable, so no secret is
written to its config.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from psycopg.types.json import Jsonb

from cchc_warehouse.db import connect, sqlalchemy_url
from cchc_warehouse.gate import lazy_imports
from cchc_warehouse.gate.suites import checkpoint_path, suite_path
from cchc_warehouse.sources import get_source

CONN_ENV = "CCHC_GX_CONNECTION_STRING"
MAX_EXAMPLES = 20
log = logging.getLogger(__name__)
_LOCK = threading.Lock()          # GX contexts are not thread-safe: one validation at a time per process


@dataclass
class GateOutcome:
    blocking: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def gx_module():
    logging.getLogger("great_expectations._docs_decorators").setLevel(logging.WARNING)
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    lazy_imports.install()          # scipy.stats and altair: imported by GX, never used by the gate
    import great_expectations as gx

    for name in list(logging.root.manager.loggerDict):   # GX sets levels of its own on some of its loggers
        if name.startswith("great_expectations"):
            logging.getLogger(name).setLevel(logging.WARNING)
    return gx


def suite_from_file(source: str):
    gx = gx_module()
    return gx.ExpectationSuite(**json.loads(suite_path(source).read_text(encoding="utf-8")))


@functools.cache
def _context(database_url: str):
    """The process's ephemeral GX context for one warehouse (cached: built once, reused for every file)."""
    gx = gx_module()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)   # noise in task logs
    return context


@functools.cache
def _checkpoint(database_url: str, source: str):
    gx = gx_module()
    from great_expectations.core.partitioners import PartitionerColumnValue

    context = _context(database_url)
    cp_def = json.loads(checkpoint_path(source).read_text(encoding="utf-8"))
    suite = context.suites.add_or_update(suite_from_file(source))
    try:                    # one data source for every source's asset: replacing it would drop the others'
        ds = context.data_sources.get(cp_def["data_source"])
    except KeyError:
        ds = context.data_sources.add_postgres(cp_def["data_source"], connection_string="${" + CONN_ENV + "}")
    a = cp_def["asset"]
    try:
        asset = ds.get_asset(a["name"])
    except LookupError:
        asset = ds.add_table_asset(a["name"], table_name=a["table_name"], schema_name=a["schema_name"])
    b = cp_def["batch_definition"]
    try:
        batch_def = asset.get_batch_definition(b["name"])
    except KeyError:
        batch_def = asset.add_batch_definition(
            b["name"], partitioner=PartitionerColumnValue(column_name=b["partition_column"]),
            validate_partitioner=False)  # GX validates only date partitioners; file_id is an integer
    vd = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=cp_def["name"], data=batch_def, suite=suite))
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(name=cp_def["name"], validation_definitions=[vd], result_format={"result_format": "COMPLETE"}))
    return checkpoint, b["partition_column"]


def _findings(result: dict) -> list[tuple[str | None, str, int | None, list[dict]]]:
    """(contract column, Vietnamese text, count, examples) for each problem a result reports. A check
    covering several row checks (meta.checks) returns rows with check_key and n: one finding per check."""
    cfg = result["expectation_config"]
    meta = cfg.get("meta") or {}
    r = result.get("result") or {}
    rows = (r.get("details") or {}).get("unexpected_rows") or []
    if "checks" in meta:
        found = []
        for key, check in meta["checks"].items():
            mine = [x for x in rows if x.get("check_key") == key]
            if mine:
                found.append((check["column"], check["text"], int(mine[0]["n"]),
                              [_example(x) for x in mine[:MAX_EXAMPLES]]))
        return found or [(None, meta.get("message_vi", cfg["type"]), r.get("observed_value"), [])]
    examples = [_example(x) for x in rows[:MAX_EXAMPLES]]
    return [(meta.get("column"), meta.get("message_vi", cfg["type"]), r.get("observed_value"), examples)]


def _example(row: dict) -> dict:
    return {"source_row": row.get("source_row"), "source_sheet": row.get("source_sheet"), "value": row.get("value")}


def _message(file_name: str, header: str | None, text: str, count: int | None, examples: list[dict]) -> str:
    where = f"Tệp {file_name}" + (f", cột '{header}'" if header else "")
    parts = []
    for ex in examples:
        value = "trống" if ex["value"] in (None, "") else repr(ex["value"])
        sheet = f"trang '{ex['source_sheet']}', " if ex.get("source_sheet") else ""
        parts.append(f"{sheet}dòng {ex['source_row']} ({value})" if ex["source_row"] is not None else str(ex["value"]))
    more = f" … tổng cộng {count}" if count and count > len(examples) else ""
    return f"{where}: {text}: " + "; ".join(parts) + more if parts else f"{where}: {text}"


def gate_timeout_seconds() -> int:
    return int(os.environ.get("CCHC_GATE_TIMEOUT_S", "") or 900)


def gate_url() -> str:
    """The warehouse's SQLAlchemy URL for GX, with a statement timeout: a check that cannot finish rejects the file
    with a reason instead of holding the load for ever (CCHC_GATE_TIMEOUT_S, default 900)."""
    parts = urlsplit(sqlalchemy_url())
    query = dict(parse_qsl(parts.query))
    query["options"] = (query.get("options", "") + f" -c statement_timeout={gate_timeout_seconds() * 1000}").strip()
    return urlunsplit(parts._replace(query=urlencode(query, quote_via=quote)))


def _raised(info: dict) -> tuple[bool, str]:
    """Whether a check raised, and the message: GX reports it at the top of exception_info, or per metric
    ({MetricConfigurationID: {raised_exception, exception_message}}) when a metric's query failed."""
    found = [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, dict)]
    for e in found:
        if e.get("raised_exception"):
            return True, str(e.get("exception_message") or "")
    return False, ""


def _did_not_run(cfg: dict, message: str) -> str:
    if "statement timeout" in message:
        return (f"kiểm tra chất lượng không xong trong {gate_timeout_seconds()} giây (CCHC_GATE_TIMEOUT_S); "
                "tệp chưa được nhận, hãy báo quản trị kho dữ liệu")
    return f"lỗi khi kiểm tra ({cfg.get('description') or cfg['type']}): {message.splitlines()[0][:200]}"


def validate_file(source: str | Any, file_id: int, file_name: str, header_map: dict[str, str]) -> GateOutcome:
    spec = get_source(source) if isinstance(source, str) else source
    url = gate_url()
    os.environ[CONN_ENV] = url
    with _LOCK:
        checkpoint, partition_column = _checkpoint(url, spec.name)
        run = checkpoint.run(batch_parameters={partition_column: file_id})
    outcome = GateOutcome()
    rows = []
    validations = []

    def header_of(contract: str | None) -> str | None:
        if not contract:
            return None
        return header_map.get(contract) or next((c.header for c in spec.columns if c.name == contract), contract)

    for key, vr in run.run_results.items():
        whole = vr.to_json_dict()
        validations.append((file_id, whole.get("suite_name"), key.run_id.run_name, key.run_id.run_time,
                            str(key.batch_identifier), Jsonb(whole, dumps=lambda o: json.dumps(o, default=str))))
        for res in whole["results"]:
            cfg = res["expectation_config"]
            severity = cfg.get("severity", "critical")
            observed = json.dumps((res.get("result") or {}).get("observed_value"), ensure_ascii=False, default=str)
            full = Jsonb(res, dumps=lambda o: json.dumps(o, default=str))
            if res["success"]:
                rows.append((file_id, f"{spec.name}.gate", cfg["type"], None, severity, True, observed,
                             0, Jsonb([]), None, full))
                continue
            failed_to_run, message = _raised(res.get("exception_info") or {})
            if failed_to_run:         # a check that did not run blocks the file, whatever its severity
                findings = [(None, _did_not_run(cfg, message), None, [])]
            else:
                findings = _findings(res)
            for contract, text, count, examples in findings:
                msg = _message(file_name, header_of(contract), text, count, examples)
                (outcome.blocking if severity == "critical" or failed_to_run else outcome.warnings).append(msg)
                rows.append((file_id, f"{spec.name}.gate", cfg["type"], header_of(contract), severity, False,
                             observed, count, Jsonb(examples), msg, full))
    with connect() as conn:
        conn.execute("delete from audit.validation_result where file_id = %s", (file_id,))
        conn.execute("delete from audit.gx_validation where file_id = %s", (file_id,))
        conn.cursor().executemany(
            """insert into audit.validation_result
                 (file_id, suite_name, expectation_type, column_name, severity, success, observed_value,
                  unexpected_count, examples, message, gx_result)
               values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""", rows)
        conn.cursor().executemany(
            """insert into audit.gx_validation (file_id, suite_name, run_name, run_time, batch_identifier, result)
               values (%s, %s, %s, %s, %s, %s)""", validations)
    return outcome
