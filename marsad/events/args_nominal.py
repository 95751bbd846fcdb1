"""Arguments of verbal-noun triggers beyond their genitive.

Support verbs (شنت إسرائيل حربها، قام X بقتل، تعرض X لمحاولة اغتيال) name the agent or the
victim; a relative clause (التي استهدفت X) the recipient; the topic of a nominal sentence the
agent; a yielding masdar (لرحيل التحالف) whom a request addresses.
"""
from __future__ import annotations

from marsad import resources
from marsad.events.args_slots import Slot
from marsad.events.args_words import (
    CONJ,
    QUANTIFIERS,
    RELATIVES,
    bare_forms,
    bare_word,
    gap_ok,
    is_adjective,
)
from marsad.events.lexicon import load_lexicon
from marsad.text.normalize import normalize, word_set

# Verbs of a relative clause that name the recipient: "الغارات التي استهدفت قادة الفصائل".
_WORDS = resources.read_yaml("events", "args_nominal.yaml")  # read once, at import
CLAUSE_BREAKS = frozenset(_WORDS["clause_breaks"].split())
REL_TARGET_VERBS = word_set(_WORDS["rel_target_verbs"])

# Verbal nouns of yielding whose genitive is the addressee of a request (رحيل التحالف).
YIELD_MASDARS = word_set(_WORDS["yield_masdars"])

# Support verbs whose subject suffers the event: "تعرض قائد الشرطة لمحاولة اغتيال", "نجا … من".
VICTIM_SUPPORT = word_set(_WORDS["victim_support"])
# Verbs of exposure whose subject suffers the attack named after لـ / إلى, far as it may be.
EXPOSURE_VERBS = word_set(_WORDS["exposure_verbs"])
# Nouns between لـ and the attack: "لمحاولة اغتيال", "الى هجوم".
EXPOSED_TO = word_set(_WORDS["exposed_to"])
# Verbal nouns whose genitive is the recipient, not the agent (اغتيال الوزير، زيارة بغداد).
GEN_OBJECT = frozenset({
    "ASSAULT.ightiyal", "ASSAULT.qatl", "ASSAULT.khatf", "ASSAULT.istihdaf", "ASSAULT.qasf",
    "ASSAULT.tafjir", "ASSAULT.taadhib", "ASSAULT.ightisab", "ASSAULT.damar", "ASSAULT.isqat",
    "ASSAULT.iqtiham", "ASSAULT.ghazw", "ASSAULT.dharb_beat", "ASSAULT.taan", "ASSAULT.dabh", "ASSAULT.tasfiya",
    "COERCE.itiqal", "COERCE.mudahama", "COERCE.musadara", "COERCE.tarhil", "COERCE.hajb",
    "CONSULT.zara", "CONSULT.istaqbala", "ACCUSE.intaqada", "ACCUSE.ittaham", "ACCUSE.adana",
    "ACCUSE.istankara", "ACCUSE.naddada", "REQUEST.talaba", "REQUEST.nashada", "SANCTION.tard",
    "RETREAT.infaraj", "SUPPORT.ayyada", "SUPPORT.ashada", "THREATEN.haddada",
})


# Words naming an actor's aircraft or weapons after an attack noun, and the attack nouns whose
# لـ-phrase is their agent (see args_nominal.yaml).
ATTACK_MEANS = word_set(_WORDS["attack_means"])
LAM_AGENT_ATTACKS = frozenset(_WORDS["lam_agent_attacks"].split())
LAM_PROTESTERS = frozenset(_WORDS["lam_protesters"].split())
LAM_RELATIONAL = word_set(_WORDS["lam_relational"])
SPEECH_TOPIC_OPENERS = {t: tuple(normalize(w) for w in v.split()) for t, v in _WORDS["speech_topic_openers"].items()}
LAM_NOT_TOPIC = word_set(_WORDS["lam_not_topic"])
SUPPORT_DENIED = word_set(_WORDS["support_denied"])
# The feminine plural of a verbal noun ("انتقادات"، "اتهامات"): acts its genitive performed.
PLURAL_ACTS = ("ات",)


def lam_agent(cand, lam: Slot | None) -> bool:
    """Is the لـ-phrase right after a verbal noun its agent: a deployment or withdrawal's
    ("انسحاب للقوات"), or a protest's protesters ("تظاهرة للتجار"), not its target?"""
    if lam is None or cand.lexeme.key in GEN_OBJECT:
        return False
    return cand.type in ("RETREAT", "MOBILIZE") or (cand.type == "PROTEST" and lam.sector in LAM_PROTESTERS)


def means_agent(cand, norms, slots) -> Slot | None:
    """The agent of an attack noun named after it: the owner of the aircraft or guns that
    carried it out ("غارات جوية لمقاتلات التحالف", "ضربات طائرات التحالف"), or for a raid its
    لـ-phrase ("غارات للتحالف على مدينة الحديدة"): the attacker, never the recipient."""
    if cand.type != "ASSAULT":
        return None
    k, end = cand.j, min(len(norms), cand.j + 2)
    while k < end and is_adjective(norms[k]):
        k += 1  # "غارات جوية …"
    if k >= len(norms):
        return None
    if norms[k] in ATTACK_MEANS:
        # the owner after the means, else the means with its nisba ("للطيران السوري")
        return next((s for s in slots if s.i == k + 1 and s.prep is None), None) or \
            next((s for s in slots if s.i == k and s.prep in (None, "ل")), None)
    if cand.lexeme.key in LAM_AGENT_ATTACKS:
        return next((s for s in slots if s.i == k and s.prep == "ل" and not s.adjectival), None)
    return None


def speech_gen_agent(cand, gen: Slot | None, norms) -> bool:
    """Is the genitive of a speech act's verbal noun its agent, the topic following it ("إدانة
    الجامعة العربية للهجوم", "ترحيب مصر بالقرار")? (Alone, "انتقاد البيت الأبيض" is read as
    its object.)"""
    openers = SPEECH_TOPIC_OPENERS.get(cand.type)
    if not openers or gen is None or gen.prep is not None or gen.i != cand.j:
        return False
    if cand.cls == "noun" and norms[cand.j - 1].endswith(PLURAL_ACTS):
        return True  # the plural acts of a speaker: "انتقادات المنظمات الحقوقية"، "اتهامات واشنطن"
    for k in range(gen.j, min(len(norms), gen.j + 3)):
        if norms[k].startswith(openers):
            return norms[k] not in LAM_NOT_TOPIC
        if not is_adjective(norms[k]):
            return False  # (adjectives may come between: "رفض بلاده الكامل لـ")
    return False


def gen_lam_pair(cand, gen: Slot | None, slots, norms, words, text) -> tuple[Slot, Slot] | None:
    """"مقاطعة دول عربية لقطر", "اعتقال السلطات لناشطين", "دعم تركيا لهذه الجماعات": a verbal
    noun whose genitive is followed by a لـ-phrase: the genitive is its agent, the لـ-phrase its
    patient (whatever the noun's genitive alone would be); so is a nisba in its place ("مقاطعة
    السعودية لقطر", "القصف الروسي للمدنيين")."""
    if gen is None or gen.prep is not None or gen.i != cand.j or cand.lexeme.mutual \
            or (gen.adjectival or gen.j - gen.i == 1 and is_adjective(norms[gen.i])) and gen.country is None:
        # (an adjective with no country, "دعم عسكري لـ", names no agent)
        return None
    for s in slots:
        if s.prep == "ل" and gen.j <= s.i <= gen.j + 2 and (s.actor is not None or s.sector is not None) \
                and all(is_adjective(norms[k]) and norms[k] not in LAM_RELATIONAL for k in range(gen.j, s.i)) \
                and gap_ok(words, gen.j - 1, s.i, text):
            return gen, s
    return None


def relative_target(norms, slots, j, words, text, exclude=None) -> Slot | None:
    """"الغارات … التي استهدفت قادة في الفصائل": the recipient named in a relative clause."""
    for k in range(j, min(len(norms) - 1, j + 5)):
        if norms[k] in RELATIVES and norms[k + 1] in REL_TARGET_VERBS:
            for s in slots:
                if s is not exclude and k + 2 <= s.i <= k + 6 and s.prep in (None, "في", "من", "ل") \
                        and gap_ok(words, k + 1, s.i, text):
                    return s
            return None
    return None


def topic_of(slots, words, i, text) -> Slot | None:
    """The topic of a nominal sentence ("العراق، …، من بين أشد المنتقدين"): its first word."""
    if slots and slots[0].i == 0 and slots[0].j <= i and slots[0].prep is None:
        return slots[0]
    return None


def yield_addressee(norms, slots, j, exclude=None) -> Slot | None:
    """"دعوات … لرحيل التحالف": who is asked to yield is the genitive of the yielding masdar."""
    for k in range(j, min(len(norms), j + 14)):
        w = norms[k]
        for cand in (w, w[1:], w[2:], w[3:]):
            if cand in YIELD_MASDARS:
                for s in slots:
                    if s is not exclude and s.i in (k + 1, k + 2) and s.prep in (None, "ل", "من"):
                        return s
                return None
    return None


# Support verbs that say the event happened, or that someone reported it, without naming who
# did it ("أعلن الجيش مقتل …", "شهدت المدينة هجوماً", "أسفر الهجوم عن …").
NON_AGENTIVE = word_set(_WORDS["non_agentive"])
ANNOUNCE = word_set(_WORDS["announce"])
# Verbs of deciding and ordering: their subject performs the act they order (تجدد النيابة
# العسكرية الأمر بحبسه، قررت النيابة حبس …), an agent for an announced act as أعلن is.
ORDERING = word_set(_WORDS["ordering"])
_ANNOUNCERS = ANNOUNCE | ORDERING


def announcer(cand, norms) -> int | None:
    """Index of the announcing verb (أعلن) earlier in the clause whose report holds the
    trigger, however many verbal nouns are coordinated after it; none past a reported clause
    (أن، قال) or a relative."""
    for k in range(cand.i - 1, max(-1, cand.i - 25), -1):
        w = bare_word(norms[k])
        if w in _ANNOUNCERS or norms[k] in _ANNOUNCERS:
            return k
        if w in CLAUSE_BREAKS:
            return None
    return None


def agentive_support(verb: str, etype: str) -> bool:
    """Is the support verb's subject the event's agent? (أعلن: only for policy moves)."""
    if verb in NON_AGENTIVE:
        return False
    if verb in ANNOUNCE:
        return etype not in ("ASSAULT", "PROTEST")
    return True


# Verbs whose subject performs the verbal noun they govern, however far it stands: "قام عدد من
# جنود المارينز بقتل المدنيين", "واصلت اسرائيل اعمال القتل".
AGENT_SUPPORT = word_set(_WORDS["agent_support"])


# Verbs of expressing and addressing whose subject holds the attitude or speech act they govern
# ("أعربت الحكومة عن ارتياحها", "وجهت المندوبة الأمريكية … انتقادات شديدة"): agents of
# verbal triggers only ("أعرب عن قلقه إزاء الهجمات" names no attacker).
EXPRESSING = word_set(_WORDS["expressing"])

# the words agent_support returns on: bare form or word in AGENT_SUPPORT
_SUPPORT_WORDS = bare_forms(AGENT_SUPPORT) | AGENT_SUPPORT
_VERBAL_SUPPORT = AGENT_SUPPORT | EXPRESSING
_VERBAL_WORDS = bare_forms(_VERBAL_SUPPORT) | _VERBAL_SUPPORT


def agent_support(cand, words, norms, text) -> int | None:
    """Index of a قام / واصل (or, for a speech act, أعرب / وجه) whose verbal-noun complement is
    the trigger (same clause)."""
    verbal = cand.lexeme.kind == "verbal"
    support, known = (_VERBAL_SUPPORT, _VERBAL_WORDS) if verbal else (AGENT_SUPPORT, _SUPPORT_WORDS)
    if known.isdisjoint(norms[max(0, cand.i - 12):cand.i]):
        return None  # no support verb in the window: the loop below could only return None
    for k in range(cand.i - 1, max(-1, cand.i - 13), -1):
        w = bare_word(norms[k])
        if w in CLAUSE_BREAKS:
            return None
        seg = text[words[k].end:words[k + 1].start]
        if any(ch in seg for ch in ".;:!?؟"):
            return None
        if w in support or norms[k] in support:
            return None if k > 0 and _denied(norms[k - 1]) else k
    return None


def _denied(w: str) -> bool:
    """"لم", "ولم", "عدم": a word that denies or defers the support verb after it."""
    return w in SUPPORT_DENIED or (w[:1] in CONJ and w[1:] in SUPPORT_DENIED)


def support_subject(cand, words, norms, slots, text, sv: int | None = None) -> Slot | None:
    """Subject of the support verb before a nominal trigger (شنت إسرائيل حربها)."""
    if sv is None:
        sv = cand.feats["support"]
    for s in slots:
        if sv < s.i < cand.i and (s.prep is None or (s.prep == "من" and s.i >= 2 and norms[s.i - 2] in QUANTIFIERS)):
            return s
    best = None
    for s in slots:
        if s.j <= sv and sv - s.j <= 5 and s.prep is None and gap_ok(words, s.j - 1, sv, text):
            best = s
    return best


# A verbal noun with a pronoun suffix (زيارته، لقائه، اجتماعها): its agent is the suffix, and the
# phrase after it its object ("خلال لقائه وزير الخارجية الأمريكي": he met the minister).
POSSESSED_FEMININE = tuple(_WORDS["possessed_feminine"].split())
POSSESSIVE_SUFFIXES = tuple(_WORDS["possessive_suffixes"].split())


def possessed_noun(cand, norm: str) -> bool:
    """Is the trigger word its lexeme's noun with a possessive pronoun (its stem, ء written ي
    before the suffix, a form of the same lexeme)?"""
    if norm.endswith(POSSESSED_FEMININE):
        return True
    word = norm[len(cand.proclitics):]
    for suf in POSSESSIVE_SUFFIXES:
        stem = word[:-len(suf)]
        if word.endswith(suf) and len(stem) >= 3 and any(
                f.lexeme is cand.lexeme for s in {stem, stem[:-1] + "ء"} for f in load_lexicon().single.get(s, ())):
            return True
    return False
