"""Sentence segmentation and tokenisation for Arabic news, offsets into the original text.

Sentences end at . ! ? ؟ … (and runs of them) outside quotations; « » “ ” and paired straight
quotes are never split inside; a line break always ends a sentence (news paragraphs). Periods
between digits and after one-letter abbreviations (د. ، أ.ف.ب) do not end a sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

import regex

from marsad import resources
from marsad.doc import Sentence, Token
from marsad.text.normalize import normalize

# The clitic inventory (resources/text/clitics.yaml): conjunctions, prepositions, the future
# marker and the attached pronouns, in the order readings try them; the letters splits name.
_CLITICS = resources.read_yaml("text", "clitics.yaml")
_NUMBER_SEPARATORS = _CLITICS["number_separators"]
_ART, _LAM, _ALEF = _CLITICS["article"], _CLITICS["lam"], _CLITICS["alef"]
_TA, _TA_FOLDED = _CLITICS["ta"], _CLITICS["ta_marbuta_folded"]

_TOKEN_RE = regex.compile(
    rf"\p{{N}}+(?:[.,{_NUMBER_SEPARATORS}]\p{{N}}+)*"  # numbers, with decimal / thousands separators
    r"|[\p{L}\p{M}_]+(?:\p{N}+[\p{L}\p{M}]*)?"  # words (diacritics and tatweel inside)
    r"|[^\s\p{L}\p{M}\p{N}]"  # one punctuation mark
)
_TOKEN_SPLIT_RE = regex.compile("(" + _TOKEN_RE.pattern + ")")  # tokens as the odd parts of a split
# Text outside the Basic Multilingual Plane (or with lone surrogates) is split by _TOKEN_SPLIT_RE;
# inside it, by the same pattern in the standard library's faster engine (_bmp_split_re).
_OUTSIDE_BMP_RE = re.compile("[^\x00-\ud7ff\ue000-\uffff]")
_BMP_SPLIT_RE: re.Pattern | None = None


def _bmp_class(prop: str) -> str:
    """An ``re`` character class of the BMP characters that the ``regex`` class ``prop`` matches
    (computed with ``regex`` itself, so both engines see the same sets)."""
    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    cps = [ord(c) for c in regex.findall(prop, bmp)]
    ranges: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        a, b = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        ranges.append(a if i == j else f"{a}-{b}")
        i = j + 1
    return "[" + "".join(ranges) + "]"


def _bmp_split_re() -> re.Pattern:
    """_TOKEN_SPLIT_RE for BMP text, in ``re`` (built on first use, ~40 ms)."""
    global _BMP_SPLIT_RE
    if _BMP_SPLIT_RE is None:
        n, lm_, lm = _bmp_class(r"\p{N}"), _bmp_class(r"[\p{L}\p{M}_]"), _bmp_class(r"[\p{L}\p{M}]")
        punct = _bmp_class(r"[^\s\p{L}\p{M}\p{N}]")
        _BMP_SPLIT_RE = re.compile(f"({n}+(?:[.,{_NUMBER_SEPARATORS}]{n}+)*|{lm_}+(?:{n}+{lm}*)?|{punct})")
    return _BMP_SPLIT_RE


_TERMINATORS = set(".!?؟…")
_OPEN = {"«": "»", "“": "”", "„": "”", "‹": "›"}
_CLOSE = set(_OPEN.values())
_PARAGRAPH_RE = regex.compile(r"[^\n\r\u2028\u2029]+")
# Characters split_sentences acts on (terminators, quotes); everything else is skipped over.
_SPECIAL_RE = regex.compile(
    "[" + regex.escape("".join(sorted(_TERMINATORS | set(_OPEN) | _CLOSE | {'"'}))) + "]")


def _quote_pairs(text: str, start: int, end: int) -> set[int]:
    """Positions of straight double quotes that open a balanced pair inside [start, end)."""
    positions = []
    i = text.find('"', start, end)
    while i >= 0:
        positions.append(i)
        i = text.find('"', i + 1, end)
    return set(positions[0:len(positions) - len(positions) % 2:2])


def _is_abbreviation(text: str, dot: int, para_start: int) -> bool:
    """A period after a single letter (د. / أ.ف.ب) or between digits is not a sentence end."""
    prev = dot - 1
    nxt = dot + 1
    if prev >= para_start and nxt < len(text) and text[prev].isdigit() and text[nxt].isdigit():
        return True
    if prev >= para_start and text[prev].isalpha():
        before = prev - 1
        if before < para_start or not text[before].isalpha():
            return True  # one-letter word
    return False


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for para_idx, para in enumerate(_PARAGRAPH_RE.finditer(text)):
        p_start, p_end = para.start(), para.end()
        openers = _quote_pairs(text, p_start, p_end)
        stack: list[str] = []
        s_start = p_start
        i = p_start
        while i < p_end:
            # only quotes and terminators matter: jump to the next one
            m = _SPECIAL_RE.search(text, i, p_end)
            if m is None:
                break
            i = m.start()
            ch = text[i]
            if ch in _OPEN:
                stack.append(_OPEN[ch])
            elif ch in _CLOSE:
                if stack and stack[-1] == ch:
                    stack.pop()
            elif ch == '"':
                if i in openers:
                    stack.append('"')
                elif stack and stack[-1] == '"':
                    stack.pop()
            elif ch in _TERMINATORS and not stack:
                if ch == "." and _is_abbreviation(text, i, p_start):
                    i += 1
                    continue
                j = i + 1
                while j < p_end and (text[j] in _TERMINATORS or text[j] in _CLOSE or text[j] == '"'):
                    j += 1
                if j >= p_end or text[j].isspace():
                    _add(sentences, text, s_start, j, para_idx)
                    s_start = j
                    i = j
                    continue
            i += 1
        _add(sentences, text, s_start, p_end, para_idx)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, len(sentences), para))


# -- clitics ------------------------------------------------------------------------------
CONJ: tuple[str, ...] = tuple(_CLITICS["conjunctions"])
PREP: tuple[str, ...] = tuple(_CLITICS["prepositions"])
FUTURE: tuple[str, ...] = tuple(_CLITICS["future"])
# Proclitic pairs, conjunction then preposition (وب، ول … فك).
PROCLITIC_PAIRS = tuple(c + p for c in CONJ for p in PREP)
_PROCLITIC_LETTERS = frozenset(CONJ + PREP)
_ANY_PROCLITIC = frozenset(CONJ + PREP + FUTURE)
_PREP_LETTERS = frozenset(PREP)
ENCLITICS: tuple[str, ...] = tuple(_CLITICS["enclitics"])
# Enclitics before which a stem's final ت is a تاء مربوطة (سياسته = سياسة + ه).
_TA_MARBUTA_ENCLITICS = frozenset(_CLITICS["ta_marbuta_before"])
# The enclitics a word can end with, by its last letter (in ENCLITICS order): most stems are
# tested against two or three instead of all ten.
_ENCLITICS_BY_LAST = {c: tuple(e for e in ENCLITICS if e[-1] == c) for c in {e[-1] for e in ENCLITICS}}


@lru_cache(maxsize=200_000)
def proclitic_readings(norm: str) -> tuple[tuple[str, str], ...]:
    """The (proclitics, stem) readings of :func:`clitic_candidates` that have a proclitic and
    no enclitic, in its order (cheaper when a caller only needs these)."""
    if norm[:1] not in _ANY_PROCLITIC:
        return ()  # every reading below starts with one of them
    out = []
    for conj in ("",) + CONJ:
        if conj and not norm.startswith(conj):
            continue
        rest = norm[len(conj):]
        for prep in ("",) + PREP + FUTURE:
            if prep and not rest.startswith(prep):
                continue
            stem = rest[len(prep):]
            if prep == _LAM and stem.startswith(_LAM) and len(stem) > 2:
                stem = _ALEF + stem  # لل… = ل + ال…
            if (conj or prep) and len(stem) >= 2:
                out.append((conj + prep, stem))
    return tuple(out)


@lru_cache(maxsize=200_000)
def clitic_candidates(norm: str) -> tuple[tuple[str, str, str], ...]:
    """Possible (proclitics, stem, enclitic) readings of a normalised word, most literal first.

    Follows the Farasa/ATB segmentation scheme: [و|ف] [ب|ل|ك|س] [ال] stem [pronoun]. A
    preposition لـ before ال merges (للعراق = ل + العراق). Candidates keep stems of at least two
    letters; choosing among them is left to the lexicon a caller matches against.
    """
    out = [("", norm, "")] + [(pro, stem, "") for pro, stem in proclitic_readings(norm)]
    for pro, stem, _ in list(out):
        for enc in _ENCLITICS_BY_LAST.get(stem[-1:], ()):
            if stem.endswith(enc) and len(stem) - len(enc) >= 2:
                base = stem[: -len(enc)]
                if base.endswith(_TA) and enc in _TA_MARBUTA_ENCLITICS:
                    out.append((pro, base[:-1] + _TA_FOLDED, enc))  # تاء مربوطة before a pronoun
                out.append((pro, base, enc))
    return tuple(dict.fromkeys(out))  # first occurrences, in order


@lru_cache(maxsize=200_000)
def strip_proclitics(norm: str) -> tuple[int, str]:
    """Conservative proclitic split used for a token's default stem.

    Only strips when the remainder begins with the article (والعراق، بالعراق، للعراق) or the
    conjunction و/ف precedes a word of four or more letters that is not itself و-initial
    vocabulary; returns (number of normalised prefix letters, stem).
    """
    first = norm[:1]
    if first not in _PROCLITIC_LETTERS:
        return 0, norm  # every split below needs one of them first
    # The splits conj? prep? + stem in the order of the loops they replace: a preposition alone
    # (first letter ب ل ك), else و/ف alone, then و/ف + a preposition.
    if first in _PREP_LETTERS:
        return _split_after(norm, 1, first)
    n, stem = _split_after(norm, 1, "")
    if n:
        return n, stem
    prep = norm[1:2]
    if prep in _PREP_LETTERS:
        return _split_after(norm, 2, prep)
    return 0, norm


def _split_after(norm: str, k: int, prep: str) -> tuple[int, str]:
    """The split after the first k letters (the last of them the preposition ``prep``, if any)."""
    stem = norm[k:]
    if stem.startswith(_ART) and len(stem) >= 4:
        return k, stem
    if prep == _LAM and stem.startswith(_LAM) and len(stem) >= 3:
        return k, _ALEF + stem
    return 0, norm


@lru_cache(maxsize=300_000)
def _word_analysis(raw: str) -> tuple[str, int, str]:
    """(normalised form, original-offset of the stem start, stem) of one surface word."""
    norm = normalize(raw)
    n_prefix, stem = strip_proclitics(norm)
    stem_start = original_prefix_len(raw, n_prefix) if n_prefix else 0
    return norm, stem_start, stem


def tokenize(text: str, sentences: list[Sentence]) -> list[Token]:
    # Column-wise: one split of the sentences' stretch of text (the tokens are the odd parts,
    # their offsets the running sum of the part lengths: no match objects), each sentence's
    # tokens by bisection, then one analysis pass and one Token pass.
    if not sentences:
        return []
    lo = sentences[0].start
    stretch = text[lo:sentences[-1].end]
    if _OUTSIDE_BMP_RE.search(stretch) is None:
        parts = _bmp_split_re().split(stretch)
    else:
        parts = _TOKEN_SPLIT_RE.split(stretch)
    pos = list(accumulate(map(len, parts), initial=lo))
    raws = parts[1::2]
    starts = pos[1::2]
    ends = pos[2::2]
    sent: list[int] = []
    n = 0
    for s in sentences:
        k = bisect_left(starts, s.end, n)
        if k > n:
            if starts[n] < s.start or ends[k - 1] > s.end:
                return _tokenize_by_sentence(text, sentences)
            sent += [s.index] * (k - n)
            n = k
    if n != len(raws):
        return _tokenize_by_sentence(text, sentences)  # a token outside every sentence
    return [Token(start, end, raw, norm, i, stem_start, stem)
            for start, end, raw, i, (norm, stem_start, stem)
            in zip(starts, ends, raws, sent, map(_word_analysis, raws))]


def _tokenize_by_sentence(text: str, sentences: list[Sentence]) -> list[Token]:
    """Tokens matched sentence by sentence (when a token would cross a sentence's bounds)."""
    finditer = _TOKEN_RE.finditer
    spans: list[tuple[int, int]] = []
    raws: list[str] = []
    sent: list[int] = []
    for s in sentences:
        ms = list(finditer(text, s.start, s.end))
        spans += [m.span() for m in ms]
        raws += [m.group() for m in ms]
        sent += [s.index] * len(ms)
    return [Token(start, end, raw, norm, i, stem_start, stem)
            for (start, end), raw, i, (norm, stem_start, stem)
            in zip(spans, raws, sent, map(_word_analysis, raws))]


def original_prefix_len(raw: str, n_norm_letters: int) -> int:
    """Characters of ``raw`` spanning its first n normalised letters (diacritics after them too)."""
    count = 0
    i = 0
    while i < len(raw) and count < n_norm_letters:
        if _kept(raw[i]):
            count += 1
        i += 1
    while i < len(raw) and not _kept(raw[i]):
        i += 1
    return i


@lru_cache(maxsize=4096)
def _kept(ch: str) -> bool:
    """Does normalisation keep (some of) this character?"""
    return bool(normalize(ch))
