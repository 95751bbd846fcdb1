"""Participant phrases beyond their head word (parts of marsad.events.args_slots): participants
coded by their patron ("مسلحين تابعين لميليشيات الحوثي", "قوات موالية للنظام السوري"), a
generic noun's genitive ("تجار البازار", "رجال القبيلة"), which is part of its name, and the
folds of a participant with the slot after it (a member in a body, a state's officials, a
body's forces: "قوات الجيش اليمني")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.doc import MentionKind, Token
from marsad.events.args_slot_words import (
    AFFILIATED,
    AFFILIATED_STATE_SECTORS,
    ARMED_SECTORS,
    CONSTRUCT_HEADS,
    CONSTRUCT_STOP,
    CONTAINERS,
    FACILITY_HEADS,
    FACILITY_SECTOR,
    FORCE_HEADS,
    LOCAL_OFFICES,
    MEMBERSHIP_SECTORS,
    RELATIONAL_FORMS,
    STATE_SECTORS,
)
from marsad.events.args_words import (
    ARTICLE,
    ARTICLE_FORMS,
    BORROWED_COUNTRY,
    FI,
    LI,
    PLACE_KINDS,
    TOWN_KINDS,
    bare_word,
    is_adjective,
)

if TYPE_CHECKING:
    from marsad.events.args_slots import Slot

# Mentions of a town or province a local office may govern.
LOCAL_PLACES = TOWN_KINDS | {MentionKind.CAPITAL}
# Mentions that name a state (its name or its capital).
STATE_MENTIONS = frozenset({MentionKind.COUNTRY, MentionKind.CAPITAL})


def affiliation_fold(words: list[Token]):
    """The fold (for args_slots._fold_next) of a generic participant affiliated to a patron
    ("X تابعين لـ Y", "X الموالية لـ Y"): a group's fighters are the group, an armed leader's
    men take his country and sector, state forces loyal to a state take its country. A named
    actor keeps its own code ("قوات حفظ السلام التابعة للأمم المتحدة")."""
    def fold(sl: Slot, nxt: Slot) -> str | None:
        if not (nxt.prep == LI and (nxt.i == sl.j + 1 and bare_word(words[sl.j].norm) in AFFILIATED
                                    or nxt.i == sl.j and bare_word(words[sl.j - 1].norm) in AFFILIATED)) \
                or not (sl.actor is None or sl.mention in BORROWED_COUNTRY) or nxt.adjectival \
                or nxt.actor is None or nxt.mention in BORROWED_COUNTRY:
            return None
        if nxt.kind == "PER":
            if nxt.sector not in ARMED_SECTORS or not nxt.country:
                return None
            sl.actor, sl.mention, sl.country, sl.sector = None, MentionKind.OTHER, nxt.country, nxt.sector
        elif nxt.mention in STATE_MENTIONS or nxt.sector in AFFILIATED_STATE_SECTORS:
            if sl.sector not in AFFILIATED_STATE_SECTORS or not nxt.country:
                return None
            sl.actor, sl.mention, sl.country = None, MentionKind.OTHER, nxt.country
        elif nxt.kind == "ORG" and nxt.sector in ARMED_SECTORS:
            sl.actor, sl.sector, sl.country, sl.mention, sl.kind = \
                nxt.actor, nxt.sector, nxt.country, nxt.mention, nxt.kind
        else:
            return None
        return " " + words[sl.j].text + " " if nxt.i > sl.j else " "
    return fold


def construct_end(words: list[Token], k: int, j: int, stem: str, next_free: bool) -> int:
    """End of a one-word generic participant at k with the definite genitive that names whose it
    is: "تجار البازار", "سكان المدينة", "أهالي القرية" (a name annotators and readers give whole).
    Only an indefinite head in construct; not an adjective, a time word or another participant."""
    if j != k + 1 or stem not in CONSTRUCT_HEADS or j >= len(words) or not next_free:
        return j
    w = words[j].norm
    if not w.startswith(ARTICLE) or len(w) < 5 or w in CONSTRUCT_STOP or is_adjective(w) \
            or words[k].end != words[j].start - 1:  # (a comma or a quote between: no construct)
        return j
    return j + 1


def genitive_end(words: list[Token], i: int, j: int, pro: str, mentions) -> int:
    """``construct_end`` for a one-word mention of a generic body (the actors layer's "تجار",
    "رجال"), the next word free of any other mention."""
    free = j < len(words) and not any(words[j].start <= x.start < words[j].end for x in mentions)
    return construct_end(words, i, j, words[i].norm[len(pro):], free)


def containers(words: list[Token], slots: list[Slot]) -> list[Slot]:
    """A unit or building followed by its owner (genitive or لـ) is coded as the owner: the
    unit's slot takes the owner's actor and the owner's own slot is dropped."""
    out: list[Slot] = []
    skip = set()
    for n, sl in enumerate(slots):
        if id(sl) in skip:
            continue
        head = bare_word(words[sl.i].norm)
        head = head[2:] if head.startswith(ARTICLE) else head
        nxt = slots[n + 1] if n + 1 < len(slots) else None
        if nxt is not None and sl.actor is None and sl.j - sl.i == 1 and head in CONTAINERS \
                and nxt.i == sl.j and nxt.prep in (None, LI) and (nxt.actor is not None or nxt.sector):
            sl.actor, sl.sector, sl.country, sl.mention = nxt.actor, nxt.sector, nxt.country, nxt.mention
            sl.j, sl.end, sl.name = nxt.j, nxt.end, nxt.name
            skip.add(id(nxt))
        out.append(sl)
    return out


# The acts whose direct object a building may be (a raid, an attack).
FACILITY_TYPES = frozenset({"ASSAULT", "COERCE"})
# Quote marks that may stand around a facility's name.
_QUOTES = "\"«»“”'"


def facility_slots(doc, words: list[Token], taken: list[bool], make) -> list:
    """A building or site named by the text ("اقتحمت ميليشيات الحوثي مستشفى «دار الشفاء»"):
    its head and the entity right after it (over a quote mark) are one civilian participant.
    ``make(i, j, start, end, sector, name, pro)`` builds the slot."""
    out = []
    for k, w in enumerate(words[:-1]):
        if taken[k] or bare_word(w.norm) not in FACILITY_HEADS:
            continue
        gap = doc.text[w.end:words[k + 1].start]
        if gap.strip(" " + _QUOTES):
            continue
        ent = next((e for e in doc.starting_in("entities", words[k + 1].start - 1, words[k + 1].end)
                    if e.label in ("ORG", "MISC", "LOC", "PER")), None)
        if ent is None:
            continue
        j = next((x for x in range(k + 1, len(words)) if words[x].end >= ent.end), len(words) - 1) + 1
        if any(taken[k:j]):
            continue
        end = ent.end + (1 if doc.text[ent.end:ent.end + 1] in _QUOTES and doc.text[ent.end:ent.end + 1] else 0)
        pro = w.norm[:len(w.norm) - len(bare_word(w.norm))]
        start = w.start + len(pro)
        out.append(make(k, j, start, end, FACILITY_SECTOR, doc.text[start:end], pro))
        for x in range(k, j):
            taken[x] = True
    return out


def facility_object(cand, words: list[Token]):
    """A building right after a verb of raid or attack, with no name ("داهموا المستشفى",
    "اقتحموا المدرسة"): its direct object, a civilian participant (a Slot), else None."""
    from marsad.events.args_slots import Slot

    j = cand.j
    if cand.type not in FACILITY_TYPES or cand.cls not in ("perf", "impf") or j >= len(words) \
            or words[j].norm not in FACILITY_HEADS:
        return None
    w = words[j]
    return Slot(j, j + 1, w.start, w.end, sector=FACILITY_SECTOR, name=w.text)


def relational_start(words: list[Token], i: int, taken: list[bool]) -> int:
    """The first word of a person's phrase that opens on a noun of kinship or ownership with a
    pronoun ("مالكه أحمد شمر", "شقيقه محمد"): that noun's index, else i."""
    if i > 0 and not taken[i - 1] and words[i - 1].norm in RELATIONAL_FORMS:
        return i - 1
    return i


# The preposition في between two words of a phrase (a member in a body: "مسؤول في حماس").
FI_GLUE = f" {FI} "


def fold_next(slots: list[Slot], fold) -> list[Slot]:
    """Each slot with the one after it: ``fold(sl, nxt)`` recodes ``sl`` and returns the words
    joining the two when ``sl`` takes ``nxt`` over (whose own slot is then dropped), else None."""
    out: list[Slot] = []
    taken = None
    for n, sl in enumerate(slots):
        if sl is taken:
            continue
        nxt = slots[n + 1] if n + 1 < len(slots) else None
        joiner = fold(sl, nxt) if nxt is not None else None
        if joiner is not None:
            sl.j, sl.end, sl.name = nxt.j, nxt.end, sl.name + joiner + nxt.name
            taken = nxt
        out.append(sl)
    return out


def memberships(words: list[Token], slots: list[Slot]) -> list[Slot]:
    """A generic participant followed by في and a body (or, for people, a state) is coded as that
    body: the participant's slot takes its actor and the body's own slot is dropped."""
    def fold(sl: Slot, nxt: Slot) -> str | None:
        if not (nxt.i == sl.j + 1 and words[sl.j].norm == FI and nxt.prep == FI and not nxt.adjectival):
            return None
        if (sl.actor is None or sl.mention in BORROWED_COUNTRY) and sl.sector in MEMBERSHIP_SECTORS \
                and nxt.actor is not None and nxt.mention not in BORROWED_COUNTRY \
                and (nxt.mention not in PLACE_KINDS and nxt.sector is not None
                     or nxt.mention is MentionKind.COUNTRY and sl.sector == "CVL"):
            sl.actor, sl.sector, sl.country, sl.mention = nxt.actor, nxt.sector, nxt.country, nxt.mention
            return FI_GLUE
        if (sl.actor is None and not sl.country or sl.mention in BORROWED_COUNTRY) \
                and sl.sector in STATE_SECTORS and nxt.mention is MentionKind.COUNTRY and nxt.country:
            # "الحكومة في تايلاند", "الشرطة في العراق": the state's institution, (state, sector)
            sl.actor, sl.mention, sl.country = None, MentionKind.OTHER, nxt.country
            return FI_GLUE
        return None
    return fold_next(slots, fold)


# Titles and generic participants whose genitive is a state: "سفير بولندا", "رئيس العراق",
# "جنود إسرائيل" are the state's officials or forces, coded (state, the title's sector); forces
# whose genitive is an armed body are that body ("قوات الجيش اليمني").
def role_states(words: list[Token], slots: list[Slot]) -> list[Slot]:
    def fold(sl: Slot, nxt: Slot) -> str | None:
        if nxt.i != sl.j or nxt.prep is not None or nxt.adjectival:
            return None
        if (sl.actor is None or sl.mention in BORROWED_COUNTRY) and sl.sector is not None and sl.group is None \
                and nxt.country and nxt.mention is MentionKind.COUNTRY and not words[sl.j - 1].norm.startswith(ARTICLE_FORMS):
            # (a definite noun is not in construct: "الحكومة العراق" is no phrase; a collective
            # phrase is whole: "دول غربية روسيا" is a subject and its object)
            sl.actor, sl.mention, sl.country = None, MentionKind.OTHER, nxt.country
            return " "
        if sl.actor is None and sl.group is None and sl.j - sl.i == 1 and bare_word(words[sl.i].norm) in LOCAL_OFFICES \
                and nxt.mention in LOCAL_PLACES and nxt.country:
            # "حاكم ولاية كاليفورنيا": the place's local government, not the place
            sl.sector, sl.country = "GOV", nxt.country
            return " "
        if sl.actor is None and sl.group is None and sl.j - sl.i == 1 and bare_word(words[sl.i].norm) in FORCE_HEADS \
                and nxt.group is None and nxt.sector in ARMED_SECTORS and nxt.mention not in PLACE_KINDS:
            # "قوات الجيش اليمني"، "عناصر الشرطة العراقية": the body's forces are the body
            sl.actor, sl.sector, sl.country, sl.mention = nxt.actor, nxt.sector, nxt.country or sl.country, nxt.mention
            return " "
        return None
    return fold_next(slots, fold)
