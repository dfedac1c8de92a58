"""The unit registry (ref.unit), effective-dated: never created from data.

Two ways in:
- `cchc units import FILE.csv`: units the province maintains (departments; its own districts and communes
  when it does not sync the national list), columns unit_code, unit_name, level, parent_code and optionally
  valid_from, valid_to (exclusive) and replaced_by (successor code, from valid_to).
- `cchc units sync-national`: provinces, districts and communes of both eras from the PyPI package
  `vietnamadminunits` (MIT): 63 provinces, ~700 districts and ~10,000 communes valid until 30 June 2025;
  34 provinces and 3,321 communes from 1 July 2025; and its old -> new converter data as successors
  (a split commune: every new commune it went to, the default one carrying its figures).
"""

from __future__ import annotations

import csv
import importlib.metadata
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from cchc_warehouse.db import connect
from cchc_warehouse.marts.generations import rebuild_both_in_full
from cchc_warehouse.textnorm import nfc, unit_name_key

LEVELS = {"province", "department", "district", "commune"}
COLUMNS = ("unit_code", "unit_name", "level", "parent_code")
# A unit code: letters, digits, '.', '_', '-', '/', starting with a letter or digit (never = + - @: a code becomes a
# cell in every export, where a leading '=' is a formula)
UNIT_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,39}")


def code_problem(value: str | None) -> str | None:
    """Why a unit code cannot be registered, in Vietnamese, or None."""
    if value is None or UNIT_CODE.fullmatch(value):
        return None
    shown = value if len(value) <= 20 else value[:20] + "…"
    return (f"mã {shown!r} không hợp lệ (chỉ gồm chữ, số và . _ - /, bắt đầu bằng chữ hoặc số, tối đa 40 ký tự; "
            "không bắt đầu bằng = + - @)")
EPOCH = date(1900, 1, 1)                 # valid_from of a unit whose start is not known
REORGANISATION = date(2025, 7, 1)        # resolution 202/2025/QH15: 34 provinces, no districts


class UnitFileError(ValueError):
    pass


@dataclass(frozen=True)
class UnitVersion:
    code: str
    name: str
    level: str
    parent: str | None
    valid_from: date = EPOCH
    valid_to: date | None = None
    replaced_by: str | None = None


def _date(value: str, where: str, errors: list[str]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(f"{where}: {value!r} không phải ngày yyyy-mm-dd")
        return None


def read_units(path: Path) -> list[UnitVersion]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise UnitFileError(f"Tệp {path.name}: thiếu cột {', '.join(missing)}")
        rows, errors = [], []
        for n, rec in enumerate(reader, start=2):
            code, name = (rec["unit_code"] or "").strip(), nfc((rec["unit_name"] or "").strip())
            level, parent = (rec["level"] or "").strip(), (rec["parent_code"] or "").strip() or None
            if not code or not name:
                errors.append(f"dòng {n}: thiếu unit_code hoặc unit_name")
            for column, value in (("unit_code", code or None), ("parent_code", parent),
                                  ("replaced_by", (rec.get("replaced_by") or "").strip() or None)):
                if problem := code_problem(value):
                    errors.append(f"dòng {n}, cột {column}: {problem}")
            if level not in LEVELS:
                errors.append(f"dòng {n}, cột level: {level!r} không thuộc {sorted(LEVELS)}")
            start = _date((rec.get("valid_from") or "").strip(), f"dòng {n}, cột valid_from", errors) or EPOCH
            end = _date((rec.get("valid_to") or "").strip(), f"dòng {n}, cột valid_to", errors)
            if end is not None and end <= start:
                errors.append(f"dòng {n}: valid_to phải sau valid_from")
            successor = (rec.get("replaced_by") or "").strip() or None
            rows.append(UnitVersion(code, name, level, parent, start, end, successor))
    keys = [(r.code, r.valid_from) for r in rows]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        errors.append("mã đơn vị trùng: " + ", ".join(f"{c} (từ {d})" for c, d in dupes))
    if errors:
        raise UnitFileError(f"Tệp {path.name}: " + "; ".join(errors))
    return rows


def _upsert(conn, versions: Iterable[UnitVersion], provenance: str) -> int:
    versions = list(versions)
    if bad := [f"{v.code!r}: {p}" for v in versions for p in [code_problem(v.code) or code_problem(v.parent)] if p]:
        raise UnitFileError(f"{provenance}: " + "; ".join(bad[:5]))
    rows = [(v.code, v.name, unit_name_key(v.name), v.level, v.parent, v.valid_from, v.valid_to, provenance,
             provenance) for v in versions]
    before = _registry_digest(conn)
    with conn.cursor() as cur:
        cur.executemany(
            """insert into ref.unit (unit_code, unit_name, name_key, level, parent_code, valid_from, valid_to,
                                     provenance, imported_from)
               values (%s, %s, %s, %s, %s, %s, %s, %s, %s)
               on conflict (unit_code, valid_from) do update set unit_name = excluded.unit_name,
                   name_key = excluded.name_key, level = excluded.level, parent_code = excluded.parent_code,
                   valid_to = excluded.valid_to, provenance = excluded.provenance,
                   imported_from = excluded.imported_from, imported_at = now()""",
            rows)
    if _registry_digest(conn) != before:
        # roll-ups, restatements and levels of every period may change: the next builds of both mart generations
        # are full refreshes (the incremental models recompute only the periods new files touch)
        rebuild_both_in_full(conn)
    return len(rows)


def _registry_digest(conn) -> str | None:
    """What the marts read of the registry (codes, versions, names, levels, parents), as one digest."""
    return conn.execute(
        """select md5(string_agg(concat_ws('|', unit_code, valid_from, valid_to, unit_name, level, parent_code), ','
                                 order by unit_code, valid_from)) from ref.unit""").fetchone()[0]


def _as_changes(conn, versions: list[UnitVersion], effective: date) -> list[UnitVersion]:
    """Slowly changing import: a row without its own valid_from is compared with the code's open version. The
    same name, level and parent: nothing to do. Different: the open version ends the day before `effective`
    and a new version starts on it (history kept). A code not yet registered starts on `effective`."""
    out = []
    for v in versions:
        if v.valid_from != EPOCH:
            out.append(v)
            continue
        current = conn.execute(
            """select valid_from, unit_name, level, parent_code from ref.unit
                where unit_code = %s and valid_to is null""", (v.code,)).fetchone()
        if current is None:
            out.append(UnitVersion(v.code, v.name, v.level, v.parent, effective, v.valid_to, v.replaced_by))
            continue
        start, name, level, parent = current
        if (name, level, parent) == (v.name, v.level, v.parent):
            continue
        if start >= effective:
            raise UnitFileError(f"{v.code}: phiên bản hiện có bắt đầu {start:%d/%m/%Y}, không đóng được trước "
                                f"{effective:%d/%m/%Y}")
        conn.execute("update ref.unit set valid_to = %s where unit_code = %s and valid_from = %s",
                     (effective, v.code, start))
        out.append(UnitVersion(v.code, v.name, v.level, v.parent, effective, v.valid_to, v.replaced_by))
    return out


def import_units(path: Path, effective: date | None = None) -> int:
    """Upsert the file's unit versions. effective: import as changes from that day (renamed or re-parented
    units get a new version; the old one keeps its history). Returns the number of versions written."""
    import psycopg

    versions = read_units(path)
    with connect() as conn:
        if effective is not None:
            versions = _as_changes(conn, versions, effective)
        try:
            n = _upsert(conn, versions, f"csv:{path.name}")
        except psycopg.errors.ExclusionViolation as exc:
            raise UnitFileError(
                f"Tệp {path.name}: thời gian hiệu lực chồng lên một phiên bản đã có của cùng mã đơn vị "
                f"({exc.diag.message_detail}); mã do `cchc units sync-national` quản lý không nhập lại bằng CSV, "
                "hoặc ghi valid_from/valid_to cho phiên bản mới") from None
        successors = [(v.code, v.valid_from, v.replaced_by, v.valid_to) for v in versions if v.replaced_by]
        for old, old_from, new, on in successors:
            if on is None:
                raise UnitFileError(f"Tệp {path.name}: {old} có replaced_by nhưng không có valid_to")
            conn.execute(
                """insert into ref.unit_successor
                     (old_code, old_valid_from, new_code, new_valid_from, effective_on, is_default, weight, provenance)
                   select %s, %s, u.unit_code, u.valid_from, %s, true, 1, %s
                     from ref.unit u where u.unit_code = %s and daterange(u.valid_from, u.valid_to) @> %s::date
                   on conflict do nothing""", (old, old_from, on, f"csv:{path.name}", new, on))
    return n


def import_demo_registry() -> int:
    """The demo province's registry shipped with the package (Lai Châu)."""
    with resources.as_file(resources.files("cchc_warehouse.reference") / "units_lai_chau.csv") as f:
        return import_units(Path(f))


# ------------------------------------------------------------------------------------------ national units
@dataclass(frozen=True)
class Successor:
    old_code: str
    new_code: str
    is_default: bool
    weight: float


def national_units() -> tuple[list[UnitVersion], list[Successor], str]:
    """Both eras and the old -> new successors, from the vietnamadminunits data set; and its provenance."""
    from vietnamadminunits.database import query

    version = importlib.metadata.version("vietnamadminunits")
    legacy = query("select distinct provinceCode, province, provinceKey, districtCode, district, districtKey, "
                   "wardCode, ward, wardKey from admin_units_legacy")
    current = query("select distinct provinceCode, province, provinceKey, wardCode, ward, wardKey from admin_units")
    old_end = REORGANISATION
    units: dict[tuple[str, date], UnitVersion] = {}
    for r in legacy:
        p, d = r["provinceCode"], r["districtCode"]
        units[(p, EPOCH)] = UnitVersion(p, r["province"], "province", None, EPOCH, old_end)
        units[(d, EPOCH)] = UnitVersion(d, r["district"], "district", p, EPOCH, old_end)
        if r["wardCode"]:           # island districts have no commune
            units[(r["wardCode"], EPOCH)] = UnitVersion(r["wardCode"], r["ward"], "commune", r["districtCode"],
                                                        EPOCH, old_end)
    for r in current:
        units[(r["provinceCode"], old_end)] = UnitVersion(r["provinceCode"], r["province"], "province", None, old_end)
        units[(r["wardCode"], old_end)] = UnitVersion(r["wardCode"], r["ward"], "commune", r["provinceCode"], old_end)

    old_province = {r["provinceKey"]: r["provinceCode"] for r in legacy}
    new_province = {r["provinceKey"]: r["provinceCode"] for r in current}
    old_ward = {f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}": r["wardCode"] for r in legacy if r["wardCode"]}
    new_ward = {(r["provinceKey"], r["wardKey"]): r["wardCode"] for r in current}
    with resources.as_file(resources.files("vietnamadminunits") / "data" / "converter_2025.json") as f:
        conv = json.loads(Path(f).read_text(encoding="utf-8"))
    successors: dict[tuple[str, str], Successor] = {}
    province_of_old: dict[str, str] = {}
    for new_key, old_keys in conv["DICT_PROVINCE"].items():
        for old_key in old_keys:
            successors[(old_province[old_key], new_province[new_key])] = Successor(
                old_province[old_key], new_province[new_key], True, 1.0)
            province_of_old[old_province[old_key]] = new_province[new_key]
    for r in legacy:                  # districts were abolished: their communes went to the new province
        successors[(r["districtCode"], province_of_old[r["provinceCode"]])] = Successor(
            r["districtCode"], province_of_old[r["provinceCode"]], True, 1.0)
    for new_pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wkey, old_keys in wards.items():
            for old_key in old_keys:
                if old_key in old_ward and (new_pkey, new_wkey) in new_ward:
                    successors[(old_ward[old_key], new_ward[(new_pkey, new_wkey)])] = Successor(
                        old_ward[old_key], new_ward[(new_pkey, new_wkey)], True, 1.0)
    for new_pkey, divided in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, targets in divided.items():
            for t in targets:
                if old_key in old_ward and (new_pkey, t["newWardKey"]) in new_ward:
                    default = bool(t["isDefaultNewWard"])
                    successors[(old_ward[old_key], new_ward[(new_pkey, t["newWardKey"])])] = Successor(
                        old_ward[old_key], new_ward[(new_pkey, t["newWardKey"])], default, 1.0 if default else 0.0)
    return list(units.values()), list(successors.values()), f"vietnamadminunits=={version}"


def sync_national() -> dict[str, int]:
    """Replace the national units and successors with those of the installed vietnamadminunits; units the
    province imported from CSV (departments) are left as they are. Returns counts per level and era."""
    units, successors, provenance = national_units()
    with connect() as conn:
        conn.execute("delete from ref.unit_successor where provenance like 'vietnamadminunits%'")
        conn.execute("delete from ref.unit where provenance like 'vietnamadminunits%'")
        _upsert(conn, units, provenance)
        with conn.cursor() as cur:
            cur.executemany(
                """insert into ref.unit_successor
                     (old_code, old_valid_from, new_code, new_valid_from, effective_on, is_default, weight, provenance)
                   values (%s, %s, %s, %s, %s, %s, %s, %s)""",
                [(s.old_code, EPOCH, s.new_code, REORGANISATION, REORGANISATION, s.is_default, s.weight, provenance)
                 for s in successors])
    counts: dict[str, int] = {}
    for u in units:
        key = f"{u.level} {'đến 30/06/2025' if u.valid_to else 'từ 01/07/2025'}"
        counts[key] = counts.get(key, 0) + 1
    counts["đơn vị kế thừa"] = len(successors)
    return counts
