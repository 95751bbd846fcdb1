"""The events stage's cue vocabulary (``resources/events/cues.yaml``) and the cue families
one sentence holds (``sentence_cues``), read by the context rules and the event filter."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad import resources
from marsad.events.lexicon import any_of, compile_cue, indices_of, load_cues


@dataclass(frozen=True)
class Cues:
    neg_words: frozenset
    neg_bridges: frozenset
    neg_window: int
    deny: frozenset
    foiled: tuple
    fut_words: frozenset
    fut_before: tuple
    fut_after: tuple
    hyp_words: frozenset
    hyp_before: tuple
    hyp_states: frozenset
    question_starts: tuple
    hist_before: tuple
    opinion: tuple
    accident: tuple
    realis: tuple
    support: frozenset
    agent: tuple
    modes: dict
    sentence: tuple  # (name, patterns) of sentence-level cue families


def _pats(xs) -> tuple:
    return tuple(compile_cue(x) for x in (xs or ()))


def _words(xs) -> frozenset:
    from marsad.text.normalize import normalize
    return frozenset(normalize(x) for x in (xs or ()))


@lru_cache(maxsize=1)
def cues() -> Cues:
    from marsad.text.normalize import normalize
    c = load_cues()
    return Cues(
        neg_words=_words(c["negation"]["words"]), neg_bridges=_words(c["negation"]["bridges"]),
        neg_window=int(c["negation"]["window"]), deny=_words(c["negation"]["deny"]),
        foiled=_pats(c["negation"]["foiled"]),
        fut_words=_words(c["future"]["words"]), fut_before=_pats(c["future"]["before"]),
        fut_after=_pats(c["future"]["after"]),
        hyp_words=_words(c["hypothetical"]["words"]), hyp_before=_pats(c["hypothetical"]["before"]),
        hyp_states=_words(c["hypothetical"].get("states")),
        question_starts=tuple(normalize(x) for x in c["question"]["starts"]),
        hist_before=_pats(c["historical"]["before"]), opinion=_pats(c["opinion"]["before"]),
        accident=_pats(c["accident"]), realis=_pats(c["realis"]),
        support=_words(c["support_verbs"]), agent=_pats(c["agent_markers"]),
        modes={t: [(m, _pats(ps)) for m, ps in d.items()] for t, d in c["modes"].items()},
        sentence=tuple((k, _pats(v)) for k, v in c.get("sentence_cues", {}).items()),
    )


_NEVER = re.compile(r"(?!)")  # matches nothing: an empty cue list


@lru_cache(maxsize=1)
def _any_cues() -> dict:
    """Each "any of these patterns" cue list as one alternation (one regex scan per window)."""
    cu = cues()
    return {name: any_of(getattr(cu, name)) or _NEVER
            for name in ("foiled", "fut_before", "fut_after", "hyp_before", "hist_before", "opinion")}


def expand_alternatives(pattern: str, limit: int = 2000) -> list[str]:
    """The literal strings a cue pattern matches, for the small regex subset the cue files use:
    literals, groups with |, character classes [..] and the ? quantifier."""

    def seq(p: str, i: int) -> tuple[list[str], int]:
        outs = [""]
        while i < len(p) and p[i] not in "|)":
            if p[i] == "(":
                alts, i = alt(p, i + 1)
                i += 1  # ')'
                items = alts
            elif p[i] == "[":
                k = p.index("]", i)
                items = list(p[i + 1:k])
                i = k + 1
            elif p[i] == "\\":
                items = [p[i + 1]]
                i += 2
            else:
                items = [p[i]]
                i += 1
            if i < len(p) and p[i] == "?":
                items = items + [""]
                i += 1
            outs = [o + x for o in outs for x in items][:limit]
        return outs, i

    def alt(p: str, i: int) -> tuple[list[str], int]:
        res, i = seq(p, i)
        while i < len(p) and p[i] == "|":
            more, i = seq(p, i + 1)
            res += more
        return res, i

    return alt(pattern, 0)[0]


_W = resources.read_yaml("events", "cue_syntax.yaml")


@lru_cache(maxsize=1)
def _family_prefixes() -> tuple[dict, int]:
    """Sentence-level cue families as literal word-start strings: prefix -> families."""
    from marsad.text.normalize import normalize

    c = load_cues()
    fam = dict(c.get("sentence_cues", {}))
    fam["x_accident"] = c["accident"]
    fam["x_realis"] = c["realis"]
    index: dict[str, set] = {}
    for k, ps in fam.items():
        for p in ps:
            for lit in expand_alternatives(normalize(p)):
                lit = lit.replace(_W["not_ya"], "")
                if lit:
                    index.setdefault(lit, set()).add(k)
    longest = max(len(x) for x in index)
    return {k: tuple(sorted(v)) for k, v in index.items()}, longest


@dataclass(slots=True)
class SentenceCues:
    flags: list  # sentence-level cue families present (feature names)
    accident: bool
    realis: int


_PROCLITIC_STRIP = tuple(_W["proclitic_strip"])


@lru_cache(maxsize=200_000)
def _word_families(w: str) -> tuple[str, ...]:
    """Cue families whose word-start strings begin this word (proclitics peeled)."""
    index, longest = _family_prefixes()
    starts = _family_starts()
    if w[:2] not in starts and w[1:3] not in starts and w[2:4] not in starts and w[3:5] not in starts:
        return ()  # no form below (the word less 0-3 proclitic letters) begins a cue string
    forms = {w}
    for pre in _PROCLITIC_STRIP:
        if w.startswith(pre) and len(w) - len(pre) >= 2:
            forms.add(w[len(pre):])
    hit: set = set()
    for f in forms:
        if f[:2] not in starts:
            continue  # no word-start string begins with these two letters (most forms)
        for L in range(2, min(len(f), longest) + 1):
            fam = index.get(f[:L])
            if fam:
                hit.update(fam)
    return tuple(sorted(hit))


@lru_cache(maxsize=1)
def _family_starts() -> frozenset:
    """The first two letters of every word-start string (each is two letters or more long)."""
    index, _ = _family_prefixes()
    return frozenset(k[:2] for k in index)


@lru_cache(maxsize=1)
def _multiword_heads() -> frozenset:
    index, _ = _family_prefixes()
    return frozenset(k.split(" ", 1)[0] for k in index if " " in k)


@lru_cache(maxsize=200_000)
def _pair_head(w: str) -> str | None:
    """The word (first plain, then proclitics peeled) as the first word of a multi-word cue."""
    heads = _multiword_heads()
    if w not in heads and w[1:] not in heads and w[2:] not in heads and w[3:] not in heads:
        return None  # (the proclitics peeled below are 1-3 letters long)
    for pre in ("",) + _PROCLITIC_STRIP:
        if w.startswith(pre) and w[len(pre):] in heads:
            return w[len(pre):]
    return None


@lru_cache(maxsize=1)
def _multiword_cues() -> tuple:
    index, _ = _family_prefixes()
    return tuple((k, v) for k, v in index.items() if " " in k)


@lru_cache(maxsize=200_000)
def _pair_families(pair: str) -> frozenset:
    """Families of the multi-word cues that begin "head next-word" (cached per word pair)."""
    return frozenset(f for k, v in _multiword_cues() if pair.startswith(k) for f in v)


# Words that carry no cue family and start no multi-word cue (most words): skipped by a set test.
_NO_CUE: set[str] = set()


# (cue families, multi-word cue head) of each word met that has either: one dict lookup once warm
_CUE_WORDS: dict[str, tuple] = {}


def _positions(words: list[str], known: set[str]) -> list[int]:
    """Indices of the words not in ``known``, in order: found by C-level list scans when they
    are a few distinct words (the usual case), else by a comprehension."""
    rest = set(words).difference(known)
    if len(rest) > 12:
        return [n for n, w in enumerate(words) if w not in known]
    return indices_of(words, rest)


def sentence_cues(sentence_norm: str) -> SentenceCues:
    """Sentence-level cue families, by cached word-start lookups (no regex scan)."""
    found: dict[str, int] = {}
    words = sentence_norm.split()
    last = len(words) - 1
    no_cue, cue_words = _NO_CUE, _CUE_WORDS
    for n in _positions(words, no_cue):
        w = words[n]
        info = cue_words.get(w)
        if info is None:
            # (the per-word functions uncached: this dict and _NO_CUE keep their answers)
            info = (_word_families.__wrapped__(w), _pair_head.__wrapped__(w))
            if not info[0] and info[1] is None:
                if len(_NO_CUE) < 400_000:
                    _NO_CUE.add(w)
            elif len(cue_words) < 400_000:
                cue_words[w] = info
        fams, head = info
        if head is not None and n < last:
            extra = _pair_families(head + " " + words[n + 1])
            if extra:
                fams = set(fams) | extra
        for k in fams:
            found[k] = found.get(k, 0) + 1
    flags = sorted(k for k in found if not k.startswith("x_"))
    return SentenceCues(flags, "x_accident" in found,
                        found.get("x_realis", 0) + found.get("casualty", 0) + found.get("time", 0))
