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
    assert len(suite.expectations) >= 8
