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
        return tuple((e.get("identifier_id") or e.get("identifier_text") or "") for e in ents)

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
