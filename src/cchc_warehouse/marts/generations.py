"""The two mart generations (audit.mart_generation): what makes the next build of each a full refresh."""

from __future__ import annotations

import psycopg


def rebuild_both_in_full(conn: psycopg.Connection) -> None:
    """The next build of each generation is a full refresh: for a change the incremental models cannot see, since
    no file brings it (the unit registry's roll-ups and names, the indicator targets the reports compare with).
    A change to the dbt code is seen by the build itself (marts.build.project_version)."""
    conn.execute("update audit.mart_generation set complete = false")
