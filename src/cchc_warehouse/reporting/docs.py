"""The documentation auditors read, rendered once per publication into the store's docs area (any worker can,
every reader finds it in one place): dbt docs (models, columns, the rules' docs blocks, lineage) and GX data docs
(the suites, and the validation of every file the publication took, from audit.gx_validation)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from upath import UPath

from cchc_warehouse import storage
from cchc_warehouse.config import paths
from cchc_warehouse.db import connect
from cchc_warehouse.sources import SOURCES

SITE = "cchc_data_docs"


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


def dbt_docs() -> UPath | None:
    """`dbt docs generate` (models, columns, docs blocks, lineage, the warehouse's catalogue), published as a
    static site. Under the build lock: it writes dbt's target folder, which a build on this worker also writes."""
    from cchc_warehouse.marts.build import build_lock, run_dbt

    built = paths().home / "dbt" / "target"
    target = storage.area("docs") / "dbt"
    with build_lock():
        if not run_dbt("docs generate"):
            return None
        for name in ("index.html", "manifest.json", "catalog.json"):
            if (built / name).exists():
                storage.put(built / name, target / name)
    return target / "index.html"


def publish_docs(publication_id: int | None) -> list[str]:
    """Both sites, for the files of one publication (None: every file). Returns what to tell the reader."""
    file_ids = None
    if publication_id is not None:
        with connect() as conn:
            row = conn.execute("select file_ids from audit.publication where publication_id = %s",
                               (publication_id,)).fetchone()
        file_ids = list(row[0]) if row else []
    lines = [f"GX data docs: {gx_data_docs(file_ids)}"]
    dbt = dbt_docs()
    lines.append(f"dbt docs: {dbt}" if dbt else "dbt docs: không tạo được (xem log dbt)")
    return lines
