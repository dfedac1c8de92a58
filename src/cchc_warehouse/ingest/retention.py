"""How long the archive keeps the files received (they hold applicants' personal data as sent): a setting, and the
purge that applies it. The registry keeps every file's name, hash, state and reasons for ever; only the copy goes."""

from __future__ import annotations

import os
from dataclasses import dataclass

from cchc_warehouse import storage
from cchc_warehouse.db import connect

DEFAULT_DAYS = 5 * 365


def retention_days() -> int:
    """CCHC_ARCHIVE_RETENTION_DAYS (default five years): an archived file whose newest registration is older is
    purged by `cchc archive purge`."""
    return int(os.environ.get("CCHC_ARCHIVE_RETENTION_DAYS") or DEFAULT_DAYS)


@dataclass
class Purged:
    archive_path: str
    file_names: list[str]


def purge(days: int | None = None, dry_run: bool = False) -> list[Purged]:
    """Delete archived copies received more than `days` ago (every file that shares the copy, by content, must be
    that old); the registry records when (audit.source_file.archive_purged_at) and keeps the sha256."""
    days = retention_days() if days is None else days
    with connect() as conn:
        rows = conn.execute(
            """select archive_path, array_agg(file_name order by file_id) from audit.source_file
                where archive_path is not null group by archive_path
               having max(received_at) < now() - make_interval(days => %s) order by 1""", (days,)).fetchall()
        out = [Purged(path, list(names)) for path, names in rows]
        if dry_run:
            return out
        for p in out:
            target = storage.make_path(p.archive_path)
            if target.exists():
                target.unlink()
            sha = target.name.split(".")[0]
            for sidecar in target.parent.glob(f"{sha}.*.json"):     # its manifests: nothing left to rebuild from
                sidecar.unlink()
            conn.execute("update audit.source_file set archive_path = null, archive_purged_at = now() "
                         "where archive_path = %s", (p.archive_path,))
            conn.commit()           # each copy gone is recorded at once: an interrupted purge loses no record
    return out
