"""Analysing one real sentence in a test: the default pipeline of ``marsad.pipeline.analyze``
(loaded once per process, shared by every test module) and the names or codes of an item's
actors."""
from __future__ import annotations

from marsad.doc import Doc
from marsad.pipeline import analyze


def analysed(text: str, published: str = "2018-06-01") -> Doc:
    return analyze(text, "t", published)


def name_of(doc: Doc, aid: str | None) -> str | None:
    a = doc.actors.get(aid) if aid else None
    return a.name if a else None


def code_of(doc: Doc, aid: str | None) -> tuple[str | None, str | None]:
    a = doc.actors.get(aid) if aid else None
    return (a.country, a.type) if a else (None, None)


def event_rules(text: str, etype: str) -> list[str]:
    """The rules that produced the events of a type."""
    return [e.prov.rule for e in analysed(text).events if e.type == etype]


def event_parties(text: str, etype: str, published: str = "2018-06-01") -> list[tuple[str | None, str | None]]:
    """(source name, target name) of the events of a type."""
    doc = analysed(text, published)
    return [(name_of(doc, e.source), name_of(doc, e.target)) for e in doc.events if e.type == etype]
