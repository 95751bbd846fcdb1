"""Written words that are never names on their own (resources/entities/not_names.txt)."""
from __future__ import annotations

import re
from functools import lru_cache

from marsad import resources
from marsad.text.segment import CONJ, FUTURE, PREP

_MARKS = re.compile("[\u064B-\u0652\u0640]")  # short vowels and tatweel


def bare(word: str) -> str:
    """A word as written, without short vowels: "على" stays apart from the name "علي"."""
    return _MARKS.sub("", word)


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Words as written that are never a one-word name (resources/entities/not_names.txt)."""
    lines = resources.path("entities", "not_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(bare(x.strip()) for x in lines if x.strip() and not x.startswith("#"))


def never_name(word: str) -> bool:
    """Is this one written word a particle or pronoun, never a name on its own?"""
    return bare(word.strip()) in not_names()


@lru_cache(maxsize=1)
def _prepositions() -> frozenset[str]:
    lines = resources.path("entities", "prepositions.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(bare(x.strip()) for x in lines if x.strip() and not x.startswith("#"))


def preposition(word: str) -> bool:
    """Is this written word a preposition (resources/entities/prepositions.txt)? A tagger span
    that begins or ends with one has taken a word too many ("على فيسبوك")."""
    return bare(word.strip()) in _prepositions()


_CONJ = ("", *CONJ)
_PREP = ("", *PREP, *FUTURE)


def with_proclitics(words) -> set[str]:
    """The words with every proclitic they may carry (وبـ، فلـ، لل… for ال…): a superset of
    the forms whose :func:`_readings` include one of them, for one-lookup filtering."""
    out = set()
    for w in words:
        for c in _CONJ:
            out.update(c + p + w for p in _PREP)
            if w.startswith("ال"):
                out.add(c + "ل" + w[1:])  # للعراق = ل + العراق
    return out
