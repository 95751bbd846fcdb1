"""The stances stage: who is for or against whom, on which issue — and where they contradict.

A stance is the proposition (holder, target, issue, polarity) with its evidence span. Issues and
their Arabic triggers are data (``resources/stances/issues.yaml``). In a clause, the triggers
before a target (and a predicate after it: "X … ضرورة", "X كعدو") compose by multiplying their
polarities; a negator flips the first trigger after it (لم يعد ضرورياً، لا تخطط لسحب، لا يرى … كعدو).

* Inside reported speech the holder is the statement's speaker; a denial cue (نفى) flips it.
* Outside it, only triggers that express their subject's own attitude (انتقد، رحّب، صوّت، الدعوات
  ل…، المنتقدين) make a stance, held by that subject.
* The target is the actor the trigger points at: a mention (not a place under في), a country
  adjective (الحملة الإسرائيلية), a demonstrative (تلك القوات → the forces named before) or an
  attached pronoun (رحيله → the actor named before).

Contradictions: the same holder, target and issue with opposite polarity. :func:`conflicting`
is the pure test over two propositions, reusable across documents; :func:`pair_contradictions`
pairs a list of stances one-to-one (closest wording and position first).

The parts: ``stances_lexicon`` (triggers), ``stances_view`` (the document in normalised
offsets), ``stances_chains`` (clauses and polarity), ``stances_targets`` (whom a trigger points
at), ``stances_agents`` (who holds a stance outside reported speech) and
``stances_propositions`` (contradictions); this module finds the triggers, runs the clauses of
statements and sentences, and merges the act stances of ``stance_acts``, then the attitude,
interaction and verdict readings (``stances.verdicts``: a speaker's evaluative word judging the one
actor its clause names), each only where no earlier reading covers the same evidence.
"""
from __future__ import annotations

import bisect
from itertools import accumulate

import regex

from marsad import resources
from marsad.doc import Doc, Provenance, Stance
from marsad.registry import stage
from marsad.stances.acts import extract as act_stances
from marsad.stances.agents import STATE_TYPES, UNKNOWN
from marsad.stances.attitudes import extract as attitude_stances
from marsad.stances.chains import WINDOW, Chain, clause_stances, issue_hint
from marsad.stances.characterisations import extract as characterisation_stances
from marsad.stances.clitics import ARTICLE, BI, FUTURE, IMPERFECT, LI
from marsad.stances.conduct import extract as conduct_stances
from marsad.stances.interactions import extract as interaction_stances
from marsad.stances.lexicon import (
    OPPOSE,
    PREFIXES,
    STAGE,
    SUFFIXES,
    SUPPORT,
    StanceLexicon,
    Trig,
    TriggerSpec,
    lexicon,
    trigger_splitter,
)
from marsad.stances.meetings import extract as meeting_stances
from marsad.stances.propositions import (
    conflicting,
    contradictions,
    drop_nested,
    pair_contradictions,
    proposition,
)
from marsad.stances.reactions import extract as reaction_stances
from marsad.stances.topics import refine as refine_topics
from marsad.stances.verdicts import drop_echoes
from marsad.stances.verdicts import extract as verdict_stances
from marsad.stances.view import StanceView
from marsad.statements.context import date_of, to_original
from marsad.statements.lexicon import scan
from marsad.text.normalize import normalize
from marsad.times.anchor import anchor, not_after

__all__ = [
    "ACT_ISSUES", "OPPOSE", "PREFIXES", "STAGE", "STATE_TYPES", "SUFFIXES", "SUPPORT", "UNKNOWN", "WINDOW",
    "StanceLexicon", "StancesStage", "Trig", "TriggerSpec", "conflicting", "contradictions", "drop_nested", "extract",
    "issue_hint", "lexicon", "merge_acts", "pair_contradictions", "proposition",
]

_P = resources.read_yaml("stances", "chain_patterns.yaml")
_NISBA = tuple(_P["nisba_suffixes"])
_BI_PREFIXES = tuple(_P["bi_prefixes"])
_CONJ_PREFIXES = tuple(_P["conj_prefixes"])
# "ألا تكون" (أن + لا) folds to the same letters as "إلا"; before a verb it negates.
# "لا يزال" (still), "لا سيما" (especially), "لا بد" (must), "لا شك" (no doubt) negate nothing.
_NOT_NEGATION_RE = regex.compile(_P["not_negation"])
_ALLA_RE = regex.compile(_P["alla"])

# Issues read as acts (marsad.stances.acts): the clause chains compose act nouns with
# unrelated triggers ("الانسحاب من الاتفاق يفسح المجال أمام فرض عقوبات") and get them wrong.
ACT_ISSUES = frozenset({"sanctions", "agreement"})

# Chain stances whose wording shows another holder or target than the chain found:
# "الاتهامات التي وجهها نتانياهو" (the relative clause names the accuser), "متهمين بالانتماء إلى
# داعش" (accused of, passive), "لاتهامهم" (whose pronoun?), "تدعمه الولايات المتحدة في سوريا، الرقة"
# (a target across a comma).
_RELATIVE_AFTER_RE = regex.compile(_P["relative_after"])
_PASSIVE_ACCUSED_RE = regex.compile(_P["passive_accused"])
_PRONOUN_ACCUSED_RE = regex.compile(_P["pronoun_accused"])
_PRONOUN_PRESENCE_RE = regex.compile(_P["pronoun_presence"])
_COMMA_TARGET_RE = regex.compile(r",\s*\S+$")
_NEGATED_BEFORE_RE = regex.compile(_P["negated_before"])


def _plausible(doc: Doc, s: Stance) -> bool:
    span = normalize(doc.text[s.start:s.end])
    if _COMMA_TARGET_RE.search(span):
        return False
    last = span.rsplit(" ", 1)[-1]
    h, t = doc.actors.get(s.holder), doc.actors.get(s.target)
    if last.startswith(ARTICLE) and last.endswith(_NISBA) and h and t and h.country and h.country == t.country:
        return False  # "اتهمت حركة حماس الفلسطينية": the adjective qualifies the holder itself
    if s.issue == "enmity" and s.polarity == SUPPORT and normalize(doc.text[s.end:s.end + 12]).lstrip(' "»').startswith(_P["partner_in"]):
        return False  # "بريطانيا شريكة في جرائم الحرب": a partner in a crime is no friend
    if s.issue == "presence" and s.statement is None and _PRONOUN_PRESENCE_RE.search(span):
        return False  # "بمطلب إسرائيل بخروجها"، "سحبه من روسيا": whose departure is a guess
    if s.issue in ("approval", "accusation") and _NEGATED_BEFORE_RE.search(normalize(doc.text[max(0, s.start - 16):s.start])):
        return False  # "تؤكد طهران أنها لا تدعم الحوثيين": a denial states no opposition
    if s.issue == "accusation":
        after = normalize(doc.text[s.end:s.end + 40])
        if _PASSIVE_ACCUSED_RE.search(span + " " + after[:3]) or _PRONOUN_ACCUSED_RE.search(span):
            return False
    if s.issue in ("accusation", "approval") and _RELATIVE_AFTER_RE.match(normalize(doc.text[s.start:s.end + 30])
                                                                          .split(" ", 1)[-1]):
        return False
    return True


def merge_acts(doc: Doc, chains: list[Stance], acts: list[Stance]) -> list[Stance]:
    """Chain stances, less those on act issues, implausible ones and those an act covers, plus the acts."""
    spans = [(a.start, a.end, a.holder, a.target) for a in acts]
    kept = [s for s in chains if s.issue not in ACT_ISSUES and _coded(doc, s.target) and _plausible(doc, s) and not any(
        s.holder == h and s.target == t and s.start < e and b < s.end for b, e, h, t in spans)]
    return sorted(kept + acts, key=lambda s: (s.start, s.end))


def _coded(doc: Doc, aid: str | None) -> bool:
    """A target with a country or a sector, or a named organisation or person (فيسبوك): not a
    place the tagger found with none ("تتهمه أنقرة بالوقوف وراء …": الوقوف, read as a place, is no
    party) nor a clitic left alone ("بـ")."""
    a = doc.actors.get(aid) if aid else None
    return a is not None and bool(a.country or a.type or a.kind in ("ORG", "PER") and len(normalize(a.name)) >= 3)


def _same_country(doc: Doc, a: str, b: str) -> bool:
    x, y = doc.actors.get(a), doc.actors.get(b)
    return bool(x and y and x.country and x.country == y.country)


def placed(doc: Doc, aid: str) -> bool:
    """An actor a stance can be about: a named one (not a generic noun such as "الوزير" or
    "السلطة" the actors layer coded by sector only) that is not a bare place (a city, a village)."""
    a = doc.actors.get(aid)
    if a is None or (a.code or "").startswith(("generic:", "city.")):
        return False
    return bool(a.country or a.code) and not (a.kind == "LOC" and not a.type)


def merge_more(doc: Doc, kept: list[Stance], more: list[Stance]) -> list[Stance]:
    """Add stances of further readings whose evidence no kept stance between the same two
    actors already covers (one reading per piece of evidence, the earlier reader first)."""
    out = list(kept)
    for s in more:
        if not (placed(doc, s.holder) and placed(doc, s.target)):
            continue
        if not any(k.holder == s.holder and k.start < s.end and s.start < k.end
                   and (k.target == s.target or _same_country(doc, k.target, s.target)) for k in out):
            out.append(s)
    return sorted(out, key=lambda s: (s.start, s.end))


@stage("stances", requires=("sentences", "boilerplate", "actors", "mentions", "times", "reference_date", "published",
                           "statements", "events"),
       assigns=("stances", "contradictions"))
class StancesStage:
    """Holder → target support/oppose stances and in-document contradictions."""

    def __call__(self, doc: Doc) -> Doc:
        base = merge_acts(doc, extract(doc), act_stances(doc))
        attitudes = attitude_stances(doc)
        more = merge_more(doc, base, attitudes)
        # an interaction whose trigger an attitude reading already took (with its own arguments) adds nothing
        taken = [(s.start, s.end) for s in attitudes]
        events = [s for s in interaction_stances(doc) if not any(a < s.end and s.start < b for a, b in taken)]
        # verdicts last: a speaker's judgement adds a stance only where no reading above found one
        # then what a party calls another's act or words ("ووصفتها بأنها «مزاعم»"), before the verdicts
        named = merge_more(doc, merge_more(doc, merge_more(doc, more, events), characterisation_stances(doc)),
                           reaction_stances(doc))
        judged = merge_more(doc, merge_more(doc, named, verdict_stances(doc)), conduct_stances(doc))
        # then praise of a meeting or relationship with the actor ("علاقة رائعة مع كيم")
        doc.stances = drop_echoes(drop_nested(merge_more(doc, judged, meeting_stances(doc))))
        _said_by_publication(doc)
        refine_topics(doc, doc.stances)  # before contradictions: they pair stances on one issue
        doc.contradictions = contradictions(doc.stances)
        return doc


def _said_by_publication(doc: Doc) -> None:
    """A stance is held when it was said, no later than the report: a later day in its sentence is
    the event it is about ("أعلن إلغاء القمة … في 12 حزيران/يونيو"), so the sentence's latest
    earlier time ("الأسبوع الماضي") dates it, else the publication."""
    pub = doc.published
    for s in doc.stances:
        if s.date and pub and not not_after(s.date, pub):
            earlier = anchor(doc, s.start, s.end, latest=pub)
            s.date = earlier if earlier and not_after(earlier, pub) else pub


def _spec(lex: StanceLexicon, m) -> TriggerSpec:
    return lex.specs[m.group("t")]


def extract(doc: Doc) -> list[Stance]:
    lex = lexicon()
    sents = doc.content_sentences()
    if not sents or not doc.mentions:
        return []
    v = doc.cache["stance_view"] = StanceView(doc, lex)  # shared with the attitude readings
    text = v.text
    trigs = _triggers(lex, text)
    if not trigs:
        return []
    negs = sorted([(m.start(), m.end()) for m in lex.neg_regex.finditer(text)
                   if not _NOT_NEGATION_RE.match(text, m.end())]
                  + [(m.start(), m.end()) for m in _ALLA_RE.finditer(text)])
    breaks = sorted(m.start() for m in lex.break_regex.finditer(text))
    v.irrealis = [m.start() for m in lex.irrealis_regex.finditer(text)]
    nst = _statement_spans(doc, v, lex)
    out: list[Stance] = []
    seen: set[tuple] = set()
    t_starts = [t.start for t in trigs]
    _statement_stances(v, lex, trigs, t_starts, negs, breaks, nst, out, seen)
    _sentence_stances(v, sents, trigs, t_starts, negs, breaks, nst, out, seen)
    out.sort(key=lambda s: (s.start, s.end))
    return out


_PRONOUNS = tuple(_P["pronoun_suffixes"])


def _triggers(lex: StanceLexicon, text: str) -> list[Trig]:
    """The lexicon's triggers in the normalised text, with what their prefix and suffix tell."""
    trigs = []
    for m in scan(lex.regex, text, trigger_splitter(lex.specs)):
        suf = m.group("suf") or ""
        spec = _spec(lex, m)
        if FUTURE in m.group("pre") and not m.group("t")[:1] in IMPERFECT:
            continue  # the future prefix only goes on a verb ("سعداء" is no "س" + "عداء")
        trigs.append(Trig(m.start("t"), m.end(), spec,
                          suf in _PRONOUNS and spec.slot in ("after", "both") and spec.issue is not None
                          and spec.form == "noun",
                          m.group("pre").startswith(_BI_PREFIXES), m.group("pre")[:1] in _CONJ_PREFIXES,
                          any(c in m.group("pre") for c in BI + LI),
                          (m.group("suf") or "") in _PRONOUNS))
    return trigs


def _statement_spans(doc: Doc, v: StanceView, lex: StanceLexicon) -> list[tuple]:
    """Statements in normalised offsets: (index, statement, content start, end, span start, end)."""
    nst = []
    for i, s in enumerate(doc.statements):
        a, b = v.nt.from_original(s.start), v.nt.from_original(s.end)
        # the cue is the statement's own only when the statement pass frames it (دعا، طالب، نفى);
        # another cue that is a trigger ("اتهمت لندن روسيا بـ…") stays with the sentence pass
        framed = s.cue and s.family in lex.cue_polarity
        ca = v.nt.from_original(s.cue[0]) if framed else a
        nst.append((i, s, a, b, min(a, ca), max(b, v.nt.from_original(s.cue[1]) if framed else b)))
    return nst


def _in_range(trigs: list[Trig], t_starts: list[int], a: int, b: int) -> list[Trig]:
    """The triggers inside [a, b) (binary search over their sorted starts)."""
    i = bisect.bisect_left(t_starts, a)
    r = []
    while i < len(trigs) and trigs[i].start < b:
        if trigs[i].end <= b:
            r.append(trigs[i])
        i += 1
    return r


def _statement_stances(v: StanceView, lex: StanceLexicon, trigs, t_starts, negs, breaks, nst, out, seen) -> None:
    """The stances inside reported speech, held by each statement's speaker."""
    # the statements by content start: those inside one are found by binary search (linear time)
    nst_order = sorted(range(len(nst)), key=lambda k: nst[k][2])
    nst_index = ([nst[k][2] for k in nst_order], nst_order)
    for i, s, a, b, _, _ in nst:
        if s.speaker is None:
            continue
        # reported speech inside this content ("قال X إن Y أبلغ … أنه يريد …") holds its own speaker's stances
        inner = [(lo, hi) for j, s2, lo, hi, _, _ in _starting_in(nst_index, nst, a, b)
                 if j != i and s2.speaker and hi <= b and (lo, hi) != (a, b)]
        ts = [t for t in _in_range(trigs, t_starts, a, b) if not any(lo <= t.start < hi for lo, hi in inner)]
        if not ts:
            continue
        family = s.family or ""
        sign = lex.cue_polarity.get(family, 1)
        for st in clause_stances(v, ts, negs, breaks, a, b, holder=s.speaker, sign=sign,
                          cue_frame=family in lex.cue_polarity):
            _add(out, seen, v, st, statement=i, reported=s.via is not None, date=s.date)


def _sentence_stances(v: StanceView, sents, trigs, t_starts, negs, breaks, nst, out, seen) -> None:
    """The stances outside reported speech, held by the subject of an agentive trigger."""
    covered = sorted((lo, hi) for *_, lo, hi in nst)
    # binary searches, not scans of every statement per sentence and trigger (linear time):
    # the statement starts, the furthest end reached so far, and every bound in order
    c_starts, c_reach = [lo for lo, _ in covered], list(accumulate((hi for _, hi in covered), max))
    bounds = sorted(x for lo, hi in covered for x in (lo, hi))

    def in_statement(x: int) -> bool:
        k = bisect.bisect_right(c_starts, x) - 1
        return k >= 0 and c_reach[k] > x

    for sent in sents:
        a, b = v.nt.from_original(sent.start), v.nt.from_original(sent.end)
        ts = [t for t in _in_range(trigs, t_starts, a, b) if not in_statement(t.start)]
        if not any(t.spec.agentive for t in ts):
            continue
        # reported speech in the sentence bounds the clauses outside it
        extra = bounds[bisect.bisect_right(bounds, a):bisect.bisect_left(bounds, b)]
        inside = breaks[bisect.bisect_right(breaks, a):bisect.bisect_left(breaks, b)]  # all clause_stances uses
        for st in clause_stances(v, ts, negs, sorted(inside + extra) if extra else breaks, a, b, holder=None, sign=1):
            _add(out, seen, v, st, statement=None, reported=False, date=None)


def _starting_in(index, items: list, lo: int, hi: int) -> list:
    """The items whose start (index[0], sorted; index[1] their positions) lies in [lo, hi],
    in list order."""
    starts, order = index
    found = sorted(order[bisect.bisect_left(starts, lo):bisect.bisect_right(starts, hi)])
    return [items[k] for k in found]


def _add(out, seen, v: StanceView, ch: Chain, statement, reported, date) -> None:
    key = (ch.holder, ch.target, ch.issue, ch.polarity, ch.start)
    if key in seen:
        return
    seen.add(key)
    s, e = to_original(v.nt, ch.start, ch.end)
    out.append(Stance(s, e, ch.holder, ch.target, SUPPORT if ch.polarity > 0 else OPPOSE,
                      Provenance(STAGE, ch.rule), ch.issue, statement, reported or ch.reported,
                      date or date_of(v.doc, s, e)))
