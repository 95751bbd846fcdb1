"""Passive verbs and their agents.

A verb is passive when it is vowelled so (قُتل), follows تم / جرى, or is a verb of harm whose
unvowelled perfect has a count or a cause after it and no object ("قتل 12 شخصاً"، "قتلوا جراء
ضربة"); its agent is named after من قبل / على يد or a relative verb (التي شنتها X).
"""
from __future__ import annotations

from marsad import resources
from marsad.events.args_slots import Slot
from marsad.events.args_words import QTY_SKIP, SKIP_AFTER_VERB, bare_forms, gap_ok
from marsad.text.normalize import normalize, word_set

# Relative verbs with the event as object pronoun, their subject after them: "التي شنتها X".
_WORDS = resources.read_yaml("events", "args_passive.yaml")  # read once, at import
AGENT_WORDS = word_set(_WORDS["agent_words"])
AGENT_PHRASES = tuple(tuple(normalize(w) for w in p.split())
                      for p in _WORDS["passive_agent_phrases"] + _WORDS["backing_phrases"])
AGENT_FIRST = frozenset(p[0] for p in AGENT_PHRASES)

# Lexemes whose unvowelled perfect followed by a number is usually passive ("قتل 12 شخصاً").
PASSIVE_PRONE = frozenset({"qatl", "khatf", "ightiyal", "istihdaf", "taadhib", "ightisab", "itiqal",
                           "ightiyal", "qasf", "damar", "taan", "dabh"})
# A cause after a plural verb of harm ("قتلوا جراء ضربة جوية") makes it passive.
CAUSE_WORDS = word_set(_WORDS["cause_words"])
CAUSE_NOUNS = word_set(_WORDS["cause_nouns"])


# the words agent_after acts on: bare form in AGENT_WORDS, or the first word of an agent phrase
_AGENT_STARTS = bare_forms(AGENT_WORDS) | AGENT_FIRST


def agent_after(norms, slots, j, words, text) -> Slot | None:
    """An agent named after من قبل / على يد / a relative clause verb (التي شنتها X)."""
    if _AGENT_STARTS.isdisjoint(norms[j:j + 7]):
        return None  # no word of the window can start an agent phrase (most triggers)
    for k in range(j, min(len(norms), j + 7)):
        w = norms[k]
        wb = w[1:] if w[:1] in "وف" and len(w) > 3 else w
        hit = None
        if wb in AGENT_WORDS:
            hit = k + 1
        elif w in AGENT_FIRST:
            for ph in AGENT_PHRASES:
                n = len(ph)
                seg = norms[k:k + n]
                if len(seg) == n and all(a == b or (b.endswith("ل") and a.startswith(b)) for a, b in zip(seg, ph)):
                    hit = k + n if not ph[-1] == "ل" else k + n - 1
                    break
        if hit is not None:
            for s in slots:
                if hit - 1 <= s.i <= hit + 4 and s.prep is None and gap_ok(words, j, s.i, text):
                    return s
            return None
    return None


# Agent phrases that only follow a passive verb ("خطفوا على أيدي رجال مسلحين").
PASSIVE_AGENT = tuple(tuple(normalize(w) for w in p.split()) for p in _WORDS["passive_agent_phrases"])


def passive_agent_marker(norms, j) -> bool:
    for k in range(j, min(len(norms), j + 7)):
        for ph in PASSIVE_AGENT:
            if tuple(norms[k:k + len(ph)]) == ph:
                return True
    return False


# أنّ with a pronoun for subject: "قال حلف الأطلسي انه قتل …", "أعلنت … انها قتلت …".
ANNA_PRONOUN = frozenset(_WORDS["anna_pronoun"].split())
PASSIVE_AUX = frozenset(_WORDS["passive_aux"].split())
CAUSE_PREPS = frozenset(_WORDS["cause_preps"].split())
AT_LEAST_FIRST = frozenset(_WORDS["at_least_first"].split())
AT_LEAST_SECOND = _WORDS["at_least_second"]


def is_passive(cand, words, norms, slots, text) -> bool:
    t = words[cand.i]
    raw = text[t.start:t.end]
    if "\u064f" in raw[:4]:  # damma on the first radical: قُتل، استُهدف
        return True
    if cand.i > 0 and norms[cand.i - 1] in ANNA_PRONOUN:
        return False  # "انها قتلت ثلاثة جنود": the pronoun is the subject
    if cand.cls == "perf" and cand.lexeme.id in PASSIVE_PRONE:
        n = norms[cand.j] if cand.j < len(norms) else ""
        n_b = n[1:] if n[:1] == "و" else n
        if n_b.isdigit() or n_b in QTY_SKIP:
            stem = t.norm
            if stem.endswith("وا"):
                return False  # "إن جنوده قتلوا خمسة مسلحين": a plural subject before, a count after
            return not stem.endswith("ت") or cand.lexeme.id in ("qatl",)
    prev = norms[cand.i - 1] if cand.i > 0 else ""
    if prev in PASSIVE_AUX:
        return True
    if cand.cls == "perf" and cand.lexeme.id in PASSIVE_PRONE and (cand.plural or norms[cand.i].endswith("ا")):
        # "ثمانية أشخاص قتلوا جراء ضربة جوية": killed in/by an event, not killers
        nxt = norms[cand.j:cand.j + 3]
        if any(w in CAUSE_WORDS or w[:1] == "ب" and w[1:] in CAUSE_NOUNS for w in nxt[:1]) or \
                (nxt[:1] and nxt[0] in CAUSE_PREPS and any(w in CAUSE_NOUNS or w[1:] in CAUSE_NOUNS for w in nxt[1:])):
            return True
    return False


# Words after a verb of harm that show it has no object: a clause of time or cause, a second
# passive casualty verb ("قتل وأصيب"), a preposition of place.
NO_OBJECT_NEXT = word_set(_WORDS["no_object_next"])
CASUALTY_COORD = word_set(_WORDS["casualty_coord"])


def no_object(cand, words, norms, text) -> bool:
    """Nothing after a transitive verb of harm can be its object or subject: the verb is
    passive ("قُتل في الهجوم"). Time words and "على الأقل" may stand between."""
    k = cand.j
    while k < len(norms):
        if norms[k] in SKIP_AFTER_VERB:
            k += 1
        elif norms[k] in AT_LEAST_FIRST and k + 1 < len(norms) and norms[k + 1] == AT_LEAST_SECOND:
            k += 2
        else:
            break
    if k >= len(norms):
        return True
    if not gap_ok(words, cand.j - 1, k, text) or (k > cand.j and not gap_ok(words, k - 1, k, text)):
        return True
    seg = text[words[cand.j - 1].end:words[k].start]
    if any(ch in seg for ch in ",،"):
        return True
    return norms[k] in NO_OBJECT_NEXT or norms[k] in CASUALTY_COORD


# Arrests and detentions, and the sectors that suffer them and never perform them: a group of
# these named right after the verb is its patient (اعتُقل شخصان), the verb passive or its agent
# that of the verb it is coordinated to ("وداهمت قوات الاحتلال … واعتقلت خمسة شبان").
ARREST_LEXEMES = frozenset(_WORDS["arrest_lexemes"].split())
ARRESTED_SECTORS = frozenset(_WORDS["arrested_sectors"].split())
# A verb with an object pronoun ("احتجزها رجل") has its patient already: the phrase after it is its subject.
_COORD = tuple(_WORDS["coord_letters"].split())  # و / ف before a coordinated verb
_OBJECT_SUFFIXES = tuple(resources.read_yaml("events", "args_order.yaml")["plain_object_suffixes"].split())


def arrested_subject(cand, args, norms: list[str]) -> None:
    """Move a civilian "subject" of an arrest verb to its patient (in place)."""
    src = args.source
    if cand.lexeme.id not in ARREST_LEXEMES or src is None or args.rule not in ("vso", "svo-adjacent") \
            or src.i < cand.j or src.sector not in ARRESTED_SECTORS or cand.cls != "perf" \
            or norms[cand.i].endswith(_OBJECT_SUFFIXES):
        return
    args.source, args.target, args.passive = None, src, True
    args.rule = "coordinated" if cand.proclitics[:1] in _COORD else "passive-noobj"
