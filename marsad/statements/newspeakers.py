"""Speakers the actors layer left unresolved: the subject phrase of a cue made into an actor.

"قال مسؤول أمريكي"، "أفاد شهود عيان"، "وقال تاجر سجاد آخر"، "واعتبرت نويرت" — the actors layer
marks no mention there, yet the statement has a speaker. :func:`phrase_speaker` reads the phrase
(cut at prepositions, relatives, addressees, time words) and returns, in this order:

* the actor of a person mention inside it;
* the speaker of the statement a document noun was issued in ("ولفت البيان إلى أن");
* the source already quoted ("المصدر ذاته");
* an earlier actor the phrase refers back to: a definite head (المحكمة → محكمة العدل الأوروبية,
  الوزير القطري → an actor called وزير الخارجية القطري) or a surname (نويرت → هيذر نويرت);
* a new actor of the document (``prov.stage == "statements"``), kind PER / GRP / ORG, coded with
  the country of a nisba or mention in the phrase and the sector of its head or adjectives
  (resources/statements/speakers.yaml, then the actors dictionary's roles and heads). Its span
  is in the actor's ``mentions``; ``doc.mentions`` (what the events and stances stages read) is
  left as the actors stage made it.

Where the phrase ends is :mod:`marsad.statements.speaker_phrase`'s to say; the reference back
to an earlier actor is :mod:`marsad.statements.refer_back`'s.
"""
from __future__ import annotations

import bisect

from marsad.doc import Actor, Provenance
from marsad.events.collectives import phrase_reading
from marsad.statements.context import Context, NMention
from marsad.statements.lexicon import RULE_WORDS, words
from marsad.statements.refer_back import refers_back
from marsad.statements.speaker_phrase import (
    actor_lexicon,
    phrase_span,
    speaker_lexicon,
)
from marsad.text.normalize import normalize

STAGE = "statements"
_BI_ISM = normalize(RULE_WORDS["bi_ism"])
_ART, _ALEF = RULE_WORDS["article"], RULE_WORDS["alef"]
_HA = normalize(RULE_WORDS["possessive_its"])  # a state's office, not a person's


def phrase_speaker(ctx: Context, s: int, e: int, sidx: int) -> tuple[str | None, tuple[int, int] | None]:
    """(actor id, phrase span) for an unresolved speaker phrase [s, e) in normalised offsets."""
    span = phrase_span(ctx, s, e)
    if span is None:
        return None, None
    s, e = span
    words = ctx.text[s:e].split()
    lex = speaker_lexicon()
    inner = ctx.mentions_in(s, e)
    # a person the phrase only names ("المتحدث باسم رئيسة الوزراء تيريزا ماي") is not the speaker
    person = next((m for m in inner if _kind(ctx, m.actor) == "PER"
                   and _BI_ISM not in ctx.text[s:m.start].split()), None) or _apposed(ctx, e)
    if person is not None:
        if words[0] in lex.titles or words[0] in lex.heads:
            # "وزير الخارجية السعودي، عادل الجبير": the title names him later ("الوزير السعودي")
            title = ctx.text[s:min(e, person.start)].split()
            if title:
                ctx.titled.append((title, person.actor))
        return person.actor, (person.start, person.end)
    if words[0] in lex.documents or (len(words) == 2 and words[1] in lex.same):
        return _last_speaker(ctx, sidx, s), None
    earlier = refers_back(ctx, words, s)
    if earlier is not None:
        return earlier, span
    surface = ctx.doc.text[slice(*ctx.nt.to_original(s, e))]
    if ctx.text[s - 1:s + 1] == RULE_WORDS["double_lam"]:
        words[0] = _ALEF + words[0]  # "وفقاً للمصادر": the article's alef dropped after لـ
        surface = _ALEF + surface
    if not _plausible(words, surface):
        return None, None
    return _new_actor(ctx, s, e, words, inner, surface), span


def _apposed(ctx: Context, e: int) -> NMention | None:
    """A person mention in apposition right after the phrase ("وزير الدفاع، أفيغدور ليبرمان،")."""
    text = ctx.text
    i = e
    while i < len(text) and text[i] == " ":
        i += 1
    if i >= len(text) or text[i] != ",":
        return None
    i += 1
    while i < len(text) and text[i] == " ":
        i += 1
    for m in ctx.mentions_in(i, i + 60):
        if m.start == i and _kind(ctx, m.actor) == "PER":
            return m
        break
    return None


# Name particles that may precede a definite word inside a personal name (عبد الله، أبو الغيط).
_NAME_PARTS = words("name_particles")


# Definite words that end a compound first name (فخر الدين، عبد الله، سيف الإسلام).
_NAME_ENDS = words("name_ends")


def _plausible(words: list[str], surface: str) -> bool:
    """Can an unlisted phrase name a speaker? A known head, or the shape of a personal name."""
    lex = speaker_lexicon()
    alex = actor_lexicon()
    head = words[0]
    if head in lex.not_speakers:
        return False
    if head in lex.heads or head in lex.titles or head in alex.person_roles or head in alex.org_heads \
            or head in lex.bodies \
            or " ".join(words[:2]) in lex.heads:
        return True
    if head.startswith(_ART):
        return True  # a definite group or body ("منتقدو …" is listed; "المفوضية العليا …")
    if _parts(words, surface):
        return True  # a name and a title ("سماح حديد مديرة حملات …")
    if len(words) > 4:
        return False
    if any(len(w) >= 5 and w.endswith(RULE_WORDS["ta_folded"]) and w != RULE_WORDS["allah"] for w in surface.split()):
        return False  # "تصميمه"، "خطيبته": a noun with a pronoun suffix is an object, not a name
    shown = surface.split() if len(surface.split()) == len(words) else words
    for prev, w, sw in zip(words, words[1:], shown[1:]):
        # the article as written (ألتون is no definite noun though it normalises to التون)
        if sw.startswith(_ART) and prev not in _NAME_PARTS and w not in _NAME_ENDS and _nisba_country(w, alex) is None:
            return False  # "تنكيس الأعلام": a noun in construct, not a name
    return not any(w.endswith(_ALEF) and len(w) > 3 for w in words[1:])  # "اعتباراً": an adverb


def _kind(ctx: Context, actor_id: str) -> str | None:
    a = ctx.doc.actors.get(actor_id)
    return a.kind if a else None


def _last_speaker(ctx: Context, sidx: int, before: int) -> str | None:
    """The issuer of a document: the speaker whose cue named it ("أوضحت القوات في بيان لها"),
    else the latest speaker of a statement that was not an attribution, a few sentences back."""
    # those sentences' lists, not the whole document's (found is in sentence order)
    recent = [f for k in range(sidx - 6, sidx + 1) for f in ctx.of_sentence(k) if f.speaker and f.cue[0] < before]
    docs = speaker_lexicon().documents
    for f in reversed(recent):
        lo, hi = min(f.cue[0], f.start), max(f.cue[1], f.start)
        if f.rule != "attribution" and any(w in docs for w in ctx.text[lo:hi].split()):
            return f.speaker
    return next((f.speaker for f in reversed(recent) if f.rule != "attribution"), None)


def _code(ctx: Context, words: list[str], inner: list[NMention], at: int) -> tuple[str, str | None, str | None]:
    """(kind, country, sector) of a new speaker from its words and the mentions inside it."""
    lex = speaker_lexicon()
    alex = actor_lexicon()
    pair = " ".join(words[:2])
    head = pair if pair in lex.heads or pair in alex.person_roles else words[0]  # "النائب العام": JUD
    kind, sector = lex.heads.get(head, (None, None))
    if kind is None:
        if head in alex.person_roles:
            kind, sector = "PER", alex.person_roles[head]
        elif head in lex.bodies or head in alex.org_heads:
            kind, sector = "ORG", lex.bodies.get(head) or alex.org_heads[head]
        else:
            kind = "GRP" if head.startswith(_ART) else "PER"  # an unlisted name is a person
    for w in words[1:words.index(_BI_ISM) if _BI_ISM in words else len(words)]:
        if sector is None and w in lex.adjectives:
            sector = lex.adjectives[w]  # (not past باسم: "المتحدث العسكري باسم جيش الإسلام" speaks for it)
    if _BI_ISM in words[1:] and inner:
        sector = None  # the body named after باسم gives the sector
    group = phrase_reading(words)  # "قادة الـ5 دول"، "دول عربية": a set of states or leaders
    if group is not None:
        kind, sector = "GRP", group[0]
    country = group[1] if group is not None else None
    body = next((lex.body_nisbas[w] for w in words[1:] if w in lex.body_nisbas), None)
    if body is not None:
        country, sector = body  # "المبعوث الأممي": the UN's
    for m in inner:
        a = ctx.doc.actors.get(m.actor)
        if a is not None and a.country:
            country = country or a.country
            # (an office of the body named right after it, "مدير المرصد السوري لحقوق الإنسان", is
            # that body's: its sector, not the title's)
            of_body = a.kind == "ORG" and m.start <= at + len(words[0]) + 2
            if a.type and (sector is None or of_body or kind == "GRP" and sector == "CVL" and a.type != "GOV"):
                sector = a.type
    if country is None:
        country = _nisba_country(" ".join(words), alex)
    if country is None and head in lex.local:
        country = ctx.doc.cache.get("main_country")
    if country is None and len(words) > 1 and words[1] in lex.possessed:
        # "وزير خارجيته" (his: a leader's), "خارجيتها" (its: a state's)
        country, sector = _possessor(ctx, at, not words[1].endswith(_HA)), sector or "GOV"
    if country is None and group is None and head not in lex.placeless:
        sector = None  # a sector alone places no actor (and would code events on a stranger)
    return kind, country, sector


# How far back (normalised characters) a possessive office looks for the state it belongs to.
_POSSESSOR_REACH = 300


def _possessor(ctx: Context, at: int, person: bool) -> str | None:
    """The country of the actor named last before ``at`` whose office a possessive pronoun names:
    a leader for "his" ("تعهد الرئيس التركي إردوغان … بعد أن قال وزير خارجيته"), a state for "its"
    ("خارجيتها"); the places between ("في شمال العراق") are not the possessor."""
    i = bisect.bisect_left(ctx.m_starts, at)
    for m in reversed(ctx.mentions[max(0, i - 12):i]):
        if m.start < at - _POSSESSOR_REACH:
            break
        a = ctx.doc.actors.get(m.actor)
        if a is not None and a.country and a.type in ("GOV", None) and (a.kind == "PER") == person:
            return a.country
    return None


def _nisba_country(phrase: str, alex) -> str | None:
    for _, _, readings in alex.scan(phrase):
        for r in readings:
            if r[0] == "N":
                return r[1]
            if r[0] == "A" and r[2] == "LOC" and str(r[1]).endswith(".GOV"):
                return r[1][:3]
    return None


def _parts(words: list[str], surface: str) -> list[str]:
    """A name and its title as aliases ("سماح حديد مديرة حملات …" → "سماح حديد", "مديرة حملات …")."""
    lex = speaker_lexicon()
    parts = surface.split()
    if len(parts) != len(words):
        return []
    k = next((i for i, w in enumerate(words) if i and w in lex.titles), None)
    if k is None or any(w.startswith(_ART) for w in words[:k]):
        return []
    return [" ".join(parts[:k]), " ".join(parts[k:])]


def _new_actor(ctx: Context, s: int, e: int, words: list[str], inner: list[NMention], surface: str) -> str:
    doc = ctx.doc
    code = "new:" + " ".join(words)
    os_, oe = ctx.nt.to_original(s, e)
    aid = ctx.made.get(code)
    if aid is None:
        kind, country, sector = _code(ctx, words, inner, s)
        k = len(doc.actors) + 1
        while f"a{k}" in doc.actors:
            k += 1
        aid = f"a{k}"
        doc.actors[aid] = Actor(aid, surface, None, country, sector, _parts(words, surface), [], code, None,
                                kind, Provenance(STAGE, "speaker"))
        ctx.made[code] = aid
    actor = doc.actors[aid]
    if (os_, oe) not in actor.mentions:
        actor.mentions.append((os_, oe))
        near = [m for m in ctx.mentions_in(max(0, s - 200), e + 200) if m.start < e and s < m.end]
        if all(s <= m.start and m.end <= e for m in near):
            # the phrase replaces the mentions inside it in this stage's view ("المتحدثة باسم الوزارة
            # هيذر نويرت" over a tagger's "الوزارة هيذر نويرت"), so later cues find the speaker
            for m in near:
                j = bisect.bisect_left(ctx.m_starts, m.start)  # as list.index, without the scan
                while ctx.mentions[j] != m:
                    j += 1
                del ctx.mentions[j], ctx.m_starts[j]
            i = bisect.bisect_left(ctx.m_starts, s)
            ctx.mentions.insert(i, NMention(s, e, aid, False))
            ctx.m_starts.insert(i, s)
            if getattr(ctx, "_earlier", None) is not None and i < ctx._earlier.done:
                ctx._earlier = None  # the mentions before the point seen so far changed
    return aid
