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

import bisect
import re
from dataclasses import dataclass, field, replace
from operator import attrgetter

from marsad.doc import Actor, Doc, Event, Provenance, Sentence, Token
from marsad.events.args import (
    ANNA_PRONOUN,
    BORROWED_COUNTRY,
    SEPARATE_PRONOUNS,
    Args,
    Slot,
    build_slots,
    find_args,
)
from marsad.events.args_words import (
    NUMBER_WORDS,
    QTY_SKIP,
    QUANTIFIERS,
    bare_word,
    skip_quantity,
)
from marsad.events.blame import statement_accusations
from marsad.events.context import Context, analyse, cues, mode_of, sentence_cues
from marsad.events.filter import features, load_filter, rule_score, sentence_words
from marsad.events.lexicon import VERBAL_TYPES
from marsad.events.triggers import NO_TRIGGER, Candidate, find_candidates, is_word
from marsad.registry import stage
from marsad.text.normalize import word_set

STAGE = "events"
DROPPED_AUX = frozenset({"negated", "hypothetical", "future"})
# Events of these types are reported even when nobody is named as their source (a car bomb
# exploded; thousands demonstrated); every other type needs the actor who performed it.
SOURCELESS = frozenset({"ASSAULT", "PROTEST"})
# Types reported with their patient alone when the clause is passive (تم / جرى + verbal noun,
# or a passive verb): an arrest or a seizure whose agent the article leaves to the context.
PATIENT_ONLY = frozenset({"COERCE"})
# Sectors of generic participants, whose country is only what their own words say.
GENERIC_SECTORS = frozenset({"UAF", "CVL", "CRM", "UNK"})
# Sectors that report events rather than act in them (news agencies, journalists).
REPORTERS = frozenset({"JRN", "MED"})
# The sectors that usually perform an event of a type, for a clause that names no agent.
DEFAULT_AGENTS = {"PROTEST": frozenset({"CVL", "OPP", "LAB", "EDU"}), "ASSAULT": frozenset({"UAF"})}
# Mentions that name a state or its nationals and nothing more: coded (country, no sector).
STATE_NAMES = frozenset({"country", "capital", "nisba-people"})
# PLOVER's country codes of international non-state actors: no location.
NON_STATES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
# Mentions of a listed group or person, whose dictionary entry gives the country.
NAMED_RULES = frozenset({"alias", "person"})
_NORM = attrgetter("norm")
QUOTES = {"«": "»", "“": "”", '"': '"'}


@dataclass(slots=True)
class Scored:
    """A candidate with everything decided about it."""

    cand: Candidate
    ctx: Context
    args: Args
    feats: list[str]
    score: float
    rule: str
    members: list = field(default_factory=list)
    slots: list = field(default_factory=list)  # every actor slot of the sentence


# every character _quoted_spans reacts to (openers and closers): only these positions are visited
_QUOTE_CHARS = re.compile("[" + re.escape("".join(set(QUOTES) | set(QUOTES.values()))) + "]")
# punctuation between two words that makes a clause boundary for the context rules
_BREAK_CHARS = re.compile("[" + re.escape(",،;؛:()«»\"") + "]")


def _quoted_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out, stack = [], []
    for m in _QUOTE_CHARS.finditer(text, s, e):
        k, ch = m.start(), m.group()
        if stack and ch == QUOTES[stack[-1][0]]:
            out.append((stack.pop()[1], k))
        elif ch in QUOTES:
            stack.append((ch, k))
    return out


AUX_FEATURES = ("ctx_negated", "ctx_denied", "ctx_foiled", "ctx_future", "ctx_hypothetical",
                "ctx_question", "ctx_historical")


def analyse_sentence(doc: Doc, sent: Sentence, year: int | None = None,
                     words: list[Token] | None = None, keep_aux: bool = False,
                     all_feats: bool = True, open_norms: set[str] | None = None) -> list[Scored]:
    """Score every trigger candidate of one sentence (used by the stage and by training).

    With ``keep_aux`` the filter judges the event mention whatever its auxiliary mode (the
    mode is reported on the event instead of deciding whether it is kept). Without
    ``all_feats`` (the stage) only candidates of a type the filter scores get their features:
    the others are scored on their lexeme prior and their ``feats`` stay empty. ``open_norms``:
    the norms of the sentence not in ``NO_TRIGGER`` (see ``find_candidates``)."""
    if words is None:
        words = [t for t in doc.tokens_of(sent) if is_word(t)]
    norms = list(map(_NORM, words))
    cands = find_candidates(words, norms, open_norms)
    if not cands:
        return []
    sentence_norm = " ".join(norms) + (" ?" if doc.text[sent.start:sent.end].rstrip().endswith(("?", "؟")) else "")
    starts = [w.start for w in words]
    slots = build_slots(doc, words, starts)
    quotes = _quoted_spans(doc.text, sent.start, sent.end)
    flt = load_filter()
    scues = sentence_cues(sentence_norm)
    bow = None  # the sentence's bag of words, built for the first candidate that needs features
    out = []
    # breaks[k]: punctuation between word k-1 and word k. Only the sentence's few punctuation
    # marks are visited: each is placed in the gap before the first word starting after it.
    breaks = [False] * len(words)
    for m in _BREAK_CHARS.finditer(doc.text, words[0].end, words[-1].start):
        p = m.start()
        k = bisect.bisect_right(starts, p)
        if 0 < k < len(words) and words[k - 1].end <= p:
            breaks[k] = True
    for c in cands:
        ctx = analyse(norms, c, cands, year, sentence_norm, scues, breaks)
        args = find_args(c, words, slots, doc.text, norms)
        quoted = any(a < c.start < b for a, b in quotes)
        if all_feats or flt.has(c.type):
            if bow is None:
                bow = sentence_words(norms)
            feats = features(c, ctx, args, norms, cands, quoted, sentence_norm, scues.flags, bow)
        else:
            feats = []
        score, rule = rule_score(c, ctx, args), "rule:" + c.lexeme.key
        if flt.has(c.type) and c.lexeme.model and not (keep_aux and ctx.aux in DROPPED_AUX):
            # (with keep_aux, a negated / future / hypothetical mention is judged on its lexeme
            # and clause: the filter learnt to reject exactly those, beyond their cue words)
            # The filter learnt what the GSR annotators call an incident report; an event whose
            # actors the clause names (الغارات الأميركية على …, شنت إسرائيل حربها على غزة) is
            # coded on its structure even when it is not told as an incident.
            m = flt.score(c.type, [f for f in feats if f not in AUX_FEATURES] if keep_aux else feats)
            if m >= CASUALTY_FLOOR and casualty_report(c, ctx, args, norms):
                # the filter learnt incident reports; a counted toll ("مقتل 54 فلسطينيا",
                # "سقوط مئات القتلى") or a killing with its agent named is an attack however told
                score, rule = max(m, CASUALTY_SCORE), "casualty:" + c.lexeme.key
            elif not ((_structured(doc, ctx, args) or _protest_told(c, ctx, args, norms)) and score > m
                      and not STRUCT_VETO.intersection(scues.flags)):
                score, rule = m, "model:" + c.lexeme.key
        elif not c.lexeme.model and casualty_report(c, ctx, args, norms):
            score, rule = max(score, CASUALTY_SCORE), "casualty:" + c.lexeme.key
        out.append(Scored(c, ctx, args, feats, score, rule, slots=slots))
    _share_coordinated(out, words, doc.text)
    _share_circumstantial(out, words, doc.text)
    _noun_subjects(out, words, doc.text)
    return out


# The score of a casualty report the filter would veto: above RULE_THRESHOLD. The filter still
# vetoes one it finds very unlike an incident report (below CASUALTY_FLOOR: a toll told as
# background, statistics, commentary), and one told after a word of another time (بعد مقتل).
CASUALTY_SCORE = 0.65
CASUALTY_FLOOR = 0.4


def casualty_report(c: Candidate, ctx: Context, args: Args, norms: list[str]) -> bool:
    """A death or wound told with its toll or its agent, in a clause that asserts it."""
    if not c.lexeme.casualty or ctx.aux is not None or ctx.opinion or ctx.governed_by \
            or ctx.anaphoric or ctx.accident:
        return False
    if any(w in cues().deny or bare_word(w) in cues().deny for w in norms[:c.i]):
        return False  # "نافية مسؤوليتها عن هجمات أوقعت عشرات القتلى": the toll of a denied act
    if any(bare_word(w) in OTHER_TIME or bare_word(w) in AFTER or bare_word(w) in CAUSED
           for w in norms[max(0, c.i - 3):c.i]):
        return False  # "بعد مقتل 16 شرطيا", "أسفر عن مقتل": the toll of another telling
    _, counted_after = skip_quantity(norms, c.j)
    # (a toll noun after its count: "سقوط 12 قتيلا", "لقي خمسة مدنيين حتفهم")
    counted_before = c.cls in ("noun", "form", "phrase") and any(
        w.isdigit() or bare_word(w) in QTY_SKIP or bare_word(w) in QUANTIFIERS for w in norms[max(0, c.i - 4):c.i])
    return counted_after or counted_before


def _noun_subjects(scored: list[Scored], words: list[Token], text: str) -> None:
    """A verb right after an indefinite event noun qualifies it (an asyndetic relative clause:
    "في هجوم انتحاري بسيارة مفخخة استهدف دورية للجيش الاميركي"): the attack is the verb's
    subject, so the actor after the verb is its object, not its subject."""
    for s in scored:
        c = s.cand
        if c.cls not in ("perf", "impf") or c.plural or s.args.rule != "vso" or s.args.source is None:
            continue
        for p in scored:
            pc = p.cand
            if pc.type == c.type and pc.cls in ("noun", "phrase") and not pc.definite and 0 <= c.i - pc.j <= 1 \
                    and not any(ch in text[words[pc.j - 1].end:words[c.i].start] for ch in ",،;؛.:«»\"()"):
                if s.args.target is None or s.args.target is not s.args.source:
                    s.args.target = s.args.source
                s.args.source, s.args.rule = None, "noun-subject"
                break


def _share_circumstantial(scored: list[Scored], words: list[Token], text: str) -> None:
    """A participle (rule "hal": "…، متهمة إياها بـ…") takes the agent of the nearest earlier
    trigger of its sentence that has one, and that trigger's patient for إياه / إياها."""
    for k, s in enumerate(scored):
        if s.args.rule != "hal":
            continue
        for p in reversed(scored[:k]):
            if p.cand.j > s.cand.i or p.args.source is None or p.args.rule == "hal":
                continue
            if any(ch in text[words[p.cand.j - 1].end:words[s.cand.i].start] for ch in ".;:!?؟"):
                break
            s.args.source = p.args.source
            if s.args.target is None and s.cand.j < len(words) and words[s.cand.j].norm in SEPARATE_PRONOUNS:
                s.args.target = p.args.target
            break
        else:
            # no trigger before it: the subject of the clause's verb ("وانسحب خالد علي متهما …")
            s.args.source = next((sl for sl in s.slots if sl.j <= s.cand.i and sl.prep is None and not sl.adjectival
                                  and sl is not s.args.target and sl.actor is not None
                                  and not any(ch in text[sl.end:words[s.cand.i].start] for ch in ".;:!?؟")), None)


def _share_coordinated(scored: list[Scored], words: list[Token], text: str) -> None:
    """A verb joined by و / ف to an earlier one shares its subject ("إن قوة من الشرطة العراقية
    قامت بمداهمة جامع النور … واعتدت على المصلين"): the nearest earlier trigger of the clause
    whose source its own syntax gave."""
    for k, s in enumerate(scored):
        if s.args.rule != "coordinated":
            continue
        for p in reversed(scored[:k]):
            if p.cand.j > s.cand.i:
                continue
            between = text[words[p.cand.j - 1].end:words[s.cand.i].start]
            if any(ch in between for ch in ".;:!?؟"):
                break
            if p.args.source is not None and p.args.rule not in ("coordinated", "passive", "topic", ""):
                s.args.source = p.args.source
                break


# A trigger coded on its structure (named agent, found recipient) passes on its lexeme prior
# against this fixed bar, not against the filter's threshold, which is tuned to the filter's
# probabilities (and moves each time it is retrained).
RULE_THRESHOLD = 0.6
# Sentence cue families under which a structurally complete clause is still no incident report:
# trials and investigations of an attack, commentary about one.
STRUCT_VETO = frozenset({"legal", "opinion"})


def _threshold(flt, s: Scored) -> float:
    return flt.threshold(s.cand.type) if s.rule.startswith("model:") else (
        RULE_THRESHOLD if flt.has(s.cand.type) or not s.cand.lexeme.model else flt.threshold(s.cand.type))


def _named(doc: Doc, sl: Slot | None) -> bool:
    """A slot holding a named actor: not a generic participant, nor one whose country the
    actors layer borrowed from the document ("الجيش", "مسلحون", "سوريين")."""
    if sl is None or sl.actor is None or sl.actor not in doc.actors:
        return False
    if doc.actors[sl.actor].type in GENERIC_SECTORS:
        return False
    rule = _mention_rule(doc, sl)
    return rule not in BORROWED_COUNTRY and rule != "nisba-people"


def _structured(doc: Doc, ctx: Context, args: Args) -> bool:
    """A named agent (from the actors layer, not a generic participant) acts on an actor the
    actors layer found, and nothing in the context makes the trigger a non-event."""
    named = _named(doc, args.source) and args.target is not None and args.target.actor is not None \
        and not args.guessed
    return named and ctx.aux in (None, "historical") and not (
        ctx.opinion or ctx.governed_by or ctx.anaphoric or ctx.accident)


# Words after which a perfect verb opens its clause (not a noun in construct: "موقع تجمع المتظاهرين").
CLAUSE_OPENERS = word_set("قد وقد لقد حيث عندما فيما كما ثم حين بينما إذ بعدما")
# Who protests in news: the usual protesters and traders (a strike of the bazaar's merchants).
PROTESTERS = DEFAULT_AGENTS["PROTEST"] | {"BUS"}


def _protest_told(c: Candidate, ctx: Context, args: Args, norms: list[str]) -> bool:
    """"أضرب تجار البازار في طهران": a protest verb in the perfect with its protesters as subject,
    opening its clause, is a protest that happened, however unlike the GSR's incident reports."""
    opens = c.i == 0 or c.proclitics[:1] in ("و", "ف") or norms[c.i - 1] in CLAUSE_OPENERS
    return opens and c.type == "PROTEST" and c.cls == "perf" and args.source is not None \
        and args.source.sector in PROTESTERS and ctx.aux is None \
        and not (ctx.opinion or ctx.governed_by or ctx.anaphoric)


def _resolve_overlaps(scored: list[Scored]) -> list[Scored]:
    """One reading per trigger word: when two types claim the same words, the better score wins."""
    scored = sorted(scored, key=lambda x: -x.score)
    kept: list[Scored] = []
    for s in scored:
        if any(k.cand.type != s.cand.type and k.cand.i < s.cand.j and s.cand.i < k.cand.j for k in kept):
            continue
        kept.append(s)
    return sorted(kept, key=lambda x: x.cand.i)


def _merge(scored: list[Scored], words: list[Token], text: str) -> list[Scored]:
    """Merge same-type candidates that describe one incident (close, no punctuation between)."""
    groups: list[Scored] = []
    for s in scored:
        last = next((g for g in reversed(groups) if g.cand.type == s.cand.type), None)
        if last is not None:
            tail = max(m.cand.j for m in last.members)
            gap = s.cand.i - tail
            between = text[words[tail - 1].end:words[s.cand.i].start] if gap >= 0 else ""
            if 0 <= gap <= 6 and not any(ch in ",،;؛.:«»\"()" for ch in between) \
                    and not _other_time(words[tail:s.cand.i]):
                last.members.append(s)
                continue
        s.members = [s]
        groups.append(s)
    return groups


# Words that open a clause about another time, so its event is another incident: "الهجمات على
# القوات الأميركية منذ أن شنت إسرائيل حربها على غزة", "قبل أن", "بعد أن", "ردا على".
OTHER_TIME = word_set("منذ قبل ردا")
# Words that make a toll the outcome of an act told elsewhere in the sentence.
CAUSED = word_set("اثر عقب جراء اسفر اسفرت ادى ادت اوقع اوقعت تسبب تسببت خلف خلفت")
AFTER = word_set("بعد وبعد")
THAT_CLAUSE = word_set("أن ما")


def _other_time(between: list[Token]) -> bool:
    """Do the words between two triggers open a clause about another time (منذ، قبل، بعد أن)?"""
    norms = [w.norm for w in between]
    return any(n in OTHER_TIME or (n in AFTER and k + 1 < len(norms) and norms[k + 1] in THAT_CLAUSE)
               for k, n in enumerate(norms))


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
            for g in _merge(_resolve_overlaps(scored), words, doc.text):
                if not any(id(m) in live for m in g.members):
                    continue
                g.members.sort(key=lambda m: (id(m) not in live, m.cand.i))
                ev = self._event(doc, sent, words, g)
                if ev is not None:
                    doc.events.append(ev)
                    doc.events.extend(self._co_events(doc, ev, (g.members or [g])[0]))
        doc.events.extend(statement_accusations(doc))
        return doc

    # -- building the event ----------------------------------------------------------------
    def _event(self, doc: Doc, sent: Sentence, words: list[Token], g: Scored) -> Event | None:
        members = g.members or [g]
        g = members[0]  # the trigger that passed the filter heads the event
        first = min(members, key=lambda m: m.cand.i).cand
        last = max(members, key=lambda m: m.cand.j).cand
        aux = _group_aux(members)
        if aux in DROPPED_AUX and not self.keep_aux:
            return None
        # the recipient first: a victim read off a passive or a casualty count ("جنديين عراقيين
        # قتلا بانفجار عبوة استهدفت …") outweighs the same words read as another trigger's subject
        targets = [m.args.target for m in members if m.args.target is not None]
        target = targets[0] if targets else None
        if target is not None and _bare_person(doc, target):
            # "مقتل شخص … في هجوم … استهدف دورية للجيش الاميركي": the unit the attack was aimed
            # at says more than an uncounted person among its casualties
            target = next((t for t in targets[1:] if not _bare_person(doc, t)), target)
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
            if src_id is not None and g.cand.type in SOURCELESS and (
                    _uncoded(doc, src_id) or doc.actors[src_id].type in REPORTERS):
                src_id = None  # an agency reporting "تم مقتل …" did not kill anybody
        if src_id is None and g.cand.lexeme.kind == "verbal" and g.cand.cls in ("perf", "impf", "form") \
                and g.args.rule in ("pronoun-subject", "", "coordinated", "hal") and not _counted_subject(words, g.cand):
            # "وقال وزير الخارجية القطري … واتهم السعودية …": the verb's pronoun is the
            # agent last named for a speech act in the sentences before
            src_id = _previous_agent(doc, sent.start)
        tgt_id = self._actor_id(doc, target)
        if g.cand.type in PATIENT_ONLY and src_id is None and tgt_id is not None and _passive_act(words, g):
            pass  # "جرى اعتقال الناشطات …", "تم ضبط …": the act is told by its patient alone
        elif g.cand.type not in SOURCELESS and (src_id is None or _uncoded(doc, src_id)):
            # a speech act or a policy move needs the actor who performed it, coded: a name the
            # tagger found but nothing places (no country, no sector) codes no PLOVER event
            return None
        if all(m.ctx.anaphoric for m in members):
            return None  # "تلك الضربات": the event was already reported where it was first told
        if tgt_id is not None and tgt_id == src_id:
            tgt_id = None
        if tgt_id is None and g.cand.lexeme.need_target:
            return None  # "وصف الوضع بأنه …", "حذر من تفاقم …": no interaction without a patient
        norms = [w.norm for w in words]
        start = min([m.cand.start for m in members] + [s.start for s in (source, target) if s is not None])
        end = max([m.cand.end for m in members] + [s.end for s in (source, target) if s is not None])
        start, end = max(start, sent.start), min(end, sent.end)
        from marsad.times.stage import anchor

        location, place = _location(doc, sent, g.cand, target and doc.actors.get(tgt_id or ""))
        return Event(
            start=start, end=end, type=g.cand.type,
            prov=Provenance(STAGE, g.rule, round(max(m.score for m in members), 4)),
            mode=mode_of(first, norms, last), source=src_id, target=tgt_id,
            date=anchor(doc, start, end), location=location, place=place,
            trigger=(g.cand.start, g.cand.end), aux=aux,
            modality=modality_of(aux, g.ctx.governed_by),
            stance=g.cand.lexeme.stance if g.cand.lexeme.stance != "none" and tgt_id else None,
        )

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
                if src is None or (src, tgt) in seen or src == tgt:
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
            rule = _mention_rule(doc, slot)
            name = doc.text[slot.start:slot.end]
            if rule in BORROWED_COUNTRY and a.country:
                # "الجيش", "مسلحون", "الفصائل" with the article's country: PLOVER codes the
                # country only when the phrase itself says it; the sector is the one the events
                # lexicon gives the word (the GSR annotators code "مسلحون" REB, "مسلحين" UAF)
                return generic_actor(doc, Slot(slot.i, slot.j, slot.start, slot.end,
                                               sector=_word_sector(name, a.type), name=name))
            if rule in STATE_NAMES and a.country:
                # a bare state name ("إسرائيل", "سوريين"): the country, no sector the text gives
                return generic_actor(doc, Slot(slot.i, slot.j, slot.start, slot.end, country=a.country,
                                                name=name), sector=None)
            if a.type in GENERIC_SECTORS and a.country and rule not in NAMED_RULES \
                    and not _names_country(doc.text[slot.start:slot.end]):
                # unknown gunmen, civilians …: PLOVER codes no country the text does not give
                # (a listed group or person of such a sector keeps the country of its entry)
                return generic_actor(doc, Slot(slot.i, slot.j, slot.start, slot.end, sector=_word_sector(name, a.type),
                                                name=doc.text[slot.start:slot.end]))
            if a.country or a.type or slot.sector is None:
                return slot.actor
        if slot.sector is None:
            return slot.actor
        return generic_actor(doc, slot)


# Words for "a person" that tell nothing about who was hit.
BARE_PERSONS = frozenset({"شخص", "شخصا", "شخصين", "شخصان", "الاشخاص", "الشخص"})


def _bare_person(doc: Doc, sl: Slot) -> bool:
    from marsad.text.normalize import normalize

    return sl.actor is None and normalize(doc.text[sl.start:sl.end]).strip("ًٌٍ") in BARE_PERSONS


def _word_sector(name: str, sector: str | None) -> str | None:
    """The events lexicon's sector for a one-word generic participant, else ``sector``."""
    from marsad.events.args import role_of
    from marsad.text.normalize import normalize

    ws = normalize(name).split()
    if len(ws) != 1 or sector not in ("UAF", "REB"):
        return sector
    r = role_of(ws[0])
    return r[0] if r and r[0] in ("UAF", "REB") else sector


def _default_agent(g: Scored, target: Slot | None) -> Slot | None:
    """When the clause gives no agent, the sentence's participant of the type's usual agent
    sector, nearest to the trigger ("… احتجاجات عمت العراق … أحرق متظاهرون")."""
    sectors = DEFAULT_AGENTS[g.cand.type]
    cands = [sl for sl in g.slots if sl is not target and sl.sector in sectors
             and not (target is not None and sl.i < target.j and target.i < sl.j)]
    if not cands:
        return None
    return min(cands, key=lambda sl: abs(sl.i - g.cand.i))


def _uncoded(doc: Doc, aid: str) -> bool:
    a = doc.actors.get(aid)
    return a is not None and not a.country and not a.type


def _mention_rule(doc: Doc, slot: Slot) -> str | None:
    """The actors-layer rule of the mention a slot was built from."""
    for m in doc.mentions_in(slot.start, slot.end):
        if m.actor == slot.actor and m.prov is not None:
            return m.prov.rule
    return None


def _names_country(span_text: str) -> bool:
    """Does a mention's own text carry a nationality (مسلحون عراقيون) rather than borrow one?"""
    from marsad.events.args import is_nisba
    from marsad.text.normalize import normalize

    return any(is_nisba(w) for w in normalize(span_text).split()[1:])


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
        words[c.i - 1].norm in ANNA_PRONOUN or (c.i > 1 and words[c.i - 1].norm in ("قد", "لقد")
                                               and words[c.i - 2].norm in ANNA_PRONOUN))


# Auxiliaries of a passive act told by its verbal noun (جرى اعتقال، وتم ضبط); normalised
# forms (جرى is read جري).
PASSIVE_AUX = word_set("جرى وجرى يجري ويجري وتم")


def _passive_act(words: list[Token], g: Scored) -> bool:
    return g.args.passive or _after_tamma(words, g.cand) or (
        g.cand.i > 0 and words[g.cand.i - 1].norm in PASSIVE_AUX)


def _after_tamma(words: list[Token], cand: Candidate) -> bool:
    return cand.i > 0 and words[cand.i - 1].norm in ("تم", "وتم", "يتم", "سيتم")


ALL_OF = word_set("كل جميع")


def _counted_subject(words: list[Token], cand: Candidate) -> bool:
    """A count right after the verb is its subject ("ونددت 128 دولة …"), though no actor: the
    verb has no pronoun subject to take from the sentences before."""
    nxt = words[cand.j].norm if cand.j < len(words) else ""
    # (كل / جميع after a verb of calling is its addressee: "وطالبت كل أحرار العالم")
    return nxt.isdigit() or nxt in NUMBER_WORDS or (nxt in QUANTIFIERS and nxt not in ALL_OF)


# How far back (characters) a pronoun subject looks for the agent last named.
PREVIOUS_AGENT_REACH = 300


def _previous_agent(doc: Doc, offset: int) -> str | None:
    """The speaker of the last statement, or the source of the last speech-act event, told
    within ``PREVIOUS_AGENT_REACH`` characters before the offset."""
    best = None
    for st in doc.statements:
        if st.speaker and offset - PREVIOUS_AGENT_REACH <= st.start < offset:
            if best is None or st.start > best[0]:
                best = (st.start, st.speaker)
    for ev in reversed(doc.events):
        if ev.source and offset - PREVIOUS_AGENT_REACH <= ev.start < offset and ev.type in VERBAL_TYPES:
            if best is None or ev.start > best[0]:
                best = (ev.start, ev.source)
            break
    return best[1] if best else None


def _speaker_of(doc: Doc, offset: int) -> str | None:
    """The speaker of the statement whose content holds the offset (reported speech acts)."""
    for st in doc.statements:
        if st.start <= offset < st.end and st.speaker:
            return st.speaker
    return None


def generic_actor(doc: Doc, slot: Slot, sector: str | None = "") -> str:
    """An actor for a generic participant (مسلحون مجهولون → UAF), one per sector+country+name."""
    from marsad.text.normalize import normalize

    index = doc.cache.setdefault("events_generic", {})
    if sector == "":
        sector = slot.sector
    key = (sector, slot.country, normalize(slot.name))
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
        code = slot.country if slot.country and not sector else \
            f"generic:{slot.country or '-'}:{sector or '-'}:{key[2]}"
        doc.actors[aid] = Actor(id=aid, name=slot.name, country=slot.country, type=sector, code=code,
                                kind="GEN", prov=Provenance(STAGE, "generic-participant"))
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


__all__ = ["EventsStage", "analyse_sentence", "generic_actor"]
