"""One sentence of the events stage: trigger candidates scored with their context, arguments and
filter score, and merged into the groups that become events (used by the stage and by training)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from operator import attrgetter

from marsad import resources
from marsad.doc import Doc, MentionKind, Sentence, Token
from marsad.events.args import SEPARATE_PRONOUNS, Args, find_args
from marsad.events.args_clash import clash_parties, toll_agents, toll_victims
from marsad.events.args_counts import counted_groups
from marsad.events.args_passive import arrested_subject
from marsad.events.args_slots import Slot, build_slots
from marsad.events.args_words import (
    BORROWED_COUNTRY,
    QTY_SKIP,
    QUANTIFIERS,
    RELATIVES,
    bare_word,
    skip_quantity,
)
from marsad.events.coding import DEFAULT_AGENTS, GENERIC_SECTORS, _mention_kind
from marsad.events.context import Context, analyse
from marsad.events.cue_families import cues, sentence_cues
from marsad.events.filter import features, load_filter, rule_score, sentence_words
from marsad.events.gate import reader_pass
from marsad.events.meetings import meeting_pass
from marsad.events.triggers import Candidate, find_candidates, is_word
from marsad.text.normalize import word_set

DROPPED_AUX = frozenset({"negated", "hypothetical", "future"})
_NORM = attrgetter("norm")
QUOTES = {"«": "»", "“": "”", '"': '"'}
_W = resources.read_yaml("events", "sentence_words.yaml")
QUESTION_MARKS = tuple(_W["question_marks"])
CLAUSE_PUNCT = _W["clause_punct"]  # keeps two triggers apart
SENTENCE_PUNCT = _W["sentence_punct"]  # ends the clause a shared agent may come from


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
_BREAK_CHARS = re.compile("[" + re.escape(_W["break_chars"]) + "]")


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
    sentence_norm = " ".join(norms) + (" ?" if doc.text[sent.start:sent.end].rstrip().endswith(QUESTION_MARKS) else "")
    starts = [w.start for w in words]
    slots = counted_groups(doc, words, build_slots(doc, words, starts))
    quotes = _quoted_spans(doc.text, sent.start, sent.end)
    flt = load_filter()
    scues = sentence_cues(sentence_norm)
    bow = None  # the sentence's bag of words, built for the first candidate that needs features
    out = []
    breaks = _clause_breaks(doc.text, words, starts)
    for c in cands:
        ctx = analyse(norms, c, cands, year, sentence_norm, scues, breaks)
        args = find_args(c, words, slots, doc.text, norms)
        arrested_subject(c, args, norms)
        if c.cls == "perf" and c.j < len(norms) and norms[c.i].endswith(ACC_ENDING) \
                and not norms[c.i].endswith(PLURAL_ENDING) and norms[c.j].endswith(ACC_NISBA):
            args.source, args.rule = None, ""  # "يتخللها قصفا جويا": an accusative noun, no dual verb
        quoted = any(a < c.start < b for a, b in quotes)
        if all_feats or flt.has(c.type):
            if bow is None:
                bow = sentence_words(norms)
            feats = features(c, ctx, args, norms, cands, quoted, sentence_norm, scues.flags, bow)
        else:
            feats = []
        score, rule = _score(flt, doc, c, ctx, args, feats, norms, scues, breaks, keep_aux)
        out.append(Scored(c, ctx, args, feats, score, rule, slots=slots))
    # a noun read only with both its parties ("دعم X لـ Y") is no trigger without them: it
    # lends its words and its agent to no other event of the sentence
    out = [s for s in out if not s.cand.lexeme.gen_lam or s.args.rule == "gen-lam"]
    _share_coordinated(out, words, doc.text)
    _share_circumstantial(out, words, doc.text)
    _noun_subjects(out, words, doc.text)
    toll_agents(out, words)
    toll_victims(out)
    clash_parties(out, words, doc.text)
    meeting_pass(doc, out, words)
    reader_pass(doc, out, words, bool(STRUCT_VETO.intersection(scues.flags)))
    return out


def _score(flt, doc: Doc, c: Candidate, ctx: Context, args: Args, feats: list[str], norms: list[str], scues,
           breaks: list[bool], keep_aux: bool) -> tuple[float, str]:
    """(score, rule) of one candidate: the filter's (``flt``), or the lexeme prior where the filter
    has no model for the type or the clause codes the event on its own."""
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
            return max(m, CASUALTY_SCORE), "casualty:" + c.lexeme.key
        if (_structured(doc, ctx, args) or _protest_told(c, ctx, args, norms)) and score > m \
                and not STRUCT_VETO.intersection(scues.flags):
            return score, rule  # coded on its structure: the lexeme prior stands
        if ARMED_FLOOR <= m < flt.threshold(c.type) and _armed_act(doc, c, ctx, args, norms, scues.flags, breaks):
            # the filter learnt single incident sentences; news tells an attack with its armed
            # agent named ("اقتحمت ميليشيات الحوثي، الأربعاء، مستشفى …", "بدأت قوات النظام هجوما")
            return ARMED_SCORE, "armed:" + c.lexeme.key
        return m, "model:" + c.lexeme.key
    if not c.lexeme.model and casualty_report(c, ctx, args, norms):
        return max(score, CASUALTY_SCORE), "casualty:" + c.lexeme.key
    return score, rule


def _clause_breaks(text: str, words: list[Token], starts: list[int]) -> list[bool]:
    """breaks[k]: punctuation between word k-1 and word k. Only the sentence's few punctuation
    marks are visited: each is placed in the gap before the first word starting after it."""
    breaks = [False] * len(words)
    for m in _BREAK_CHARS.finditer(text, words[0].end, words[-1].start):
        p = m.start()
        k = bisect.bisect_right(starts, p)
        if 0 < k < len(words) and words[k - 1].end <= p:
            breaks[k] = True
    return breaks


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
                    and not any(ch in text[words[pc.j - 1].end:words[c.i].start] for ch in CLAUSE_PUNCT):
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
            if p.cand.i > 0 and words[p.cand.i - 1].norm in RELATIVES:
                continue  # "… لمجموعة السبع التي اجتمعت …، واصفا": a relative clause's verb is no main verb
            if any(ch in text[words[p.cand.j - 1].end:words[s.cand.i].start] for ch in SENTENCE_PUNCT):
                break
            s.args.source = p.args.source
            if s.args.target is None and s.cand.j < len(words) and words[s.cand.j].norm in SEPARATE_PRONOUNS:
                s.args.target = p.args.target
            break
        else:
            # no trigger before it: the subject of the clause's verb ("وانسحب خالد علي متهما …")
            s.args.source = next((sl for sl in s.slots if sl.j <= s.cand.i and sl.prep is None and not sl.adjectival
                                  and sl is not s.args.target and sl.actor is not None
                                  and not any(ch in text[sl.end:words[s.cand.i].start] for ch in SENTENCE_PUNCT)), None)


# Rules whose source is no clause subject a later verb may share: a verbal noun's own genitive
# agent ("بعد رفض مالكه أحمد شمر دفع المبلغ، وطلبوا منه": not the owner) among them.
NOT_SHARED = frozenset({"coordinated", "coordinated-object", "passive", "topic", "", "genitive", "gen-lam",
                        "lam-genitive", "nisba"})


def _share_coordinated(scored: list[Scored], words: list[Token], text: str) -> None:
    """A verb joined by و / ف to an earlier one shares its subject ("إن قوة من الشرطة العراقية
    قامت بمداهمة جامع النور … واعتدت على المصلين"): the nearest earlier trigger of the clause
    whose source its own syntax gave."""
    for k, s in enumerate(scored):
        if s.args.rule not in ("coordinated", "coordinated-object"):
            continue
        for p in reversed(scored[:k]):
            if p.cand.j > s.cand.i:
                continue
            between = text[words[p.cand.j - 1].end:words[s.cand.i].start]
            if any(ch in between for ch in SENTENCE_PUNCT):
                break
            if p.args.source is not None and p.args.rule not in NOT_SHARED:
                s.args.source = p.args.source
                break
        if s.args.source is None and s.args.rule == "coordinated-object":
            # "وطوقت قوات الأمن المحتجين ومنعتهم": no trigger before; the first verb's subject is
            # the clause's first free participant before the pronoun's antecedent
            s.args.source = _clause_subject(s, words, text)


def _clause_subject(s: Scored, words: list[Token], text: str):
    obj = s.args.target
    cands = [sl for sl in s.slots if sl.j <= obj.i and sl is not obj and sl.prep is None and not sl.adjectival
             and not any(ch in text[sl.end:obj.start] for ch in SENTENCE_PUNCT)]
    return cands[0] if cands else None


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
    kind = _mention_kind(doc, sl)
    return kind not in BORROWED_COUNTRY and kind is not MentionKind.NATIONALS


def _structured(doc: Doc, ctx: Context, args: Args) -> bool:
    """A named agent (from the actors layer, not a generic participant) acts on an actor the
    actors layer found, and nothing in the context makes the trigger a non-event."""
    named = _named(doc, args.source) and args.target is not None and args.target.actor is not None \
        and not args.guessed
    return named and ctx.aux in (None, "historical") and not (
        ctx.opinion or ctx.governed_by or ctx.anaphoric or ctx.accident)


# An attack told by a finite verb (or a support verb: "شنت غارات") that opens its clause, with an
# armed agent (army, police, militia, gunmen) read by the argument readers and nothing in the
# context that makes it no event, is scored ARMED_SCORE (above RULE_THRESHOLD) unless the filter
# finds it very unlike an incident report (below ARMED_FLOOR).
ARMED_TYPES = frozenset(_W["armed_types"])
ARMED_SECTORS = frozenset(_W["armed_sectors"])
ARMED_OPENERS = word_set(_W["armed_openers"])
ARMED_UNREAL = word_set(_W["armed_unreal"])
PURPOSE_PREFIXES = tuple(_W["purpose_prefixes"])  # "ليتمكنوا", "لتنفيذ": a purpose
ACC_ENDING, ACC_NISBA, PLURAL_ENDING = _W["accusative_ending"], _W["accusative_nisba"], _W["plural_ending"]
WITH_PARTY = frozenset(_W["with_party"])
VERB_SUBJECT_RULES = frozenset(_W["verb_subject_rules"])
ARMED_NOT = frozenset(_W["armed_not_lexemes"])  # the preposition of a clash's other party
ARMED_SCORE = 0.65
ARMED_FLOOR = 0.2


def _armed_act(doc: Doc, c: Candidate, ctx: Context, args: Args, norms: list[str], sflags,
               breaks: list[bool]) -> bool:
    """An attack asserted with its armed agent named: a perfect verb opening its clause (or a
    support verb's noun, "بدأت قوات النظام هجوما"), or a clash with an armed party ("بعد اشتباكات
    مع ميليشيات الحوثي"); not negated, future, hypothetical, historical, judged, governed by a
    speech act, accidental or a re-mention, outside trials and commentary."""
    if c.type not in ARMED_TYPES or c.lexeme.id in ARMED_NOT or args.guessed or args.passive:
        return False
    if ctx.aux is not None or ctx.opinion or ctx.governed_by or ctx.anaphoric or ctx.accident \
            or STRUCT_VETO.intersection(sflags):
        return False
    sl = args.source
    if any(bare_word(w) in ARMED_UNREAL for w in norms[max(0, c.i - 2):c.i]):
        return False  # "بهدف اغتياله", "عندما هاجم مسلحون …": a purpose, a clause of time
    if c.cls == "perf":  # a verb with its own subject ("بالدفاع وضرب الطائرات" is a verbal noun)
        # (after punctuation too: "إلى ذلك، اقتحمت ميليشيات …")
        told = (c.i == 0 or breaks[c.i] or c.proclitics[:1] in CONJUNCTIONS or norms[c.i - 1] in ARMED_OPENERS) \
            and args.rule in VERB_SUBJECT_RULES
    elif c.lexeme.mutual and args.target is not None and args.target.prep in WITH_PARTY:
        told, sl = True, args.target  # the other party of the clash is armed: so is the clash
    else:
        # "بدأت قوات النظام هجوما", not "ليتمكنوا من شن هجوم": from before the agent to the noun
        told = args.rule == "support" and c.cls == "noun" and sl is not None and not any(
            bare_word(w) in ARMED_UNREAL or w[:2] in PURPOSE_PREFIXES for w in norms[max(0, min(sl.i, c.i) - 2):c.i])
    if sl is None:
        return False
    actor = doc.actors.get(sl.actor) if sl.actor else None
    sector = sl.sector or (actor.type if actor is not None else None)
    return told and sector in ARMED_SECTORS


# Words after which a perfect verb opens its clause (not a noun in construct: "موقع تجمع المتظاهرين").
CLAUSE_OPENERS = word_set(_W["clause_openers"])
CONJUNCTIONS = tuple(_W["conjunctions"])
# Who protests in news: the usual protesters and traders (a strike of the bazaar's merchants).
PROTESTERS = DEFAULT_AGENTS["PROTEST"] | {"BUS"}


# How a protest noun's protesters are named when the noun tells a protest that took place:
# after لـ ("تظاهرة للتجار") or as the subject of the verb that carries it ("نظم الطلاب اعتصاما").
PROTEST_NOUN_AGENTS = frozenset({"lam-genitive", "support"})


def _protest_told(c: Candidate, ctx: Context, args: Args, norms: list[str]) -> bool:
    """"أضرب تجار البازار في طهران": a protest verb in the perfect with its protesters as subject,
    opening its clause, is a protest that happened, however unlike the GSR's incident reports;
    so is a protest noun whose protesters the clause names ("نفذ العمال إضرابا")."""
    if c.type != "PROTEST" or args.source is None or args.source.sector not in PROTESTERS \
            or ctx.aux is not None or ctx.opinion or ctx.governed_by or ctx.anaphoric:
        return False
    if c.cls == "noun":
        return args.rule in PROTEST_NOUN_AGENTS
    opens = c.i == 0 or c.proclitics[:1] in CONJUNCTIONS or norms[c.i - 1] in CLAUSE_OPENERS
    return opens and c.cls == "perf"


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
            # (two lexemes of one type reading the same words, gap < 0, are one event)
            if gap < 0 or gap <= 6 and not any(ch in CLAUSE_PUNCT for ch in between) \
                    and not _other_time(words[tail:s.cand.i]):
                last.members.append(s)
                continue
        s.members = [s]
        groups.append(s)
    return groups


# Words that open a clause about another time, so its event is another incident: "الهجمات على
# القوات الأميركية منذ أن شنت إسرائيل حربها على غزة", "قبل أن", "بعد أن", "ردا على".
OTHER_TIME = word_set(_W["other_time"])
# Words that make a toll the outcome of an act told elsewhere in the sentence.
CAUSED = word_set(_W["caused"])
AFTER = word_set(_W["after"])
THAT_CLAUSE = word_set(_W["that_clause"])


def _other_time(between: list[Token]) -> bool:
    """Do the words between two triggers open a clause about another time (منذ، قبل، بعد أن)?"""
    norms = [w.norm for w in between]
    return any(n in OTHER_TIME or (n in AFTER and k + 1 < len(norms) and norms[k + 1] in THAT_CLAUSE)
               for k, n in enumerate(norms))

