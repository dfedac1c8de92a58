"""The file registry in the audit schema: every file received, its status and reasons."""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql
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


def archive(path: Path, sha256: str, manifest: dict | None = None) -> str:
    """Content-addressed copy kept for auditors, whatever the file's fate, in the store's archive (readable by the
    service user only on a local store). Returns its URL. `manifest` (source, file name, period, given values,
    origin, received_at) is kept beside it as `<sha256>.<source>.json`, the first time the content is received
    for that source: with it the archive alone rebuilds the warehouse (ingest.rebuild)."""
    target = storage.area("archive") / sha256[:2] / f"{sha256}{path.suffix.lower()}"
    if not target.exists():
        storage.put(path, target, private=True)
    if manifest is not None:
        sidecar = target.parent / f"{sha256}.{manifest['source']}.json"
        if not sidecar.exists():
            with tempfile.TemporaryDirectory(prefix="cchc-manifest-") as d:
                local = Path(d) / sidecar.name
                local.write_text(json.dumps({**manifest, "archive_name": target.name}, ensure_ascii=False,
                                            sort_keys=True), encoding="utf-8")
                storage.put(local, sidecar, private=True)
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
    discard_rows(conn, file_id, raw_table)
    conn.execute(
        """update audit.source_file set status = %s, status_changed_at = now(), load_id = %s,
                  file_name = %s, original_path = %s, reasons = '[]', warnings = '[]'
            where file_id = %s""",
        (FileState.VALIDATING, load_id, path.name, origin, file_id),
    )
    return file_id, status


def discard_rows(conn: psycopg.Connection, file_id: int, raw_table: str) -> None:
    """Remove what a load of the file wrote (its raw rows, unit resolutions, coverage, check results): before
    validating it again, or after a load that could not finish."""
    conn.execute(sql.SQL("delete from {} where file_id = %s").format(sql.SQL(raw_table)), (file_id,))
    for table in ("audit.validation_result", "audit.gx_validation", "audit.file_unit", "audit.file_coverage"):
        conn.execute(sql.SQL("delete from {} where file_id = %s").format(sql.SQL(table)), (file_id,))


INTERRUPTED = ("Tệp {name}: việc nạp tệp bị gián đoạn (tiến trình nạp dừng giữa chừng); các dòng đã ghi được xoá. "
               "Hãy nạp lại tệp")


def stale_states(conn: psycopg.Connection) -> dict[str, list[tuple]]:
    """What processes that died left behind, told from live work by the locks their owners hold (cchc_warehouse.locks):
    files `validating` with no load holding their content, loads `running` with no process, publications `running`
    with no build. Call in the transaction that repairs them (the locks tried stay held until it ends)."""
    from cchc_warehouse import locks
    from cchc_warehouse.sources import SOURCES

    files = [(fid, src, name) for fid, src, sha, name in conn.execute(
        "select file_id, source, sha256, file_name from audit.source_file where status = %s order by file_id",
        (FileState.VALIDATING,)).fetchall() if src in SOURCES and locks.is_free(conn, locks.CONTENT,
                                                                             locks.content_key(src, sha))]
    loads = [(lid,) for (lid,) in conn.execute(
        "select load_id from audit.load where status = 'running' order by load_id").fetchall()
        if locks.is_free(conn, locks.LOAD, lid)]
    running = conn.execute("select publication_id from audit.publication where status = 'running'").fetchall()
    publications = [(p,) for (p,) in running if locks.is_free(conn, locks.BUILD, "build")]
    return {"files": files, "loads": loads, "publications": publications}


def repair_stale(conn: psycopg.Connection) -> list[str]:
    """Resolve what dead processes left: a half-loaded file is emptied and rejected with a reason (loading it again
    re-runs it), a dead load is marked failed, a dead publication failed. Returns what was done (Vietnamese)."""
    from cchc_warehouse.sources import SOURCES

    stale = stale_states(conn)
    done = []
    for file_id, source, name in stale["files"]:
        discard_rows(conn, file_id, SOURCES[source].raw_table)
        reject(conn, file_id, [INTERRUPTED.format(name=name)])
        done.append(f"tệp #{file_id} {name}: nạp dở dang -> bị từ chối, các dòng đã ghi được xoá")
    for (load_id,) in stale["loads"]:
        conn.execute("update audit.load set status = 'failed', finished_at = now() where load_id = %s", (load_id,))
        done.append(f"lần nạp #{load_id}: tiến trình đã dừng -> đánh dấu thất bại")
    for (publication_id,) in stale["publications"]:
        conn.execute("""update audit.publication set status = 'failed', finished_at = now(),
                               message = 'bị gián đoạn (tiến trình dựng kho dừng giữa chừng)'
                         where publication_id = %s""", (publication_id,))
        done.append(f"lần công bố #{publication_id}: tiến trình dựng kho đã dừng -> đánh dấu thất bại")
    return done


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
