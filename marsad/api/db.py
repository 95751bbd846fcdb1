"""Read connections to the store: one read-only connection per server thread."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

from marsad.store import StoreError, open_store
from marsad.store.dialect import is_pg


def store_path(url: str) -> str:
    """File path of a ``sqlite:///PATH`` URL (or a bare path); the server needs a file (or a
    PostgreSQL database: the URL itself)."""
    if is_pg(url):
        return url
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
    elif "://" in url:
        raise StoreError(f"unsupported store URL {url!r}: only sqlite:///PATH and "
                         "postgresql://USER@HOST/DB are available")
    else:
        path = url
    if not path or path == ":memory:":
        raise StoreError("the server needs a store file, not an in-memory store")
    return path


class Reader:
    """Per-thread read-only connections. The store is opened once first: read-only (never
    created or migrated: a store from an older Marsad gets the "run marsad migrate" message), or
    for writing with ``create`` (--allow-writes), which applies its migrations."""

    def __init__(self, url: str, create: bool = False):
        self.path = store_path(url)
        self.pg = is_pg(url)
        self.url = url if self.pg else f"sqlite:///{self.path}"
        if not self.pg and not create and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such store (run `marsad ingest` first)")
        open_store(self.url, readonly=not create).db.conn.close()
        self._local = threading.local()
        self.setup = None  # called with each new connection (to register SQL functions)

    def conn(self) -> sqlite3.Connection:
        c = getattr(self._local, "conn", None)
        if c is None and self.pg:  # marsad_norm() is a function of the database there
            from marsad.store.pg import PgConnection

            c = self._local.conn = PgConnection(self.url, readonly=True, rows_by_name=True)
        if c is None:
            uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
            c = sqlite3.connect(uri, uri=True, check_same_thread=False)
            c.row_factory = sqlite3.Row
            if self.setup is not None:
                self.setup(c)
            self._local.conn = c
        return c
