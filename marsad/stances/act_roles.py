"""The parts of an act: its object after the head, its holder (subject) and its target."""
from __future__ import annotations

import bisect

from marsad.doc import Doc
from marsad.stances.act_lexicon import (
    FILLERS,
    GRAMMAR,
    MEET,
    ON,
    PLACE,
    PLACE_ACTS,
    TITLES,
    WITH,
    Act,
    ActLexicon,
    Words,
    covering,
    mention_at,
)

_SKIP = frozenset(GRAMMAR["object_skip"])
_CLITICS = GRAMMAR["object_clitic_letters"]
_BRIDGE = frozenset(GRAMMAR["subject_bridge"])
_AGENT_PREPS = GRAMMAR["agent_prepositions"]
_PRONOUNS = tuple(GRAMMAR["pronoun_suffixes"])
_MEETING = GRAMMAR["meeting_noun"]
_MET_CLITIC = GRAMMAR["meeting_clitic"]
_IMPOSED = frozenset(GRAMMAR["imposed"])
_CAPITAL = frozenset(GRAMMAR["capital"])
_CAPITAL_CLITIC = GRAMMAR["capital_clitic"]
_NUCLEAR = GRAMMAR["nuclear"]
_LEADERS_OF = frozenset(GRAMMAR["leaders_of"])


def find_object(lex: ActLexicon, words: Words, cls: str, pos: int, hi: int, ms, m_starts):
    """The act (head class x object class) and the end of its object, within a few words."""
    i = words.index(pos)
    skipped = 0
    while i < len(words.spans) and words.spans[i][0] < hi and skipped <= 6:
        s, e = words.spans[i]
        w = words.text[s:e]
        if cls in PLACE_ACTS and w in PLACE_ACTS[cls] and i + 1 < len(words.spans):
            # "ستنسحب من سوريا"، "البقاء في سوريا": leaving or staying in a country
            ns, ne = words.spans[i + 1]
            m = mention_at(ms, m_starts, ns, ne)
            if m is not None and m.start < ne:
                return PLACE_ACTS[cls][w], e, i
        if w in _SKIP or w in FILLERS:  # "انسحب من الاتفاق"، "وافق على لقاء"
            i += 1
            continue
        obj = lex.objects.get(w) or lex.objects.get(w[1:] if w[:1] in _CLITICS else w)
        if obj is not None:
            act = lex.acts.get((cls, obj))
            return (act, e, i) if act else (None, 0, 0)
        if cls == "meet":
            return MEET, pos, i
        k = bisect.bisect_right(m_starts, s) - 1
        if k >= 0 and ms[k].start <= s < ms[k].end or w in TITLES:
            i += 1  # the subject between a verb and its object ("فرض الرئيس ترامب عقوبات")
            skipped += 1
            continue
        return None, 0, 0
    return (MEET, pos, i) if cls == "meet" else (None, 0, 0)


def held_before(lex: ActLexicon, words: Words, hs: int, lo: int):
    """(index, end) of a talks noun a few words before "ستعقد" and at the head of its clause."""
    i = words.index(hs)
    for j in range(i - 1, max(-1, i - 9), -1):
        s, e = words.spans[j]
        if s < lo:
            break
        if lex.objects.get(words.word(j)) == "talks":
            return j, e
    return None


def holder_of(text, words: Words, ms, m_starts, hm, verb: bool, lo: int, obj_start: int, stmts):
    """The act's subject: an actor id and the end of its mention (0 when none is in the text)."""
    hs, he = hm.start(), hm.end("h")
    i = words.index(he)
    # after the head: its subject (VSO) or a noun's genitive agent, titles allowed before it
    for j in range(i, min(i + 4, len(words.spans))):
        s, _ = words.spans[j]
        if s >= obj_start > he:
            break
        m = mention_at(ms, m_starts, s)
        if m is not None:
            if not m.prepositional:
                return m.actor, (-m.end if j > i else m.end)  # negative: a title came first
            break
        if words.word(j) not in TITLES:
            break
    # before the head: an SVO subject ("إيران ترفض …"، "قرار ترامب الانسحاب") — not before a
    # noun under a preposition ("إقناع باريس بالانسحاب": Paris is the one to be persuaded)
    k = words.index(hs) - 1
    steps = 0 if verb or not any(c in hm.group("pre") for c in _AGENT_PREPS) else 3
    while k >= 0 and words.spans[k][0] >= lo and steps < 3:
        s, e = words.spans[k]
        if "," in text[e:hs]:
            break
        m = mention_at(ms, m_starts, s)
        if m is not None:
            if not m.prepositional:
                return m.actor, 0
            break
        if words.word(k) not in _BRIDGE:
            break
        k -= 1
        steps += 1
    return _speaker_or_antecedent(text, words, ms, m_starts, hm, verb, lo, stmts)


def _speaker_or_antecedent(text, words: Words, ms, m_starts, hm, verb: bool, lo: int, stmts):
    """An attached pronoun or an elided subject inside reported speech: the speaker."""
    hs = hm.start()
    st = covering(stmts, hs)
    if not verb and hm.group("h").endswith(_PRONOUNS) and st is None:
        # "أعلنت واشنطن هذا العام انسحابها": the pronoun names the clause's subject
        k = words.index(hs) - 1
        while k >= 0 and words.spans[k][0] >= lo and hs - words.spans[k][0] < 60:
            s, e = words.spans[k]
            if "," in text[e:hs]:
                break
            m = mention_at(ms, m_starts, s)
            if m is not None and not m.prepositional:
                return m.actor, 0
            k -= 1
    if st is not None and (verb or hm.group("h").endswith(_PRONOUNS)):
        return st[2], 0
    return None, 0


def target_of(doc: Doc, text, words: Words, ms, m_starts, act: Act, obj_end: int, hi: int, holder: str,
              subj_end: int, head_start: int):
    """(actor, start, end) the act is toward."""
    from_ = max(obj_end, subj_end)
    i = words.index(from_)
    reach = 7
    for j in range(i, min(i + reach, len(words.spans))):
        s, e = words.spans[j]
        if s >= hi:
            break
        m = mention_at(ms, m_starts, s, e)
        if m is None:
            continue
        prev = words.word(j - 1) if j > 0 else ""
        attached = text[m.start - 1] if m.start > 0 and text[m.start - 1].isalpha() else ""
        if act.target == "with":
            if act is MEET and j > i + 2:
                break  # a meeting's other party is right after it ("التقى بشخصين لهما علاقة مع الروس")
            # "التقى … بالرئيس" names the other party; "عقد قمة … بهلسنكي" names a place
            # "لقاء زعيم كوريا" (a meeting of someone) too
            genitive = j == i and not m.prepositional and (act is MEET or prev.endswith(_MEETING))
            a_ = doc.actors.get(m.actor)
            if act is MEET and prev not in WITH and a_ is not None and a_.kind in ("GPE", "LOC") and j > i:
                continue  # "التقت بخاطفها … في شارع بألمانيا": a place, not the one met
            if prev in WITH or (attached == _MET_CLITIC and act is MEET) or genitive:
                if m.actor != holder:
                    return m.actor, m.start, m.end
                continue
            if j <= i + 1 and prev in _LEADERS_OF and (state := _state_of_people(doc, m.actor)) not in (None, holder):
                return state, words.spans[j - 1][0], m.end
        elif act.target == "on":
            if prev in ON or prev in _IMPOSED:
                return m.actor, m.start, m.end
        elif act.target == "place":
            a = doc.actors.get(m.actor)
            if prev in PLACE and a is not None and (a.kind in ("GPE", "LOC") or a.type == "GOV"):
                return m.actor, m.start, m.end
        elif act.target == "deal":
            if prev in WITH:
                return m.actor, m.start, m.end
        elif act.target == "capital":
            if prev in _CAPITAL or attached == _CAPITAL_CLITIC:
                return m.actor, m.start, m.end
        if text[words.spans[j - 1][1]:s].strip() == "," if j > i else False:
            break
    if act.target == "deal":
        return _iran_deal(doc, text, obj_end)
    return None


def _state_of_people(doc: Doc, aid: str) -> str | None:
    """The state actor of a people named by its nisba ("الإيرانيين" → Iran), where the document names it."""
    a = doc.actors.get(aid)
    if a is None or a.type != "CVL" or not a.country:
        return None
    return next((x.id for x in doc.actors.values() if x.code == f"{a.country}.GOV"), None)


def _iran_deal(doc: Doc, text: str, obj_end: int):
    """"الاتفاق النووي" (with Iran, in the 2015-2018 news), or "الاتفاق النووي الإيراني"."""
    nxt = text[obj_end:obj_end + 24]
    if nxt.lstrip().startswith(_NUCLEAR):
        for a in doc.actors.values():
            if a.country == "IRN" and a.type == "GOV" and a.kind in ("GPE", "LOC"):
                return a.id, obj_end, obj_end
    return None


def state_in_country(doc: Doc, holder: str, target: str, st) -> bool:
    """A state or its forces leaving or staying in a country; a person only as the speaker
    ("قال ترامب إن بلاده ستنسحب من سوريا"), else it is a visit ("يبقى الوزير في السويد")."""
    h, t = doc.actors.get(holder), doc.actors.get(target)
    if not (h and t and h.type in ("GOV", "MIL") and t.type == "GOV" and t.kind in ("GPE", "LOC")):
        return False
    return h.kind != "PER" or (st is not None and st[2] == holder)


def own_state(doc: Doc, speaker: str, subject: str) -> bool:
    """Is the subject the speaker's own state, government or forces?"""
    x, y = doc.actors.get(speaker), doc.actors.get(subject)
    return bool(x and y and x.country and x.country == y.country and x.type in ("GOV", "MIL")
                and y.type in ("GOV", "MIL"))


def same_actor(doc: Doc, a: str, b: str) -> bool:
    x, y = doc.actors.get(a), doc.actors.get(b)
    if x is None or y is None:
        return False
    if x.code and x.code == y.code:
        return True
    return bool(x.country) and x.country == y.country and x.type in ("GOV", "MIL") and y.type in ("GOV", "MIL")
