"""Files that used to crash or hang the loader are rejected with a Vietnamese reason, within bounded memory.

Each file is loaded by `cchc load` in a process of its own; its peak memory (the child's maximum resident set) is
printed and must stay under 1.5 GB, which is also the process's address-space cap (a far-corner cell used to ask
for 549 GB). Afterwards the file is `rejected` with its reason, none of its rows is in raw, its load is finished
and nothing is left `validating`.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cchc_warehouse.db import connect
from tests.reliability import hostile_files as h

PEAK_LIMIT_KB = 1_500_000                 # resident memory the worst file may take
ADDRESS_SPACE_CAP = 4 << 30               # the process's address space (Arrow and GX reserve much more than they use)


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_CAP, ADDRESS_SPACE_CAP))


def load_capped(source: str, path: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[int, str, int]:
    """(exit code, output, peak resident KB) of `cchc load` for one file."""
    proc = subprocess.Popen([sys.executable, "-m", "cchc_warehouse.cli", "load", source, str(path), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, **(env or {})}, preexec_fn=_cap)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, out, usage.ru_maxrss


def far_corner(tmp: Path) -> Path:
    return h.far_corner_xlsx(tmp / "ho_so_o_xa_2025_03.xlsx")


def bomb(tmp: Path) -> Path:
    return h.bomb_xlsx(tmp / "ho_so_bom_2025_03.xlsx")


def long_line(tmp: Path) -> Path:
    return h.long_line_csv(tmp / "ho_so_dong_dai_2025_03.csv")


def many_columns(tmp: Path) -> Path:
    return h.many_columns_csv(tmp / "ho_so_nhieu_cot_2025_03.csv")


def nul_in_a_cell(tmp: Path) -> Path:
    return h.csv_with(tmp / "ho_so_nul_2025_03.csv", [";".join(h.DOSSIER_HEADER),
                                                       "HS-1;12.STP;1.001;Trực tuyến;03/03/2025;Đang xử lý",
                                                       "HS-2;12.STP;1.0\x0001;Trực tuyến;04/03/2025;Đang xử lý"])


def truncated_xlsx(tmp: Path) -> Path:
    whole = h.far_corner_xlsx(tmp / "whole.xlsx").read_bytes()
    target = tmp / "ho_so_cat_do_2025_03.xlsx"
    target.write_bytes(whole[: len(whole) // 2])
    return target


def not_a_zip(tmp: Path) -> Path:
    target = tmp / "ho_so_gia_2025_03.xlsx"
    target.write_bytes(b"PK\x03\x04" + os.urandom(4000))
    return target


def random_bytes(tmp: Path) -> Path:
    target = tmp / "ho_so_rac_2025_03.csv"
    target.write_bytes(bytes(range(256)) * 64)
    return target


def empty(tmp: Path) -> Path:
    target = tmp / "ho_so_rong_2025_03.csv"
    target.write_bytes(b"")
    return target


def old_xls(tmp: Path) -> Path:
    target = tmp / "ho_so_2025_03.xls"
    target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    return target


def html_as_xls(tmp: Path) -> Path:
    target = tmp / "DanhSachHoSo_2025_03.xls"
    target.write_text("<html><body><table><tr><td>Mã hồ sơ</td></tr></table></body></html>", encoding="utf-8")
    return target


def zip_with_huge_shared_strings(tmp: Path) -> Path:
    target = tmp / "ho_so_chuoi_2025_03.xlsx"
    h.write_xlsx(target, [h.row_xml(1, enumerate(h.DOSSIER_HEADER, start=1)), *h.dossier_rows(8)])
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
            block = b"<si><t>a</t></si>" * 100_000
            for _ in range(1_200_000_000 // len(block)):
                f.write(block)
    return target


CASES = [
    # (maker, source, reason fragment the message must contain, extra env)
    (far_corner, "one_stop_dossiers", "có ô ở XFD1048576", {}),
    (bomb, "one_stop_dossiers", "khi giải nén vượt", {}),
    (zip_with_huge_shared_strings, "one_stop_dossiers", "khi giải nén vượt", {}),
    (long_line, "one_stop_dossiers", "dòng 3 dài hơn 1.024 KB", {}),
    (many_columns, "one_stop_dossiers", "vượt giới hạn 1.000 cột", {}),
    (nul_in_a_cell, "one_stop_dossiers", "dòng 3, cột 'Mã TTHC': có ký tự NUL", {}),
    (truncated_xlsx, "one_stop_dossiers", "tệp .xlsx hỏng", {}),
    (not_a_zip, "one_stop_dossiers", "tệp .xlsx hỏng", {}),
    (random_bytes, "one_stop_dossiers", "Tệp ho_so_rac_2025_03.csv", {}),
    (empty, "one_stop_dossiers", "tệp rỗng", {}),
    (old_xls, "one_stop_dossiers", "Excel 97-2003 (.xls)", {}),
    (html_as_xls, "one_stop_dossiers", "trang HTML", {}),
]


@pytest.fixture(scope="module")
def warehouse(make_database):
    return make_database()


@pytest.mark.parametrize("maker,source,fragment,env", CASES, ids=[c[0].__name__ for c in CASES])
def test_hostile_file_is_rejected_with_its_reason_in_bounded_memory(warehouse, use_database, tmp_path, maker,
                                                                      source, fragment, env):
    use_database(warehouse)
    path = maker(tmp_path)
    code, out, peak_kb = load_capped(source, path, "--period", "2025-03", env=env)
    print(f"\n{path.name}: {path.stat().st_size:,} bytes, peak {peak_kb / 1024:,.0f} MB")
    assert code == 1, out[-3000:]
    assert peak_kb < PEAK_LIMIT_KB, f"peak {peak_kb} KB"
    with connect() as conn:
        status, reasons, file_id = conn.execute(
            "select status, reasons, file_id from audit.source_file where file_name = %s", (path.name,)).fetchone()
        raw = conn.execute("select count(*) from raw.one_stop_dossiers where file_id = %s", (file_id,)).fetchone()[0]
        stuck = conn.execute("select count(*) from audit.source_file where status = 'validating'").fetchone()[0]
        running = conn.execute("select count(*) from audit.load where status = 'running'").fetchone()[0]
    assert status == "rejected" and raw == 0 and stuck == 0 and running == 0
    assert any(fragment in r for r in reasons), reasons
    assert all(r.startswith(f"Tệp {path.name}") for r in reasons), reasons
    assert "Traceback" not in out


def test_the_row_limit_is_a_setting(warehouse, use_database, tmp_path):
    use_database(warehouse)
    lines = [";".join(h.DOSSIER_HEADER)] + [f"HS-{i};12.STP;1.001;Trực tuyến;03/03/2025;Đang xử lý"
                                            for i in range(2000)]
    path = h.csv_with(tmp_path / "ho_so_nhieu_dong_2025_03.csv", lines)
    code, out, _ = load_capped("one_stop_dossiers", path, "--period", "2025-03", env={"CCHC_MAX_ROWS": "1000"})
    assert code == 1 and "hơn 1.000 dòng (CCHC_MAX_ROWS)" in out, out[-2000:]


def test_a_count_beyond_any_real_count_is_named_not_an_overflow(warehouse, use_database, tmp_path):
    """10^20 used to end in OverflowError with the file stuck `validating`."""
    use_database(warehouse)
    path = h.csv_with(tmp_path / "van_ban_2025_03.csv", [
        "Mã đơn vị,Kỳ báo cáo,Tổng số văn bản đi,Văn bản đi được ký số",
        "12.STP,03/2025,100000000000000000000,990"])
    code, out, _ = load_capped("esign_stats", path, "--period", "2025-03")
    assert code == 1, out
    with connect() as conn:
        status, reasons = conn.execute("select status, reasons from audit.source_file where file_name = %s",
                                       (path.name,)).fetchone()
    assert status == "rejected"
    assert reasons == ["Tệp van_ban_2025_03.csv, cột 'Tổng số văn bản đi': số nguyên không âm, không quá 1.000 tỷ "
                       "(ví dụ 1.234) không đọc được: dòng 2 ('100000000000000000000')"]
