"""Word-level helpers of the times reader: the words around a match, membership of a word
with or without its proclitics, definiteness, digits with the article (الـ15)."""
from __future__ import annotations

from marsad.text.normalize import normalize
from marsad.times.patterns import rules, vocabulary

_R = rules()
_PROCLITIC_LETTERS = _R["proclitic_letters"]
_ART = _R["article"]
_SKIP_BACK = ' \t"«(“'


def word_before(text: str, pos: int, floor: int) -> str:
    """The word just before pos (same sentence), skipping spaces and opening quotes."""
    i = pos
    while i > floor and text[i - 1] in _SKIP_BACK:
        i -= 1
    j = i
    while j > floor and (text[j - 1].isalnum() or text[j - 1] == "_"):
        j -= 1
    return text[j:i]


def word_after(text: str, pos: int, ceil: int) -> str:
    i = pos
    while i < ceil and text[i] in ' \t"»)”':
        i += 1
    j = i
    while j < ceil and (text[j].isalnum() or text[j] == "_"):
        j += 1
    return text[i:j] if j > i else text[i:i + 1]


def in_words(word: str, words: frozenset) -> bool:
    """word, or word without one or two proclitics (وفي → في, للعام → لعام), is in words."""
    if word in words:
        return True
    for k in (1, 2):
        if len(word) - k >= 2 and word[:k].strip(_PROCLITIC_LETTERS) == "" and word[k:] in words:
            return True
    return False


_AL_FUNCTION_WORDS = frozenset(normalize(w) for w in vocabulary()["al_function_words"])


def definite(word: str) -> bool:
    """A definite noun or adjective (اليوم العالمي), not إلى / التي / الذي."""
    return word.startswith(_ART) and word not in _AL_FUNCTION_WORDS


def digits(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.replace(_ART, "").strip()
    return int(s) if s.isdigit() else None
