"""`cchc demo`: everything on the embedded default, end to end, as a newcomer's first run."""

from __future__ import annotations

import os
import time

from cchc_warehouse import localdb
from cchc_warehouse.config import paths
from cchc_warehouse.periods import format_month, month_range


def run_demo(months: str = "2025-01..2025-06", dossiers_per_month: int = 2000) -> int:
    t0 = time.monotonic()
    os.environ.setdefault("CCHC_DBT_QUIET", "1")
    if not os.environ.get("CCHC_DATABASE_URL"):
        c = localdb.start()
        os.environ["CCHC_DATABASE_URL"] = c.url
        print(f"1. PostgreSQL cục bộ: {c.shown_url} (dữ liệu {c.data})")
    else:
        print("1. Dùng CCHC_DATABASE_URL")
    from cchc_warehouse.db import migrate
    from cchc_warehouse.reference.targets import import_demo_config
    from cchc_warehouse.reference.units import import_demo_registry

    migrate()
    n = import_demo_registry()
    n_targets, n_bands = import_demo_config()
    print(f"2. Lược đồ đã áp dụng; danh mục {n} đơn vị (tỉnh Lai Châu), {n_targets} chỉ tiêu, "
          f"{n_bands} ngưỡng xếp loại")

    from cchc_warehouse.sample.generate import SUMMARY_UNITS, generate, generate_other

    landing = paths().landing
    month_list = month_range(months)
    years = [month_list[0].year - 2, month_list[0].year - 1]
    written, _ = generate(landing, month_list, dossiers_per_month, summary_units=SUMMARY_UNITS)
    other = generate_other(landing, month_list, years)
    print(f"3. Dữ liệu mẫu: {len(written) + len(other.paths)} tệp trong {landing}/<nguồn>/<YYYY-MM hoặc YYYY>/")

    from cchc_warehouse.airflow import local_runs

    yearly = local_runs.yearly_dag()
    states_year = {}
    for y in years:
        t = time.monotonic()
        states_year[y] = local_runs.run_year(yearly, y, landing)
        print(f"4. DAG cchc_yearly_par, năm {y}: {states_year[y]} ({time.monotonic() - t:.0f} s)")

    dag = local_runs.monthly_dag()
    states = {}
    for m in month_list:
        t = time.monotonic()
        states[m] = local_runs.run_month(dag, m, landing)
        print(f"5. DAG cchc_monthly_load, kỳ {format_month(m)}: {states[m]} ({time.monotonic() - t:.0f} s)")

    from cchc_warehouse import storage
    from cchc_warehouse.reporting.indicators import indicator_rows, print_rows

    last = month_list[-1]
    print(f"\nChỉ tiêu của tỉnh (12), kỳ {format_month(last)}:")
    print_rows(indicator_rows(last, "12"))
    print(f"\nChỉ số CCHC năm {years[-1]} của các sở, ngành và huyện:")
    print_rows([r for r in indicator_rows(str(years[-1])) if r.indicator_code in ("PAR_INDEX", "PAR_RANK")])
    docs = storage.area("docs")
    from cchc_warehouse.reporting.html_report import write_report

    report = write_report(format_month(last), paths().home / f"bao_cao_cchc_{format_month(last)}.html")
    print(f"""
Xem thêm / where to look:
  .venv/bin/cchc indicators --period {format_month(last)} [--unit 12.H01] [--format csv]   (also YYYY-Qn, YYYY)
  .venv/bin/cchc trace OSS_ONTIME_RATE --unit 12 --period {format_month(last)} [--format csv|html --out F]
                                                  (a figure's rule, files, checks, history and counted dossiers)
  marts.rpt_indicator_value, marts.rpt_par_ranking, marts.fct_par_national, marts.fct_dossier
                                                           (psql "$(.venv/bin/cchc db url)")
  audit.source_file, audit.validation_result                               (file registry, gate results)
  Báo cáo HTML (mở bằng trình duyệt, in được): {report}
  .venv/bin/cchc report --period {format_month(last)} --out bao_cao.html
  Metabase: .venv/bin/cchc metabase sync (cần CCHC_METABASE_URL, xem README)
  docs (GX every run, dbt when their code changed): {docs}/dbt/index.html, {docs}/gx/index.html
  .venv/bin/cchc docs --serve 8000   (serves them on http://127.0.0.1:8000/)
  Airflow logs: {os.environ.get("AIRFLOW_HOME")}/logs
  The local PostgreSQL keeps running: .venv/bin/cchc db stop
Done in {time.monotonic() - t0:.0f} s.""")
    return 0 if all(s == "success" for s in [*states.values(), *states_year.values()]) else 1
