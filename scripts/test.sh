#!/usr/bin/env bash
# Lint and the whole test suite on a real Postgres (a fresh database per run; see tests/conftest.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/ruff check src tests dags benchmarks
.venv/bin/sqlfluff lint dbt_project/models sql --disable-progress-bar --nocolor
exec .venv/bin/pytest -q "$@"
