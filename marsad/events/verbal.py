"""Verbal events from expressed stances: what a party says of another is itself an event.

PLOVER codes a party's spoken disapproval or criticism of another as ACCUSE (mode
``disapprove``) and its spoken approval, praise or backing as SUPPORT ("Any verbal support …
approval … express support for, commend"). The stances stage reads exactly these judgements,
in the speaker's own words ("قال قرقاش إن … سياسة كارثية عزلت قطر", "رحبت إسرائيل بالانسحاب
الأمريكي", "متهما واشنطن …"), so each such stance also gives the event, with the stance's
holder as source, its target as target and its evidence as the event's: one reading, two layers,
no second lexicon.

Not every stance is an utterance. A standing relation ("الحوثيين المدعومين من إيران"), an act
("انسحاب الولايات المتحدة من الاتفاق") or a claim an outlet reports about others expresses
nothing its holder said, so only stances read from a statement's content, or from a verb or
participle of judging (the rules in ``resources/events/verbal.yaml``), give events; and none where
an event of the same type already covers the evidence (the triggers found it first).
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from marsad import resources
from marsad.actors.kinds import REPORTER_SECTORS
from marsad.doc import Doc, Event, Provenance, Stance
from marsad.events.coding import placeless
from marsad.registry import stage
from marsad.text.normalize import normalize

STAGE = "verbal_events"


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = resources.read_yaml("events", "verbal.yaml")
    return {"types": data["types"], "modes": data["modes"], "speech": frozenset(data["speech_rules"]),
            "stated": frozenset(data["statement_rules"]),
            "subject_first": frozenset(data.get("subject_first_rules", ())),
            "relatives": frozenset(normalize(w) for w in data.get("relatives", ())),
            "agreed": frozenset(normalize(w) for w in data.get("agreed_pronouns", ())),
            "reach": int(data.get("proposal_reach", 0)),
            "not_speech": frozenset(normalize(w) for w in data.get("not_speech", ()))}


@stage("verbal_events", requires=("actors", "statements", "events", "stances"), assigns=("events",))
class VerbalEventsStage:
    """ACCUSE / SUPPORT events for the judgements speakers express (from the stances layer)."""

    def __call__(self, doc: Doc) -> Doc:
        r = _rules()
        for n, e in enumerate(doc.events):
            if (t := agreed_proposer(doc, e, r["agreed"], r["reach"])) is not None:
                doc.events[n] = replace(e, target=t, target_from="proposal",
                                        prov=Provenance(e.prov.stage, e.prov.rule + "+proposal", e.prov.score))
        new = [e for s in doc.stances if (e := verbal_event(doc, s)) is not None]
        if new:
            doc.events = sorted(doc.events + new, key=lambda e: (e.start, e.end))
        return doc


def verbal_event(doc: Doc, s: Stance) -> Event | None:
    """The ACCUSE / SUPPORT event stance ``s`` expresses, or None when it is no utterance."""
    r = _rules()
    rule = s.prov.rule or ""
    uttered = rule in r["speech"] or (s.statement is not None and rule in r["stated"])
    if not uttered or s.reported or s.target is None or _not_speech(doc, s, r["not_speech"]):
        return None
    if rule in r["subject_first"] and not _said_of_target(doc, s, r["relatives"]):
        return None  # a label before the party's name ("عدوان إيران"), nothing said of it
    holder = doc.actors.get(s.holder)
    if holder is None or holder.type in REPORTER_SECTORS or (holder.kind == "LOC" and not holder.type):
        return None  # an outlet relays what others say; a bare place is no speaker
    if not (holder.country or holder.type or _named_person(doc, s.holder)) or placeless(doc, s.holder):
        # "المتحدث" alone is nobody an event can name; "دبلوماسيون" acts only by its own verbs
        return None
    if any(e.start < s.end and s.start < e.end and e.source == s.holder for e in doc.events):
        return None  # the triggers already told what the holder did there (a warning, a demand)
    etype = r["types"][s.polarity]
    return Event(start=s.start, end=s.end, type=etype, prov=Provenance(STAGE, f"stance:{rule}", s.prov.score),
                 mode=r["modes"].get(etype), source=s.holder, target=s.target, date=s.date,
                 modality="asserted", stance=s.polarity)


def _said_of_target(doc: Doc, s: Stance, relatives: frozenset[str]) -> bool:
    """Is an evaluation said of its target: the target named first ("الأتراك لم يلتزموا"), or the
    subject of a relative clause on the evaluative noun ("للحرب التي يشنّها نظام الأسد")?"""
    if any(m.actor == s.target for m in doc.starting_in("mentions", s.start, s.start + 1)):
        return True
    first = min((m.start for m in doc.mentions_in(s.start, s.end) if m.actor == s.target), default=s.end)
    return any(t.norm in relatives for t in doc.overlapping("tokens", s.start, first))


def _not_speech(doc: Doc, s: Stance, words: frozenset[str]) -> bool:
    """The stance was read from a warning, a threat, an alliance or an attack (see verbal.yaml)."""
    return any(t.norm in words or (t.norm[:1] in "وف" and t.norm[1:] in words) for t in doc.overlapping("tokens", s.start, s.end))


def _named_person(doc: Doc, actor: str) -> bool:
    """An uncoded speaker still names someone when the entity layer read a person's name for it
    ("بولتون"); a bare title ("المتحدث") or an unlisted outlet ("دير شبيغل") does not."""
    return any(e.label == "PER" for m in doc.mentions if m.actor == actor
               for e in doc.overlapping("entities", m.start, m.end))


def agreed_proposer(doc: Doc, ev: Event, words: frozenset[str], reach: int) -> str | None:
    """The party whose demand an agreement told with a pronoun accepts ("الروس طرحوا شروطا أصروا
    عليها … واشنطن وافقت عليها": Russia): the source of the last demand told before, within
    ``reach`` characters, by someone else."""
    if ev.type != "AGREE" or ev.target is not None or ev.source is None or ev.trigger is None:
        return None
    after = doc.overlapping("tokens", ev.trigger[1], ev.trigger[1] + 12)
    if not any(t.norm in words for t in after[:2]):
        return None
    for e in reversed(doc.starting_in("events", ev.start - reach, ev.start)):
        if e.type == "REQUEST" and e.source is not None and not _same_side(doc, e.source, ev.source):
            return e.source
    return None


def _same_side(doc: Doc, a: str, b: str) -> bool:
    """The same actor, or two of one country ("واشنطن" and "الولايات المتحدة")."""
    ca, cb = (doc.actors[x].country if x in doc.actors else None for x in (a, b))
    return a == b or (ca is not None and ca == cb)
