"""`cchc metabase sync` against a fake Metabase that follows Metabase's source and OpenAPI document
(tests/fake_metabase.py, tests/metabase_openapi/): the exact writes of a first run, none on a second, updates and
removals, credentials (rotation, SSL, refused connections), setup with Metabase's password rules, session renewal,
API-key auth without prompts, dry runs, errors raised (metabase-api itself returns False), and every request body
checked against the OpenAPI request schemas."""

from __future__ import annotations

import dataclasses
import getpass
import json

import pytest

from cchc_warehouse.reporting.dashboards import load_dashboards
from cchc_warehouse.reporting.metabase.client import MetabaseClient, MetabaseError
from cchc_warehouse.reporting.metabase.sync import COLLECTION_NAME, DATABASE_NAME, Settings, sync

from .fake_metabase import API_KEY, MASKED, PASSWORD, USER, FakeMetabase, password_is_valid
from .metabase_openapi import schema as openapi

DB_PASSWORD = "bi-mat"


@pytest.fixture
def fake():
    server = FakeMetabase().start()
    server.add_warehouse("db", 5432, "cchc", "cchc_reporting_login", DB_PASSWORD)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def no_prompt(monkeypatch):
    """metabase-api calls getpass when given a user without a password: the sync must never get there."""
    def refuse(*args, **kwargs):
        raise AssertionError("the sync prompted for a password")
    monkeypatch.setattr(getpass, "getpass", refuse)


def _settings(fake: FakeMetabase, **kw) -> Settings:
    base = dict(url=fake.url, api_key=API_KEY, db_host="db", db_port=5432, db_name="cchc",
                db_user="cchc_reporting_login", db_password=DB_PASSWORD)
    return Settings(**{**base, **kw})


def _later(fake: FakeMetabase, before: int) -> list[tuple[str, str]]:
    return [(m, p) for m, p, _, _ in fake.requests[before:] if m != "GET"]


N_CARDS = sum(len(d.cards) for d in load_dashboards())
N_DASHBOARDS = len(load_dashboards())


def test_first_run_creates_everything_with_these_requests(fake):
    out = sync(_settings(fake))
    (db,) = fake.databases.values()
    assert fake.writes() == (
        [("POST", "/api/database"), ("PUT", f"/api/database/{db['id']}"), ("PUT", "/api/setting/custom-formatting"),
         ("POST", "/api/collection")]
        + [("POST", "/api/card")] * N_CARDS
        # every dashboard first (a drill-through names its target's id), then each one's dashcards
        + [("POST", "/api/dashboard")] * N_DASHBOARDS
        + [("PUT", f"/api/dashboard/{i}") for i in sorted(fake.dashboards)])
    assert len(out.created) == 2 + N_CARDS + N_DASHBOARDS and out.removed == []
    assert db["name"] == DATABASE_NAME and db["engine"] == "postgres"
    assert db["details"] == {"host": "db", "port": 5432, "dbname": "cchc", "user": "cchc_reporting_login",
                             "password": DB_PASSWORD}          # no SSL: this warehouse refuses it
    assert fake.connection_tests[-1]["password"] == DB_PASSWORD       # Metabase tested the connection
    assert "[cchc:database credentials=scrypt:" in db["description"] and DB_PASSWORD not in db["description"]
    assert fake.settings["custom-formatting"]["type/Number"]["number_separators"] == ",."
    (collection,) = fake.collections.values()
    assert collection["name"] == COLLECTION_NAME
    # the PUTs sent the full dashcard lists with negative ids for new dashcards, and every filter wired
    puts = [body for m, p, _, body in fake.requests if m == "PUT" and p.startswith("/api/dashboard/")]
    assert all(dc["id"] < 0 for body in puts for dc in body["dashcards"])
    by_name = {d.title: d for d in load_dashboards()}
    for body in puts:
        assert {p["id"] for p in body["parameters"]} == set(by_name[body["name"]].filters)
        for dc in body["dashcards"]:
            assert {m["parameter_id"] for m in dc["parameter_mappings"]} == set(by_name[body["name"]].filters)
            assert all(m["target"] == ["variable", ["template-tag", m["parameter_id"]]]
                       for m in dc["parameter_mappings"])
    titles = {d["name"] for d in fake.dashboards.values()}
    assert titles == {d.title for d in load_dashboards()}
    assert all(dc["id"] > 0 for d in fake.dashboards.values() for dc in d["dashcards"])
    # drill-through: a value of the headline card opens the trace dashboard with unit, period and indicator set
    trace_id = next(d["id"] for d in fake.dashboards.values() if d["name"] == "Truy vết số liệu")
    headline = next(c["id"] for c in fake.cards.values() if c["name"] == "Chỉ tiêu chính so với chỉ tiêu đặt ra")
    (dashcard,) = [dc for d in fake.dashboards.values() for dc in d["dashcards"] if dc["card_id"] == headline]
    click = dashcard["visualization_settings"]["column_settings"]['["name","Giá trị"]']["click_behavior"]
    assert (click["type"], click["linkType"], click["targetId"]) == ("link", "dashboard", trace_id)
    assert {p: (m["source"]["type"], m["source"]["name"], m["target"]) for p, m in click["parameterMapping"].items()} \
        == {"unit": ("column", "Mã đơn vị", {"type": "parameter", "id": "unit"}),
            "period": ("column", "Kỳ", {"type": "parameter", "id": "period"}),
            "indicator": ("column", "Mã chỉ tiêu", {"type": "parameter", "id": "indicator"})}
    card = next(c for c in fake.cards.values() if c["name"] == "Xếp hạng Chỉ số CCHC")
    assert card["dataset_query"]["database"] == db["id"] and card["collection_id"] == collection["id"]
    assert set(card["dataset_query"]["native"]["template-tags"]) == {"period", "unit", "unit_level"}
    # sent, and stored, in the compact form Metabase re-encodes column_settings keys to
    sent = next(b for m, p, _, b in fake.requests if m == "POST" and p == "/api/card" and b["name"] == card["name"])
    assert list(sent["visualization_settings"]["column_settings"]) == ['["name","Chỉ số (%)"]']
    assert card["visualization_settings"]["column_settings"]['["name","Chỉ số (%)"]'] == {"suffix": " %",
                                                                                       "decimals": 2}


def test_second_run_sends_no_write(fake):
    sync(_settings(fake))
    before = len(fake.requests)
    out = sync(_settings(fake))
    assert out.lines() == ["không có thay đổi"]
    assert _later(fake, before) == []


def test_column_settings_are_compared_in_the_form_metabase_stores(fake):
    """Cards whose keys are stored in another JSON spelling (e.g. written by an older sync) are not rewritten."""
    sync(_settings(fake))
    for card in fake.cards.values():
        cs = card["visualization_settings"].get("column_settings") or {}
        card["visualization_settings"]["column_settings"] = {json.dumps(json.loads(k)): v for k, v in cs.items()}
    assert any('", "' in k for c in fake.cards.values() for k in c["visualization_settings"].get("column_settings", {}))
    before = len(fake.requests)
    assert sync(_settings(fake)).lines() == ["không có thay đổi"] and _later(fake, before) == []


def test_changed_and_removed_definitions(fake):
    sync(_settings(fake))
    dashboards = load_dashboards()
    first = dashboards[1]                                   # Một cửa: two cards
    renamed = dataclasses.replace(first.cards[0], title="Kết quả giải quyết hồ sơ (đổi tên)")
    dashboards[1] = dataclasses.replace(first, cards=(renamed,))    # second card dropped
    dropped_id = next(c["id"] for c in fake.cards.values() if c["name"] == first.cards[1].title)
    renamed_id = next(c["id"] for c in fake.cards.values() if c["name"] == first.cards[0].title)
    dash_id = next(d["id"] for d in fake.dashboards.values() if d["name"] == first.title)
    kept_dashcard = next(dc["id"] for dc in fake.dashboards[dash_id]["dashcards"] if dc["card_id"] != dropped_id)
    before = len(fake.requests)
    out = sync(_settings(fake), dashboards=dashboards)
    # deleting the card deletes its dashcard (ON DELETE CASCADE), so the dashboard needs no PUT
    assert _later(fake, before) == [("PUT", f"/api/card/{renamed_id}"), ("DELETE", f"/api/card/{dropped_id}")]
    assert out.changed == [f"thẻ {renamed.key}"] and out.removed == [f"thẻ {first.cards[1].key}"]
    assert [dc["id"] for dc in fake.dashboards[dash_id]["dashcards"]] == [kept_dashcard]   # same dashcard kept
    # a layout change is a PUT of the full dashcard list, keeping the dashcard's id
    moved = dataclasses.replace(renamed, position={**renamed.position, "row": renamed.position["row"] + 5})
    dashboards[1] = dataclasses.replace(first, cards=(moved,))
    before = len(fake.requests)
    assert sync(_settings(fake), dashboards=dashboards).changed == ["bảng điều khiển mot_cua"]
    assert _later(fake, before) == [("PUT", f"/api/dashboard/{dash_id}")]
    assert [dc["id"] for dc in fake.dashboards[dash_id]["dashcards"]] == [kept_dashcard]


def test_a_rotated_password_is_pushed_and_an_unchanged_one_is_not(fake):
    sync(_settings(fake))
    (db,) = fake.databases.values()
    before = len(fake.requests)
    assert sync(_settings(fake)).lines() == ["không có thay đổi"] and _later(fake, before) == []

    fake.add_warehouse("db", 5432, "cchc", "cchc_reporting_login", "mat-khau-moi")      # rotated on the server
    before, tests = len(fake.requests), len(fake.connection_tests)
    out = sync(_settings(fake, db_password="mat-khau-moi"))
    assert out.changed == [f"cơ sở dữ liệu {DATABASE_NAME}"]
    assert _later(fake, before) == [("PUT", f"/api/database/{db['id']}")]
    assert fake.databases[db["id"]]["details"]["password"] == "mat-khau-moi"
    assert fake.connection_tests[tests:] and fake.connection_tests[-1]["password"] == "mat-khau-moi"
    assert "mat-khau-moi" not in fake.databases[db["id"]]["description"]
    (listed,) = fake.handle("GET", "/api/database", {}, None, {"x-api-key": API_KEY})[1]["data"]
    assert listed["details"]["password"] == MASKED                   # Metabase never returns it

    before = len(fake.requests)
    assert sync(_settings(fake, db_password="mat-khau-moi")).lines() == ["không có thay đổi"]
    assert _later(fake, before) == []


def test_a_password_metabase_cannot_connect_with_is_a_clear_error(fake):
    sync(_settings(fake))
    (db,) = fake.databases.values()
    with pytest.raises(MetabaseError, match="không kết nối được tới kho dữ liệu db:5432/cchc .*HTTP 400.*password"):
        sync(_settings(fake, db_password="sai"))
    assert fake.databases[db["id"]]["details"]["password"] == DB_PASSWORD      # Metabase kept the old details


def test_a_new_database_metabase_cannot_reach_is_refused():
    fake = FakeMetabase().start()                  # no warehouse declared: the host is unreachable
    try:
        with pytest.raises(MetabaseError, match="không kết nối được tới kho dữ liệu.*not reachable"):
            sync(_settings(fake))
        assert fake.databases == {}
    finally:
        fake.stop()


def test_ssl_is_stored_when_the_warehouse_accepts_it():
    fake = FakeMetabase().start()
    fake.add_warehouse("db", 5432, "cchc", "cchc_reporting_login", DB_PASSWORD, ssl=True)
    try:
        sync(_settings(fake))
        (db,) = fake.databases.values()
        assert db["details"]["ssl"] is True                           # opportunistic SSL on creation
        before = len(fake.requests)
        assert sync(_settings(fake)).lines() == ["không có thay đổi"] and _later(fake, before) == []
        fake.add_warehouse("db", 5432, "cchc", "cchc_reporting_login", "mat-khau-moi")
        sync(_settings(fake, db_password="mat-khau-moi"))
        assert fake.databases[db["id"]]["details"]["ssl"] is True     # a PUT merges: SSL kept
    finally:
        fake.stop()


def test_fresh_instance_is_set_up_and_expired_sessions_are_renewed():
    fake = FakeMetabase(set_up=False).start()
    fake.add_warehouse("db", 5432, "cchc", "cchc_reporting_login", DB_PASSWORD)
    try:
        settings = _settings(fake, api_key=None, user=USER, password=PASSWORD)
        sync(settings)
        method, path, _, body = fake.requests[1]
        assert (method, path) == ("POST", "/api/setup") and body["user"]["email"] == USER
        assert fake.setup_token is None and fake.settings["site-locale"] == "vi"
        fake.expire_sessions()
        before = len(fake.requests)
        assert sync(settings).lines() == ["không có thay đổi"]
        after = [(m, p) for m, p, _, _ in fake.requests[before:]]
        assert ("POST", "/api/session") in after                # logged in again after the 401
        assert [r for r in after if r[0] != "GET" and r[1] != "/api/session"] == []
    finally:
        fake.stop()


@pytest.mark.parametrize("weak", ["mat-khau-thu", "abc12", "password1", "123456789"])
def test_setup_refuses_passwords_metabase_refuses(weak):
    assert not password_is_valid(weak)
    fake = FakeMetabase(set_up=False).start()
    try:
        with pytest.raises(MetabaseError, match="từ chối mật khẩu quản trị.*ít nhất 6 ký tự.*1 chữ số"):
            sync(_settings(fake, api_key=None, user=USER, password=weak))
        assert fake.users == {} and fake.setup_token is not None
    finally:
        fake.stop()


def test_an_api_key_is_sent_as_the_x_api_key_header_only(fake):
    # a user without a password next to the key: metabase-api would prompt if it were given the user
    sync(_settings(fake, user=USER, password=None))
    assert fake.requests and all(a["x-api-key"] == API_KEY and a["X-Metabase-Session"] is None
                                 for a in fake.auth[1:])     # [0] is the public GET /api/session/properties
    assert ("POST", "/api/session") not in [(m, p) for m, p, _, _ in fake.requests]


@pytest.mark.parametrize(("kw", "message"), [
    (dict(api_key=None, user=USER, password=None), "đã đặt CCHC_METABASE_USER nhưng thiếu CCHC_METABASE_PASSWORD"),
    (dict(api_key=None, user=None, password=None), "thiếu thông tin đăng nhập Metabase"),
    (dict(api_key=None, user=None, password="x"), "thiếu CCHC_METABASE_USER"),
])
def test_missing_credentials_are_a_clear_error_before_any_request(fake, kw, message):
    with pytest.raises(MetabaseError, match=message):
        sync(_settings(fake, **kw))
    with pytest.raises(MetabaseError, match=message):
        MetabaseClient(fake.url, **kw)
    assert fake.requests == []


def test_dry_run_writes_nothing_and_says_what_it_would_do(fake):
    out = sync(_settings(fake), dry_run=True)
    assert fake.writes() == []
    assert f"tạo: cơ sở dữ liệu {DATABASE_NAME}" in out.lines() and len(out.created) == 2 + N_CARDS + N_DASHBOARDS
    # on a provisioned instance, a new card next to existing ones (no id yet in a dry run)
    sync(_settings(fake))
    dashboards = load_dashboards()
    first = dashboards[1]
    extra = dataclasses.replace(first.cards[0], slug="moi", title="Thẻ mới")
    dashboards[1] = dataclasses.replace(first, cards=(*first.cards, extra))
    before = len(fake.requests)
    out = sync(_settings(fake), dry_run=True, dashboards=dashboards)
    assert (out.created, out.changed) == (["thẻ mot_cua/moi"], ["bảng điều khiển mot_cua"])
    assert _later(fake, before) == []


def test_errors_raise_instead_of_returning_false(fake):
    fake.fail[("POST", "/api/card")] = 500
    with pytest.raises(MetabaseError, match="POST /api/card: HTTP 500"):
        sync(_settings(fake))
    with pytest.raises(MetabaseError, match="không đăng nhập được Metabase .*HTTP 401"):
        MetabaseClient(fake.url, user=USER, password="sai")
    with pytest.raises(MetabaseError, match="từ chối khóa API"):
        MetabaseClient(fake.url, api_key="mb_sai")


def test_the_fake_refuses_what_metabase_refuses(fake):
    """The fake itself: bodies outside the request schemas (or with undeclared keys) are 400, as on Metabase."""
    key = {"x-api-key": API_KEY}
    assert fake.handle("POST", "/api/database", {}, {"name": "x", "engine": "postgres", "details": {},
                                                     "description": "y"}, key)[0] == 400
    assert fake.handle("POST", "/api/card", {}, {"name": "x", "display": "table"}, key)[0] == 400
    assert fake.handle("POST", "/api/card", {}, {"name": "x"}, {})[0] == 401


def test_every_request_body_matches_the_openapi_request_schemas():
    """Setup, login, first run, second run, changed and removed definitions, a rotated password: every body the
    sync sent is checked, as sent (no defaults filled, no undeclared top-level key), against the OpenAPI document."""
    fake = FakeMetabase(set_up=False).start()
    fake.add_warehouse("db", 5432, "cchc", "cchc_reporting_login", DB_PASSWORD)
    try:
        settings = _settings(fake, api_key=None, user=USER, password=PASSWORD)
        sync(settings)
        sync(settings)
        dashboards = load_dashboards()
        first = dashboards[1]
        dashboards[1] = dataclasses.replace(first, cards=(dataclasses.replace(first.cards[0], title="Đổi tên"),))
        sync(settings, dashboards=dashboards)
        sync(settings, dashboards=dashboards[:-1])                  # a dashboard removed
        fake.add_warehouse("db", 5432, "cchc", "cchc_reporting_login", "mat-khau-moi")
        sync(dataclasses.replace(settings, db_password="mat-khau-moi"), dashboards=dashboards[:-1])
    finally:
        fake.stop()
    sent = [(m, p, b) for m, p, _, b in fake.requests if b is not None]
    problems = [e for m, p, b in sent for e in openapi.errors(m, p, b)]
    assert problems == []
    covered = {(m, openapi.operation(m, p)[0]) for m, p, _ in sent}
    assert covered == {("POST", "/api/setup/"), ("POST", "/api/session/"), ("POST", "/api/database/"),
                       ("PUT", "/api/database/{id}"), ("PUT", "/api/setting/{key}"), ("POST", "/api/collection/"),
                       ("POST", "/api/card/"), ("PUT", "/api/card/{id}"), ("POST", "/api/dashboard/"),
                       ("PUT", "/api/dashboard/{id}")}
    # and every endpoint called at all is in the trimmed document
    assert all(openapi.operation(m, p) for m, p, _, _ in fake.requests), \
        sorted({(m, p) for m, p, _, _ in fake.requests if not openapi.operation(m, p)})


def test_cli_sync_and_the_publish_step(fake, monkeypatch, capsys):
    from cchc_warehouse.airflow.tasks import sync_dashboards
    from cchc_warehouse.cli import main

    monkeypatch.delenv("CCHC_METABASE_URL", raising=False)
    assert sync_dashboards() == [
        "Metabase: bỏ qua đồng bộ bảng điều khiển (chưa cấu hình CCHC_METABASE_URL)"]
    fake.add_warehouse("db.example", 5433, "kho", "cchc_reporting_login", DB_PASSWORD)
    monkeypatch.setenv("CCHC_DATABASE_URL", "postgresql://u@db.example:5433/kho")
    monkeypatch.setenv("CCHC_METABASE_URL", fake.url)
    monkeypatch.setenv("CCHC_METABASE_API_KEY", API_KEY)
    monkeypatch.setenv("CCHC_METABASE_DB_PASSWORD", DB_PASSWORD)
    assert main(["metabase", "sync", "--dry-run"]) == 0
    assert fake.writes() == [] and "(thử) tạo: thẻ mot_cua/theo_don_vi" in capsys.readouterr().out
    lines = sync_dashboards()
    assert f"Metabase: tạo: cơ sở dữ liệu {DATABASE_NAME}" in lines
    (db,) = fake.databases.values()
    assert (db["details"]["host"], db["details"]["port"], db["details"]["dbname"]) == ("db.example", 5433, "kho")
    assert main(["metabase", "sync"]) == 0 and capsys.readouterr().out.strip() == "không có thay đổi"
    monkeypatch.delenv("CCHC_METABASE_API_KEY")
    monkeypatch.setenv("CCHC_METABASE_USER", USER)
    monkeypatch.delenv("CCHC_METABASE_PASSWORD", raising=False)
    assert main(["metabase", "sync"]) == 1
    assert "LỖI: đã đặt CCHC_METABASE_USER nhưng thiếu CCHC_METABASE_PASSWORD" in capsys.readouterr().err


def test_committed_exposures_match_the_definitions():
    import yaml

    from cchc_warehouse.reporting.metabase.exposures import exposures_dict, exposures_path

    assert yaml.safe_load(exposures_path().read_text(encoding="utf-8")) == exposures_dict(), \
        "run `cchc metabase exposures` and commit dbt_project/models/exposures/"
