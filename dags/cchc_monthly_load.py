"""Monthly CCHC load: landing files of every monthly source -> raw (GX gate) -> dbt marts -> published."""

from __future__ import annotations

import pendulum
from airflow.timetables.interval import CronDataIntervalTimetable

from cchc_warehouse.airflow.dag_factory import TZ, build_load_dag

DOC = """
### Tải dữ liệu CCHC hằng tháng / Monthly CCHC load

For the reporting month (the previous month on schedule, in Asia/Ho_Chi_Minh: the run of 1 February reports on
January; or the `period` param), every monthly source: `one_stop_dossiers`, `one_stop_summary`, `esign_stats`,
`sipas_survey`, `plan_tasks` (PAR scoring sheets and national results have their own yearly DAG, `cchc_yearly_par`).

1. **discover**: files under `<landing>/<source>/<YYYY-MM>/` of the store (`CCHC_STORAGE_URL`, e.g. `s3://…`,
   else `$CCHC_LANDING_DIR`): one mapped task per file, named `source/file`. No landing folder, no period, or no
   file at all (unless `allow_empty`) fails the run.
2. **load_file**: fetch the file from the store, read it (header, table region, aliases, NFC, personal data never
   stored), COPY into `raw`, run the source's Great Expectations gate. A file failing a blocking expectation is
   *rejected*: its task fails (no retry), its reasons are in `audit.source_file` / `audit.validation_result`, its
   rows never reach the marts. Other files, of this source or any other, go on.
3. **build_and_publish**: `dbt build` (models + tests) on the files accepted when it starts, then exactly those
   files marked `published` — runs even when some files were rejected; one build at a time across runs and
   workers (pool `cchc_build`, a Postgres lock).
4. **publish_docs**: dbt docs and GX data docs of the publication, into the store's `docs/`.
5. **sync_dashboards**: `cchc metabase sync` when `CCHC_METABASE_URL` is set, a visible note in the log when not.
6. **check_run**: fails the run, listing every reason, unless every file found was loaded and published.

Params: `period` (YYYY-MM), `landing_dir` (a folder or URL), `allow_empty` (a period without files is not a
failure). Database: Airflow connection `cchc_warehouse`, else `CCHC_DATABASE_URL`.
dbt runs as one task: its models and tests cost about 1 s each as separate Airflow tasks on a 2-core
worker, and the build must be all-or-nothing before publication.
"""

# Interval timetable: the run at 1 Feb covers [1 Jan, 1 Feb), i.e. reports on January.
build_load_dag(dag_id="cchc_monthly_load", cadence="month",
               schedule=CronDataIntervalTimetable("0 0 1 * *", timezone=TZ),
               start_date=pendulum.datetime(2025, 1, 1, tz=TZ), catchup=True, doc_md=DOC, tags=["cchc", "monthly"])
