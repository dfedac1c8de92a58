"""CLI contract and the project-local PostgreSQL cluster."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_warehouse.cli import main
from cchc_warehouse.reports import IndicatorRow, print_rows

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
        assert url == "postgresql://postgres@127.0.0.1:54391/cchc"
        assert subprocess.run([*cchc, "init"], env={**env, "CCHC_DATABASE_URL": url}).returncode == 0
    finally:
        subprocess.run([*cchc, "db", "stop"], env=env, capture_output=True)
    st = subprocess.run([*cchc, "db", "status"], env=env, capture_output=True, text=True)
    assert st.returncode == 3 and "stopped" in st.stdout
    shutil.rmtree(home, ignore_errors=True)


@pytest.mark.skipif(not shutil.which("docker-compose"), reason="docker-compose (Debian package) not installed")
def test_docker_compose_file_is_valid():
    env = {**os.environ, "POSTGRES_PASSWORD": "x", "CCHC_DB_PASSWORD": "x", "AIRFLOW_DB_PASSWORD": "x",
           "AIRFLOW_ADMIN_PASSWORD": "x", "METABASE_DB_PASSWORD": "x", "METABASE_ADMIN_PASSWORD": "x",
           "CCHC_REPORTING_DB_PASSWORD": "x"}
    res = subprocess.run(["docker-compose", "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
                         env=env, capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr


def test_one_message_per_column_with_exact_counts(make_database, tmp_path):
    from datetime import date

    from cchc_warehouse.loader import load

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
