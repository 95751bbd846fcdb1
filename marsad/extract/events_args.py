"""Source and target of an event from the clause around its trigger.

Arabic word order and function words decide the roles: the subject follows a verb (VSO) or
precedes it (SVO); a passive verb's subject is the recipient and its agent follows من قبل / على
يد; a verbal noun's genitive is its object (اغتيال الوزير) or its agent (هجمات الفصائل) by
lexeme; a nisba adjective after an event noun is its agent (الغارات الأميركية); a relative clause
names the agent (الغزو الذي قادته الولايات المتحدة); على / ضد / بحق introduce the recipient.
Actor positions ("slots") come from the actors layer's mentions, and otherwise from a small
lexicon of generic participants (مسلحون، متظاهرون، الشرطة …) coded by PLOVER sector.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from marsad.doc import Doc, Token
from marsad.extract.events_lexicon import load_cues
from marsad.extract.events_triggers import Candidate
from marsad.text.normalize import normalize, word_set
from marsad.text.segment import clitic_candidates, original_prefix_len

PREPS = word_set(
    "على ضد في من إلى الى عن مع بحق تجاه باتجاه نحو قرب داخل أمام خلال لدى عند بين منذ حول بعد قبل "
    "ضمن عبر وسط شمال جنوب شرق غرب جانب بسبب إثر اثر عقب لصالح بشأن حيال دون بدون مثل")
TARGET_PREPS = word_set("على ضد بحق تجاه باتجاه نحو")
_NO_SPACE = str.maketrans("", "", "قدل\u0640")
# Words that may stand between a verb and its subject: time adverbs, particles.
SKIP_AFTER_VERB = word_set(
    "أمس امس اليوم الليلة فجر صباح مساء ظهر عصر أول اول من يوم الأحد الاثنين الثلاثاء الأربعاء "
    "الخميس الجمعة السبت الماضي الماضية ايضا أيضا مجددا مجدداً قد بالفعل كذلك")
# Quantifiers before a subject: "دعت العديد من الجماعات", "خرج آلاف من المتظاهرين".
QUANTIFIERS = word_set(
    "العديد عدد بعض كل جميع مئات آلاف الاف ألوف عشرات معظم أغلب اغلب غالبية مجموعة")
# Verbs of a relative clause that name the recipient: "الغارات التي استهدفت قادة الفصائل".
REL_TARGET_VERBS = word_set(
    "استهدفت استهدف استهدفا طالت طال طاولت طاول ضربت ضرب أصابت اصابت أصاب اصاب تستهدف يستهدف "
    "قتلت قتل أودت اودت")
RELATIVES = word_set("التي الذي اللذين اللتين الذين اللواتي")
# Adjectives that may stand between an event noun and its nisba agent (الغارات العسكرية الأميركية).
EVENT_ADJECTIVES = word_set(
    "المسلح المسلحة الأخير الأخيرة الجديد الجديدة الكبير الكبيرة العنيف العنيفة المتكرر المتكررة "
    "المكثف المكثفة الدامي الدامية المشترك المشتركة المزدوج المزدوجة الواسع الواسعة المتواصلة "
    "المستمرة الأخرى المباشر المباشرة")
# Verbal nouns of yielding whose genitive is the addressee of a request (رحيل التحالف).
YIELD_MASDARS = word_set(
    "رحيل انسحاب الانسحاب خروج الخروج سحب إخراج اخراج تنحي التنحي استقالة الإفراج الافراج إطلاق "
    "اطلاق طرد وقف إنهاء انهاء تسليم")
STRONG_PUNCT = set(".;:!?؟«»\"“”()[]")
AGENT_WORDS = word_set(
    "شنها شنه شنته شنتها تشنها يشنها نفذها نفذه نفذته نفذتها قادتها قادته تقودها تقوده يقودها يقوده "
    "تبناها تبناه تبنته تبنتها اطلقها اطلقه اطلقتها اطلقته ارتكبها ارتكبته ارتكبه يرتكبها ترتكبها "
    "تقترفها يقترفها اقترفها تنفذها ينفذها")
AGENT_PHRASES = tuple(tuple(normalize(w) for w in p.split()) for p in (
    "من قبل", "على يد", "على أيدي", "بأيدي", "من جانب", "بواسطة", "المدعومة من", "المدعوم من",
    "التابعة ل", "التابع ل"))
AGENT_FIRST = frozenset(p[0] for p in AGENT_PHRASES)
NUMERIC_QTY = word_set(
    "عشرات مئات آلاف الاف ألف اكثر أكثر نحو حوالي زهاء قرابة ما لا يقل عدد عدد من ثلاثة أربعة خمسة "
    "ستة سبعة ثمانية تسعة عشرة اثنين اثنان شخصين جنديين ثلاث أربع خمس ست سبع ثماني تسع عشر")
NUMBER_WORDS = word_set(
    "واحد واحدة اثنان اثنين اثنتين ثلاث ثلاثة اربع أربع أربعة اربعة خمس خمسة ست ستة سبع سبعة ثماني "
    "ثمانية تسع تسعة عشر عشرة عشرون عشرين ثلاثون ثلاثين اربعون أربعين خمسون خمسين ستون ستين سبعون "
    "سبعين ثمانون ثمانين تسعون تسعين مئة مائة مئتي مئتين مائتي ألف الف آلاف الاف ألفين مليون عشرات "
    "مئات ألوف بضعة بضع")
# Words of a quantity phrase standing before a noun: "ما لا يقل عن 28 متطوعاً", "أكثر من 15".
QTY_SKIP = NUMERIC_QTY | NUMBER_WORDS | word_set(
    "ما لا يقل عن من اكثر أكثر اقل أقل نحو حوالي حوالى زهاء قرابة عدد")
# "his country", "its government": the country of the actor named before them.
OWN_COUNTRY = word_set("بلاده بلادها بلادهم حكومته حكومتها حكومتهم دولته دولتها")
# Lexemes whose unvowelled perfect followed by a number is usually passive ("قتل 12 شخصاً").
PASSIVE_PRONE = frozenset({"qatl", "khatf", "ightiyal", "istihdaf", "taadhib", "ightisab", "itiqal",
                           "ightiyal", "qasf", "damar", "taan", "dabh"})
CAUSE_WORDS = word_set("جراء إثر اثر بسبب نتيجة")
CAUSE_NOUNS = word_set(
    "هجوم هجمات انفجار تفجير قصف غارة غارات ضربة اشتباكات اشتباك رصاص انفجارات اعتداء كمين")
# Support verbs whose subject suffers the event: "تعرض قائد الشرطة لمحاولة اغتيال", "نجا … من".
VICTIM_SUPPORT = word_set(
    "تعرض تعرضت تعرضوا تعرضا يتعرض تتعرض يتعرضون نجا نجت نجوا ينجو تنجو أصيب اصيب أصيبت اصيبت "
    "أصيبوا اصيبوا قتل قتلت قتلوا سقط سقطوا بتعرض لتعرض")
# Verbs of exposure whose subject suffers the attack named after لـ / إلى, far as it may be.
EXPOSURE_VERBS = word_set(
    "تعرض تعرضت تعرضوا تعرضا يتعرض تتعرض يتعرضون بتعرض لتعرض تعرضه تعرضها")
# Nouns between لـ and the attack: "لمحاولة اغتيال", "الى هجوم".
EXPOSED_TO = word_set("لمحاولة لمحاولات الى إلى لعملية")
# Verbal nouns whose genitive is the recipient, not the agent (اغتيال الوزير، زيارة بغداد).
GEN_OBJECT = frozenset({
    "ASSAULT.ightiyal", "ASSAULT.qatl", "ASSAULT.khatf", "ASSAULT.istihdaf", "ASSAULT.qasf",
    "ASSAULT.tafjir", "ASSAULT.taadhib", "ASSAULT.ightisab", "ASSAULT.damar", "ASSAULT.isqat",
    "ASSAULT.iqtiham", "ASSAULT.ghazw", "ASSAULT.dharb_beat", "ASSAULT.taan", "ASSAULT.dabh",
    "COERCE.itiqal", "COERCE.mudahama", "COERCE.musadara", "COERCE.tarhil", "COERCE.hajb",
    "CONSULT.zara", "CONSULT.istaqbala", "ACCUSE.intaqada", "ACCUSE.ittaham", "ACCUSE.adana",
    "ACCUSE.istankara", "ACCUSE.naddada", "REQUEST.talaba", "REQUEST.nashada", "SANCTION.tard",
    "RETREAT.infaraj", "SUPPORT.ayyada", "SUPPORT.ashada", "THREATEN.haddada", "REJECT.rafada",
})


@dataclass(slots=True)
class Slot:
    """An actor position in the sentence: words [i, j), chars [start, end)."""

    i: int
    j: int
    start: int
    end: int
    actor: str | None = None  # id in doc.actors
    sector: str | None = None  # generic participant (no actor yet)
    country: str | None = None
    name: str = ""
    adjectival: bool = False
    pro: str = ""  # proclitics attached to its first word (و ب ل …)
    prep: str | None = None  # preposition that governs it
    rule: str = ""  # the actors-layer rule of its mention


@lru_cache(maxsize=1)
def _roles() -> tuple[dict, dict]:
    """Generic participant lexicon: single words and phrases (by first word) -> sector."""
    single: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    stripped: dict[str, str] = {}
    for sector, words in load_cues()["roles"].items():
        for w in words:
            ws = normalize(w).split()
            if len(ws) == 1:
                single.setdefault(ws[0], sector)
                if ws[0].startswith("ال"):
                    stripped.setdefault(ws[0][2:], sector)
            else:
                phrases.setdefault(ws[0], []).append((tuple(ws[1:]), sector))
    for w, sector in stripped.items():
        single.setdefault(w, sector)  # a form listed as such wins over one read off "ال…"
    for v in phrases.values():
        v.sort(key=lambda x: -len(x[0]))
    return single, phrases


@lru_cache(maxsize=200_000)
def role_of(norm: str) -> tuple[str, str, str] | None:
    """(sector, stem, proclitics) for a generic participant word, after peeling clitics."""
    single, _ = _roles()
    for pro, stem, enc in clitic_candidates(norm):
        if enc and stem.startswith("ال"):
            continue
        s = single.get(stem)
        if s:
            return s, stem, pro
    return None


# Normalised words that are neither a generic participant nor the first word of one (most
# words): build_slots passes them with a set test instead of two cached lookups.
_NO_ROLE: set[str] = set()


@lru_cache(maxsize=200_000)
def _role_phrase_heads(norm: str) -> tuple:
    """(proclitics, [(rest, sector)]) for each clitic reading of a word that starts a generic
    participant phrase: the per-word part of the phrase lookup, cached (most words start none)."""
    _, phrases = _roles()
    return tuple((pro, tuple(phrases[stem])) for pro, stem, enc in clitic_candidates(norm) if stem in phrases)


def _orig_prefix(raw: str, n: int) -> int:
    return original_prefix_len(raw, n)


def _is_nisba(norm: str) -> bool:
    w = norm[2:] if norm.startswith("ال") else norm
    return len(w) >= 4 and w.endswith(("ي", "يه", "يين", "يون", "يتين", "يان", "يه"))


def build_slots(doc: Doc, words: list[Token], starts: list[int]) -> list[Slot]:
    """Actor slots of one sentence, in text order, from mentions then generic role words."""
    if not words:
        return []
    s0, s1 = words[0].start, words[-1].end
    slots: list[Slot] = []
    taken = [False] * len(words)
    for m in doc.mentions_in(s0, s1):
        i = bisect.bisect_right(starts, m.start) - 1
        j = bisect.bisect_left(starts, m.end)
        if i < 0 or j <= i:
            continue
        if any(taken[i:j]):
            continue
        a = doc.actors.get(m.actor)
        norm_span = [w.norm for w in words[i:j]]
        slot = Slot(i, j, m.start, m.end, actor=m.actor, country=a.country if a else None,
                    sector=a.type if a else None, name=doc.text[m.start:m.end],
                    adjectival=(j - i == 1 and _is_nisba(norm_span[0]) and i > 0),
                    pro=normalize(doc.text[words[i].start:m.start]) if m.start > words[i].start else "",
                    rule=m.prov.rule if m.prov is not None else "")
        slots.append(slot)
        for k in range(i, j):
            taken[k] = True
    # only words that may be a participant are visited (most words are in _NO_ROLE)
    no_role = _NO_ROLE
    nxt = 0  # the first word after the last participant phrase this loop found
    for k in [k for k, w in enumerate(words) if not taken[k] and w.norm not in no_role]:
        if k < nxt:
            continue
        w = words[k]
        hit = None
        for pro, entries in _role_phrase_heads(w.norm):
            for rest, sector in entries:
                n = len(rest)
                if k + 1 + n <= len(words) and all(
                        words[k + 1 + x].norm == rest[x] or words[k + 1 + x].norm == "ال" + rest[x]
                        for x in range(n)) and not any(taken[k:k + 1 + n]):
                    hit = (k + 1 + n, sector, pro)
                    break
            if hit:
                break
        if hit is None:
            r = role_of(w.norm)
            if r is None and not _role_phrase_heads(w.norm) and len(_NO_ROLE) < 400_000:
                _NO_ROLE.add(w.norm)
            if r and not (r[1] in QUANTITY_ROLES and k + 1 < len(words) and _counted_noun(words[k + 1].norm)):
                # "عشرات الصواريخ" counts things; "مئات المتظاهرين" leaves the slot to its noun
                hit = (k + 1, r[0], r[2])
        if hit:
            j, sector, pro = hit
            country = None
            if j == k + 1 and _bare_word(w.norm) in OWN_COUNTRY:
                prev = [sl for sl in slots if sl.actor and sl.j <= k and sl.country]
                country = prev[-1].country if prev else None
                sector = "GOV"
            elif j == k + 1 and w.norm.endswith(("ه", "ها", "هم")) and not w.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة") and role_of(w.norm) and \
                    role_of(w.norm)[1] != w.norm[len(role_of(w.norm)[2]):]:
                prev = [sl for sl in slots if sl.actor and sl.j <= k and sl.country]
                if prev:
                    country = prev[-1].country
            # a nisba or country mention right after the role noun gives its country
            for sl in slots:
                if sl.actor and sl.i in (j, j + 1) and sl.country and sl.rule not in BORROWED_COUNTRY and (
                        sl.adjectival or sl.j - sl.i == 1 or sl.sector and sl.rule not in PLACE_RULES and (
                            sl.pro[-1:] == "ب" or words[sl.i].norm.startswith("بال") or words[sl.i - 1].norm == "في")):
                    # (or the body it serves in: "وزيرة الدولة بوزارة الطاقة السودانية")
                    country = sl.country
                    break
            off = _orig_prefix(w.text, len(pro)) if pro else 0
            slots.append(Slot(k, j, words[k].start + off, words[j - 1].end, sector=sector, country=country,
                              name=doc.text[words[k].start + off:words[j - 1].end], pro=pro))
            for x in range(k, j):
                taken[x] = True
            nxt = j
    slots.sort(key=lambda s: s.i)
    for sl in slots:
        sl.prep = _prep_before(words, sl)
    if len(slots) and any(sl.prep == "من" or sl.i > 0 for sl in slots):
        slots = _partitives(words, slots)
    if len(slots) > 1:
        slots = _containers(words, slots)
        slots = _role_states(words, slots)
        slots = _memberships(words, slots)
    return slots


# Units and places that stand for the force or body they belong to: "دورية للجيش الاميركي",
# "مقر للشرطة", "موكب الوزير", "قافلة للقوات الاجنبية".
CONTAINERS = word_set(
    "دورية دوريه دوريات موكب مواكب قافلة قافله قوافل مقر مقرات مبنى مركز مراكز ثكنة ثكنه قاعدة "
    "قاعده حاجز حواجز نقطة نقطه سيارة سياره سيارات آلية اليه اليات مكتب مكاتب منزل")


def _containers(words: list[Token], slots: list[Slot]) -> list[Slot]:
    """A unit or building followed by its owner (genitive or لـ) is coded as the owner: the
    unit's slot takes the owner's actor and the owner's own slot is dropped."""
    out: list[Slot] = []
    skip = set()
    for n, sl in enumerate(slots):
        if id(sl) in skip:
            continue
        head = _bare_word(words[sl.i].norm)
        head = head[2:] if head.startswith("ال") else head
        nxt = slots[n + 1] if n + 1 < len(slots) else None
        if nxt is not None and sl.actor is None and sl.j - sl.i == 1 and head in CONTAINERS \
                and nxt.i == sl.j and nxt.prep in (None, "ل") and (nxt.actor is not None or nxt.sector):
            sl.actor, sl.sector, sl.country, sl.rule = nxt.actor, nxt.sector, nxt.country, nxt.rule
            sl.j, sl.end, sl.name = nxt.j, nxt.end, nxt.name
            skip.add(id(nxt))
        out.append(sl)
    return out


# Participants whose membership "X في Y" names the body they serve in: "28 متطوعا في الجيش
# العراقي" is coded as the army, "18 شخصاً في العراق" as Iraq; "مسؤولون في حماس" as Hamas.
MEMBERSHIP_SECTORS = frozenset({"CVL", "LAB", "GOV", "UNK"})
# Institutions of a state, which "X في <state>" places in that state.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})


def _memberships(words: list[Token], slots: list[Slot]) -> list[Slot]:
    """A generic participant followed by في and a body (or, for people, a state) is coded as that
    body: the participant's slot takes its actor and the body's own slot is dropped."""
    out: list[Slot] = []
    skip = set()
    for n, sl in enumerate(slots):
        if id(sl) in skip:
            continue
        nxt = slots[n + 1] if n + 1 < len(slots) else None
        if nxt is not None and nxt.i == sl.j + 1 and words[sl.j].norm == "في" and nxt.prep == "في" \
                and (sl.actor is None or sl.rule in BORROWED_COUNTRY) and sl.sector in MEMBERSHIP_SECTORS \
                and not nxt.adjectival and nxt.actor is not None and nxt.rule not in BORROWED_COUNTRY \
                and (nxt.rule not in PLACE_RULES and nxt.sector is not None
                     or nxt.rule == "country" and sl.sector == "CVL"):
            sl.actor, sl.sector, sl.country, sl.rule = nxt.actor, nxt.sector, nxt.country, nxt.rule
            sl.j, sl.end, sl.name = nxt.j, nxt.end, sl.name + " في " + nxt.name
            skip.add(id(nxt))
        elif nxt is not None and nxt.i == sl.j + 1 and words[sl.j].norm == "في" and nxt.prep == "في" \
                and (sl.actor is None and not sl.country or sl.rule in BORROWED_COUNTRY) \
                and sl.sector in STATE_SECTORS and nxt.rule == "country" and nxt.country and not nxt.adjectival:
            # "الحكومة في تايلاند", "الشرطة في العراق": the state's institution, (state, sector)
            sl.actor, sl.rule, sl.country = None, "", nxt.country
            sl.j, sl.end, sl.name = nxt.j, nxt.end, sl.name + " في " + nxt.name
            skip.add(id(nxt))
        out.append(sl)
    return out


# Titles and generic participants whose genitive is a state: "سفير بولندا", "رئيس العراق",
# "جنود إسرائيل" are the state's officials or forces, coded (state, the title's sector).
def _role_states(words: list[Token], slots: list[Slot]) -> list[Slot]:
    out: list[Slot] = []
    skip = set()
    for n, sl in enumerate(slots):
        if id(sl) in skip:
            continue
        nxt = slots[n + 1] if n + 1 < len(slots) else None
        if nxt is None or nxt.i != sl.j or nxt.prep is not None or nxt.adjectival or not nxt.country:
            out.append(sl)
            continue
        if (sl.actor is None or sl.rule in BORROWED_COUNTRY) and sl.sector is not None \
                and nxt.rule == "country" and not words[sl.j - 1].norm.startswith(("ال", "وال", "فال", "بال", "لل")):
            # (a definite noun is not in construct: "الحكومة العراق" is no phrase)
            sl.actor, sl.rule = None, ""
            sl.country = nxt.country
            sl.j, sl.end, sl.name = nxt.j, nxt.end, sl.name + " " + nxt.name
            skip.add(id(nxt))
        out.append(sl)
    return out


# Nouns of membership whose genitive is the group they belong to: "أعضاء حزب الغد" is coded as
# the party, "عناصر قوات الصحوة" as the force.
MEMBER_NOUNS = word_set("أعضاء اعضاء عناصر أفراد افراد عضو عضوا منتسبي")
# Heads of a partitive "X من Y" whose code is Y's: counts and groups ("ثلاثة من عناصر الشرطة",
# "عدد من جنود المارينز", "قوة من الشرطة العراقية", "مجموعة من المتظاهرين").
PARTITIVE_HEADS = QTY_SKIP | QUANTIFIERS | MEMBER_NOUNS | word_set(
    "فرقة قوة وحدة مفرزة كتيبة سرية أحد احد إحدى احدى اثنين اثنان اثنتين عنصرين عنصران عنصرا عنصر "
    "جنديين جنديان ضابطين كثير كثيرون الكثير")


def _partitives(words: list[Token], slots: list[Slot]) -> list[Slot]:
    """Extend a slot over the member noun or partitive head before it ("عناصر من Y", "أعضاء Y"):
    the phrase stands where its head stands and is coded as Y; a generic slot the head itself
    made ("مجموعة", "قوة", "عشرات") gives way."""
    by_i = {sl.i: sl for sl in slots}
    drop = set()
    for sl in slots:
        i = sl.i
        # a member noun right before: "أعضاء حزب الغد"
        if sl.prep is None and i > 0 and i - 1 not in by_i and _bare_word(words[i - 1].norm) in MEMBER_NOUNS \
                and not any(o.i < i <= o.j - 1 for o in slots if o is not sl):
            i -= 1
        if i >= 2 and words[i - 1].norm == "من" and sl.prep in ("من", None):
            h = i - 2
            if h > 0 and is_adjective(words[h].norm) and _bare_word(words[h - 1].norm) in PARTITIVE_HEADS:
                h -= 1  # "فرقة مظلية من قوات مكافحة الإرهاب"
            hw = _bare_word(words[h].norm)
            if hw in PARTITIVE_HEADS or hw.isdigit():
                while h > 0 and (_bare_word(words[h - 1].norm) in QTY_SKIP or words[h - 1].norm.isdigit()):
                    h -= 1  # "ما لا يقل عن 28", "نحو مائتي"
                i = h
        if i != sl.i:
            for o in slots:
                if o is not sl and o.actor is None and i <= o.i < sl.i:
                    drop.add(id(o))
            if any(id(o) not in drop and i <= o.i < sl.i for o in slots if o is not sl):
                continue  # a named actor stands in the phrase: leave it alone
            sl.i = i
            sl.pro = ""
            sl.adjectival = False
            sl.prep = _word_prep(words, i)
    return [sl for sl in slots if id(sl) not in drop]


def _word_prep(words: list[Token], h: int) -> str | None:
    """Preposition attached to word h (للقواعد, بالعراق) or standing before it."""
    n = words[h].norm
    n = n[1:] if n[:1] in ("و", "ف") and len(n) > 3 else n
    if n.startswith("لل") and len(n) > 3:
        return "ل"
    if n.startswith(("بال", "كال")) and len(n) > 4:
        return n[0]
    if h > 0:
        p = words[h - 1].norm
        p = p[1:] if p[:1] in "وف" and p[1:] in PREPS else p
        if p in PREPS:
            return p
    return None


def is_adjective(norm: str) -> bool:
    return _is_nisba(norm) or norm in EVENT_ADJECTIVES or norm[1:] in EVENT_ADJECTIVES


def _prep_before(words: list[Token], sl: Slot) -> str | None:
    """The preposition governing a slot: an attached ب / ل / ك, or a separate word before it.

    A nisba adjective slot (للقواعد الأميركية) takes the preposition of the noun it qualifies.
    """
    pro = sl.pro[1:] if sl.pro[:1] in ("و", "ف") else sl.pro
    if pro[:1] in ("ب", "ل", "ك"):
        return pro[:1]
    i = sl.i
    if sl.adjectival:
        h = i - 1
        while h > 0 and is_adjective(words[h].norm):
            h -= 1
        if h >= 0 and not is_adjective(words[h].norm):
            return _word_prep(words, h)
    if i > 0:
        p = words[i - 1].norm
        p = p[1:] if p[:1] in "وف" and p[1:] in PREPS else p
        if p in PREPS:
            return p
    return None


def skip_quantity(norms: list[str], k: int, limit: int = 6) -> tuple[int, bool]:
    """Index of the first word after a quantity phrase starting at k, and whether one was there."""
    start = k
    while k < len(norms) and k - start < limit:
        w = norms[k]
        wb = w[1:] if w[:1] == "و" and w[1:] in QTY_SKIP else w
        if wb in QTY_SKIP or wb.isdigit():
            k += 1
        else:
            break
    return k, k > start


def _gap_ok(words: list[Token], a: int, b: int, text: str) -> bool:
    """No strong punctuation between word a and word b (exclusive, a < b)."""
    if b <= a:
        return True
    seg = text[words[a].end:words[b].start] if b < len(words) else ""
    return STRONG_PUNCT.isdisjoint(seg)


@dataclass(slots=True)
class Args:
    source: Slot | None = None
    target: Slot | None = None
    passive: bool = False
    rule: str = ""
    guessed: bool = False  # the target is only the nearest participant, no rule named it


CASUALTY = word_set(
    "مقتل قتل مصرع إصابة اصابة إصابات اصابات جرح وجرح وإصابة واصابة ومقتل استشهاد اختطاف خطف")


def _counted_noun(norm: str) -> bool:
    """The noun after a counting word names what is counted: a participant of its own or a thing."""
    return norm.startswith("ال") and norm not in SKIP_AFTER_VERB and (
        role_of(norm) is not None or norm in COUNTED_THINGS)


COUNTED_THINGS = word_set(
    "الصواريخ القذائف الغارات الهجمات الضربات القتلى الجرحى المنازل السيارات العبوات الرصاصات")
# Counting words the role lexicon takes for crowds ("تظاهر الآلاف") when they stand alone.
QUANTITY_ROLES = word_set("عشرات مئات آلاف الاف الالاف ألوف")
AMONG = word_set("بينهم بينهما منهم معظمهم غالبيتهم اغلبهم أغلبهم")
# Passive casualty verbs after their victims: "جنديين عراقيين قتلا بانفجار عبوة ناسفة".
CASUALTY_VERBS = word_set(
    "قتل قتلا قتلوا قتلت قتلتا أصيب اصيب أصيبا اصيبا أصيبوا اصيبوا أصيبت اصيبت جرح جرحوا "
    "لقي لقيا لقوا خطف خطفوا اختطف اختطفوا استشهد استشهدوا")


# Claims of responsibility and attributions: "تبنت حركة طالبان مسؤوليتها عن الهجوم", "وقد تبناه
# تنظيم القاعدة", "أعلنت حركة طالبان مسؤوليتها", "هجوم انتحاري نسب الى المتمردين التاميل".
CLAIM_VERBS = word_set("تبنت تبنى تبنوا تتبنى يتبنى اعلنت اعلن اعلنوا تعلن يعلن")
CLAIM_OBJECT_VERBS = word_set("تبناه تبنته تبناها تبنتها")
RESPONSIBILITY = word_set("مسؤولية مسؤوليتها مسؤوليته مسؤوليتهم المسؤولية")
ATTRIBUTED = word_set("نسب نسبت ينسب تنسب نسبته نسبها نسبه")


def claim_source(norms: list[str], slots: list[Slot], exclude=None) -> Slot | None:
    """The group a sentence says claimed or was blamed for an attack."""
    for k, w in enumerate(norms):
        b = _bare_word(w)
        if b in CLAIM_VERBS and any(_bare_word(x) in RESPONSIBILITY for x in norms[k + 1:k + 7]):
            r = next((x for x in range(k + 1, min(len(norms), k + 7)) if _bare_word(norms[x]) in RESPONSIBILITY), None)
            after = next((s for s in slots if s is not exclude and k < s.i < r and s.prep is None), None)
            if after is not None:
                return after
            before = [s for s in slots if s is not exclude and s.j == k and s.prep is None]
            if before:
                return before[-1]
        if b in CLAIM_OBJECT_VERBS or (b in ATTRIBUTED and k + 1 < len(norms) and norms[k + 1] in ("الى", "الي", "لى", "لي")):
            first = k + 1 if b in CLAIM_OBJECT_VERBS else k + 2
            hit = next((s for s in slots if s is not exclude and s.i == first), None)
            if hit is not None:
                return hit
    return None


# Launches of missiles and shells: the place they came from stands for the side that fired them,
# the place they were fired at for the side they hit.
LAUNCH_LEXEMES = frozenset({"itlaq_nar", "sawarikh", "qasf", "qadhaif"})
COMPASS = word_set("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط")
PLACE_RULES = frozenset({"country", "capital", "city", "alias", "entity-loc"})


def launch_places(norms, slots, j, words, text) -> tuple[Slot | None, Slot | None]:
    """(origin, aim) of a launch: "من [جنوب] لبنان", "في اتجاه / باتجاه / نحو [شمال] اسرائيل"."""
    origin = aim = None
    for s in slots:
        if s.i < j or s.i > j + 10 or s.rule not in PLACE_RULES or not s.country:
            continue
        if any(ch in text[words[j - 1].end:words[s.i].start] for ch in ".;:!?؟،,"):
            break
        k = s.i - 1
        if k >= j and norms[k] in COMPASS:
            k -= 1
        if k < j:
            continue
        w = norms[k]
        if w == "من" and origin is None:
            origin = s
        elif aim is None and (w in ("باتجاه", "نحو") or w == "اتجاه" and k > 0 and norms[k - 1] == "في"):
            aim = s
    return origin, aim


PASSING = word_set("مرور لمرور بمرور ومرور عبور")


def passing_target(norms: list[str], slots: list[Slot], exclude=None) -> Slot | None:
    """"انفجرت لدى مرور دورية للشرطة": a bomb that went off as a unit passed hit that unit."""
    for k, w in enumerate(norms):
        if w in PASSING:
            return next((s for s in slots if s is not exclude and s.i == k + 1), None)
    return None


def casualty_target(norms: list[str], slots: list[Slot], exclude=None) -> Slot | None:
    """The victims an ASSAULT sentence counts ("… أدى إلى مقتل عشرة أشخاص", "ثلاثة من رجال
    الشرطة", "جنديين عراقيين قتلا …")."""
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
            for s in slots:
                if s is not exclude and s.j in (k, k - 1) and s.prep in (None, "من") and not s.adjectival:
                    return s
    return None


# Actors-layer rules whose country comes from the document, not from the mention's own words.
BORROWED_COUNTRY = frozenset({"institution-main-country", "unidentified-armed-main-country",
                              "armed-group-main-country"})
# Prepositions of place: a slot after them is where an attack happened, not whom it hit.
PLACE_PREPS = word_set(
    "في وسط قرب شمال جنوب شرق غرب داخل عند من الى إلى عبر بين خلال منذ بعد قبل حول")


def nearest_recipient(slots: list[Slot], j: int, exclude=None) -> Slot | None:
    """An attack's recipient when no rule named one: the first participant after the trigger
    that no preposition of place governs ("انفجرت لدى مرور دورية للشرطة")."""
    for s in slots:
        if s is exclude or s.i < j or s.i > j + 8 or s.adjectival:
            continue
        if s.prep in PLACE_PREPS or (s.actor is None and s.sector is None):
            continue
        if s.rule in ("country", "capital", "city") and s.prep not in TARGET_PREPS:
            continue  # a bare place name is where it happened
        return s
    return None


# Words after which protesters name whom they address: "مطالبين الحكومة المحلية بـ…".
DEMAND_WORDS = word_set(
    "مطالبين مطالبا مطالبة طالبوا طالب يطالبون تطالب مطالبون داعين دعوا يدعون منددين منددا "
    "احتجاجا تنديدا")
# The addressees of a protest: the authorities, an army, a party, a state …
PROTEST_TARGET_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "PTY", "BUS", "IGO", None})


def protest_target(norms: list[str], slots: list[Slot], j: int, exclude=None) -> Slot | None:
    """Whom a protest is against: the object of a demand (مطالبين الحكومة), a slot after ضد /
    على (احتجاجا على سياسة الحكومة), or the mission before which protesters gather (أمام السفارة
    الأردنية)."""
    for s in slots:
        if s is exclude or s.i < j or s.sector not in PROTEST_TARGET_SECTORS or s.actor is None and s.sector is None:
            continue
        if s.prep in ("ضد", "امام") or (s.i > 0 and _bare_word(norms[s.i - 1]) in DEMAND_WORDS):
            return s
        if s.i > 1 and norms[s.i - 2] in ("امام", "ضد") and norms[s.i - 1].startswith(("مقر", "مبني", "سفار")):
            return s
        if s.adjectival and s.i > 1 and norms[s.i - 1].startswith(("السفار", "القنصلي")):
            return s
    return None


# What a protest is against, named after the words that state the grievance: "احتجاجا على زيارة
# بوش", "للاحتجاج على قرار الحكومة", "ضد وجود القوات الإثيوبية", "غضب متزايد من قرار بريطانيا",
# "أحرق متظاهرون أعلام اسرائيل", "مرددين هتافات منها «يسقط بوش»".
GRIEVANCE = word_set(
    "احتجاجا احتجاج للاحتجاج الاحتجاج احتجاجات تنديدا منددين منددة استنكارا غضب غضبا سخطا رفضا")
GRIEVANCE_PREPS = word_set("على ضد من ب")
SLOGAN_HEADS = word_set("يسقط تسقط يسقط الموت اعلام أعلام علم العلم الاعلام صور")


def protest_object(norms, slots, words, text, exclude=None) -> Slot | None:
    """The first actor named within a few plain nouns after a word of grievance or a slogan."""
    n = len(norms)
    for k, w in enumerate(norms):
        b = _bare_word(w)
        if b == "ضد":
            start = k + 1
        elif b in GRIEVANCE and k + 1 < n and (norms[k + 1] in GRIEVANCE_PREPS or norms[k + 1][:1] == "ب"):
            start = k + 1 if norms[k + 1][:1] == "ب" and norms[k + 1] not in GRIEVANCE_PREPS else k + 2
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
            if norms[m] in PREPS and m > start or norms[m] in ("التي", "الذي", "ما"):
                break
    return None


def find_args(cand: Candidate, words: list[Token], slots: list[Slot], text: str,
              norms: list[str] | None = None) -> Args:
    """``norms``: the words' normalised forms, when the caller has them (read only)."""
    if norms is None:
        norms = [w.norm for w in words]
    out = _find_args(cand, words, slots, text, norms)
    if cand.type == "PROTEST":
        # protest verbs are intransitive: the words after تجمع / تظاهر are its subject or place,
        # and whom it is against comes from ضد / على / أمام or the protesters' demand
        t = out.target
        if t is not None and (t.sector in ("CVL", "OPP", "LAB", "EDU") or t.prep not in TARGET_PREPS):
            t = None
        out.target = t or protest_target(norms, slots, cand.j, exclude=out.source) or \
            protest_object(norms, slots, words, text, exclude=out.source)
    if cand.type == "ASSAULT" and cand.lexeme.id in LAUNCH_LEXEMES:
        origin, aim = launch_places(norms, slots, cand.j, words, text)
        if out.source is None and origin is not None and origin is not out.target:
            out.source = origin  # "باطلاق صواريخ كاتيوشا من جنوب لبنان"
        if aim is not None and (out.target is None or out.target is origin):
            out.target = aim  # "في اتجاه شمال اسرائيل"
    if cand.type == "ASSAULT" and (out.source is None or out.source.sector == "UAF" and out.rule == "nisba"):
        # a claim or an attribution names the agent better than "هجوم انتحاري"
        out.source = claim_source(norms, slots, exclude=out.target) or out.source
    if cand.type == "ASSAULT" and out.target is None:
        sv = next((k for k in range(cand.i - 1, max(-1, cand.i - 11), -1)
                   if _bare_word(norms[k]) in VICTIM_SUPPORT), None)
        if sv is None and cand.i > 0 and (cand.proclitics[-1:] == "ل" or _bare_word(norms[cand.i - 1]) in EXPOSED_TO):
            # "تعرضت وزيرة الدولة …، انجلينا مانج، …، لمحاولة اغتيال": the subject of تعرض,
            # however long its appositions, suffers the attack its لـ names
            sv = next((k for k in range(cand.i - 1, max(-1, cand.i - 25), -1)
                       if _bare_word(norms[k]) in EXPOSURE_VERBS and _gap_ok(words, k, cand.i, text)), None)
        if sv is not None and out.source is None:
            # "نجا قائد شرطة النجدة في بغداد، أمس، من محاولة اغتيال": the survivor is the target
            out.target = next((s for s in slots if sv < s.i < cand.i and s.prep is None), None)
        if out.target is None:
            out.target = passing_target(norms, slots, exclude=out.source)
        if out.target is None:
            out.target = casualty_target(norms, slots, exclude=out.source)
        if out.target is None:
            out.target = nearest_recipient(slots, cand.j, exclude=out.source)
            out.guessed = out.target is not None
        if out.target is None and out.source is not None:
            # "نفذت إسرائيل ضربة جوية في سورية": a state attacked where nobody else is named
            out.target = next((s for s in slots if s.rule == "country" and s.prep == "في" and cand.j <= s.i <= cand.j + 4
                               and s is not out.source and s.country != out.source.country
                               and _gap_ok(words, cand.j - 1, s.i, text)), None)
            out.guessed = out.target is not None
    return out


def _find_args(cand: Candidate, words: list[Token], slots: list[Slot], text: str, norms: list[str]) -> Args:
    i, j = cand.i, cand.j
    verbal = cand.cls in ("perf", "impf", "form") or (cand.cls == "phrase" and _looks_verbal(norms[i]))
    if cand.cls == "perf" and cand.type in ("ASSAULT", "PROTEST") and (
            cand.definite or cand.proclitics[-1:] in ("ب", "ل", "ك")):
        verbal = False  # "اعمال القتل", "قاموا بقتل": the verbal noun, not the verb
    out = Args()
    agent = _agent_after(norms, slots, j, words, text)
    if verbal:
        passive = _passive(cand, words, norms, slots, text) or (
            agent is not None and _passive_agent_marker(norms, j))
        out.passive = passive
        if not passive and cand.cls == "perf" and cand.lexeme.id in PASSIVE_PRONE and \
                _no_object(cand, words, norms, text) and not (i > 0 and norms[i - 1] in ANNA_PRONOUN):
            # a transitive verb of harm with no object after it is passive: "جنديا أميركيا قتل
            # وأصيب 10 آخرون", "خمسة اشخاص على الأقل قتلوا في هجوم", "جرح وزير الدفاع … في
            # تفجير" (roles only: the filter's "passive" feature stays the marked passive)
            passive = True
        subj, subj_rule = _subject(cand, words, norms, slots, text)
        if passive:
            out.target = subj
            out.source = agent
            out.rule = "passive" if out.passive else "passive-noobj"
        else:
            out.source = subj
            out.rule = subj_rule
            after_from = subj.j if subj is not None and subj.i >= j else j
            out.target = _object(cand, words, slots, after_from, text)
            if out.source is None and agent is not None:
                out.source = agent
        if out.target is None and cand.type in ("REQUEST", "REJECT"):
            out.target = _yield_addressee(norms, slots, j, exclude=out.source)
        return out
    if cand.lexeme.id == "bitaawun":
        # "X … بالتعاون مع Y": the clause's actor works with the one after مع
        out.target = next((s for s in slots if j <= s.i <= j + 2), None)
        before = [s for s in slots if s.j <= i and i - s.j <= 12 and s.prep is None and not s.adjectival]
        out.source = before[-1] if before else None
        out.rule = "comitative"
        return out
    # nominal trigger
    jq, _ = skip_quantity(norms, j)
    gen = next((s for s in slots if s.i in (j, jq) or (s.i == j + 1 and s.adjectival)), None)
    adj = next((s for s in slots if s.adjectival and j <= s.i <= j + 2
                and all(is_adjective(norms[k]) for k in range(j, s.i))
                and not (cand.lexeme.key in GEN_OBJECT and (s.sector == "CVL" or s.rule == "nisba-people"))), None)
    lam = next((s for s in slots if s.prep == "ل" and j <= s.i <= j + 2
                and all(is_adjective(norms[k]) or norms[k].endswith("ا") for k in range(j, s.i))), None)
    if agent is not None:
        out.source, out.rule = agent, "agent"
    elif lam is not None and cand.type in ("RETREAT", "MOBILIZE") and cand.lexeme.key not in GEN_OBJECT:
        out.source, out.rule = lam, "lam-genitive"
    elif adj is not None:
        out.source, out.rule = adj, "nisba"
    elif gen is not None and gen.prep is None and cand.lexeme.key not in GEN_OBJECT:
        out.source, out.rule = gen, "genitive"
    sv0 = cand.feats.get("support")
    if out.source is None and sv0 is not None and _agentive_support(_bare_word(norms[sv0]), cand.type):
        out.source = _support_subject(cand, words, norms, slots, text)
        if out.source is not None:
            out.rule = "support"
    if out.source is None and cand.proclitics[-1:] in ("ب", "") and (sa := agent_support(cand, words, norms, text)) is not None:
        out.source = _support_subject(cand, words, norms, slots, text, sa)
        if out.source is not None:
            out.rule = "support"
    if gen is not None and (gen.prep is None or (gen.i == jq and jq > j)) \
            and cand.lexeme.key in GEN_OBJECT and gen is not out.source:
        out.target = gen
    sv = cand.feats.get("support")
    if sv is not None and _bare_word(norms[sv]) in VICTIM_SUPPORT and out.rule == "support":
        out.source, out.target, out.rule = None, out.source, "victim"
    if out.target is None:
        out.target = _relative_target(norms, slots, j, words, text, exclude=out.source)
    if out.target is None:
        out.target = _prep_target(words, slots, j, text, exclude=out.source)
    if out.source is None and cand.lexeme.kind == "verbal":
        out.source = _topic(slots, words, cand.i, text)
        if out.source is not None:
            out.rule = "topic"
    if out.target is None and cand.type in ("REQUEST", "REJECT"):
        out.target = _yield_addressee(norms, slots, j, exclude=out.source)
    return out


def _relative_target(norms, slots, j, words, text, exclude=None) -> Slot | None:
    """"الغارات … التي استهدفت قادة في الفصائل": the recipient named in a relative clause."""
    for k in range(j, min(len(norms) - 1, j + 5)):
        if norms[k] in RELATIVES and norms[k + 1] in REL_TARGET_VERBS:
            for s in slots:
                if s is not exclude and k + 2 <= s.i <= k + 6 and s.prep in (None, "في", "من", "ل") \
                        and _gap_ok(words, k + 1, s.i, text):
                    return s
            return None
    return None


def _topic(slots, words, i, text) -> Slot | None:
    """The topic of a nominal sentence ("العراق، …، من بين أشد المنتقدين"): its first word."""
    if slots and slots[0].i == 0 and slots[0].j <= i and slots[0].prep is None:
        return slots[0]
    return None


def _yield_addressee(norms, slots, j, exclude=None) -> Slot | None:
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


def _bare_word(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


def _looks_verbal(norm: str) -> bool:
    return norm[:1] in "يت" or norm.endswith(("وا", "ت"))


def _agent_after(norms, slots, j, words, text) -> Slot | None:
    """An agent named after من قبل / على يد / a relative clause verb (التي شنتها X)."""
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
                if hit - 1 <= s.i <= hit + 4 and s.prep is None and _gap_ok(words, j, s.i, text):
                    return s
            return None
    return None


# Agent phrases that only follow a passive verb ("خطفوا على أيدي رجال مسلحين").
PASSIVE_AGENT = tuple(tuple(normalize(w) for w in p.split()) for p in (
    "من قبل", "على يد", "على أيدي", "بأيدي", "من جانب", "بواسطة"))


def _passive_agent_marker(norms, j) -> bool:
    for k in range(j, min(len(norms), j + 7)):
        for ph in PASSIVE_AGENT:
            if tuple(norms[k:k + len(ph)]) == ph:
                return True
    return False


# أنّ with a pronoun for subject: "قال حلف الأطلسي انه قتل …", "أعلنت … انها قتلت …".
ANNA_PRONOUN = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم", "وانه", "وانها", "وانهم"})


def _passive(cand, words, norms, slots, text) -> bool:
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
    if prev in ("تم", "يتم", "وتم", "جرى", "جري"):
        return True
    if cand.cls == "perf" and cand.lexeme.id in PASSIVE_PRONE and (cand.plural or norms[cand.i].endswith("ا")):
        # "ثمانية أشخاص قتلوا جراء ضربة جوية": killed in/by an event, not killers
        nxt = norms[cand.j:cand.j + 3]
        if any(w in CAUSE_WORDS or w[:1] == "ب" and w[1:] in CAUSE_NOUNS for w in nxt[:1]) or \
                (nxt[:1] and nxt[0] in ("في", "خلال") and any(w in CAUSE_NOUNS or w[1:] in CAUSE_NOUNS for w in nxt[1:])):
            return True
    return False


# Words after a verb of harm that show it has no object: a clause of time or cause, a second
# passive casualty verb ("قتل وأصيب"), a preposition of place.
NO_OBJECT_NEXT = word_set(
    "في خلال جراء إثر اثر بسبب نتيجة عندما حين بعدما عقب مع أثناء اثناء قرب بالقرب داخل عند لدى "
    "بانفجار بهجوم بتفجير بقصف بغارة بنيران برصاص بالرصاص اليوم")
CASUALTY_COORD = word_set("وأصيب واصيب وأصيبت واصيبت وأصيبوا واصيبوا وجرح وجرحوا وخطف وخطفوا")


def _no_object(cand, words, norms, text) -> bool:
    """Nothing after a transitive verb of harm can be its object or subject: the verb is
    passive ("قُتل في الهجوم"). Time words and "على الأقل" may stand between."""
    k = cand.j
    while k < len(norms):
        if norms[k] in SKIP_AFTER_VERB:
            k += 1
        elif norms[k] in ("على", "علي") and k + 1 < len(norms) and norms[k + 1] == "الاقل":
            k += 2
        else:
            break
    if k >= len(norms):
        return True
    if not _gap_ok(words, cand.j - 1, k, text) or (k > cand.j and not _gap_ok(words, k - 1, k, text)):
        return True
    seg = text[words[cand.j - 1].end:words[k].start]
    if any(ch in seg for ch in ",،"):
        return True
    return norms[k] in NO_OBJECT_NEXT or norms[k] in CASUALTY_COORD


# Words after which a noun phrase opens a nominal clause whose verb follows it (SVO):
# "إن حركة طالبان اختطفت …", "وكانت حركة طالبان قد خطفت …".
SVO_OPENERS = word_set(
    "إن أن ان انه بأن بان كان كانت وكان وكانت فيما بينما حيث لكن ولكن إلا الا")


def _fronted_subject(cand, words, norms, slots, text) -> Slot | None:
    """A subject set before its verb by إن / كان: "إن حركة طالبان اختطفت حاكم منطقة"."""
    i = cand.i
    for s in slots:
        if s.prep is not None or s.adjectival or s.actor is None or s.sector in ("CVL", None):
            continue
        gap = norms[s.j:i]
        if s.j > i or len(gap) > 2 or any(w not in ("قد", "لقد") and w not in SKIP_AFTER_VERB for w in gap):
            continue
        if s.i > 0 and norms[s.i - 1] in SVO_OPENERS and _gap_ok(words, s.i - 1, i, text):
            return s
    return None


KANA = word_set("كان كانت وكان وكانت فكان فكانت كانوا وكانوا")
# Nouns of attacks and weapons: a nisba after one qualifies the attack ("هجوم انتحاري"), it is
# not the object of the verb that follows.
INANIMATE_AGENTS = CAUSE_NOUNS | word_set(
    "عبوة عبوات ناسفة ناسفه مفخخة مفخخه ملغومة ملغومه سيارة سيارات شاحنة شاحنات صاروخ صواريخ قذيفة قذائف "
    "قنبلة قنابل غارات الغارات الغارة ضربات الضربات الضربة الهجوم الهجمات الانفجار التفجير عملية "
    "العملية انتحاري انتحارية الانتحاري الانتحارية طائرة طائرات")


def _kana_subject(cand, words, norms, slots, text) -> Slot | None:
    """"وكانت «كتائب عز الدين القسام»، الجناح العسكري لحركة حماس قد أطلقت …": the subject of
    كان … قد + perfect, however long its apposition."""
    i = cand.i
    if i < 2 or norms[i - 1] not in ("قد", "لقد"):
        return None
    for k in range(i - 2, max(-1, i - 16), -1):
        if any(ch in text[words[k].end:words[k + 1].start] for ch in ".;:!?؟"):
            return None
        if norms[k] in KANA:
            k2 = k + 1
            while k2 < i and norms[k2] in SKIP_AFTER_VERB:
                k2 += 1
            return next((s for s in slots if s.i == k2 and s.prep is None and s.j < i), None)
    return None


# Singular masculine nouns of persons (the role lexicon's), which a feminine verb cannot have as
# its subject: "فقتلت المدرس" (the fire killed the teacher), "خطفت مواطنا".
MASC_PERSONS = word_set(
    "مدرس معلم استاذ جندي شرطي ضابط مواطن شخص طالب صحافي صحفي مراسل مصور طبيب وزير مسؤول قاض "
    "القاضي راهب امام مدني عامل موظف تاجر معارض متطوع مسلح انتحاري رجل قائد زعيم رئيس نائب "
    "مدير محافظ سفير قنصل دبلوماسي مترجم سائق مزارع صياد حارس قيادي ناشط")
# Titles before a man's name: "العميد فرنسوا الحاج", "الشيخ …".
MASC_TITLES = word_set("العميد اللواء العقيد الرائد المقدم النقيب الشيخ السيد الدكتور القس الحاج")


def _masculine_singular(s: Slot, norms: list[str]) -> bool:
    """Is the slot one man (a singular masculine role noun, or a man's title)?"""
    w0 = norms[s.i]
    for w in ((w0, w0[1:]) if w0[:1] in "وف" and len(w0) > 3 else (w0,)):  # (وزير is no و + زير)
        if w in MASC_TITLES:
            return True
        w = w[2:] if w.startswith("ال") else w
        if w.endswith("ا") and w[:-1] in MASC_PERSONS:  # accusative: "مواطنا"
            return True
        if w in MASC_PERSONS or (w.endswith("ي") and w[:-1] in MASC_PERSONS):
            return True
    return False


def _is_man(s: Slot, slots: list[Slot], norms: list[str]) -> bool:
    """The slot is one man, by its own words or by a title of the same actor ("وزير الدفاع الياس المر")."""
    if _masculine_singular(s, norms):
        return True
    return s.actor is not None and any(o is not s and o.actor == s.actor and o.j <= s.i and s.i - o.j <= 1
                                       and _masculine_singular(o, norms) for o in slots)


def _feminine_verb(cand, norms: list[str]) -> bool:
    """A perfect verb with the feminine singular ending -ت ("قتلت", "اختطفت")."""
    if cand.cls != "perf" or cand.plural or cand.j - cand.i != 1:
        return False
    w = norms[cand.i]
    return w.endswith("ت") and not w.endswith(("تا", "تم")) and len(w) - len(cand.proclitics) >= 4


def _subject(cand, words, norms, slots, text) -> tuple[Slot | None, str]:
    i, j = cand.i, cand.j
    fronted = _fronted_subject(cand, words, norms, slots, text)
    if fronted is not None:
        return fronted, "svo-fronted"
    kana = _kana_subject(cand, words, norms, slots, text)
    if kana is not None:
        return kana, "svo-fronted"
    if i > 0 and (norms[i - 1] in ANNA_PRONOUN or i > 1 and norms[i - 1] in ("قد", "لقد") and norms[i - 2] in ANNA_PRONOUN):
        return None, "pronoun"  # "انها قتلت ثلاثة جنود": the pronoun is the subject, the rest its object
    # VSO: an actor right after the verb (time words may stand between). A verb that carries
    # a plural subject (اختطفوا، يقتلون) agrees with a subject before it, so what follows is
    # its object.
    for s in slots:
        # SVO with the subject right before its verb ("إسرائيل تغتال 5 من جيش الإسلام"): what
        # follows the verb is its object, however it is counted
        if s.prep is None and not s.adjectival and s.j <= i and all(
                w in ("قد", "لقد") for w in norms[s.j:i]) and s.end <= words[i].start and \
                not text[s.end:words[i].start].translate(_NO_SPACE).strip():
            return s, "svo-adjacent"
    k = j if not cand.plural else len(norms)
    while k < len(norms) and k < j + 3 and norms[k] in SKIP_AFTER_VERB:
        k += 1
    k0 = k
    fem = _feminine_verb(cand, norms)
    for s in slots:
        if fem and s.i >= j and _is_man(s, slots, norms):
            continue  # "فقتلت المدرس": a feminine verb's subject is no man; he is its object
        if s.i == k0 and s.prep is None and k0 < len(norms) and _gap_ok(words, j - 1, s.i, text):
            return s, "vso"
    quant = False
    while k < len(norms) and k < j + 5 and (norms[k] in QUANTIFIERS or norms[k].isdigit()):
        k += 1
        quant = True
    kq, q2 = skip_quantity(norms, k)
    if q2:
        k, quant = kq, True
    for s in slots:
        if fem and s.i >= j and _is_man(s, slots, norms):
            continue
        if s.i == k and (s.prep is None or (quant and s.prep == "من")) and _gap_ok(words, j - 1, s.i, text):
            return s, "vso"
        if quant and s.i == k + 1 and norms[k] == "من" and _gap_ok(words, j - 1, s.i, text):
            return s, "vso"
    # SVO: the nearest free actor before the verb in the same clause
    best = None
    for s in slots:
        if s.j <= i and i - s.j <= 6 and s.prep is None and not s.adjectival and _gap_ok(words, s.j - 1, i, text) \
                and not (fem and _is_man(s, slots, norms)):
            best = s  # ("سيارة مفخخة استهدفت موكبه" after "وزير الدفاع الياس المر": not he)
    if best is not None:
        prev = next((s for s in slots if s.j == best.i and s.prep is None and not s.adjectival), None)
        if prev is not None and (prev.sector or prev.country) and words[best.i].norm[:1] == "و" and best.prep is None \
                and RELATIVES.isdisjoint(norms[best.j:i]):
            best = prev  # "ضابط شرطة وجنديا من الجيش اختطفا": the first conjunct heads the subject
        return best, "svo"
    if cand.proclitics[:1] in ("و", "ف"):
        # a coordinated verb shares the subject of the clause it is joined to
        # ("رفضت غينيا … دخول سيغيف …، واستجابت لطلب الشرطة")
        first = next((s for s in slots if s.j <= i and s.prep is None and not s.adjectival
                      and s.rule not in ("city", "entity-loc")), None)  # a town names no doer
        if first is not None:
            return first, "coordinated"
    return None, ""


def _object(cand, words, slots, after_from, text) -> Slot | None:
    j = cand.j
    norms = [w.norm for w in words]
    kq, quant = skip_quantity(norms, after_from)
    for s in slots:
        if s.i < after_from or s.i > after_from + 6:
            continue
        if s.adjectival and s.i > 0 and _bare_word(norms[s.i - 1]) in INANIMATE_AGENTS:
            continue  # "هجوم انتحاري": a quality of the attack, not whom it hit
        if not _gap_ok(words, j - 1, s.i, text):
            break
        if s.prep is None or s.prep in TARGET_PREPS or s.prep == "ل" or (quant and s.prep == "من" and s.i <= kq + 1):
            return s
    return _prep_target(words, slots, j, text)


def _prep_target(words, slots, j, text, exclude=None) -> Slot | None:
    """The recipient after على / ضد / بحق … (or a close لـ: "صواريخها للقواعد")."""
    for s in slots:
        if s is exclude or s.i < j or s.i > j + 8:
            continue
        if not _gap_ok(words, j - 1, s.i, text):
            break
        if s.prep in TARGET_PREPS or (s.prep == "ل" and s.i - j <= 2):
            return s
    return None


# Support verbs that say the event happened, or that someone reported it, without naming who
# did it ("أعلن الجيش مقتل …", "شهدت المدينة هجوماً", "أسفر الهجوم عن …").
NON_AGENTIVE = word_set(
    "شهد شهدت وقع وقعت تقع يقع جرى جرت حدث تم اسفر أسفر اسفرت أسفرت ادى أدى ادت أدت اوقع أوقع "
    "اوقعت أوقعت خلف خلفت")
ANNOUNCE = word_set("أعلن اعلن أعلنت اعلنت يعلن تعلن إعلان اعلان")


def _agentive_support(verb: str, etype: str) -> bool:
    """Is the support verb's subject the event's agent? (أعلن: only for policy moves)."""
    if verb in NON_AGENTIVE:
        return False
    if verb in ANNOUNCE:
        return etype not in ("ASSAULT", "PROTEST")
    return True


# Verbs whose subject performs the verbal noun they govern, however far it stands: "قام عدد من
# جنود المارينز بقتل المدنيين", "واصلت اسرائيل اعمال القتل".
AGENT_SUPPORT = word_set(
    "قام قامت قاموا يقوم تقوم يقومون بقيام لقيام قيام واصل واصلت واصلوا يواصل تواصل يواصلون")


def agent_support(cand, words, norms, text) -> int | None:
    """Index of a قام / واصل whose verbal-noun complement is the trigger (same clause)."""
    for k in range(cand.i - 1, max(-1, cand.i - 13), -1):
        w = _bare_word(norms[k])
        if w in ("ان", "انه", "انها", "قال", "قالت", "التي", "الذي", "الذين"):
            return None
        seg = text[words[k].end:words[k + 1].start]
        if any(ch in seg for ch in ".;:!?؟"):
            return None
        if w in AGENT_SUPPORT or norms[k] in AGENT_SUPPORT:
            return k
    return None


def _support_subject(cand, words, norms, slots, text, sv: int | None = None) -> Slot | None:
    """Subject of the support verb before a nominal trigger (شنت إسرائيل حربها)."""
    if sv is None:
        sv = cand.feats["support"]
    for s in slots:
        if sv < s.i < cand.i and (s.prep is None or (s.prep == "من" and s.i >= 2 and norms[s.i - 2] in QUANTIFIERS)):
            return s
    best = None
    for s in slots:
        if s.j <= sv and sv - s.j <= 5 and s.prep is None and _gap_ok(words, s.j - 1, sv, text):
            best = s
    return best
