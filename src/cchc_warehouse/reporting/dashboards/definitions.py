"""Loading the dashboard definitions and rendering a card's native SQL the way Metabase does."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

TAG = re.compile(r"\{\{\s*(\w+)\s*\}\}")
OPTIONAL = re.compile(r"\[\[(.*?)\]\]", re.S)
ORDER = ("tong_quan", "mot_cua", "chu_ky_so", "sipas", "chi_so_cchc", "chi_so_766", "chat_luong_du_lieu", "truy_vet")


@dataclass(frozen=True)
class Filter:
    slug: str
    title: str
    type: str
    hint: str | None = None


@dataclass(frozen=True)
class Card:
    dashboard: str
    slug: str
    title: str
    display: str
    position: dict[str, int]
    sql: str
    # how the HTML report filters the card for a month: 'period' (the month, every unit), 'province' (the month,
    # the province only), or 'latest_year: marts.<table>.<year column>' (the latest year with data up to the
    # month's year: PAR results are yearly)
    report: str = "period"
    # drill-through (Metabase click behaviour): clicking `column` opens `dashboard` with its filters set from the
    # clicked row: {"column": ..., "dashboard": slug, "parameters": {filter slug: column of the row}}
    click: dict | None = None

    @property
    def key(self) -> str:
        return f"{self.dashboard}/{self.slug}"

    @property
    def tags(self) -> set[str]:
        return set(TAG.findall(self.sql))


@dataclass(frozen=True)
class Dashboard:
    slug: str
    title: str
    description: str
    cards: tuple[Card, ...]
    in_report: bool = True          # false: Metabase only (the trace dashboard needs an indicator to show anything)

    @property
    def filters(self) -> list[str]:
        """The filters its cards take, in the order of filters.yml."""
        used = {t for c in self.cards for t in c.tags}
        return [slug for slug in load_filters() if slug in used]


def _root() -> Path:
    return Path(str(resources.files("cchc_warehouse.reporting.dashboards")))


def load_filters() -> dict[str, Filter]:
    raw = yaml.safe_load((_root() / "filters.yml").read_text(encoding="utf-8"))
    return {slug: Filter(slug, f["title"], f["type"], f.get("hint")) for slug, f in raw.items()}


def load_dashboards() -> list[Dashboard]:
    out = []
    for slug in ORDER:
        spec = yaml.safe_load((_root() / f"{slug}.yml").read_text(encoding="utf-8"))
        cards = tuple(
            Card(slug, c["slug"], c["title"], c["display"], dict(c["position"]),
                 (_root() / "cards" / slug / f"{c['slug']}.sql").read_text(encoding="utf-8"),
                 c.get("report", "period"), c.get("click"))
            for c in spec["cards"])
        out.append(Dashboard(slug, spec["title"], spec["description"], cards, spec.get("report", True)))
    return out


def render(sql: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Metabase native-query semantics: an optional clause [[ ... ]] stays only when every {{tag}} in it has a
    value; tags become bound parameters (psycopg named placeholders), never text pasted into the SQL."""
    given = {k: v for k, v in params.items() if v not in (None, "")}

    def optional(m: re.Match) -> str:
        return m.group(1) if all(t in given for t in TAG.findall(m.group(1))) else ""

    text = OPTIONAL.sub(optional, sql)
    missing = [t for t in TAG.findall(text) if t not in given]
    if missing:
        raise ValueError(f"thiếu giá trị cho tham số bắt buộc: {', '.join(sorted(set(missing)))}")
    used = set(TAG.findall(text))
    text = text.replace("%", "%%")
    return TAG.sub(lambda m: f"%({m.group(1)})s", text), {t: given[t] for t in used}
