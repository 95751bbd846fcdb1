"""Opening a store in PostgreSQL (``postgresql://user@host/db`` or ``postgres://``).

The same migrations as SQLite build the same tables (their record is the ``_sqlite_migrations``
table there too, so one name means one thing in both). Read commands never create or migrate;
writing commands migrate inside one transaction that holds an advisory lock, so several processes
opening one new database at once wait for each other. The store lives in the connection's current
schema: give it a database (or a schema, ``?options=-csearch_path%3Dmarsad``) of its own.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

from marsad.store.connect import StoreError
from marsad.store.schema import migrations

MIGRATION_LOCK = "marsad:migrations"


def shown(url: str) -> str:
    """The URL without its password (for messages)."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def _connect(url: str, readonly: bool):
    try:
        from marsad.store.pg import PgConnection, PgDb
    except ImportError as e:
        raise StoreError(f"PostgreSQL stores need psycopg 3 ({e}): pip install 'psycopg[binary]'") from None
    import psycopg

    try:
        return PgDb(PgConnection(url, readonly=readonly))
    except psycopg.Error as e:
        reason = str(e).strip().splitlines()[-1] if str(e).strip() else type(e).__name__
        raise StoreError(f"cannot connect to the store {shown(url)}: {reason}") from None


def _applied(db, url: str) -> set[str]:
    """Names of the migrations applied; empty for a database without tables; an error for a
    database that holds other tables."""
    tables = set(db.table_names())
    if not tables:
        return set()
    if "_sqlite_migrations" not in tables or "documents" not in tables:
        raise StoreError(f"{shown(url)} holds tables but not a Marsad store: left untouched "
                         "(give Marsad a database or schema of its own)")
    return {r[0] for r in db.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name])}


def _pending(applied: set[str]) -> list[str]:
    return [m.name for m in migrations._migrations if m.name not in applied]


def open_read(url: str):
    db = _connect(url, readonly=True)
    applied = _applied(db, url)
    if not applied:
        db.conn.close()
        raise StoreError(f"no store in {shown(url)} (`marsad ingest FILES --db {shown(url)}` creates one)")
    pending = _pending(applied)
    if pending:
        db.conn.close()
        raise StoreError(f"the store {shown(url)} was written by an older Marsad (missing "
                         f"{', '.join(pending)}): run `marsad migrate --db {shown(url)}` (or any "
                         "`marsad ingest` into it) to upgrade it")
    return db, shown(url)


def open_write(url: str):
    """(db, shown url, new): the store, created and migrated as needed."""
    db = _connect(url, readonly=False)
    _, new = apply(db, url)
    return db, shown(url), new


def apply(db, url: str) -> tuple[list[str], bool]:
    """Apply the pending migrations in one transaction under the migration lock; (names, new)."""
    with db.atomic():
        db.lock(MIGRATION_LOCK)
        applied = _applied(db, url)
        pending = _pending(applied)
        if not pending:
            return [], False
        if "_sqlite_migrations" not in db.table_names():
            db["_sqlite_migrations"].create({"id": int, "migration_set": str, "name": str,
                                             "applied_at": str}, pk="id")
            db["_sqlite_migrations"].create_index(["migration_set", "name"], unique=True)
        for m in migrations._migrations:
            if m.name in pending:
                m.fn(db)
                db["_sqlite_migrations"].insert({"migration_set": migrations.name, "name": m.name,
                                                 "applied_at": str(datetime.now(timezone.utc))})
        create_functions(db)
    return pending, not applied


def migrate(url: str) -> list[str]:
    db = _connect(url, readonly=False)
    try:
        if not _applied(db, url):
            raise StoreError(f"no store in {shown(url)}")
        return apply(db, url)[0]
    finally:
        db.conn.close()


def create_functions(db) -> None:
    """``marsad_norm(text)``: the matching normalisation (marsad.text.normalize) in SQL, so that
    the API compares actor names in PostgreSQL as it does in SQLite (where it is a Python
    function registered on each connection). Folds and drops the same characters; presentation
    forms are left as they are."""
    from marsad.text.normalize import _DROP, _FOLD

    pairs = sorted(_FOLD.items())
    src = "".join(k for k, _ in pairs) + "".join(sorted(_DROP))
    dst = "".join(v for _, v in pairs)
    db.execute("CREATE OR REPLACE FUNCTION marsad_norm(text) RETURNS text LANGUAGE sql IMMUTABLE "
               f"STRICT PARALLEL SAFE AS $f$ SELECT translate($1, '{src}', '{dst}') $f$")
