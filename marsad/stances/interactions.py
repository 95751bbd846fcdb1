"""Stances from interactions: the events layer's source acting on its target.

An accusation, threat, attack or sanction is the source opposing the target; support, aid,
cooperation and agreement are the source backing it (``resources/stances/interactions.yaml``).
An event that carries its own stance polarity (``Event.polarity``, from the events stage's
interaction lexicon, when present) uses it instead of its type. The evidence is the event's
span; events that assert no present act (negated, hypothetical, future, historical) make none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad import resources
from marsad.doc import Doc, Event, Provenance, Stance
from marsad.stances.agents import STATE_TYPES
from marsad.stances.lexicon import OPPOSE, STAGE, SUPPORT


@dataclass(frozen=True)
class InteractionMap:
    types: dict[str, str]
    skip_aux: frozenset[str]
    skip_target_types: frozenset[str]
    coded_only: frozenset[str]
    issue: str
    by_lexeme: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def interaction_map() -> InteractionMap:
    data = resources.read_yaml("stances", "interactions.yaml")
    return InteractionMap(dict(data["types"]), frozenset(data.get("skip_aux", [])),
                          frozenset(data.get("skip_target_types", [])), frozenset(data.get("coded_only", [])),
                          data.get("issue", "approval"), frozenset(data.get("by_lexeme", [])))


def polarity_of(ev: Event, imap: InteractionMap) -> str | None:
    """The source's attitude an event shows: its lexeme's own polarity (``Event.stance``), else its
    type's; none for a type that shows no attitude, or for an act only planned, demanded or denied."""
    if (ev.modality or "asserted") != "asserted":
        return None
    if ev.type in imap.by_lexeme:
        return ev.stance if ev.stance in (SUPPORT, OPPOSE) else None
    if ev.type not in imap.types:
        return None
    if ev.stance == "none":
        return None  # the lexeme says its predicate shows no attitude (an announced meeting)
    return ev.stance if ev.stance in (SUPPORT, OPPOSE) else imap.types[ev.type]


def extract(doc: Doc) -> list[Stance]:
    imap = interaction_map()
    out = []
    for ev in doc.events:
        if not ev.source or not ev.target or ev.source == ev.target or ev.aux in imap.skip_aux:
            continue
        pol = polarity_of(ev, imap)
        src, tgt = doc.actors.get(ev.source), doc.actors.get(ev.target)
        if pol is None or src is None or tgt is None or tgt.type in imap.skip_target_types:
            continue
        if ev.type in imap.coded_only and not (tgt.code or (tgt.country and tgt.type)):
            continue
        if (src.code and src.code == tgt.code) or _own_state(src, tgt):
            continue
        # a target the events stage took from the document on purpose (the agent of a condemned
        # act) is not named near the trigger; every other argument must be
        # (a first-person verb's agent is the speaker of its quote, named outside it)
        if ev.trigger and not ((ev.source_from == "speaker" or _near(doc, ev, ev.source, 5))
                               and (ev.target_from or _near(doc, ev, ev.target, 6))):
            continue  # an argument across a clause ("…، ويعملون بالتنسيق مع روسيا") is a guess
        if _coordinated(doc, ev):
            continue  # "واتهمته السلطات الأميركية والإسرائيلية": two subjects, not agent and patient
        si = statement_of(doc, ev)
        if si is not None and ev.mode in ("conditional", "hypothetical"):
            continue
        st = doc.statements[si] if si is not None else None
        reported = st is not None and (st.via is not None or st.speaker != ev.source)
        out.append(Stance(ev.start, ev.end, ev.source, ev.target, pol,
                          Provenance(STAGE, f"interaction.{ev.type}"), imap.issue, si, reported, ev.date))
    return out


def statement_of(doc: Doc, ev: Event) -> int | None:
    return next((i for i, s in enumerate(doc.statements) if s.start <= ev.start < s.end), None)


def _own_state(a, b) -> bool:
    """A state toward its own government or forces ("البنتاغون لا يخطط لسحب القوات الأميركية")."""
    return bool(a.country) and a.country == b.country and a.type in STATE_TYPES and b.type in STATE_TYPES


# The gap between a relative clause's antecedent and its verb: a comma and the relative pronoun.
_RELATIVE_GAP = re.compile(r"^\s*[،,]?\s*(الذي|التي|الذين|اللذين|اللتين)\s*$")


def _near(doc: Doc, ev: Event, actor: str, reach: int) -> bool:
    """Is the actor named in the event's span within ``reach`` words of its trigger, in its clause?"""
    ts, te = ev.trigger
    for m in doc.overlapping("mentions", ev.start, ev.end):
        if m.actor != actor:
            continue
        gap = doc.text[m.end:ts] if m.end <= ts else doc.text[te:m.start] if m.start >= te else ""
        if len(gap.split()) <= reach and not any(c in gap for c in "،,.؛;:"):
            return True
        if m.end <= ts and _RELATIVE_GAP.match(gap):
            return True  # "فتح الله غولن، الذي تتهمه أنقرة": the relative's antecedent, past its comma
    return False


def _coordinated(doc: Doc, ev: Event) -> bool:
    """Are the source and target named side by side, joined by و, in the event's span?"""
    inside = doc.starting_in("mentions", ev.start, ev.end)  # not a scan of all mentions
    src = [m for m in inside if m.actor == ev.source]
    tgt = [m for m in inside if m.actor == ev.target]
    for a in src:
        for b in tgt:
            first, second = (a, b) if a.start < b.start else (b, a)
            gap = doc.text[first.end:second.start].strip()
            if gap in ("و", "") and (gap == "و" or doc.text[second.start - 1:second.start] == "و"):
                return True
    return False
