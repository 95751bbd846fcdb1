"""The act lexicon and the lookups the act rules share: words with offsets, mentions, statements.

The words are data: ``resources/stances/acts.yaml`` (heads, objects, acts), ``act_words.yaml``
(plain Arabic, normalised as they load) and ``act_grammar.yaml`` (function words and clitics in
the normalised spelling the rules compare against).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from marsad import resources
from marsad.statements.lexicon import trie_pattern
from marsad.text.normalize import normalize, word_set

WORDS = resources.read_yaml("stances", "act_words.yaml")
GRAMMAR = resources.read_yaml("stances", "act_grammar.yaml")

WORD_RE = re.compile(r"[^\W_]+")
WITH = frozenset(GRAMMAR["partner"])
ON = frozenset(GRAMMAR["against"])
PLACE = frozenset(GRAMMAR["location"])
# Words a head may skip to reach its object ("ألغى ترامب رسمياً القمة", "فرض أيضاً عقوبات")
FILLERS = word_set(" ".join(WORDS["fillers"]))
TITLES = word_set(" ".join(WORDS["titles"]))
# Action nouns among the heads: they need a named agent (an elided subject is no one's act).
NOUNS = word_set(" ".join(WORDS["action_nouns"]))
REJECT = frozenset(normalize(w) for w in WORDS["reject"])
NOUN_NEG = frozenset(normalize(w) for w in WORDS["noun_negators"])


@dataclass(frozen=True, slots=True)
class Act:
    issue: str
    polarity: int
    target: str  # with | on | deal | place | capital


MEET = Act("talks", 1, "with")  # a meeting verb is an act of talks by itself
# Leaving a country or staying in it, with no troops named: the holder's own presence there.
PLACE_ACTS = {cls: {x["preposition"]: Act("presence", x["polarity"], "place")}
              for cls, x in GRAMMAR["place_acts"].items()}
PLACE_ACT_LIST = [a for d in PLACE_ACTS.values() for a in d.values()]


@dataclass
class ActLexicon:
    head_re: re.Pattern
    heads: dict[str, str]  # normalised form -> head class
    objects: dict[str, str]  # normalised form (with proclitics) -> object class
    acts: dict[tuple[str, str], Act]
    irrealis: re.Pattern
    negators: frozenset[str]
    planned_no_act: frozenset[str] = frozenset()  # head classes whose planned form is no act
    announced_nouns: frozenset[str] = frozenset()  # head classes whose noun needs an announcing verb
    announce_re: re.Pattern | None = None


@lru_cache(maxsize=1)
def lexicon() -> ActLexicon:
    data = resources.read_yaml("stances", "acts.yaml")
    heads = {normalize(f): cls for cls, forms in data["heads"].items() for f in forms}
    objects = {p + normalize(f): cls for cls, forms in data["objects"].items() for f in forms
               for p in GRAMMAR["object_proclitics"]}
    acts = {(a["head"], a["object"]): Act(a["issue"], 1 if a["polarity"] == "support" else -1, a["target"])
            for a in data["acts"]}
    head_re = re.compile(r"(?<!\w)(?P<pre>" + "|".join(sorted(GRAMMAR["proclitics"], key=len, reverse=True))
                         + r")(?P<h>" + trie_pattern(set(heads)) + r")(?!\w)")
    irr = {normalize(w) for w in data["irrealis"]}
    irrealis = re.compile(r"(?<!\w)(?:[" + GRAMMAR["conjunctions"] + r"])?(?:" + trie_pattern(irr) + r")(?!\w)")
    announce = {normalize(w) for w in data.get("announce_verbs", ())}
    announce_re = re.compile(r"(?<!\w)(?:[" + GRAMMAR["conjunctions"] + r"])?(?:" + trie_pattern(announce) + r")(?!\w)")
    return ActLexicon(head_re, heads, objects, acts, irrealis,
                      frozenset(normalize(w) for w in data["negators"]),
                      frozenset(data.get("planned_no_act", ())), frozenset(data.get("announced_nouns", ())),
                      announce_re if announce else None)


class Words:
    """Words of the normalised text with their offsets."""

    def __init__(self, text: str, a: int = 0, b: int | None = None):
        self.spans = [m.span() for m in WORD_RE.finditer(text, a, len(text) if b is None else b)]
        self.starts = [s for s, _ in self.spans]
        self.text = text

    def index(self, off: int) -> int:
        return bisect.bisect_left(self.starts, off)

    def word(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]


def mention_at(ms, m_starts, off: int, end: int | None = None):
    """The mention covering ``off``, or starting inside the word [off, end) ("لإسرائيل")."""
    k = bisect.bisect_right(m_starts, off if end is None else end - 1) - 1
    return ms[k] if k >= 0 and (ms[k].start <= off < ms[k].end or (end and off <= ms[k].start < end)) else None


class Statements(list):
    """Statements sorted by start, with the furthest end reached so far (``reach``): the first
    one covering an offset is found by binary search, not by a scan of all (linear time)."""

    def __init__(self, items):
        super().__init__(items)
        self.starts = [x[0] for x in self]
        self.reach = list(accumulate((x[1] for x in self), max))


def covering(stmts: Statements, pos: int):
    """The first statement (in start order) with start <= pos < end, or None. The first whose
    running end passes pos is it, when it starts at or before pos."""
    i = bisect.bisect_right(stmts.reach, pos)
    return stmts[i] if i < len(stmts) and stmts.starts[i] <= pos else None
