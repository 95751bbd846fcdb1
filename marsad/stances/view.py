"""One document as the stances stage reads it: normalised text, words and actor mentions.

Offsets are those of the normalised text (``statements.norm_text``); stances map theirs back to
the original at the end.
"""
from __future__ import annotations

import bisect
import re

import regex

from marsad import resources
from marsad.doc import Doc
from marsad.stances.lexicon import StanceLexicon
from marsad.statements.context import NMention, mention_view, norm_text
from marsad.text.normalize import normalize, word_set

# word lists (plain Arabic; normalised as they load)
_WORDS = resources.read_yaml("stances", "view_words.yaml")

WORD_RE = regex.compile(r"[\p{L}\p{N}]+")
_FAST_WORD_RE = re.compile(r"[^\W_]+")

_QUANTIFIERS = frozenset(normalize(w) for w in _WORDS["quantifiers"])

_PLACE_NOUNS = word_set(" ".join(_WORDS["place_nouns"]))


class StanceView:
    """Normalised text, mentions and trigger matches of one document."""

    def __init__(self, doc: Doc, lex: StanceLexicon):
        self.doc = doc
        self.lex = lex
        self.nt = norm_text(doc)
        self.text = self.nt.text
        self.mv = mention_view(doc)
        self.mentions: list[NMention] = self.mv.mentions
        self.m_starts = [m.start for m in self.mentions]
        self.words = [m.start() for m in _FAST_WORD_RE.finditer(self.text)]
        self._nisba: dict[str, str | None] = {}
        self._nisba_by: tuple[dict[str, str], dict[str, str]] | None = None
        self.irrealis: list[int] = []

    def nwords(self, a: int, b: int) -> int:
        """Words starting in [a, b)."""
        return bisect.bisect_left(self.words, b) - bisect.bisect_left(self.words, a)

    def mentions_in(self, a: int, b: int) -> list[NMention]:
        return self.mv.mentions_in(a, b)

    def starting_in(self, a: int, b: int) -> list[NMention]:
        i = bisect.bisect_left(self.m_starts, a)
        j = bisect.bisect_left(self.m_starts, b)
        return self.mentions[i:j]

    def actor(self, aid: str):
        return self.doc.actors.get(aid)

    def governed_by_fi(self, m: NMention, preps: tuple[str, ...] = ("في", "وفي")) -> bool:
        """A place under في ("في العراق"، "في شرق أوكرانيا") is a location, never the target."""
        head = WORD_RE.findall(self.text, max(0, m.start - 24), m.start)[-2:]
        if len(head) == 2 and head[1] == "من" and head[0] in _QUANTIFIERS:
            return False  # "كلا من روسيا وسوريا"، "العديد من الجماعات"
        if head and head[-1] in preps:
            return True
        if len(head) == 2 and "بين" in preps and head[0] in ("بين", "وبين"):
            return True  # "بين روسيا وإيران"
        return len(head) == 2 and head[0] in preps and head[1] in _PLACE_NOUNS

    def nisba(self, word: str) -> str | None:
        """The actor a country adjective points at (الإسرائيلية → the actor of Israel)."""
        if word in self._nisba:
            return self._nisba[word]
        w = word[2:] if word.startswith("ال") else word
        w = w[:-1] if w.endswith("ه") else w
        code = self.lex.gentilics.get(word) or self.lex.gentilics.get(w)
        by_stem, by_country = self._nisba_tables()
        # the first actor whose name makes the adjective, else the last state of its country
        found = by_stem.get(w) or (by_country.get(code) if code else None)
        self._nisba[word] = found
        return found

    def _nisba_tables(self) -> tuple[dict[str, str], dict[str, str]]:
        """(adjective stem → the first actor whose one-word name makes it, country → the last
        state actor of that country), built once per document."""
        if self._nisba_by is None:
            by_stem: dict[str, str] = {}
            by_country: dict[str, str] = {}
            fallback: dict[str, str] = {}
            for a in self.doc.actors.values():
                for n in [a.name] + list(a.aliases):
                    n = normalize(n or "")
                    if " " in n:
                        continue
                    n = n[2:] if n.startswith("ال") else n
                    by_stem.setdefault(n + "ي", a.id)
                    if n.endswith("ا"):
                        by_stem.setdefault(n[:-1] + "ي", a.id)
                if a.country and a.kind in ("GPE", "LOC") and a.type == "GOV":
                    by_country[a.country] = a.id  # the state itself ("سوريا"), not a region of it (الجولان)
                elif a.country and a.type == "GOV" and a.kind != "PER":
                    # (a state body when the state itself is not named; never a person, "مدير
                    # المرصد السوري" coded with Syria's country is not Syria)
                    fallback.setdefault(a.country, a.id)
            self._nisba_by = (by_stem, {**fallback, **by_country})
        return self._nisba_by


def current_view(doc: Doc, v: "StanceView | None" = None) -> "StanceView":
    """The stances stage's view of ``doc`` (the one it cached, or ``v``), built anew when it is of
    another document or of an older text: the readers after the main one share it."""
    from marsad.stances.lexicon import lexicon

    v = v or doc.cache.get("stance_view")
    if v is None or v.doc is not doc or v.text is not doc.norm().text:
        v = StanceView(doc, lexicon())
    return v


_QUESTION = re.compile(r"[?؟]")


def asserted_spans(doc: Doc, v: StanceView):
    """(start, end) in the view's text of each content sentence that asks no question."""
    for sent in doc.content_sentences():
        a, b = v.nt.from_original(sent.start), v.nt.from_original(sent.end)
        if not _QUESTION.search(v.text, a, b):
            yield a, b


def asserted_matches(doc: Doc, v: StanceView, pattern: re.Pattern):
    """(match, sentence start, sentence end) of each match of ``pattern`` in a sentence that asks
    no question (the readers of describing and reacting verbs scan the same way)."""
    for a, b in asserted_spans(doc, v):
        for m in pattern.finditer(v.text, a, b):
            yield m, a, b


def norm_set(words) -> frozenset[str]:
    """A list of plain Arabic words, normalised."""
    return frozenset(normalize(w) for w in words)
