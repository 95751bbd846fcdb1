"""Written words that are never names on their own (resources/entities/not_names.txt)."""
from __future__ import annotations

import re
from functools import lru_cache

from marsad import resources
from marsad.text.morphology import lexicon
from marsad.text.normalize import normalize
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


# A given name opens persons' names in the NER data at least once per this many uses in news;
# common words the tagger once ran into a name (طالب، لقاء، حركة) fall far below.
GIVEN_NAME_RATE = 1 / 40


@lru_cache(maxsize=1)
def _given_names() -> dict[str, int]:
    """First words of the persons of two words or more in the NER training part
    (resources/entities/train_entities.tsv), normalised, with how often they open one."""
    out: dict[str, int] = {}
    for line in resources.path("entities", "train_entities.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] == "PER" and " " in parts[0].strip():
            w = normalize(parts[0].split()[0])
            out[w] = out.get(w, 0) + int(parts[2])
    return out


def given_name(word: str) -> bool:
    """Is this written word a given name (سامي، كوفي، جون), not a particle or a common word the
    tagger ran into a surname ("على ترامب", "طالب العبادي")?"""
    if never_name(word) or preposition(word):
        return False
    n = normalize(word)
    return _given_names().get(n, 0) >= GIVEN_NAME_RATE * lexicon().get(n, 0) > 0 or \
        (n in _given_names() and n not in lexicon())
