"""`cchc metabase sync`: create or update, idempotently, the Metabase objects the dashboard definitions
describe: the warehouse database (read-only reporting login), one managed collection, one native-SQL card per
card file, one dashboard per definition with its filters wired to every card. Cards and dashboards of the
managed collection that are no longer defined are deleted. A second run sends no write.

Managed objects carry their key in their description (`[cchc:mot_cua/theo_don_vi]`), so renaming a title in
the definitions updates the same card. Dashcards are set with PUT /api/dashboard/:id and the full list: those
left out are deleted by Metabase, new ones take negative ids.

What is sent is compared with what Metabase returns in the form Metabase stores it: `column_settings` keys are
re-encoded as compact JSON by Metabase (`["name","Chỉ số (%)"]`, models/interface.clj
normalize-visualization-settings), so they are sent that way and both sides are normalised before comparing;
queries, template tags, parameters and dashcards are compared on the fields the sync sets, not on what Metabase
adds. Metabase never returns a database password, so the database's description carries a salted scrypt hash of
the reporting login and password the sync last pushed (`[cchc:database credentials=scrypt:…]`): a rotated
password is pushed, an unchanged one is not.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any

from cchc_warehouse.db import database_url, url_parts
from cchc_warehouse.reporting.dashboards import Dashboard, load_dashboards, load_filters
from cchc_warehouse.reporting.metabase.client import MetabaseClient, MetabaseError, missing_credentials

DATABASE_NAME = "Kho dữ liệu CCHC"
COLLECTION_NAME = "Báo cáo CCHC (quản lý bằng mã nguồn)"
DATABASE_DESCRIPTION = ("Kho dữ liệu CCHC, đọc bằng tài khoản chỉ đọc (vai trò cchc_reporting). "
                        "Do `cchc metabase sync` quản lý; không sửa tay.")
MARKER = re.compile(r"\[cchc:([\w/]+)\]\s*$")
CREDENTIALS_MARKER = re.compile(r"\[cchc:database credentials=scrypt:([0-9a-f]{32}):([0-9a-f]{64})\]")
TEMPLATE_TAG_KEYS = ("id", "name", "display-name", "type")
PARAMETER_KEYS = ("id", "name", "slug", "type", "sectionId")
SETUP_USER_NAMES = {"first_name": "CCHC", "last_name": "Admin"}
SITE_NAME = "Báo cáo CCHC"
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

    base = settings.url.rstrip("/")
    try:
        props = requests.get(base + "/api/session/properties", timeout=30).json()
    except (requests.RequestException, ValueError) as exc:
        raise MetabaseError(f"không kết nối được Metabase tại {base}: {exc}") from None
    if props.get("has-user-setup", True):
        return False
    if not (settings.user and settings.password):
        raise MetabaseError("Metabase chưa được khởi tạo: cần CCHC_METABASE_USER và CCHC_METABASE_PASSWORD "
                            "để tạo tài khoản quản trị đầu tiên")
    res = requests.post(base + "/api/setup", timeout=30, json={
        "token": props["setup-token"],
        "user": {"email": settings.user, "password": settings.password, **SETUP_USER_NAMES},
        "prefs": {"site_name": SITE_NAME, "site_locale": "vi"},
    })
    if res.status_code == 400 and "password" in res.text:
        raise MetabaseError(
            "Metabase từ chối mật khẩu quản trị (CCHC_METABASE_PASSWORD): theo quy tắc mặc định của Metabase, mật "
            "khẩu phải dài ít nhất 6 ký tự, có ít nhất 1 chữ số và không nằm trong danh sách mật khẩu phổ biến "
            f"(MB_PASSWORD_COMPLEXITY, MB_PASSWORD_LENGTH có thể đổi quy tắc). Metabase trả lời: {res.text[:300]}")
    if not res.ok:
        raise MetabaseError(f"không khởi tạo được Metabase (POST /api/setup): HTTP {res.status_code} {res.text[:300]}")
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


def _compact_json(value: Any) -> str:
    """JSON as Metabase writes it (Cheshire): no spaces after separators, non-ASCII characters kept."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _column_key(key: str) -> str:
    """A `column_settings` key in the form Metabase stores it (`["name","Chỉ số (%)"]`)."""
    try:
        return _compact_json(json.loads(key))
    except ValueError:
        return key


def _normalised_viz(settings: dict | None) -> dict:
    settings = dict(settings or {})
    if isinstance(settings.get("column_settings"), dict):
        settings["column_settings"] = {_column_key(k): v for k, v in settings["column_settings"].items()}
    return settings


def _visualization(sql: str) -> dict:
    """Columns named '… (%)' show as 87,27 % (the site's number separators give the comma)."""
    return {"column_settings": {_compact_json(["name", col]): {"suffix": " %", "decimals": 2}
                                for col in sorted(set(PERCENT_COLUMN.findall(sql)))}}


def _card_view(card: dict) -> dict:
    """The fields of a card the sync sets, as sent (legacy native query) or as returned with ?legacy-mbql=true."""
    query = card.get("dataset_query") or {}
    native = query.get("native") or {}
    tags = native.get("template-tags") or {}
    return {
        "name": card.get("name"), "description": card.get("description"), "display": card.get("display"),
        "collection_id": card.get("collection_id"),
        "query": (query.get("type"), query.get("database"), native.get("query"),
                  {name: {k: (tag or {}).get(k) for k in TEMPLATE_TAG_KEYS} for name, tag in tags.items()}),
        "visualization_settings": _normalised_viz(card.get("visualization_settings")),
    }


def _parameters_view(parameters: list[dict] | None) -> list[dict]:
    return [{k: p.get(k) for k in PARAMETER_KEYS} for p in parameters or []]


def _dashcards_view(dashcards: list[dict] | None) -> list[str]:
    """Position, filter wiring and drill-through of each dashcard, order-free (card ids may be None in a dry
    run)."""
    return sorted(_compact_json([dc.get("card_id"), dc.get("row"), dc.get("col"), dc.get("size_x"), dc.get("size_y"),
                                 sorted(_compact_json([m.get("parameter_id"), m.get("card_id"), m.get("target")])
                                        for m in dc.get("parameter_mappings") or []),
                                 _normalised_viz(dc.get("visualization_settings"))])
                  for dc in dashcards or [])


def _credentials_hash(user: str, password: str | None, salt: bytes) -> bytes:
    return hashlib.scrypt(f"{user}\0{password or ''}".encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)


def _credentials_marker(user: str, password: str | None) -> str:
    salt = secrets.token_bytes(16)
    return f"[cchc:database credentials=scrypt:{salt.hex()}:{_credentials_hash(user, password, salt).hex()}]"


def _pushed_credentials(description: str | None, user: str, password: str | None) -> str | None:
    """The marker in `description` when it records exactly these credentials, else None."""
    m = CREDENTIALS_MARKER.search(description or "")
    if m and hmac.compare_digest(_credentials_hash(user, password, bytes.fromhex(m.group(1))).hex(), m.group(2)):
        return m.group(0)
    return None


def _parameters(dashboard: Dashboard) -> list[dict]:
    """The dashboard's filters: those its cards take."""
    filters = load_filters()
    return [{"id": slug, "name": filters[slug].title, "slug": slug, "type": "string/=", "sectionId": "string"}
            for slug in dashboard.filters]


def _click_settings(card, dashboard_ids: dict[str, int | None]) -> dict:
    """A dashcard's drill-through (Card.click): clicking the column opens the target dashboard with its filters
    set from the clicked row (Metabase's click_behavior on a table column)."""
    if not card.click:
        return {}
    c = card.click
    mapping = {param: {"id": param, "source": {"type": "column", "id": column, "name": column},
                       "target": {"type": "parameter", "id": param}}
               for param, column in sorted(c["parameters"].items())}
    return {"column_settings": {_compact_json(["name", c["column"]]): {"click_behavior": {
        "type": "link", "linkType": "dashboard", "targetId": dashboard_ids.get(c["dashboard"]),
        "parameterMapping": mapping}}}}


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
        """The reporting database. Metabase tests the connection on POST and on a PUT that changes `details`,
        and answers 400 when it fails. `ssl` is left to Metabase: on creation it tries SSL first and stores
        ssl=true when the server accepts it; a PUT merges into the stored details and so keeps that choice.
        POST /api/database takes no description, so the credentials marker is set by a PUT right after."""
        details = {"host": self.s.db_host, "port": self.s.db_port, "dbname": self.s.db_name, "user": self.s.db_user,
                   "password": self.s.db_password}
        current = next((d for d in _data(self.c.get("/api/database")) if d["name"] == DATABASE_NAME), None)
        if current is None:
            self.out.created.append(f"cơ sở dữ liệu {DATABASE_NAME}")
            made = self._database_write("post", "/api/database", {
                "name": DATABASE_NAME, "engine": "postgres", "details": details,
                "is_full_sync": True, "is_on_demand": False, "connection_source": "admin"})
            if made is None:
                return None
            self._database_write("put", f"/api/database/{made['id']}", {
                "description": self._database_description(None)})
            return made["id"]
        have = current.get("details") or {}
        marker = _pushed_credentials(current.get("description"), self.s.db_user, self.s.db_password)
        description = self._database_description(marker)
        if marker is None or any(have.get(k) != details[k] for k in ("host", "port", "dbname", "user")):
            self.out.changed.append(f"cơ sở dữ liệu {DATABASE_NAME}")
            self._database_write("put", f"/api/database/{current['id']}", {"details": details,
                                                                          "description": description})
        elif current.get("description") != description:
            self.out.changed.append(f"cơ sở dữ liệu {DATABASE_NAME}")
            self._database_write("put", f"/api/database/{current['id']}", {"description": description})
        return current["id"]

    def _database_description(self, marker: str | None) -> str:
        return f"{DATABASE_DESCRIPTION}\n\n{marker or _credentials_marker(self.s.db_user, self.s.db_password)}"

    def _database_write(self, method: str, endpoint: str, body: dict) -> Any:
        try:
            return self._write(method, endpoint, body)
        except MetabaseError as exc:
            if "HTTP 400" not in str(exc) or "details" not in body:
                raise
            raise MetabaseError(
                f"Metabase không kết nối được tới kho dữ liệu {self.s.db_host}:{self.s.db_port}/{self.s.db_name} "
                f"bằng tài khoản {self.s.db_user} (kiểm tra CCHC_METABASE_DB_USER, CCHC_METABASE_DB_PASSWORD và "
                f"máy chủ): {exc}") from None

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
                if _card_view(have) != _card_view(want):
                    self.out.changed.append(f"thẻ {card.key}")
                    self._write("put", f"/api/card/{have['id']}", want)
        for key, have in existing.items():
            self.out.removed.append(f"thẻ {key}")
            self._write("delete", f"/api/card/{have['id']}")
        return ids

    @staticmethod
    def _described(d: Dashboard) -> str:
        return f"{d.description}\n\n[cchc:{d.slug}]"

    def sync_dashboards(self, collection_id: int | None, card_ids: dict[str, int | None]) -> None:
        existing: dict[str, int] = {}
        if collection_id is not None:
            for item in _data(self.c.get(f"/api/collection/{collection_id}/items", models="dashboard")):
                if key := _key(item.get("description")):
                    existing[key] = item["id"]
        # every dashboard exists before any is written: a drill-through names its target dashboard's id
        ids: dict[str, int | None] = {}
        for d in self.dashboards:
            ids[d.slug] = existing.get(d.slug)
            if ids[d.slug] is None:
                self.out.created.append(f"bảng điều khiển {d.slug}")
                made = self._write("post", "/api/dashboard", {"name": d.title, "description": self._described(d),
                                                               "collection_id": collection_id})
                ids[d.slug] = made["id"] if made else None
        for d in self.dashboards:
            parameters = _parameters(d)
            description = self._described(d)
            existed = existing.pop(d.slug, None) is not None
            dash_id = ids[d.slug]
            have: dict = {"dashcards": [], "parameters": [], "name": None, "description": None}
            if existed:
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
                    "visualization_settings": _click_settings(card, ids),
                })

            same = (have.get("name") == d.title and have.get("description") == description
                    and _parameters_view(have.get("parameters")) == _parameters_view(parameters)
                    and _dashcards_view(have.get("dashcards")) == _dashcards_view(dashcards))
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
    if problem := missing_credentials(settings.api_key, settings.user, settings.password):
        raise MetabaseError(problem)
    if not dry_run:
        ensure_setup(settings)
    client = MetabaseClient(settings.url, api_key=settings.api_key, user=settings.user, password=settings.password)
    return Syncer(client, settings, dry_run, dashboards).run()
