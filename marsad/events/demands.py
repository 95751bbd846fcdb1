"""What a demand asks for: a call on the addressee to stop, withdraw or release opposes it.

A REQUEST event tells no attitude by itself ("دعا الأطراف إلى الحوار"), but a demand that the
addressee leave its own course does ("طالب عباس إسرائيل بوقف الاستيطان", "دعت موسكو الغربيين
إلى التخلي عن خطاب الحرب"): the event then carries ``stance="oppose"`` and the stances stage
reads it as the demander opposing the addressee. The words are data
(``resources/events/demands.yaml``).
"""
from __future__ import annotations

from marsad import resources
from marsad.doc import Token
from marsad.events.args_words import ARTICLE, CLAUSE_MARKS, STRONG_PUNCT
from marsad.text.normalize import normalize
from marsad.text.segment import proclitic_readings

_DATA = resources.read_yaml("events", "demands.yaml")
CEASE = frozenset(normalize(w) for w in _DATA["cease"])
REACH = int(_DATA["reach"])
DEMANDS = frozenset({"REQUEST"})  # the event types whose stance the demanded act decides
_STOPS = STRONG_PUNCT | set(CLAUSE_MARKS)


def _bare(norm: str) -> set[str]:
    """The word and its readings without proclitics (text.segment), each also without the article."""
    forms = {norm} | {stem for _, stem in proclitic_readings(norm)}
    return forms | {f[len(ARTICLE):] for f in forms if f.startswith(ARTICLE) and len(f) > 4}


def demand_stance(text: str, words: list[Token], j: int) -> str | None:
    """"oppose" when a word of cessation heads the demanded act within reach after the trigger
    ending at word ``j`` (exclusive), in its clause; else None."""
    for k in range(j, min(len(words), j + REACH)):
        if k > j and any(ch in _STOPS for ch in text[words[k - 1].end:words[k].start]):
            return None
        forms = _bare(words[k].norm)
        pair = {f + " " + words[k + 1].norm for f in forms} if k + 1 < len(words) else set()
        if forms & CEASE or pair & CEASE:
            return "oppose"
    return None
