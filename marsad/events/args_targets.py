"""Type-specific sources and targets, when word order names none.

ASSAULT: a claim of responsibility names the agent, the victims counted (مقتل عشرة أشخاص) or
the unit passing (لدى مرور دورية) the target, a launch's places its sides (من جنوب لبنان، باتجاه
اسرائيل). PROTEST: whom the protesters address or name in their grievance or slogans.
"""
from __future__ import annotations

from marsad import resources
from marsad.doc import MentionKind
from marsad.events.args_slots import Slot
from marsad.events.args_words import (
    MIN,
    NUMBER_WORDS,
    PLACE_KINDS,
    PREPS,
    SKIP_AFTER_VERB,
    SOURCE_PREPS,
    TARGET_PREPS,
    TOWN_KINDS,
    bare_forms,
    bare_word,
    gap_ok,
    skip_quantity,
)
from marsad.events.triggers import Candidate
from marsad.text.normalize import word_set

_WORDS = resources.read_yaml("events", "args_targets.yaml")  # read once, at import
ATTRIBUTED_TO = frozenset(_WORDS["attributed_to"].split())
TOWARDS = frozenset(_WORDS["towards"].split())
TOWARD_NOUN, TOWARD_NOUN_PREP, ORIGIN_PREP = _WORDS["toward_noun"], _WORDS["toward_noun_prep"], _WORDS["origin_prep"]
AGAINST_PREPS = frozenset(_WORDS["against_preps"].split())
AGAINST = _WORDS["against"]
MISSION_PREFIXES = tuple(_WORDS["mission_prefixes"].split())
MISSION_NISBA_PREFIXES = tuple(_WORDS["mission_nisba_prefixes"].split())
OBJECT_PHRASE_BREAKS = frozenset(_WORDS["object_phrase_breaks"].split())
CASUALTY = word_set(_WORDS["casualty"])

AMONG = word_set(_WORDS["among"])
# Passive casualty verbs after their victims: "جنديين عراقيين قتلا بانفجار عبوة ناسفة".
CASUALTY_VERBS = word_set(_WORDS["casualty_verbs"])

# Claims of responsibility and attributions: "تبنت حركة طالبان مسؤوليتها عن الهجوم", "وقد تبناه
# تنظيم القاعدة", "أعلنت حركة طالبان مسؤوليتها", "هجوم انتحاري نسب الى المتمردين التاميل".
CLAIM_VERBS = word_set(_WORDS["claim_verbs"])
CLAIM_OBJECT_VERBS = word_set(_WORDS["claim_object_verbs"])
RESPONSIBILITY = word_set(_WORDS["responsibility"])
ATTRIBUTED = word_set(_WORDS["attributed"])


# the words the loop below acts on (any other word leaves it unchanged): a set test finds them
_CLAIM_WORDS = bare_forms(CLAIM_VERBS | CLAIM_OBJECT_VERBS | ATTRIBUTED)


def claim_source(norms: list[str], slots: list[Slot], exclude=None) -> Slot | None:
    """The group a sentence says claimed or was blamed for an attack."""
    claim_words = _CLAIM_WORDS
    if claim_words.isdisjoint(norms):
        return None  # (most sentences)
    for k in [k for k, w in enumerate(norms) if w in claim_words]:
        w = norms[k]
        b = bare_word(w)
        if b in CLAIM_VERBS and any(bare_word(x) in RESPONSIBILITY for x in norms[k + 1:k + 7]):
            r = next((x for x in range(k + 1, min(len(norms), k + 7)) if bare_word(norms[x]) in RESPONSIBILITY), None)
            after = next((s for s in slots if s is not exclude and k < s.i < r and s.prep is None), None)
            if after is not None:
                return after
            before = [s for s in slots if s is not exclude and s.j == k and s.prep is None]
            if before:
                return before[-1]
        if b in CLAIM_OBJECT_VERBS or (b in ATTRIBUTED and k + 1 < len(norms) and norms[k + 1] in ATTRIBUTED_TO):
            first = k + 1 if b in CLAIM_OBJECT_VERBS else k + 2
            hit = next((s for s in slots if s is not exclude and s.i == first), None)
            if hit is not None:
                return hit
    return None


# Launches of missiles and shells: the place they came from stands for the side that fired them,
# the place they were fired at for the side they hit.
LAUNCH_LEXEMES = frozenset({"itlaq_nar", "sawarikh", "qasf", "qadhaif"})
COMPASS = word_set(_WORDS["compass"])


def launch_places(norms, slots, j, words, text) -> tuple[Slot | None, Slot | None]:
    """(origin, aim) of a launch: "من [جنوب] لبنان", "في اتجاه / باتجاه / نحو [شمال] اسرائيل"."""
    origin = aim = None
    for s in slots:
        if s.i < j or s.i > j + 10 or s.mention not in PLACE_KINDS or not s.country:
            continue
        if any(ch in text[words[j - 1].end:words[s.i].start] for ch in ".;:!?؟،,"):
            break
        k = s.i - 1
        if k >= j and norms[k] in COMPASS:
            k -= 1
        if k < j:
            continue
        w = norms[k]
        if w == ORIGIN_PREP and origin is None:
            origin = s
        elif aim is None and (w in TOWARDS or w == TOWARD_NOUN and k > 0 and norms[k - 1] == TOWARD_NOUN_PREP):
            aim = s
    return origin, aim


PASSING = word_set(_WORDS["passing"])


def passing_target(norms: list[str], slots: list[Slot], exclude=None) -> Slot | None:
    """"انفجرت لدى مرور دورية للشرطة": a bomb that went off as a unit passed hit that unit."""
    if PASSING.isdisjoint(norms):
        return None
    for k, w in enumerate(norms):
        if w in PASSING:
            return next((s for s in slots if s is not exclude and s.i == k + 1), None)
    return None


# Casualty nouns and verbs, as written in a sentence (without their clitics).
CASUALTY_WORDS = CASUALTY | CASUALTY_VERBS
# the words casualty_target's loops act on (و / ب + a casualty noun, و + a casualty verb)
_CASUALTY_WORDS = frozenset(CASUALTY | {c + x for c in "وب" for x in CASUALTY}
                            | CASUALTY_VERBS | {"و" + x for x in CASUALTY_VERBS})


def casualty_target(norms: list[str], slots: list[Slot], exclude=None) -> Slot | None:
    """The victims an ASSAULT sentence counts ("… أدى إلى مقتل عشرة أشخاص", "ثلاثة من رجال
    الشرطة", "جنديين عراقيين قتلا …")."""
    if _CASUALTY_WORDS.isdisjoint(norms):
        return None  # neither loop below acts on any word of the sentence
    for k, w in enumerate(norms):
        if w in CASUALTY or (w[:1] in "وب" and w[1:] in CASUALTY):
            kq, _ = skip_quantity(norms, k + 1)
            if kq < len(norms) and norms[kq] in AMONG:
                kq, _ = skip_quantity(norms, kq + 1)  # "إصابة عشرة بينهم ثلاثة من رجال الشرطة"
            if kq < len(norms) and norms[kq] == "من":
                kq += 1  # "مقتل ثلاثة من رجال الشرطة"
            for s in slots:
                if s is not exclude and s.i in (k + 1, kq, kq + 1) and s.prep in (None, "من"):
                    return s
    for k, w in enumerate(norms):
        if k and (w in CASUALTY_VERBS or (w[:1] == "و" and w[1:] in CASUALTY_VERBS)):
            if norms[k - 1] == "قد" and _counts_after(norms, k + 1):
                continue  # "قوات … قد قتلت أول من أمس أربعة من المتهمين": the count is its object
            for s in slots:
                if s is not exclude and s.j in (k, k - 1) and s.prep in (None, "من") and not s.adjectival:
                    return s
    return None


def _counts_after(norms: list[str], k: int) -> bool:
    """A number stands after word k, past time words: what a verb before it did to that many."""
    while k < len(norms) and norms[k] in SKIP_AFTER_VERB:
        k += 1
    return k < len(norms) and (norms[k].isdigit() or norms[k] in NUMBER_WORDS)


# Prepositions of place: a slot after them is where an attack happened, not whom it hit.
PLACE_PREPS = word_set(_WORDS["place_preps"])
# Mentions of a state, its capital or a town: a bare place name.
STATE_PLACES = frozenset({MentionKind.COUNTRY, MentionKind.CAPITAL, MentionKind.CITY})


def nearest_recipient(slots: list[Slot], j: int, exclude=None, norms: list[str] | None = None) -> Slot | None:
    """An attack's recipient when no rule named one: the first participant after the trigger
    that no preposition of place governs ("انفجرت لدى مرور دورية للشرطة"), before the source of
    the report ("… وفق المرصد السوري"، "بحسب بيان للقوات الأمريكية": who tells it)."""
    for s in slots:
        if s is exclude or s.i < j or s.i > j + 8 or s.adjectival:
            continue
        if s.prep in SOURCE_PREPS or norms is not None and not SOURCE_PREPS.isdisjoint(norms[max(j, s.i - 2):s.i]):
            break
        if s.prep in PLACE_PREPS or (s.actor is None and s.sector is None):
            continue
        if s.mention in STATE_PLACES and s.prep not in TARGET_PREPS:
            continue  # a bare place name is where it happened
        return s
    return None


# Words after which protesters name whom they address: "مطالبين الحكومة المحلية بـ…".
DEMAND_WORDS = word_set(_WORDS["demand_words"])
# The addressees of a protest: the authorities, an army, a party, a state …
PROTEST_TARGET_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "PTY", "BUS", "IGO", None})


def protest_target(norms: list[str], slots: list[Slot], j: int, exclude=None) -> Slot | None:
    """Whom a protest is against: the object of a demand (مطالبين الحكومة), a slot after ضد /
    على (احتجاجا على سياسة الحكومة), or the mission before which protesters gather (أمام السفارة
    الأردنية)."""
    for s in slots:
        if s is exclude or s.i < j or s.sector not in PROTEST_TARGET_SECTORS or s.actor is None and s.sector is None:
            continue
        if s.prep in AGAINST_PREPS or (s.i > 0 and bare_word(norms[s.i - 1]) in DEMAND_WORDS):
            return s
        if s.i > 1 and norms[s.i - 2] in AGAINST_PREPS and norms[s.i - 1].startswith(MISSION_PREFIXES):
            return s
        if s.adjectival and s.i > 1 and norms[s.i - 1].startswith(MISSION_NISBA_PREFIXES):
            return s
    return None


# What a protest is against, named after the words that state the grievance: "احتجاجا على زيارة
# بوش", "للاحتجاج على قرار الحكومة", "ضد وجود القوات الإثيوبية", "غضب متزايد من قرار بريطانيا",
# "أحرق متظاهرون أعلام اسرائيل", "مرددين هتافات منها «يسقط بوش»".
GRIEVANCE = word_set(_WORDS["grievance"])
GRIEVANCE_PREPS = word_set(_WORDS["grievance_preps"])
# Adjectives of degree between a word of grievance and its preposition: "غضب متزايد من".
GRIEVANCE_DEGREE = word_set(_WORDS["grievance_degree"])
SLOGAN_HEADS = word_set(_WORDS["slogan_heads"])


# the words protest_object acts on: bare form ضد, a word of grievance or a slogan head
_GRIEVANCE_WORDS = bare_forms(GRIEVANCE | SLOGAN_HEADS | {AGAINST})


def protest_object(norms, slots, words, text, exclude=None) -> Slot | None:
    """The first actor named within a few plain nouns after a word of grievance or a slogan."""
    n = len(norms)
    if _GRIEVANCE_WORDS.isdisjoint(norms):
        return None  # no word the loop below acts on
    for k, w in enumerate(norms):
        b = bare_word(w)
        if b == AGAINST:
            start = k + 1
        elif b in GRIEVANCE and k + 1 < n and (norms[k + 1] in GRIEVANCE_PREPS or norms[k + 1][:1] == "ب"):
            start = k + 1 if norms[k + 1][:1] == "ب" and norms[k + 1] not in GRIEVANCE_PREPS else k + 2
        elif b in GRIEVANCE and k + 2 < n and norms[k + 1] in GRIEVANCE_DEGREE and norms[k + 2] in GRIEVANCE_PREPS:
            start = k + 3  # "وسط غضب متزايد من قرار بريطانيا"
        elif b in SLOGAN_HEADS:
            start = k + 1
        else:
            continue
        for m in range(start, min(n, start + 4)):
            if m > start and any(ch in text[words[m - 1].end:words[m].start] for ch in ".;:!?؟،,"):
                break
            hit = next((s for s in slots if s.i == m and s is not exclude and not s.adjectival), None)
            if hit is not None:
                if hit.sector in ("CVL", "OPP", "LAB", "EDU") and hit.actor is None:
                    break
                return hit
            if norms[m] in PREPS and m > start or norms[m] in OBJECT_PHRASE_BREAKS:
                break
    return None


# How far after a speech act its بـ-topic may stand (a long subject between: "ونددت 128 دولة من
# أصل 193 في الجمعية العامة للأمم المتحدة بالقرار الأمريكي").
TOPIC_REACH = 12


def topic_nisba(cand: Candidate, norms: list[str], slots, source=None):
    """"ندد الاتحاد الأوروبي بالقصف الروسي للمدنيين": the nisba adjective of the act a speech act
    condemns through بـ is the party it condemns (Russia, not the civilians of the act)."""
    lo = cand.j if source is None or source.j <= cand.i else max(cand.j, source.j)
    for k in range(lo, min(len(norms), cand.j + TOPIC_REACH)):
        w = norms[k]
        if w[:1] == "ب" and len(w) > 3:
            return next((s for s in slots if s.i == k + 1 and s.adjectival and s.country), None)
    return None


FAR_TARGET_PREPS = frozenset(_WORDS["far_target_preps"].split())
# How far (words) after the trigger ضد / بحق may still name its recipient, in the same clause.
FAR_TARGET_REACH = 18


def far_target(slots: list[Slot], j: int, words, text: str, exclude=None) -> Slot | None:
    """The recipient of an act after ضد / بحق, past the places the clause names first."""
    for s in slots:
        if s is exclude or s.i < j or s.i > j + FAR_TARGET_REACH or s.adjectival:
            continue
        if any(ch in text[words[j - 1].end:words[s.i].start] for ch in ".;:!?؟،,"):
            return None  # (a comma may open another clause: "…، وتعهدها بتصعيد هجماتها ضد …")
        if s.prep in FAR_TARGET_PREPS:
            return s
    return None


# The frame of a predicate whose patient is only the party after من (ground taken from it).
FROM_ONLY = (MIN,)


def framed_object(cand, words, slots, after_from, text) -> Slot | None:
    """The patient of a predicate with no direct object and none after على, marked only by its
    own preposition ("استعادت القوات قريتين من ميليشيات الحوثي"): the party, not the ground
    taken (a town after من is the ground: "70 في المئة من المنطقة")."""
    frame = cand.lexeme.patient
    for s in slots:
        if s.i < max(cand.j, after_from) or s.i > after_from + 10:
            continue
        if not gap_ok(words, cand.j - 1, s.i, text):
            break
        if s.prep in frame and s.mention not in TOWN_KINDS:
            return s
    return None
