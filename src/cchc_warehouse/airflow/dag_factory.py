"""The load DAGs' shape, shared by the monthly and the yearly DAG (dags/ holds one thin file per DAG).

discover -> load_file (one mapped task per landed file, named source/file) -> build_and_publish (runs even when
some files were rejected; one at a time across runs and workers: the `cchc_build` pool and a Postgres lock) ->
publish_docs -> sync_dashboards -> check_run.

A run ends `success` only when every file it found was loaded and published. check_run runs whatever happened
before it and fails the run, with every reason in its log, when: the period or the landing folder is missing, no
file was found (unless the `allow_empty` param says a period may be empty), a file was rejected by the gate (the
other files are still published), a load crashed, or the build failed. The tasks call
cchc_warehouse.airflow.tasks; nothing here touches the database or the store at parse time.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

TZ = "Asia/Ho_Chi_Minh"
BUILD_POOL = "cchc_build"        # one slot: dbt builds never overlap (created by airflow-init / local runs)
DEFAULT_ARGS = {
    "retries": 2,
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=10),
}


def build_load_dag(*, dag_id: str, cadence: str, schedule: Any, start_date: Any, catchup: bool, doc_md: str,
                   tags: list[str]):
    from airflow.sdk import Asset, Param, dag, get_current_context, task
    from airflow.sdk.exceptions import AirflowFailException

    period_param = (
        Param(None, type=["null", "string"], pattern=r"^\d{4}-\d{2}$",
              description="Kỳ báo cáo YYYY-MM (mặc định: tháng của lần chạy)")
        if cadence == "month" else
        Param(None, type=["null", "string"], pattern=r"^\d{4}$",
              description="Năm báo cáo YYYY (mặc định: năm của lần chạy)"))
    # what the runs of both DAGs produce: the UI links the monthly and the yearly DAG through them
    raw = [Asset(f"cchc_raw_{cadence}", uri=f"cchc://warehouse/raw/{cadence}")]
    marts = Asset("cchc_marts", uri="cchc://warehouse/marts")
    docs = Asset("cchc_docs", uri="cchc://store/docs")

    @dag(dag_id=dag_id, schedule=schedule, start_date=start_date, catchup=catchup, max_active_runs=1,
         doc_md=doc_md, tags=tags, default_args=DEFAULT_ARGS,
         params={"period": period_param,
                 "landing_dir": Param(None, type=["null", "string"],
                                      description="Thư mục hoặc URL nhận tệp (mặc định: kho lưu trữ cấu hình)"),
                 "allow_empty": Param(False, type="boolean",
                                      description="Cho phép kỳ không có tệp nào (lần chạy vẫn thành công)")})
    def load_dag():
        @task(retries=0)
        def discover() -> list[dict]:
            from cchc_warehouse.airflow import tasks as t

            t.task_started()

            ctx = get_current_context()
            interval = ctx.get("data_interval_start")
            local = interval.in_timezone(TZ).date() if interval else None
            try:
                return t.discover_files(cadence, local, ctx["params"])
            except t.RunProblem as exc:
                raise AirflowFailException(str(exc)) from None

        # named from the mapped argument itself, so Airflow renders the name before the task runs: it shows while
        # the task runs, whatever the task does later
        @task(map_index_template="{{ task.op_kwargs['item']['source'] }}/{{ task.op_kwargs['item']['name'] }}",
              retries=1, outlets=raw)
        def load_file(item: dict) -> dict:
            from cchc_warehouse.airflow import tasks as t

            t.task_started()

            ctx = get_current_context()
            outcome = t.load_landed(item, ctx["run_id"])
            for w in outcome["warnings"]:
                print(f"CẢNH BÁO: {w}")
            if outcome["status"] == "rejected":       # FileState.REJECTED (nothing imported at parse time)
                raise AirflowFailException("Tệp bị từ chối:\n" + "\n".join(outcome["reasons"]))
            return outcome

        @task(trigger_rule="all_done", pool=BUILD_POOL, outlets=[marts])
        def build_and_publish() -> dict:
            from cchc_warehouse.airflow import tasks as t

            t.task_started()

            try:
                return t.build_and_publish(get_current_context()["run_id"])
            except t.RunProblem as exc:
                raise AirflowFailException(str(exc)) from None

        @task(outlets=[docs])
        def publish_docs() -> list[str]:
            from cchc_warehouse.airflow import tasks as t

            t.task_started()

            publication = get_current_context()["ti"].xcom_pull(task_ids="build_and_publish")
            lines = t.publish_docs(publication)
            print("\n".join(lines))
            return lines

        @task
        def sync_dashboards() -> list[str]:
            from cchc_warehouse.airflow import tasks as t

            t.task_started()

            lines = t.sync_dashboards()
            print("\n".join(lines))
            return lines

        @task(trigger_rule="all_done", retries=0)
        def check_run() -> None:
            from cchc_warehouse.airflow import tasks as t

            t.task_started()

            ti = get_current_context()["ti"]
            discovered = ti.xcom_pull(task_ids="discover")
            publication = ti.xcom_pull(task_ids="build_and_publish")
            failed = [task_id for task_id in ("publish_docs", "sync_dashboards")
                      if publication is not None and ti.xcom_pull(task_ids=task_id) is None]
            outcomes = ti.xcom_pull(task_ids="load_file")
            states = t.file_states([o["file_id"] for o in outcomes or []])
            problems = t.verdict(discovered, outcomes, publication,
                                 t.rejected_files(get_current_context()["run_id"]), failed, states)
            if problems:
                raise AirflowFailException(f"{len(problems)} vấn đề, lần chạy không thành công:\n"
                                           + "\n".join(problems))
            print(f"{len(discovered)} tệp đã nạp và công bố")

        loaded = load_file.expand(item=discover())
        built = build_and_publish()
        loaded >> built
        synced = built >> publish_docs() >> sync_dashboards()
        synced >> check_run()

    return load_dag()
