"""The search index: a plain ``search_text`` table of key texts and an FTS5 index over it.

``search_text`` holds one row per document (title and text) and one per statement (its
evidence), with the key text of ``marsad.search.keys``; the external-content FTS5 table
``search_fts`` follows it through triggers, so writing a document's rows inside the store's
transaction keeps the index in step with the document (all or nothing).
"""
from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from marsad.search.keys import key_text

TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS search_text_ai AFTER INSERT ON search_text BEGIN "
    "INSERT INTO search_fts(rowid, body) VALUES (new.rowid, new.body); END",
    "CREATE TRIGGER IF NOT EXISTS search_text_ad AFTER DELETE ON search_text BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.rowid, old.body); END",
)


def create_search(db: Database) -> None:
    """Create the tables and triggers (the store's migration calls this once)."""
    db.execute("CREATE TABLE IF NOT EXISTS search_text (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, "
               "kind TEXT NOT NULL, ref INTEGER, body TEXT NOT NULL)")
    db.execute("CREATE INDEX IF NOT EXISTS search_text_doc ON search_text(doc_id)")
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(body, content='search_text', "
               "content_rowid='id', tokenize='unicode61 remove_diacritics 0')")
    for sql in TRIGGERS:
        db.execute(sql)


def _rows(doc_id: str, title: str | None, text: str,
          statements: list[tuple[int, int, int]]) -> list[tuple[Any, ...]]:
    rows = [(doc_id, "document", None, key_text(f"{title or ''}\n{text}"))]
    rows += [(doc_id, "statement", idx, key_text(text[s:e])) for idx, s, e in statements]
    return rows


def index_rows(db: Database, doc_id: str, title: str | None, text: str,
               statements: list[tuple[int, int, int]]) -> None:
    """Replace a document's search rows; the caller holds the transaction."""
    db.execute("DELETE FROM search_text WHERE doc_id = ?", [doc_id])
    db.conn.executemany("INSERT INTO search_text (doc_id, kind, ref, body) VALUES (?, ?, ?, ?)",
                        _rows(doc_id, title, text, statements))


def index_document(db: Database, doc) -> None:
    """Index one analysed :class:`marsad.doc.Doc` (called inside ``Store.save``'s transaction)."""
    stmts = [(i, s.start, s.end) for i, s in enumerate(doc.statements)]
    index_rows(db, doc.id, doc.title, doc.text, stmts)


def rebuild(db: Database) -> int:
    """Index every stored document again (the migration for stores made before search)."""
    db.execute("DELETE FROM search_text")
    n = 0
    for doc_id, title, text, analysis in db.execute(
            "SELECT id, title, text, analysis FROM documents").fetchall():
        stmts = [(i, s["start"], s["end"])
                 for i, s in enumerate(json.loads(analysis or "{}").get("statements", []))]
        index_rows(db, doc_id, title, text or "", stmts)
        n += 1
    return n
