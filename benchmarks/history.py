"""History benchmark: does a month's load and build cost the same in year five as in month one?
(run: .venv/bin/python -m benchmarks.history --months 24 --dossiers-per-month 50000)

Into one fresh database it loads N consecutive months, each as the monthly job does: every file of the month's
landing folders (all monthly sources: dossier listings, Biểu 06 forms, e-document statistics, survey answers,
plan reports, QĐ 766 statistics) through `load` (registry, archive, COPY, gate), then one `build_and_publish`
(dbt build into the shadow generation, swap, publication). Each month's files are generated just before it is
loaded: the dossiers received in the month (a simulation of its own, its own seed) and every earlier dossier still open
at the month's start, listed again in its state at the month's end as a real export lists it (--open-for-years:
a share of each month's dossiers never ends, as some land and construction dossiers stay open for years, and is
listed unchanged every month after). Prints per month
the load and build seconds and the slowest dbt models, then the ratio of the last month's seconds to the first's
for the build and the load (goal: <= 1.2 each) and the models whose time grew most; past a year, also each
month's build against the same month a year earlier. Figures, not a timed test.
Uses CCHC_DATABASE_URL's server, else 127.0.0.1:5432, else the local cluster (`cchc db start`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import psycopg

from benchmarks.ingest import fresh_db
from cchc_warehouse.db import find_server
from cchc_warehouse.periods import month_range, parse_period


def node_seconds() -> dict[str, float]:
    """Seconds of each model and data test of the last dbt invocation (run_results.json): tests read the tables
    too, and one that reads the whole history grows with it like a model would."""
    from cchc_warehouse.config import paths

    path = paths().home / "dbt" / "target" / "run_results.json"
    results = json.loads(path.read_text(encoding="utf-8"))["results"]
    return {(r["unique_id"].split(".")[2] if r["unique_id"].startswith("model.") else
             "test " + r["unique_id"].split(".")[2][:60]): r["execution_time"]
            for r in results if r["unique_id"].startswith(("model.", "test."))}


def year_on_pairs(n: int) -> list[tuple[int, int]]:
    """(index a year earlier, index) of each of n consecutive months compared with the same calendar month a year
    earlier: a December recomputes its quarter and year (every dossier of the year, as the spec counts a year) and a
    January does not, so last/first mixes the season with history. Months 1 and 2 are full builds (one per mart
    generation): the comparison starts at month 15."""
    return [(i - 12, i) for i in range(14, n)]


def grew_a_year_on(timings: dict[str, dict[str, float]], months: list[str], top: int = 5
                   ) -> list[tuple[str, float, float]]:
    """The models and tests whose seconds grew most with history: each one's seconds summed over the months of
    year_on_pairs and over the same calendar months a year earlier. (name, earlier sum, later sum), largest growth
    first."""
    pairs = year_on_pairs(len(months))
    earlier, later = [months[a] for a, _ in pairs], [months[b] for _, b in pairs]
    names = {k for m in later + earlier for k in timings[m]}
    sums = [(k, sum(timings[m].get(k, 0.0) for m in earlier), sum(timings[m].get(k, 0.0) for m in later))
            for k in names]
    return sorted(sums, key=lambda s: s[1] - s[2])[:top]


def load_month(root: Path, month: date) -> tuple[float, int, list[str]]:
    from cchc_warehouse.ingest.load import load
    from cchc_warehouse.sources import SOURCES

    started, files, problems = time.perf_counter(), 0, []
    folder_name = f"{month:%Y-%m}"
    for source in sorted(SOURCES):
        folder = root / source / folder_name
        if SOURCES[source].cadence != "month" or not folder.is_dir():
            continue
        paths = sorted(p for p in folder.iterdir() if p.is_file())
        for r in load(source, paths, parse_period(folder_name, "month"), triggered_by="benchmark"):
            files += 1
            if not r.accepted:
                problems.append(f"{r.path.name}: {r.status} {r.reasons[:1]}")
    return time.perf_counter() - started, files, problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--months", type=int, default=24)
    ap.add_argument("--dossiers-per-month", type=int, default=50_000)
    ap.add_argument("--start", default="2024-01")
    ap.add_argument("--keep", action="store_true", help="keep the database and files")
    ap.add_argument("--open-for-years", type=float, default=0.0, metavar="SHARE",
                    help="share of each month's dossiers that stay open, listed unchanged every month after (a "
                         "real province has some: land, construction), e.g. 0.002; default none")
    args = ap.parse_args()

    os.environ.setdefault("CCHC_HOME", tempfile.mkdtemp(prefix="cchc-history-"))
    os.environ.setdefault("CCHC_DBT_QUIET", "1")
    from cchc_warehouse.marts.build import build_and_publish
    from cchc_warehouse.periods import month_end
    from cchc_warehouse.reference.targets import import_demo_config
    from cchc_warehouse.sample import one_stop_summary
    from cchc_warehouse.sample.generate import SUMMARY_UNITS, generate_other
    from cchc_warehouse.sample.one_stop_dossiers import write_month
    from cchc_warehouse.sample.simulate import month_snapshot, simulate

    server = find_server(os.environ.get("CCHC_DATABASE_URL"), "postgresql://postgres@127.0.0.1:5432/postgres")
    created: list[str] = []
    fresh_db(server, created)
    import_demo_config()
    first, last = parse_period(args.start, "month"), None
    months = month_range(args.start)
    while len(months) < args.months:
        m = months[-1]
        months.append(date(m.year + (m.month == 12), m.month % 12 + 1, 1))
    work = Path(tempfile.mkdtemp(prefix="cchc-history-files-"))
    rows: list[tuple[str, float, float, int]] = []
    open_dossiers: list = []
    timings: dict[str, dict[str, float]] = {}
    print(f"history: {args.months} months from {first:%Y-%m}, {args.dossiers_per_month} dossiers a month"
          + (f", {args.open_for_years:g} of them open for years" if args.open_for_years else "")
          + f", database {os.environ['CCHC_DATABASE_URL'].rsplit('/', 1)[-1]}", flush=True)
    try:
        for i, m in enumerate(months):
            landing = work / f"{m:%Y-%m}"
            received = [d for d in simulate([m], args.dossiers_per_month, seed=1000 + i) if d.received.date() >= m]
            if args.open_for_years:
                every = round(1 / args.open_for_years)
                received = [replace(d, end=None) if k % every == 0 else d for k, d in enumerate(received)]
            dossiers = received + open_dossiers
            snapshot = month_snapshot(dossiers, m)
            write_month(landing, m, snapshot)
            one_stop_summary.write_forms(landing, m, snapshot, SUMMARY_UNITS)
            open_dossiers = [d for d in dossiers if d.end is None or d.end > month_end(m)]
            generate_other(landing, [m], [], seed=1000 + i)
            load_s, files, problems = load_month(landing, m)
            if problems:
                print(f"  {m:%Y-%m}: not loaded: {problems}", flush=True)
            started = time.perf_counter()
            publication = build_and_publish(triggered_by="benchmark")
            build_s = time.perf_counter() - started
            if publication.status != "published":
                print(f"  {m:%Y-%m}: build {publication.status}", flush=True)
                return 1
            timings[f"{m:%Y-%m}"] = node_seconds()
            top = sorted(timings[f"{m:%Y-%m}"].items(), key=lambda kv: -kv[1])[:3]
            rows.append((f"{m:%Y-%m}", load_s, build_s, files))
            print(f"month {m:%Y-%m}: {files} files, load {load_s:6.1f} s, build {build_s:6.1f} s   slowest: "
                  + ", ".join(f"{k} {v:.1f} s" for k, v in top), flush=True)
            if not args.keep:
                shutil.rmtree(landing, ignore_errors=True)
            last = m
        first_t, last_t = timings[rows[0][0]], timings[rows[-1][0]]
        grew = sorted(((last_t.get(k, 0) - v, k) for k, v in first_t.items()), reverse=True)[:5]
        print("grew most (models and tests, last − first month): " + ", ".join(f"{k} +{d:.1f} s" for d, k in grew))
        print(f"months {rows[0][0]}..{last:%Y-%m}: first load {rows[0][1]:.1f} s, build {rows[0][2]:.1f} s; "
              f"last load {rows[-1][1]:.1f} s, build {rows[-1][2]:.1f} s")
        if len(rows) > 14:
            yoy = [(rows[b][2] / rows[a][2], rows[b][0]) for a, b in year_on_pairs(len(rows))]
            worst = max(yoy)
            print(f"a year on (build, each month against the same month a year earlier): median "
                  f"{sorted(x for x, _ in yoy)[len(yoy) // 2]:.2f}, highest {worst[0]:.2f} ({worst[1]})")
            print("grew most a year on (models and tests): " + ", ".join(
                f"{k} {a:.1f} -> {b:.1f} s" for k, a, b in grew_a_year_on(timings, [r[0] for r in rows])))
        print(f"history: build ratio last/first = {rows[-1][2] / rows[0][2]:.2f}, "
              f"load ratio last/first = {rows[-1][1] / rows[0][1]:.2f}")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
            with psycopg.connect(server, autocommit=True) as c:
                for name in created:
                    c.execute(f'drop database if exists "{name}" with (force)')


if __name__ == "__main__":
    raise SystemExit(main())
