"""Ingest benchmark: prints rows/s and ratios (run: .venv/bin/python -m benchmarks.ingest --rows 1000000).

On N generated dossiers it times, each into a fresh database:
  1. COPY FROM STDIN of a pre-normalised CSV of the same rows into a text table (the limit);
  2. `cchc load` of the messy CSV (BOM, ';', title and footer rows, header aliases, NFD text, codes,
     personal-data columns) — ingest only, then the GX gate on the loaded rows separately;
  3. `cchc load` of an xlsx of min(N, 100k) rows;
  4. pandas read_csv + DataFrame.to_sql (default method) of the messy CSV: the baseline.
Steps 1 and 2 run --runs times (default 3), alternating, and their medians are reported.
Uses CCHC_DATABASE_URL's server, else 127.0.0.1:5432, else the local cluster (`cchc db start`).
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import statistics
import time
import unicodedata
import uuid
from datetime import date
from pathlib import Path

import psycopg

from cchc_warehouse.db import find_server, with_database

MONTH = date(2025, 6, 1)


def fresh_db(server: str, created: list[str]) -> str:
    from cchc_warehouse.db import migrate
    from cchc_warehouse.reference.units import import_demo_registry

    name = f"cchc_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as c:
        c.execute(f'create database "{name}"')
    created.append(name)
    os.environ["CCHC_DATABASE_URL"] = with_database(server, name)
    migrate()
    import_demo_registry()
    return os.environ["CCHC_DATABASE_URL"]


def drop(server: str, created: list[str]) -> None:
    with psycopg.connect(server, autocommit=True) as c:
        while created:
            c.execute(f'drop database if exists "{created.pop()}" with (force)')


def make_files(out: Path, n: int, xlsx_rows: int) -> tuple[dict[str, Path], int, int]:
    import json

    from cchc_warehouse.sample.one_stop_dossiers import CANONICAL, GROUPS, row_values, table
    from cchc_warehouse.sample.simulate import month_snapshot, simulate
    from cchc_warehouse.sample.writers import Variant, write

    out.mkdir(parents=True, exist_ok=True)
    meta = out / "meta.json"
    names = {"messy_csv": out / "messy.csv", "clean_csv": out / "clean.csv", "xlsx": out / "rows.xlsx"}
    if meta.exists() and json.loads(meta.read_text()) == {"rows": n, "xlsx_rows": xlsx_rows}:
        return names, n, min(n, xlsx_rows)          # same request as last time: reuse the files
    rows = month_snapshot(simulate([MONTH], dossiers_per_month=n, seed=99), MONTH)[:n]
    messy_variant = next(v for name, _, v in GROUPS if name == "tp_lai_chau_tam_duong")   # BOM ; NFD codes PII
    files = {}
    cells, _ = table(rows, messy_variant, MONTH)
    files["messy_csv"] = out / "messy.csv"
    write(files["messy_csv"], cells, messy_variant)
    plain = Variant("plain", codes=True, yes_no=("1", "0"), dates="dmy_time")
    files["clean_csv"] = out / "clean.csv"
    with open(files["clean_csv"], "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(CANONICAL)
        for r in rows:
            vals = row_values(r, plain)
            w.writerow(["" if vals[c] is None else unicodedata.normalize("NFC", str(vals[c])) for c in CANONICAL])
    xlsx_variant = next(v for name, _, v in GROUPS if name == "so_nganh")
    cells, _ = table(rows[:xlsx_rows], xlsx_variant, MONTH)
    files["xlsx"] = out / "rows.xlsx"
    write(files["xlsx"], cells, xlsx_variant)
    meta.write_text(json.dumps({"rows": n, "xlsx_rows": xlsx_rows}))
    return files, len(rows), min(len(rows), xlsx_rows)


def time_raw_copy(path: Path) -> float:
    from cchc_warehouse.sample.one_stop_dossiers import CANONICAL

    cols = ", ".join(f"{c} text" for c in CANONICAL)
    with psycopg.connect(os.environ["CCHC_DATABASE_URL"]) as conn:
        conn.execute(f"create table bench_copy ({cols})")
        t = time.perf_counter()
        with conn.cursor().copy("copy bench_copy from stdin (format csv, header true)") as cp, open(path, "rb") as f:
            while block := f.read(1 << 20):
                cp.write(block)
        conn.commit()
        return time.perf_counter() - t


def time_load(path: Path) -> tuple[float, float, int, str]:
    """(ingest seconds, gate seconds, rows, status) for one file through the real loader."""
    from cchc_warehouse.db import connect
    from cchc_warehouse.gate import run as gate
    from cchc_warehouse.ingest import file_registry as registry
    from cchc_warehouse.ingest import load as loader
    from cchc_warehouse.sources import get_source

    spec = get_source("one_stop_dossiers")
    timings = {}
    real_validate = gate.validate_file

    def timed_validate(*a, **k):
        t = time.perf_counter()
        try:
            return real_validate(*a, **k)
        finally:
            timings["gate"] = time.perf_counter() - t

    gate.validate_file = timed_validate
    try:
        with connect() as conn:
            load_id = registry.start_load(conn, spec.name, "benchmark")
        t = time.perf_counter()
        res = loader.load_file(spec, path, load_id, MONTH)
        total = time.perf_counter() - t
    finally:
        gate.validate_file = real_validate
    return total - timings.get("gate", 0.0), timings.get("gate", 0.0), res.rows_loaded, res.status


def small_file_cpu(out: Path, rows: int = 20) -> tuple[float, float]:
    """CPU seconds of `cchc load` of a `rows`-row listing in a new process, beyond Python's own start (the same
    interpreter running `pass`); and the CPU of importing GX in a new process, for comparison."""
    import subprocess
    import sys

    from cchc_warehouse.sample.one_stop_dossiers import GROUPS, table
    from cchc_warehouse.sample.simulate import month_snapshot, simulate
    from cchc_warehouse.sample.writers import write

    variant = next(v for name, _, v in GROUPS if name == "tp_lai_chau_tam_duong")
    path = out / f"small_{rows}.csv"
    cells, _ = table(month_snapshot(simulate([MONTH], dossiers_per_month=rows, seed=7), MONTH)[:rows], variant, MONTH)
    write(path, cells, variant)

    def cpu(args: list[str]) -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(args, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    bare = min(cpu([sys.executable, "-c", "pass"]) for _ in range(3))
    cchc = str(Path(sys.executable).with_name("cchc"))
    load_cpu = cpu([cchc, "load", "one_stop_dossiers", str(path), "--period", f"{MONTH:%Y-%m}"]) - bare
    gx_cpu = cpu([sys.executable, "-c", "from cchc_warehouse.gate.run import gx_module; gx_module()"]) - bare
    return load_cpu, gx_cpu


def time_pandas(path: Path) -> float:
    import pandas as pd
    from sqlalchemy import create_engine

    from cchc_warehouse.db import sqlalchemy_url

    engine = create_engine(sqlalchemy_url())
    t = time.perf_counter()
    df = pd.read_csv(path, sep=";", skiprows=4, dtype=str, encoding="utf-8-sig", skipfooter=5, engine="python")
    df.to_sql("bench_pandas", engine, if_exists="replace", index=False)
    elapsed = time.perf_counter() - t
    engine.dispose()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--xlsx-rows", type=int, default=100_000)
    ap.add_argument("--out", default="benchmarks/out")
    ap.add_argument("--skip-pandas", action="store_true")
    ap.add_argument("--runs", type=int, default=3, help="runs of COPY and the messy CSV; medians are reported")
    args = ap.parse_args()
    os.environ.setdefault("CCHC_HOME", str(Path(args.out).resolve() / "home"))
    server = find_server(os.environ.get("CCHC_DATABASE_URL"), "postgresql://postgres@127.0.0.1:5432/postgres")
    t = time.perf_counter()
    files, n, nx = make_files(Path(args.out), args.rows, args.xlsx_rows)
    print(f"generated {n:,} rows ({files['messy_csv'].stat().st_size / 1e6:.0f} MB messy CSV) "
          f"and {nx:,} xlsx rows in {time.perf_counter() - t:.0f} s")
    created: list[str] = []
    t = time.perf_counter()
    from cchc_warehouse.gate import run as gate
    gate.gx_module()                 # GX imports once per process: reported, not counted per file
    gx_import_s = time.perf_counter() - t
    copies, ingests, gates = [], [], []
    try:
        for i in range(args.runs):   # COPY and the messy CSV alternate, each into a fresh database
            fresh_db(server, created)
            copies.append(time_raw_copy(files["clean_csv"]))
            fresh_db(server, created)
            csv_s, gate_s, loaded, status = time_load(files["messy_csv"])
            assert loaded == n and status == "loaded", (loaded, status)
            ingests.append(csv_s)
            gates.append(gate_s)
            print(f"run {i + 1}: raw COPY {copies[-1]:.2f} s, messy CSV ingest {csv_s:.2f} s "
                  f"({copies[-1] / csv_s:.0%}), gate {gate_s:.2f} s", flush=True)
            drop(server, created)
        copy_s, csv_s, gate_s = statistics.median(copies), statistics.median(ingests), statistics.median(gates)
        fresh_db(server, created)
        xlsx_s, xlsx_gate_s, xloaded, xstatus = time_load(files["xlsx"])
        assert xloaded == nx and xstatus == "loaded", (xloaded, xstatus)
        fresh_db(server, created)
        small_cpu, gx_cpu = small_file_cpu(Path(args.out))
        pandas_s = None
        if not args.skip_pandas:
            fresh_db(server, created)
            pandas_s = time_pandas(files["messy_csv"])
    finally:
        drop(server, created)
    rate = lambda rows, s: rows / s  # noqa: E731
    print(f"\nmedians of {args.runs} runs\n{'step':46} {'rows':>10} {'seconds':>8} {'rows/s':>10}")
    print(f"{'raw COPY of the pre-normalised CSV (limit)':46} {n:>10,} {copy_s:>8.2f} {rate(n, copy_s):>10,.0f}")
    print(f"{'cchc load, messy CSV: ingest':46} {n:>10,} {csv_s:>8.2f} {rate(n, csv_s):>10,.0f}")
    print(f"{'cchc load, messy CSV: GX gate':46} {n:>10,} {gate_s:>8.2f} {rate(n, gate_s):>10,.0f}")
    print(f"{'cchc load, xlsx: ingest':46} {nx:>10,} {xlsx_s:>8.2f} {rate(nx, xlsx_s):>10,.0f}")
    print(f"{'cchc load, xlsx: ingest + gate':46} {nx:>10,} {xlsx_s + xlsx_gate_s:>8.2f}")
    if pandas_s:
        print(f"{'pandas read_csv + to_sql (baseline)':46} {n:>10,} {pandas_s:>8.2f} {rate(n, pandas_s):>10,.0f}")
    print(f"{'(one-off per process: importing GX)':46} {'':>10} {gx_import_s:>8.2f}")
    print(f"\nmessy CSV ingest / raw COPY: {copy_s / csv_s:.0%} (goal >= 70%)")
    if pandas_s:
        print(f"messy CSV ingest vs pandas:  {pandas_s / csv_s:.1f}x (goal >= 7x)")
    print(f"xlsx {nx:,} rows: {xlsx_s + xlsx_gate_s:.1f} s with gate (goal <= 10 s)")
    print(f"GX gate on {n:,} rows: {gate_s:.1f} s (goal <= 10 s)")
    print(f"cchc load of a 20-row file: {small_cpu:.2f} s of CPU beyond Python's start (goal < 1 s), "
          f"of which importing GX alone takes {gx_cpu:.2f} s")


if __name__ == "__main__":
    main()
