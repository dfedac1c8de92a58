"""Suites and checkpoints under expectations/ are written by code: the committed files must not drift."""

from __future__ import annotations

import json

from cchc_warehouse.gate import GATE_VIEWS
from cchc_warehouse.suites import SUITES, checkpoint_dict, checkpoint_path, suite_dict, suite_path


def test_committed_suites_match_code():
    for source in SUITES:
        assert json.loads(suite_path(source).read_text(encoding="utf-8")) == suite_dict(source), \
            "run `cchc gx write` and commit expectations/"
        assert json.loads(checkpoint_path(source).read_text(encoding="utf-8")) == \
            checkpoint_dict(source, GATE_VIEWS[source])


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
                                          "digitized_result", "applicant_type")}
    assert required | readable | {"unit_code:registered", "finished_at:order", "received_at:period"} == checks
    messages = {e["meta"]["message_vi"] for e in suite_dict("one_stop_dossiers")["expectations"]}
    assert {"mã hồ sơ trùng lặp trong tệp", "số hồ sơ của đơn vị bất thường so với các tháng trước",
            "tệp không có dòng dữ liệu"} <= messages
