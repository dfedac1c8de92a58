"""The load DAGs' shape, shared by the monthly and the yearly DAG (dags/ holds one thin file per DAG).

discover -> load_file (one mapped task per landed file, named source/file) -> build_marts (runs even when
some files were rejected) -> publish -> check_rejections (fails the run if this run rejected a file).
A file that is rejected fails only its own task; the other files, of the same or other sources, are built
and published. The tasks call cchc_warehouse.airflow.tasks; nothing here touches the database at parse time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

TZ = "Asia/Ho_Chi_Minh"
DEFAULT_ARGS = {
    "retries": 2,
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=10),
}


def build_load_dag(*, dag_id: str, cadence: str, schedule: Any, start_date: datetime, catchup: bool, doc_md: str,
                   tags: list[str]):
    from airflow.sdk import Param, dag, get_current_context, task

    period_param = (
        Param(None, type=["null", "string"], pattern=r"^\d{4}-\d{2}$",
              description="Kỳ báo cáo YYYY-MM (mặc định: tháng của lần chạy)")
        if cadence == "month" else
        Param(None, type=["null", "string"], pattern=r"^\d{4}$",
              description="Năm báo cáo YYYY (mặc định: năm của lần chạy)"))

    @dag(dag_id=dag_id, schedule=schedule, start_date=start_date, catchup=catchup, max_active_runs=1,
         doc_md=doc_md, tags=tags, default_args=DEFAULT_ARGS,
         params={"period": period_param,
                 "landing_dir": Param(None, type=["null", "string"], description="Thư mục nhận tệp")})
    def load_dag():
        @task
        def discover() -> list[dict]:
            from cchc_warehouse.ingest import landing
            from cchc_warehouse.periods import period_folder, reporting_period

            ctx = get_current_context()
            interval = ctx.get("data_interval_start")
            local = interval.in_timezone(TZ).date() if interval else None
            period = reporting_period(cadence, local, ctx["params"].get("period"))
            files = landing.discover(landing.landing_dir(ctx["params"].get("landing_dir")), period, cadence=cadence)
            print(f"{len(files)} file(s) for {period_folder(period, cadence)}")
            return [f.as_dict() for f in files]

        @task(map_index_template="{{ landed_file }}", retries=1)
        def load_file(item: dict) -> dict:
            from airflow.sdk.exceptions import AirflowFailException

            from cchc_warehouse.airflow import tasks as o

            ctx = get_current_context()
            ctx["landed_file"] = f"{item['source']}/{item['name']}"
            outcome = o.load_landed(item, ctx["run_id"])
            for w in outcome["warnings"]:
                print(f"CẢNH BÁO: {w}")
            if outcome["status"] == "rejected":       # FileState.REJECTED (no import at parse time)
                raise AirflowFailException("Tệp bị từ chối:\n" + "\n".join(outcome["reasons"]))
            return outcome

        @task(trigger_rule="all_done")
        def build_marts() -> None:
            from cchc_warehouse.airflow import tasks as o

            o.build_marts()

        @task
        def publish() -> int:
            from cchc_warehouse.airflow import tasks as o

            return o.publish_loaded()

        @task(retries=0)
        def check_rejections() -> None:
            from airflow.sdk.exceptions import AirflowFailException

            from cchc_warehouse.airflow import tasks as o

            rejected = o.rejected_files(get_current_context()["run_id"])
            if rejected:
                lines = [f"{r['source']}/{r['file']}: {'; '.join(r['reasons'])}" for r in rejected]
                raise AirflowFailException(f"{len(rejected)} tệp bị từ chối:\n" + "\n".join(lines))

        loaded = load_file.expand(item=discover())
        built = build_marts()
        loaded >> built
        built >> publish() >> check_rejections()

    return load_dag()
