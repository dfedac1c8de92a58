"""The documentation auditors read, rendered once per publication into the store's docs area (any worker can,
every reader finds it in one place): dbt docs (models, columns, the rules' docs blocks, lineage) and GX data docs
(the suites, and the validation of every file the publication took, from audit.gx_validation)."""

from __future__ import annotations

import hashlib
import tempfile
from importlib.metadata import version
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict
from upath import UPath

from cchc_warehouse import storage
from cchc_warehouse.config import paths
from cchc_warehouse.db import connect, database_url
from cchc_warehouse.sources import SOURCES

SITE = "cchc_data_docs"
DBT_DOCS_VERSION = "code_version.txt"    # beside the published dbt docs: what they were generated from


def gx_data_docs(file_ids: list[int] | None = None) -> UPath:
    """GX data docs of the suites and of the given files' validations (None: every file's latest)."""
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    from cchc_warehouse.gate.run import gx_module, suite_from_file

    gx = gx_module()
    with connect() as conn:
        rows = conn.execute(
            """select suite_name, run_name, run_time, batch_identifier, result from audit.gx_validation
                where %s::bigint[] is null or file_id = any(%s) order by file_id""",
            (file_ids, file_ids)).fetchall()
    target = storage.area("docs") / "gx"
    with tempfile.TemporaryDirectory(prefix="cchc-gx-docs-") as d:
        context = gx.get_context(mode="ephemeral")
        context.add_data_docs_site(SITE, {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": d},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        })
        for source in SOURCES:
            context.suites.add_or_update(suite_from_file(source))
        store = context.validation_results_store
        for suite_name, run_name, run_time, batch, result in rows:
            key = ValidationResultIdentifier(ExpectationSuiteIdentifier(name=suite_name),
                                             RunIdentifier(run_name=run_name, run_time=run_time), batch)
            store.set(key, store.deserialize(result))
        context.build_data_docs(site_names=[SITE])
        storage.put_tree(Path(d), target)
    return target / "index.html"


def dbt_docs_version() -> str:
    """What the dbt docs are a function of: the dbt project (marts.build.project_version), the warehouse's DDL (sql/:
    the raw tables the sources describe), dbt's own version and the database described. Not the data: dbt-postgres's
    catalogue holds names, types and comments, no row counts, so a month's publication leaves the docs as they were."""
    from cchc_warehouse.marts.build import project_version

    digest = hashlib.sha256(project_version().encode() + b"\0")
    for path in sorted(paths().sql_dir.glob("*.sql")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    db = conninfo_to_dict(database_url())
    for part in (version("dbt-core"), version("dbt-postgres"), db.get("host"), db.get("port"), db.get("dbname")):
        digest.update(f"{part}\0".encode())
    return digest.hexdigest()


def dbt_docs(force: bool = False) -> tuple[UPath | None, bool]:
    """`dbt docs generate` (models, columns, docs blocks, lineage, the warehouse's catalogue), published as a
    static site, and whether it was generated now: the published site is kept when it was generated from the same
    code (dbt_docs_version; force: generate anyway). Under the build lock: it writes dbt's target folder, which a
    build on this worker also writes."""
    from cchc_warehouse.marts.build import build_lock, run_dbt

    built = paths().home / "dbt" / "target"
    target = storage.area("docs") / "dbt"
    marker = target / DBT_DOCS_VERSION
    with build_lock():
        current = dbt_docs_version()
        if not force and (target / "index.html").exists() and marker.exists() and marker.read_text() == current:
            return target / "index.html", False
        if not run_dbt("docs generate"):
            return None, False
        for name in ("index.html", "manifest.json", "catalog.json"):
            if (built / name).exists():
                storage.put(built / name, target / name)
        with tempfile.TemporaryDirectory(prefix="cchc-dbt-docs-") as d:    # last: a site half put is redone
            (Path(d) / DBT_DOCS_VERSION).write_text(current)
            storage.put(Path(d) / DBT_DOCS_VERSION, marker)
    return target / "index.html", True


def publish_docs(publication_id: int | None, force: bool = False) -> list[str]:
    """Both sites, for the files of one publication (None: every file). The GX data docs are rendered every time
    (they show the publication's validations); the dbt docs only when the code they describe changed (force: always).
    Returns what to tell the reader."""
    file_ids = None
    if publication_id is not None:
        with connect() as conn:
            row = conn.execute("select file_ids from audit.publication where publication_id = %s",
                               (publication_id,)).fetchone()
        file_ids = list(row[0]) if row else []
    lines = [f"GX data docs: {gx_data_docs(file_ids)}"]
    dbt, generated = dbt_docs(force)
    if dbt is None:
        lines.append("dbt docs: không tạo được (xem log dbt)")
    else:
        lines.append(f"dbt docs: {dbt}" + ("" if generated else " (giữ bản đã tạo: mã dbt và cấu trúc kho không đổi)"))
    return lines
