"""The attitude lexicon (``resources/stances/attitudes.yaml``): agentive triggers, relation phrases
and evaluative words, each read into an :class:`AttForm`, and one regex that finds them all."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad import resources
from marsad.statements.lexicon import trie_pattern
from marsad.text.normalize import normalize

# Markers a relation phrase or an object may end with ("الموالية ل"، "المدعومة من قبل").
_MARKERS = ("من قبل", "من", "لل", "ل", "مع", "علي", "ضد", "الي", "ب")


@dataclass(frozen=True, slots=True)
class AttForm:
    kind: str  # verb | participle | noun | relation | eval
    polarity: int  # +1 support, -1 oppose
    objects: tuple[str, ...] = ()  # markers of the object: "direct" or prepositions
    slot: str = ""  # eval: before | after; relation: holder before | after
    needs: tuple[str, ...] = ()  # a word that must follow the object ("حمّل X المسؤولية")


@dataclass
class AttLexicon:
    forms: dict[str, AttForm]
    regex: re.Pattern
    light_verbs: frozenset[str]
    victim_preps: frozenset[str]
    negators: frozenset[str]
    irrealis: re.Pattern
    breaks: re.Pattern
    titles: frozenset[str]
    describe: frozenset[str]
    nouns: dict[str, AttForm]  # verbal nouns, read when a verb form carries ب/ل/ال ("لدعم")
    labels: dict[str, int]  # a label's polarity


def _pol(s: str) -> int:
    return 1 if s == "support" else -1


def _split_marker(form: str) -> tuple[str, str | None]:
    for m in _MARKERS:
        if form.endswith(" " + m):
            return form[: -len(m) - 1], m
    return form, None


@lru_cache(maxsize=1)
def lexicon() -> AttLexicon:
    data = resources.read_yaml("stances", "attitudes.yaml")
    forms: dict[str, AttForm] = {}
    needs = {normalize(k): tuple(normalize(w) for w in v) for k, v in data.get("verb_needs", {}).items()}

    def add(kind: str, spec: dict, objects: tuple[str, ...] = (), slot: str = "") -> None:
        for f in spec["forms"]:
            head, marker = _split_marker(normalize(f))
            obj = (marker,) if marker else objects
            forms.setdefault(head, AttForm(kind, _pol(spec["polarity"]), obj, slot, needs.get(head, ())))

    def objs(spec: dict) -> tuple[str, ...]:
        o = spec.get("object", "direct")
        return tuple(normalize(x) for x in (o if isinstance(o, list) else [o]))

    for spec in data["verbs"]:
        add("verb", spec, objs(spec))
    for spec in data["participles"]:
        add("participle", spec, objs(spec))
    nouns = {normalize(f): AttForm("noun", _pol(spec["polarity"]), objs(spec)) for spec in data["nouns"]
             for f in spec["forms"]}
    for spec in data["nouns"]:
        add("noun", spec, objs(spec))
    for spec in data["relations"]:
        add("relation", spec, slot=spec["holder"])
    for spec in data["evaluations"]:
        add("eval", spec, slot=spec["slot"])
    for f in data["describe"]:
        forms.setdefault(normalize(f), AttForm("describe", 0, ("direct",)))
    for head in [f for f in forms if f.startswith("ال")]:
        forms.setdefault("لل" + head[2:], forms[head])  # "للعصابات الحوثية"، "للحرب التي يشنها"
    pre = "(?P<pre>وب|ول|فب|فل|وال|بال|لل|ال|و|ف|ب|ل|)"  # proclitics, longest first
    regex = re.compile(r"(?<!\w)" + pre + "(?P<t>" + trie_pattern(set(forms)) + r")(?!\w)")

    def words_re(ws) -> re.Pattern:
        return re.compile(r"(?<!\w)(?:[وف])?(?:" + trie_pattern({normalize(w) for w in ws}) + r")(?!\w)")

    return AttLexicon(
        forms=forms, regex=regex,
        light_verbs=frozenset(normalize(w) for w in data["light_verbs"]),
        victim_preps=frozenset(normalize(w) for w in data["victim_preps"]),
        negators=frozenset(normalize(w) for w in data["negators"]),
        irrealis=words_re(data["irrealis"]), breaks=words_re(data["clause_breaks"]),
        titles=frozenset(normalize(w) for w in data["titles"]),
        describe=frozenset(normalize(w) for w in data["describe"]), nouns=nouns,
        labels={normalize(w): _pol(p) for p, ws in data["labels"].items() for w in ws},
    )
