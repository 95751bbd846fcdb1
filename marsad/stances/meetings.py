"""Meeting stances: a speaker's praise of their meeting, summit, talks or relationship with an actor.

Leaders report warmth toward one another through the encounter rather than the person: "أتوقع
علاقة رائعة مع كيم", "قمته مع نظيره الروسي فلاديمير بوتن شهدت بداية جيدة جدا". In a statement's
content, a meeting noun (``resources/stances/meetings.yaml``) followed by "مع" and an actor, with a
praise word after the noun in the same clause, makes the speaker support that actor (issue
approval). Guards, for precision: a condition or question in the clause, a negated praise, a news
outlet relaying others, a relay through another source, or the speaker's own side make none.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad import resources
from marsad.doc import Doc, Provenance, Stance
from marsad.stances.agents import self_stance
from marsad.stances.attitude_lexicon import lexicon as att_lexicon
from marsad.stances.attitude_phrases import WORD_RE, clause_end, clause_start
from marsad.stances.lexicon import STAGE, SUPPORT
from marsad.stances.view import StanceView, current_view
from marsad.statements.context import date_of, to_original
from marsad.statements.lexicon import trie_pattern
from marsad.text.normalize import normalize

ISSUE = "approval"
RULE = "attitude.meeting"
_QUESTION = re.compile(r"[?؟]")
_POSSESSIVE = "(?:ه|ها|هما|هم|نا|ي|كم|كما)?"


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    data = resources.read_yaml("stances", "meetings.yaml")
    nouns = {normalize(w) for w in data["nouns"]}
    nouns |= {w[:-1] + "ت" for w in nouns if w.endswith("ه")}  # the construct state: قمته، علاقتنا
    return {
        "nouns": re.compile(r"(?<!\w)(?:و|ف|ب|ل)?(?:ال|لل)?(?:" + trie_pattern(nouns) + ")" + _POSSESSIVE + r"(?!\w)"),
        "with": frozenset(normalize(w) for w in data["with"]),
        "praise": frozenset(normalize(w) for w in data["praise"]),
        "negators": frozenset(normalize(w) for w in data["negators"]),
        "with_reach": int(data["with_reach"]), "target_reach": int(data["target_reach"]),
        "praise_reach": int(data["praise_reach"]),
    }


def extract(doc: Doc, v: StanceView | None = None) -> list[Stance]:
    if not doc.mentions or not doc.statements:
        return []
    v = current_view(doc, v)
    out: list[Stance] = []
    for i, st in enumerate(doc.statements):
        if st.speaker is None or st.via is not None or _relay(v, st.speaker):
            continue
        a, b = v.nt.from_original(st.start), v.nt.from_original(st.end)
        for s, e, target in _praised(v, st.speaker, a, b):
            os_, oe = to_original(v.nt, s, e)
            out.append(Stance(os_, oe, st.speaker, target, SUPPORT, Provenance(STAGE, RULE), ISSUE, i, False,
                              st.date or date_of(doc, os_, oe)))
    return out


def _praised(v: StanceView, speaker: str, a: int, b: int):
    """(evidence start, end, target) of each praised meeting with an actor in the content [a, b)."""
    lex, alex = _lexicon(), att_lexicon()
    for m in lex["nouns"].finditer(v.text, a, b):
        clo, chi = clause_start(v, alex, m.start(), a), clause_end(v, alex, m.end(), b)
        partner = _partner(v, lex, m.end(), chi)
        if partner is None or self_stance(v, speaker, partner.actor) or _owned_by_other(v, speaker, clo, m.start()):
            continue
        words = list(WORD_RE.finditer(v.text, m.end(), chi))[:lex["praise_reach"]]
        hit = next((k for k, w in enumerate(words) if w.group() in lex["praise"]), None)
        if hit is None or (hit and words[hit - 1].group() in lex["negators"]):
            continue
        if any(w.group() in lex["negators"] for w in words[:hit]) or alex.irrealis.search(v.text, clo, chi) \
                or _QUESTION.search(v.text, clo, min(len(v.text), chi + 1)):
            continue
        yield m.start(), max(words[hit].end(), partner.end), partner.actor
        break  # one stance per statement is enough evidence


def _owned_by_other(v: StanceView, speaker: str, lo: int, pos: int) -> bool:
    """"قال إن بومبيو أسس علاقة جيدة مع كيم": an actor named before the noun in its clause, other
    than the speaker, is the one who met or relates; the speaker only reports it."""
    return any(not x.prepositional and x.actor != speaker for x in v.mentions_in(lo, pos))


def _partner(v: StanceView, lex: dict, pos: int, hi: int):
    """The actor named after "مع" a few words past the meeting noun (a named person over the
    adjective or title that precedes the name: "مع نظيره الروسي فلاديمير بوتن")."""
    words = list(WORD_RE.finditer(v.text, pos, hi))
    at = next((w for w in words[:lex["with_reach"] + 1] if w.group() in lex["with"]), None)
    if at is None:
        return None
    after = words[words.index(at) + 1:words.index(at) + 1 + lex["target_reach"]]
    if not after:
        return None
    found = [x for x in v.starting_in(at.end(), after[-1].end()) if v.actor(x.actor) is not None]
    if not found:
        return None
    named = [x for x in found if v.actor(x.actor).kind == "PER"]
    x = (named or found)[0]
    return None if v.actor(x.actor).type == "CVL" else x


def _relay(v: StanceView, speaker: str) -> bool:
    """A news outlet quoted for what it reports relays others' words, not its own."""
    a = v.actor(speaker)
    return a is None or a.type == "MED"
