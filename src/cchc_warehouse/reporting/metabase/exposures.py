"""dbt exposures generated from the dashboard definitions, so dbt's lineage runs from source to dashboard."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from cchc_warehouse.config import paths
from cchc_warehouse.reporting.dashboards import load_dashboards

MODEL = re.compile(r"\bmarts\.(rpt_\w+|dim_\w+|fct_\w+)\b")


def exposures_dict() -> dict:
    exposures = []
    for d in load_dashboards():
        models = sorted({m for c in d.cards for m in MODEL.findall(c.sql)})
        exposures.append({
            "name": f"dashboard_{d.slug}",
            "label": d.title,
            "type": "dashboard",
            "maturity": "medium",
            "description": d.description,
            "owner": {"name": "Sở Nội vụ", "email": "cchc@example.invalid"},
            "depends_on": [f"ref('{m}')" for m in models],
            "meta": {"cards": [c.title for c in d.cards],
                     "definition": f"src/cchc_warehouse/reporting/dashboards/{d.slug}.yml"},
        })
    return {"version": 2, "exposures": exposures}


def exposures_path() -> Path:
    return paths().dbt_project / "models" / "exposures" / "dashboards.yml"


def write_exposures() -> Path:
    path = exposures_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Written by `cchc metabase exposures` from src/cchc_warehouse/reporting/dashboards/: "
              "do not edit by hand.\n")
    path.write_text(header + yaml.safe_dump(exposures_dict(), allow_unicode=True, sort_keys=False, width=110),
                    encoding="utf-8")
    return path
