"""Demands told in a statement as an obligation of a party (PLOVER REQUEST).

"وقال السفير إنه يجب على المجتمع الدولي أن يتخذ موقفا موحدا"، "وقالت إيران إن على كوريا الشمالية
أن لا تثق بالولايات المتحدة"، "إنه يتعين على إسرائيل ضبط استخدامها للقوة": the speaker demands the
act of the party named after على, though no verb of demanding is used. The statements layer gives
the speaker and the content; the event needs both parties coded (an event with no source or no
target gives no stance). A negated or hedged obligation ("لا يتوجب على"، "ربما يتعين على"), one
laid on the speaker's own state, or one an agency relays makes none. The words are data
(resources/events/speech.yaml).

(A reaction an act provoked, "أثار غضب الفلسطينيين", is read by the stances stage,
marsad/stances/reactions.py, and becomes an ACCUSE event in marsad/events/verbal.py.)
"""
from __future__ import annotations

from marsad import resources
from marsad.actors.kinds import REPORTER_SECTORS
from marsad.doc import Doc, Event, Mention, Provenance, Token
from marsad.events.args_slots import build_slots
from marsad.events.args_words import CONJ, bare_word
from marsad.events.blame import CLAUSE_BREAKS, _forms, _own_state, statement_accusations
from marsad.events.charges import charge_events
from marsad.events.coding import generic_actor
from marsad.text.normalize import normalize

STAGE = "events"
SCORE = 0.6
RULE = "speech:REQUEST.obligation"
_W = resources.read_yaml("events", "speech.yaml")  # read once, at import
ALA = normalize(_W["ala"])
ALA_WRITTEN = _W["ala_written"]  # (its ى folds to ي, the ending of the name علي)
CLITIC_PREPS = _forms(_W["clitic_preps"])
THAT = _forms(_W["that"])
_CONJ_CHARS = "".join(CONJ)


# Words of an obligation laid on a party ("يجب على X أن"، "إن على X …").
OBLIGATION = _forms(_W["obligation_words"])
COMPLEMENTISERS = _forms(_W["complementisers"])
FILLERS = _forms(_W["obligation_fillers"])
HEDGES = _forms(_W["hedges"])
PARTY_REACH = int(_W["party_reach"])


def speech_events(doc: Doc) -> list[Event]:
    """Verbal events told with no trigger: the accusations of blame words in statements
    (marsad.events.blame), then the obligations laid on a party in statements (REQUEST), then
    the charges told with an arrest or a trial (marsad.events.charges)."""
    blamed = statement_accusations(doc)
    return blamed + [e for e in _obligations(doc) if not _told(doc, e)] + charge_events(doc)


def _told(doc: Doc, ev: Event) -> bool:
    """An event of the type and parties already read there (by the triggers)."""
    return any(e.type == ev.type and e.source == ev.source and e.target in (ev.target, None)
               for e in doc.overlapping("events", ev.start, ev.end))


def _coded(doc: Doc, aid: str | None) -> bool:
    a = doc.actors.get(aid or "")
    return a is not None and bool(a.country or a.type)


def _mention_at(doc: Doc, tok: Token) -> Mention | None:
    """The actor mention starting inside the token (its head word)."""
    ms = doc.starting_in("mentions", tok.start, tok.end)
    return ms[0] if ms else None


def _generic_party(doc: Doc, toks: list[Token], k: int) -> Mention | None:
    """A party no actor names, read as the events' generic participants are ("يجب على الأحزاب
    السياسية أن"، "يجب على المسلمين أن"): its words start right after على."""
    words = [t for t in toks if (c := t.norm[:1]) and (c.isalpha() or c.isdigit())]
    slot = next((sl for sl in build_slots(doc, words, [w.start for w in words])
                 if sl.start == toks[k].start and sl.actor is None and sl.sector), None)
    if slot is None:
        return None
    return Mention(slot.start, slot.end, generic_actor(doc, slot), Provenance(STAGE, "generic-participant"))


def _clitic(doc: Doc, tok: Token, m: Mention) -> bool:
    """A mention under a clitic preposition ("على بالحكومة") is no party the obligation falls on."""
    prefix = normalize(doc.text[tok.start:m.start]).lstrip(_CONJ_CHARS)
    return prefix[:1] in CLITIC_PREPS


def _obligations(doc: Doc) -> list[Event]:
    out = []
    for st in doc.statements:
        speaker = doc.actors.get(st.speaker or "")
        sent = doc.sentence_at(st.start)
        if not _coded(doc, st.speaker) or sent is None or sent.boilerplate:
            continue
        if speaker.type in REPORTER_SECTORS or _W["ala"] not in doc.text[st.start:st.end]:
            continue  # an agency relays the demand of the one it quotes; no على, no obligation
        toks = doc.tokens_of(sent)
        bare = [bare_word(t.norm) for t in toks]
        for k, t in enumerate(toks):
            if bare[k] != ALA or not (st.start <= t.start and t.end <= st.end) or k + 1 >= len(toks):
                continue
            if not t.text.endswith(ALA_WRITTEN):
                continue  # "إن علي حسن المجيد": the name Ali, folded to the same form as على
            told = _obliged(bare, k)
            m = (_mention_at(doc, toks[k + 1]) or _generic_party(doc, toks, k + 1)) if told else None
            if m is None or m.actor == st.speaker or not _coded(doc, m.actor) or _clitic(doc, toks[k + 1], m):
                continue
            if _own_state(doc, speaker, m):
                continue  # a state's official on what his own state must do: no demand on another party
            end = _act_end(toks, bare, k, m)
            if end is None:
                continue
            out.append(_event(doc, st.speaker, m.actor, toks[k - 1].start, end, t))
    return out


def _obliged(bare: list[str], k: int) -> str | None:
    """How على at ``k`` lays an obligation: after "يجب" / "يتعين" (maybe one filler between), or
    right after the complementiser ("إن على X أن")."""
    prev = bare[k - 1] if k else ""
    at = k - 1 if prev in OBLIGATION else k - 2 if prev in FILLERS else -1
    if at >= 0 and bare[at] in OBLIGATION:
        # ("لا يتوجب على إيران الاعتراف": no obligation; "ربما يتعين على ماي": a guess)
        return None if at and bare[at - 1] in HEDGES else "obligation"
    if prev in COMPLEMENTISERS:
        return "complementiser"
    return None


def _act_end(toks: list[Token], bare: list[str], k: int, m: Mention) -> int | None:
    """The end of the demanded act's first word: the verb after "أن" ("يجب على إيران أن تعرف"),
    else the verbal noun after the party ("إن على بريطانيا استغلال الزيارة")."""
    after = [j for j in range(k + 1, min(len(toks), k + 2 + PARTY_REACH)) if toks[j].start >= m.end]
    for j in after:
        if toks[j].norm in CLAUSE_BREAKS:
            break
        if bare[j] in THAT and j + 1 < len(toks):
            return toks[j + 1].end
    return toks[after[0]].end if after and toks[after[0]].norm not in CLAUSE_BREAKS else None


def _event(doc: Doc, source: str, target: str, start: int, end: int, tok: Token) -> Event:
    from marsad.times.stage import anchor

    return Event(start=start, end=end, type="REQUEST", prov=Provenance(STAGE, RULE, SCORE), source=source,
                 target=target, date=anchor(doc, start, end), trigger=(tok.start, tok.end), modality="asserted",
                 stance="none")
