"""Counted groups among a sentence's participants.

News of incidents and operations names its patients by number: "مقتل 16 فلسطينيا", "قتلت
اثنين من أعضاء الخلية", "توقيف أكثر من 20 شخصا", "وقتل ثلاثة ضباط شرطة". The count is part of the
group's name (the phrase a reader, and an annotator, takes for the group), so a slot stands
over it. Some heads name a group only when counted ("5 أفراد", "ثلاثة أفراد") and "others"
continue the group counted before them ("مقتل 21 مسلحا واعتقال 238 آخرين").
"""
from __future__ import annotations

from marsad.doc import MentionKind, Token
from marsad.events.args_slot_words import (
    ACCUSATIVE_OTHERS,
    COUNT_NO_START,
    COUNT_VAGUE,
    COUNTED_DEFAULT_SECTOR,
    COUNTED_HEADS,
    COUNTED_OTHERS,
    GROUP_POSTMODIFIERS,
    ONE_OF,
)
from marsad.events.args_slots import Slot, prep_before, role_of
from marsad.events.args_targets import AMONG
from marsad.events.args_words import (
    NUMBER_WORDS,
    NUMERIC_QTY,
    QTY_SKIP,
    TARGET_PREPS,
    bare_word,
)

# Words that lead a count ("أكثر من 500", "ما لا يقل عن 28", "نحو 30"): the quantity phrase
# less its numbers and the vague "عدد" (a number of X is no count).
_LEADS = frozenset(QTY_SKIP - NUMBER_WORDS - COUNT_VAGUE)
# A count's phrase never starts on a bare preposition ("قتل من 5 …" is no count "من 5").
_NO_START = COUNT_NO_START
# Mentions a count may stand before: generic bodies and a state's people ("14 إيرانيا").
_COUNTABLE_MENTIONS = frozenset({MentionKind.NATIONALS, MentionKind.BORROWED, MentionKind.OTHER})


def is_count(norm: str) -> bool:
    return norm.isdigit() or norm in NUMBER_WORDS


def count_start(words: list[Token], i: int, lo: int) -> int:
    """First word of the count standing right before word i (never before word lo); i if none."""
    h = i
    while h > lo and is_count(words[h - 1].norm):
        h -= 1
    if h == i:
        return i
    while h > lo and words[h - 1].norm in _LEADS:
        h -= 1
    while words[h].norm in _NO_START:
        h += 1
    return h


def counted_groups(doc, words: list[Token], slots: list[Slot]) -> list[Slot]:
    """The sentence's slots with its counted groups: new slots of counted heads, and each
    slot's span stretched over its count."""
    if not any(is_count(w.norm) for w in words):
        return slots  # (most sentences)
    taken = [False] * len(words)
    for sl in slots:
        for x in range(sl.i, sl.j):
            taken[x] = True
    new = _counted_heads(doc, words, slots, taken)
    if new:
        for sl in new:
            sl.prep = prep_before(words, sl)
        slots = sorted(slots + new, key=lambda s: s.i)
    _widen(doc, words, slots)
    slots = _postmodified(doc, words, slots)
    for sl in slots:
        if sl.prep is None and sl.start < words[sl.i].start and not sl.pro:
            # the preposition before the count governs the group: "بحق عشرات آخرين", "ضد 25 شخصا"
            # (only a preposition of the recipient: "من قبل أربع نساء" stays the agent phrase)
            h = next(k for k in range(sl.i + 1) if words[k].start >= sl.start)
            p = prep_before(words, Slot(h, sl.j, sl.start, sl.end))
            sl.prep = p if p in TARGET_PREPS else None
    return slots


def _counted_heads(doc, words: list[Token], slots: list[Slot], taken: list[bool]) -> list[Slot]:
    """Slots of counted heads ("5 أفراد", "238 آخرين"): the sector of
    a participant word right after the head (a nisba: تكفيريا), else, for "others", the group
    named before it in the sentence, else a plain count of people."""
    out = []
    for k, w in enumerate(words):
        b = w.norm if w.norm in COUNTED_HEADS or w.norm in COUNTED_OTHERS else bare_word(w.norm)
        if taken[k] or not k or not is_count(words[k - 1].norm) or (b not in COUNTED_HEADS and b not in COUNTED_OTHERS):
            continue
        crowd = next((s for s in slots if s.j == k and s.i == k - 1 and s.actor is None), None)
        if crowd is not None:
            slots.remove(crowd)  # "بحق عشرات آخرين": the crowd word counts the others
        j, sector, country = k + 1, COUNTED_DEFAULT_SECTOR, None
        if k + 1 < len(words) and not taken[k + 1] and words[k + 1].norm in COUNTED_OTHERS:
            j, b = k + 2, words[k + 1].norm  # "N أفراد آخرين"
        nxt = next((s for s in slots if s.i == j and s.actor is None and s.j - s.i == 1 and not s.pro), None)
        r = role_of(words[j].norm) if nxt is None and j < len(words) and not taken[j] else None
        if nxt is not None:
            j, sector, country = nxt.j, nxt.sector, nxt.country  # "N فردا مسلحا": the participant word codes it
            slots.remove(nxt)
        elif r is not None and not r[2]:
            j, sector = j + 1, r[0]
        elif b in COUNTED_OTHERS:
            # (the group counted before: "قتل 5 جنود وأصيب 10 آخرون", not the agent between)
            # (not a subset a count singles out: "قتل اربعة اشخاص، بينهم عنصران من الشرطة، واصيب 15 اخرين")
            before = [s for s in slots + out if s.j <= k and (s.sector or s.country) and is_counted(words, s)
                      and not _among(words, s)]
            if before:
                sector, country = before[-1].sector, before[-1].country
        start = words[count_start(words, k, 0)].start
        out.append(Slot(k, j, start, words[j - 1].end, sector=sector, country=country,
                        name=doc.text[start:words[j - 1].end]))
        for x in range(k, j):
            taken[x] = True
    return out


def _widen(doc, words: list[Token], slots: list[Slot]) -> None:
    """Stretch each participant's span over the count before it ("16 فلسطينيا", "أكثر من 800
    شخص", "مئات المتظاهرين") or inside its partitive ("سبعة من قوات الأمن"): its name is the counted group."""
    lo = 0
    for sl in slots:
        if sl.pro or sl.adjectival or (sl.actor is not None and sl.mention not in _COUNTABLE_MENTIONS):
            lo = sl.j
            continue
        first = next((k for k in range(sl.i, sl.j) if words[k].start >= sl.start), sl.i)
        if first > sl.i:
            # a partitive folded over its head: a count inside it names the group
            if any(is_count(words[k].norm) for k in range(sl.i, first)):
                sl.start = words[sl.i].start
                sl.name = doc.text[sl.start:sl.end]
        else:
            h = count_start(words, sl.i, lo)
            if h < sl.i and words[h].start < sl.start:
                sl.start = words[h].start
                sl.name = doc.text[sl.start:sl.end]
        lo = sl.j


def is_counted(words: list[Token], sl: Slot) -> bool:
    """A count stands right before the slot's head, or inside its span ("سبعة من قوات الأمن", "أحد
    أفراد الشرطة", "جنديين")."""
    return count_start(words, sl.i, 0) < sl.i or any(
        is_count(w) or w in NUMERIC_QTY or bare_word(w) in ONE_OF for w in (words[k].norm for k in range(sl.i, sl.j)))


def accusative_others(norms: list[str], sl: Slot) -> bool:
    """"خمسة آخرين": a counted group in the accusative, the object of the verb before it."""
    return norms[sl.j - 1] in ACCUSATIVE_OTHERS


def counted_patient(words: list[Token], norms: list[str], sl: Slot, casualty: frozenset) -> bool:
    """A counted group right after a word of casualty ("وأصيب 48 شخصا", "مقتل أربعة أشخاص"):
    the victims, whatever the clause's word order suggests."""
    k = sl.i - 1
    while k > 0 and words[k].start >= sl.start:
        k -= 1  # past the count its span holds
    if k < 0 or k == sl.i - 1 and not is_counted(words, sl):
        return False
    w = norms[k]
    return w in casualty or (w[:1] in "وبل" and w[1:] in casualty)


def _among(words: list[Token], sl: Slot) -> bool:
    """The slot is a subset of the group before it: "بينهم", "منهم" stand right before its span."""
    k = sl.i - 1
    while k >= 0 and words[k].start >= sl.start:
        k -= 1
    return k >= 0 and words[k].norm in AMONG


def _postmodified(doc, words: list[Token], slots: list[Slot]) -> list[Slot]:
    """A counted group goes on over the words that still describe it ("538 متسللا من جنسيات
    مختلفة"): its span takes them and the adjective after them (a slot there is dropped)."""
    n, m = len(words), len(GROUP_POSTMODIFIERS)
    drop = set()
    for sl in slots:
        k = sl.j
        if k + m >= n or sl.actor is not None or tuple(w.norm for w in words[k:k + m]) != GROUP_POSTMODIFIERS \
                or not is_counted(words, sl):
            continue
        if any(c in doc.text[words[k - 1].end:words[k + m].start] for c in ".,،:;!?؟"):
            continue
        drop.update(id(o) for o in slots if o is not sl and k <= o.i <= k + m)
        sl.j, sl.end = k + m + 1, words[k + m].end
        sl.name = doc.text[sl.start:sl.end]
    return [sl for sl in slots if id(sl) not in drop] if drop else slots
