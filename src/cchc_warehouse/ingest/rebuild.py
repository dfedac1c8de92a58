"""`cchc rebuild --from-archive`: the warehouse again from the archived files alone.

Every file received is archived by content with a manifest beside it (file_registry.archive): its source, name,
the period and values given with it, where it came from and when it was received. A rebuild loads the archived
files in the order they were first received — so the same file supersedes the same file — through the same load
and gate, then builds and publishes once. Into an empty database (after `cchc init` and the same reference data:
units, targets, bands) it gives the same published figures (tests/test_rebuild.py).
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_warehouse import storage
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import Publication, build_and_publish

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Archived:
    source: str
    file_name: str
    period: date | None
    given: dict
    origin: str | None
    received_at: str
    path: object                    # the archived copy (UPath)


def manifests() -> list[Archived]:
    """Every archived file with a manifest, oldest received first (a copy purged under the retention is left out,
    with a warning)."""
    root = storage.area("archive")
    out = []
    for sidecar in sorted(root.rglob("*.json")) if root.exists() else []:
        m = json.loads(sidecar.read_text(encoding="utf-8"))
        copy = sidecar.parent / m["archive_name"]
        if not copy.exists():
            log.warning("%s: the archived copy is gone (purged?), not loaded", m["file_name"])
            continue
        out.append(Archived(m["source"], m["file_name"], date.fromisoformat(m["period"]) if m["period"] else None,
                            m.get("given") or {}, m.get("origin"), m["received_at"], copy))
    return sorted(out, key=lambda a: (a.received_at, a.file_name))


def rebuild_from_archive() -> tuple[list, Publication]:
    """Load every archived file in the order first received (under its original name), then build once."""
    results = []
    with tempfile.TemporaryDirectory(prefix="cchc-rebuild-") as d:
        for i, a in enumerate(manifests()):
            local = Path(d) / f"{i:06d}" / a.file_name
            local.parent.mkdir()
            with storage.fetched(a.path) as fetched:
                shutil.copyfile(fetched, local)      # streamed: an archived file may be hundreds of MB
            (r,) = load(a.source, [local], a.period, triggered_by="rebuild", given=a.given or None,
                        origins=[a.origin] if a.origin else None)
            results.append(r)
    return results, build_and_publish(full_refresh=True, triggered_by="rebuild")
