"""The store any worker can reach, over a real S3 API: moto's server (from PyPI) listening on 127.0.0.1, spoken to
over HTTP by s3fs exactly as a deployment speaks to S3 or MinIO. Landing, discovery, loading (fetch, archive,
register with the landing URL) and the published docs all go through it; nothing is read from a local folder.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from cchc_warehouse import storage
from cchc_warehouse.airflow import tasks as t
from cchc_warehouse.db import connect
from cchc_warehouse.sample.generate import generate

BUCKET = "cchc-test"
MONTH = date(2025, 3, 1)


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {"AWS_ENDPOINT_URL": f"http://{host}:{port}", "AWS_ACCESS_KEY_ID": "test",
           "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1"}
    mp = pytest.MonkeyPatch()
    for k, v in env.items():
        mp.setenv(k, v)
    mp.setenv("CCHC_STORAGE_URL", f"s3://{BUCKET}/")
    import boto3

    boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL"]).create_bucket(Bucket=BUCKET)
    import fsspec

    fsspec.filesystem("s3").invalidate_cache()
    yield boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL"])
    mp.undo()
    server.stop()


def keys(client, prefix: str) -> list[str]:
    out = client.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return sorted(o["Key"] for o in out.get("Contents", []))


def test_storage_areas_are_under_the_bucket(s3):
    assert str(storage.area("landing")) == f"s3://{BUCKET}/landing"
    assert not storage.is_local(storage.area("archive"))


def test_missing_landing_prefix_is_a_problem_not_an_empty_month(s3):
    with pytest.raises(t.RunProblem, match="không tìm thấy thư mục nhận tệp"):
        t.discover_files("month", MONTH, {})


def test_files_landed_in_s3_are_discovered_loaded_archived_and_registered_with_their_url(s3, make_database,
                                                                                       tmp_path):
    make_database()
    written, _ = generate(tmp_path, [MONTH], dossiers_per_month=80, seed=3)
    for w in written:            # land the files as a province's upload job would: objects under landing/
        key = "landing/" + w.path.relative_to(tmp_path).as_posix()
        s3.upload_file(str(w.path), BUCKET, key)
    s3.put_object(Bucket=BUCKET, Key="landing/one_stop_dossiers/2025-03/~$ho_so.xlsx", Body=b"Office lock file")

    found = t.discover_files("month", MONTH, {})
    expected = sorted(f"one_stop_dossiers/2025-03/{w.path.name}" for w in written)
    assert sorted(f["key"] for f in found) == expected

    outcomes = [t.load_landed(item, "s3-test") for item in found]
    assert {o["status"] for o in outcomes} == {"loaded"}

    with connect() as conn:
        rows = conn.execute("select file_name, original_path, archive_path, sha256, size_bytes "
                            "from audit.source_file order by file_name").fetchall()
    assert len(rows) == len(written)
    by_name = {w.path.name: w.path for w in written}
    for name, origin, archived, sha, size in rows:
        assert origin == f"s3://{BUCKET}/landing/one_stop_dossiers/2025-03/{name}"
        assert archived == f"s3://{BUCKET}/archive/{sha[:2]}/{sha}{by_name[name].suffix}"
        assert size == by_name[name].stat().st_size
    archive_keys = [k for k in keys(s3, "archive/") if not k.endswith(".json")]
    assert archive_keys == sorted(f"archive/{sha[:2]}/{sha}{by_name[n].suffix}" for n, _, _, sha, _ in rows)
    # each copy has its manifest beside it (what a rebuild from the archive reads)
    manifests = [k for k in keys(s3, "archive/") if k.endswith(".json")]
    assert manifests == sorted(f"archive/{sha[:2]}/{sha}.one_stop_dossiers.json" for _, _, _, sha, _ in rows)
    body = s3.get_object(Bucket=BUCKET, Key=archive_keys[0])["Body"].read()
    assert body in {p.read_bytes() for p in by_name.values()}


def test_a_second_load_of_the_same_object_is_a_duplicate(s3):
    found = t.discover_files("month", MONTH, {})
    assert {t.load_landed(found[0], "again")["status"]} == {"duplicate"}


def test_publication_docs_go_to_the_bucket(s3):
    from cchc_warehouse.marts.build import build_and_publish
    from cchc_warehouse.reporting.docs import publish_docs

    publication = build_and_publish()
    assert publication and publication.published == 5
    lines = publish_docs(publication.publication_id)
    assert lines == [f"GX data docs: s3://{BUCKET}/docs/gx/index.html", f"dbt docs: s3://{BUCKET}/docs/dbt/index.html"]
    docs = keys(s3, "docs/")
    assert {"docs/gx/index.html", "docs/dbt/index.html", "docs/dbt/manifest.json", "docs/dbt/catalog.json"} <= set(docs)
    # one validation page per file of the publication
    assert len([k for k in docs if k.startswith("docs/gx/validations/")]) == 5


def test_dbt_docs_are_kept_while_their_code_is_the_same(s3, monkeypatch):
    """A publication changes no table or column: the dbt docs generated from the same code are kept (a sentinel put
    in place of their catalogue stays), the GX data docs are rendered again; docs of other code are generated anew."""
    from cchc_warehouse.reporting import docs

    def body(key: str) -> bytes:
        return s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()

    assert body("docs/dbt/code_version.txt").decode() == docs.dbt_docs_version()   # the run above generated them
    s3.put_object(Bucket=BUCKET, Key="docs/dbt/catalog.json", Body=b"sentinel")
    s3.delete_object(Bucket=BUCKET, Key="docs/gx/index.html")
    lines = docs.publish_docs(None)
    assert lines == [f"GX data docs: s3://{BUCKET}/docs/gx/index.html",
                     f"dbt docs: s3://{BUCKET}/docs/dbt/index.html (giữ bản đã tạo: mã dbt và cấu trúc kho không đổi)"]
    assert body("docs/dbt/catalog.json") == b"sentinel"
    assert "docs/gx/index.html" in keys(s3, "docs/gx/")
    monkeypatch.setattr(docs, "dbt_docs_version", lambda: "docs of other code")
    assert docs.publish_docs(None)[1] == f"dbt docs: s3://{BUCKET}/docs/dbt/index.html"
    assert body("docs/dbt/code_version.txt") == b"docs of other code"
    catalog = json.loads(body("docs/dbt/catalog.json"))
    assert "model.cchc.fct_dossier" in catalog["nodes"]


def test_the_monthly_dag_runs_from_the_bucket(s3, tmp_path):
    """A real dag.test() run with the store as its only landing area (Airflow's ObjectStoragePath)."""
    from cchc_warehouse.airflow import local_runs

    month = date(2025, 4, 1)
    written, _ = generate(tmp_path, [month], dossiers_per_month=80, seed=4)
    for w in written:
        s3.upload_file(str(w.path), BUCKET, "landing/" + w.path.relative_to(tmp_path).as_posix())
    assert local_runs.run_month(local_runs.monthly_dag(), month, None) == "success"
    with connect() as conn:
        origins = {r[0] for r in conn.execute(
            "select original_path from audit.source_file where original_path like %s and status = 'published'",
            (f"%/{month:%Y-%m}/%",)).fetchall()}
    assert origins == {f"s3://{BUCKET}/landing/one_stop_dossiers/{month:%Y-%m}/{w.path.name}" for w in written}
