"""A large file is gated in time whatever the statistics of the raw table say.

On a live server autovacuum analyses `raw.one_stop_dossiers` after the first big load; the statistics then say a new
`file_id` has about one row, and the duplicate-code check (an IN over a grouped subquery) was planned as a nested
loop over the file: quadratic in its rows, a 1M-row file never finished and stayed `validating`. The load now
analyses what it wrote before the gate runs, the duplicate check is one window over the file (linear whatever the
plan), and every gate query has a statement timeout that rejects the file with a reason instead of hanging.

Two tests:
- the dossier suite's row queries are planned with statistics absent, stale and fresh and with hashing and sorting
  made dear (what a planner expecting one row concludes): none joins the file with itself by a nested loop (the old
  duplicate check does: this test fails on it);
- a large file (CCHC_TEST_BIG_ROWS rows, 200,000 by default; 1,000,000 run by hand) is loaded after another and an
  ANALYZE, in about the time of the first, and the planner knows its rows once the load returns. A gate timeout of
  300 s turns a regressed plan into a failing test rather than a hung one.
"""

from __future__ import annotations

import csv
import json
import os
import re
import time
from datetime import date
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.gate.suites import suite_dict
from cchc_warehouse.sample.generate import generate
from tests.reliability.helpers import cchc

MONTH = date(2025, 3, 1)
ROWS = int(os.environ.get("CCHC_TEST_BIG_ROWS", "200000"))
CODE_HEADER = "Mã hồ sơ"


def big_listing(template: Path, out: Path, prefix: str, rows: int) -> Path:
    """The template's data rows repeated to `rows` rows, each with a new dossier code `<prefix>-<n>`."""
    with template.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        body = list(reader)
    code = next(i for i, h in enumerate(header) if h.strip() == CODE_HEADER)
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for n in range(rows):
            row = list(body[n % len(body)])
            row[code] = f"{prefix}-{n:07d}"
            writer.writerow(row)
    return out


@pytest.fixture(scope="module")
def big_files(tmp_path_factory) -> tuple[Path, Path]:
    landing = tmp_path_factory.mktemp("landing")
    generate(landing, [MONTH], dossiers_per_month=300, seed=7)
    template = next(p for p in sorted((landing / "one_stop_dossiers" / f"{MONTH:%Y-%m}").iterdir())
                    if p.suffix == ".csv")
    out = tmp_path_factory.mktemp("big")
    return (big_listing(template, out / "ho_so_lon_a_2025_03.csv", "A", ROWS),
            big_listing(template, out / "ho_so_lon_b_2025_03.csv", "B", ROWS))


def load(path: Path) -> tuple[int, str, float]:
    started = time.monotonic()
    proc = cchc("load", "one_stop_dossiers", str(path), "--period", f"{MONTH:%Y-%m}",
                env={"CCHC_GATE_TIMEOUT_S": "300"})
    out = proc.communicate(timeout=1800)[0]
    return proc.returncode, out, time.monotonic() - started


def test_a_second_large_file_is_gated_after_the_raw_table_was_analysed(make_database, big_files):
    make_database()
    first, second = big_files
    code, out, took_first = load(first)
    assert code == 0 and "[ĐÃ NẠP]" in out, out
    with connect(autocommit=True) as conn:
        conn.execute("analyze raw.one_stop_dossiers")      # what autovacuum does on a live server
    code, out, took_second = load(second)
    assert code == 0 and "[ĐÃ NẠP]" in out, out
    with connect() as conn:
        states = conn.execute("select status, rows_loaded, file_id from audit.source_file order by file_id").fetchall()
        # the load analysed what it wrote: the planner knows the second file's rows before any report reads them
        plan = conn.execute("explain (format json) select * from raw.one_stop_dossiers where file_id = %s",
                            (states[1][2],)).fetchone()[0]
    assert [(s, r) for s, r, _ in states] == [("loaded", ROWS), ("loaded", ROWS)], states
    assert plan[0]["Plan"]["Plan Rows"] > ROWS / 2, plan
    print(f"\n{ROWS:,} rows: first load {took_first:.1f} s, second load after ANALYZE {took_second:.1f} s")
    # the second load costs about what the first did: no plan quadratic in the file (generous: 3x and 60 s)
    assert took_second < max(3 * took_first, took_first + 60), (took_first, took_second)


def batch_query(query: str, file_id: int) -> str:
    """A suite's row query over one file's rows, `{batch}` replaced as GX does (a subquery with an alias)."""
    batch = f"(select * from raw.one_stop_dossiers_typed where file_id = {file_id})"
    return re.sub(r"\{batch\}(\s+(?:as\s+)?(?!where\b|order\b)\w+)?",
                  lambda m: batch + (m.group(1) or " as batch_rows"), query)


def nested_loops_over_the_file(plan: dict) -> list[str]:
    """Nested Loop nodes whose both sides read the raw table (a join of the file with itself)."""
    found = []

    def reads_raw(node: dict) -> bool:
        return node.get("Relation Name") == "one_stop_dossiers" or any(reads_raw(c) for c in node.get("Plans", []))

    def walk(node: dict) -> None:
        kids = node.get("Plans", [])
        if node["Node Type"] == "Nested Loop" and len(kids) == 2 and all(reads_raw(k) for k in kids):
            found.append(json.dumps(node)[:300])
        for k in kids:
            walk(k)
    walk(plan)
    return found


@pytest.mark.parametrize("statistics", ["absent", "stale", "fresh"])
def test_the_file_checks_never_join_a_file_with_itself(make_database, statistics):
    """Every row check of the dossier suite, planned with the raw table's statistics absent, stale (they know
    only an older file) or fresh, and with the planner told that hashing and sorting are dear (as a planner that
    expects one row would judge): no plan joins the file's rows with themselves by a nested loop."""
    make_database()
    with connect(autocommit=True) as conn:
        conn.execute("alter table raw.one_stop_dossiers set (autovacuum_enabled = false)")
        for file_id, rows in ((1, 2000), (2, 20000)):
            conn.execute(
                "insert into audit.source_file (file_id, source, file_name, original_path, sha256, size_bytes, status,"
                " period_month) overriding system value"
                " values (%s, 'one_stop_dossiers', %s, %s, md5(%s::text), 1, 'validating', date '2025-03-01')",
                (file_id, f"f{file_id}.csv", f"/f{file_id}.csv", file_id))
            conn.execute(
                "insert into raw.one_stop_dossiers (load_id, file_id, source_row, dossier_code)"
                " select 1, %s, g, 'D' || g from generate_series(2, %s) g", (file_id, rows + 1))
            if statistics == "stale" and file_id == 1 or statistics == "fresh" and file_id == 2:
                conn.execute("analyze raw.one_stop_dossiers")
        conn.execute("set enable_hashagg = off")
        conn.execute("set enable_sort = off")
        bad = {}
        for e in suite_dict("one_stop_dossiers")["expectations"]:
            query = e.get("kwargs", {}).get("unexpected_rows_query")
            if not query:
                continue
            plan = conn.execute("explain (format json) " + batch_query(query, 2)).fetchone()[0][0]["Plan"]
            if loops := nested_loops_over_the_file(plan):
                bad[e["description"]] = loops
    assert bad == {}
