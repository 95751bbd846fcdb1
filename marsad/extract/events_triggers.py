"""Find PLOVER trigger candidates in a sentence's tokens (lexicon lookup + context constraints)."""
from __future__ import annotations

from dataclasses import dataclass, field

from marsad.doc import Token
from marsad.extract.events_lexicon import Form, Lexeme, phrase_heads, read_word


def is_word(t: Token) -> bool:
    c = t.norm[:1]
    return bool(c) and (c.isalpha() or c.isdigit())


@dataclass(slots=True)
class Candidate:
    """One trigger occurrence: tokens [i, j) of its sentence (indices into the word list)."""

    lexeme: Lexeme
    cls: str  # perf | impf | noun | ptcp | form | phrase
    i: int
    j: int
    start: int  # character span of the trigger in doc.text
    end: int
    proclitics: str = ""
    definite: bool = False
    plural: bool = False
    feats: dict = field(default_factory=dict)

    @property
    def type(self) -> str:
        return self.lexeme.type


def _norms(words: list[Token]) -> list[str]:
    return [w.norm for w in words]


_HITS: dict = {}
_MISSING = object()
_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def word_hits(w: Token):
    """(phrase heads, single-word reading) of a token, or None: one dict lookup once warm."""
    final_ta = w.norm.endswith("ه") and w.text.rstrip(_HARAKAT).endswith("ة")
    key = (w.norm, final_ta)
    r = _HITS.get(key, _MISSING)
    if r is _MISSING:
        ph, rd = phrase_heads(w.norm), read_word(w.norm, final_ta)
        r = (ph, rd) if (ph or rd) else None
        if len(_HITS) < 400_000:
            _HITS[key] = r
    return r


def find_candidates(words: list[Token]) -> list[Candidate]:
    """Trigger candidates among a sentence's word tokens (punctuation removed), left to right.

    A token can start several candidates (a phrase and a single word, or two types); overlaps
    between types are resolved later, once the context is scored.
    """
    norms = None
    out: list[Candidate] = []
    n = len(words)
    covered_until = -1
    for i, w in enumerate(words):
        hits = word_hits(w)
        if hits is None:
            continue
        heads, reading = hits
        if norms is None:
            norms = _norms(words)
        # multi-word triggers first: they are more specific than their first word
        phrase_hit = False
        for pro, forms in heads:
            for f in forms:
                k = len(f.rest)
                if i + k < n and _rest_matches(norms[i + 1:i + 1 + k], f.rest):
                    cand = _make(f, words, norms, i, i + 1 + k, pro, False)
                    if cand is not None:
                        out.append(cand)
                        phrase_hit = True
        if phrase_hit:
            covered_until = max(covered_until, max(c.j for c in out) - 1)
        if i <= covered_until and not phrase_hit:
            continue  # inside a phrase already found: no single-word reading of its inner words
        if reading is None:
            continue
        for f in reading.forms:
            if phrase_hit and any(c.i == i and c.lexeme.type == f.lexeme.type for c in out):
                continue
            cand = _make(f, words, norms, i, i + 1, reading.proclitics, reading.definite)
            if cand is not None:
                out.append(cand)
    return out


def _rest_matches(toks: list[str], rest: tuple[str, ...]) -> bool:
    for t, r in zip(toks, rest):
        if t != r and not (t.startswith("و") and t[1:] == r) and not (t.startswith("ال") and t[2:] == r):
            return False
    return True


def _make(f: Form, words: list[Token], norms: list[str], i: int, j: int, pro: str, definite: bool):
    lx = f.lexeme
    win = lx.win
    before = " ".join(norms[max(0, i - win):i])
    after = " ".join(norms[j:j + win])
    if not lx.accepts(before, after):
        return None
    return Candidate(lx, f.cls, i, j, words[i].start, words[j - 1].end, pro, definite, f.plural)
