"""The trigger lexicon of the stances stage.

Issues, frames and their Arabic triggers are data (``resources/stances/issues.yaml``): each form
is read into a :class:`TriggerSpec` (its issue or frame, polarity, where its target stands);
:class:`Trig` is one trigger matched in a document, with what its clitics tell about its target.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from marsad import resources
from marsad.statements.lexicon import trie_pattern
from marsad.text.normalize import normalize

# The stage (of every Provenance it writes) and the two polarities of a stance.
STAGE = "stances"
SUPPORT, OPPOSE = "support", "oppose"


@dataclass(slots=True)
class TriggerSpec:
    issue: str | None  # None for a frame
    polarity: int  # +1 support, -1 oppose
    slot: str  # after | before | both | none
    agentive: bool = False
    form: str = "noun"  # verb | noun | participle
    frame: str | None = None
    on_actor: str | None = None
    neutral: bool = False  # naming the issue is no stance without a frame or negator
    transparent: bool = False  # a frame that only passes polarity through (قرار، يخطط)
    attitude: bool = False  # the attitude of the clause's own subject


@dataclass(slots=True)
class Trig:
    start: int
    end: int
    spec: TriggerSpec
    pronoun: bool  # an attached pronoun names the target (رحيله)
    b_prefix: bool  # "طالب تركيا بالانسحاب": the target precedes
    conj: bool = False  # و/ف attached: a coordinated verb, its subject is not the noun before it
    prep: bool = False  # ب/ل attached ("بضرورة"): a complement, the noun before it is no target
    possessed: bool = False  # a possessive pronoun attached ("حلفاءها" = its allies)


# Proclitics a trigger may carry (conjunction, preposition, article, future) and the suffixes
# (accusative alif, attached pronouns) it may end with.
_AFFIXES = resources.read_yaml("stances", "trigger_affixes.yaml")
PREFIXES = tuple(_AFFIXES["prefixes"])
SUFFIXES = tuple(_AFFIXES["suffixes"])


@dataclass
class StanceLexicon:
    specs: dict[str, TriggerSpec]
    regex: re.Pattern
    neg_regex: re.Pattern
    break_regex: re.Pattern
    negation_window: int
    irrealis_regex: re.Pattern
    undergo: frozenset[str]
    cue_polarity: dict[str, int]
    gentilics: dict[str, str]  # normalised adjective -> ISO3


@lru_cache(maxsize=1)
def lexicon() -> StanceLexicon:
    data = resources.read_yaml("stances", "issues.yaml")
    specs: dict[str, TriggerSpec] = {}
    for issue, spec in data["issues"].items():
        for t in spec["triggers"]:
            ts = TriggerSpec(issue, 1 if t["polarity"] == SUPPORT else -1, t.get("slot", "after"),
                             bool(t.get("agentive")), t.get("form", "noun"),
                             neutral=bool(t.get("neutral", spec.get("neutral"))),
                             attitude=bool(spec.get("attitude")))
            for f in t["forms"]:
                specs.setdefault(normalize(f), ts)
    for name, spec in data["frames"].items():
        on_actor = spec.get("on_actor")
        ts = TriggerSpec(None, 1 if spec["polarity"] == SUPPORT else -1, spec.get("slot", "after") if on_actor else "none",
                         bool(spec.get("agentive")), spec.get("form", "noun"), name, on_actor,
                         transparent=bool(spec.get("transparent")))
        for f in spec["forms"]:
            specs.setdefault(normalize(f), ts)
    trig = re.compile(r"\b(?:" + trie_pattern({p + f for p in PREFIXES for f in specs}) + ")(?:"
                      + trie_pattern(SUFFIXES) + r")?\b")

    def words_re(words: Iterable[str]) -> re.Pattern:
        forms = {normalize(w) for w in words}
        return re.compile(r"\b(?:" + trie_pattern({p + f for p in _AFFIXES["word_prefixes"] for f in forms}) + r")\b")

    gentilics = {}
    for code, forms in data.get("gentilics", {}).items():
        for f in forms:
            gentilics[normalize(f)] = code
    return StanceLexicon(
        specs=specs, regex=trig, neg_regex=words_re(data["negators"]),
        break_regex=words_re(data["clause_breaks"]), negation_window=int(data.get("negation_window", 5)),
        irrealis_regex=words_re(data.get("irrealis", [])),
        undergo=frozenset(normalize(w) for w in data.get("undergo", [])),
        cue_polarity={k: (1 if v == SUPPORT else -1) for k, v in data.get("cue_polarity", {}).items()},
        gentilics=gentilics,
    )


def trigger_splitter(specs: dict[str, TriggerSpec]):
    """(prefix, trigger form, suffix) of a matched word, the longest form first."""
    def split(w: str):
        for pre in PREFIXES:
            if not w.startswith(pre):
                continue
            rest = w[len(pre):]
            if rest in specs:
                return pre, rest, ""
            for suf in SUFFIXES:
                if rest.endswith(suf) and rest[:-len(suf)] in specs:
                    return pre, rest[:-len(suf)], suf
        return None
    return split
