"""Monthly CCHC load: landing files of every monthly source -> raw (GX gate) -> dbt marts -> published."""

from __future__ import annotations

from datetime import datetime

from airflow.timetables.interval import CronDataIntervalTimetable

from cchc_warehouse.airflow.dag_factory import TZ, build_load_dag

DOC = """
### Tải dữ liệu CCHC hằng tháng / Monthly CCHC load

For the reporting month (the previous month on schedule, or the `period` param), every monthly source:
`one_stop_dossiers`, `esign_stats`, `sipas_survey`, `plan_tasks` (PAR scoring sheets and national results
have their own yearly DAG, `cchc_yearly_par`).

1. **discover**: files under `<landing>/<source>/<YYYY-MM>/` (one mapped task per file, named `source/file`).
2. **load_file**: read the file (header detection, aliases, NFC, personal data dropped), COPY into `raw`,
   run the source's Great Expectations gate. A file failing a blocking expectation is *rejected*: its task
   fails (no retry), its reasons are in `audit.source_file` / `audit.validation_result`, its rows never reach
   the marts. Other files, of this source or any other, go on.
3. **build_marts**: `dbt build` (models + tests) — runs even when some files were rejected.
4. **publish**: accepted files marked `published`; GX data docs rebuilt; the Metabase dashboards synced
   (`cchc metabase sync`) when `CCHC_METABASE_URL` is set, a visible note in the log when not.
5. **check_rejections**: fails the run if this run rejected any file, so it shows red (accepted files
   are already published by then).

Params: `period` (YYYY-MM) and `landing_dir` override the defaults (`$CCHC_LANDING_DIR`).
Database: Airflow connection `cchc_warehouse`, else `CCHC_DATABASE_URL`.
dbt runs as one task: its models and tests cost about 1 s each as separate Airflow tasks on a 2-core
worker, and the build must be all-or-nothing before publication.
"""

# Interval timetable: the run at 1 Feb covers [1 Jan, 1 Feb), i.e. reports on January.
build_load_dag(dag_id="cchc_monthly_load", cadence="month",
               schedule=CronDataIntervalTimetable("0 0 1 * *", timezone=TZ), start_date=datetime(2025, 1, 1),
               catchup=True, doc_md=DOC, tags=["cchc", "monthly"])
