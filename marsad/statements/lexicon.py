"""The speech-cue lexicon of the statements stage and the word lists its rules read.

Cues are data (``resources/statements/speech_cues.yaml``): speech verbs by family and agreement, their
circumstantial participles, nominal cues and attribution phrases, each read into a
:class:`CueForm`. The word lists of the rules (complementisers, prepositions, adjuncts …) are data
too (``resources/statements/words.yaml``, through :func:`words`). :func:`trie_pattern` and :func:`scan` are the word-level matching the stances
stage shares.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad import resources
from marsad.text.normalize import normalize
from marsad.times.patterns import weekday_words

OPEN_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "”"}
CLOSE_QUOTES = frozenset("»”\"")


@lru_cache(maxsize=1)
def _word_lists() -> dict:
    return resources.read_yaml("statements", "words.yaml")


def words(key: str) -> frozenset[str]:
    """The normalised words of one list of ``resources/statements/words.yaml``."""
    return frozenset(normalize(w) for w in _word_lists()[key])


def time_words() -> frozenset[str]:
    """Weekday names (from the times stage's data), today and yesterday, and other time words."""
    return weekday_words() | words("day_words") | words("time_words")


# Letters, affixes and particles the rules name (read as written: already normalised).
RULE_WORDS: dict = _word_lists()["rule_words"]
THAT = words("that")
PREPOSITIONS = words("prepositions")
# Words that open an adjunct between a verb and its complement (قال أيضاً، قال الاثنين …).
ADJUNCTS = words("adjuncts") | weekday_words()
B_STOP = words("b_stop")
# "غير أن" (however), "بعد أن" (after) …: أن that introduces no reported content.
NOT_COMP_BEFORE = words("not_complement_after")
# Heads that take a quoted name ("باسم "غرفة العمليات""، صحيفة "صباح"، تنظيم "جيش الإسلام").
NAME_HEADS = words("name_heads")
IRREALIS = words("irrealis")
RELATIVES = words("relatives")
# "العديد من الجماعات": the subject is under من after a quantifier.
QUANTIFIERS = words("quantifiers")


@dataclass(slots=True)
class CueForm:
    family: str
    kind: str  # verb | participle | noun | attribution
    gender: str | None  # m | f | p | None
    comps: tuple[str, ...] = ()
    post: bool = False
    speaker_after: str | None = None
    speaker_heads: frozenset[str] = frozenset()  # what must follow speaker_after (a document noun)
    bare: bool = False  # noun without a possessive (القول)
    np: bool = False  # may take a noun-phrase content ("أعلن الجيش وضع قواته …")


def trie_pattern(words) -> str:
    """A regex alternation of ``words`` factored as a trie: one pass, no per-word backtracking."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        end = "" in node
        if len(alts) == 1 and not end:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if end else "")

    return build(trie)


class WordHit:
    """A match of a word-level scan: the whole span plus its prefix / stem / suffix parts."""

    __slots__ = ("_s", "_e", "_parts")

    def __init__(self, s: int, e: int, parts: dict[str, tuple[int, int, str]]):
        self._s, self._e, self._parts = s, e, parts

    def start(self, name: str | None = None) -> int:
        return self._s if name is None else self._parts[name][0]

    def end(self, name: str | None = None) -> int:
        return self._e if name is None else self._parts[name][1]

    def group(self, name: str | None = None) -> str:
        return self._parts[name][2] if name else self._parts["all"][2]


def scan(pattern: re.Pattern, text: str, split, pos: int = 0, endpos: int | None = None):
    """WordHits of ``pattern`` in text; ``split(word)`` returns (prefix, stem, suffix) or None."""
    for m in pattern.finditer(text, pos, len(text) if endpos is None else endpos):
        w = m.group()
        parts = split(w)
        if parts is None:
            continue
        pre, stem, suf = parts
        s = m.start()
        a, b = s + len(pre), s + len(pre) + len(stem)
        yield WordHit(s, m.end(), {"pre": (s, a, pre), "cue": (a, b, stem), "t": (a, b, stem),
                                   "suf": (b, m.end(), suf), "all": (s, m.end(), w)})


@dataclass
class Lexicon:
    forms: dict[str, CueForm]
    regex: re.Pattern
    source_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    pronouns: dict[str, str]
    impersonal_bare: frozenset[str]
    impersonal_before: frozenset[str]
    masculine_places: frozenset[str]
    not_after: frozenset[str] = frozenset()
    demanded_that: frozenset[str] = frozenset()
    demanded_after: frozenset[str] = frozenset()
    that: str = ""
    np_heads: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = resources.read_yaml("statements", "speech_cues.yaml")
    forms: dict[str, CueForm] = {}

    def add(word: str, form: CueForm) -> None:
        forms.setdefault(normalize(word), form)

    for fam, spec in data["families"].items():
        comps = tuple(normalize(c) for c in spec.get("complements", []))
        post = bool(spec.get("post"))
        after = normalize(spec["speaker_after"]) if spec.get("speaker_after") else None
        heads = frozenset(normalize(w) for w in spec.get("speaker_heads", ()))
        np = bool(spec.get("np"))
        for g, words in spec.get("verbs", {}).items():
            for w in words:
                add(w, CueForm(fam, "verb", g, comps, post, after, heads, np=np))
        pcomps = comps + ("object",) if spec.get("participle_object") else comps
        for g, words in spec.get("participles", {}).items():
            for w in words:
                add(w, CueForm(fam, "participle", g, pcomps, np=np))
    nouns = data["nouns"]
    ncomps = tuple(nouns["complements"])
    for key in ("bare", "m", "f", "p"):
        for w in nouns.get(key, []):
            add(w, CueForm("say", "noun", None if key == "bare" else key, ncomps, bare=key == "bare"))
    for w in data["attribution"]:
        add(w, CueForm("attribution", "attribution", None))
    # Every form with and without a conjunction, as one trie regex (stdlib re: fastest here).
    # ... and an imperfect verb after the lam of purpose ("خرج شفيق ليعلن تراجعه").
    words = {p + f for p in RULE_WORDS["conjunction_forms"] for f in forms}
    words |= {RULE_WORDS["lam"] + f for f, x in forms.items()
              if x.kind == "verb" and f[:1] in RULE_WORDS["imperfect_letters"]}
    pattern = re.compile(r"\b(?:" + trie_pattern(words) + r")\b")
    pronouns = {}
    for g, words in data["pronoun_subjects"].items():
        for w in words:
            pronouns[normalize(w)] = g
    return Lexicon(
        forms=forms,
        regex=pattern,
        source_nouns=frozenset(normalize(w) for w in data["source_nouns"]),
        reporting_verbs=frozenset(normalize(w) for w in data["reporting_verbs"]),
        pronouns=pronouns,
        impersonal_bare=frozenset(normalize(w) for w in data["impersonal_bare"]),
        impersonal_before=frozenset(normalize(w) for w in nouns["impersonal_before"]),
        masculine_places=frozenset(normalize(w) for w in data["masculine_places"]),
        not_after=frozenset(normalize(w) for w in data.get("not_after", [])),
        demanded_that=frozenset(normalize(w) for w in data.get("demanded_that", [])),
        demanded_after=frozenset(normalize(w) for w in data.get("demanded_after", [])),
        that=normalize(data.get("that", "")),
        np_heads=frozenset(normalize(w) for w in data.get("np_heads", [])),
    )
