"""Monthly CCHC load: landing files -> raw (GX gate) -> dbt marts -> published. Logic: cchc_warehouse."""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import Param, dag, get_current_context, task
from airflow.timetables.interval import CronDataIntervalTimetable

TZ = "Asia/Ho_Chi_Minh"
DOC = """
### Tải dữ liệu CCHC hằng tháng / Monthly CCHC load

For the reporting month (the previous month on schedule, or the `period` param):

1. **discover**: files under `<landing>/<source>/<YYYY-MM>/` (one mapped task per file, named after it).
2. **load_file**: read the file (header detection, aliases, NFC, personal data dropped), COPY into `raw`,
   run the Great Expectations gate. A file failing a blocking expectation is *rejected*: its task fails
   (no retry), its reasons are in `audit.source_file` / `audit.validation_result`, its rows never reach
   the marts. Other files go on.
3. **build_marts**: `dbt build` (models + tests) — runs even when some files were rejected.
4. **publish**: accepted files marked `published`; GX data docs rebuilt.
5. **check_rejections**: fails the run if this run rejected any file, so it shows red (accepted files
   are already published by then).

Params: `period` (YYYY-MM) and `landing_dir` override the defaults (`$CCHC_LANDING_DIR`).
Database: Airflow connection `cchc_warehouse`, else `CCHC_DATABASE_URL`.
dbt runs as one task: its 80 models and tests cost about 1 s each as separate Airflow tasks on a
2-core worker, and the build must be all-or-nothing before publication.
"""


@dag(
    dag_id="cchc_monthly_load",
    # Interval timetable: the run at 1 Feb covers [1 Jan, 1 Feb), i.e. reports on January.
    schedule=CronDataIntervalTimetable("0 0 1 * *", timezone=TZ),
    start_date=datetime(2025, 1, 1),
    catchup=True,
    max_active_runs=1,
    doc_md=DOC,
    tags=["cchc", "monthly"],
    params={
        "period": Param(None, type=["null", "string"], pattern=r"^\d{4}-\d{2}$",
                        description="Kỳ báo cáo YYYY-MM (mặc định: tháng của lần chạy)"),
        "landing_dir": Param(None, type=["null", "string"], description="Thư mục nhận tệp"),
    },
    default_args={
        "retries": 2,
        "retry_delay": timedelta(seconds=30),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=10),
    },
)
def cchc_monthly_load():
    @task
    def discover() -> list[dict]:
        from cchc_warehouse import orchestration as o

        ctx = get_current_context()
        interval = ctx.get("data_interval_start")
        local = interval.in_timezone(TZ).date() if interval else None
        month = o.reporting_month(local, ctx["params"].get("period"))
        files = o.discover(o.landing_dir(ctx["params"].get("landing_dir")), month)
        print(f"{len(files)} file(s) for {month:%Y-%m}")
        return [f.as_dict() for f in files]

    @task(map_index_template="{{ landed_file }}", retries=1)
    def load_file(item: dict) -> dict:
        from airflow.sdk.exceptions import AirflowFailException

        from cchc_warehouse import orchestration as o

        ctx = get_current_context()
        ctx["landed_file"] = f"{item['source']}/{item['name']}"
        outcome = o.load_landed(item, ctx["run_id"])
        for w in outcome["warnings"]:
            print(f"CẢNH BÁO: {w}")
        if outcome["status"] == "rejected":
            raise AirflowFailException("Tệp bị từ chối:\n" + "\n".join(outcome["reasons"]))
        return outcome

    @task(trigger_rule="all_done")
    def build_marts() -> None:
        from cchc_warehouse import orchestration as o

        o.build_marts()

    @task
    def publish() -> int:
        from cchc_warehouse import orchestration as o

        return o.publish_loaded()

    @task(retries=0)
    def check_rejections() -> None:
        from airflow.sdk.exceptions import AirflowFailException

        from cchc_warehouse import orchestration as o

        rejected = o.rejected_files(get_current_context()["run_id"])
        if rejected:
            lines = [f"{r['source']}/{r['file']}: {'; '.join(r['reasons'])}" for r in rejected]
            raise AirflowFailException(f"{len(rejected)} tệp bị từ chối:\n" + "\n".join(lines))

    loaded = load_file.expand(item=discover())
    built = build_marts()
    loaded >> built
    built >> publish() >> check_rejections()


cchc_monthly_load()
