"""The unit registry (ref.unit): imported from a CSV the province maintains, never created from data."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

from .db import connect
from .textnorm import nfc

LEVELS = {"province", "department", "district", "commune"}
COLUMNS = ("unit_code", "unit_name", "level", "parent_code")


class UnitFileError(ValueError):
    pass


def read_units(path: Path) -> list[tuple[str, str, str, str | None]]:
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
            if level not in LEVELS:
                errors.append(f"dòng {n}, cột level: {level!r} không thuộc {sorted(LEVELS)}")
            rows.append((code, name, level, parent))
    codes = [r[0] for r in rows]
    dupes = {c for c in codes if codes.count(c) > 1}
    if dupes:
        errors.append(f"mã đơn vị trùng: {', '.join(sorted(dupes))}")
    if errors:
        raise UnitFileError(f"Tệp {path.name}: " + "; ".join(errors))
    return rows


def import_units(path: Path) -> int:
    rows = read_units(path)
    with connect() as conn:
        with conn.cursor() as cur:
            cur.executemany(
                """insert into ref.unit (unit_code, unit_name, level, parent_code, imported_from)
                   values (%s, %s, %s, %s, %s)
                   on conflict (unit_code) do update set unit_name = excluded.unit_name, level = excluded.level,
                       parent_code = excluded.parent_code, imported_from = excluded.imported_from,
                       imported_at = now()""",
                [(*r, path.name) for r in rows],
            )
    return len(rows)


def import_demo_registry() -> int:
    """The demo province's registry shipped with the package (Lai Châu)."""
    with resources.as_file(resources.files("cchc_warehouse.reference") / "units_lai_chau.csv") as f:
        return import_units(Path(f))
