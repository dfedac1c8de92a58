"""OpenLineage events of a real dag.test() run (the provider's file transport): each load reports the landed file
as its input and the source's raw table as its output; the build reports the raw tables it read and every relation
its dbt build wrote (the same list audit.publication.models keeps for auditors).

The run happens in a subprocess: OpenLineage is configured by environment variables read when Airflow's plugins
load, and this process's Airflow is already loaded without it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from urllib.parse import urlsplit

from cchc_warehouse.db import connect
from cchc_warehouse.sample.generate import generate

MONTH = date(2025, 3, 1)

RUN = textwrap.dedent("""
    import sys
    from datetime import date
    from pathlib import Path
    from cchc_warehouse.airflow import local_runs
    print(local_runs.run_month(local_runs.monthly_dag(), date(2025, 3, 1), Path(sys.argv[1])))
""")


def test_openlineage_events_name_files_raw_tables_and_built_relations(make_database, tmp_path):
    url = make_database()
    landing = tmp_path / "landing"
    written, _ = generate(landing, [MONTH], dossiers_per_month=60, seed=8)
    events_file = tmp_path / "events.jsonl"
    env = dict(os.environ, CCHC_HOME=str(tmp_path / "home"), CCHC_DATABASE_URL=url,
               AIRFLOW__OPENLINEAGE__NAMESPACE="cchc",
               AIRFLOW__OPENLINEAGE__TRANSPORT=json.dumps(
                   {"type": "file", "log_file_path": str(events_file), "append": True}))
    env = {k: v for k, v in env.items() if not k.startswith("AIRFLOW__CORE__") and k != "AIRFLOW_HOME"}
    done = subprocess.run([sys.executable, "-c", RUN, str(landing)], env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.stdout.strip().splitlines()[-1] == "success", done.stdout[-3000:] + done.stderr[-3000:]

    events = [json.loads(line) for line in events_file.read_text().splitlines()]
    complete = {}
    for e in events:
        if e["eventType"] == "COMPLETE" and "." in e["job"]["name"]:
            complete.setdefault(e["job"]["name"].split(".", 1)[1], []).append(e)

    u = urlsplit(url)
    pg_namespace = f"postgres://{u.hostname}:{u.port or 5432}"
    database = u.path.lstrip("/")
    raw = (pg_namespace, f"{database}.raw.one_stop_dossiers")

    loads = complete["load_file"]
    assert len(loads) == len(written)
    assert sorted(e["inputs"][0]["name"] for e in loads) == sorted(str(w.path) for w in written)
    for e in loads:
        assert [d["namespace"] for d in e["inputs"]] == ["file"]
        assert [(d["namespace"], d["name"]) for d in e["outputs"]] == [raw]

    (build,) = complete["build_and_publish"]
    assert [(d["namespace"], d["name"]) for d in build["inputs"]] == [raw]
    with connect() as conn:
        (models,) = conn.execute("select models from audit.publication where status = 'published'").fetchone()
    assert sorted(d["name"] for d in build["outputs"]) == sorted(f"{database}.{m}" for m in models)
    assert {f"marts.{t}" for t in ("fct_dossier", "fct_indicator_value", "rpt_indicator_value")} <= set(models)

    # the tasks that read or write no dataset report none (no assets carried over from earlier tasks)
    for task in ("discover", "publish_docs", "sync_dashboards", "check_run"):
        (e,) = complete[task]
        assert e.get("inputs", []) == [] and e.get("outputs", []) == [], task
