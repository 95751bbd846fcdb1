"""Long organisation names that the tagger cuts to the place inside them.

"المرصد السوري لحقوق الإنسان"، "المفوضية العليا للانتخابات العراقية"، "مجموعة الأزمات الدولية"،
"تلفزيون فلسطين": an organisation head (resources/entities/org_phrase_heads.txt) followed by
definite words, "لل…" genitives and construct pairs ("لحقوق الإنسان") is one ORG name when it has
two words or more and a nisba adjective among them. Otherwise ("حملة القمع"، "مستشفى الثورة"،
"صحيفة هآرتس"، "الجمعية الوطنية") the phrase is left to the tagger.
"""
from __future__ import annotations

from functools import lru_cache

from marsad import resources
from marsad.doc import Token
from marsad.entities.words import bare, never_name, with_proclitics
from marsad.text.normalize import normalize
from marsad.text.segment import CONJ, PREP, proclitic_readings

MAX_WORDS = 6  # words after the head
_PROCLITIC_FIRST = frozenset(CONJ + PREP)


@lru_cache(maxsize=1)
def phrase_heads() -> frozenset[str]:
    return frozenset(map(normalize, resources.read_words("entities", "org_phrase_heads.txt")))


@lru_cache(maxsize=1)
def head_forms() -> frozenset[str]:
    """The heads with the proclitics they may carry (one lookup per token)."""
    return frozenset(with_proclitics(phrase_heads()))


def _head_start(tok: Token, heads: frozenset[str]) -> int | None:
    """Normalised proclitic letters before an organisation head in this token, or None."""
    if tok.norm in heads:
        return 0
    if tok.norm[:1] not in _PROCLITIC_FIRST:
        return None
    for pro, stem in proclitic_readings(tok.norm):
        if stem in heads:
            return len(pro)
    return None


def _nisba(norm: str) -> bool:
    return norm.startswith("ال") and norm.endswith(("ي", "يه")) and len(norm) > 5


def org_phrases(sentences: list[list[Token]],
                tagged: list[tuple[int, int, str]]) -> list[tuple[int, int, int]]:
    """(first token's offset, proclitic letters, end) of each long organisation name.

    ``tagged``: the tagger's (start, end, label) spans, sorted by start.
    """
    heads = phrase_heads()
    forms = head_forms()
    named = {}  # token start → end of the LOC/ORG span starting there
    for s, e, label in tagged:
        if label in ("LOC", "ORG"):
            named[s] = e
    out = []
    for toks in sentences:
        free = 0  # first token not inside the last phrase
        for i in [i for i, t in enumerate(toks) if t.norm in forms]:
            if i < free:
                continue
            n_pro = _head_start(toks[i], heads)
            if n_pro is None:
                continue
            end, last, evidence = _complement(toks, i, named)
            if evidence:
                out.append((toks[i].start, n_pro, end))
                free = last + 1
    return out


def _complement(toks: list[Token], i: int, named: dict) -> tuple[int, int, bool]:
    """(end offset, last token, whether the words make a name) of the words after the head at
    token i: at least two words with a nisba among them.

    A tagged name inside counts as words, not as evidence (the NER corpora leave the head
    outside: "صحيفة [هآرتس]"). Once a nisba is in, only more nisbas and "ل…" genitives with
    their nouns follow ("المرصد السوري لحقوق الإنسان"): a bare definite word then starts the
    sentence's next constituent ("مجلس النواب المصري [المتواجد]").
    """
    j, end, last, evidence, governs, words = i + 1, toks[i].end, i, False, False, 0
    while j < len(toks) and j - i <= MAX_WORDS:
        t = toks[j]
        stem = t.stem or t.norm
        e = named.get(t.start) or (named.get(t.start + t.stem_start) if t.stem_start else None)
        if e is not None and not evidence:
            while j + 1 < len(toks) and toks[j + 1].end <= e:
                j += 1
            end, last, governs, words = e, j, False, words + 1
            j += 1
            continue
        raw = bare(t.text)  # as written: "ألغت" is no definite word
        nxt = bare(toks[j + 1].text) if j + 1 < len(toks) else ""
        if raw in phrase_stops() or never_name(raw):
            break
        if raw.startswith("لل") and len(raw) > 4:
            governs = False
        elif raw.startswith("ال") and len(raw) > 4:
            nisba = _nisba(stem)
            if evidence and not nisba and not governs:
                break
            evidence, governs = evidence or nisba, False
        elif raw.startswith("ل") and nxt.startswith("ال") and len(raw) > 3:
            governs = True  # "لحقوق [الإنسان]": a genitive pair
        else:
            break
        end, last, words = t.end, j, words + 1
        j += 1
    return end, last, evidence and words >= 2


@lru_cache(maxsize=1)
def phrase_stops() -> frozenset[str]:
    lines = resources.path("entities", "phrase_stops.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(bare(x.strip()) for x in lines if x.strip() and not x.startswith("#"))
