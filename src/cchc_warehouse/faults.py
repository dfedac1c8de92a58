"""Fault injection for the reliability tests: `CCHC_FAULT_AT=<point>` makes the process die (SIGKILL, as a
`kill -9` or an OOM kill would) when it reaches that point. Unset in normal runs; one environment lookup per point.

Points: `build:before_swap` (dbt finished, nothing published yet), `build:in_swap` (inside the publishing
transaction, before it commits), `load:after_copy` (rows copied into raw, gate not run yet).
"""

from __future__ import annotations

import os
import signal

ENV = "CCHC_FAULT_AT"


def point(name: str) -> None:
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
