"""Participant phrases beyond their head word (parts of marsad.events.args_slots): participants
coded by their patron ("مسلحين تابعين لميليشيات الحوثي", "قوات موالية للنظام السوري") and a
generic noun's genitive ("تجار البازار", "رجال القبيلة"), which is part of its name."""
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
    RELATIONAL_FORMS,
)
from marsad.events.args_words import (
    ARTICLE,
    BORROWED_COUNTRY,
    LI,
    bare_word,
    is_adjective,
)

if TYPE_CHECKING:
    from marsad.events.args_slots import Slot

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
