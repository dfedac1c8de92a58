"""The file registry in the audit schema: every file received, its status and reasons."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb

from cchc_warehouse import storage
from cchc_warehouse.ingest.file_states import FileState


@dataclass
class FileResult:
    path: Path
    source: str
    file_id: int | None = None
    status: str = FileState.VALIDATING   # a FileState, or 'duplicate' (the same content was accepted before)
    rows_loaded: int = 0
    period: str | None = None
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.status == "duplicate" or FileState(self.status).is_accepted


def file_digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def archive(path: Path, sha256: str) -> str:
    """Content-addressed copy kept for auditors, whatever the file's fate, in the store's archive (readable by the
    service user only on a local store). Returns its URL."""
    target = storage.area("archive") / sha256[:2] / f"{sha256}{path.suffix.lower()}"
    if not target.exists():
        storage.put(path, target, private=True)
    return str(target)


def start_load(conn: psycopg.Connection, source: str, triggered_by: str) -> int:
    return conn.execute(
        "insert into audit.load (source, triggered_by) values (%s, %s) returning load_id", (source, triggered_by)
    ).fetchone()[0]


def finish_load(conn: psycopg.Connection, load_id: int, ok: bool) -> None:
    conn.execute(
        "update audit.load set finished_at = now(), status = %s where load_id = %s",
        ("finished" if ok else "failed", load_id),
    )


def register(conn: psycopg.Connection, source: str, path: Path, sha256: str, size: int, archived: str,
             load_id: int, raw_table: str, origin: str | None = None) -> tuple[int, str | None]:
    """Register a file; returns (file_id, previous status). A file already loaded is not touched;
    one that was rejected or interrupted is reset so it can be validated again. origin: where it was received
    (its landing URL), else its local path."""
    origin = origin or str(path.resolve())
    conn.execute("select pg_advisory_xact_lock(hashtext(%s))", (f"{source}:{sha256}",))
    row = conn.execute(
        "select file_id, status from audit.source_file where source = %s and sha256 = %s", (source, sha256)
    ).fetchone()
    if row is None:
        file_id = conn.execute(
            """insert into audit.source_file
                 (source, sha256, size_bytes, file_name, original_path, archive_path, load_id, status)
               values (%s, %s, %s, %s, %s, %s, %s, %s) returning file_id""",
            (source, sha256, size, path.name, origin, archived, load_id, FileState.VALIDATING),
        ).fetchone()[0]
        return file_id, None
    file_id, status = row
    if FileState(status).is_accepted:
        return file_id, status
    conn.execute(f"delete from {raw_table} where file_id = %s", (file_id,))
    for table in ("audit.validation_result", "audit.file_unit", "audit.file_coverage"):
        conn.execute(f"delete from {table} where file_id = %s", (file_id,))
    conn.execute(
        """update audit.source_file set status = %s, status_changed_at = now(), load_id = %s,
                  file_name = %s, original_path = %s, reasons = '[]', warnings = '[]'
            where file_id = %s""",
        (FileState.VALIDATING, load_id, path.name, origin, file_id),
    )
    return file_id, status


def reject(conn: psycopg.Connection, file_id: int, reasons: list[str], warnings: list[str] | None = None) -> None:
    conn.execute(
        """update audit.source_file set status = %s, status_changed_at = now(),
                  reasons = %s, warnings = %s where file_id = %s""",
        (FileState.REJECTED, Jsonb(reasons), Jsonb(warnings or []), file_id),
    )


def accept(conn: psycopg.Connection, file_id: int, warnings: list[str]) -> None:
    conn.execute(
        """update audit.source_file set status = %s, status_changed_at = now(), warnings = %s
            where file_id = %s""",
        (FileState.LOADED, Jsonb(warnings), file_id),
    )


def mark_published(conn: psycopg.Connection, file_ids: list[int]) -> int:
    """The files a build computed, once every model and test passed: their rows are now in the marts."""
    cur = conn.execute(
        """update audit.source_file set status = %s, status_changed_at = now()
            where file_id = any(%s) and status = %s""",
        (FileState.PUBLISHED, list(file_ids), FileState.LOADED),
    )
    return cur.rowcount
