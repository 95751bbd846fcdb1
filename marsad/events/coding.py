"""Actor coding of the events stage: generic participants, the actors-layer kind of a slot's
mention, the agent or speaker a clause borrows from the text before, and the event's place."""
from __future__ import annotations

from marsad import resources
from marsad.actors.kinds import REPORTER_SECTORS, STORY_SENTENCES
from marsad.doc import Actor, Doc, MentionKind, Provenance, Sentence
from marsad.events.args_slots import Slot
from marsad.events.collectives import collective_actor
from marsad.events.lexicon import VERBAL_TYPES
from marsad.events.triggers import Candidate

STAGE = "events"
# Sectors of generic participants, whose country is only what their own words say.
GENERIC_SECTORS = frozenset({"UAF", "CVL", "CRM", "UNK"})
# The sectors that usually perform an event of a type, for a clause that names no agent.
DEFAULT_AGENTS = {"PROTEST": frozenset({"CVL", "OPP", "LAB", "EDU"}), "ASSAULT": frozenset({"UAF"})}
# Mentions that name a state or its nationals and nothing more: coded (country, no sector).
STATE_NAMES = frozenset({MentionKind.COUNTRY, MentionKind.CAPITAL, MentionKind.NATIONALS})
# PLOVER's country codes of international non-state actors: no location.
NON_STATES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
# Mentions of a listed group or person, whose dictionary entry gives the country.
NAMED_KINDS = frozenset({MentionKind.ALIAS, MentionKind.PERSON})


# Words for "a person" that tell nothing about who was hit.
_W = resources.read_yaml("events", "coding_words.yaml")
BARE_PERSONS = frozenset(_W["bare_persons"])
TANWIN = _W["tanwin"]


def _bare_person(doc: Doc, sl: Slot) -> bool:
    from marsad.text.normalize import normalize

    return sl.actor is None and normalize(doc.text[sl.start:sl.end]).strip(TANWIN) in BARE_PERSONS


def _word_sector(name: str, sector: str | None) -> str | None:
    """The events lexicon's sector for a one-word generic participant, else ``sector``."""
    from marsad.events.args_slots import role_of
    from marsad.text.normalize import normalize

    ws = normalize(name).split()
    if len(ws) != 1 or sector not in ("UAF", "REB"):
        return sector
    r = role_of(ws[0])
    return r[0] if r and r[0] in ("UAF", "REB") else sector


# Sectors of those who relay what others say.


def _uncoded(doc: Doc, aid: str) -> bool:
    a = doc.actors.get(aid)
    return a is not None and not a.country and not a.type


def placeless(doc: Doc, aid: str | None) -> bool:
    """A speaker the statements stage coded with a sector but no country ("دبلوماسيون"، "الوزارة"):
    like a name, it is the source only of its own finite verb or of the statement it speaks (the
    nearest agent guessed for a noun or a clause farther away is as often another actor)."""
    a = doc.actors.get(aid) if aid is not None else None
    return a is not None and not a.country and a.type is not None \
        and a.type not in REPORTER_SECTORS \
        and a.prov is not None and a.prov.stage == "statements" and a.prov.rule == "speaker"


def _place(doc: Doc, aid: str | None) -> bool:
    """A town, region or river the actors layer read as a location with no sector ("السويداء",
    "الفرات"): a place no event is performed by (a state name or a capital carries its government's
    sector and is no place here)."""
    a = doc.actors.get(aid) if aid is not None else None
    return a is not None and a.kind == "LOC" and not a.type


# Sectors that tell or document violence and never commit it (PLOVER): a monitor or an outlet read
# as the agent of an attack or an arrest is the speaker the clause was attributed to.
UNARMED_SECTORS = frozenset({"NGO", "MED", "IGO"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})


def unarmed_agent(doc: Doc, etype: str, aid: str | None) -> bool:
    """Is ``aid`` a monitor, an outlet or an international body read as the agent of force?"""
    a = doc.actors.get(aid) if aid is not None else None
    return etype in FORCE_TYPES and a is not None and a.type in UNARMED_SECTORS


def _mention_kind(doc: Doc, slot: Slot) -> MentionKind | None:
    """The kind of the actors-layer mention a slot was built from."""
    for m in doc.mentions_in(slot.start, slot.end):
        if m.actor == slot.actor and m.prov is not None:
            return m.kind
    return None


def _names_country(span_text: str) -> bool:
    """Does a mention's own text carry a nationality (مسلحون عراقيون) rather than borrow one?"""
    from marsad.events.args_words import is_nisba
    from marsad.text.normalize import normalize

    return any(is_nisba(w) for w in normalize(span_text).split()[1:])



# How far back (characters) a pronoun subject looks for the agent last named.
PREVIOUS_AGENT_REACH = 300


def _previous_agent(doc: Doc, offset: int) -> str | None:
    """The speaker of the last statement, or the source of the last speech-act event, told
    within ``PREVIOUS_AGENT_REACH`` characters before the offset."""
    best = None
    # only the statements and events starting in the reach, not all of the document's
    for st in doc.starting_in("statements", offset - PREVIOUS_AGENT_REACH, offset):
        if st.speaker:
            if best is None or st.start > best[0]:
                best = (st.start, st.speaker)
    for ev in reversed(doc.starting_in("events", offset - PREVIOUS_AGENT_REACH, offset)):
        if ev.source and ev.type in VERBAL_TYPES and _speaker_of(doc, ev.start) in (None, ev.source):
            # (an act told inside another's statement, "مؤكدا عزم الدوحة حضور القمة", is the
            # reported party's, not the narrative's last speaker)
            if best is None or ev.start > best[0]:
                best = (ev.start, ev.source)
            break
    return best[1] if best else None


def _speaker_of(doc: Doc, offset: int) -> str | None:
    """The speaker of the statement whose content holds the offset (reported speech acts)."""
    for st in doc.overlapping("statements", offset, offset + 1):
        if st.speaker:
            return st.speaker
    return None


STORY_PLACED = "generic-participant+main-country"


def self_placed(actor: Actor | None) -> bool:
    """Does the actor carry a country of its own words (a name, a nisba), not only the story's?
    ("قوات الأمن" in a Saudi story is Saudi by context: no agent a condemnation can name.)"""
    return bool(actor and actor.country and not (actor.prov and actor.prov.rule == STORY_PLACED))


def generic_actor(doc: Doc, slot: Slot, sector: str | None = "") -> str:
    """An actor for a generic participant (مسلحون مجهولون → UAF), one per sector+country+name."""
    from marsad.text.normalize import normalize

    if slot.group is not None:  # a collective phrase ("دول غربية"): its own words place it
        return collective_actor(doc, slot, doc.cache.get("main_country")
                                if len(doc.sentences) >= STORY_SENTENCES else None)
    index = doc.cache.setdefault("events_generic", {})
    if sector == "":
        sector = slot.sector
    country = slot.country
    if country is None and sector and len(doc.sentences) >= STORY_SENTENCES:
        # "حرس الحدود", "التجار": in an article, an unplaced participant of a sector is the
        # story's own (PLOVER codes a generic actor by the country it acts in); a lone sentence
        # (the GSR's incident reports) has no story to place it in
        country = doc.cache.get("main_country")
    key = (sector, country, normalize(slot.name))
    aid = index.get(key)
    if aid is None:
        n = len(index) + 1
        aid = f"ev{n}"
        while aid in doc.actors:
            n += 1
            aid = f"ev{n}"
        index[key] = aid
        # Corpus-wide code: a bare state is the country itself (CAMEO/PLOVER "USA"); other
        # generic participants are one actor per country, sector and wording.
        code = country if country and not sector else f"generic:{country or '-'}:{sector or '-'}:{key[2]}"
        rule = "generic-participant" if country == slot.country else STORY_PLACED
        doc.actors[aid] = Actor(id=aid, name=slot.name, country=country, type=sector, code=code,
                                kind="GEN", prov=Provenance(STAGE, rule))
    a = doc.actors[aid]
    if (slot.start, slot.end) not in a.mentions:
        a.mentions.append((slot.start, slot.end))
    return aid


def _location(doc: Doc, sent: Sentence, cand: Candidate, target: Actor | None) -> tuple[str | None, str | None]:
    """Country (ISO alpha-3) and name of the place in the trigger's sentence, else the target's."""
    best = None
    for e in doc.starting_in("entities", sent.start, sent.end):  # not every entity: linear time
        if e.label != "LOC":
            continue
        a = doc.actors.get(e.actor) if e.actor else None
        if a is None or not a.country:
            continue
        d = abs(e.start - cand.start)
        if best is None or d < best[0]:
            best = (d, a.country, doc.text[e.start:e.end])
    if best:
        return best[1], best[2]
    if target is not None and target.country and len(target.country) == 3 and target.country not in NON_STATES:
        return target.country, None
    return None, None


HASHTAG_JOINERS = "_"


def _listed_owner(doc: Doc, slot: Slot) -> str | None:
    """A listed group joined to a generic participant in one hashtag word ("#ميليشيات_الحوثي"
    read as the generic "ميليشيات" and the alias "الحوثي"): the group the phrase names."""
    end = slot.end
    while end < len(doc.text) and doc.text[end] in HASHTAG_JOINERS:
        end += 1  # (the hashtag's words are one token: the group's name follows the joiner)
    if end == slot.end:
        return None
    end = doc.text.find(" ", end) % (len(doc.text) + 1)
    return next((m.actor for m in doc.mentions_in(slot.start, end)
                 if m.actor != slot.actor and m.kind is MentionKind.ALIAS and m.actor in doc.actors
                 and doc.actors[m.actor].country), None)
