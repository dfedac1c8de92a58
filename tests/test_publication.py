"""One build at a time, and a publication publishes exactly the files its build read.

Two `cchc build` processes started together (as two Airflow runs' build tasks would) must both succeed, one after
the other, and leave the same marts as one full rebuild from scratch. A file accepted while a build runs is not
published by it (its rows were not read) and the next build takes it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.sample.generate import generate
from tests.reliability.helpers import marts_fingerprint

MONTHS = [date(2025, 1, 1), date(2025, 2, 1)]


def cchc_build() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "cchc_warehouse.cli", "build", "--no-docs"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=dict(os.environ))


def publications() -> list[tuple]:
    with connect() as conn:
        return conn.execute("select publication_id, status, file_ids from audit.publication "
                            "order by publication_id").fetchall()


@pytest.fixture(scope="module")
def landed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("landing")
    generate(out, MONTHS, dossiers_per_month=150, seed=21)
    return out


def load_month(landed: Path, month: date, names: slice = slice(None)) -> list:
    folder = landed / "one_stop_dossiers" / f"{month:%Y-%m}"
    return load("one_stop_dossiers", sorted(folder.iterdir())[names], month)


def test_two_overlapping_builds_both_succeed_and_equal_one_build(make_database, landed):
    make_database()
    for month in MONTHS:
        assert {r.status for r in load_month(landed, month)} == {"loaded"}
    with connect() as conn:
        loaded = [r[0] for r in conn.execute("select file_id from audit.source_file order by 1").fetchall()]

    first, second = cchc_build(), cchc_build()
    outputs = [p.communicate(timeout=900)[0] for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs

    pubs = publications()
    assert [status for _, status, _ in pubs] == ["published", "published"]
    # the first to get the lock took every file; the second found none left to publish
    assert sorted(list(ids) for _, _, ids in pubs) == [[], loaded]
    overlapped = marts_fingerprint()
    with connect() as conn:
        dossiers = conn.execute("select count(distinct dossier_code) from raw.one_stop_dossiers").fetchone()[0]
    assert overlapped["fct_dossier"][0] == dossiers > 0      # every dossier of the two months, once

    assert build_and_publish(full_refresh=True)
    assert marts_fingerprint() == overlapped


def test_a_file_accepted_during_a_build_waits_for_the_next_one(make_database, landed):
    make_database()
    jan, feb = MONTHS
    load_month(landed, jan)
    build = cchc_build()
    deadline = time.monotonic() + 300
    while not any(status == "running" for _, status, _ in publications()):
        assert time.monotonic() < deadline and build.poll() is None, "the build never started"
        time.sleep(0.2)
    (late,) = load_month(landed, feb, slice(0, 1))       # accepted while the build runs
    assert late.status == "loaded"
    out = build.communicate(timeout=900)[0]
    assert build.returncode == 0, out

    with connect() as conn:
        assert conn.execute("select status from audit.source_file where file_id = %s",
                            (late.file_id,)).fetchone()[0] == "loaded"
        (ids,) = conn.execute("select file_ids from audit.publication").fetchone()
        assert late.file_id not in ids
        assert conn.execute("select count(*) from marts.fct_dossier where source_file_id = %s",
                            (late.file_id,)).fetchone()[0] == 0

    nxt = build_and_publish()
    assert nxt.file_ids == [late.file_id] and nxt.published == 1
    with connect() as conn:
        in_marts = conn.execute("select count(*) from marts.fct_dossier where source_file_id = %s",
                                (late.file_id,)).fetchone()[0]
        newest_here = conn.execute(      # dossiers whose newest row is in the late file (codes are unique)
            "select count(distinct dossier_code) from raw.one_stop_dossiers where file_id = %s",
            (late.file_id,)).fetchone()[0]
    assert in_marts == newest_here > 0
