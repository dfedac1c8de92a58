"""A fake Metabase HTTP server for the sync tests: no Metabase can run here, so this follows Metabase's source and
its OpenAPI document (metabase/metabase `docs/api.json` at 001e7eaa…, a v57-line snapshot; the trimmed copy in
tests/metabase_openapi/) for the endpoints the sync uses. What it does, and where that comes from:

- request bodies: every POST/PUT body is checked against the request schema of the OpenAPI document, after filling
  the Malli defaults the server fills (`is_full_sync`, ...), and a top-level key the endpoint does not declare is
  refused, as the `{:closed true}` body schemas of the current sources do: 400 otherwise;
- auth: `x-api-key` header, or `POST /api/session` {username, password} -> {"id"} then `X-Metabase-Session`;
  401 "Unauthenticated" otherwise (sessions can be expired to test renewal); `GET /api/user/current`;
- setup (setup_rest/api.clj): `GET /api/session/properties` gives "has-user-setup" and the setup token, cleared once
  the first user exists; `POST /api/setup` checks the token (400), the e-mail and the password against Metabase's
  rules (util/password.clj, complexity "normal" by default: at least 6 characters, at least 1 digit, and not in the
  common-password list; only a sample of that ~12k list is here), creates the admin, returns {"id": session};
- databases (warehouses_rest/api.clj): `POST` tests the connection first, trying SSL before the details as given
  ("opportunistic SSL": `ssl: true` is stored when the server accepts SSL), and answers 400 {"message", "errors"}
  when it fails; `POST` takes no description. `PUT` replaces "**MetabasePass**" by the stored secret, merges the
  details into the stored ones, tests the connection only when that changes them (400 when it fails), and sets
  only the non-nil fields. `GET` masks the password. The warehouse servers Metabase could reach are declared in
  `fake.warehouses`; the error message texts are approximations, the status and shape follow the source;
- collections: `GET /api/collection` (a list), `POST`, `GET /api/collection/:id/items?models=card|dashboard`;
- cards: `POST`, `PUT` store `visualization_settings` with `column_settings` keys re-encoded as compact JSON, as
  `normalize-visualization-settings` (models/interface.clj) does; `GET /api/card/:id` gives the query in MBQL 5
  unless `?legacy-mbql=true` (v57); `DELETE` hard-deletes the card and, by the database's ON DELETE CASCADE
  (fk_dashboardcard_ref_card_id), its dashcards;
- dashboards: `POST` (no dashcards), `GET`, `PUT` with "dashcards" as the full list (a dashcard left out is deleted,
  one with a negative id is created; their visualization_settings stored as for cards), `DELETE`;
- settings: `GET`/`PUT /api/setting/:key` ({"value": ...}).
Every request is logged as (method, path, query, body), and its auth headers in `fake.auth`.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
import threading
import unicodedata
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from .metabase_openapi import schema as openapi

API_KEY = "mb_test_key"
USER, PASSWORD = "admin@cchc.example", "Bao-cao-CCHC-2025"
MASKED = "**MetabasePass**"                       # secret/protected-password
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
# A sample of resources/common_passwords.txt (zxcvbn's passwords.txt): entries that pass the "normal" complexity
COMMON_PASSWORDS = {"123456", "12345678", "123456789", "1234567", "1234567890", "111111", "123123", "abc123",
                    "696969", "666666", "123321", "654321", "1qaz2wsx", "7777777", "121212", "000000", "123qwe",
                    "trustno1", "112233", "555555", "11111111", "131313", "777777", "159753", "987654321",
                    "password1"}
COMPLEXITY = {"weak": {"total": 6}, "normal": {"total": 6, "digit": 1},
              "strong": {"total": 8, "lower": 2, "upper": 2, "digit": 1, "special": 1}}


def password_is_valid(password: str, complexity: str = "normal") -> bool:
    """metabase.util.password/is-valid? (Java Character classes; the common list is skipped for "weak")."""
    counts = {"total": 0, "lower": 0, "upper": 0, "letter": 0, "digit": 0, "special": 0}
    for c in password:
        counts["total"] += 1
        if c.islower():
            counts["lower"] += 1
            counts["letter"] += 1
        elif c.isupper():
            counts["upper"] += 1
            counts["letter"] += 1
        elif unicodedata.category(c) == "Nd":
            counts["digit"] += 1
        else:
            counts["special"] += 1
    complex_enough = all(counts[k] >= n for k, n in COMPLEXITY[complexity].items())
    return complex_enough and (complexity == "weak" or password.lower() not in COMMON_PASSWORDS)


@dataclass
class Warehouse:
    """A Postgres server Metabase can reach: database name -> {login: password}."""
    databases: dict[str, dict[str, str | None]] = field(default_factory=dict)
    ssl: bool = False


class FakeMetabase:
    def __init__(self, set_up: bool = True):
        self.users: dict[str, str] = {USER: PASSWORD} if set_up else {}
        self.api_keys = {API_KEY}
        self.sessions: dict[str, str] = {}
        self.requests: list[tuple[str, str, dict, object]] = []
        self.auth: list[dict[str, str | None]] = []
        self.ids = itertools.count(1)
        self.warehouses: dict[tuple[str, int], Warehouse] = {}
        self.connection_tests: list[dict] = []
        self.databases: dict[int, dict] = {}
        self.collections: dict[int, dict] = {}
        self.cards: dict[int, dict] = {}
        self.dashboards: dict[int, dict] = {}
        self.settings: dict[str, object] = {"custom-formatting": {}}
        self.fail: dict[tuple[str, str], int] = {}          # (method, path prefix) -> status to answer
        self.setup_token: str | None = None if set_up else str(uuid.uuid4())
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FakeMetabase:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def expire_sessions(self) -> None:
        self.sessions.clear()

    def add_warehouse(self, host: str, port: int, dbname: str, user: str, password: str | None,
                      ssl: bool = False) -> None:
        wh = self.warehouses.setdefault((host, port), Warehouse(ssl=ssl))
        wh.databases.setdefault(dbname, {})[user] = password

    def writes(self) -> list[tuple[str, str]]:
        return [(m, p) for m, p, _, _ in self.requests if m in ("POST", "PUT", "DELETE") and p != "/api/session"]

    # ------------------------------------------------------------------------------------------------ logic
    def handle(self, method: str, path: str, query: dict, body, headers) -> tuple[int, object]:
        for (m, prefix), status in self.fail.items():
            if m == method and path.startswith(prefix):
                return status, {"message": "lỗi giả lập"}
        path = "/" + path.strip("/")
        public = path in ("/api/session/properties", "/api/setup", "/api/session")
        if not public and headers.get("x-api-key") not in self.api_keys \
                and headers.get("X-Metabase-Session") not in self.sessions:
            return 401, "Unauthenticated"
        if method in ("POST", "PUT") and openapi.request_schema(method, path) is not None:
            problems = openapi.errors(method, path, openapi.with_defaults(method, path, body))
            if problems:
                return 400, {"errors": problems}
            body = openapi.with_defaults(method, path, body)
        if path == "/api/session/properties" and method == "GET":
            return 200, {"has-user-setup": bool(self.users), "setup-token": self.setup_token}
        if path == "/api/setup" and method == "POST":
            return self._setup(body)
        if path == "/api/session" and method == "POST":
            if self.users.get(body["username"]) == body["password"]:
                return 200, {"id": self._new_session(body["username"])}
            return 401, {"errors": {"password": "did not match stored password"}}
        parts = path.strip("/").split("/")[1:]        # after 'api'
        kind, ident = parts[0], (int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None)
        if kind == "user" and parts[1:] == ["current"]:
            return 200, {"id": 1, "email": USER, "is_superuser": True}
        if kind == "setting" and len(parts) == 2:
            if method == "GET":
                return 200, self.settings.get(parts[1])
            self.settings[parts[1]] = body["value"]
            return 204, None
        if kind == "database":
            return self._database(method, ident, body)
        if kind == "collection":
            if ident is not None and parts[2:] == ["items"]:
                model = query.get("models", [None])[0]
                store = {"card": self.cards, "dashboard": self.dashboards}[model]
                items = [{"id": x["id"], "name": x["name"], "description": x.get("description"), "model": model}
                         for x in store.values() if x.get("collection_id") == ident and not x.get("archived")]
                return 200, {"data": items, "total": len(items), "models": [model], "limit": None, "offset": None}
            if method == "POST" and ident is None:
                obj = {**body, "id": next(self.ids), "archived": False}
                self.collections[obj["id"]] = obj
                return 200, obj
            if method == "GET" and ident is None:
                return 200, list(self.collections.values())
            return (200, self.collections[ident]) if ident in self.collections else (404, "Not found.")
        if kind == "card":
            return self._card(method, ident, body, legacy=query.get("legacy-mbql", ["false"])[0] == "true")
        if kind == "dashboard":
            return self._dashboard(method, ident, body)
        return 404, "API endpoint does not exist."

    def _new_session(self, email: str) -> str:
        s = str(uuid.uuid4())
        self.sessions[s] = email
        return s

    # --- setup
    def _setup(self, body: dict) -> tuple[int, object]:
        errors: dict = {}
        if not self.setup_token or body["token"] != self.setup_token:
            errors["token"] = "Token does not match the setup token."
        user = body["user"]
        if not EMAIL.match(user["email"]):
            errors.setdefault("user", {})["email"] = "value must be a valid email address."
        if not password_is_valid(user["password"]):
            errors.setdefault("user", {})["password"] = "password is too common."
        if errors:
            return 400, {"errors": errors}
        if self.users:
            return 403, {"message": "The /api/setup route can only be used to create the first user, however a "
                                    "user currently exists."}
        self.users[user["email"]] = user["password"]
        self.settings.update({"site-name": body["prefs"]["site_name"], "admin-email": user["email"],
                              "anon-tracking-enabled": True})
        if body["prefs"].get("site_locale"):
            self.settings["site-locale"] = body["prefs"]["site_locale"]
        self.setup_token = None
        return 200, {"id": self._new_session(user["email"])}

    # --- databases
    def _test_connection(self, details: dict) -> dict | None:
        """None when the details connect, else the error map test-database-connection returns."""
        self.connection_tests.append(copy.deepcopy(details))
        host, port, dbname, user = (details.get(k) for k in ("host", "port", "dbname", "user"))
        wh = self.warehouses.get((host, port))
        if wh is None:
            if any(h == host for h, _ in self.warehouses):
                return {"message": f"Connection to host '{host}' successful, but port {port} is invalid.",
                        "errors": {"port": "check your port settings"}}
            return {"message": f"Host '{host}' is not reachable", "errors": {"host": "check your host settings"}}
        if details.get("ssl") and not wh.ssl:
            return {"message": "The server does not support SSL."}
        if dbname not in wh.databases:
            return {"message": f'FATAL: database "{dbname}" does not exist'}
        logins = wh.databases[dbname]
        if user not in logins or logins[user] != details.get("password"):
            return {"message": f'FATAL: password authentication failed for user "{user}"'}
        return None

    @staticmethod
    def _database_view(db: dict) -> dict:
        shown = copy.deepcopy(db)
        if shown.get("details", {}).get("password"):
            shown["details"]["password"] = MASKED
        return shown

    def _database(self, method: str, ident: int | None, body) -> tuple[int, object]:
        if method == "GET" and ident is None:
            dbs = [self._database_view(d) for d in self.databases.values()]
            return 200, {"data": dbs, "total": len(dbs)}
        if method == "POST" and ident is None:
            details = body["details"]
            with_ssl = {**details, "ssl": True}
            if details.get("ssl") is not True and self._test_connection(with_ssl) is None:
                stored = with_ssl                       # opportunistic SSL
            elif error := self._test_connection(details):
                return 400, error
            else:
                stored = details
            db = {"id": next(self.ids), "name": body["name"], "engine": body["engine"],
                  "details": copy.deepcopy(stored), "description": None, "is_full_sync": body["is_full_sync"],
                  "is_on_demand": body["is_on_demand"]}
            self.databases[db["id"]] = db
            return 200, self._database_view(db)
        if ident not in self.databases:
            return 404, "Not found."
        db = self.databases[ident]
        if method == "GET":
            return 200, self._database_view(db)
        if method == "PUT":
            details = None
            if body.get("details") is not None:
                incoming = {k: (db["details"].get(k) if k == "password" and v == MASKED else v)
                            for k, v in body["details"].items()}
                details = {**db["details"], **incoming}
                if details != db["details"] and (error := self._test_connection(details)):
                    return 400, error
            updates = {"name": body.get("name"), "engine": body.get("engine"), "details": details,
                       "description": body.get("description"), "caveats": body.get("caveats"),
                       "is_full_sync": body.get("is_full_sync"), "is_on_demand": bool(body.get("is_on_demand"))}
            db.update({k: copy.deepcopy(v) for k, v in updates.items() if v is not None})
            return 200, self._database_view(db)
        if method == "DELETE":
            del self.databases[ident]
            return 204, None
        return 405, None

    # --- cards
    @staticmethod
    def _stored_viz(viz: dict | None) -> dict:
        viz = copy.deepcopy(viz or {})
        if isinstance(viz.get("column_settings"), dict):
            viz["column_settings"] = {json.dumps(json.loads(k), ensure_ascii=False, separators=(",", ":")): v
                                      for k, v in viz["column_settings"].items()}
        return viz

    @staticmethod
    def _mbql5(card: dict) -> dict:
        shown = copy.deepcopy(card)
        q = shown.get("dataset_query") or {}
        if q.get("type") == "native":
            shown["dataset_query"] = {"lib/type": "mbql/query", "database": q.get("database"), "stages": [
                {"lib/type": "mbql.stage/native", "native": q["native"]["query"],
                 "template-tags": q["native"].get("template-tags", {})}]}
        return shown

    def _card(self, method: str, ident: int | None, body, legacy: bool) -> tuple[int, object]:
        view = (lambda c: copy.deepcopy(c)) if legacy else self._mbql5
        if method == "POST" and ident is None:
            card = {**copy.deepcopy(body), "id": next(self.ids), "type": body.get("type") or "question",
                    "archived": False, "visualization_settings": self._stored_viz(body["visualization_settings"])}
            self.cards[card["id"]] = card
            return 200, view(card)
        if ident not in self.cards:
            return 404, "Not found."
        card = self.cards[ident]
        if method == "GET":
            return 200, view(card)
        if method == "PUT":
            card.update({k: copy.deepcopy(v) for k, v in body.items() if v is not None})
            if "visualization_settings" in body:
                card["visualization_settings"] = self._stored_viz(body["visualization_settings"])
            return 200, view(card)
        if method == "DELETE":
            del self.cards[ident]
            for dash in self.dashboards.values():               # ON DELETE CASCADE
                dash["dashcards"] = [dc for dc in dash["dashcards"] if dc.get("card_id") != ident]
            return 204, None
        return 405, None

    # --- dashboards
    def _dashboard(self, method: str, ident: int | None, body) -> tuple[int, object]:
        if method == "POST" and ident is None:
            dash = {"parameters": [], **copy.deepcopy(body), "id": next(self.ids), "dashcards": [],
                    "archived": False}
            self.dashboards[dash["id"]] = dash
            return 200, dash
        if ident not in self.dashboards:
            return 404, "Not found."
        dash = self.dashboards[ident]
        if method == "GET":
            return 200, copy.deepcopy(dash)
        if method == "PUT":
            if body.get("dashcards") is not None:
                keep = {dc["id"]: dc for dc in dash["dashcards"]}
                new_list = []
                for dc in copy.deepcopy(body["dashcards"]):
                    if dc["id"] < 0:
                        dc["id"] = next(self.ids)
                    elif dc["id"] not in keep:
                        return 400, {"message": f"dashcard {dc['id']} does not belong to dashboard {ident}"}
                    dc["dashboard_id"] = ident
                    dc["visualization_settings"] = self._stored_viz(dc.get("visualization_settings") or {})
                    new_list.append(dc)
                dash["dashcards"] = new_list               # dashcards left out of the list are deleted
            dash.update({k: copy.deepcopy(v) for k, v in body.items() if k != "dashcards" and v is not None})
            return 200, copy.deepcopy(dash)
        if method == "DELETE":
            del self.dashboards[ident]
            return 204, None
        return 405, None

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self, method: str) -> None:
                url = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                query = parse_qs(url.query)
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = raw.decode(errors="replace")
                fake.requests.append((method, url.path, query, body))
                fake.auth.append({"x-api-key": self.headers.get("x-api-key"),
                                  "X-Metabase-Session": self.headers.get("X-Metabase-Session")})
                if isinstance(body, str):
                    status, payload = 400, {"message": "malformed JSON"}
                else:
                    status, payload = fake.handle(method, url.path, query, body, self.headers)
                data = b"" if payload is None else (json.dumps(payload).encode() if not isinstance(payload, str)
                                                    else payload.encode())
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if not isinstance(payload, str) else "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):  # noqa: N802
                self._serve("GET")

            def do_POST(self):  # noqa: N802
                self._serve("POST")

            def do_PUT(self):  # noqa: N802
                self._serve("PUT")

            def do_DELETE(self):  # noqa: N802
                self._serve("DELETE")

            def log_message(self, *args):
                pass

        return Handler
