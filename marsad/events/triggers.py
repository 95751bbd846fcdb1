"""Find PLOVER trigger candidates in a sentence's tokens (lexicon lookup + context constraints)."""
from __future__ import annotations

from dataclasses import dataclass, field

from marsad import resources
from marsad.doc import Token
from marsad.events.lexicon import Form, Lexeme, indices_of, phrase_heads, read_word
from marsad.text.normalize import normalize


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
_W = resources.read_yaml("events", "trigger_words.yaml")
_TA_NORM, _ARTICLE = _W["ta_marbuta_norm"], _W["article"]
_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def word_hits(w: Token):
    """(phrase heads, single-word reading) of a token, or None: one dict lookup once warm."""
    norm = w.norm
    # only a word ending in ه needs its surface ة checked; other words are keyed by norm alone
    # (a str key never equals a (norm, final_ta) tuple key)
    if norm[-1:] == _TA_NORM:
        final_ta = w.text.rstrip(_HARAKAT).endswith(_W["ta_marbuta"])
        key = (norm, final_ta)
    else:
        final_ta, key = False, norm
    r = _HITS.get(key, _MISSING)
    if r is _MISSING:
        r = _hits_of(norm, final_ta)
        if len(_HITS) < 400_000:
            _HITS[key] = r
        if r is None and len(NO_TRIGGER) < 400_000 and (key is norm or _hits_of(norm, not final_ta) is None):
            NO_TRIGGER.add(norm)
    return r


def _hits_of(norm: str, final_ta: bool):
    if not _may_hit(norm):
        return None  # no clitic reading of the word can be a lexicon key (most new words)
    ph, rd = phrase_heads(norm), read_word(norm, final_ta)
    return (ph, rd) if (ph or rd) else None


_MAY_HIT = None


def _may_hit(norm: str) -> bool:
    """Can any clitic reading of the word be a trigger key (see ``events_lexicon.stem_filter``)?
    The keys: single-word forms, phrase heads and, for read_word's article-less lookup, ال +
    a single-word form."""
    global _MAY_HIT
    if _MAY_HIT is None:
        from marsad.events.lexicon import load_lexicon, stem_filter

        lex = load_lexicon()
        _MAY_HIT = stem_filter(set(lex.single) | set(lex.phrases) | {_ARTICLE + k for k in lex.single})
    return _MAY_HIT(norm)


# Normalised forms known to start no trigger whatever their surface (for a final ه, read both
# as ة and as a pronoun), and forms that are no word (punctuation): a sentence made only of
# these has no candidate, which one C-level set test tells without the per-token loop.
NO_TRIGGER: set[str] = set()


def find_candidates(words: list[Token], norms: list[str] | None = None,
                    open_norms: set[str] | None = None) -> list[Candidate]:
    """Trigger candidates among a sentence's word tokens (punctuation removed), left to right.

    A token can start several candidates (a phrase and a single word, or two types); overlaps
    between types are resolved later, once the context is scored. ``norms``: the words'
    normalised forms, when the caller has them; ``open_norms``: a set holding every norm of the
    words that is not in NO_TRIGGER (the caller's set difference), so that only those words are
    visited, found by C-level list scans.
    """
    out: list[Candidate] = []
    n = len(words)
    covered_until = -1
    hits_get, no_trigger = _HITS.get, NO_TRIGGER
    # most words are known to start nothing: only the others are visited
    if open_norms is not None and norms is not None and len(open_norms) <= 12:
        visit = indices_of(norms, open_norms)
    else:
        visit = [i for i, w in enumerate(words) if w.norm not in no_trigger]
    for i in visit:
        w = words[i]
        # word_hits' cache probed inline for words not ending in ه
        hits = _MISSING if w.norm[-1:] == _TA_NORM else hits_get(w.norm, _MISSING)
        if hits is _MISSING:
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
        if t != r and not (t.startswith(_W["conjunction"]) and t[1:] == r) and not (t.startswith(_ARTICLE) and t[2:] == r):
            return False
    return True


_TANWIN = frozenset("\u064b\u064c\u064d")
_COUNTERS = frozenset(normalize(w) for w in _W["participle_counters"])
_PARTICIPLE_STARTS = tuple(_W["participle_starts"])
_PARTICIPLE_ENDINGS = tuple(_W["participle_endings"])
_ADVERB_CLITICS = tuple(_W["adverb_clitics"])


def _participle(norm: str, pro: str) -> bool:
    """An inflected active participle (متهمين، داعية، المنددة), not a verbal noun (المزاعم)."""
    stem = norm[len(pro):]
    stem = stem[2:] if stem.startswith(_ARTICLE) else stem
    return (stem[:1] == _W["participle_prefix"] or stem[:2] in _PARTICIPLE_STARTS) and stem.endswith(_PARTICIPLE_ENDINGS)


def _make(f: Form, words: list[Token], norms: list[str], i: int, j: int, pro: str, definite: bool):
    lx = f.lexeme
    if lx.block_written is not None and lx.block_written.search(words[i].text):
        return None
    if lx.need or lx.need_before or lx.block or lx.block_before:  # else accepts() takes anything
        win = lx.win
        before = " ".join(norms[max(0, i - win):i])
        after = " ".join(norms[j:j + win])
        if not lx.accepts(before, after):
            return None
    if lx.indefinite and definite:
        return None
    if lx.need_target and pro[-1:] in _ADVERB_CLITICS and f.cls in ("perf", "impf", "form"):
        return None  # "بحذر" is "cautiously", not "he warned"
    if f.cls == "form" and lx.kind == "verbal" and j == i + 1 and _participle(norms[i], pro) and (
            definite or (i > 0 and norms[i - 1][-1:].isdigit()) or (j < len(norms) and norms[j] in _COUNTERS)):
        # a speech act's participle with the article, or counted, is a noun: الداعية, المتهمين,
        # "بالسجن المؤبد على 9 متهمين" (defendants, no accusation)
        return None
    if f.cls in ("perf", "impf") and j == i + 1 and _TANWIN.intersection(words[i].text):
        return None  # a verb carries no tanwin: "فجراً" is "at dawn", not "they two blew up"
    return Candidate(lx, f.cls, i, j, words[i].start, words[j - 1].end, pro, definite, f.plural)
