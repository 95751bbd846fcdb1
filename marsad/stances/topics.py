"""The topic of an attitude: what a holder praises, condemns or backs the target about.

Attitude and interaction stances carry the general issue ``approval``; a topic word named in
their phrase (``resources/stances/topics.yaml``: a summit, sanctions, a deal, strikes, a military
presence …) makes it their issue, so cross-document flips only pair stances on one topic. The
search runs over the stance's evidence and a few words after it, within its clause.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from marsad import resources
from marsad.doc import Doc, Stance
from marsad.text.normalize import normalize

GENERAL = frozenset({"approval", "accusation"})  # attitudes with no topic named
_BREAK_RE = regex.compile(r"[.،,؛;:!?؟\n()]")  # quotes often enclose the topic
_WORD_RE = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class Topics:
    regex: regex.Pattern
    topic_of_form: dict[str, str]
    reach: int
    event_issues: dict[str, str]


@lru_cache(maxsize=1)
def topics() -> Topics:
    data = resources.read_yaml("stances", "topics.yaml")
    forms: dict[str, str] = {}
    for topic, words in data["topics"].items():
        for w in words:
            n = normalize(w)
            forms.setdefault(n[2:] if n.startswith("ال") else n, topic)
    alts = "|".join(regex.escape(f) for f in sorted(forms, key=len, reverse=True))
    rx = regex.compile(rf"(?<!\p{{L}})(?:[وف]?(?:[بلك]|لل)?(?:ال)?)(?P<t>{alts})(?:ات|ه|ها|هم)?(?!\p{{L}})")
    return Topics(rx, forms, int(data.get("reach", 6)), dict(data.get("event_issues", {})))


def topic_in(text: str) -> str | None:
    """The first topic named in ``text`` (normalised)."""
    t = topics()
    m = t.regex.search(text)
    return t.topic_of_form[m.group("t")] if m else None


def _window(doc: Doc, s: Stance, reach: int) -> str:
    """The stance's evidence plus up to ``reach`` words after it, cut at the first clause break
    after the evidence; the holder's names are blanked (the title "مفوض الأمم المتحدة السامي لحقوق
    الإنسان" says who speaks, not what about)."""
    tail = doc.text[s.end:s.end + 200]
    cut = _BREAK_RE.search(tail)
    tail = tail[:cut.start()] if cut else tail
    words = list(_WORD_RE.finditer(tail))
    end = s.end + (words[reach - 1].end() if len(words) >= reach else len(tail))
    chars = list(doc.text[s.start:end])
    for m in doc.overlapping("mentions", s.start, end):
        if m.actor == s.holder:
            for k in range(max(m.start, s.start), min(m.end, end)):
                chars[k - s.start] = " "
    return normalize("".join(chars))


def refine(doc: Doc, stances: list[Stance]) -> None:
    """Give general-issue stances the topic their phrase names (in place)."""
    t = topics()
    for s in stances:
        if s.issue not in GENERAL:
            continue
        rule = s.prov.rule or ""
        if rule.startswith("interaction."):
            ev_issue = t.event_issues.get(rule.split(".", 1)[1])
            if ev_issue:
                s.issue = ev_issue
                continue
        found = topic_in(_window(doc, s, t.reach))
        if found:
            s.issue = found
