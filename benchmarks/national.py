"""National benchmark: one month of 34 provinces' dossiers (~4.5 million listing rows) plus the other monthly
sources, loaded and built as the monthly job does (run: .venv/bin/python -m benchmarks.national).

The registry is the national one (`cchc units sync-national`: 34 provinces and 3,321 communes after 1 July 2025)
beside the demo province's departments. Each province exports one listing (a CSV of the messy kind: BOM, ';',
title and footer rows, NFD text, personal-data columns) whose dossiers are spread over that province's communes;
the other monthly sources are the demo province's. Everything goes through `load` (registry, archive, COPY, gate),
then one `build_and_publish` (dbt build into the shadow generation, swap, publication).

It runs twice, each into a fresh database: first at `--scale` (default 1/10) of the rows, then at the whole, and
names the steps whose time grew worst between the two (dbt run_results.json timings: time ratio over row ratio).
Prints seconds per step, rows per second, peak memory of this process (dbt runs in it) and of the Postgres server
(proportional set size of its processes, sampled), against the goals: load + build under 10 minutes, memory under
4 GB. Figures, not a timed test. Uses CCHC_DATABASE_URL's server, else 127.0.0.1:5432, else the local cluster.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import psycopg

from benchmarks.history import load_month, node_seconds
from benchmarks.ingest import fresh_db
from cchc_warehouse.db import find_server

MONTH = date(2025, 9, 1)          # after the reorganisation: 34 provinces, no districts
DEFAULT_ROWS = 4_500_000


class PostgresMemory:
    """Peak proportional set size of the Postgres server's processes (shared buffers counted once), sampled."""

    def __init__(self, interval: float = 0.5) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    @staticmethod
    def _pss_kib(pid: str) -> int:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                return next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
        except OSError:
            return 0

    def sample(self) -> int:
        total = 0
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/comm") as f:
                    if f.read().strip() not in ("postgres", "postmaster"):
                        continue
            except OSError:
                continue
            total += self._pss_kib(pid)
        return total * 1024

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self.peak = max(self.peak, self.sample())

    def __enter__(self) -> PostgresMemory:
        self.peak = self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def write_listings(landing: Path, total_rows: int, seed: int) -> int:
    """One messy listing per new province, its dossiers on the province's communes; returns the rows written."""
    from cchc_warehouse.reference.units import REORGANISATION, national_units
    from cchc_warehouse.sample.one_stop_dossiers import GROUPS, table
    from cchc_warehouse.sample.simulate import Unit, month_snapshot, simulate
    from cchc_warehouse.sample.writers import write

    units, _, _ = national_units()
    provinces = sorted((u for u in units if u.level == "province" and u.valid_from == REORGANISATION),
                       key=lambda u: u.code)
    communes: dict[str, list] = {}
    for u in units:
        if u.level == "commune" and u.valid_from == REORGANISATION:
            communes.setdefault(u.parent, []).append(u)
    messy = next(v for name, _, v in GROUPS if name == "tp_lai_chau_tam_duong")   # BOM ; NFD codes PII
    variant = replace(messy, title="month", footer=True)
    per_province = total_rows // len(provinces)
    written = 0
    for i, p in enumerate(provinces):
        mine = sorted(communes[p.code], key=lambda u: u.code)
        # the demo's behaviour (procedures, channels, timeliness), its units mapped onto this province's communes;
        # the simulation also lists the dossiers received the month before and still open (about a tenth more)
        dossiers = simulate([MONTH], dossiers_per_month=int(per_province / 1.1), seed=seed + i)
        mapped: dict[str, Unit] = {}
        for d in dossiers:
            if d.unit.code not in mapped:
                c = mine[len(mapped) * 7 % len(mine)]
                mapped[d.unit.code] = Unit(c.code, c.name, "commune", p.code)
            d.code = f"{p.code}-{d.code}"
            d.unit = mapped[d.unit.code]
        rows = month_snapshot(dossiers, MONTH)
        cells, _ = table(rows, variant, MONTH)
        write(landing / f"ho_so_{p.code}_{MONTH:%Y_%m}.csv", cells, variant)
        written += len(rows)
    return written


def run_once(server: str, rows: int, seed: int, work: Path, keep: bool = False) -> dict:
    from cchc_warehouse.marts.build import build_and_publish
    from cchc_warehouse.reference.targets import import_demo_config
    from cchc_warehouse.reference.units import sync_national
    from cchc_warehouse.sample.generate import generate_other

    landing = work / f"landing-{rows}"
    t = time.perf_counter()
    written = write_listings(landing / "one_stop_dossiers" / f"{MONTH:%Y-%m}", rows, seed)
    generate_other(landing, [MONTH], [], seed=seed)
    gen_s = time.perf_counter() - t
    size = sum(p.stat().st_size for p in landing.rglob("*") if p.is_file())
    created: list[str] = []
    try:
        fresh_db(server, created)
        sync_national()
        import_demo_config()
        with PostgresMemory() as pg:
            load_s, files, problems = load_month(landing, MONTH)   # as the history benchmark and the monthly job
            if problems:
                raise SystemExit("national: files not loaded: " + "; ".join(problems[:5]))
            t = time.perf_counter()
            publication = build_and_publish(triggered_by="benchmark")
            build_s = time.perf_counter() - t
        if publication.status != "published":
            raise SystemExit(f"national: build {publication.status}")
        with psycopg.connect(os.environ["CCHC_DATABASE_URL"]) as c:
            facts = c.execute("select count(*) from marts.fct_dossier").fetchone()[0]
        return {"rows": written, "files": files, "bytes": size, "gen_s": gen_s, "load_s": load_s,
                "build_s": build_s, "facts": facts, "pg_peak": pg.peak, "models": node_seconds()}
    finally:
        shutil.rmtree(landing, ignore_errors=True)
        if keep:
            print(f"kept database {created[-1]}")
            created.clear()
        with psycopg.connect(server, autocommit=True) as c:
            for name in created:
                c.execute(f'drop database if exists "{name}" with (force)')


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=DEFAULT_ROWS, help="listing rows in all (default 4.5 million)")
    ap.add_argument("--scale", type=float, default=0.1, help="the first, smaller run's share of the rows")
    ap.add_argument("--seed", type=int, default=34)
    ap.add_argument("--keep", action="store_true", help="keep the whole run's database (for EXPLAIN)")
    args = ap.parse_args()
    os.environ.setdefault("CCHC_HOME", tempfile.mkdtemp(prefix="cchc-national-"))
    os.environ.setdefault("CCHC_DBT_QUIET", "1")
    server = find_server(os.environ.get("CCHC_DATABASE_URL"), "postgresql://postgres@127.0.0.1:5432/postgres")
    work = Path(tempfile.mkdtemp(prefix="cchc-national-files-"))
    runs = []
    try:
        for rows in (int(args.rows * args.scale), args.rows):
            r = run_once(server, rows, args.seed, work, keep=args.keep and rows == args.rows)
            runs.append(r)
            print(f"national: {r['rows']:,} listing rows in {r['files']} files ({r['bytes'] / 1e6:,.0f} MB), "
                  f"generated in {r['gen_s']:.0f} s (not counted); load {r['load_s']:.1f} s "
                  f"({r['rows'] / r['load_s']:,.0f} rows/s), build {r['build_s']:.1f} s; "
                  f"fct_dossier {r['facts']:,} rows; Postgres peak {r['pg_peak'] / 2**30:.2f} GiB", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    small, whole = runs
    factor = whole["rows"] / small["rows"]
    print(f"\nslowest models at {whole['rows']:,} rows:")
    for name, s in sorted(whole["models"].items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {name:48} {s:7.1f} s   ({s / max(small['models'].get(name, 0), 0.01):5.1f}x the small run)")
    growth = sorted(((s / max(small["models"].get(k, 0), 0.05) / factor, k, s) for k, s in whole["models"].items()
                     if s >= 1.0), reverse=True)
    print(f"grew worst ({factor:.0f}x the rows; time ratio / row ratio, models of 1 s or more): "
          + ", ".join(f"{k} {g:.2f}" for g, k, _ in growth[:5]))
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    total = whole["load_s"] + whole["build_s"]
    print(f"peak memory: this process (loader and dbt) {own_peak / 2**30:.2f} GiB, "
          f"Postgres server {whole['pg_peak'] / 2**30:.2f} GiB (goal < 4 GB)")
    print(f"national: load {whole['load_s']:.0f} s + build {whole['build_s']:.0f} s = {total / 60:.1f} min "
          f"for {whole['rows']:,} rows (goal < 10 min); worst-growing step: {growth[0][1] if growth else '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
