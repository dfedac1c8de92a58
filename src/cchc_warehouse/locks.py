"""Postgres advisory locks, defined once: every process on every machine that touches the warehouse agrees on them,
and a process that dies (kill -9, a lost worker) releases its locks with its connection.

A lock is (class, hashtext(key)): BUILD (one build and publication at a time), CONTENT (one load of a file's content
at a time: source + sha256), LOAD (a load run, while its process lives: its load_id). `cchc doctor` and every load
tell a stale `validating` file or `running` load or publication from a live one by trying the lock its owner holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

BUILD = 4201
CONTENT = 4202
LOAD = 4203


def content_key(source: str, sha256: str) -> str:
    return f"{source}:{sha256}"


@contextmanager
def held(lock_class: int, key: str | int) -> Iterator[None]:
    """Hold a lock for the duration of the block, on a connection of its own (waits while another holds it)."""
    from cchc_warehouse.db import database_url

    with psycopg.connect(database_url(), autocommit=True) as conn:
        conn.execute("select pg_advisory_lock(%s, hashtext(%s))", (lock_class, str(key)))
        try:
            yield
        finally:
            conn.execute("select pg_advisory_unlock(%s, hashtext(%s))", (lock_class, str(key)))


def is_free(conn: psycopg.Connection, lock_class: int, key: str | int) -> bool:
    """Nobody holds the lock now; it is then held by `conn`'s transaction until it ends (call inside the
    transaction that repairs what the dead owner left)."""
    return conn.execute("select pg_try_advisory_xact_lock(%s, hashtext(%s))", (lock_class, str(key))).fetchone()[0]
