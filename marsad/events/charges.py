"""Charges told with an arrest, a trial or a sentence (PLOVER ACCUSE).

"اعتقلت السلطات التركية القس بتهمة دعم جماعة غولن"، "أصدرت محكمة حكما بسجنه بتهمة التجسس": the
party that arrests or tries accuses the one arrested or tried of the charge, though no verb of
accusing is used. The arrest or trial is the events stage's own event (COERCE or SANCTION); the
charge word must follow its trigger in the same clause. The words are data
(resources/events/charges.yaml).
"""
from __future__ import annotations

from dataclasses import replace

from marsad import resources
from marsad.doc import Doc, Event, Provenance
from marsad.events.blame import CLAUSE_BREAKS
from marsad.text.normalize import normalize

_W = resources.read_yaml("events", "charges.yaml")  # read once, at import
CHARGE_WORDS = frozenset(normalize(w) for w in _W["charge_words"])
CARRIERS = frozenset(_W["carrier_types"])
REACH = int(_W["reach"])
STAGE, RULE, SCORE = "events", "charge:ACCUSE", 0.6


def charge_events(doc: Doc) -> list[Event]:
    """An ACCUSE event for each charge word told with an arrest or a trial, between the same
    parties, unless an accusation is already read there."""
    out = []
    for ev in doc.events:
        if ev.type not in CARRIERS or ev.target is None or ev.trigger is None:
            continue
        tok = _charge_after(doc, ev.trigger[1])
        if tok is None or any(e.type == "ACCUSE" for e in doc.overlapping("events", tok.start, tok.end)):
            continue
        sent = doc.sentence_at(tok.start)
        end = min(sent.end if sent else tok.end, tok.end + 60)
        out.append(replace(ev, start=tok.start, end=_clause_end(doc, tok.end, end), type="ACCUSE", mode="disapprove",
                           prov=Provenance(STAGE, RULE, SCORE), trigger=(tok.start, tok.end), stance="oppose"))
    return out


def _charge_after(doc: Doc, start: int):
    """The first charge word after the offset, in the same clause, within REACH characters."""
    for tok in doc.starting_in("tokens", start, start + REACH):
        if tok.norm in CLAUSE_BREAKS:
            return None
        if tok.norm in CHARGE_WORDS:
            return tok
    return None


def _clause_end(doc: Doc, start: int, limit: int) -> int:
    """The end of the charge's clause: the last word before a clause break, up to ``limit``."""
    end = start
    for tok in doc.starting_in("tokens", start, limit):
        if tok.norm in CLAUSE_BREAKS:
            break
        end = tok.end
    return end
