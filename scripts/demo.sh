#!/usr/bin/env bash
# Set up, start the embedded Postgres, generate sample data, run the monthly DAG for six months,
# print the province's indicators. Re-running is safe (same files are recognised and skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/cchc demo "$@"
