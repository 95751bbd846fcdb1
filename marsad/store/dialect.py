"""What differs between the store's two databases, in one place: SQLite (embedded, the default)
and PostgreSQL (:mod:`marsad.store.pg`). Code that holds a database or a connection asks
:func:`dialect`; both database classes offer ``write_tx`` (one document's transaction) and
``lock`` (serialise a corpus-wide rewrite among writers)."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Any, Iterator

from sqlite_utils import Database

PG_SCHEMES = ("postgresql://", "postgres://")


def is_pg(url: str) -> bool:
    return url.startswith(PG_SCHEMES)


def dialect(db_or_conn: Any) -> str:
    """"postgres" or "sqlite" for a store database or a connection."""
    return getattr(db_or_conn, "dialect", "sqlite")


def lock(db: Any, name: str) -> None:
    """Hold a named lock until the current transaction ends: a no-op in SQLite, where a write
    transaction already excludes every other writer."""
    if dialect(db) == "postgres":
        db.lock(name)


def stream(db: Any, sql: str, args: list[Any]) -> Iterator[tuple]:
    """The rows of a query that may be large (every analysis, every event), without holding
    them all in memory: SQLite yields them as it reads; PostgreSQL through a server-side cursor."""
    if dialect(db) == "postgres":
        return db.conn.stream(sql, args)
    return iter(db.execute(sql, args))


def stream_dicts(db: Any, sql: str, args: list[Any]) -> Iterator[dict[str, Any]]:
    """:func:`stream` with each row as a dict by column name."""
    if dialect(db) == "postgres":
        yield from db.conn.stream(sql, args, names=True)
        return
    cur = db.execute(sql, args)
    cols = [c[0] for c in cur.description]
    for row in cur:
        yield dict(zip(cols, row))


class SqliteDb(Database):
    """sqlite-utils' database with the store's transaction helpers."""

    dialect = "sqlite"
    errors = (sqlite3.OperationalError,)

    @contextmanager
    def atomic(self) -> Iterator["SqliteDb"]:
        """sqlite-utils' transaction, begun IMMEDIATE: a deferred one that reads first and then
        writes cannot wait for the write lock once another process has committed since its read
        (WAL answers "database is locked" at once, whatever the busy timeout); nested blocks are
        savepoints as before."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    @contextmanager
    def write_tx(self, lock: str | None = None) -> Iterator[None]:
        """BEGIN IMMEDIATE: the write lock before the first read, so no other process can store
        the same document between a check and the write."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    def lock(self, name: str) -> None:
        pass
