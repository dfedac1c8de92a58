#!/usr/bin/env bash
# Create .venv/ in the checkout from uv.lock (Python 3.11), with `cchc` on it. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v uv >/dev/null 2>&1; then
  UV=uv
else
  # uv is not on this machine: keep a private copy under .cchc/ (PyPI only, no other download)
  if [ ! -x .cchc/bootstrap/bin/uv ]; then
    python3 -m venv .cchc/bootstrap
    .cchc/bootstrap/bin/pip install --quiet --disable-pip-version-check uv
  fi
  UV=.cchc/bootstrap/bin/uv
fi
# --system-certs: trust the machine's certificate store too (registries behind a TLS-inspecting proxy)
"$UV" sync --frozen --extra dev --compile-bytecode --quiet --system-certs
