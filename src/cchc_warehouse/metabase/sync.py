"""`cchc metabase sync`: create or update, idempotently, the Metabase objects the dashboard definitions
describe: the warehouse database (read-only reporting login), one managed collection, one native-SQL card per
card file, one dashboard per definition with its filters wired to every card. Cards and dashboards of the
managed collection that are no longer defined are deleted. A second run sends no write.

Managed objects carry their key in their description (`[cchc:mot_cua/theo_don_vi]`), so renaming a title in
the definitions updates the same card. Dashcards are set with PUT /api/dashboard/:id and the full list: those
left out are deleted by Metabase, new ones take negative ids.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from ..dashboards import Dashboard, load_dashboards, load_filters
from ..db import database_url, url_parts
from .client import MetabaseClient, MetabaseError

DATABASE_NAME = "Kho dữ liệu CCHC"
COLLECTION_NAME = "Báo cáo CCHC (quản lý bằng mã nguồn)"
MARKER = re.compile(r"\[cchc:([\w/]+)\]\s*$")
NUMBER_FORMAT = {"type/Number": {"number_separators": ",."}}     # 87,27 (Vietnamese decimal comma)
NS = uuid.UUID("6d1f3c1e-5b0e-4f4e-9a57-cc4c0c0c2025")


@dataclass
class Settings:
    url: str
    api_key: str | None = None
    user: str | None = None
    password: str | None = None
    db_host: str = "localhost"
    db_port: int = 5432
    db_name: str = "cchc"
    db_user: str = "cchc_reporting_login"
    db_password: str | None = None

    @classmethod
    def from_env(cls) -> Settings | None:
        """None when Metabase is not configured (CCHC_METABASE_URL unset)."""
        url = os.environ.get("CCHC_METABASE_URL")
        if not url:
            return None
        parts = url_parts(database_url())
        return cls(url=url, api_key=os.environ.get("CCHC_METABASE_API_KEY"),
                   user=os.environ.get("CCHC_METABASE_USER"), password=os.environ.get("CCHC_METABASE_PASSWORD"),
                   db_host=os.environ.get("CCHC_METABASE_DB_HOST", parts.get("host", "localhost")),
                   db_port=int(os.environ.get("CCHC_METABASE_DB_PORT", parts.get("port", 5432))),
                   db_name=os.environ.get("CCHC_METABASE_DB_NAME", parts.get("dbname", "cchc")),
                   db_user=os.environ.get("CCHC_METABASE_DB_USER", "cchc_reporting_login"),
                   db_password=os.environ.get("CCHC_METABASE_DB_PASSWORD"))


@dataclass
class Outcome:
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return ([f"tạo: {x}" for x in self.created] + [f"sửa: {x}" for x in self.changed]
                + [f"xóa: {x}" for x in self.removed]) or ["không có thay đổi"]


def ensure_setup(settings: Settings) -> bool:
    """A fresh Metabase (no user yet): create the admin user from CCHC_METABASE_USER/PASSWORD with the
    setup token (POST /api/setup). metabase-api cannot log in before that, so plain requests here."""
    import requests

    props = requests.get(settings.url.rstrip("/") + "/api/session/properties", timeout=30).json()
    if props.get("has-user-setup", True):
        return False
    if not (settings.user and settings.password):
        raise MetabaseError("Metabase chưa được khởi tạo: cần CCHC_METABASE_USER và CCHC_METABASE_PASSWORD")
    res = requests.post(settings.url.rstrip("/") + "/api/setup", timeout=30, json={
        "token": props["setup-token"],
        "user": {"email": settings.user, "password": settings.password, "first_name": "CCHC", "last_name": "Admin",
                 "site_name": "Báo cáo CCHC"},
        "prefs": {"site_name": "Báo cáo CCHC", "site_locale": "vi", "allow_tracking": False},
    })
    if not res.ok:
        raise MetabaseError(f"POST /api/setup: HTTP {res.status_code} {res.text[:300]}")
    return True


def _data(listing: Any) -> list[dict]:
    return listing["data"] if isinstance(listing, dict) and "data" in listing else listing


def _key(description: str | None) -> str | None:
    m = MARKER.search(description or "")
    return m.group(1) if m else None


def _template_tags(card_key: str, tags: set[str]) -> dict:
    filters = load_filters()
    return {t: {"id": str(uuid.uuid5(NS, f"{card_key}:{t}")), "name": t, "display-name": filters[t].title,
                "type": filters[t].type} for t in sorted(tags)}


PERCENT_COLUMN = re.compile(r'as\s+"([^"]*\(%\)[^"]*)"')


def _visualization(sql: str) -> dict:
    """Columns named '… (%)' show as 87,27 % (the site's number separators give the comma)."""
    import json

    return {"column_settings": {json.dumps(["name", col], ensure_ascii=False): {"suffix": " %", "decimals": 2}
                                for col in sorted(set(PERCENT_COLUMN.findall(sql)))}}


def _parameters() -> list[dict]:
    return [{"id": slug, "name": f.title, "slug": slug, "type": "string/=", "sectionId": "string"}
            for slug, f in load_filters().items()]


class Syncer:
    def __init__(self, client: MetabaseClient, settings: Settings, dry_run: bool = False,
                 dashboards: list[Dashboard] | None = None):
        self.c, self.s, self.dry_run = client, settings, dry_run
        self.dashboards = dashboards if dashboards is not None else load_dashboards()
        self.out = Outcome()

    # --- writes go through here, so that a dry run sends none ---
    def _write(self, method: str, endpoint: str, body: dict | None = None) -> Any:
        if self.dry_run:
            return None
        return getattr(self.c, method)(endpoint, body) if body is not None else getattr(self.c, method)(endpoint)

    def database(self) -> int | None:
        details = {"host": self.s.db_host, "port": self.s.db_port, "dbname": self.s.db_name, "user": self.s.db_user,
                   "password": self.s.db_password, "ssl": False}
        current = next((d for d in _data(self.c.get("/api/database")) if d["name"] == DATABASE_NAME), None)
        if current is None:
            self.out.created.append(f"cơ sở dữ liệu {DATABASE_NAME}")
            made = self._write("post", "/api/database", {"name": DATABASE_NAME, "engine": "postgres",
                                                          "details": details})
            return made["id"] if made else None
        have = current.get("details") or {}
        if any(have.get(k) != details[k] for k in ("host", "port", "dbname", "user")):
            self.out.changed.append(f"cơ sở dữ liệu {DATABASE_NAME}")
            self._write("put", f"/api/database/{current['id']}", {"name": DATABASE_NAME, "engine": "postgres",
                                                                  "details": details})
        return current["id"]

    def number_format(self) -> None:
        current = self.c.get("/api/setting/custom-formatting")
        value = current.get("value") if isinstance(current, dict) and "value" in current else current
        if (value or {}).get("type/Number", {}).get("number_separators") != ",.":
            self.out.changed.append("định dạng số 87,27")
            self._write("put", "/api/setting/custom-formatting", {"value": {**(value or {}), **NUMBER_FORMAT}})

    def collection(self) -> int | None:
        current = next((c for c in self.c.get("/api/collection")
                        if c.get("name") == COLLECTION_NAME and not c.get("archived")), None)
        if current is not None:
            return current["id"]
        self.out.created.append(f"bộ sưu tập {COLLECTION_NAME}")
        made = self._write("post", "/api/collection", {
            "name": COLLECTION_NAME, "description": "Do `cchc metabase sync` tạo và cập nhật; không sửa tay."})
        return made["id"] if made else None

    def cards(self, database_id: int | None, collection_id: int | None) -> dict[str, int | None]:
        existing: dict[str, dict] = {}
        if collection_id is not None:
            for item in _data(self.c.get(f"/api/collection/{collection_id}/items", models="card")):
                if key := _key(item.get("description")):
                    existing[key] = self.c.get(f"/api/card/{item['id']}", **{"legacy-mbql": "true"})
        ids: dict[str, int | None] = {}
        for d in self.dashboards:
            for card in d.cards:
                want = {
                    "name": card.title,
                    "description": f"{d.title}: {card.title}\n\n[cchc:{card.key}]",
                    "display": card.display,
                    "collection_id": collection_id,
                    "dataset_query": {"type": "native", "database": database_id, "native": {
                        "query": card.sql, "template-tags": _template_tags(card.key, card.tags)}},
                    "visualization_settings": _visualization(card.sql),
                }
                have = existing.pop(card.key, None)
                if have is None:
                    self.out.created.append(f"thẻ {card.key}")
                    made = self._write("post", "/api/card", want)
                    ids[card.key] = made["id"] if made else None
                    continue
                ids[card.key] = have["id"]
                if any(have.get(k) != v for k, v in want.items()):
                    self.out.changed.append(f"thẻ {card.key}")
                    self._write("put", f"/api/card/{have['id']}", want)
        for key, have in existing.items():
            self.out.removed.append(f"thẻ {key}")
            self._write("delete", f"/api/card/{have['id']}")
        return ids

    def sync_dashboards(self, collection_id: int | None, card_ids: dict[str, int | None]) -> None:
        existing: dict[str, int] = {}
        if collection_id is not None:
            for item in _data(self.c.get(f"/api/collection/{collection_id}/items", models="dashboard")):
                if key := _key(item.get("description")):
                    existing[key] = item["id"]
        parameters = _parameters()
        for d in self.dashboards:
            description = f"{d.description}\n\n[cchc:{d.slug}]"
            dash_id = existing.pop(d.slug, None)
            have: dict = {"dashcards": [], "parameters": [], "name": None, "description": None}
            if dash_id is None:
                self.out.created.append(f"bảng điều khiển {d.slug}")
                made = self._write("post", "/api/dashboard", {"name": d.title, "description": description,
                                                               "collection_id": collection_id})
                dash_id = made["id"] if made else None
            else:
                have = self.c.get(f"/api/dashboard/{dash_id}")
            by_card = {dc["card_id"]: dc for dc in have.get("dashcards") or []}
            dashcards, new_id = [], -1
            for card in d.cards:
                card_id = card_ids.get(card.key)
                if card_id in by_card:
                    dc_id = by_card[card_id]["id"]
                else:
                    dc_id, new_id = new_id, new_id - 1
                dashcards.append({
                    "id": dc_id, "card_id": card_id, **card.position,
                    "parameter_mappings": [{"parameter_id": t, "card_id": card_id,
                                            "target": ["variable", ["template-tag", t]]} for t in sorted(card.tags)],
                    "visualization_settings": {},
                })

            def shape(dcs: list[dict]) -> list[tuple]:
                return sorted((dc["card_id"], dc["row"], dc["col"], dc["size_x"], dc["size_y"],
                               str(sorted(str(m) for m in dc.get("parameter_mappings") or []))) for dc in dcs)

            same = (have.get("name") == d.title and have.get("description") == description
                    and have.get("parameters") == parameters and shape(have.get("dashcards") or []) == shape(dashcards))
            if not same:
                if f"bảng điều khiển {d.slug}" not in self.out.created:
                    self.out.changed.append(f"bảng điều khiển {d.slug}")
                if dash_id is not None:
                    self._write("put", f"/api/dashboard/{dash_id}", {
                        "name": d.title, "description": description, "parameters": parameters,
                        "dashcards": dashcards})
        for key, dash_id in existing.items():
            self.out.removed.append(f"bảng điều khiển {key}")
            self._write("delete", f"/api/dashboard/{dash_id}")

    def run(self) -> Outcome:
        database_id = self.database()
        self.number_format()
        collection_id = self.collection()
        card_ids = self.cards(database_id, collection_id)
        self.sync_dashboards(collection_id, card_ids)
        return self.out


def sync(settings: Settings, dry_run: bool = False, dashboards: list[Dashboard] | None = None) -> Outcome:
    if not dry_run:
        ensure_setup(settings)
    client = MetabaseClient(settings.url, api_key=settings.api_key, user=settings.user, password=settings.password)
    return Syncer(client, settings, dry_run, dashboards).run()
