"""Every SQL statement of the API and the pages. Request values travel only as parameters; the
SQL text is fixed here (a filter adds one of the fixed conditions below, never a request string)."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from marsad.search.keys import fts_query
from marsad.text.normalize import normalize

MAX_LIMIT = 200
LEAD_CHARS = 280

# Which actors a user's name or code means: the code itself, or any name, English name or alias
# in matching normalisation (marsad_norm is registered on every read connection).
ACTOR_MATCH = ("(SELECT code FROM actors WHERE code = ? OR marsad_norm(name) = ? OR lower(name_en) = ? "
               "UNION SELECT actor_code FROM actor_aliases WHERE marsad_norm(alias) = ?)")
WHEN = {"e": "COALESCE(e.date, d.published)", "s": "COALESCE(s.date, d.published)",
        "st": "COALESCE(st.date, d.published)", "d": "d.published"}


def actor_args(value: str) -> list[str]:
    return [value, normalize(value), value.lower(), normalize(value)]


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


def _fts_docs(q: str, kind: str) -> tuple[str, list[Any]]:
    match = fts_query(q) or '""'
    return ("IN (SELECT t.doc_id FROM search_fts JOIN search_text t ON t.id = search_fts.rowid "
            "WHERE search_fts MATCH ? AND t.kind = ?)", [match, kind])


# -- documents ---------------------------------------------------------------------------------

DOC_COLS = ("d.id AS document, d.title, d.published, d.url, d.source, 0 AS start, "
            f"min(length(d.text), {LEAD_CHARS}) AS end, substr(d.text, 1, {LEAD_CHARS}) AS text, "
            "(SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) AS events, "
            "(SELECT COUNT(*) FROM statements s WHERE s.doc_id = d.id) AS statements")


def documents(conn, source=None, since=None, until=None, q=None, limit=50, offset=0):
    w = Where().dates(WHEN["d"], since, until)
    if source:
        w.add("d.source = ?", source)
    if q:
        cond, args = _fts_docs(q, "document")
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

def actors(conn, q=None, limit=50, offset=0):
    w = Where()
    if q:
        nq = f"%{normalize(q)}%"
        w.add("(a.code = ? OR marsad_norm(a.name) LIKE ? OR lower(a.name_en) LIKE ? OR a.code IN "
              "(SELECT actor_code FROM actor_aliases WHERE marsad_norm(alias) LIKE ?))",
              q, nq, f"%{q.lower()}%", nq)
    select = ("a.code, a.name, a.name_en, a.country, a.type, a.kind, a.qid, "
              "(SELECT COUNT(*) FROM mentions m WHERE m.actor_code = a.code) AS mentions, "
              "(SELECT COUNT(DISTINCT m.doc_id) FROM mentions m WHERE m.actor_code = a.code) AS documents, "
              "(SELECT json_array(m.doc_id, m.start, m.end, substr(d.text, m.start + 1, m.end - m.start)) "
              " FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.actor_code = a.code "
              " ORDER BY d.published, m.doc_id, m.start LIMIT 1) AS first")
    items, total = paged(conn, select, "FROM actors a" + w.sql(), w.args,
                         "mentions DESC, a.code", limit, offset)
    for it in items:
        first = json.loads(it.pop("first") or "null")
        it["document"], it["start"], it["end"], it["text"] = first or (None, None, None, None)
    return items, total


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
