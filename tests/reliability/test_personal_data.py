"""No personal data at rest or in messages (decree 13/2023/NĐ-CP).

A month of sample files (their personal columns included) and three hand-made listings are loaded and built, then
the whole database (every table and view of every schema, JSON included), the GX store (validation results and
data docs), the HTML report and the archive's permissions are searched:

- `ho_so_them_cot`: clean, with columns under headers outside the contract — `Số CMTND`, `Số ĐT`, `Chủ hồ sơ`,
  `Nơi thường trú` (personal by their header) and `Ghi chú`, `Liên hệ` (free text: a phone or an e-mail in some
  cells) — it loads, only the headers of the personal columns are recorded;
- `ho_so_ban`: dirty — an applicant's phone typed into `Ngày hẹn trả`, a dossier code that is an ID number given
  twice — rejected, its reasons quote the values masked (`09******16`);
- `ho_so_lech`: shifted — an unquoted comma in an address pushes a phone right of the table — rejected naming the
  row, no value quoted.

The personal values searched for are the ones this test wrote and the sample generator's (read from the files'
personal columns with python-calamine and csv, not with the loader).
"""

from __future__ import annotations

import csv
import re
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from cchc_warehouse import storage
from cchc_warehouse.config import paths
from cchc_warehouse.db import connect
from cchc_warehouse.ingest.load import load
from cchc_warehouse.marts.build import build_and_publish
from cchc_warehouse.reporting.docs import gx_data_docs
from cchc_warehouse.sample.generate import generate

MONTH = date(2025, 3, 1)
SAMPLE_PERSONAL_HEADERS = {"Họ tên người nộp", "Số CCCD/Số giấy tờ", "Số CCCD", "Số điện thoại", "Địa chỉ"}

PEOPLE = [  # (CMTND, phone, owner, residence, note, contact)
    ("035092001234", "0912345616", "Nguyễn Thị Hoa", "Bản Nà Khuổi xã Bum Tở", "gọi 0987654321 khi có kết quả",
     "hoa.nguyen@gmail.com"),
    ("040188005678", "0366112233", "Lò Văn Pâng", "Tổ 5 phường Đông Phong", "nộp bổ sung giấy tờ", "0366 112 233"),
    ("191234567", "0203876543", "Vàng A Dình", "Bản Hua Bum", "", "dinh.va@yahoo.com.vn"),
]
EXTRA_HEADERS = ["Số CMTND", "Số ĐT", "Chủ hồ sơ", "Nơi thường trú", "Ghi chú", "Liên hệ"]


def cells_under(path: Path, headers: set[str]) -> set[str]:
    """Every non-blank cell under one of `headers` in a sample file (header found in the first 15 rows)."""
    if path.suffix == ".xlsx":
        rows = [[("" if c is None else str(c)) for c in r]
                for sheet in CalamineWorkbook.from_path(str(path)).sheet_names
                for r in CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()]
    else:
        raw = path.read_bytes()
        text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
        delimiter = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
        rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    found: set[str] = set()
    cols: list[int] = []
    for r in rows:
        at = [i for i, c in enumerate(r) if " ".join(str(c).split()) in headers]
        if at:
            cols = at
            continue
        found |= {str(r[i]).strip() for i in cols if i < len(r) and str(r[i]).strip()}
    return found


def listing(template: Path, out: Path, edit) -> Path:
    with template.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    lines = edit(header, body)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def as_line(cells: list[str]) -> str:
    import io
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(cells)
    return buf.getvalue()


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, list[Path]]:
    landing = tmp_path_factory.mktemp("landing")
    generate(landing, [MONTH], dossiers_per_month=150, seed=13)
    folder = landing / "one_stop_dossiers" / f"{MONTH:%Y-%m}"
    template = next(p for p in sorted(folder.iterdir()) if p.suffix == ".csv")
    made = tmp_path_factory.mktemp("made")

    def with_extra(header, body):
        lines = [as_line([*header, *EXTRA_HEADERS])]
        for i, r in enumerate(body):
            p = PEOPLE[i % len(PEOPLE)]
            lines.append(as_line([*r, *p]))
        return lines

    def dirty(header, body):
        due = next(i for i, h in enumerate(header) if " ".join(h.split()) == "Ngày hẹn trả")
        code = next(i for i, h in enumerate(header) if " ".join(h.split()) == "Mã hồ sơ")
        rows = [list(r) for r in body]
        rows[3][due] = PEOPLE[0][1]
        rows[5][code] = rows[6][code] = PEOPLE[1][0]
        return [as_line(header), *(as_line(r) for r in rows)]

    def shifted(header, body):
        lines = [as_line([*header, "Nơi thường trú", "Số ĐT"])]
        for i, r in enumerate(body):
            residence = "Bản Nà Khuổi, xã Bum Tở" if i == 7 else "Bản Hua Bum"
            lines.append(as_line(r) + f",{residence},{PEOPLE[2][1]}")        # the comma is not quoted
        return lines

    made_files = [listing(template, made / f"ho_so_{name}_2025_03.csv", edit)
                  for name, edit in (("them_cot", with_extra), ("ban", dirty), ("lech", shifted))]
    return landing, made_files


def personal_values(landing: Path) -> set[str]:
    values = {v for p in PEOPLE for v in p[:4]} | {PEOPLE[0][5], PEOPLE[2][5], "0987654321"}
    for f in (landing / "one_stop_dossiers" / f"{MONTH:%Y-%m}").iterdir():
        values |= cells_under(f, SAMPLE_PERSONAL_HEADERS)
    return {v for v in values if len(v) >= 6}


def variants(value: str) -> set[str]:
    """The value as written, and digits-only for numbers written with separators."""
    digits = re.sub(r"\D", "", value)
    return {value} | ({digits} if len(digits) >= 9 and len(digits) >= len(value) - 3 else set())


def database_hits(needles: set[str]) -> dict[str, list[str]]:
    pattern = re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)))
    hits: dict[str, list[str]] = {}
    with connect() as conn:
        relations = conn.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2").fetchall()
        for schema, name in relations:
            for (text,) in conn.execute(f'select t::text from "{schema}"."{name}" t'):
                if text and (m := pattern.search(text)):
                    hits.setdefault(f"{schema}.{name}", []).append(m.group(0))
    return hits


def test_no_personal_value_at_rest_or_in_messages(make_database, files, tmp_path):
    make_database()
    landing, (extra, dirty, shifted) = files
    sample = sorted((landing / "one_stop_dossiers" / f"{MONTH:%Y-%m}").iterdir())
    results = load("one_stop_dossiers", [*sample, extra, dirty, shifted], MONTH)
    status = {r.path.name: r.status for r in results}
    assert status[extra.name] == "loaded", results[-3].reasons
    assert status[dirty.name] == status[shifted.name] == "rejected"
    by_name = {r.path.name: r for r in results}
    reasons = " ".join(by_name[dirty.name].reasons)
    assert "09******16" in reasons, reasons                      # quoted, masked
    assert "04********78" in reasons, reasons
    assert "dòng 9:" in " ".join(by_name[shifted.name].reasons), by_name[shifted.name].reasons
    assert build_and_publish()

    with connect() as conn:
        dropped = conn.execute("select dropped_columns from audit.source_file where file_name = %s",
                               (extra.name,)).fetchone()[0]
        kept = conn.execute("select extra from raw.one_stop_dossiers r join audit.source_file f using (file_id) "
                            "where f.file_name = %s and r.extra ->> 'Ghi chú' is not null limit 1",
                            (extra.name,)).fetchone()
    # personal by header, and by value (a phone in a note, e-mails and a phone under 'Liên hệ'): headers only
    assert set(dropped) == set(EXTRA_HEADERS)
    assert kept is None

    report = tmp_path / "bao_cao.html"
    done = subprocess.run([sys.executable, "-m", "cchc_warehouse.cli", "report", "--period", f"{MONTH:%Y-%m}",
                           "--out", str(report)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

    needles = {v for value in personal_values(landing) for v in variants(value)}
    assert len(needles) > 250                    # the sample's applicants and this test's people
    assert database_hits(needles) == {}
    site = storage.local_path(gx_data_docs()).parent     # data docs of every validation, rejected files too
    gx_text = [p for folder in (site, paths().gx_root) if folder.exists() for p in folder.rglob("*")
               if p.is_file() and p.suffix in (".json", ".html")]
    assert gx_text, "no GX results or data docs written"
    pattern = re.compile("|".join(re.escape(n) for n in needles))
    assert [str(p) for p in gx_text if pattern.search(p.read_text(encoding="utf-8", errors="replace"))] == []
    assert not pattern.search(report.read_text(encoding="utf-8"))

    archive = paths().archive
    archived = [p for p in archive.rglob("*") if p.is_file()]
    assert len(archived) >= len(results)
    assert {stat.S_IMODE(p.stat().st_mode) for p in archived} == {0o600}
    assert {stat.S_IMODE(p.stat().st_mode) for p in archive.rglob("*") if p.is_dir()} == {0o700}


def test_the_archive_keeps_files_for_the_retention_only(make_database, files):
    """Files received 6 years ago are purged by `cchc archive purge` (default retention: 1825 days); a file received
    today stays; the registry keeps every file's hash and records the purge. --dry-run deletes nothing."""
    make_database()
    landing, _ = files
    sample = sorted((landing / "one_stop_dossiers" / f"{MONTH:%Y-%m}").iterdir())
    results = load("one_stop_dossiers", sample, MONTH)
    old, new = results[:2], results[2:]
    with connect() as conn:
        conn.execute("update audit.source_file set received_at = now() - interval '6 years' where file_id = any(%s)",
                     ([r.file_id for r in old],))
        paths_of = dict(conn.execute("select file_id, archive_path from audit.source_file").fetchall())

    def cchc(*args):
        return subprocess.run([sys.executable, "-m", "cchc_warehouse.cli", "archive", "purge", *args],
                              capture_output=True, text=True)

    dry = cchc("--dry-run")
    assert dry.returncode == 0 and "2 bản lưu" in dry.stdout, dry.stdout + dry.stderr
    assert all(storage.local_path(storage.make_path(p)).exists() for p in paths_of.values())
    done = cchc()
    assert done.returncode == 0, done.stdout + done.stderr
    with connect() as conn:
        after = {f: (p, purged is not None, sha) for f, p, purged, sha in conn.execute(
            "select file_id, archive_path, archive_purged_at, sha256 from audit.source_file").fetchall()}
    for r in old:
        assert after[r.file_id][:2] == (None, True) and after[r.file_id][2]
        assert not storage.local_path(storage.make_path(paths_of[r.file_id])).exists()
    for r in new:
        assert after[r.file_id][:2] == (paths_of[r.file_id], False)
        assert storage.local_path(storage.make_path(paths_of[r.file_id])).exists()
