"""The events stage: PLOVER events (type, mode, source, target, date, location, evidence span).

Per content sentence: trigger candidates from the lexicon (``events_triggers``), their context and
auxiliary mode (``events_context``), source and target (``events_args``), a score from the trained
filter or the lexeme prior (``events_filter``). Candidates of one type that describe one incident
("قتل 12 شخصاً في هجوم انتحاري استهدف …") are merged into one event. Negated, hypothetical and
future events are dropped (PLOVER lets a coder exclude them), unless the stage is built with
``keep_aux=True``, which keeps them with ``aux`` set; historical events are kept and marked.

Actor codes follow the evidence of the phrase itself (as the GSR annotators and PLOVER coders
do): a generic participant (مسلحون، الشرطة، الجيش، المتظاهرون) whose country the actors layer
borrowed from the article is coded with no country; a bare state name or nationality
(إسرائيل، فلسطينيين) is coded (country, no sector); a nisba in the phrase (جنود أميركيين،
الفصائل العراقية المسلحة) keeps its country.
"""
from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from marsad import resources
from marsad.actors.kinds import REPORTER_SECTORS
from marsad.doc import Doc, Event, MentionKind, Provenance, Sentence, Token
from marsad.events.anaphora import dual_pair, pronoun_patient
from marsad.events.args_passive import ANNA_PRONOUN
from marsad.events.args_slots import Slot
from marsad.events.args_words import (
    BORROWED_COUNTRY,
    NUMBER_WORDS,
    QUANTIFIERS,
)
from marsad.events.coding import (
    DEFAULT_AGENTS,
    GENERIC_SECTORS,
    NAMED_KINDS,
    STAGE,
    STATE_NAMES,
    STORY_SENTENCES,
    _bare_person,
    _listed_owner,
    _location,
    _mention_kind,
    _names_country,
    _place,
    _previous_agent,
    _speaker_of,
    _uncoded,
    _word_sector,
    generic_actor,
    self_placed,
    unarmed_agent,
)
from marsad.events.context import mode_of
from marsad.events.demands import DEMANDS, demand_stance
from marsad.events.filter import load_filter
from marsad.events.judged import judged_act
from marsad.events.sentence import (
    CLAUSE_PUNCT,
    DROPPED_AUX,
    Scored,
    _merge,
    _other_time,
    _resolve_overlaps,
    _threshold,
    analyse_sentence,
)
from marsad.events.speech import speech_events
from marsad.events.triggers import NO_TRIGGER, Candidate
from marsad.events.verbal_source import asked_pronoun, coded_alias, named_speaker, own_act, quoted_speaker, unplaced
from marsad.registry import stage
from marsad.text.normalize import normalize, word_set

# Events of these types are reported even when nobody is named as their source (a car bomb
# exploded; thousands demonstrated); every other type needs the actor who performed it.
SOURCELESS = frozenset({"ASSAULT", "PROTEST"})
# Speech acts that judge an act (condemn, accuse, criticise): with no patient of their own, the
# agent of the act they govern is their target; the act is searched this many words after them.
ACT_JUDGING = frozenset({"ACCUSE"})
JUDGED_ACT_GAP = 4
VICTIM_SECTORS = frozenset({"CVL", "REF"})
# Types told with their patient alone in a passive clause (تم / جرى + verbal noun, a passive verb): an
# arrest whose agent the article leaves to the context; an accusation, sanction, threat or demand only
# with its patient named ("اتُّهمت روسيا بتدبيره"), not in an imperfect (يُحذّر: damma of forms II/IV).
PATIENT_ONLY, PASSIVE_TOLD = frozenset({"COERCE"}), frozenset({"ACCUSE", "SANCTION", "THREATEN", "REQUEST"})
_NORM = attrgetter("norm")
ASKED = {normalize(k): v for k, v in resources.read_yaml("events", "verbal.yaml")["asked_pronouns"].items()}
# How many words before a result (أسفر عن مقتل …) its act may be told, and the filter score
# under which that act, and so its result, is no incident report.
ACT_REACH = 15
ACT_FLOOR = 0.5


@stage("events", requires=("sentences", "tokens", "boilerplate", "actors", "mentions", "times", "reference_date",
                          "published", "statements"),
       assigns=("events", "actors"))
class EventsStage:
    """PLOVER events with mode, source, target, date and location."""

    def __init__(self, keep_aux: bool = False):
        self.keep_aux = keep_aux

    def __call__(self, doc: Doc) -> Doc:
        year = doc.published_date.year if doc.published else None
        for sent in doc.content_sentences():
            toks = doc.tokens_of(sent)
            unknown = set(map(_NORM, toks)).difference(NO_TRIGGER)
            if not unknown:
                continue  # every token is known to start no trigger: no candidate
            if len(NO_TRIGGER) < 400_000:  # punctuation and other non-words start none either
                NO_TRIGGER.update(n for n in unknown if not ((c := n[:1]) and (c.isalpha() or c.isdigit())))
            # is_word inlined: this runs once per token of the article
            words = [t for t in toks if (c := t.norm[:1]) and (c.isalpha() or c.isdigit())]
            scored = analyse_sentence(doc, sent, year, words, self.keep_aux, all_feats=False, open_norms=unknown)
            if not scored:
                continue
            flt = load_filter()
            live = {id(s) for s in scored if s.score >= _threshold(flt, s)}
            if not live:
                continue
            # one incident told by several triggers ("قتل … بهجوم انتحاري") is one event: the
            # weaker triggers join the group of a trigger that passed and lend it their words
            told = set()  # the types of the events of this sentence so far
            first = len(doc.events)
            for g in _merge(_resolve_overlaps(scored), words, doc.text):
                if not any(id(m) in live for m in g.members):
                    continue
                if _toll(g, live) and (g.cand.type in told or _act_vetoed(scored, g, doc.text)):
                    continue  # "هجوم …، ما أسفر عن مقتل …": the toll of an act reported, or judged no incident
                g.members.sort(key=lambda m: (id(m) not in live, m.cand.i, not m.cand.lexeme.incident))
                ev = self._event(doc, sent, words, g)
                if ev is not None and g.cand.type in ACT_JUDGING:
                    ev = self._judged_agent(doc, ev, g, scored)
                if ev is not None:
                    told.add(ev.type)
                    doc.events.append(ev)
                    doc.events.extend(self._co_events(doc, ev, (g.members or [g])[0]))
            if len(doc.events) - first > 1:
                doc.events[first:] = _fold_tolls(doc.events[first:], words)
        doc.events.extend(speech_events(doc))  # (blame words in statements, provoked reactions, obligations)
        return doc

    # -- building the event ----------------------------------------------------------------
    def _event(self, doc: Doc, sent: Sentence, words: list[Token], g: Scored) -> Event | None:
        members = g.members or [g]
        g = members[0]  # the trigger that passed the filter heads the event
        first = min(members, key=lambda m: m.cand.i).cand
        last = max(members, key=lambda m: m.cand.j).cand
        aux = _group_aux(members)
        etype = g.cand.type
        if aux == "future" and g.cand.lexeme.future_type:
            # "سيلتقي X بـ Y": the meeting is to come, its announcement is an agreement to meet
            etype, aux = g.cand.lexeme.future_type, None
            g = replace(g, rule=g.rule + "+future")
        if aux in DROPPED_AUX and not self.keep_aux:
            return None
        target = _target_slot(doc, members)
        source, src_id = self._agent(doc, sent, words, members, target)
        if _place(doc, src_id) or unarmed_agent(doc, etype, src_id):
            # "هاجم التنظيم منطقة السويداء": a town, a river or a monitor read as the agent is a misread clause
            source, src_id = None, None
        tgt_id = self._actor_id(doc, target)
        # "بوليساريو" after "جبهة بوليساريو": the short name of a coded actor told before
        src_id, tgt_id = coded_alias(doc, src_id) or src_id, coded_alias(doc, tgt_id) or tgt_id
        if (pair := dual_pair(doc, words, g.cand)) is not None and (source is None or src_id in pair):
            src_id, tgt_id = pair  # "التقى X بـ Y … واتفقا على …": the two parties told before
        if tgt_id is None:
            # "تم اعتقاله", "يتم توقيفهم": the patient named before, by person and number
            tgt_id = pronoun_patient(doc, words, g.cand) or asked_pronoun(doc, words, g.cand, ASKED)
        if src_id is None and _passive_act(words, g) and (etype in PATIENT_ONLY or etype in PASSIVE_TOLD and tgt_id and g.cand.cls != "impf"):
            pass  # "جرى اعتقال الناشطين …", "تم ضبط …": the act is told without its agent
        elif any(m.cand.lexeme.incident for m in members) and (src_id is None or _uncoded(doc, src_id)):
            src_id = None  # "تعرضوا للترهيب", "ضبط كميات من …": an incident report names no agent
        elif etype not in SOURCELESS and (src_id is None or unplaced(doc, src_id)) \
                and not named_speaker(doc, src_id, etype, g.cand.cls, source is not None or (
                    src_id == _speaker_of(doc, g.cand.start) and own_act(doc, src_id, g, _after_pronoun_anna(words, g)))):
            # a speech act or a policy move needs the actor who performed it, coded (see named_speaker)
            return None
        if g.cand.lexeme.gen_lam and g.args.rule != "gen-lam":
            return None  # "مقاطعة الانتخابات": the noun names this act only with both parties
        if all(m.ctx.anaphoric for m in members):
            return None  # "تلك الضربات": the event was already reported where it was first told
        tgt_id = None if tgt_id == src_id else tgt_id
        if tgt_id is None and (g.cand.lexeme.need_target or etype != g.cand.type):
            # (an announced meeting with nobody to meet, "سيجتمع المجلس الأسبوع المقبل", is a
            # body's own session, no agreement between parties)
            return None  # "وصف الوضع بأنه …", "حذر من تفاقم …": no interaction without a patient
        start, end = _event_span(members, (source, target), sent)
        from marsad.times.stage import anchor
        location, place = _location(doc, sent, g.cand, target and doc.actors.get(tgt_id or ""))
        return Event(
            start=start, end=end, type=etype,
            prov=Provenance(STAGE, g.rule, round(max(m.score for m in members), 4)),
            mode=mode_of(first, [w.norm for w in words], last), source=src_id, target=tgt_id,
            date=anchor(doc, start, end), location=location, place=place,
            trigger=(g.cand.start, g.cand.end), aux=aux,
            modality=modality_of(aux, g.ctx.governed_by),
            # ("none": no attitude, whatever the type's: an announced meeting coded AGREE, a readiness to talk)
            stance=(etype in DEMANDS and demand_stance(doc.text, words, g.cand.j) or g.cand.lexeme.stance) if tgt_id else None,
            source_from=quoted_speaker(doc, members, source, src_id),
        )

    def _agent(self, doc: Doc, sent: Sentence, words: list[Token], members: list[Scored],
               target: Slot | None) -> tuple[Slot | None, str | None]:
        """The event's agent slot and actor id: a member's own source, else the usual agent of
        its type in the sentence, else (for a speech act with a pronoun or elided subject) the
        speaker of the enclosing statement or the agent last named before."""
        g = members[0]
        source = next((m.args.source for m in members if m.args.source is not None and m.args.source is not target), None)
        defaulted = False
        if source is None and g.cand.type in DEFAULT_AGENTS:
            source = _default_agent(g, target)
            defaulted = source is not None
        src_id = self._actor_id(doc, source)
        if defaulted and src_id is not None and src_id == self._actor_id(doc, target):
            # "بمقتل 15 مسلحا … احد مسؤولي المسلحين": a guessed agent that is the victim's own
            # group gives way to the victim the clause names
            source, src_id = None, None
        if src_id is None and (g.cand.lexeme.kind == "verbal" or _after_tamma(words, g.cand)
                               or _after_pronoun_anna(words, g) or g.args.rule == "first-person"):
            # a speech act with a pronoun or elided subject, or "تم نشر …" inside a statement:
            # the speaker of the enclosing statement
            src_id = _speaker_of(doc, g.cand.start)
            if src_id is not None and (doc.actors[src_id].type in REPORTER_SECTORS or (
                    g.cand.type in SOURCELESS and _uncoded(doc, src_id))):
                # an agency reporting "تم مقتل …" killed nobody, nor refused what it relays (رفض …، حسب رويترز)
                src_id = None
        if src_id is None and (g.cand.lexeme.kind == "verbal" and g.cand.cls in ("perf", "impf", "form") and g.args.rule in (
                "pronoun-subject", "", "coordinated", "coordinated-object", "hal") and not _counted_subject(words, g.cand)
                               or g.args.rule == "suffix"):
            # "وقال وزير الخارجية القطري … واتهم السعودية …", "جاء ذلك خلال لقائه …": the verb's
            # pronoun (a meeting's suffix) is the agent last named for a speech act before
            src_id = _previous_agent(doc, sent.start)
        return source, src_id

    def _judged_agent(self, doc: Doc, ev: Event, g: Scored, scored: list[Scored]) -> Event:
        """A condemnation or accusation whose object is an act ("وأدانت منظمة العفو الدولية
        الاعتقالات", "أدانت روسيا الضربات الأمريكية على سوريا"): its target is the act's agent, named in
        the clause or, for an act already reported ("الاعتقالات"), the agent of the last such event before."""
        act = judged_act(scored, g, JUDGED_ACT_GAP, doc.text)  # after it, or the act that provoked it
        if act is None or ev.target is not None and ev.target != self._actor_id(doc, act.args.target):
            return ev  # (a patient of its own; the act's victim read as the patient gives way to its agent)
        tgt = self._actor_id(doc, act.args.source)
        if tgt is None and act.cand.definite:
            # (a generic agent with no country, "قوات الأمن", names nobody a condemnation targets)
            tgt = next((e.source for e in reversed(doc.events) if e.type == act.cand.type and e.source is not None
                        and e.start < ev.start and self_placed(doc.actors[e.source])), None)
        if tgt is None or tgt == ev.source or doc.actors[tgt].type in VICTIM_SECTORS:
            return ev  # (civilians are the victims of a condemned act, not its agent)
        stance = g.cand.lexeme.stance if g.cand.lexeme.stance != "none" else None
        return replace(ev, target=tgt, stance=stance, target_from="judged-act",
                       prov=Provenance(STAGE, ev.prov.rule + "+judged-act", ev.prov.score))

    def _co_events(self, doc: Doc, ev: Event, g: Scored) -> list[Event]:
        """One event per further pair of coordinated actors ("اتهم السعودية والإمارات
        والبحرين": three accusations), on the same evidence."""
        out = []
        sources = [ev.source] + [self._actor_id(doc, sl) for sl in g.args.co_sources]
        targets = [ev.target] + [self._actor_id(doc, sl) for sl in g.args.co_targets]
        seen = {(ev.source, ev.target)}
        end = max([ev.end] + [sl.end for sl in g.args.co_sources + g.args.co_targets if sl.start < ev.end + 200])
        for src in sources:
            for tgt in targets:
                if src is None or (src, tgt) in seen or src == tgt or _place(doc, src):
                    continue
                seen.add((src, tgt))
                out.append(replace(ev, end=end, source=src, target=tgt, prov=Provenance(STAGE, ev.prov.rule + "+coordinated",
                                                                              ev.prov.score)))
        return out

    def _actor_id(self, doc: Doc, slot: Slot | None) -> str | None:
        if slot is None:
            return None
        if slot.actor is not None and slot.actor in doc.actors:
            a = doc.actors[slot.actor]
            kind = _mention_kind(doc, slot)
            if kind is MentionKind.BORROWED and (owner := _listed_owner(doc, slot)) is not None:
                return owner  # "#ميليشيات_الحوثي": one word, a generic head and the group it names
            name = slot.name or doc.text[slot.start:slot.end]
            if kind in BORROWED_COUNTRY and a.country:
                # "الجيش", "مسلحون", "الفصائل" with the article's country: PLOVER codes the
                # country only when the phrase itself says it; the sector is the one the events
                # lexicon gives the word (the GSR annotators code "مسلحون" REB, "مسلحين" UAF)
                return generic_actor(doc, Slot(slot.i, slot.j, slot.start, slot.end,
                                               sector=_word_sector(name, a.type), name=name))
            if kind in STATE_NAMES and a.country and len(doc.sentences) < STORY_SENTENCES:
                # a bare state name ("إسرائيل", "سوريين") in a lone incident sentence: the country,
                # no sector the text gives (the GSR's coding); in an article a state's name is its
                # government, the actor the actors stage made for it (ANNOTATION.md)
                return generic_actor(doc, Slot(slot.i, slot.j, slot.start, slot.end, country=a.country,
                                                name=name), sector=None)
            if a.type in GENERIC_SECTORS and a.country and kind not in NAMED_KINDS \
                    and not _names_country(doc.text[slot.start:slot.end]):
                # unknown gunmen, civilians …: PLOVER codes no country the text does not give
                # (a listed group or person of such a sector keeps the country of its entry)
                return generic_actor(doc, Slot(slot.i, slot.j, slot.start, slot.end, sector=_word_sector(name, a.type),
                                                name=name))
            if a.country or a.type or slot.sector is None:
                return slot.actor
        if slot.sector is None:
            return slot.actor
        return generic_actor(doc, slot)



def _event_span(members: list[Scored], args, sent: Sentence) -> tuple[int, int]:
    """The event's evidence: its triggers and its arguments' words, within the sentence."""
    start = min([m.cand.start for m in members] + [s.start for s in args if s is not None])
    end = max([m.cand.end for m in members] + [s.end for s in args if s is not None])
    return max(start, sent.start), min(end, sent.end)


def _fold_tolls(events: list[Event], words: list[Token]) -> list[Event]:
    """One sentence's attacks: a toll told with no attacker ("قتل 37 عنصرا من ميليشيات الحوثي …،
    في غارات شنتها طائرات التحالف") is the incident another attack of the sentence tells with
    its attacker and the same victims: one event, over both clauses (not across a clause of
    another time: "قصفت إسرائيل … ردا على تفجير أسفر عن إصابة أربعة جنود إسرائيليين")."""
    out = list(events)
    for e in events:
        if e.type != "ASSAULT" or e.source is not None or e.target is None:
            continue
        k = next((k for k, o in enumerate(out) if o.type == "ASSAULT" and o.source is not None
                  and o.target == e.target and o.modality == e.modality and not _other_time(
                      [w for w in words if min(o.trigger[1], e.trigger[1]) <= w.start < max(o.trigger[0], e.trigger[0])])),
                 None)
        if k is not None:
            o = out[k]
            out[k] = replace(o, start=min(o.start, e.start), end=max(o.end, e.end),
                             prov=Provenance(STAGE, o.prov.rule + "+toll", max(o.prov.score, e.prov.score)))
            out.remove(e)
    return out


def _toll(g: Scored, live: set[int]) -> bool:
    """Does the group tell a toll: its first live trigger a result (أسفر عن سقوط …)? A casualty
    noun read after it ("سقوط قتلى وجرحى": "قتلى" read as a killing) is a word of the toll."""
    first = min((m for m in g.members if id(m) in live), key=lambda m: m.cand.i)
    return first.cand.lexeme.outcome


def _act_vetoed(scored: list[Scored], g: Scored, text: str) -> bool:
    """Is the act a result is told of (the nearest earlier trigger of its type in its clause) no
    incident report: found very unlike one by the filter, or told as past history, a plan or a
    condition ("بعد الاعتداء الذي وقع … وأدى إلى مقتل …", "في مذبحة عام 1965 أسفرت عن مقتل …")?"""
    head = min((m for m in g.members if m.cand.lexeme.outcome), key=lambda m: m.cand.i)
    act = next((s for s in reversed(scored) if s.cand.type == g.cand.type and s.cand.j <= head.cand.i
                and not s.cand.lexeme.outcome), None)
    if act is None or head.cand.i - act.cand.j > ACT_REACH or not _same_clause(text[act.cand.end:head.cand.start]):
        return False  # (no act of its own clause: the result is the report)
    return act.score < ACT_FLOOR or act.ctx.aux is not None or bool(act.ctx.governed_by)


def _same_clause(between: str) -> bool:
    """No clause punctuation between an act and its result, or only before the و that joins the
    result's verb to the act's clause ("الهجوم الذي نفذته الحركة …، وأسفر عن مقتل …")."""
    cut = max(between.rfind(ch) for ch in CLAUSE_PUNCT)
    if cut < 0:
        return True
    rest = between[cut + 1:].split()
    return len(rest) == 1 and rest[0].startswith(CONJ_WAW)


def _default_agent(g: Scored, target: Slot | None) -> Slot | None:
    """When the clause gives no agent, the sentence's participant of the type's usual agent
    sector, nearest to the trigger ("… احتجاجات عمت العراق … أحرق متظاهرون")."""
    sectors = DEFAULT_AGENTS[g.cand.type]
    cands = [sl for sl in g.slots if sl is not target and sl.sector in sectors
             and not (target is not None and sl.i < target.j and target.i < sl.j)]
    if not cands:
        return None
    return min(cands, key=lambda sl: abs(sl.i - g.cand.i))


_W = resources.read_yaml("events", "stage_words.yaml")
MODAL_QAD = tuple(_W["modal_qad"])
CONJ_WAW = _W["conjunction_waw"]


# The modality of an event told inside another speech act's complement, by that act's type.
GOVERNED_MODALITY = {"REQUEST": "demanded", "THREATEN": "threatened", "AGREE": "promised",
                     "REJECT": "rejected", "ACCUSE": "alleged"}
AUX_MODALITY = {"negated": "denied", "hypothetical": "conditional", "future": "planned"}


def modality_of(aux: str | None, governed_by: str | None) -> str:
    """asserted, or how the clause holds the event back from being a fact."""
    if aux in AUX_MODALITY:
        return AUX_MODALITY[aux]
    return GOVERNED_MODALITY.get(governed_by or "", "asserted")


def _group_aux(members: list[Scored]) -> str | None:
    auxes = [m.ctx.aux for m in members]
    if any(a is None for a in auxes):
        return None if not any(a == "historical" for a in auxes) else "historical"
    return auxes[0]


def _after_pronoun_anna(words: list[Token], g: Scored) -> bool:
    """A verb whose subject is the pronoun of أنّ: the speaker reports their own act."""
    c = g.cand
    return c.cls in ("perf", "impf", "form") and not g.args.passive and 0 < c.i and (
        words[c.i - 1].norm in ANNA_PRONOUN or (c.i > 1 and words[c.i - 1].norm in MODAL_QAD
                                               and words[c.i - 2].norm in ANNA_PRONOUN))


# Auxiliaries of a passive act told by its verbal noun (جرى اعتقال، وتم ضبط); normalised
# forms (جرى is read جري).
PASSIVE_AUX = word_set(_W["passive_aux"])
TAMMA = tuple(_W["tamma"])


def _passive_act(words: list[Token], g: Scored) -> bool:
    return g.args.passive or _after_tamma(words, g.cand) or (
        g.cand.i > 0 and words[g.cand.i - 1].norm in PASSIVE_AUX)


def _after_tamma(words: list[Token], cand: Candidate) -> bool:
    return cand.i > 0 and words[cand.i - 1].norm in TAMMA


ALL_OF = word_set(_W["all_of"])


def _counted_subject(words: list[Token], cand: Candidate) -> bool:
    """A count right after the verb is its subject ("ونددت 128 دولة …"), though no actor: the
    verb has no pronoun subject to take from the sentences before."""
    nxt = words[cand.j].norm if cand.j < len(words) else ""
    # (كل / جميع after a verb of calling is its addressee: "وطالبت كل أحرار العالم")
    return nxt.isdigit() or nxt in NUMBER_WORDS or (nxt in QUANTIFIERS and nxt not in ALL_OF)



__all__ = ["EventsStage"]


def _target_slot(doc: Doc, members: list[Scored]) -> Slot | None:
    """The event's patient slot among its members' readings.

    The recipient first: a victim read off a passive or a casualty count ("جنديين عراقيين قتلا
    بانفجار عبوة استهدفت …") outweighs the same words read as another trigger's subject (not the
    attacker another member names by its aircraft: "استهدفت غارات للتحالف نقطة …")."""
    means = [m.args.source for m in members if m.args.rule == "means"]
    targets = [m.args.target for m in members if m.args.target is not None
               and not any(m.args.target is s for s in means)]
    target = targets[0] if targets else None
    if target is not None and _bare_person(doc, target):
        # "مقتل شخص … في هجوم … استهدف دورية للجيش الاميركي": the unit the attack was aimed
        # at says more than an uncounted person among its casualties
        target = next((t for t in targets[1:] if not _bare_person(doc, t)), target)
    return target
