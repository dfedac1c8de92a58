"""Statistics kept true (issue 15, item 0): every query the gate runs over one file's rows keeps a linear plan
whether the raw table's statistics are fresh, stale (taken before the file's rows were copied) or absent. A plan
made on wrong statistics once turned the duplicate check into a nested loop over the file's rows (29 s for a
16.8k-row file, days for 1M rows). Checked on the executed plans (EXPLAIN ANALYZE loop counts), not on timings:
the raw table is read once, never again for each row of the file."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from cchc_warehouse.db import connect
from cchc_warehouse.gate.suites import suite_dict
from cchc_warehouse.ingest.load import load
from cchc_warehouse.sample.generate import generate
from cchc_warehouse.sources import SOURCES

SOURCE = "one_stop_dossiers"
RAW = SOURCES[SOURCE].raw_table.split(".")[-1]


@pytest.fixture(scope="module")
def loaded(make_database, tmp_path_factory):
    """Two months of listings (the older rows are what a wrong plan would re-read); the newest file is checked."""
    url = make_database()
    out = tmp_path_factory.mktemp("plans")
    months = [date(2025, 5, 1), date(2025, 6, 1)]
    written, _ = generate(out, months, dossiers_per_month=3000, seed=5)
    results = []
    for m in months:
        results += load(SOURCE, [w.path for w in written if w.month == f"{m:%Y-%m}"], m)
    assert {r.status for r in results} == {"loaded"}, [(r.path.name, r.reasons) for r in results]
    biggest = max(results, key=lambda r: r.rows_loaded)
    return url, biggest.file_id


def _statistics(conn, state: str, file_id: int) -> None:
    table = SOURCES[SOURCE].raw_table
    if state == "fresh":
        conn.execute(f"analyze {table}")
    elif state == "stale":              # statistics taken while the file's rows were not there yet
        conn.execute(f"create temp table held as select * from {table} where file_id = %s", (file_id,))
        conn.execute(f"delete from {table} where file_id = %s", (file_id,))
        conn.execute(f"analyze {table}")
        conn.execute(f"insert into {table} select * from held")
        conn.execute("drop table held")
    else:                               # absent: as on a table autovacuum has not reached
        conn.execute("delete from pg_statistic where starelid = %s::regclass", (table,))


def _rereads_raw(node: dict) -> list[str]:
    """Nodes that read the raw table more than once (per row of something else: the inner side of a nested loop
    over many rows, or a correlated subplan), from the executed plan's loop counts."""
    found = []
    if node.get("Relation Name") == RAW and node.get("Actual Loops", 1) > 1:
        found.append(f"{node['Node Type']} on {RAW} x{node['Actual Loops']}")
    for child in node.get("Plans", []):
        found += _rereads_raw(child)
    return found


@pytest.mark.parametrize("state", ["fresh", "stale", "absent"])
def test_gate_queries_read_the_files_rows_once_whatever_the_statistics(loaded, use_database, state):
    url, file_id = loaded
    use_database(url)
    batch = f"(select * from {SOURCES[SOURCE].typed_view} where file_id = {int(file_id)})"
    queries = [e["kwargs"]["unexpected_rows_query"] for e in suite_dict(SOURCE)["expectations"]
               if "unexpected_rows_query" in e["kwargs"]]
    assert len(queries) >= 3                       # required values, row checks, the duplicate key at least
    with connect() as conn:
        _statistics(conn, state, file_id)
        for query in queries:
            # as GX renders it: the batch as a derived table, aliased unless the query aliases it
            sql = re.sub(r"\{batch\}(?!\s+(?:as\s+)?(?!where|join|left|cross|inner|group|order|limit|union)[a-z_])",
                         batch + " as batch", query).replace("{batch}", batch)
            (plan,) = conn.execute("explain (analyze, format json) " + sql).fetchone()[0]
            assert _rereads_raw(plan["Plan"]) == [], (state, query[:120], json.dumps(plan)[:2000])
        conn.rollback()                            # the statistics as they were, for the next state
