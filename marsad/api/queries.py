"""Every SQL statement of the API and the pages. Request values travel only as parameters; the
SQL text is fixed here (a filter adds one of the fixed conditions below, never a request string)."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from marsad.search.fts import doc_ids
from marsad.text.normalize import normalize

MAX_LIMIT = 200
LEAD_CHARS = 280

# Which actors a user's name or code means: the code itself, or any name, English name or alias
# in matching normalisation (marsad_norm is registered on every read connection).
ACTOR_MATCH = ("SELECT code FROM actors WHERE code = ? OR marsad_norm(name) = ? OR lower(name_en) = ? "
               "UNION SELECT actor_code FROM actor_aliases WHERE marsad_norm(alias) = ?")
WHEN = {"e": "COALESCE(e.date, d.published)", "s": "COALESCE(s.date, d.published)",
        "st": "COALESCE(st.date, d.published)", "d": "d.published"}


def actor_codes(conn, value: str) -> list[str]:
    """Codes of the actors a user's name or code means (resolved once, then matched by index)."""
    n = normalize(value)
    return [r[0] for r in conn.execute(ACTOR_MATCH, [value, n, value.lower(), n])][:500]


def in_codes(column: str, codes: list[str]) -> str:
    return f"{column} IN ({','.join('?' * len(codes))})" if codes else "1 = 0"


@dataclass
class Where:
    """Conditions joined by AND, with their parameters."""

    conds: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)

    def add(self, cond: str, *args: Any) -> "Where":
        self.conds.append(cond)
        self.args.extend(args)
        return self

    def dates(self, when: str, since: str | None, until: str | None) -> "Where":
        if since:
            self.add(f"{when} >= ?", since)
        if until:  # a partial date covers its whole month or year
            self.add(f"substr({when}, 1, length(?)) <= ?", until, until)
        return self

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conds) if self.conds else ""


def rows(conn: sqlite3.Connection, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, args)]


def paged(conn, select: str, from_where: str, args: list[Any], order: str, limit: int,
          offset: int) -> tuple[list[dict[str, Any]], int]:
    total = conn.execute(f"SELECT COUNT(*) {from_where}", args).fetchone()[0]
    items = rows(conn, f"SELECT {select} {from_where} ORDER BY {order} LIMIT ? OFFSET ?",
                 [*args, min(limit, MAX_LIMIT), offset])
    return items, total




# -- documents ---------------------------------------------------------------------------------

DOC_COLS = ("d.id AS document, d.title, d.published, d.url, d.source, 0 AS start, "
            f"CASE WHEN length(d.text) < {LEAD_CHARS} THEN length(d.text) ELSE {LEAD_CHARS} END AS end, "
            f"substr(d.text, 1, {LEAD_CHARS}) AS text, "
            "(SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) AS events, "
            "(SELECT COUNT(*) FROM statements s WHERE s.doc_id = d.id) AS statements")


def documents(conn, source=None, since=None, until=None, q=None, limit=50, offset=0):
    w = Where().dates(WHEN["d"], since, until)
    if source:
        w.add("d.source = ?", source)
    if q:
        cond, args = doc_ids(conn, q, "document")
        w.add(f"d.id {cond}", *args)
    return paged(conn, DOC_COLS, "FROM documents d" + w.sql(), w.args,
                 "d.published DESC, d.id", limit, offset)


def document(conn, doc_id: str) -> dict[str, Any] | None:
    r = conn.execute("SELECT id, title, published, url, source, text, analysis, analyzed_at, "
                     "analysis_version FROM documents WHERE id = ?", [doc_id]).fetchone()
    if r is None:
        return None
    out = dict(r)
    out["analysis"] = json.loads(out["analysis"] or "{}")
    return out


def counts(conn) -> dict[str, int]:
    out = {}
    for table in ("documents", "actors", "events", "statements", "stances", "contradictions"):
        out[table] = conn.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]
    return out


# -- actors ------------------------------------------------------------------------------------

_COUNTS: dict[str, Any] = {}


def mention_counts(conn) -> dict[str, tuple[int, int]]:
    """Mentions and documents per actor code, computed once per state of the store (one
    aggregate over all mentions is too slow for every request on a large store)."""
    key = tuple(conn.execute("SELECT COUNT(*), MAX(analyzed_at) FROM documents").fetchone())
    if _COUNTS.get("key") != key:
        _COUNTS["value"] = {r[0]: (r[1], r[2]) for r in conn.execute(
            "SELECT actor_code, COUNT(*), COUNT(DISTINCT doc_id) FROM mentions GROUP BY actor_code")}
        _COUNTS["key"] = key
    return _COUNTS["value"]


def actors(conn, q=None, limit=50, offset=0):
    """Actors by mention count, each with its first mention as evidence."""
    counts = mention_counts(conn)
    w = Where()
    if q:
        nq = f"%{normalize(q)}%"
        w.add("(a.code = ? OR marsad_norm(a.name) LIKE ? OR lower(a.name_en) LIKE ? OR a.code IN "
              "(SELECT actor_code FROM actor_aliases WHERE marsad_norm(alias) LIKE ?))",
              q, nq, f"%{q.lower()}%", nq)
    codes = [r[0] for r in conn.execute("SELECT a.code FROM actors a" + w.sql(), w.args)]
    codes.sort(key=lambda c: (-counts.get(c, (0, 0))[0], c))
    items = []
    for code in codes[offset:offset + min(limit, MAX_LIMIT)]:
        it = dict(conn.execute("SELECT code, name, name_en, country, type, kind, qid FROM actors "
                               "WHERE code = ?", [code]).fetchone())
        it["mentions"], it["documents"] = counts.get(code, (0, 0))
        first = conn.execute(
            "SELECT m.doc_id, m.start, m.end, substr(d.text, m.start + 1, m.end - m.start) FROM mentions m "
            "JOIN documents d ON d.id = m.doc_id WHERE m.actor_code = ? ORDER BY m.rowid LIMIT 1",
            [code]).fetchone()
        it["document"], it["start"], it["end"], it["text"] = tuple(first) if first else (None,) * 4
        items.append(it)
    return items, len(codes)


def actor(conn, code: str) -> dict[str, Any] | None:
    r = conn.execute("SELECT code, name, name_en, country, type, kind, qid FROM actors WHERE code = ?",
                     [code]).fetchone()
    if r is None:
        return None
    out = dict(r)
    out["aliases"] = [a for (a,) in conn.execute(
        "SELECT alias FROM actor_aliases WHERE actor_code = ? ORDER BY alias", [code]) if a != out["name"]]
    return out


def names(conn, codes) -> dict[str, dict[str, Any]]:
    codes = sorted({c for c in codes if c})
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(codes), 500):
        part = codes[i:i + 500]
        for r in conn.execute("SELECT code, name, name_en, country, type FROM actors WHERE code IN "
                              f"({','.join('?' * len(part))})", part):
            out[r[0]] = dict(r)
    return out


def with_actors(conn, items: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """Replace the ``<key>_code`` columns with actor objects (code, name, English name …)."""
    known = names(conn, (it.get(f"{k}_code") for it in items for k in keys))
    for it in items:
        for k in keys:
            code = it.pop(f"{k}_code", None)
            it[k] = known.get(code, {"code": code, "name": None}) if code else None
    return items
