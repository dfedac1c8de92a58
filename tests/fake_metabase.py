"""A fake Metabase HTTP server for the sync tests (no Metabase can run here). It follows Metabase's documented
behaviour for the endpoints the sync uses:

- auth: POST /api/session -> {"id": session}; X-Metabase-Session or X-API-KEY on every other call; 401
  'Unauthenticated' otherwise (sessions can be expired to test renewal); GET /api/user/current;
- setup: GET /api/session/properties ("has-user-setup", "setup-token"), POST /api/setup;
- databases: GET /api/database -> {"data": [...], "total": n} (details with the password masked), GET/POST/PUT;
- collections: GET /api/collection (a list), POST, GET /api/collection/:id/items?models=card|dashboard
  -> {"data": [...]};
- cards: POST, GET /api/card/:id (dataset_query in MBQL 5 unless ?legacy-mbql=true, as since v0.57), PUT, DELETE;
- dashboards: POST (no dashcards), GET /api/dashboard/:id, PUT with "dashcards": the full list, where a dashcard
  left out is deleted and one with a negative id is created with a new id; DELETE;
- settings: GET/PUT /api/setting/custom-formatting.
Every request is logged as (method, path, query, body) for the tests to assert.
"""

from __future__ import annotations

import copy
import itertools
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

API_KEY = "mb_test_key"
USER, PASSWORD = "admin@cchc.example", "mat-khau-thu"


class FakeMetabase:
    def __init__(self, set_up: bool = True):
        self.set_up = set_up
        self.sessions: set[str] = set()
        self.requests: list[tuple[str, str, dict, dict | None]] = []
        self.ids = itertools.count(1)
        self.databases: dict[int, dict] = {}
        self.collections: dict[int, dict] = {}
        self.cards: dict[int, dict] = {}
        self.dashboards: dict[int, dict] = {}
        self.settings: dict[str, object] = {"custom-formatting": {}}
        self.fail: dict[tuple[str, str], int] = {}          # (method, path prefix) -> status to answer
        self.setup_token = str(uuid.uuid4())
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

    def expire_sessions(self) -> None:
        self.sessions.clear()

    def writes(self) -> list[tuple[str, str]]:
        return [(m, p) for m, p, _, _ in self.requests if m in ("POST", "PUT", "DELETE") and p != "/api/session"]

    # ------------------------------------------------------------------------------------------------ logic
    def handle(self, method: str, path: str, query: dict, body: dict | None, headers) -> tuple[int, object]:
        for (m, prefix), status in self.fail.items():
            if m == method and path.startswith(prefix):
                return status, {"message": "lỗi giả lập"}
        if path == "/api/session/properties" and method == "GET":
            return 200, {"has-user-setup": self.set_up, "setup-token": None if self.set_up else self.setup_token}
        if path == "/api/setup" and method == "POST":
            if self.set_up or body.get("token") != self.setup_token:
                return 403, {"message": "Instance already initialized"}
            self.set_up = True
            return 200, {"id": self._new_session()}
        if path == "/api/session" and method == "POST":
            if self.set_up and (body or {}).get("username") == USER and body.get("password") == PASSWORD:
                return 200, {"id": self._new_session()}
            return 401, {"errors": {"password": "did not match stored password"}}
        if headers.get("X-API-KEY") != API_KEY and headers.get("X-Metabase-Session") not in self.sessions:
            return 401, "Unauthenticated"
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
            return self._crud(self.databases, method, ident, body, listing=lambda xs: {"data": xs, "total": len(xs)},
                              view=self._database_view)
        if kind == "collection":
            if ident is not None and parts[2:] == ["items"]:
                model = query.get("models", [None])[0]
                store = {"card": self.cards, "dashboard": self.dashboards}[model]
                items = [{"id": x["id"], "name": x["name"], "description": x.get("description"), "model": model}
                         for x in store.values() if x.get("collection_id") == ident and not x.get("archived")]
                return 200, {"data": items, "total": len(items)}
            return self._crud(self.collections, method, ident, body, listing=lambda xs: xs)
        if kind == "card":
            legacy = query.get("legacy-mbql", ["false"])[0] == "true"
            return self._crud(self.cards, method, ident, body, view=lambda c: c if legacy else self._mbql5(c))
        if kind == "dashboard":
            if method == "PUT" and ident in self.dashboards and "dashcards" in body:
                return 200, self._put_dashboard(ident, body)
            return self._crud(self.dashboards, method, ident, body, on_create={"dashcards": [], "parameters": []})
        return 404, "API endpoint does not exist."

    def _new_session(self) -> str:
        s = str(uuid.uuid4())
        self.sessions.add(s)
        return s

    def _crud(self, store: dict, method: str, ident: int | None, body: dict | None, listing=None, view=None,
              on_create: dict | None = None) -> tuple[int, object]:
        view = view or (lambda x: x)
        if method == "GET" and ident is None:
            xs = [view(x) for x in store.values()]
            return 200, listing(xs) if listing else xs
        if method == "POST" and ident is None:
            obj = {**(on_create or {}), **copy.deepcopy(body), "id": next(self.ids)}
            store[obj["id"]] = obj
            return 200, view(obj)
        if ident not in store:
            return 404, "Not found."
        if method == "GET":
            return 200, view(store[ident])
        if method == "PUT":
            store[ident].update(copy.deepcopy(body))
            return 200, view(store[ident])
        if method == "DELETE":
            del store[ident]
            return 204, None
        return 405, None

    @staticmethod
    def _database_view(db: dict) -> dict:
        shown = copy.deepcopy(db)
        if shown.get("details", {}).get("password"):
            shown["details"]["password"] = "**MetabasePass**"
        return shown

    @staticmethod
    def _mbql5(card: dict) -> dict:
        shown = copy.deepcopy(card)
        q = shown.get("dataset_query") or {}
        if q.get("type") == "native":
            shown["dataset_query"] = {"lib/type": "mbql/query", "database": q.get("database"), "stages": [
                {"lib/type": "mbql.stage/native", "native": q["native"]["query"],
                 "template-tags": q["native"].get("template-tags", {})}]}
        return shown

    def _put_dashboard(self, ident: int, body: dict) -> dict:
        dash = self.dashboards[ident]
        keep = {dc["id"]: dc for dc in dash["dashcards"]}
        new_list = []
        for dc in copy.deepcopy(body["dashcards"]):
            if dc["id"] < 0:
                dc["id"] = next(self.ids)
            elif dc["id"] not in keep:
                raise ValueError(f"dashcard {dc['id']} does not belong to dashboard {ident}")
            dc["dashboard_id"] = ident
            new_list.append(dc)
        dash.update({k: copy.deepcopy(v) for k, v in body.items() if k != "dashcards"})
        dash["dashcards"] = new_list               # dashcards left out of the list are deleted
        return dash

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self, method: str) -> None:
                url = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                query = parse_qs(url.query)
                fake.requests.append((method, url.path, query, body))
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
