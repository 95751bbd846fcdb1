"""Conduct stances: a speaker names another party's misconduct with a possessive pronoun.

"المنظمة … أثبتت مرة أخرى نفاقها وانحيازها"، "دعا الحوثيين لوقف جرائمهم"، "أن يكف النظام
الإيراني تدخلاته"، "وقف دعمها للإرهاب": a noun of misconduct (``resources/stances/conduct.yaml``) with an attached
pronoun judges the party the pronoun refers to, the nearest agreeing party named before it (in the
content or the sentence's words before it): the statement's speaker opposes it. The verdict words
of ``stances.verdicts`` name a quality with the party as its subject; these name the party as the
owner of its acts, which the verdicts' one-actor-per-clause rule cannot read.

Guards, for precision: only the speaker's own words (no claim relayed through a source, no denial,
no news outlet as speaker); no question or condition in the clause; not the speaker itself or its
own state, not civilians, not a party under a preposition; a victim word before the noun in its clause
("تعرضت لعدوانهم") makes none.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from marsad import resources
from marsad.actors.kinds import REPORTER_SECTORS
from marsad.doc import Doc, Provenance, Stance
from marsad.stances.agents import judged_pair
from marsad.stances.attitude_lexicon import lexicon as att_lexicon
from marsad.stances.attitude_phrases import clause_end, clause_start
from marsad.stances.clitics import BI, CONJ, LI, LIL
from marsad.stances.lexicon import OPPOSE, STAGE
from marsad.stances.view import StanceView, current_view
from marsad.statements.context import actor_gender, date_of, to_original
from marsad.statements.lexicon import trie_pattern
from marsad.text.normalize import normalize

ISSUE = "approval"
RULE = "conduct"
_QUESTION = re.compile(r"[?؟]")


@lru_cache(maxsize=1)
def _data() -> dict:
    d = resources.read_yaml("stances", "conduct.yaml")
    suffixes = {normalize(k): g for k, g in d["suffixes"].items()}
    suf = "|".join(sorted(suffixes, key=len, reverse=True))
    nouns = trie_pattern({normalize(w) for w in d["nouns"]})
    backing = trie_pattern({normalize(w) for w in d["backing"]})
    backed = trie_pattern({normalize(w) for w in d["backed"]})
    # a backing noun only before what it backs: "دعمها للإرهاب" (the lookahead reads its suffix and complement)
    backs = r"(?:" + backing + r")(?=(?:" + suf + r")\s+(?:" + LIL + "|" + LI + r")(?:" + backed + r")(?!\w))"
    regex = re.compile(r"(?<!\w)[" + CONJ + BI + LI + r"]?(?P<t>" + nouns + "|" + backs + r")(?P<p>" + suf + r")(?!\w)")
    victims = re.compile(r"(?<!\w)[وف]?(?:" + trie_pattern({normalize(w) for w in d["victims"]}) + r")(?!\w)")
    return {"regex": regex, "suffixes": suffixes, "reach": d["reach"], "victims": victims,
            "skip": frozenset(d["skip_families"])}


def extract(doc: Doc, v: StanceView | None = None) -> list[Stance]:
    if not doc.mentions or not doc.statements:
        return []
    v = current_view(doc, v)
    d = _data()
    out: list[Stance] = []
    seen: set[tuple] = set()
    sent_starts = [x.start for x in doc.sentences]
    for i, st in enumerate(doc.statements):
        if st.speaker is None or st.via is not None or st.family in d["skip"] or _reporter(v, st.speaker):
            continue
        a, b = v.nt.from_original(st.start), v.nt.from_original(st.end)
        k = bisect.bisect_right(sent_starts, st.start) - 1
        lo = min(a, v.nt.from_original(doc.sentences[k].start)) if k >= 0 else a
        for s, e, target in _conduct(v, d, st.speaker, a, b, lo):
            if (target, s) in seen:
                continue
            seen.add((target, s))
            os_, oe = to_original(v.nt, s, e)
            out.append(Stance(os_, oe, st.speaker, target, OPPOSE, Provenance(STAGE, RULE),
                              ISSUE, i, False, st.date or date_of(doc, os_, oe)))
    return out


def _conduct(v: StanceView, d: dict, speaker: str, a: int, b: int, lo: int):
    """(evidence start, end, target) of each conduct noun in the content [a, b); the party may be
    named from ``lo`` on (the sentence's start, before the content)."""
    alex = att_lexicon()
    for m in d["regex"].finditer(v.text, a, b):
        clo, chi = clause_start(v, alex, m.start(), a), clause_end(v, alex, m.end(), b)
        if alex.irrealis.search(v.text, clo, m.start()) or _QUESTION.search(v.text, clo, min(len(v.text), chi + 1)) \
                or d["victims"].search(v.text, clo, m.start()):
            continue
        x = _antecedent(v, speaker, d["suffixes"][m.group("p")], lo, m.start(), d["reach"])
        if x is not None and judged_pair(v, speaker, x.actor):
            start = x.start if v.nwords(x.end, m.start()) <= 6 else m.start()
            yield start, m.end(), x.actor


def _antecedent(v: StanceView, speaker: str, gender: str, lo: int, pos: int, reach: int):
    """The nearest mention before ``pos`` (from ``lo``, within ``reach`` words) of a party other
    than the speaker, not under a preposition, agreeing with the pronoun (when its gender is known)."""
    for x in reversed(v.mentions_in(lo, pos)):
        if v.nwords(x.end, pos) > reach:
            return None
        if x.actor == speaker or x.prepositional:  # ("أن تهرب من سوريا لتكشف … نفاقها": not the owner)
            continue
        g = actor_gender(v.mv, x.actor)
        if g is None or g == gender or (gender == "f" and g == "p"):
            return x
        return None  # the nearest party disagrees: the pronoun is someone else's
    return None


def _reporter(v: StanceView, speaker: str) -> bool:
    """A news outlet or journalist relays judgements; it does not hold them."""
    a = v.actor(speaker)
    return a is None or a.type in REPORTER_SECTORS
