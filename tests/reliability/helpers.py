"""Shared by the reliability tests: a fingerprint of what readers see, and the CLI as a separate process."""

from __future__ import annotations

import os
import subprocess
import sys

from cchc_warehouse.db import connect


def marts_fingerprint(schema: str = "marts") -> dict[str, tuple[int, str]]:
    """{relation: (rows, md5 of its sorted rows)} for every table and view of a schema, computed_at left out."""
    out = {}
    with connect() as conn:
        relations = [r[0] for r in conn.execute(
            "select table_name from information_schema.tables where table_schema = %s order by 1", (schema,))]
        for rel in relations:
            cols = [r[0] for r in conn.execute(
                "select column_name from information_schema.columns where table_schema = %s "
                "and table_name = %s and column_name <> 'computed_at' order by ordinal_position", (schema, rel))]
            select_list = ", ".join(f'"{c}"' for c in cols)
            out[rel] = conn.execute(
                f"select count(*), coalesce(md5(string_agg(r::text, '|' order by r::text)), '') "
                f'from (select {select_list} from "{schema}"."{rel}") r').fetchone()
    return out


def file_states() -> dict[str, str]:
    with connect() as conn:
        return dict(conn.execute("select file_name, status from audit.source_file").fetchall())


def cchc(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    """`cchc …` in a process of its own (so that it can be killed), output captured."""
    return subprocess.Popen([sys.executable, "-m", "cchc_warehouse.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, **(env or {})})
