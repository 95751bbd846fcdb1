"""Participant slots of a sentence: where its actors stand, for the argument rules.

Slots come from the actors layer's mentions, then from a lexicon of generic participants
(مسلحون، متظاهرون، الشرطة …, by PLOVER sector). Phrases are then folded into the slot that codes
them: a unit and its owner (دورية للجيش), a partitive (ثلاثة من عناصر الشرطة), a title of a state
(سفير بولندا), a member of a body (مسؤولون في حماس). Each slot records the preposition that
governs it.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from marsad.doc import Doc, MentionKind, Token
from marsad.events.args_affiliation import (
    affiliation_fold,
    construct_end,
    containers,
    facility_slots,
    fold_next,
    genitive_end,
    memberships,
    relational_start,
    role_states,
)
from marsad.events.args_slot_words import (
    MEMBER_ADJECTIVES,
    MEMBER_IN_NOUNS,
    MEMBER_NOUNS,
    ONE_OF,
    OWN_COUNTRY,
    PARTITIVE_HEADS,
    QUANTITY_ROLES,
)
from marsad.events.args_words import (
    ARTICLE,
    BI,
    BORROWED_COUNTRY,
    CONJ,
    FI,
    MIN,
    PLACE_KINDS,
    PREP_CLITICS,
    PREPS,
    QTY_SKIP,
    SKIP_AFTER_VERB,
    bare_word,
    is_adjective,
    is_nisba,
    may_qualify,
    slot_name,
)
from marsad.events.collectives import collective_slots
from marsad.events.lexicon import load_cues, stem_filter
from marsad.text.normalize import normalize
from marsad.text.segment import clitic_candidates, original_prefix_len


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
    mention: MentionKind = MentionKind.OTHER  # what its actors-layer mention names
    kind: str | None = None  # the actor's kind (PER ORG LOC …)
    group: object = None  # a collective phrase (marsad.events.collectives.Group)


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
                if ws[0].startswith(ARTICLE) and len(ws[0]) > 4:
                    # (not آلاف, normalised الاف: no article on اف, which "كافة" would be read as)
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
    if not _may_be_role(norm):
        return None
    for pro, stem, enc in clitic_candidates(norm):
        if enc and stem.startswith(ARTICLE):
            continue
        s = single.get(stem)
        if s:
            return s, stem, pro
    return None


@lru_cache(maxsize=1)
def _role_filter():
    single, phrases = _roles()
    return stem_filter(set(single) | set(phrases))


def _may_be_role(norm: str) -> bool:
    """Can a clitic reading of the word be a role word or a role phrase's first word?"""
    return _role_filter()(norm)


# Normalised words that are neither a generic participant nor the first word of one (most
# words): build_slots passes them with a set test instead of two cached lookups.
_NO_ROLE: set[str] = set()


@lru_cache(maxsize=200_000)
def _role_phrase_heads(norm: str) -> tuple:
    """(proclitics, [(rest, sector)]) for each clitic reading of a word that starts a generic
    participant phrase: the per-word part of the phrase lookup, cached (most words start none)."""
    _, phrases = _roles()
    if not _may_be_role(norm):
        return ()
    return tuple((pro, tuple(phrases[stem])) for pro, stem, enc in clitic_candidates(norm) if stem in phrases)


@lru_cache(maxsize=50_000)
def _role_phrase_seconds(norm: str) -> frozenset:
    """The second words (or their ال form) of the participant phrases a word may start."""
    return frozenset(w for _, entries in _role_phrase_heads(norm) for rest, _ in entries
                     for w in (rest[0], ARTICLE + rest[0]))


def _orig_prefix(raw: str, n: int) -> int:
    return original_prefix_len(raw, n)


_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def build_slots(doc: Doc, words: list[Token], starts: list[int]) -> list[Slot]:
    """Actor slots of one sentence, in text order, from mentions then generic role words."""
    if not words:
        return []
    taken = [False] * len(words)
    slots = _mention_slots(doc, words, starts, taken)
    slots += facility_slots(doc, words, taken, lambda i, j, s, e, sec, name, pro: Slot(
        i, j, s, e, sector=sec, name=name, pro=pro))
    slots = collective_slots(doc, words, taken, slots, lambda i, j, s, e, sec, cc, name, pro, grp: Slot(
        i, j, s, e, sector=sec, country=cc, name=name, pro=pro, group=grp))
    # only words that may be a participant are visited (most words are in _NO_ROLE)
    no_role = _NO_ROLE
    nxt = 0  # the first word after the last participant phrase this loop found
    for k in [k for k, w in enumerate(words) if not taken[k] and w.norm not in no_role]:
        if k < nxt:
            continue
        w = words[k]
        hit = _role_hit(words, k, taken)
        if hit:
            j, sector, pro = hit
            j = construct_end(words, k, j, words[k].norm[len(pro):], j < len(words) and not taken[j])
            country, sector = _role_country(words, slots, k, j, sector)
            off = _orig_prefix(w.text, len(pro)) if pro else 0
            start = words[k].start + off
            if not pro and k > 0 and not taken[k - 1] and words[k - 1].norm.isdigit():
                start = words[k - 1].start  # "30 إرهابيا": the count belongs to the participant's name
            slots.append(Slot(k, j, start, words[j - 1].end, sector=sector, country=country,
                              name=slot_name(doc.text[start:words[j - 1].end], w, pro), pro=pro))
            for x in range(k, j):
                taken[x] = True
            nxt = j
    slots.sort(key=lambda s: s.i)
    for sl in slots:
        sl.prep = prep_before(words, sl)
    if len(slots) and any(sl.prep == MIN or sl.i > 0 for sl in slots):
        slots = _partitives(words, slots)
    if len(slots) > 1:
        slots = containers(words, slots)
        slots = role_states(words, slots)
        slots = memberships(words, slots)
        slots = fold_next(slots, affiliation_fold(words))
    return slots


def _two_states(m, mentions) -> bool:
    """A name the tagger took as one place that holds two states' names of different actors."""
    inside = {x.actor for x in mentions if x is not m and x.kind is MentionKind.COUNTRY
              and m.start <= x.start and x.end <= m.end}
    return len(inside) >= 2


def _mention_slots(doc: Doc, words: list[Token], starts: list[int], taken: list[bool]) -> list[Slot]:
    """The slots of the actors layer's mentions in the sentence (marking their words taken)."""
    s0, s1 = words[0].start, words[-1].end
    slots: list[Slot] = []
    mentions = doc.mentions_in(s0, s1)
    for m in mentions:
        if m.kind is not MentionKind.COUNTRY and _two_states(m, mentions):
            continue  # "واتهمت إيران السعودية بـ…": subject and object, no place "إيران السعودية"
        i = bisect.bisect_right(starts, m.start) - 1
        j = bisect.bisect_left(starts, m.end)
        if i < 0 or j <= i:
            continue
        if any(taken[i:j]):
            continue
        a = doc.actors.get(m.actor)
        norm_span = [w.norm for w in words[i:j]]
        pro = normalize(doc.text[words[i].start:m.start]) if m.start > words[i].start else ""
        slot = Slot(i, j, m.start, m.end, actor=m.actor, country=a.country if a else None,
                    sector=a.type if a else None, name=slot_name(doc.text[m.start:m.end], words[i], pro),
                    adjectival=j - i == 1 and is_nisba(norm_span[0]) and may_qualify(doc.text, words, i),
                    pro=pro, mention=m.kind, kind=a.kind if a else None)
        if a is not None and a.kind == "PER" and not pro and (h := relational_start(words, i, taken)) < i:
            slot.i, slot.start, i = h, words[h].start, h  # "رفض مالكه أحمد شمر": the owner's phrase
        if m.kind is MentionKind.BORROWED and (e := genitive_end(words, i, j, pro, mentions)) > j:
            slot.j, slot.end, j = e, words[e - 1].end, e  # "تجار البازار": the genitive names them
            slot.name = slot_name(doc.text[m.start:slot.end], words[i], pro)
        slots.append(slot)
        for k in range(i, j):
            taken[k] = True
    return slots


def _role_hit(words: list[Token], k: int, taken: list[bool]) -> tuple | None:
    """A generic participant phrase or role word starting at word k: (end, sector, pronoun prefix)."""
    w = words[k]
    hit = None
    # every phrase has a word after its head: the next word must begin one of them
    heads = _role_phrase_heads(w.norm)
    if heads and (k + 1 >= len(words) or words[k + 1].norm not in _role_phrase_seconds(w.norm)):
        heads = ()
    for pro, entries in heads:
        for rest, sector in entries:
            n = len(rest)
            if k + 1 + n <= len(words) and all(
                    words[k + 1 + x].norm == rest[x] or words[k + 1 + x].norm == ARTICLE + rest[x]
                    for x in range(n)) and not any(taken[k:k + 1 + n]):
                hit = (k + 1 + n, sector, pro)
                break
        if hit:
            break
    if hit is None:
        r = role_of(w.norm)
        if r is None and not _role_phrase_heads(w.norm) and len(_NO_ROLE) < 400_000:
            _NO_ROLE.add(w.norm)
        if r and w.norm != r[2] + r[1] and r[1].endswith("ي") and w.text.rstrip(_HARAKAT).endswith("ة") \
                and k > 0 and words[k - 1].text.rstrip(_HARAKAT).endswith(("ة", "ات")):
            # "عملية عسكرية", "آليات عسكرية": a nisba agreeing with the feminine noun before
            # it, not "his soldier" (ة reads as the pronoun ه once normalised)
            r = None
        if r and not (r[1] in QUANTITY_ROLES and k + 1 < len(words) and _counted_noun(words[k + 1].norm)):
            # "عشرات الصواريخ" counts things; "مئات المتظاهرين" leaves the slot to its noun
            hit = (k + 1, r[0], r[2])
    return hit


def _role_country(words: list[Token], slots: list[Slot], k: int, j: int, sector: str | None) -> tuple:
    """The country (and sector) of the role phrase words[k:j]: the own country of "بلاده", the
    country of a possessive pronoun's antecedent, or a nisba / country mention right after it."""
    w = words[k]
    country = None
    if j == k + 1 and bare_word(w.norm) in OWN_COUNTRY:
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
        if sl.actor and sl.i in (j, j + 1) and sl.country and sl.mention not in BORROWED_COUNTRY and (
                sl.adjectival or sl.j - sl.i == 1 or sl.sector and sl.mention not in PLACE_KINDS and (
                    sl.pro[-1:] == BI or words[sl.i].norm.startswith("بال") or words[sl.i - 1].norm == FI)):
            # (or the body it serves in: "وزيرة الدولة بوزارة الطاقة السودانية")
            country = sl.country
            break
    return country, sector


def _partitives(words: list[Token], slots: list[Slot]) -> list[Slot]:
    """Extend a slot over the member noun or partitive head before it ("عناصر من Y", "أعضاء Y"):
    the phrase stands where its head stands and is coded as Y; a generic slot the head itself
    made ("مجموعة", "قوة", "عشرات") gives way."""
    by_i = {sl.i: sl for sl in slots}
    drop = set()
    for sl in slots:
        i = sl.i
        if sl.prep == FI and sl.kind == "ORG" and i >= 2:
            # a member or leader of the body: "قيادي في حركة حماس", "أحد القيادات البارزة في …"
            h = i - 2
            while h > 0 and bare_word(words[h].norm) not in MEMBER_IN_NOUNS and (
                    is_adjective(words[h].norm) or bare_word(words[h].norm) in MEMBER_ADJECTIVES):
                h -= 1
            if bare_word(words[h].norm) in MEMBER_IN_NOUNS and not any(h <= o.i < i for o in slots if o.actor) \
                    and not any(o.j == h for o in slots if o.actor):
                # (not an apposition to the actor before it: "تركيا، العضو في حلف شمال الأطلسي")
                i = h - 1 if h > 0 and bare_word(words[h - 1].norm) in ONE_OF else h
        # a member noun right before: "أعضاء حزب الغد"
        if sl.prep is None and i > 0 and i - 1 not in by_i and bare_word(words[i - 1].norm) in MEMBER_NOUNS \
                and not any(o.i < i <= o.j - 1 for o in slots if o is not sl):
            i -= 1
        if i >= 2 and words[i - 1].norm == MIN and sl.prep in (MIN, None):
            h = i - 2
            if h > 0 and is_adjective(words[h].norm) and _partitive_head(words[h - 1].norm):
                h -= 1  # "فرقة مظلية من قوات مكافحة الإرهاب"
            if _partitive_head(words[h].norm) or words[h].norm.isdigit():
                while h > 0 and (bare_word(words[h - 1].norm) in QTY_SKIP or words[h - 1].norm.isdigit()):
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


def _partitive_head(norm: str) -> bool:
    """A partitive head, with or without و / ف before it (a head may begin with either letter
    itself: فرقة، وحدة)."""
    return norm in PARTITIVE_HEADS or bare_word(norm) in PARTITIVE_HEADS


def _word_prep(words: list[Token], h: int) -> str | None:
    """Preposition attached to word h (للقواعد, بالعراق) or standing before it."""
    n = words[h].norm
    n = n[1:] if n[:1] in CONJ and len(n) > 3 else n
    if n.startswith("لل") and len(n) > 3:
        return "ل"
    if n.startswith(("بال", "كال")) and len(n) > 4:
        return n[0]
    return _prep_word(words, h)


def _prep_word(words: list[Token], i: int) -> str | None:
    """The preposition standing as a word right before word i (في, وفي → في), or None."""
    if i <= 0:
        return None
    p = words[i - 1].norm
    p = p[1:] if p[:1] in "وف" and p[1:] in PREPS else p
    return p if p in PREPS else None


def prep_before(words: list[Token], sl: Slot) -> str | None:
    """The preposition governing a slot: an attached ب / ل / ك, or a separate word before it.

    A nisba adjective slot (للقواعد الأميركية) takes the preposition of the noun it qualifies.
    """
    pro = sl.pro[1:] if sl.pro[:1] in CONJ else sl.pro
    if pro[:1] in PREP_CLITICS:
        return pro[:1]
    i = sl.i
    if sl.adjectival:
        h = i - 1
        while h > 0 and is_adjective(words[h].norm):
            h -= 1
        if h >= 0 and not is_adjective(words[h].norm):
            return _word_prep(words, h)
    return _prep_word(words, i)


def _counted_noun(norm: str) -> bool:
    """The noun after a counting word names what is counted: a participant of its own or a thing
    ("مئات البؤر", "عشرات الصواريخ"); a counting word stands for a crowd only alone."""
    return norm.startswith(ARTICLE) and norm not in SKIP_AFTER_VERB


