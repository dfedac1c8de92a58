"""CLI contract and the project-local PostgreSQL cluster."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_warehouse.cli import main
from cchc_warehouse.reporting.indicators import IndicatorRow, print_rows

ROOT = Path(__file__).parents[1]


def test_indicator_output_columns_and_two_decimals():
    rows = [IndicatorRow("12", "2025-06", "OSS_ONTIME_RATE", Decimal(8), Decimal(9), Decimal("88.8888888889"), "", ""),
            IndicatorRow("12", "2025-06", "OSS_RECEIVED", Decimal(1000), None, Decimal(1000), "", ""),
            IndicatorRow("12", "2025-06", "OSS_ONLINE_RATE", Decimal(0), Decimal(0), None, "", "")]
    out = io.StringIO()
    print_rows(rows, "csv", out)
    assert out.getvalue().splitlines() == [
        "unit_code,period,indicator_code,numerator,denominator,value",
        "12,2025-06,OSS_ONTIME_RATE,8,9,88.89",
        "12,2025-06,OSS_RECEIVED,1000,,1000.00",
        "12,2025-06,OSS_ONLINE_RATE,0,0,",
    ]


def test_load_exit_code_is_non_zero_when_a_file_is_rejected(make_database, tmp_path, capsys):
    make_database()
    bad = tmp_path / "bad.csv"
    bad.write_text("Mã hồ sơ,Mã đơn vị\nA,12\n", encoding="utf-8")
    assert main(["load", "one_stop_dossiers", str(bad), "--period", "2025-06"]) == 1
    out = capsys.readouterr().out
    assert "TỪ CHỐI" in out and "bad.csv" in out and "thiếu cột bắt buộc" in out


def test_uninitialised_database_and_unbuilt_marts_get_a_vietnamese_message_not_a_traceback(
        server_url, tmp_path, capsys):
    """`cchc units import` before `cchc init`, `cchc indicators` before the first `cchc build`: one line for the
    official, a non-zero exit."""
    import uuid

    import psycopg

    from cchc_warehouse.db import migrate, with_database

    name = f"cchc_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    units = ROOT / "src" / "cchc_warehouse" / "reference" / "units_lai_chau.csv"
    try:
        os.environ["CCHC_DATABASE_URL"] = with_database(server_url, name)
        assert main(["units", "import", str(units)]) == 2
        err = capsys.readouterr().err
        assert err.strip() == "LỖI: chưa khởi tạo cơ sở dữ liệu: chạy cchc init" and "Traceback" not in err
        assert main(["indicators", "--period", "2025-06"]) == 2
        assert "chưa khởi tạo cơ sở dữ liệu" in capsys.readouterr().err
        migrate()
        assert main(["units", "import", str(units)]) == 0
        assert main(["indicators", "--period", "2025-06"]) == 2
        err = capsys.readouterr().err
        assert "chưa có số liệu báo cáo" in err and "cchc build" in err and "Traceback" not in err
    finally:
        os.environ.pop("CCHC_DATABASE_URL", None)
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'drop database if exists "{name}" with (force)')


def test_rejection_names_the_period_given(make_database, tmp_path, capsys):
    make_database()
    bad = tmp_path / "bad.csv"
    bad.write_text("Mã hồ sơ,Mã đơn vị\nA,12\n", encoding="utf-8")
    assert main(["load", "one_stop_dossiers", str(bad), "--period", "2025-06"]) == 1
    assert "kỳ 2025-06" in capsys.readouterr().out


@pytest.mark.skipif(not shutil.which("pg_ctl") and not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")),
                    reason="no PostgreSQL server binaries on this machine")
def test_local_cluster_start_status_stop():
    home = Path(tempfile.mkdtemp(prefix="cchc-localdb-"))
    home.chmod(0o755)              # as root the server runs as `postgres`, which must reach it
    env = {**os.environ, "CCHC_HOME": str(home), "CCHC_PG_PORT": "54391"}
    env.pop("CCHC_DATABASE_URL", None)
    cchc = [str(ROOT / ".venv" / "bin" / "cchc")]
    try:
        assert subprocess.run([*cchc, "db", "start"], env=env, capture_output=True, text=True).returncode == 0
        st = subprocess.run([*cchc, "db", "status"], env=env, capture_output=True, text=True)
        assert st.returncode == 0 and "running" in st.stdout
        url = subprocess.run([*cchc, "db", "url"], env=env, capture_output=True, text=True).stdout.strip()
        password = (home / "pg" / "superuser.pw").read_text().strip()    # generated at initdb, 0600
        assert len(password) >= 24
        assert url == f"postgresql://postgres:{password}@127.0.0.1:54391/cchc"
        assert "@127.0.0.1:54391/cchc" in st.stdout and password not in st.stdout
        assert subprocess.run([*cchc, "init"], env={**env, "CCHC_DATABASE_URL": url}).returncode == 0
    finally:
        subprocess.run([*cchc, "db", "stop"], env=env, capture_output=True)
    st = subprocess.run([*cchc, "db", "status"], env=env, capture_output=True, text=True)
    assert st.returncode == 3 and "stopped" in st.stdout
    shutil.rmtree(home, ignore_errors=True)


def _compose_config(tmp_path: Path, values: dict[str, str], *profiles: str) -> subprocess.CompletedProcess:
    env_file = tmp_path / "compose.env"
    env_file.write_text("".join(f"{k}={v}\n" for k, v in values.items()), encoding="utf-8")
    args = ["docker-compose", "--env-file", str(env_file), "-f", str(ROOT / "docker-compose.yml")]
    for p in profiles:
        args += ["--profile", p]
    # only PATH/HOME from the environment: variables exported in the shell would override the env file
    return subprocess.run([*args, "config"], env={"PATH": os.environ["PATH"], "HOME": str(tmp_path)},
                          capture_output=True, text=True, cwd=ROOT)


@pytest.mark.skipif(not shutil.which("docker-compose"), reason="docker-compose (Debian package) not installed")
def test_docker_compose_file_is_valid(tmp_path):
    """Every variable of .env.example, the required (empty) ones given a test value: the file is valid for the
    default profile and with celery + metabase; leaving any required secret empty makes compose refuse."""
    import yaml

    example, required, section = {}, [], None
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        if line.startswith("# ---"):
            section = "required" if "required" in line else "optional"
        elif line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            example[key.strip()] = value.strip()
            if section == "required":
                required.append(key.strip())
    assert {"POSTGRES_PASSWORD", "AIRFLOW_JWT_SECRET", "AIRFLOW_API_SECRET_KEY", "AIRFLOW_FERNET_KEY",
            "AIRFLOW_ADMIN_PASSWORD"} <= set(required)
    values = {**example, **{k: "test-secret" for k in required}}

    res = _compose_config(tmp_path, values)
    assert res.returncode == 0, res.stderr
    services = yaml.safe_load(res.stdout)["services"]
    env = services["airflow-scheduler"]["environment"]
    assert env["AIRFLOW__CORE__EXECUTOR"] == "cchc_warehouse.airflow.executors.WarmLocalExecutor"
    assert json.loads(env["AIRFLOW__CELERY__EXTRA_CELERY_CONFIG"]) == {
        "imports": ["cchc_warehouse.airflow.worker_preload"]}
    assert env["CCHC_METABASE_URL"] == ""                      # no Metabase sync without the profile
    assert env["AIRFLOW__API_AUTH__JWT_SECRET"] == env["AIRFLOW__API__SECRET_KEY"] == "test-secret"
    assert not any(p.startswith("127.0.0.1:5432:") for p in services["postgres"].get("ports", []))
    for name in ("airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer"):
        assert "healthcheck" in services[name], name
        assert any(v.startswith("airflow-logs:") for v in services[name]["volumes"]), name

    celery = {**values, "AIRFLOW_EXECUTOR": "CeleryExecutor", "CCHC_METABASE_URL": "http://metabase:3000"}
    res = _compose_config(tmp_path, celery, "celery", "metabase")
    assert res.returncode == 0, res.stderr
    services = yaml.safe_load(res.stdout)["services"]
    assert services["airflow-worker-1"]["environment"]["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert {"redis", "airflow-worker-1", "airflow-worker-2", "metabase"} <= set(services)

    for key in required:
        res = _compose_config(tmp_path, {**values, key: ""})
        assert res.returncode != 0 and key in res.stderr, key


def test_one_message_per_column_with_exact_counts(make_database, tmp_path):
    from datetime import date

    from cchc_warehouse.ingest.load import load

    make_database()
    header = "Mã hồ sơ;Mã đơn vị;Mã TTHC;Kênh nộp;Ngày tiếp nhận;Trạng thái"
    rows = [f"A-{i};12.H01;1.1;Trực tuyến;0{1 + i % 9}/06/2025;Đang xử lý" for i in range(30)]
    rows[3] = "A-3;12.H01;1.1;Fax;02/06/2025;Đang xử lý"           # channel unreadable
    rows[5] = "A-5;12.H01;1.1;Trực tiếp;31/06/2025;"               # date unreadable, status missing
    rows[9] = "A-9;12.H01;1.1;Trực tiếp;13/13/2025;Đang xử lý"     # date unreadable
    p = tmp_path / "several.csv"
    p.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    (r,) = load("one_stop_dossiers", [p], date(2025, 6, 1))
    assert r.status == "rejected"
    assert sorted(r.reasons) == sorted([
        "Tệp several.csv, cột 'Trạng thái': thiếu trạng thái (cột bắt buộc): dòng 7 (trống)",
        "Tệp several.csv, cột 'Ngày tiếp nhận': ngày tiếp nhận (dd/mm/yyyy hoặc yyyy-mm-dd) không đọc được: "
        "dòng 7 ('31/06/2025'); dòng 11 ('13/13/2025')",
        "Tệp several.csv, cột 'Kênh nộp': kênh nộp (Trực tiếp, Trực tuyến, Bưu chính công ích hoặc 1/2/3) "
        "không đọc được: dòng 5 ('Fax')",
    ])
