"""Targets (chỉ tiêu) and band rules (xếp loại): CSV files the province maintains, imported into ref.

An import replaces the rows of the years (targets) or (scheme, year) pairs (bands) the file covers, so a
corrected file simply replaces the earlier one. Every problem is reported with its row and column.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

from cchc_warehouse.db import connect
from cchc_warehouse.marts.generations import rebuild_both_in_full
from cchc_warehouse.textnorm import nfc

LEVELS = ("province", "department", "district", "commune", "all")
COMPARISONS = (">=", ">", "<=", "<", "=")
SCHEMES = ("par_internal", "par_national")


class ReferenceFileError(ValueError):
    pass


@dataclass(frozen=True)
class Target:
    indicator_code: str
    unit_level: str
    year: int
    comparison: str
    threshold: Decimal
    note: str | None


@dataclass(frozen=True)
class Band:
    scheme: str
    year: int
    band_code: str
    band_label_vi: str
    min_value: Decimal
    max_value: Decimal | None


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceFileError(f"Tệp {path.name}: thiếu cột {', '.join(missing)}")
        return [(n, {k: nfc((v or "").strip()) for k, v in rec.items() if k}) for n, rec in enumerate(reader, 2)]


def _number(value: str, where: str, errors: list[str]) -> Decimal | None:
    try:
        return Decimal(value.replace(",", "."))
    except InvalidOperation:
        errors.append(f"{where}: {value!r} không phải là số")
        return None


def _year(value: str, where: str, errors: list[str]) -> int:
    if not (value.isdigit() and len(value) == 4):
        errors.append(f"{where}: {value!r} không phải là năm (yyyy)")
        return 0
    return int(value)


def read_targets(path: Path, known_indicators: set[str] | None = None) -> list[Target]:
    out, errors = [], []
    for n, r in _rows(path, ("indicator_code", "unit_level", "year", "comparison", "threshold")):
        where = f"dòng {n}"
        code = r["indicator_code"].upper()
        if known_indicators is not None and code not in known_indicators:
            errors.append(f"{where}, cột indicator_code: chỉ số {code!r} không có trong danh mục")
        if r["unit_level"] not in LEVELS:
            errors.append(f"{where}, cột unit_level: {r['unit_level']!r} không thuộc {', '.join(LEVELS)}")
        if r["comparison"] not in COMPARISONS:
            errors.append(f"{where}, cột comparison: {r['comparison']!r} không thuộc {' '.join(COMPARISONS)}")
        year = _year(r["year"], f"{where}, cột year", errors)
        threshold = _number(r["threshold"], f"{where}, cột threshold", errors)
        out.append(Target(code, r["unit_level"], year, r["comparison"], threshold or Decimal(0), r.get("note") or None))
    keys = [(t.indicator_code, t.unit_level, t.year) for t in out]
    errors += [f"chỉ tiêu lặp lại: {k[0]} / {k[1]} / {k[2]}" for k in sorted({k for k in keys if keys.count(k) > 1})]
    if errors:
        raise ReferenceFileError(f"Tệp {path.name}: " + "; ".join(errors))
    return out


def read_bands(path: Path) -> list[Band]:
    out, errors = [], []
    for n, r in _rows(path, ("scheme", "year", "band_code", "band_label_vi", "min_value", "max_value")):
        where = f"dòng {n}"
        if r["scheme"] not in SCHEMES:
            errors.append(f"{where}, cột scheme: {r['scheme']!r} không thuộc {', '.join(SCHEMES)}")
        year = _year(r["year"], f"{where}, cột year", errors)
        lo = _number(r["min_value"], f"{where}, cột min_value", errors)
        hi = _number(r["max_value"], f"{where}, cột max_value", errors) if r["max_value"] else None
        if lo is not None and hi is not None and hi <= lo:
            errors.append(f"{where}: max_value phải lớn hơn min_value")
        out.append(Band(r["scheme"], year, r["band_code"], r["band_label_vi"], lo or Decimal(0), hi))
    for scheme, year in sorted({(b.scheme, b.year) for b in out}):
        ranges = sorted((b.min_value, b.max_value) for b in out if (b.scheme, b.year) == (scheme, year))
        for (lo1, hi1), (lo2, _) in zip(ranges, ranges[1:], strict=False):
            if hi1 is None or hi1 > lo2:
                errors.append(f"{scheme} {year}: các khoảng xếp loại chồng lên nhau ({lo1}–{hi1} và từ {lo2})")
    if errors:
        raise ReferenceFileError(f"Tệp {path.name}: " + "; ".join(errors))
    return out


def import_targets(path: Path) -> int:
    from cchc_warehouse.config import paths

    with open(paths().dbt_project / "seeds" / "indicators.csv", encoding="utf-8") as f:
        known = {r["indicator_code"] for r in csv.DictReader(f)}
    targets = read_targets(path, known)
    listed = ("select indicator_code, unit_level, year, comparison, threshold from ref.indicator_target "
              "order by indicator_code, unit_level, year")
    with connect() as conn:
        before = conn.execute(listed).fetchall()
        conn.execute("delete from ref.indicator_target where year = any(%s)", (sorted({t.year for t in targets}),))
        conn.cursor().executemany(
            """insert into ref.indicator_target (indicator_code, unit_level, year, comparison, threshold, note)
               values (%s, %s, %s, %s, %s, %s)""",
            [(t.indicator_code, t.unit_level, t.year, t.comparison, t.threshold, t.note) for t in targets])
        if conn.execute(listed).fetchall() != before:
            # the reports compare every period's values with its year's targets, and they are incremental by period
            rebuild_both_in_full(conn)
    return len(targets)


def import_bands(path: Path) -> int:
    bands = read_bands(path)
    with connect() as conn:
        for scheme, year in {(b.scheme, b.year) for b in bands}:
            conn.execute("delete from ref.band_rule where scheme = %s and year = %s", (scheme, year))
        conn.cursor().executemany(
            """insert into ref.band_rule (scheme, year, band_code, band_label_vi, min_value, max_value)
               values (%s, %s, %s, %s, %s, %s)""",
            [(b.scheme, b.year, b.band_code, b.band_label_vi, b.min_value, b.max_value) for b in bands])
    return len(bands)


def import_demo_config() -> tuple[int, int]:
    """The demo province's targets and bands shipped with the package."""
    ref = resources.files("cchc_warehouse.reference")
    with resources.as_file(ref / "targets_demo.csv") as t, resources.as_file(ref / "bands_demo.csv") as b:
        return import_targets(Path(t)), import_bands(Path(b))
