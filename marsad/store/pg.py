"""The PostgreSQL dialect: a psycopg 3 connection that speaks the store's SQL.

The store, the search index, the tracks and the API write their SQL once, in the SQLite dialect
that sqlite-utils uses (``?`` parameters, ``[quoted]`` names) and call the sqlite-utils table
methods they need (``db[t].insert(..., ignore/replace)``, ``insert_all``, ``create``,
``create_index``). :class:`PgDb` offers the same methods over PostgreSQL and translates the SQL
(parameters, quoting, upsert as ``ON CONFLICT``, identity columns for rowid and integer keys,
``json`` for dict columns), so there is one store, not two copies of it. Transactions are explicit
(autocommit outside them): :meth:`PgDb.atomic` and :meth:`PgDb.write_tx`, which takes a
transaction-level advisory lock, so writers of different documents run at once and two writers
of the same document wait for each other.
"""
from __future__ import annotations

import hashlib
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import count
from typing import Any, Iterable, Iterator

import psycopg
from psycopg.types.string import TextLoader

# Python column types of the migrations (sqlite-utils style) in PostgreSQL. Offsets and counts are
# INTEGER: SQL functions such as substr() take int4, and PostgreSQL casts int8 to int4 only on
# assignment.
TYPES = {str: "TEXT", int: "INTEGER", float: "DOUBLE PRECISION", bytes: "BYTEA", dict: "JSON"}
WIDE = {("lsh_bands", "key")}  # 64-bit values
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\[([^\]]+)\]|\?|%")
_cursors = count(1)


@lru_cache(maxsize=1024)
def to_pg(sql: str) -> str:
    """SQLite-dialect SQL as psycopg wants it: ``?`` → ``%s``, ``[name]`` → ``"name"``, a literal
    ``%`` doubled, ``CREATE VIEW IF NOT EXISTS`` → ``CREATE OR REPLACE VIEW``."""
    def sub(m: re.Match) -> str:
        t = m.group(0)
        if t == "?":
            return "%s"
        if t == "%":
            return "%%"
        if m.group(1) is not None:
            return '"' + m.group(1) + '"'
        return t.replace("%", "%%")

    return _TOKEN.sub(sub, sql.replace("CREATE VIEW IF NOT EXISTS", "CREATE OR REPLACE VIEW"))


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def lock_key(name: str) -> int:
    """A stable 64-bit advisory-lock key for a name (the same in every process)."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


class Row(tuple):
    """A result row read both by position and by column name (as ``sqlite3.Row``)."""

    _cols: tuple[str, ...] = ()

    def keys(self) -> list[str]:
        return list(self._cols)

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._cols.index(key))
        return tuple.__getitem__(self, key)


def named_rows(cursor):
    cols = tuple(c.name for c in cursor.description or ())

    def make(values):
        r = Row(values)
        r._cols = cols
        return r

    return make


class PgConnection:
    """The part of ``sqlite3.Connection`` the store uses, over one autocommit psycopg connection."""

    dialect = "postgres"

    def __init__(self, url: str, readonly: bool = False, rows_by_name: bool = False):
        self.url = url
        self.raw = psycopg.connect(url, autocommit=True,
                                   row_factory=named_rows if rows_by_name else psycopg.rows.tuple_row)
        # The analysis JSON is read as the text that was stored (the store parses it itself).
        self.raw.adapters.register_loader("json", TextLoader)
        if readonly:
            self.raw.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    def execute(self, sql: str, params: Iterable[Any] = ()):
        return self.raw.execute(to_pg(sql), list(params))

    def stream(self, sql: str, params: Iterable[Any] = (), names: bool = False) -> Iterator:
        """Rows of a large result a few hundred at a time (a server-side cursor) rather than all
        at once in memory, as SQLite yields them; ``names``: as dicts by column name."""
        with self.raw.cursor(name=f"marsad_{id(self):x}_{next(_cursors)}", withhold=True) as cur:
            cur.itersize = 200
            cur.execute(to_pg(sql), list(params))
            cols = [c.name for c in cur.description or ()]
            for row in cur:
                yield dict(zip(cols, row)) if names else row

    def executemany(self, sql: str, seq: Iterable[Iterable[Any]]):
        with self.raw.cursor() as cur:
            cur.executemany(to_pg(sql), [list(p) for p in seq])

    def commit(self) -> None:  # every write runs in an explicit transaction (atomic, write_tx)
        pass

    def rollback(self) -> None:
        pass

    def close(self) -> None:
        self.raw.close()

    def __del__(self) -> None:  # a command's store is not closed by hand (SQLite needs none)
        try:
            self.raw.close()
        except Exception:  # noqa: BLE001  (interpreter shutdown)
            pass


@dataclass
class Column:
    name: str
    type: str


class PgTable:
    """The sqlite-utils ``Table`` methods the store calls."""

    def __init__(self, db: "PgDb", name: str):
        self.db = db
        self.name = name

    def exists(self) -> bool:
        return self.name in self.db.table_names()

    @property
    def columns(self) -> list[Column]:
        return [Column(n, t) for n, t in self.db.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND table_name = ? ORDER BY ordinal_position", [self.name])]

    @property
    def pks(self) -> list[str]:
        return self.db.pks(self.name)

    def create(self, columns: dict[str, type], pk: str | tuple[str, ...] | None = None) -> None:
        keys = [pk] if isinstance(pk, str) else list(pk or ())
        defs = []
        if not keys:  # SQLite's rowid, which queries may order by
            defs.append("rowid BIGINT GENERATED ALWAYS AS IDENTITY")
        for col, kind in columns.items():
            sql_type = "BIGINT" if (self.name, col) in WIDE else TYPES[kind]
            if keys == [col] and kind is int:  # an INTEGER PRIMARY KEY numbers its rows
                sql_type += " GENERATED BY DEFAULT AS IDENTITY"
            defs.append(f"{quote(col)} {sql_type}")
        if keys:
            defs.append(f"PRIMARY KEY ({', '.join(map(quote, keys))})")
        self.db.execute(f"CREATE TABLE {quote(self.name)} ({', '.join(defs)})")
        self.db.forget()

    def create_index(self, cols: list[str], unique: bool = False, if_not_exists: bool = False) -> None:
        name = f"idx_{self.name}_{'_'.join(cols)}"
        self.db.execute(f"CREATE {'UNIQUE ' if unique else ''}INDEX "
                        f"{'IF NOT EXISTS ' if if_not_exists else ''}{quote(name)} "
                        f"ON {quote(self.name)} ({', '.join(map(quote, cols))})")

    def insert(self, row: dict[str, Any], ignore: bool = False, replace: bool = False) -> None:
        self.insert_all([row], ignore=ignore, replace=replace)

    def insert_all(self, rows: Iterable[dict[str, Any]], ignore: bool = False,
                   replace: bool = False) -> None:
        groups: dict[tuple[str, ...], list[list[Any]]] = {}
        for r in rows:
            groups.setdefault(tuple(r), []).append(list(r.values()))
        for cols, values in groups.items():
            sql = (f"INSERT INTO {quote(self.name)} ({', '.join(map(quote, cols))}) "
                   f"VALUES ({', '.join(['%s'] * len(cols))})" + self._conflict(cols, ignore, replace))
            with self.db.conn.raw.cursor() as cur:
                cur.executemany(sql, values)

    def _conflict(self, cols: tuple[str, ...], ignore: bool, replace: bool) -> str:
        if ignore:
            return " ON CONFLICT DO NOTHING"
        if not replace:
            return ""
        keys = self.pks
        rest = [c for c in cols if c not in keys]
        if not rest:
            return " ON CONFLICT DO NOTHING"
        return (f" ON CONFLICT ({', '.join(map(quote, keys))}) DO UPDATE SET "
                + ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c in rest))


class PgDb:
    """The sqlite-utils ``Database`` methods the store calls, over PostgreSQL."""

    dialect = "postgres"
    errors = (psycopg.OperationalError,)

    def __init__(self, conn: PgConnection):
        self.conn = conn
        self._pks: dict[str, list[str]] = {}

    def execute(self, sql: str, params: Iterable[Any] = ()):
        return self.conn.execute(sql, params)

    def __getitem__(self, name: str) -> PgTable:
        return PgTable(self, name)

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' ORDER BY table_name")]

    def view_names(self) -> list[str]:
        return [r[0] for r in self.execute(
            "SELECT table_name FROM information_schema.views WHERE table_schema = current_schema() "
            "ORDER BY table_name")]

    def pks(self, table: str) -> list[str]:
        if table not in self._pks:
            self._pks[table] = [r[0] for r in self.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass(?) AND i.indisprimary",
                [quote(table)])]
        return self._pks[table]

    def forget(self) -> None:
        self._pks.clear()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction (a savepoint inside another)."""
        with self.conn.raw.transaction():
            yield

    @contextmanager
    def write_tx(self, lock: str | None = None) -> Iterator[None]:
        """A write transaction holding the advisory lock of ``lock`` (a document id) until it
        ends: another writer of the same document waits here, writers of others go on."""
        # In a pipeline: statements whose results nobody reads go to the server in batches
        # rather than one round trip each (a document is some fifty statements).
        with self.conn.raw.pipeline(), self.conn.raw.transaction():
            if lock is not None:
                self.lock(lock)
            yield

    def lock(self, name: str) -> None:
        """Hold the advisory lock of ``name`` until the current transaction ends."""
        self.execute("SELECT pg_advisory_xact_lock(?)", [lock_key(name)])

    def reader(self) -> PgConnection:
        """Another connection to the same database (for another thread)."""
        return PgConnection(self.conn.url)
