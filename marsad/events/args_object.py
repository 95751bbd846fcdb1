"""The owner of a verbal act's object phrase: whom a rejection, a condemnation, a welcome or a
demand is aimed at when its object is a thing that actor made or did.

"ورفضت حركة حماس الخطة الأمريكية للسلام" (the nisba of the object: the United States),
"تستنكر وتدين بشدة بيان وزارة الداخلية" (the genitive of a product noun), "رفضت تركيا عرضا من
فرنسا" (من after the object), "انتقد البيت الأبيض الجمعة «الأفعال المتهورة» لإيران" (لـ after
adjectives), "نفت السلطات … صحة تقارير نشرتها صحيفة X" and "ما تداولته وسائل الإعلام" (the agent
of a relative clause on the object). The walk starts after the verb and its subject, passes time
words, adverbs, commas and quotation marks before the object, and stops at the first preposition
or clause break inside it.
"""
from __future__ import annotations

from marsad import resources
from marsad.doc import MentionKind
from marsad.events.args_order import appositive_end
from marsad.events.args_slots import Slot
from marsad.events.args_words import (
    MEDIA,
    PREPS,
    RELATIVES,
    NOUN_OPENERS,
    SKIP_AFTER_VERB,
    ARTICLE,
    ARTICLE_FORMS,
    BI,
    LI,
    bare_word,
    is_adjective,
)
from marsad.text.normalize import word_set

_WORDS = resources.read_yaml("events", "args_object.yaml")  # read once, at import
OWNED = word_set(_WORDS["owned_nouns"])
ADVERBS = word_set(_WORDS["adverbs"])
ADVERB_HEADS = word_set(_WORDS["adverb_heads"])
ADVERB_TAILS = word_set(_WORDS["adverb_tails"])
RESUMPTIVE = tuple(_WORDS["resumptive_endings"].split())
WHAT = _WORDS["what"]
FROM = _WORDS["from"]
LAM = _WORDS["lam"]
BETWEEN = _WORDS["between"]
ADDRESSED = word_set(_WORDS["addressed_preps"])
MUTUAL = word_set(_WORDS["mutual_nouns"])
OWNER_TYPES = frozenset(_WORDS["owner_types"].split())
TOPIC_WORDS = word_set(_WORDS["topic_words"])
TANWIN = _WORDS["tanwin"]
PARTICIPLE = _WORDS["participle"]
VERB_PREFIXES = _WORDS["verb_prefixes"]
# (after ما / الذي the masculine pronoun too: "بما تقدمه السعودية")
RELATIVE_RESUMPTIVE = RESUMPTIVE + tuple(_WORDS["relative_resumptive"].split())
BREAKS = word_set(_WORDS["breaks"])
NAMED_HEADS = word_set(_WORDS["named_heads"])
MEDIUM_PREPS = word_set(_WORDS["medium_preps"])
# How far (words) the comma closing a phrase of the medium may stand.
MEDIUM_REACH = 7
# How many nouns of a genitive chain the walk passes ("صحة تقارير …").
MAX_NOUNS = 2
VICTIMS = frozenset(_WORDS["victim_sectors"].split())
# Punctuation that ends the object phrase (a comma or a quotation mark before it does not).
STOPS = frozenset(".;:!?؟()[]")
# How many words the object phrase may run before its owner.
REACH = 5


def stem(w: str) -> tuple[str, str]:
    """(proclitic preposition, noun without و / ف, بـ / لـ and the article): "وبالخطة" ->
    ("ب", "خطه"); a ب / ل is a proclitic only before the article or a listed noun ("بيان")."""
    w, pre = bare_word(w), ""
    if w.startswith(LI + LI):
        pre, w = LI, ARTICLE + w[2:]
    elif w[:1] in (BI, LI) and (w[1:3] == ARTICLE or w[1:] in OWNED):
        pre, w = w[0], w[1:]
    if len(w) > 4 and w.startswith(ARTICLE):
        w = w[2:]
    return pre, w


def owner_target(cand, words, norms: list[str], slots: list[Slot], text: str, args) -> Slot | None:
    """The patient of a verbal act whose word order named none: the owner of its object
    phrase, which starts after the trigger and, when they follow it, its subject and the
    actors coordinated to it."""
    if cand.type not in OWNER_TYPES or cand.lexeme.kind != "verbal" or not cand.lexeme.patient:
        return None
    start, src = cand.j, args.source
    if src is not None and src.i >= cand.j:
        start = appositive_end(src, slots, words, text)
        for co in args.co_sources:
            start = max(start, appositive_end(co, slots, words, text))
    exclude = [src, *args.co_sources] if src is not None else []
    return object_owner(cand, words, norms, slots, text, start, exclude)


def object_start(norms: list[str], words, text: str, k: int) -> int | None:
    """The first word of the object phrase at or after k, past time words and adverbs."""
    n = len(norms)
    for _ in range(4):
        if k >= n:
            return None
        w = norms[k]
        if w in SKIP_AFTER_VERB or w in ADVERBS:
            k += 1
        elif w in ADVERB_HEADS and k + 1 < n and norms[k + 1] in ADVERB_TAILS:
            k += 2
        elif w in MEDIUM_PREPS and k + 1 < n and stem(norms[k + 1])[1] in MEDIA:
            k = _past_medium(words, text, k + 2)
        else:
            return k
    return None


def _past_medium(words, text: str, k: int) -> int:
    """The word after a phrase of the medium ("في بيان"، "في مقابلة خاصة مع العربية،"): past the
    comma that closes it within a few words, else right after its noun ("دان … في بيان القانون")."""
    for m in range(k, min(len(words), k + MEDIUM_REACH)):
        gap = text[words[m - 1].end:words[m].start]
        if STOPS.intersection(gap):
            return k
        if "،" in gap or "," in gap:
            return m
    return k


def _gap(words, text: str, a: int, b: int) -> str:
    return text[words[a].end:words[b].start]


def object_owner(cand, words, norms: list[str], slots: list[Slot], text: str, start: int,
                 exclude=()) -> Slot | None:
    """The actor that owns the object phrase starting at word ``start`` (or None)."""
    h = object_start(norms, words, text, start)
    if h is None or norms[h] in NOUN_OPENERS or norms[h] in BREAKS:
        return None
    if start > 0 and (STOPS.intersection(gap := _gap(words, text, start - 1, h)) or h == start and ("،" in gap or "," in gap)):
        return None  # (a comma may set off a time word, "نفت السلطات، الأحد، …", not open the object)
    at = {s.i: s for s in slots if all(s is not x for x in exclude)}
    head = at.get(h)
    if head is not None:
        # the object itself is an actor, set off by a comma or a quotation mark ("وطالبت
        # «السلطات الماليزية» بإجراء تحقيق"): a direct object, or the patient after the frame's
        # preposition ("طلبت روسيا والصين الخميس من واشنطن …")
        if h == start and exclude and exclude[0] is not None and _named_after(exclude[0], norms):
            return None  # "دانت شركة «سوديكسو»": the name of the subject, not its object
        return head if head.prep is None or head.prep in _frame(cand) else None
    if cand.cls == "noun" and norms[h] in ADDRESSED and norms[h] not in cand.lexeme.topic:
        # "توجه الحكومة البريطانية أصابع الاتهام إلى موسكو": whom a verbal noun is addressed to
        s = at.get(h + 1)
        return s if s is not None and s.prep == norms[h] else None
    if norms[h] in TOPIC_WORDS and norms[h] in cand.lexeme.topic and h + 1 < len(norms):
        # "وافق على مقترح …", "ندد بـ «الهجمات المتكررة» لإسرائيل": the matter after the
        # frame's topic preposition written apart
        h += 1
    # the prepositions of its matter or patient (and the لـ of a verbal noun's object: "معارضتها للطلب")
    marks = cand.lexeme.topic + cand.lexeme.patient + ((LAM,) if cand.cls == "noun" else ())
    if norms[h] == WHAT or norms[h][:1] in marks and norms[h][1:] == WHAT:
        return _relative_agent(norms, at, h + 1)  # "نفت … ما تداولته وسائل الإعلام القطرية"
    pre, noun = stem(norms[h])
    if pre and pre not in marks or norms[h] in PREPS:
        return None  # a phrase after another preposition is no object
    return _phrase_owner(words, norms, text, at, h, noun)


def _phrase_owner(words, norms: list[str], text: str, at: dict, h: int, noun: str) -> Slot | None:
    """The owner of the object phrase whose head noun ``noun`` is word h: the first actor within
    a few words, read through the adjectives and genitive nouns before it, or the agent of a
    relative clause on the phrase."""
    owned, nouns, adjectives = noun in OWNED or noun.endswith(TANWIN) and noun[:-1] in OWNED, 0, 0
    definite = norms[h].startswith(ARTICLE_FORMS)
    for m in range(h + 1, min(len(norms), h + 1 + REACH)):
        gap = _gap(words, text, m - 1, m)
        if STOPS.intersection(gap) or "،" in gap or "," in gap:
            return None
        s = at.get(m)
        if s is not None:
            return _owner(s, nouns, adjectives, owned)
        w = norms[m]
        if w in RELATIVES or w == WHAT:
            return _relative_agent(norms, at, m + 1)
        if w.endswith(RESUMPTIVE) and w[:1] in VERB_PREFIXES and not w.startswith(ARTICLE_FORMS):
            return _relative_agent(norms, at, m)  # "تقارير نشرتها صحيفة …"
        if w == BETWEEN and (noun in MUTUAL or nouns and stem(norms[m - 1])[1] in MUTUAL):
            # "رحبت الجامعة العربية بالاتفاق بين الفصائل الفلسطينية": the parties to it
            s = at.get(m + 1)
            return s if s is not None and s.prep == BETWEEN else None
        if w == FROM:
            # "عرضا من فرنسا", "تقريرا من خبراء الأمم المتحدة"
            s = at.get(m + 1) or (at.get(m + 2) if m + 2 < len(norms) and not stem(norms[m + 1])[0] else None)
            return s if s is not None and s.prep in (FROM, None) and nouns == 0 and s.sector not in VICTIMS else None
        if w in PREPS or stem(w)[0] or w in BREAKS or w in NOUN_OPENERS or nouns >= MAX_NOUNS:
            return None
        if is_adjective(w) or definite and w.startswith(PARTICIPLE):
            # (a definite participle after a definite noun qualifies it: "الأفعال المتهورة")
            adjectives += 1
        else:
            # a further noun in the genitive chain: the owner is that noun's ("صحة تقارير …")
            nouns, owned = nouns + 1, stem(w)[1] in OWNED
    return None


def _named_after(src: Slot, norms: list[str]) -> bool:
    """The subject is a common noun that a name follows ("شركة", "حركة", "صحيفة")."""
    return src.j - src.i == 1 and stem(norms[src.i])[1] in NAMED_HEADS


def _frame(cand) -> tuple[str, ...]:
    """The prepositions that mark the predicate's patient and never its topic."""
    return tuple(p for p in cand.lexeme.patient if p and p not in cand.lexeme.topic)


def _owner(s: Slot, nouns: int, adjectives: int, owned: bool) -> Slot | None:
    if s.sector in VICTIMS:
        return None  # "أدانت قتل المدنيين": the victims, not whose the act is
    if s.adjectival:
        # "الخطة الأمريكية", "القصف الروسي" (after a further noun the nisba is that noun's:
        # "قصف الغوطة الشرقية السورية" names the place)
        return s if s.country and nouns == 0 else None
    if s.prep is None:
        return s if owned else None  # "بيان وزارة الداخلية"
    if s.prep == LI:
        return s if owned or adjectives else None  # "الأفعال المتهورة لإيران"
    if s.prep == FROM:
        return s if nouns == 0 else None  # "عرضا من فرنسا", "تقريرا من خبراء الأمم المتحدة"
    return None


def _relative_agent(norms: list[str], at: dict, k: int) -> Slot | None:
    """The agent of the relative clause whose verb is word k: a verb with the pronoun of the
    object ("الذي شنته جماعة الحوثي", "ما تداولته وسائل الإعلام"); without that pronoun the
    actor after the verb is its object ("التقارير التي تتهم إيران")."""
    if k >= len(norms) or not norms[k].endswith(RELATIVE_RESUMPTIVE) or norms[k] in PREPS:
        return None
    s = at.get(k + 1)
    if s is None or s.prep is not None or s.sector in VICTIMS:
        return None
    # (a state's name shaped like a nisba, "السعودية", is the agent, an adjective is not)
    return s if not s.adjectival or s.mention is MentionKind.COUNTRY else None
