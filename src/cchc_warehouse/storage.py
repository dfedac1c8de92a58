"""Where files live, for every worker alike: the landing area, the archive of received files and the published
docs, under one store (fsspec). `CCHC_STORAGE_URL` names it (`s3://cchc/` on a deployment: every Airflow worker
reads the same objects); without it, local folders under `$CCHC_HOME` (`CCHC_LANDING_DIR`, `CCHC_ARCHIVE_DIR`
override them).

Inside Airflow tasks paths are Airflow's `ObjectStoragePath` (a `UPath` with Airflow's connections); elsewhere
(the CLI) plain `upath.UPath`, so that a command does not pay for importing Airflow. The code works on the `UPath`
interface both share. For `s3://` the s3fs filesystem is attached to Airflow's store once per process; it reads
the usual AWS settings (`AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_DEFAULT_REGION`).
"""

from __future__ import annotations

import functools
import os
import shutil
import stat
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from upath import UPath

from cchc_warehouse.config import cchc_home

AREAS = ("landing", "archive", "docs")


def storage_url() -> str | None:
    url = os.environ.get("CCHC_STORAGE_URL", "").strip()
    return url.rstrip("/") + "/" if url else None


@functools.cache
def _attach(protocol: str) -> None:
    """Airflow's ObjectStoragePath finds s3 through a provider; without the amazon provider, attach s3fs."""
    from airflow.sdk.io import has_fs
    from airflow.sdk.io.store import attach

    if protocol not in ("file", "local") and not has_fs(protocol):
        import fsspec

        attach(protocol=protocol, fs=fsspec.filesystem(protocol))


def make_path(url: str | os.PathLike) -> UPath:
    """A storage path: Airflow's ObjectStoragePath inside Airflow, else UPath (the same interface)."""
    text = str(url)
    if "://" not in text:
        text = Path(text).resolve().as_uri()
    if "airflow.sdk" in sys.modules:
        from airflow.sdk import ObjectStoragePath

        path = ObjectStoragePath(text)
        _attach(path.protocol or "file")
        return path
    return UPath(text)


def area(name: str) -> UPath:
    """landing | archive | docs."""
    assert name in AREAS, name
    base = storage_url()
    if base:
        return make_path(base + name)
    local = {"landing": os.environ.get("CCHC_LANDING_DIR"), "archive": os.environ.get("CCHC_ARCHIVE_DIR")}.get(name)
    return make_path(local or cchc_home() / name)


def is_local(path: UPath) -> bool:
    return (path.protocol or "file") in ("file", "local")


def local_path(path: UPath) -> Path:
    return Path(path.path)


@contextmanager
def fetched(path: UPath) -> Iterator[Path]:
    """A local copy of a stored file, under its own name (readers need a path; messages name the file)."""
    if is_local(path):
        yield local_path(path)
        return
    with tempfile.TemporaryDirectory(prefix="cchc-fetch-") as d:
        target = Path(d) / path.name
        with path.open("rb") as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        yield target


def _private(p: Path, mode: int) -> None:
    try:
        os.chmod(p, mode)
    except OSError:
        pass


def put(local: Path, target: UPath, private: bool = False) -> UPath:
    """Copy a local file into the store (write then rename where the store can, so a reader never sees half a
    file). private: readable by the service user only (0600 files, 0700 folders) on a local store."""
    if is_local(target):
        dest = local_path(target)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if private:
            for parent in (dest.parent, dest.parent.parent):
                _private(parent, stat.S_IRWXU)
        # one temporary name per writer: two loads of the same file archive it at once
        tmp = dest.with_name(f"{dest.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.part")
        shutil.copyfile(local, tmp)
        if private:
            _private(tmp, stat.S_IRUSR | stat.S_IWUSR)
        tmp.replace(dest)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(local, "rb") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return target


def put_tree(local_dir: Path, target: UPath) -> UPath:
    """Copy a local folder (a rendered docs site) into the store."""
    for f in sorted(p for p in local_dir.rglob("*") if p.is_file()):
        put(f, target.joinpath(*f.relative_to(local_dir).parts))
    return target
