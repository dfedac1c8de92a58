"""`cchc metabase sync` against a fake Metabase that follows the documented API (tests/fake_metabase.py):
the exact writes of a first run, none on a second, updates and removals, setup + session renewal, dry runs,
and errors raised (metabase-api itself returns False)."""

from __future__ import annotations

import dataclasses

import pytest

from cchc_warehouse.dashboards import load_dashboards
from cchc_warehouse.metabase.client import MetabaseClient, MetabaseError
from cchc_warehouse.metabase.sync import COLLECTION_NAME, DATABASE_NAME, Settings, sync

from .fake_metabase import API_KEY, PASSWORD, USER, FakeMetabase


@pytest.fixture
def fake():
    server = FakeMetabase().start()
    yield server
    server.stop()


def _settings(fake: FakeMetabase, **kw) -> Settings:
    base = dict(url=fake.url, api_key=API_KEY, db_host="db", db_port=5432, db_name="cchc",
                db_user="cchc_reporting_login", db_password="bi-mat")
    return Settings(**{**base, **kw})


N_CARDS = sum(len(d.cards) for d in load_dashboards())


def test_first_run_creates_everything_with_these_requests(fake):
    out = sync(_settings(fake))
    writes = fake.writes()
    assert writes == (
        [("POST", "/api/database"), ("PUT", "/api/setting/custom-formatting"), ("POST", "/api/collection")]
        + [("POST", "/api/card")] * N_CARDS
        + [w for i in sorted(fake.dashboards) for w in (("POST", "/api/dashboard"), ("PUT", f"/api/dashboard/{i}"))])
    assert len(out.created) == 2 + N_CARDS + 6 and out.removed == []
    (db,) = fake.databases.values()
    assert db["name"] == DATABASE_NAME and db["engine"] == "postgres"
    assert db["details"]["user"] == "cchc_reporting_login"            # the read-only reporting login
    assert fake.settings["custom-formatting"]["type/Number"]["number_separators"] == ",."
    (collection,) = fake.collections.values()
    assert collection["name"] == COLLECTION_NAME
    # the PUTs sent the full dashcard lists with negative ids for new dashcards, and every filter wired
    puts = [body for m, p, _, body in fake.requests if m == "PUT" and p.startswith("/api/dashboard/")]
    assert all(dc["id"] < 0 for body in puts for dc in body["dashcards"])
    for body in puts:
        for dc in body["dashcards"]:
            assert {m["parameter_id"] for m in dc["parameter_mappings"]} == {"period", "unit", "unit_level"}
            assert all(m["target"] == ["variable", ["template-tag", m["parameter_id"]]]
                       for m in dc["parameter_mappings"])
    titles = {d["name"] for d in fake.dashboards.values()}
    assert titles == {d.title for d in load_dashboards()}
    assert all(dc["id"] > 0 for d in fake.dashboards.values() for dc in d["dashcards"])
    card = next(c for c in fake.cards.values() if c["name"] == "Xếp hạng Chỉ số CCHC")
    assert card["dataset_query"]["database"] == db["id"] and card["collection_id"] == collection["id"]
    assert set(card["dataset_query"]["native"]["template-tags"]) == {"period", "unit", "unit_level"}
    assert card["visualization_settings"]["column_settings"]['["name", "Chỉ số (%)"]'] == {"suffix": " %",
                                                                                        "decimals": 2}


def test_second_run_sends_no_write(fake):
    sync(_settings(fake))
    before = len(fake.requests)
    out = sync(_settings(fake))
    assert out.lines() == ["không có thay đổi"]
    assert [r for r in fake.requests[before:] if r[0] != "GET"] == []


def test_changed_and_removed_definitions(fake):
    sync(_settings(fake))
    dashboards = load_dashboards()
    first = dashboards[1]                                   # Một cửa: two cards
    renamed = dataclasses.replace(first.cards[0], title="Kết quả giải quyết hồ sơ (đổi tên)")
    dashboards[1] = dataclasses.replace(first, cards=(renamed,))    # second card dropped
    dropped_id = next(c["id"] for c in fake.cards.values() if c["name"] == first.cards[1].title)
    dash_id = next(d["id"] for d in fake.dashboards.values() if d["name"] == first.title)
    kept_dashcard = next(dc["id"] for dc in fake.dashboards[dash_id]["dashcards"]
                         if dc["card_id"] != dropped_id)
    before = len(fake.requests)
    out = sync(_settings(fake), dashboards=dashboards)
    writes = [(m, p) for m, p, _, _ in fake.requests[before:] if m != "GET"]
    assert writes == [("PUT", f"/api/card/{next(c['id'] for c in fake.cards.values() if c['name'] == renamed.title)}"),
                      ("DELETE", f"/api/card/{dropped_id}"), ("PUT", f"/api/dashboard/{dash_id}")]
    assert out.changed == [f"thẻ {renamed.key}", "bảng điều khiển mot_cua"]
    assert out.removed == [f"thẻ {first.cards[1].key}"]
    assert [dc["id"] for dc in fake.dashboards[dash_id]["dashcards"]] == [kept_dashcard]   # same dashcard kept


def test_fresh_instance_is_set_up_and_expired_sessions_are_renewed():
    fake = FakeMetabase(set_up=False).start()
    try:
        settings = _settings(fake, api_key=None, user=USER, password=PASSWORD)
        sync(settings)
        assert fake.requests[1][:2] == ("POST", "/api/setup")
        fake.expire_sessions()
        before = len(fake.requests)
        assert sync(settings).lines() == ["không có thay đổi"]
        after = [(m, p) for m, p, _, _ in fake.requests[before:]]
        assert ("POST", "/api/session") in after                # logged in again after the 401
        assert [r for r in after if r[0] != "GET" and r[1] != "/api/session"] == []
    finally:
        fake.stop()


def test_dry_run_writes_nothing_and_says_what_it_would_do(fake):
    out = sync(_settings(fake), dry_run=True)
    assert fake.writes() == []
    assert f"tạo: cơ sở dữ liệu {DATABASE_NAME}" in out.lines() and len(out.created) == 2 + N_CARDS + 6


def test_errors_raise_instead_of_returning_false(fake):
    fake.fail[("POST", "/api/card")] = 500
    with pytest.raises(MetabaseError, match="POST /api/card: HTTP 500"):
        sync(_settings(fake))
    with pytest.raises(MetabaseError, match="không đăng nhập được"):
        MetabaseClient(fake.url, user=USER, password="sai")


def test_cli_sync_and_the_publish_step(fake, monkeypatch, capsys):
    from cchc_warehouse.cli import main
    from cchc_warehouse.orchestration import sync_metabase_if_configured

    monkeypatch.delenv("CCHC_METABASE_URL", raising=False)
    assert sync_metabase_if_configured() == [
        "Metabase: bỏ qua đồng bộ bảng điều khiển (chưa cấu hình CCHC_METABASE_URL)"]
    monkeypatch.setenv("CCHC_DATABASE_URL", "postgresql://u@db.example:5433/kho")
    monkeypatch.setenv("CCHC_METABASE_URL", fake.url)
    monkeypatch.setenv("CCHC_METABASE_API_KEY", API_KEY)
    assert main(["metabase", "sync", "--dry-run"]) == 0
    assert fake.writes() == [] and "(thử) tạo: thẻ mot_cua/theo_don_vi" in capsys.readouterr().out
    lines = sync_metabase_if_configured()
    assert f"Metabase: tạo: cơ sở dữ liệu {DATABASE_NAME}" in lines
    (db,) = fake.databases.values()
    assert (db["details"]["host"], db["details"]["port"], db["details"]["dbname"]) == ("db.example", 5433, "kho")
    assert main(["metabase", "sync"]) == 0 and capsys.readouterr().out.strip() == "không có thay đổi"


def test_committed_exposures_match_the_definitions():
    import yaml

    from cchc_warehouse.metabase.exposures import exposures_dict, exposures_path

    assert yaml.safe_load(exposures_path().read_text(encoding="utf-8")) == exposures_dict(), \
        "run `cchc metabase exposures` and commit dbt_project/models/exposures/"
