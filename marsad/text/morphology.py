"""Clitic segmentation and light stems for Arabic words.

Segmentation candidates follow the Farasa/ATB scheme (marsad.text.segment.clitic_candidates);
the choice among them is validated against a word-frequency lexicon derived from real news
(``resources/text/word_freq.tsv``, built by scripts/build_lexicon.py): a split is taken only
when its stem is attested on its own and about as frequent as the whole form, so وقال → و+قال
but وزارة, بغداد, لبنان stay whole. Light stems come from the Snowball Arabic stemmer (BSD).
GPL analysers (qalsadi/arramooz) are not used: Marsad is Apache-2.0.
"""
from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from marsad import resources
from marsad.text.normalize import normalize
from marsad.text.segment import clitic_candidates

_STEMMER = snowballstemmer.stemmer("arabic")
MIN_STEM_COUNT = 5
# Function words that begin with a clitic letter but are one word (كما is not ك + ما here).
_WHOLE = frozenset(resources.read_words("text", "whole_words.txt"))
_LETTERS = resources.read_yaml("text", "clitics.yaml")
_TA_MARBUTA, _KAF = _LETTERS["ta_marbuta"], _LETTERS["kaf"]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, int]:
    path = resources.path("text", "word_freq.tsv")
    out: dict[str, int] = {}
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            w, _, c = line.partition("\t")
            out[w] = int(c)
    return out


def segment_word(word: str) -> tuple[str, str, str]:
    """Best (proclitics, stem, enclitic) reading of a word, as normalised strings.

    Takes the surface word: matching normalisation folds ة into ه, and the pronoun ه must not
    be confused with the feminine ending (وزارة is not و + زار + ه).
    """
    return _segment(normalize(word.replace(_TA_MARBUTA, "\u0001")).replace("\u0001", _TA_MARBUTA))


@lru_cache(maxsize=200_000)
def _segment(form: str) -> tuple[str, str, str]:
    norm = normalize(form)
    if norm in _WHOLE:
        return ("", norm, "")
    lex = lexicon()
    whole = lex.get(norm, 0)
    best, best_score = ("", norm, ""), 0.0
    for pro, stem, enc in clitic_candidates(form)[1:]:
        stem = normalize(stem)
        n = lex.get(stem, 0)
        parts = len(pro) + pro.count(_KAF) + bool(enc)  # كـ (as, like) is rare before nouns
        # A split must be earned: its stem is attested on its own (more so for each extra
        # clitic) and is a word, not a coincidence of letters: وزارة ≠ و + زارة, لبنان ≠ ل + بنان.
        if n < MIN_STEM_COUNT * 2 ** (parts - 1) or (len(stem) < 3 and n < 1000):
            continue
        score = n * 0.5 ** parts
        if score >= 0.01 * whole and score > best_score:
            best, best_score = (pro, stem, enc), score
    return best


@lru_cache(maxsize=200_000)
def light_stem(norm: str) -> str:
    """Snowball Arabic stem of a normalised word (no clitics, no inflection suffixes)."""
    return _STEMMER.stemWord(norm)
