"""What follows from the declarations is written by code (`cchc generate`): suites and checkpoints under
expectations/, the raw tables and typed views, the codes, the dbt sources and seed. The committed files must not
drift."""

from __future__ import annotations

import json

from cchc_warehouse import schema
from cchc_warehouse.gate.suites import checkpoint_dict, checkpoint_path, suite_dict, suite_path
from cchc_warehouse.sources import SOURCES

SUITES = SOURCES


def test_committed_suites_match_code():
    for source in SUITES:
        assert json.loads(suite_path(source).read_text(encoding="utf-8")) == suite_dict(source), \
            "run `cchc generate` and commit expectations/"
        assert json.loads(checkpoint_path(source).read_text(encoding="utf-8")) == checkpoint_dict(source)


def test_committed_schema_and_dbt_declarations_match_code():
    for path, content in schema.generated_files().items():
        assert path.read_text(encoding="utf-8") == content, f"run `cchc generate` and commit {path.name}"


def test_suite_loads_in_gx_and_has_blocking_and_warning_expectations():
    import great_expectations as gx

    suite = gx.ExpectationSuite(**suite_dict("one_stop_dossiers"))
    severities = {e.severity.value for e in suite.expectations}
    assert severities == {"critical", "warning"}
    checks = {k for e in suite_dict("one_stop_dossiers")["expectations"] for k in (e["meta"].get("checks") or {})}
    required = {f"{c}:required" for c in ("dossier_code", "unit_code", "procedure_code", "channel",
                                          "received_at", "status")}
    readable = {f"{c}:readable" for c in ("received_at", "due_at", "finished_at", "returned_at", "channel",
                                          "status", "service_level", "has_fee", "paid_online",
                                          "digitized_result", "applicant_type",
                                          # the optional QĐ 766 columns
                                          "supplement_requests", "supplement_wait_days", "ended_at",
                                          "digitised_components", "reused_data", "citizen_data", "synced_dvcqg")}
    assert required | readable | {"unit_code:registered", "unit_code:valid", "unit_name:matches",
                                  "unit_code:from_name", "finished_at:order", "received_at:period",
                                  "due_at:order", "returned_at:order", "received_at:plausible", "due_at:plausible",
                                  "finished_at:plausible", "returned_at:plausible",
                                  "ended_at:order", "ended_at:plausible"} == checks
    messages = {e["meta"]["message_vi"] for e in suite_dict("one_stop_dossiers")["expectations"]}
    assert {"mã hồ sơ trùng lặp trong tệp", "số hồ sơ của đơn vị bất thường so với các tháng trước",
            "tệp không có dòng dữ liệu"} <= messages


def test_every_source_suite_has_blocking_and_warning_expectations_where_the_spec_asks():
    """Each suite loads in GX; each blocks; those with a documented warning (national component sums, survey
    responses without answers, plan tasks done without a date, forms without a total row, a published 766 total
    differing from its groups) also warn."""
    import great_expectations as gx

    warns = {"one_stop_dossiers", "one_stop_summary", "sipas_survey", "plan_tasks", "par_national",
             "service_index_stats"}
    for source in SUITES:
        severities = {e.severity.value for e in gx.ExpectationSuite(**suite_dict(source)).expectations}
        assert "critical" in severities, source
        assert ("warning" in severities) == (source in warns), source


def test_raw_tables_have_the_columns_the_loader_writes(make_database):
    """sql/ and the source contracts must agree: every column the loader can write exists in the raw table."""
    from cchc_warehouse.db import connect
    from cchc_warehouse.sources import SOURCES

    make_database(with_units=False)
    with connect() as conn:
        for spec in SOURCES.values():
            schema, table = spec.raw_table.split(".")
            have = {r[0] for r in conn.execute(
                "select column_name from information_schema.columns where table_schema = %s and table_name = %s",
                (schema, table))}
            want = {"load_id", "file_id", "source_row", "extra", "source_sheet"}
            for c in spec.stored_columns:
                want |= {c.text_name} | ({c.value_name} if c.in_raw else set())
            for fam in spec.families:
                want |= {fam.name, fam.text_name}
            assert want <= have, (spec.name, sorted(want - have))
