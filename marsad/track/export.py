"""PLOVER JSONL export of stored events (``marsad export --format plover-jsonl``).

One record per event, following the PLOVER manual's data fields: ``id``, ``date`` (YYYY-MM-DD),
``actor`` and ``recipient`` (lists of entity objects: code, sector, entity_text, identifier_id,
identifier_text), ``event`` and ``mode`` (lists), ``context`` (the auxiliary mode — historical,
future, hypothetical, negated — when the coder marked one, as the manual suggests), ``event_text``
(the evidence span), ``link`` (the source document), ``location`` (country code and the place
named), plus ``quad_code`` and ``text_info`` offsets so every record points back at its evidence,
and ``sources``: every document (id, source, url, published) that reported the event. Exporting
the whole store folds near-duplicate documents (marsad.track.duplicates): an event reported by
several members of one cluster is one record, listing each of them in ``sources``.
"""
from __future__ import annotations

import json
from typing import IO, Any, Iterable

from marsad.store.dialect import stream_dicts
from marsad.text.normalize import normalize

QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


def _entity(actor: dict[str, Any] | None, text: str) -> list[dict[str, Any]]:
    if not actor:
        return []
    mention = next(iter(actor.get("mentions") or []), None)
    ent = {
        "code": actor.get("country"),
        "sector": actor.get("type"),
        "entity_text": text[mention[0]:mention[1]] if mention else actor.get("name"),
        "identifier_id": actor.get("qid"),
        "identifier_text": actor.get("name_en") or actor.get("name"),
    }
    return [{k: v for k, v in ent.items() if v is not None}]


def _date(event_date: str | None, published: str | None) -> str | None:
    """PLOVER wants YYYY-MM-DD: the event's own date when complete, else the document's when
    it agrees with the event's partial date, else the partial date as given."""
    if event_date and len(event_date) == 10 and event_date[:4].isdigit():
        return event_date
    if published and (not event_date or not event_date[:1].isdigit() or published.startswith(event_date)):
        return published[:10]
    return event_date


def _source(doc: dict[str, Any]) -> dict[str, Any]:
    return {"id": doc.get("id"), "source": doc.get("source"), "url": doc.get("url"),
            "published": doc.get("published")}


def plover_records(analysis: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """PLOVER records for the events of one ``marsad.analysis/1`` object and its input text."""
    doc = analysis.get("document") or {}
    doc_id = str(doc.get("id") or "doc")
    published = doc.get("published")
    actors = {a["id"]: a for a in analysis.get("actors", [])}
    out = []
    for n, ev in enumerate(analysis.get("events", []), 1):
        s, e = int(ev["start"]), int(ev["end"])
        rec: dict[str, Any] = {
            "id": f"{doc_id}-e{n}",
            "date": _date(ev.get("date"), published),
            "actor": _entity(actors.get(ev.get("source")), text),
            "recipient": _entity(actors.get(ev.get("target")), text),
            "event": [ev["type"]],
            "mode": [ev["mode"]] if ev.get("mode") else [],
            "context": [ev["aux"]] if ev.get("aux") else [],
            "event_text": [text[s:e]],
            "link": doc.get("url") or doc_id,
            "location": ({"country_code": ev.get("location"), "extracted_place": ev.get("place")}
                         if ev.get("location") or ev.get("place") else None),
            "quad_code": QUAD.get(ev["type"]),
            "text_info": {"start": s, "end": e},
            "coder": "marsad",
            "sources": [_source(doc)],
        }
        out.append(rec)
    return out


def _event_key(rec: dict[str, Any]) -> tuple:
    """What makes two documents' events the same event: type, mode, date, the two parties."""
    def party(ents):
        # (an unlisted name is compared in its normalised spelling: "مارك رولي" / "مارك رولى")
        return tuple((e.get("identifier_id") or normalize(e.get("identifier_text") or "")) for e in ents)

    return (tuple(rec["event"]), tuple(rec["mode"]), rec["date"], party(rec["actor"]),
            party(rec["recipient"]))


def folded_records(store: Any, cluster: list[str], analysis: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """PLOVER records of one cluster of near-duplicate documents (canonical first): each of its
    events once, with every document that reported it in ``sources``."""
    out = plover_records(analysis, text)
    open_keys: dict[tuple, list[int]] = {}
    for n, rec in enumerate(out):
        open_keys.setdefault(_event_key(rec), []).append(n)
    for member in cluster[1:]:
        found = store.load(member)
        if found is None:
            continue
        taken: dict[tuple, int] = {}
        for rec in plover_records(*found):
            key = _event_key(rec)
            slots = open_keys.setdefault(key, [])
            i = taken.get(key, 0)
            taken[key] = i + 1
            if i < len(slots):  # the same event, already reported by an earlier document
                out[slots[i]]["sources"] += rec["sources"]
            else:
                slots.append(len(out))
                out.append(rec)
    return out


def export_plover(store: Any, doc_id: str | None, out: IO[str]) -> int:
    """Write the PLOVER records of one stored document (or of the whole store) as JSONL.

    ``store.iter_analyses(doc_id)`` yields ``(analysis, text)`` pairs. Returns the number of
    records written. The whole store's export folds near-duplicate documents.
    """
    from marsad.track.duplicates import cluster_of

    db = getattr(store, "db", None)
    fold = doc_id is None and db is not None and "duplicates" in db.table_names()
    n = 0
    pairs: Iterable = store.iter_analyses(doc_id)
    for analysis, text in pairs:
        if fold:
            cluster = cluster_of(db, str((analysis.get("document") or {}).get("id")))
            if cluster[0] != (analysis.get("document") or {}).get("id"):
                continue  # a member: its events are exported with its cluster's canonical document
            records = folded_records(store, cluster, analysis, text)
        else:
            records = plover_records(analysis, text)
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


# -- tables: POLECAT-style TSV, CSV, Parquet -------------------------------------------------

WHEN = {"events": "COALESCE(x.date, d.published)", "statements": "COALESCE(x.date, d.published)",
        "stances": "COALESCE(x.date, d.published)"}
_ACTOR = "(SELECT {f} FROM actors a WHERE a.code = x.{col})"
TABLE_SQL = {
    "events": (
        "x.doc_id || ':' || x.idx AS id, {when} AS date, x.type, x.mode, x.aux AS context, "
        "x.source_code, " + _ACTOR.format(f="name", col="source_code") + " AS source_name, "
        + _ACTOR.format(f="country", col="source_code") + " AS source_country, "
        + _ACTOR.format(f="type", col="source_code") + " AS source_sector, "
        + _ACTOR.format(f="qid", col="source_code") + " AS source_qid, "
        "x.target_code, " + _ACTOR.format(f="name", col="target_code") + " AS target_name, "
        + _ACTOR.format(f="country", col="target_code") + " AS target_country, "
        + _ACTOR.format(f="type", col="target_code") + " AS target_sector, "
        + _ACTOR.format(f="qid", col="target_code") + " AS target_qid, "
        "x.location AS country, x.place, x.score"),
    "statements": (
        "x.doc_id || ':' || x.idx AS id, {when} AS date, x.speaker_code, "
        + _ACTOR.format(f="name", col="speaker_code") + " AS speaker_name, "
        + _ACTOR.format(f="country", col="speaker_code") + " AS speaker_country, "
        "x.direct, substr(d.text, x.cue_start + 1, x.cue_end - x.cue_start) AS cue"),
    "stances": (
        "x.doc_id || ':' || x.idx AS id, {when} AS date, x.holder_code, "
        + _ACTOR.format(f="name", col="holder_code") + " AS holder_name, x.target_code, "
        + _ACTOR.format(f="name", col="target_code") + " AS target_name, x.polarity, x.issue, "
        "x.statement_idx AS statement, x.reported"),
}
LINK = ("x.doc_id AS document, d.url, d.published, d.source, x.start, x.end, "
        "substr(d.text, x.start + 1, x.end - x.start) AS text, x.stage, x.rule")


def table_rows(db: Any, table: str = "events", type: str | None = None, since: str | None = None,
               until: str | None = None, doc_id: str | None = None) -> Iterable[dict[str, Any]]:
    """Rows of one layer with actor names, each linking its document (id, url) and evidence
    (offsets and text). Filters are SQL parameters, never SQL text."""
    if table not in TABLE_SQL:
        raise ValueError(f"unknown table {table!r} (events, statements, stances)")
    when = WHEN[table]
    conds, args = [], []
    if type and table == "events":
        conds.append("x.type = ?")
        args.append(type.upper())
    if since:
        conds.append(f"{when} >= ?")
        args.append(since)
    if until:
        conds.append(f"substr({when}, 1, length(?)) <= ?")
        args += [until, until]
    if doc_id:
        conds.append("x.doc_id = ?")
        args.append(doc_id)
    where = " WHERE " + " AND ".join(conds) if conds else ""
    yield from stream_dicts(db, f"SELECT {TABLE_SQL[table].format(when=when)}, {LINK} FROM [{table}] x "
                            f"JOIN documents d ON d.id = x.doc_id{where} ORDER BY {when}, x.doc_id, x.idx", args)


# POLECAT's weekly files are tab-separated with these columns (Marsad adds the evidence ones).
POLECAT = [
    ("Event ID", "id"), ("Event Date", "date"), ("Event Type", "type"), ("Event Mode", "mode"),
    ("Contexts", "context"), ("Quad Code", "quad"), ("Actor Name", "source_name"),
    ("Actor Country", "source_country"), ("Actor Sector", "source_sector"),
    ("Actor Wikidata ID", "source_qid"), ("Recipient Name", "target_name"),
    ("Recipient Country", "target_country"), ("Recipient Sector", "target_sector"),
    ("Recipient Wikidata ID", "target_qid"), ("Placename", "place"), ("Country", "country"),
    ("Story ID", "document"), ("Publication Date", "published"), ("Source", "source"),
    ("URL", "url"), ("Language", "language"), ("Evidence Start", "start"), ("Evidence End", "end"),
    ("Evidence Text", "text"), ("Coder Rule", "rule"), ("Score", "score"),
]


def _tsv(value: Any) -> str:
    return "" if value is None else str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def export_polecat(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    out.write("\t".join(h for h, _ in POLECAT) + "\n")
    n = 0
    for r in rows:
        r = {**r, "quad": QUAD.get(r["type"]), "language": "ar"}
        out.write("\t".join(_tsv(r.get(k)) for _, k in POLECAT) + "\n")
        n += 1
    return n


def export_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    import csv

    writer = None
    n = 0
    for r in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(r))
            writer.writeheader()
        writer.writerow(r)
        n += 1
    return n


def export_parquet(rows: Iterable[dict[str, Any]], path: str, table: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    items = list(rows)
    if items:
        data = pa.Table.from_pylist(items)
    else:  # an empty file still carries the columns
        data = pa.table({c.split(" AS ")[-1].strip(): pa.array([], pa.string())
                         for c in (TABLE_SQL[table] + ", " + LINK).split(", ") if " AS " in c})
    pq.write_table(data, path)
    return len(items)


def plover_filtered(store: Any, doc_id: str | None, type: str | None, since: str | None,
                    until: str | None, out: IO[str]) -> int:
    """PLOVER JSONL with the same filters as the tables (on the record's date)."""
    n = 0
    for analysis, text in store.iter_analyses(doc_id):
        for rec in plover_records(analysis, text):
            d = rec.get("date") or ""
            if (type and rec["event"][0] != type.upper()) or (since and d < since) or \
                    (until and d[:len(until)] > until):
                continue
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n
