"""Reaction stances: an act drew a party's criticism or welcome, told with nouns.

"المبادرة الأمريكية … تثير غضب الفلسطينيين"، "الاعتقالات أثارت انتقادات المنظمات"، "لقيت الخطوة
ترحيبا من الأمم المتحدة": the party after the reaction noun (its genitive, or after من / لدى) holds
a stance of the noun's polarity (``resources/stances/reactions.yaml``) toward the act's agent: the
sentence's first party outside a preposition before the verb (the act's author: "إعلان ترامب …
أثار"، a country adjective: "القرار الأمريكي"), or the agent of the act the subject names when it
was reported just before ("الاعتقالات"). A negated, conditional or questioned verb, a reaction
with no party named, or a party reacting to itself or its own state make none.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad import resources
from marsad.doc import Doc, Provenance, Stance
from marsad.stances.agents import judged_pair
from marsad.stances.attitude_lexicon import lexicon as att_lexicon
from marsad.stances.attitude_phrases import WORD_RE, covering, mention_at
from marsad.stances.clitics import ARTICLE, BI, BIL
from marsad.stances.lexicon import OPPOSE, STAGE, SUPPORT
from marsad.stances.view import StanceView, asserted_matches, current_view, norm_set
from marsad.statements.context import date_of, to_original
from marsad.statements.lexicon import trie_pattern
from marsad.text.normalize import normalize

ISSUE = "approval"
RULE = "reaction"


@lru_cache(maxsize=1)
def _data() -> dict:
    d = resources.read_yaml("stances", "reactions.yaml")
    pol = {normalize(w): -1 for w in d["oppose"]}
    pol.update({normalize(w): 1 for w in d["support"]})
    verbs = re.compile(r"(?<!\w)[وف]?(?:" + trie_pattern(norm_set(d["verbs"])) + r")(?!\w)")
    markers = sorted((normalize(w) for w in d["party_markers"]), key=len, reverse=True)
    return {"verbs": verbs, "pol": pol, "quant": norm_set(d["quantifiers"]), "markers": markers,
            "reach": d["qualifier_reach"], "agent_reach": d["agent_reach"], "relatives": norm_set(d["relatives"]),
            "subject_reach": d["subject_reach"]}


def extract(doc: Doc, v: StanceView | None = None) -> list[Stance]:
    if not doc.mentions:
        return []
    v = current_view(doc, v)
    d = _data()
    out: list[Stance] = []
    for m, a, b in asserted_matches(doc, v, d["verbs"]):
        for holder, target, end, pol in _reactions(v, d, m, a, b):
            if not judged_pair(v, holder, target):
                continue
            os_, oe = to_original(v.nt, m.start(), end)
            out.append(Stance(os_, oe, holder, target, SUPPORT if pol > 0 else OPPOSE, Provenance(STAGE, RULE),
                              ISSUE, None, False, date_of(doc, os_, oe)))
    return out


def _reactions(v: StanceView, d: dict, m: re.Match, a: int, b: int):
    """The reaction after the verb, and a coordinated one ("أثار غبطة الإسرائيليين وغضب الفلسطينيين")."""
    found = _reaction(v, d, m, a, b)
    if found is None:
        return
    yield found
    nxt = WORD_RE.search(v.text, found[2], b)
    if nxt is not None and nxt.group().startswith("و") and _bare(nxt.group()[1:]) in d["pol"]:
        holder = _party(v, d, list(WORD_RE.finditer(v.text, nxt.end(), b))[:8], b)
        if holder is not None:
            yield holder[0], found[1], holder[1], d["pol"][_bare(nxt.group()[1:])]


def _reaction(v: StanceView, d: dict, m: re.Match, a: int, b: int):
    """(holder, target, evidence end, polarity) of one verb of drawing a reaction, or None."""
    lex = att_lexicon()
    prev = WORD_RE.findall(v.text, max(a, m.start() - 20), m.start())
    if prev and (prev[-1] in lex.negators or prev[-1] in d["relatives"]) \
            or lex.irrealis.search(v.text, max(a, m.start() - 60), m.start()):
        return None  # (after "ما" or "الذي" the act is a clause told before, its agent unsure)
    words = list(WORD_RE.finditer(v.text, m.end(), b))[:8]
    k, subject = _subject_after(v, d, words)
    while k < len(words) and words[k].group() in d["quant"]:
        k += 1
    if k >= len(words):
        return None
    pol = d["pol"].get(_bare(words[k].group()))
    if pol is None:
        return None
    holder = _party(v, d, words[k + 1:], b)
    if holder is None:
        return None
    target = subject if subject not in (None, holder[0]) else _agent(v, d, a, m.start(), holder)
    return (holder[0], target, holder[1], pol) if target else None


def _subject_after(v: StanceView, d: dict, words: list[re.Match]) -> tuple[int, str | None]:
    """Verb first: the party of the subject phrase between the verb and the reaction noun ("وأثار
    السفير الأميركي، غضب الفلسطينيين"، "أثار موقف الدوحة موجة استياء لدى …"), and the index of
    the word after that phrase; (0, None) when the reaction (or a quantifier) follows the verb."""
    for j, w in enumerate(words[:d["subject_reach"] + 1]):
        if w.group() in d["quant"] or _bare(w.group()) in d["pol"]:
            if not j:
                return 0, None
            # (the head of the phrase or its genitive: in "لقي قرار إقالة طيري ترحيبا" Tiri is no agent)
            x = next((x for x in v.mentions_in(words[0].start(), words[min(2, j)].start()) if not x.prepositional), None)
            return (j, x.actor) if x is not None else (0, None)
    return 0, None


def _bare(word: str) -> str:
    for pre in (BIL, ARTICLE, BI):
        if word.startswith(pre) and len(word) > len(pre) + 2:
            return word[len(pre):]
    return word


def _party(v: StanceView, d: dict, words: list[re.Match], b: int) -> tuple[str, int] | None:
    """(the reacting party, its end): the reaction's genitive, or the party after من / لدى
    (a qualifier or two may come first: "انتقادات شديدة من")."""
    for i, w in enumerate(words[:d["reach"] + 1]):
        x = covering(v, w.start()) or mention_at(v, w.start(), w.end())
        if x is not None:
            return (x.actor, x.end) if (i == 0 and not x.prepositional) else None
        rest = v.text[w.start():b]
        mk = next((mk for mk in d["markers"] if rest.startswith(mk + " ")), None)
        if mk is not None:
            nxt = list(WORD_RE.finditer(v.text, w.start() + len(mk), b))[:1]
            y = (covering(v, nxt[0].start()) or mention_at(v, nxt[0].start(), nxt[0].end())) if nxt else None
            return (y.actor, y.end) if y is not None else None
        if not w.group().startswith(ARTICLE) and i:
            return None
    return None


def _agent(v: StanceView, d: dict, a: int, pos: int, holder: tuple[str, int]) -> str | None:
    """The act's agent: the sentence's first party outside a preposition before the verb."""
    lo = max(a, pos - 8 * d["agent_reach"])
    x = next((x for x in v.mentions_in(lo, pos) if not x.prepositional and not v.governed_by_fi(x)), None)
    return x.actor if x is not None and x.actor != holder[0] else None

