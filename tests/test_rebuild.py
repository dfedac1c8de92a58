"""Reproducibility: from the archived files alone, `cchc rebuild --from-archive` into an empty database gives the same
published figures.

Two months of every monthly source are loaded (dirty files included, so some are rejected) with a build after the
first month's files, then a corrected listing supersedes one unit's second month. A second, empty database gets
the same reference data (demo units, targets, bands) and `cchc rebuild --from-archive`; every published indicator
value and every file's fate must be the same.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.reference.targets import import_demo_config
from cchc_warehouse.sample.generate import generate

MONTHS = [date(2025, 1, 1), date(2025, 2, 1)]


def figures() -> dict[tuple, tuple]:
    with connect() as conn:
        rows = conn.execute("select unit_code, period, indicator_code, numerator, denominator, value "
                            "from marts.rpt_indicator_value").fetchall()
    return {r[:3]: r[3:] for r in rows}


def fates() -> list[tuple]:
    with connect() as conn:
        return sorted(conn.execute("select source, file_name, sha256, status from audit.source_file").fetchall())


def month_files(root: Path, month: date) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    for source_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        folder = source_dir / f"{month:%Y-%m}"
        if folder.is_dir():
            out[source_dir.name] = sorted(folder.iterdir())
    return out


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """An archive of this test's own (the session's CCHC_HOME is shared by every test)."""
    path = tmp_path / "archive"
    monkeypatch.setenv("CCHC_ARCHIVE_DIR", str(path))
    return path


def test_rebuild_from_the_archive_gives_the_same_figures(make_database, archive, tmp_path):
    make_database()
    import_demo_config()
    landing = tmp_path / "landing"
    generate(landing, MONTHS, dossiers_per_month=320, seed=17, dirty=True)
    for month in MONTHS:
        for source, files in month_files(landing, month).items():
            load(source, files, month)
        if month == MONTHS[0]:
            assert build_and_publish()
    # a corrected listing of one unit's February: its rows again, one dossier fewer (supersedes the first)
    listing = next(p for p in month_files(landing, MONTHS[1])["one_stop_dossiers"] if p.suffix == ".csv"
                   and p.read_bytes()[:2] not in (b"\xff\xfe", b"\xfe\xff"))
    corrected = tmp_path / listing.name.replace(".csv", "_sua.csv")
    lines = listing.read_bytes().splitlines(keepends=True)
    corrected.write_bytes(b"".join(lines[:-1]))
    (r,) = load("one_stop_dossiers", [corrected], MONTHS[1])
    assert r.status == "loaded", r.reasons
    assert build_and_publish()
    before, before_fates = figures(), fates()
    assert len(before) > 500 and {f[3] for f in before_fates} == {"published", "rejected"}

    make_database()                                  # empty, with the same reference data
    import_demo_config()
    done = subprocess.run([sys.executable, "-m", "cchc_warehouse.cli", "rebuild", "--from-archive"],
                          capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert fates() == before_fates
    after = figures()
    assert after.keys() == before.keys()
    assert {k: v for k, v in after.items() if before[k] != v} == {}
