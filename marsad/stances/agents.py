"""Who holds a stance outside reported speech: the subject of an agentive trigger.

A verb's subject stands right before it (SVO) or right after it (VSO); a noun's agent is its
genitive (اتهامات لندن); a participle's is the subject of the sentence. Holders toward
themselves, or toward their own state's forces, make no stance.
"""
from __future__ import annotations

import bisect

from marsad import resources
from marsad.stances.lexicon import Trig
from marsad.stances.view import WORD_RE, StanceView
from marsad.statements.context import NMention
from marsad.text.normalize import word_set

# word lists (plain Arabic; normalised as they load)
_WORDS = resources.read_yaml("stances", "agents_words.yaml")

STATE_TYPES = frozenset({"GOV", "MIL"})

UNKNOWN = "?"  # a subject is there but names no actor of the document
LINK_WORDS = word_set(" ".join(_WORDS["link_words"]))


def _link_only(v: StanceView, a: int, b: int) -> bool:
    return all(w.group() in LINK_WORDS or w.group().isdigit() for w in WORD_RE.finditer(v.text, a, b))


def _direct_before(v: StanceView, pos: int, lo: int) -> NMention | None:
    ms = [m for m in v.mentions_in(lo, pos) if not m.prepositional]
    if ms and _link_only(v, ms[-1].end, pos) and "," not in v.text[ms[-1].end:pos]:
        return ms[-1]
    return None


def direct_after(v: StanceView, pos: int, hi: int) -> NMention | None:
    k = bisect.bisect_left(v.words, pos)
    limit = v.words[k + 4] if k + 4 < len(v.words) else hi
    for m in v.starting_in(pos, min(hi, limit)):
        if not m.prepositional and _link_only(v, pos, m.start):
            return m
        break
    return None


def agent_of(v: StanceView, t: Trig, clause: list[Trig], lo: int, hi: int) -> str | None:
    """The subject of an agentive trigger: an actor id, UNKNOWN, or None (pronoun/elided)."""
    form = t.spec.form
    if form == "verb":
        m = (None if t.conj else _direct_before(v, t.start, lo)) or direct_after(v, t.end, hi)
        if m is not None:
            return m.actor
        return None if _link_only(v, lo, t.start) else UNKNOWN
    word = v.text[t.start:t.end]
    if form == "participle":
        if word.lstrip("وف").startswith(("ال", "لل")) or not _link_only(v, lo, t.start):
            # "العراق، … من بين أشد المنتقدين": the subject of the sentence
            first = next((m for m in v.mentions_in(lo, t.start) if not m.prepositional), None)
            return first.actor if first else UNKNOWN
        return None
    # a noun: its agent follows it ("اتهامات لندن"), or, for a call, comes before the issue
    # ("الدعوات التي أطلقتها فصائل … لرحيل")
    m = direct_after(v, t.end, hi)
    if m is not None:
        return m.actor
    if t.spec.frame:
        nxt = next((x for x in clause if x.start > t.start and x.spec.issue), None)
        if nxt is not None:
            for m in v.mentions_in(t.end, nxt.start):
                if not m.prepositional:
                    return m.actor
    return None


def same_state(v: StanceView, a: str, b: str) -> bool:
    x, y = v.actor(a), v.actor(b)
    return bool(x and y and x.country and x.country == y.country)


def self_stance(v: StanceView, holder: str, target: str) -> bool:
    """A holder toward itself or toward its own state's forces (البنتاغون → القوات الأميركية)."""
    if holder == target:
        return True
    h, t = v.actor(holder), v.actor(target)
    if h is None or t is None:
        return False
    if h.code and h.code == t.code:
        return True
    return bool(h.country) and h.country == t.country and h.type in STATE_TYPES and t.type in STATE_TYPES


def judged_pair(v: StanceView, holder: str, target: str) -> bool:
    """A stance one party's words can hold toward another: not toward itself or its own state's
    forces, and not toward an unknown or civilian target (victims are no adversary)."""
    t = v.actor(target)
    return t is not None and t.type != "CVL" and not self_stance(v, holder, target)
