#!/usr/bin/env bash
# Lint and the whole test suite on a real Postgres (a fresh database per run; see tests/conftest.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/ruff check src tests dags benchmarks
.venv/bin/sqlfluff lint dbt_project/models sql --disable-progress-bar --nocolor
# two workers (the machine's two cores: one runs Python while the other's queries run in Postgres); a test file's
# tests stay on one worker, so its module fixtures are built once
exec .venv/bin/pytest -q -n 2 --dist loadfile --durations=25 "$@"
