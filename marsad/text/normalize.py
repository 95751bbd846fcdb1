"""Matching normalisation of Arabic text through an offset map.

Normalised text is for matching only: diacritics, tatweel and invisible marks are dropped,
alef/hamza forms, ى/ي and ة/ه are folded, Arabic-Indic and Persian digits become ASCII and
presentation forms are decomposed (NFKC). :class:`NormText` keeps, for every normalised
character, the offset of the original character it came from, so any span found in the
normalised text maps back to exact offsets of the original input.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

from marsad import resources


def _read_folding() -> tuple[set[str], dict[str, str], list[tuple[str, str]]]:
    """resources/text/folding.tsv: the characters dropped, the 1:1 folds and the code-point
    ranges decomposed through NFKC (hex code points, ``FROM..TO`` for a range)."""
    drop: set[str] = set()
    fold: dict[str, str] = {}
    nfkc: list[tuple[str, str]] = []
    for line in resources.path("text", "folding.tsv").read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        lo, _, hi = fields[0].partition("..")
        first, last = int(lo, 16), int(hi or lo, 16)
        if fields[1] == "drop":
            drop.update(chr(c) for c in range(first, last + 1))
        elif fields[1] == "nfkc":
            nfkc.append((chr(first), chr(last)))
        else:
            fold[chr(first)] = chr(int(fields[1], 16))
    return drop, fold, nfkc


# Harakat, Quranic marks, superscript alef, tatweel; bidi and zero-width marks (dropped); the
# letter variants folded; the presentation-form ranges that need NFKC.
_DROP, _FOLD, _NFKC_RANGES = _read_folding()
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian / Urdu

# Diacritics that attach to the letter before them (a span must not end between the two).
COMBINING_MARKS = frozenset(c for c in _DROP if unicodedata.combining(c))

_DROP_RE = re.compile("[" + "".join(sorted(_DROP)) + "]+")

# One table for the 1:1 and deleting part of the work (fast path: str.translate).
_TABLE = {ord(k): v for k, v in _FOLD.items()}
_TABLE.update({ord(c): None for c in _DROP})


# Arabic presentation forms A/B and compatibility characters outside the basic blocks.
_COMPAT_RE = re.compile("[" + "".join(f"{lo}-{hi}" for lo, hi in _NFKC_RANGES) + "]")


def _needs_nfkc(ch: str) -> bool:
    return _COMPAT_RE.match(ch) is not None


def fold_char(ch: str) -> str:
    """Normalised form of one character ('' when it is dropped)."""
    if ch in _DROP:
        return ""
    if _needs_nfkc(ch):
        nfkc = unicodedata.normalize("NFKC", ch)
        if nfkc != ch:  # noncharacters (U+FDD0) and unassigned code points NFKC leaves alone
            return "".join(fold_char(c) for c in nfkc)
    return _FOLD.get(ch, ch)


def normalize(text: str) -> str:
    """Normalised text without the offset map (for dictionary keys and lexicons)."""
    if _COMPAT_RE.search(text):
        return "".join(fold_char(c) for c in text)
    return text.translate(_TABLE)


@dataclass(slots=True)
class NormText:
    """Normalised text plus the original offset of each normalised character."""

    original: str
    text: str
    origin: array  # origin[i] = offset in original of normalised char i; origin[len] = len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span to the original span covering the same characters."""
        if end <= start:
            o = self.origin[start]
            return o, o
        return self.origin[start], self.origin[end - 1] + 1

    def from_original(self, offset: int) -> int:
        """First normalised index whose origin is at or after ``offset``."""
        import bisect

        return bisect.bisect_left(self.origin, offset, 0, len(self.text))


_DROPPED = 0xFFFFFFFF  # code point table entry of a dropped character
_LUT = None  # numpy table: code point (below the largest one _TABLE maps) → folded code point


def _fold_table():
    global _LUT
    if _LUT is None:
        import numpy as np

        lut = np.arange(max(_TABLE) + 1, dtype=np.uint32)
        for k, v in _TABLE.items():
            lut[k] = _DROPPED if v is None else ord(v)  # every fold is one character
        _LUT = lut
    return _LUT


def normalize_with_map(original: str) -> NormText:
    """Normalised text of a document with its offset map.

    Column-wise over the text's code points in numpy (folding and dropping are one table
    lookup per character); the same result as :func:`_normalize_with_map_chars`, which
    remains for texts with compatibility characters (NFKC can expand one into several).
    """
    if _COMPAT_RE.search(original) is not None:
        return _normalize_with_runs(original)
    return _normalize_with_map_fast(original)


_COMPAT_RUN_RE = re.compile(_COMPAT_RE.pattern + "+")


def _normalize_with_runs(original: str) -> NormText:
    """Texts with compatibility characters: the runs of them character by character, the rest
    column-wise. (One such character used to send the whole text, megabytes long, through the
    character loop.) Every fold depends on one character only, so the pieces join exactly."""
    runs = [(m.start(), m.end()) for m in _COMPAT_RUN_RE.finditer(original)]
    if len(runs) * 50 > len(original):
        return _normalize_with_map_chars(original)  # compatibility characters everywhere
    chars: list[str] = []
    origin = array("i")
    pos = 0
    for s, e in [*runs, (len(original), len(original))]:
        if s > pos:
            part = _normalize_with_map_fast(original[pos:s])
            chars.append(part.text)
            origin.extend(x + pos for x in part.origin[:-1])
        for i in range(s, e):
            for c in fold_char(original[i]):
                chars.append(c)
                origin.append(i)
        pos = e
    origin.append(len(original))
    return NormText(original, "".join(chars), origin)


def _normalize_with_map_fast(original: str) -> NormText:
    import numpy as np

    lut = _fold_table()
    cps = np.frombuffer(original.encode("utf-32-le", "surrogatepass"), np.uint32)
    folded = np.where(cps < len(lut), lut[np.minimum(cps, len(lut) - 1)], cps)
    keep = folded != _DROPPED
    n = len(original)
    if keep.all():
        out = folded.tobytes().decode("utf-32-le", "surrogatepass")
        origin = array("i", np.arange(n + 1, dtype=np.int32).tobytes())
        return NormText(original, out, origin)
    out = folded[keep].tobytes().decode("utf-32-le", "surrogatepass")
    origin = array("i", np.flatnonzero(keep).astype(np.int32).tobytes())
    origin.append(n)
    return NormText(original, out, origin)


def _normalize_with_map_chars(original: str) -> NormText:
    out = original.translate(_TABLE)
    compat = _COMPAT_RE.search(original) is not None
    if len(out) == len(original) and not compat:
        # Nothing dropped or expanded: identity map.
        origin = array("i", range(len(original) + 1))
        return NormText(original, out, origin)
    if not compat:
        # Only deletions: the kept characters are the runs between dropped ones.
        origin = array("i")
        pos = 0
        for m in _DROP_RE.finditer(original):
            origin.extend(range(pos, m.start()))
            pos = m.end()
        origin.extend(range(pos, len(original)))
        origin.append(len(original))
        return NormText(original, out, origin)
    chars: list[str] = []
    origin = array("i")
    for i, ch in enumerate(original):
        folded = fold_char(ch)
        for c in folded:
            chars.append(c)
            origin.append(i)
    origin.append(len(original))
    return NormText(original, "".join(chars), origin)


def word_set(words: str) -> frozenset[str]:
    """Normalised forms of a whitespace-separated word list (lexicons written in plain Arabic)."""
    return frozenset(normalize(w) for w in words.split())
