"""The agent of an act a text names by its noun only ("الاعتقالات"، "الغارة"، "بالاعتداءات").

A definite act noun refers to an act already reported: its agent is the source of the last event
of the same kind (type and mode, read with the events lexicon) before it that names a state or a
group with a country; a generic agent with none ("قوات الأمن") names nobody, civilians and refugees
are no agents (``resources/stances/verdicts.yaml``: victim_sectors). Used by the verdict and attitude
readings: "إن الاعتقالات تأتي ضمن حملة من القمع"، "انتقدت برلين حملة الاعتقالات".
"""
from __future__ import annotations

from functools import lru_cache

from marsad import resources
from marsad.doc import Doc
from marsad.events.coding import self_placed
from marsad.events.lexicon import read_word
from marsad.stances.attitude_phrases import WORD_RE
from marsad.stances.clitics import ARTICLE, BIL, LIL
from marsad.stances.view import StanceView
from marsad.statements.context import to_original

_PREP_ARTICLE = (BIL, LIL)  # "بالاعتداءات"، "للاعتقالات": the preposition fused with the article


@lru_cache(maxsize=1)
def _victims() -> frozenset[str]:
    return frozenset(resources.read_yaml("stances", "verdicts.yaml")["victim_sectors"])


@lru_cache(maxsize=1)
def _types() -> frozenset[str]:
    return frozenset(resources.read_yaml("stances", "verdicts.yaml")["act_types"])


def act_agent(v: StanceView, pos: int, word: str) -> str | None:
    """The agent of the definite act noun ``word`` at normalised offset ``pos``, if one was reported."""
    r = read_word(word)
    if r is None or not r.definite:
        return None
    kinds = {(f.lexeme.type, f.lexeme.mode) for f in r.forms if f.cls == "noun" and f.lexeme.type in _types()}
    if not kinds:
        return None
    doc = v.doc
    start = to_original(v.nt, pos, pos + len(word))[0]
    ev = next((e for e in reversed(doc.events) if e.start < start and (e.type, e.mode) in kinds
               and e.modality == "asserted" and _agent(doc, e.source)), None)
    return ev.source if ev else None


def _agent(doc: Doc, aid: str | None) -> bool:
    a = doc.actors.get(aid) if aid else None
    return bool(self_placed(a) and a.type not in _victims())


def act_object(v: StanceView, pos: int, hi: int, reach: int = 2) -> tuple[str, int, int] | None:
    """(agent, start, end) of a definite act noun among the first ``reach`` words after ``pos``
    (before ``hi``), bare or under ب / ل: the object of "أدانت … الاعتقالات"، "ندد … بالاعتداءات"."""
    for k, w in enumerate(WORD_RE.finditer(v.text, pos, hi)):
        if k >= reach:
            break
        word = w.group()
        for pre in _PREP_ARTICLE:
            if word.startswith(pre) and len(word) > len(pre) + 2:
                word = ARTICLE + word[len(pre):]
                break
        aid = act_agent(v, w.start(), word)
        if aid is not None:
            return aid, w.start(), w.end()
    return None
