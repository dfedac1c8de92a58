"""How the unit a file names is found in the registry, defined once: run when a file is loaded, written to
audit.file_unit (one row per distinct reference of the file), joined by the source's typed view. Raw keeps what the
file says; the registry decides what it means, and auditors see how each reference resolved.

For a reference (code as written, normalised name) and the file's period [start, end):
- a code of a unit valid during the period: 'code' — unless the row also names a unit and that name is not one of
  the code's names valid then: 'mismatch' (note: the units that name means);
- a registered code not valid during the period: 'invalid' (note: the units that succeeded it);
- a code never registered: 'unregistered' (a source whose code column may hold a name, e.g. 'Đơn vị chủ trì: Sở Nội
  vụ', matches a value that does not look like a code by its name instead);
- no code, a name: the one unit of that name valid during the period ('name'), none ('no_match'), or several
  ('ambiguous', note: the candidates). Names compare by textnorm.unit_name_key ('UBND huyện Tam Đường' = 'Tam
  Đường'); a source may restrict references to one level (provinces for national results). A province code or
  name that matches nothing is only 'unchecked' until the national registry is synced (`cchc units sync-national`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import psycopg
from psycopg import sql

from cchc_warehouse.sources import SourceSpec
from cchc_warehouse.sources.spec import looks_like_code
from cchc_warehouse.textnorm import unit_name_key


@dataclass(frozen=True)
class Resolution:
    unit_code: str | None
    resolution: str
    note: str | None = None


class Registry:
    """The unit versions that may resolve references of one file."""

    def __init__(self, conn: psycopg.Connection, start: date, end: date, level: str | None) -> None:
        rows = conn.execute(
            """select unit_code, unit_name, name_key, level, daterange(valid_from, valid_to) && daterange(%s, %s),
                      provenance like 'vietnamadminunits%%'
                 from ref.unit""", (start, end)).fetchall()
        self.start, self.end, self.level = start, end, level
        self.codes = {r[0] for r in rows}
        self.valid: dict[str, list[tuple[str, str | None]]] = {}
        self.by_name: dict[str, list[tuple[str, str]]] = {}
        self.national = any(r[5] and r[3] == level for r in rows) if level else True
        for code, name, key, lvl, valid, _ in rows:
            if not valid or (level and lvl != level):
                continue
            self.valid.setdefault(code, []).append((name, key))
            if key:
                self.by_name.setdefault(key, []).append((code, name))
        self._conn = conn

    def _listed(self, units: list[tuple[str, str]]) -> str:
        return ", ".join(f"{c} {n}" for c, n in sorted(set(units)))

    def successors(self, code: str) -> str | None:
        rows = self._conn.execute(
            """select distinct s.new_code || ' ' || n.unit_name
                 from ref.unit_successor s
                 join ref.unit n on n.unit_code = s.new_code and n.valid_from = s.new_valid_from
                where s.old_code = %s and s.is_default order by 1""", (code,)).fetchall()
        return ", ".join(r[0] for r in rows) or None

    def by_name_key(self, key: str) -> Resolution:
        matches = self.by_name.get(key, [])
        codes = {c for c, _ in matches}
        if len(codes) == 1:
            return Resolution(codes.pop(), "name")
        if codes:
            return Resolution(None, "ambiguous", self._listed(matches))
        return Resolution(None, "no_match" if self.national else "unchecked")

    def resolve(self, code: str, key: str, names_in_code: bool) -> Resolution:
        if code:
            if code not in self.codes:
                if names_in_code and not looks_like_code(code):
                    return self.by_name_key(unit_name_key(code))
                return Resolution(code, "unregistered" if self.national else "unchecked")
            if code not in self.valid:
                return Resolution(code, "invalid", self.successors(code))
            names = {k for _, k in self.valid[code] if k}
            if key and names and key not in names:
                return Resolution(code, "mismatch", self._listed(self.by_name.get(key, [])) or None)
            return Resolution(code, "code")
        return self.by_name_key(key)


def resolve_file_units(conn: psycopg.Connection, spec: SourceSpec, file_id: int, start: date, end: date) -> list[str]:
    """Resolve every distinct unit reference of a loaded file into audit.file_unit; returns the file's unit codes
    (those a row resolved to)."""
    ref = spec.unit
    if ref is None:
        return []
    code = sql.Identifier(spec.column(ref.code).text_name)
    key = sql.Identifier(spec.column(ref.name).value_name) if ref.name else sql.SQL("null::text")
    refs = conn.execute(sql.SQL(
        "select distinct coalesce({code}, ''), coalesce({key}, '') from {table} where file_id = %s").format(
            code=code, key=key, table=sql.SQL(spec.raw_table)), (file_id,)).fetchall()
    registry = Registry(conn, start, end, ref.level)
    rows = []
    for code_text, name_key in refs:
        if not code_text and not name_key:
            continue                               # nothing named: the 'required' check reports the row
        r = registry.resolve(code_text.strip(), name_key, ref.names_in_code)
        rows.append((file_id, code_text, name_key, r.unit_code, r.resolution, r.note))
    conn.execute("delete from audit.file_unit where file_id = %s", (file_id,))
    with conn.cursor() as cur:
        cur.executemany("insert into audit.file_unit (file_id, code_text, name_key, unit_code, resolution, note)"
                        " values (%s, %s, %s, %s, %s, %s)", rows)
    return sorted({r[3] for r in rows if r[3] and r[4] in ("code", "name")})
