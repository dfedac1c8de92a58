"""dbt: build the marts from the accepted raw rows, then mark exactly the files the build read published."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from cchc_warehouse import faults, locks
from cchc_warehouse.config import paths
from cchc_warehouse.db import connect, database_url, url_parts
from cchc_warehouse.ingest import file_registry as registry

log = logging.getLogger(__name__)


@contextmanager
def dbt_env() -> Iterator[dict[str, str]]:
    """Expose the warehouse connection to dbt's profiles.yml as CCHC_DB_* variables, and give dbt's sessions the
    sort memory of a batch job (PGOPTIONS, read by libpq: dbt's profile has no session settings): with the server's
    default 4 MB the window sorts over a month's touched dossiers spill to disk (a 14 MB external merge for 70k
    rows of a 50,000-dossier province); the national month's Postgres peak stayed at 1.3 GiB with 64 MB."""
    parts = url_parts(database_url())
    env = {f"CCHC_DB_{'NAME' if k == 'dbname' else k.upper()}": v for k, v in parts.items()}
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    work_mem = os.environ.get("CCHC_DBT_WORK_MEM", "64MB")
    env["PGOPTIONS"] = f"{os.environ.get('PGOPTIONS', '')} -c work_mem={work_mem}".strip()
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
    """dbt's own files (compiled SQL, run results, docs) go under $CCHC_HOME, not into the checkout: two workers
    sharing one checkout never write over each other's. `command` may be several words ("docs generate")."""
    project = paths().dbt_project
    work = paths().home / "dbt"
    return [*command.split(), "--project-dir", str(project), "--profiles-dir", str(project),
            "--target-path", str(work / "target"), "--log-path", str(work / "logs"), *extra]


def run_dbt(command: str, *extra: str) -> bool:
    from dbt.cli.main import dbtRunner

    if os.environ.get("CCHC_DBT_QUIET"):          # the demo: only dbt's errors
        extra = ("--quiet", *extra)
    with dbt_env():
        res = dbtRunner().invoke(dbt_args(command, *extra))
    if res.exception is not None:
        log.error("dbt %s failed: %s", command, res.exception)
    return bool(res.success)


def build(full_refresh: bool = False, select: str | None = None, shadow: bool = True,
          lag_from_live: bool = False, unit_tests: bool = True) -> bool:
    """`dbt build` (models, seeds, data tests, unit tests) into the shadow generation (staging__next, ...). Run it
    through build_and_publish, which swaps the generations when it passed. lag_from_live: the live generation was
    built complete by this code, one publication after the shadow (macros/lag_from_live.sql). unit_tests: False
    leaves them out: they test the code on fixed inputs, not the data (dbt's advice: not in every production run),
    and build_and_publish leaves them out only when this very code already passed them building the generation."""
    extra = ["--full-refresh"] if full_refresh else []
    if not unit_tests:
        extra += ["--exclude-resource-type", "unit_test"]
    if select:
        extra += ["--select", select]
    if shadow:
        extra += ["--vars", json.dumps({"shadow": True, "lag_from_live": lag_from_live})]
    return run_dbt("build", *extra)


def project_version() -> str:
    """A fingerprint of the dbt project as it is on disk (every file but dbt's own output): the code a generation
    is built with. Incremental models keep the rows earlier builds computed, so a generation built by other code
    (a formula, a seed, an index changed) gets a full refresh instead (audit.mart_generation.code_version)."""
    root = paths().dbt_project
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_file() and rel.parts[0] not in ("target", "logs", "dbt_packages") \
                and not any(part.startswith(".") for part in rel.parts):
            digest.update(rel.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@contextmanager
def build_lock() -> Iterator[None]:
    """One build at a time, whatever runs it (CLI, any Airflow worker): a Postgres advisory lock held by a
    connection of its own for the whole build and publication. A second build waits for the first."""
    with locks.held(locks.BUILD, "build"):
        yield


@dataclass
class Publication:
    publication_id: int | None
    status: str                          # published | failed
    file_ids: list[int] = field(default_factory=list)
    published: int = 0                   # files marked published
    models: list[str] = field(default_factory=list)   # relations the build wrote (schema.table)

    def __bool__(self) -> bool:
        return self.status == "published"


def start_publication(conn, triggered_by: str, full_refresh: bool) -> tuple[int, list[int]]:
    """Take the files that await publication now; a publication left running by a build that died (its lock is
    gone, since we hold it) is closed as failed first."""
    conn.execute("""update audit.publication set status = 'failed', finished_at = now(),
                           message = 'bị gián đoạn (tiến trình dựng kho dừng giữa chừng)'
                     where status = 'running'""")
    return conn.execute(
        """insert into audit.publication (status, triggered_by, full_refresh, file_ids)
           select 'running', %s, %s, coalesce(array_agg(f.file_id order by f.file_id), '{}')
             from audit.source_file f join audit.file_state s on s.state = f.status
            where s.awaits_publication
           returning publication_id, file_ids""", (triggered_by, full_refresh)).fetchone()


def build_and_publish(full_refresh: bool = False, triggered_by: str = "cli") -> Publication:
    """Build the warehouse from the files accepted when the build starts, into the shadow generation; only when
    every model and test passed, make it live and mark exactly those files published, in one transaction. Readers
    never see a half-built warehouse: a build that fails or dies (kill -9, the server stopping) leaves the live
    generation as it was. Files accepted meanwhile are neither read nor published: the next build takes them."""
    with build_lock():
        with connect() as conn:
            publication_id, file_ids = start_publication(conn, triggered_by, full_refresh)
            version = project_version()
            # incremental only into a generation complete, published and built by this very code; what only the
            # last publication's files changed is copied from the live generation if it too is all that
            complete, live_same = conn.execute(
                """select s.complete and s.publication_id is not null and s.code_version = %(v)s,
                          l.complete and l.publication_id is not null and l.code_version = %(v)s
                     from audit.mart_generation s, audit.mart_generation l
                    where s.generation = 'shadow' and l.generation = 'live'""", {"v": version}).fetchone()
            # incomplete until this build succeeds: a build that dies in it leaves it for a full refresh
            conn.execute("update audit.mart_generation set complete = false where generation = 'shadow'")
        full = full_refresh or not complete
        # an incremental build runs the code the generation was last built with: its unit tests passed then
        ok = build(full_refresh=full, lag_from_live=bool(live_same) and not full, unit_tests=full)
        if not ok:
            with connect() as conn:
                conn.execute("""update audit.publication set status = 'failed', finished_at = now(),
                                       message = 'dbt build thất bại' where publication_id = %s""", (publication_id,))
            return Publication(publication_id, "failed", list(file_ids))
        models = built_relations()
        faults.point("build:before_swap")
        with connect() as conn:                  # one transaction: swap, generations, files, publication
            conn.execute("select audit.swap_generations()")
            conn.execute("""update audit.mart_generation as g
                               set publication_id = case g.generation when 'live' then %s else l.publication_id end,
                                   complete = case g.generation when 'live' then true else l.complete end,
                                   code_version = case g.generation when 'live' then %s else l.code_version end
                              from (select publication_id, complete, code_version from audit.mart_generation
                                     where generation = 'live') as l""", (publication_id, version))
            n = registry.mark_published(conn, file_ids)
            record_published_values(conn, publication_id)
            conn.execute("update audit.publication set status = 'published', finished_at = now(), models = %s "
                         "where publication_id = %s", (models, publication_id))
            faults.point("build:in_swap")
    log.info("publication %s: %d file(s) published, %d relation(s) built", publication_id, n, len(models))
    return Publication(publication_id, "published", list(file_ids), n, models)


def record_published_values(conn, publication_id: int) -> int:
    """Append to audit.published_indicator_value what this publication changed of the live indicator values
    (inside the publication's transaction, after the swap): new or different rows, and rows gone (removed)."""
    cur = conn.execute(
        """insert into audit.published_indicator_value
                  (publication_id, unit_code, unit_valid_from, period, indicator_code, numerator, denominator, value,
                   source, removed)
           with live as (
               select unit_code, unit_valid_from, period, indicator_code, numerator, denominator, value, source
                 from marts.rpt_indicator_value),
           latest as (
               select distinct on (unit_code, unit_valid_from, period, indicator_code) *
                 from audit.published_indicator_value
                order by unit_code, unit_valid_from, period, indicator_code, publication_id desc)
           select %(p)s, l.unit_code, l.unit_valid_from, l.period, l.indicator_code, l.numerator, l.denominator,
                  l.value, l.source, false
             from live l left join latest p using (unit_code, unit_valid_from, period, indicator_code)
            where p.unit_code is null or p.removed
               or (l.numerator, l.denominator, l.value, l.source)
                  is distinct from (p.numerator, p.denominator, p.value, p.source)
           union all
           select %(p)s, p.unit_code, p.unit_valid_from, p.period, p.indicator_code, null, null, null, null, true
             from latest p left join live l using (unit_code, unit_valid_from, period, indicator_code)
            where l.unit_code is null and not p.removed""", {"p": publication_id})
    return cur.rowcount


def built_relations() -> list[str]:
    """The tables and views the last dbt build wrote (schema.table, from its run_results.json): what a
    publication changed, for auditors and lineage. Read under the build lock, before anything else writes it."""
    results = paths().home / "dbt" / "target" / "run_results.json"
    if not results.exists():
        return []
    out = set()
    for r in json.loads(results.read_text(encoding="utf-8")).get("results", []):
        relation = r.get("relation_name")
        if r.get("status") == "success" and relation and r.get("unique_id", "").startswith(("model.", "seed.")):
            schema, table = relation.replace('"', "").split(".")[-2:]        # without the database
            out.add(f"{schema.removesuffix('__next')}.{table}")               # as published
    return sorted(out)
