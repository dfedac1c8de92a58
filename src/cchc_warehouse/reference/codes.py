"""Codes of the domain, defined once in CSV files beside this module and read everywhere else: by the parsing
rules (labels and codes in files), by the schema (ref.dossier_status, ref.channel, written into sql/ by
`cchc generate`), hence by the gate and dbt.

- dossier_statuses.csv: status code, labels, status_group (resolved: 9, 10; withdrawn_other: refused 3,
  withdrawn 7, stopped 8 — counted apart, never as resolved; in_progress: the rest).
- channels.csv: channel code, labels, is_online (2 Trực tuyến), kind (direct, online, postal: the split of the
  Decision 766 index).
"""

from __future__ import annotations

import csv
import functools
from importlib import resources


@functools.cache
def table(name: str) -> list[dict[str, str]]:
    text = resources.files("cchc_warehouse.reference").joinpath(f"{name}.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def labels(name: str, code_column: str) -> dict[str, int]:
    """Every way a file may write a code, as written (folded by the caller): the code itself, the Vietnamese
    label and the aliases."""
    out: dict[str, int] = {}
    for row in table(name):
        code = int(row[code_column])
        for text in (row[code_column], row["label_vi"], *(a for a in row["aliases"].split("|") if a)):
            out[text] = code
    return out
