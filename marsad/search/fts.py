"""The full-text match in each database: SQLite's FTS5 table ``search_fts``, or PostgreSQL's
``tsvector`` column of ``search_text`` (GIN index, 'simple' configuration). Both index the same
key texts (marsad.search.keys) and require every key of the query, so they find the same rows;
their ranks differ (FTS5's bm25, PostgreSQL's ts_rank)."""
from __future__ import annotations

from dataclasses import dataclass

from marsad.search.keys import fts_query, query_keys
from marsad.store.dialect import dialect


@dataclass(frozen=True)
class Match:
    source: str  # FROM items naming the matched search_text rows "t"
    cond: str  # the WHERE condition (the parameter, if any, is in ``source`` or here)
    rank: str  # lower is better
    arg: str | None  # the query's one parameter; None: the query has no word


def match(conn, q: str) -> Match:
    """The match of a user query on this connection's database."""
    if dialect(conn) == "postgres":
        keys = query_keys(q)
        return Match("search_text t CROSS JOIN plainto_tsquery('simple', ?) AS tq", "t.tsv @@ tq",
                     "-ts_rank(t.tsv, tq)", " ".join(keys) if keys else None)
    return Match("search_fts JOIN search_text t ON t.id = search_fts.rowid", "search_fts MATCH ?",
                 "search_fts.rank", fts_query(q))


def doc_ids(conn, q: str, kind: str) -> tuple[str, list]:
    """``IN (...)`` of the documents (or of the (document, statement) pairs, ``kind`` statement)
    whose search rows of ``kind`` match ``q``; with its parameters."""
    m = match(conn, q)
    cols = "t.doc_id, t.ref" if kind == "statement" else "t.doc_id"
    return (f"IN (SELECT {cols} FROM {m.source} WHERE {m.cond} AND t.kind = ?)",
            [m.arg if m.arg is not None else '""', kind])
