"""Queries over the analysis layers: events, statements, stances, flips, related statements."""
from __future__ import annotations

from typing import Any

from marsad.api.queries import (
    WHEN,
    Where,
    actor_codes,
    in_codes,
    paged,
    rows,
    with_actors,
)
from marsad.search.fts import doc_ids

EVIDENCE = "substr(d.text, {a}.start + 1, {a}.end - {a}.start) AS text"
PROV = "{a}.stage, {a}.rule"

EVENT_COLS = ("e.doc_id AS document, e.idx, e.start, e.end, " + EVIDENCE.format(a="e") + ", e.type, "
              "e.mode, e.aux, e.date, d.published, d.url, e.location, e.place, e.source_code, "
              "e.target_code, " + PROV.format(a="e") + ", e.score")


def event_where(conn, type=None, mode=None, source=None, target=None, actor=None, country=None,
                place=None, since=None, until=None, document=None, month=None) -> Where:
    w = Where().dates(WHEN["e"], since, until)
    if type:
        w.add("e.type = ?", type.upper())
    if mode:
        w.add("e.mode = ?", mode)
    if source:
        codes = actor_codes(conn, source)
        w.add(in_codes("e.source_code", codes), *codes)
    if target:
        codes = actor_codes(conn, target)
        w.add(in_codes("e.target_code", codes), *codes)
    if actor:
        codes = actor_codes(conn, actor)
        w.add(f"({in_codes('e.source_code', codes)} OR {in_codes('e.target_code', codes)})", *codes, *codes)
    if country:
        w.add("e.location = ?", country.upper())
    if place:
        w.add("e.place = ?", place)
    if document:
        w.add("e.doc_id = ?", document)
    if month:
        w.add(f"substr({WHEN['e']}, 1, 7) = ?", month)
    return w


def events(conn, limit=50, offset=0, **filters):
    w = event_where(conn, **filters)
    items, total = paged(conn, EVENT_COLS, "FROM events e JOIN documents d ON d.id = e.doc_id" + w.sql(),
                         w.args, f"{WHEN['e']} DESC, e.doc_id, e.idx", limit, offset)
    for it in items:
        it["id"] = f"{it['document']}:{it['idx']}"
    return with_actors(conn, items, "source", "target"), total


def event_facets(conn, **filters) -> dict[str, list[tuple[str, int]]]:
    """Counts by type, country and month under the current filters (the events page's facets)."""
    w = event_where(conn, **filters)
    base = "FROM events e JOIN documents d ON d.id = e.doc_id" + w.sql()
    out = {}
    for name, col in (("type", "e.type"), ("country", "e.location"),
                      ("month", f"substr({WHEN['e']}, 1, 7)")):
        out[name] = [(r[0], r[1]) for r in conn.execute(
            f"SELECT {col} AS v, COUNT(*) AS n {base}{' AND' if w.conds else ' WHERE'} {col} IS NOT NULL "
            "GROUP BY v "
            "ORDER BY n DESC, v LIMIT 30", w.args)]
    return out


STATEMENT_COLS = ("s.doc_id AS document, s.idx, s.start, s.end, " + EVIDENCE.format(a="s") + ", "
                  "s.speaker_code, s.direct, s.cue_start, s.cue_end, s.date, d.published, d.url, "
                  "d.title, " + PROV.format(a="s"))


def statements(conn, speaker=None, since=None, until=None, q=None, document=None, limit=50, offset=0):
    w = Where().dates(WHEN["s"], since, until)
    if speaker:
        codes = actor_codes(conn, speaker)
        w.add(in_codes("s.speaker_code", codes), *codes)
    if document:
        w.add("s.doc_id = ?", document)
    if q:
        cond, args = doc_ids(conn, q, "statement")
        w.add(f"(s.doc_id, s.idx) {cond}", *args)
    items, total = paged(conn, STATEMENT_COLS, "FROM statements s JOIN documents d ON d.id = s.doc_id"
                         + w.sql(), w.args, f"{WHEN['s']} DESC, s.doc_id, s.idx", limit, offset)
    for it in items:
        it["id"] = f"{it['document']}:{it['idx']}"
    return with_actors(conn, items, "speaker"), total


def split_id(sid: str) -> tuple[str, int] | None:
    doc, _, idx = sid.rpartition(":")
    return (doc, int(idx)) if doc and idx.isdigit() and len(idx) < 9 else None


def statement(conn, sid: str) -> dict[str, Any] | None:
    key = split_id(sid)
    if key is None:
        return None
    found = rows(conn, f"SELECT {STATEMENT_COLS} FROM statements s JOIN documents d ON d.id = s.doc_id "
                 "WHERE s.doc_id = ? AND s.idx = ?", list(key))
    if not found:
        return None
    it = found[0]
    it["id"] = sid
    it["stances"] = with_actors(conn, rows(
        conn, "SELECT st.target_code, st.issue, st.polarity FROM stances st "
        "WHERE st.doc_id = ? AND st.statement_idx = ?", list(key)), "target")
    return with_actors(conn, [it], "speaker")[0]


STANCE_COLS = ("st.doc_id AS document, st.idx, st.start, st.end, " + EVIDENCE.format(a="st") + ", "
               "st.holder_code, st.target_code, st.polarity, st.issue, st.statement_idx AS statement, "
               "st.reported, st.date, d.published, d.url, " + PROV.format(a="st"))


def stances(conn, holder=None, target=None, issue=None, polarity=None, since=None, until=None,
            document=None, limit=50, offset=0):
    w = Where().dates(WHEN["st"], since, until)
    if holder:
        codes = actor_codes(conn, holder)
        w.add(in_codes("st.holder_code", codes), *codes)
    if target:
        codes = actor_codes(conn, target)
        w.add(in_codes("st.target_code", codes), *codes)
    if issue:
        w.add("st.issue = ?", issue)
    if polarity:
        w.add("st.polarity = ?", polarity)
    if document:
        w.add("st.doc_id = ?", document)
    items, total = paged(conn, STANCE_COLS, "FROM stances st JOIN documents d ON d.id = st.doc_id"
                         + w.sql(), w.args, f"{WHEN['st']} DESC, st.doc_id, st.idx", limit, offset)
    return with_actors(conn, items, "holder", "target"), total


def related(conn, stmt: dict[str, Any], limit: int = 10) -> list[dict[str, Any]]:
    """The same speaker's earlier statements on the same target or issue (by their stances);
    without any stance, the speaker's earlier statements."""
    speaker = (stmt.get("speaker") or {}).get("code")
    if not speaker:
        return []
    when = stmt.get("date") or stmt.get("published") or "9999"
    keys = [(s["target"]["code"] if s.get("target") else None, s.get("issue")) for s in stmt["stances"]]
    w = Where().add("s.speaker_code = ?", speaker).add(f"{WHEN['s']} <= ?", when)
    w.add("NOT (s.doc_id = ? AND s.idx = ?)", stmt["document"], stmt["idx"])
    targets = sorted({t for t, _ in keys if t})
    issues = sorted({i for _, i in keys if i})
    if targets or issues:
        cond = []
        if targets:
            cond.append(f"st.target_code IN ({','.join('?' * len(targets))})")
        if issues:
            cond.append(f"st.issue IN ({','.join('?' * len(issues))})")
        w.add("EXISTS (SELECT 1 FROM stances st WHERE st.doc_id = s.doc_id AND st.statement_idx = s.idx "
              f"AND ({' OR '.join(cond)}))", *targets, *issues)
    found = rows(conn, f"SELECT {STATEMENT_COLS} FROM statements s JOIN documents d ON d.id = s.doc_id"
                 f"{w.sql()} ORDER BY {WHEN['s']} DESC, s.doc_id, s.idx LIMIT ?", [*w.args, limit])
    for it in found:
        it["id"] = f"{it['document']}:{it['idx']}"
        it["match"] = "target-or-issue" if keys else "speaker"
    return with_actors(conn, found, "speaker")
