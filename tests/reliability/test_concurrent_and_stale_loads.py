"""Concurrent and repeated loads are safe, and what a dead load leaves is repaired.

- The same file loaded by two processes at once (a dossier listing, a Biểu 06 form): one loads it, the other waits
  and finds it loaded; raw holds its rows once; a build still succeeds.
- A load killed after its rows reached raw (before the gate) leaves the file `validating` and the load `running`:
  `cchc doctor --dry-run` reports both (exit 1), `cchc doctor` rejects the file with a reason, removes its rows and
  fails the load; the next load of the same file loads it.
- The next load repairs what a dead load left, without `cchc doctor`.
"""

from __future__ import annotations

import signal
from datetime import date

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.sample.generate import SUMMARY_UNITS, generate
from tests.reliability.helpers import cchc

MONTH = date(2025, 3, 1)


@pytest.fixture(scope="module")
def landing(tmp_path_factory):
    out = tmp_path_factory.mktemp("landing")
    generate(out, [MONTH], dossiers_per_month=150, seed=41, summary_units=SUMMARY_UNITS)
    return out


def raw_rows(table: str, file_name: str) -> int:
    with connect() as conn:
        return conn.execute(f"select count(*) from raw.{table} r join audit.source_file f using (file_id) "
                            "where f.file_name = %s", (file_name,)).fetchone()[0]


def data_lines(path) -> int:
    """Rows of a sample CSV as a person counts them: every line after the header line (none blank)."""
    lines = [line for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
    return len(lines) - 1


@pytest.mark.parametrize("source", ["one_stop_dossiers", "one_stop_summary"])
def test_the_same_file_loaded_twice_at_once(make_database, landing, source):
    make_database()
    path = sorted((landing / source / f"{MONTH:%Y-%m}").iterdir())[0]
    first = cchc("load", source, str(path), "--period", f"{MONTH:%Y-%m}")
    second = cchc("load", source, str(path), "--period", f"{MONTH:%Y-%m}")
    outs = [p.communicate(timeout=600)[0] for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outs
    with connect() as conn:
        files = conn.execute("select status, rows_loaded from audit.source_file").fetchall()
    assert len(files) == 1 and files[0][0] == "loaded"
    assert raw_rows(source, path.name) == files[0][1] > 0
    assert sorted("[ĐÃ CÓ (bỏ qua)]" in o for o in outs) == [False, True], outs     # the second found it loaded
    assert build_and_publish()


def test_a_load_killed_after_copy_is_reported_and_repaired_by_doctor(make_database, landing):
    make_database()
    path = next(p for p in sorted((landing / "one_stop_dossiers" / f"{MONTH:%Y-%m}").iterdir()) if p.suffix == ".csv")
    killed = cchc("load", "one_stop_dossiers", str(path), "--period", f"{MONTH:%Y-%m}",
                  env={"CCHC_FAULT_AT": "load:after_copy"})
    killed.communicate(timeout=600)
    assert killed.returncode == -signal.SIGKILL
    with connect() as conn:
        (status,) = conn.execute("select status from audit.source_file").fetchone()
        (load_status,) = conn.execute("select status from audit.load").fetchone()
    assert (status, load_status) == ("validating", "running")
    assert raw_rows("one_stop_dossiers", path.name) > 0           # the rows the dead load copied

    dry = cchc("doctor", "--dry-run")
    out = dry.communicate(timeout=120)[0]
    assert dry.returncode == 1, out
    assert f"{path.name}: đang kiểm tra nhưng không tiến trình nào nạp nó" in out
    assert "lần nạp #1: đang chạy nhưng tiến trình đã dừng" in out

    fix = cchc("doctor")
    out = fix.communicate(timeout=120)[0]
    assert fix.returncode == 0 and "2 vấn đề" in out, out
    with connect() as conn:
        status, reasons = conn.execute("select status, reasons from audit.source_file").fetchone()
        (load_status,) = conn.execute("select status from audit.load").fetchone()
    assert (status, load_status) == ("rejected", "failed")
    assert "bị gián đoạn" in reasons[0] and path.name in reasons[0]
    assert raw_rows("one_stop_dossiers", path.name) == 0

    again = cchc("doctor", "--dry-run")
    assert again.communicate(timeout=120)[0].startswith("0 vấn đề") and again.returncode == 0

    reload = cchc("load", "one_stop_dossiers", str(path), "--period", f"{MONTH:%Y-%m}")
    out = reload.communicate(timeout=600)[0]
    assert reload.returncode == 0, out
    with connect() as conn:
        (status,) = conn.execute("select status from audit.source_file").fetchone()
    assert status == "loaded"
    assert raw_rows("one_stop_dossiers", path.name) == data_lines(path)


def test_the_next_load_repairs_what_a_dead_load_left(make_database, landing):
    make_database()
    files = sorted((landing / "one_stop_dossiers" / f"{MONTH:%Y-%m}").iterdir())
    killed = cchc("load", "one_stop_dossiers", str(files[2]), "--period", f"{MONTH:%Y-%m}",
                  env={"CCHC_FAULT_AT": "load:after_copy"})
    killed.communicate(timeout=600)
    other = cchc("load", "one_stop_dossiers", str(files[3]), "--period", f"{MONTH:%Y-%m}")
    out = other.communicate(timeout=600)[0]
    assert other.returncode == 0, out
    with connect() as conn:
        states = dict(conn.execute("select file_name, status from audit.source_file").fetchall())
        loads = [r[0] for r in conn.execute("select status from audit.load order by load_id")]
    assert states == {files[2].name: "rejected", files[3].name: "loaded"}
    assert loads == ["failed", "finished"]
    assert raw_rows("one_stop_dossiers", files[2].name) == 0
