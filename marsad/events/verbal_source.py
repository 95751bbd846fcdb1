"""Who may perform a verbal interaction the dictionary does not code.

A speech act, a meeting or a deal needs the actor who performed it, coded (country or sector),
because a name the tagger found but nothing places is mostly noise for incident reports. For the
verbal and diplomatic types the speaker is, in real news, very often a named person or body the
actor dictionary does not list ("قال رئيس مجلس النواب بول راين …", "اتفقنا على …" said by
"هيلي"): the entity layer found its name, and the analyst wants the event
with that name as its source. A bare noun ("المتحدث"), an outlet, a reporter or a place is no such
speaker, and an unlisted organisation is as often an outlet or a platform ("تويتر", "لوموند")
as a party, so only persons.
"""
from __future__ import annotations

from marsad.actors.kinds import REPORTER_SECTORS
from marsad.doc import Doc
from marsad.events.coding import _speaker_of, _uncoded, placeless
from marsad.text.normalize import normalize

# The types a named but uncoded actor may be the source of (every interaction told with words or
# at a table; not an attack, an arrest or a sanction, which need a coded agent).
NAMED_SOURCE_TYPES = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
                                "CONSULT", "COOPERATE", "CONCEDE"})
# Actors-layer rules that read the actor from a name the entity layer tagged.
_NAMED_RULES = frozenset({"entity-person", "entity-org"})
_NAMED_KINDS = frozenset({"PER"})
# The types a speaker the statements stage coded with a sector and no country ("دبلوماسيون"،
# "قادة الـ5 دول"، "الوزارة") may be the source of: the named ones', and a ministry's sanction.
PLACELESS_SOURCE_TYPES = NAMED_SOURCE_TYPES | {"SANCTION"}


def named_speaker(doc: Doc, aid: str | None, etype: str, cls: str, told_here: bool) -> bool:
    """May uncoded actor ``aid`` be the source of a verbal event of type ``etype`` told by a
    trigger of class ``cls``? Only a finite verb's: a participle or a noun takes its agent from
    farther away ("حكومة هاني الملقي التي رحلت على وقع احتجاجات شعبية رافضة …": not the premier);
    and only the verb's own subject or the speaker of the statement it is in (``told_here``), not
    an agent guessed from the sentences before."""
    if aid is None or cls not in ("perf", "impf") or not told_here:
        return False
    a = doc.actors.get(aid)
    if placeless(doc, aid):
        return etype in PLACELESS_SOURCE_TYPES
    if etype not in NAMED_SOURCE_TYPES:
        return False
    if a is None or a.kind not in _NAMED_KINDS or a.type in REPORTER_SECTORS:
        return False
    rule = a.prov.rule if a.prov is not None else ""
    # a full name, or a name the article comes back to: a lone first name once ("زيد", "شادي")
    # is as often a misread word (audit of 1,000 ant_news articles)
    return rule in _NAMED_RULES and (len(a.name.split()) >= 2 or len(a.mentions) >= 2)


def own_act(doc: Doc, aid: str, g, anna: bool) -> bool:
    """May the speaker of the statement a verb is in be its agent? An unnamed one (:func:`placeless`)
    only where the words point to it: a first person ("ونرحب"، "ندعو") or the pronoun of أنّ
    ("وأضافت الوزارة أنها استدعت سفراءها"); not a verb whose subject the rules missed ("بيان …
    يدعو"، "لكن الأخيرة اتهمت")."""
    return not placeless(doc, aid) or anna or g.args.rule == "first-person"


def unplaced(doc: Doc, aid: str) -> bool:
    """Is the actor no agent on its own: uncoded, or a speaker with no country (:func:`placeless`)?"""
    return _uncoded(doc, aid) or placeless(doc, aid)


def coded_alias(doc: Doc, aid: str | None) -> str | None:
    """The coded actor an uncoded one is a short name of: a name the article told in full before
    ("جبهة بوليساريو" … "بوليساريو تصر على …", "حزب العمال الكردستاني" … "العمال الكردستاني"),
    when exactly one coded actor's name ends with it; else None."""
    a = doc.actors.get(aid) if aid is not None else None
    if a is None or a.country or a.type or a.kind not in ("ORG", "PER"):
        return None
    short = normalize(a.name)
    if len(short) < 4:
        return None
    first = min((s for s, _ in a.mentions), default=0)
    hits = {b.id for b in doc.actors.values()
            if b.id != aid and (b.country or b.type) and normalize(b.name).endswith(" " + short)
            and min((s for s, _ in b.mentions), default=first) < first}
    return hits.pop() if len(hits) == 1 else None


def asked_pronoun(doc: Doc, words: list, cand, pronouns: dict[str, str]) -> str | None:
    """The one a demand is addressed to by a pronoun after من right after its verb ("وطلبوا منه
    تسليمهم المستشفى": the man named before), resolved by person and number as the patients of
    arrests are (events/anaphora.py)."""
    from marsad.events.anaphora import antecedent

    if cand.type != "REQUEST" or cand.cls not in ("perf", "impf"):
        return None
    nxt = words[cand.j].norm if cand.j < len(words) else ""
    pn = pronouns.get(nxt)
    return antecedent(doc, cand.start, pn) if pn else None


def quoted_speaker(doc: Doc, members: list, source, src_id: str | None) -> str | None:
    """"speaker" when the agent of a first-person verb in a quote ("نحمل النظام السوري المسؤولية")
    is the quote's speaker, named outside it (stances then need not find it beside the verb)."""
    if source is None and src_id is not None and any(m.args.rule == "first-person" for m in members) \
            and src_id == _speaker_of(doc, members[0].cand.start):
        return "speaker"
    return None
