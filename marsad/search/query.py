"""Searching: FTS5 ranked hits with snippets whose matched words are marked."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from marsad.search.fts import match
from marsad.search.keys import query_keys, word_key, words

SNIPPET_CHARS = 220


@dataclass
class Hit:
    doc_id: str
    kind: str  # document | statement
    ref: int | None  # the statement's index in its document
    title: str | None
    published: str | None
    start: int  # evidence offsets in the document text (the statement, or the snippet)
    end: int
    snippet: list[tuple[str, bool]] = field(default_factory=list)  # (text, matched) parts
    highlights: list[tuple[int, int]] = field(default_factory=list)  # document offsets

    def to_json(self) -> dict[str, Any]:
        return {"document": self.doc_id, "kind": self.kind, "statement": self.ref,
                "title": self.title, "published": self.published, "start": self.start,
                "end": self.end, "text": "".join(t for t, _ in self.snippet),
                "highlights": [list(h) for h in self.highlights]}


def marked(text: str, start: int, end: int, keys: set[str]) -> tuple[list[tuple[str, bool]], list]:
    """Parts of text[start:end] with the words whose key is wanted flagged, and their offsets."""
    parts: list[tuple[str, bool]] = []
    spans = []
    pos = start
    for m in words(text[start:end]):
        if word_key(m.group()) in keys:
            s, e = start + m.start(), start + m.end()
            if s > pos:
                parts.append((text[pos:s], False))
            parts.append((text[s:e], True))
            spans.append((s, e))
            pos = e
    if pos < end:
        parts.append((text[pos:end], False))
    return parts, spans


def _window(text: str, keys: set[str]) -> tuple[int, int]:
    """A snippet window around the first matched word."""
    first = next((m.start() for m in words(text) if word_key(m.group()) in keys), 0)
    a = max(0, first - SNIPPET_CHARS // 3)
    b = min(len(text), a + SNIPPET_CHARS)
    while a > 0 and not text[a - 1].isspace() and first - a < SNIPPET_CHARS // 2:
        a -= 1
    while b < len(text) and not text[b].isspace() and b - a < SNIPPET_CHARS + 30:
        b += 1
    return a, b


def search(conn: sqlite3.Connection, q: str, kind: str | None = None, limit: int = 20,
           offset: int = 0) -> tuple[list[Hit], int]:
    """Hits for a query (best first) and the total number of matches."""
    m = match(conn, q)
    if m.arg is None:
        return [], 0
    kind_sql = " AND t.kind = ?" if kind else ""
    args: list[Any] = [m.arg] + ([kind] if kind else [])
    total = conn.execute(f"SELECT COUNT(*) FROM {m.source} WHERE {m.cond}{kind_sql}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT t.doc_id, t.kind, t.ref, d.title, d.published, d.text, s.start, s.end "
        f"FROM {m.source} JOIN documents d ON d.id = t.doc_id "
        "LEFT JOIN statements s ON t.kind = 'statement' AND s.doc_id = t.doc_id AND s.idx = t.ref "
        f"WHERE {m.cond}{kind_sql} ORDER BY {m.rank}, t.id LIMIT ? OFFSET ?",
        [*args, limit, offset]).fetchall()
    keys = set(query_keys(q))
    hits = []
    for doc_id, k, ref, title, published, text, s, e in rows:
        if k == "statement" and s is not None:
            a, b = s, e
        else:
            a, b = _window(text, keys)
        parts, spans = marked(text, a, b, keys)
        hits.append(Hit(doc_id, k, ref, title, published, a, b, parts, spans))
    return hits, total
