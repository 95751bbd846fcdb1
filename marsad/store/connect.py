"""Opening a store: URL to path, read-only or read-write, and the migrations.

Read commands open a store read-only: they never create a file, switch its journal, or add
tables (to a Marsad store of an older version, or to some other SQLite database); they say what
to run instead. Writing commands create the store (its folder must exist), switch it to WAL and
migrate it while holding the write lock, so that several processes opening one new store at once
wait for each other instead of failing with "database is locked".
"""
from __future__ import annotations

import os
import sqlite3
import time
from urllib.parse import quote

from marsad.store.dialect import SqliteDb as Database
from marsad.store.dialect import is_pg
from marsad.store.schema import migrations

BUSY_TIMEOUT = 60.0  # seconds a writer waits for another process's transaction


class StoreError(Exception):
    """A store that cannot be opened or written, with the reason in words."""


def store_path(url: str) -> str:
    """The file of a store URL: ``sqlite:///relative/path``, ``sqlite:////absolute/path`` (as
    SQLAlchemy writes them), ``sqlite://`` (in memory) or a bare path."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):] or ":memory:"
    if url.startswith("sqlite://"):
        return url[len("sqlite://"):] or ":memory:"
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(f"unsupported store URL {url!r} ({scheme}): only sqlite:///PATH and "
                         "postgresql://USER@HOST/DB are available")
    return url


def _hint(url: str, path: str) -> str:
    """A word on ``sqlite:///tmp/x.db`` meaning ./tmp/x.db, when /tmp/x.db was likely meant."""
    if url.startswith("sqlite:///") and not os.path.isabs(path) and \
            os.path.isdir(os.path.dirname("/" + path) or "/"):
        return (f" (sqlite:///{path} is relative to the current folder: "
                f"for /{path} write sqlite:////{path})")
    return ""


def _tables(conn: sqlite3.Connection, path: str) -> set[str]:
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as e:  # "file is not a database"
        raise StoreError(f"{path} is not a Marsad store ({e})") from None


def _check_marsad(conn: sqlite3.Connection, path: str) -> set[str]:
    """The names of the migrations applied to a Marsad store; an error for anything else."""
    tables = _tables(conn, path)
    if not tables:
        return set()
    if "_sqlite_migrations" not in tables or "documents" not in tables:
        raise StoreError(f"{path} is an SQLite database but not a Marsad store: left untouched")
    return {r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name])}


def _pending(applied: set[str]) -> list[str]:
    return [m.name for m in migrations._migrations if m.name not in applied]


def open_read(url: str) -> tuple[Database, str]:
    """A read-only connection to an existing, current Marsad store."""
    if is_pg(url):
        from marsad.store import pgopen

        return pgopen.open_read(url)
    path = store_path(url)
    if path == ":memory:":
        raise StoreError("an in-memory store is empty: give --db the file that `marsad ingest` wrote")
    if not os.path.exists(path):
        raise StoreError(f"no store at {path} (`marsad ingest FILES --db {url}` creates one)"
                         + _hint(url, path))
    uri = f"file:{quote(os.path.abspath(path))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        applied = _check_marsad(conn, path)
    except sqlite3.OperationalError:
        # A WAL store in a folder this user cannot write (no -shm file can be made): read the
        # file as it is, which is safe while no one writes it.
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)
        applied = _check_marsad(conn, path)
    if not applied:
        raise StoreError(f"{path} is an empty file, not a Marsad store")
    pending = _pending(applied)
    if pending:
        raise StoreError(f"the store {path} was written by an older Marsad (missing "
                         f"{', '.join(pending)}): run `marsad migrate --db {url}` (or any "
                         "`marsad ingest` into it) to upgrade it")
    return Database(conn), path


def open_write(url: str) -> tuple[Database, str, bool]:
    """A read-write connection to the store, created and migrated as needed; (db, path, new)."""
    if is_pg(url):
        from marsad.store import pgopen

        return pgopen.open_write(url)
    path = store_path(url)
    if path == ":memory:":
        db = Database(sqlite3.connect(":memory:", check_same_thread=False))
        migrations.apply(db)
        return db, path, True
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise StoreError(f"cannot create the store {path}: no folder {folder}" + _hint(url, path))
    if os.path.isdir(path):
        raise StoreError(f"{path} is a folder, not a store file")
    new = not os.path.exists(path) or os.path.getsize(path) == 0
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, check_same_thread=False)
        db = Database(conn)
        applied = _check_marsad(conn, path)
        _wal(conn)
        if _pending(applied):
            _migrate(db)
    except sqlite3.OperationalError as e:
        raise StoreError(_write_problem(path, e)) from None
    return db, path, new


def _write_problem(path: str, e: Exception) -> str:
    msg = str(e)
    if "readonly" in msg or "read-only" in msg:
        return f"cannot write to the store {path}: it is read-only (file or folder permissions)"
    if "unable to open" in msg:
        return f"cannot open the store {path} for writing (permissions?)"
    return f"store {path}: {msg}"


def _wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL (readers never wait for a writer). A new file may be switched by another
    process at the same moment: then wait and look again."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _migrate(db: Database) -> None:
    """Apply pending migrations under the write lock (BEGIN IMMEDIATE waits for it): a second
    process opening the same new store finds them applied instead of racing to create tables."""
    db.execute("BEGIN IMMEDIATE")
    try:
        migrations.apply(db)
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


def migrate(url: str) -> list[str]:
    """Bring a store up to date; the names of the migrations applied."""
    if is_pg(url):
        from marsad.store import pgopen

        return pgopen.migrate(url)
    path = store_path(url)
    if path != ":memory:" and not os.path.exists(path):
        raise StoreError(f"no store at {path}" + _hint(url, path))
    before = set()
    if path != ":memory:":
        conn = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True)
        before = _check_marsad(conn, path)
        conn.close()
    open_write(url)
    return _pending(before)
