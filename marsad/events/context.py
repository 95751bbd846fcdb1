"""The context of a trigger: PLOVER auxiliary modes (negated, future, hypothetical, historical),
governing verbs, accident and realis cues, and the feature strings the event filter scores.

Everything here reads the normalised words of one sentence (``norms``) and the trigger's word
indices; the cue vocabulary is data (``resources/events/cues.yaml``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad import resources
from marsad.events.cue_families import (
    Cues,
    SentenceCues,
    _any_cues,
    cues,
    sentence_cues,
)
from marsad.events.triggers import Candidate

_W = resources.read_yaml("events", "context_words.yaml")
CONJ = _W["conjunctions"]  # و / ف, tested letter by letter
# Present-tense predicates of generic claims about a kind of event: the nominal trigger names
# no particular incident.
GENERIC_PREDICATES = frozenset(_W["generic_predicates"])
# Verbs that reach an agreement or a truce, possibly far from its noun.
REACHING_VERBS = frozenset(_W["reaching_verbs"])
DEMONSTRATIVES = frozenset(_W["demonstratives"])
# Words after which a four-digit number is a year, not a count.
YEAR_CONTEXT = frozenset(_W["year_context"])
VERBAL_NEGATORS = tuple(_W["verbal_negators"])
RELATIVE_MA = _W["relative_ma"]
RELATIVE_HEADS = frozenset(_W["relative_heads"])
RESUMPTIVE = tuple(_W["resumptive_suffixes"])
MODAL_QAD = _W["modal_qad"]
IMPERFECT_PREFIXES = tuple(_W["imperfect_prefixes"])
WHEN_WORDS = tuple(_W["when_words"])
IN_CASE = _W["in_case"]
DEFINITE_PREFIXES = tuple(_W["definite_prefixes"])
PREDICATE_STOPS = tuple(_W["predicate_stops"])
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")




@lru_cache(maxsize=100_000)
def is_future_verb(w: str) -> bool:
    """سيفعل / ستفعل / سنفعل: the future prefix on an imperfect verb that the lexicon knows
    (سيارة، سياسة are words of their own)."""
    from marsad.text.morphology import lexicon as word_freq

    w = w[1:] if w[:1] in CONJ and len(w) > 4 else w
    if len(w) < 4 or w[0] != _W["future_prefix"] or w[1] not in _W["future_persons"]:
        return False
    freq = word_freq()
    rest = freq.get(w[1:], 0)
    return rest > 0 and rest >= 0.2 * freq.get(w, 0)


@lru_cache(maxsize=200_000)  # called for every word near every trigger
def _bare(w: str) -> str:
    """A word without a leading conjunction و/ف (for function-word lookups)."""
    return w[1:] if len(w) > 2 and w[0] in CONJ else w


@dataclass(slots=True)
class Context:
    """What the words around one trigger say about it."""

    negated: bool = False
    denied: bool = False
    foiled: bool = False
    future: bool = False
    hypothetical: bool = False
    question: bool = False
    historical: bool = False
    opinion: bool = False
    accident: bool = False
    generic: bool = False  # the subject of a generic present-tense claim
    anaphoric: bool = False  # "تلك الضربات": a re-mention of an event told before
    supported: bool = False  # a support verb realises a nominal trigger ("شنت غارات")
    realis: int = 0
    governed_by: str | None = None  # type of a governing speech-act trigger (REQUEST …)

    @property
    def aux(self) -> str | None:
        if self.negated or self.denied or self.foiled:
            return "negated"
        if self.question or self.hypothetical or self.generic:
            return "hypothetical"
        if self.future:
            return "future"
        if self.historical:
            return "historical"
        return None


def _bare_set(xs) -> frozenset:
    """Every word whose ``_bare`` form is in ``xs``: one set test for a window of words."""
    return frozenset(w for x in xs for w in (x, *(c + x for c in CONJ)) if _bare(w) in xs)


@lru_cache(maxsize=1)
def _window_sets() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """The words the hypothetical, generic-predicate and support loops of ``analyse`` act on:
    a window with none of them is passed over by a set test (the loops change nothing there)."""
    cu = cues()
    return (_bare_set(cu.hyp_words), _bare_set(GENERIC_PREDICATES),
            _bare_set(cu.support) | cu.support, _bare_set(REACHING_VERBS))


_QUESTION: tuple = (None, False)  # (the last sentence_norm, whether it reads as a question)


def _is_question(sentence_norm: str) -> bool:
    """Does the sentence read as a question? (kept for the sentence's other candidates: the
    memo holds the very string object, so an identity test cannot mistake another sentence)"""
    global _QUESTION
    last, q = _QUESTION
    if sentence_norm is last:
        return q
    cu = cues()
    s = sentence_norm.strip()
    first = s.split(" ", 1)[0] if s else ""
    q = s.endswith("?") or _bare(first) in cu.question_starts or first in cu.question_starts
    _QUESTION = (sentence_norm, q)
    return q


def analyse(norms: list[str], cand: Candidate, cands: list[Candidate], doc_year: int | None,
            sentence_norm: str, scues: SentenceCues | None = None,
            breaks: list[bool] | None = None) -> Context:
    """``breaks[k]``: punctuation stands between word k-1 and word k (a clause boundary)."""
    cu = cues()
    anyc = _any_cues()
    i = cand.i
    ctx = Context()
    clause_lo = 0
    if breaks and True in breaks[1:i + 1]:  # the nearest break at or before i (a C-level scan)
        clause_lo = i - breaks[i:0:-1].index(True)
    _negation(ctx, norms, cand, cu, anyc)
    _future(ctx, norms, cand, cu, anyc, clause_lo, breaks)
    before5 = " ".join(norms[max(0, i - 5):i])
    _hypothetical(ctx, norms, cand, cu, anyc, before5)
    # question
    if _is_question(sentence_norm):
        ctx.question = True
    _historical(ctx, norms, cand, doc_year, sentence_norm, anyc, before5)
    before4 = " ".join(norms[max(clause_lo, i - 4):i])
    _generic_claim(ctx, norms, cand)
    if i > 0 and cand.cls in ("noun", "phrase", "ptcp") and _bare(norms[i - 1]) in DEMONSTRATIVES:
        ctx.anaphoric = True
    ctx.opinion = anyc["opinion"].search(before4) is not None
    if scues is None:
        scues = sentence_cues(sentence_norm)
    ctx.accident = scues.accident
    ctx.realis = scues.realis
    _support(ctx, norms, cand, cu)
    ctx.governed_by = _governor(cand, cands)
    return ctx


def _negation(ctx: Context, norms: list[str], cand: Candidate, cu: Cues, anyc: dict) -> None:
    """Negated (a negative particle right before, with only auxiliaries between), denied, foiled."""
    i = cand.i
    k, steps = i - 1, 0
    while k >= 0 and steps < cu.neg_window:
        w = _bare(norms[k]) if norms[k] not in cu.neg_words else norms[k]
        if w in cu.neg_words or norms[k] in cu.neg_words:
            if w not in VERBAL_NEGATORS or (cand.cls in ("perf", "impf") and not _relative_ma(norms, k, i)):
                ctx.negated = True
            break
        if w not in cu.neg_bridges:
            break
        k -= 1
        steps += 1
    before8 = norms[max(0, i - 8):i]
    if not cu.deny.isdisjoint(before8) or not cu.deny.isdisjoint(map(_bare, before8)):
        ctx.denied = True
    before3 = " ".join(norms[max(0, i - 3):i])
    if anyc["foiled"].search(before3):
        ctx.foiled = True


def _relative_ma(norms: list[str], k: int, i: int) -> bool:
    """"وهو ما نفته موسكو"، "وهو ما ترفضه روسيا": ما after a pronoun or a preposition, its verb
    carrying the pronoun that resumes it, is "what", no negation (the verb's subject follows it)."""
    return (norms[k] == RELATIVE_MA and k > 0 and norms[k - 1] in RELATIVE_HEADS
            and norms[i].endswith(RESUMPTIVE))


def _future(ctx: Context, norms: list[str], cand: Candidate, cu: Cues, anyc: dict, clause_lo: int,
            breaks: list[bool] | None) -> None:
    """A future prefix, a future word before, or a future verb in the trigger's clause."""
    i, j = cand.i, cand.j
    if _W["future_prefix"] in cand.proclitics and cand.cls == "impf":
        ctx.future = True
    if not cu.fut_words.isdisjoint(map(_bare, norms[max(0, i - 3):i])):
        ctx.future = True
    before6 = " ".join(norms[max(0, i - 6):i])
    if anyc["fut_before"].search(before6):
        ctx.future = True
    clause_after = j + 3
    if breaks:
        for k in range(j, min(len(norms), j + 3)):
            if breaks[k]:
                clause_after = k
                break
    if any(is_future_verb(w) for w in norms[max(clause_lo, i - 3):i]) or \
            any(is_future_verb(w) for w in norms[j:clause_after]):
        ctx.future = True  # "ستعيد الولايات المتحدة فرض العقوبات", "إن طرد الدبلوماسيين سيحدث"
    after5 = " ".join(norms[j:j + 5])
    if anyc["fut_after"].search(after5):
        ctx.future = True


def _hypothetical(ctx: Context, norms: list[str], cand: Candidate, cu: Cues, anyc: dict, before5: str) -> None:
    i = cand.i
    hyp_zone = norms[max(0, i - 5):i]
    for w in (hyp_zone if not _window_sets()[0].isdisjoint(hyp_zone) else ()):
        b = _bare(w)
        if b in cu.hyp_words:
            if b == MODAL_QAD and cand.cls != "impf" and not any(x.startswith(IMPERFECT_PREFIXES) for x in norms[i - 1:i]):
                continue  # قد + perfect = "has done": realis
            if b in WHEN_WORDS and cand.cls != "impf":
                continue  # عندما + perfect narrates a past event
            ctx.hypothetical = True
    if anyc["hyp_before"].search(before5) and not (
            before5.endswith(IN_CASE) and (norms[i] in cu.hyp_states or _bare(norms[i]) in cu.hyp_states)):
        ctx.hypothetical = True


def _historical(ctx: Context, norms: list[str], cand: Candidate, doc_year: int | None, sentence_norm: str,
                anyc: dict, before5: str) -> None:
    """An old year near the trigger, or a memory word before it."""
    i, j = cand.i, cand.j
    # (a year has 18, 19 or 20 in it: most sentences are passed over without the word loop)
    if doc_year and ("20" in sentence_norm or "19" in sentence_norm or "18" in sentence_norm):
        lo = max(0, i - 10)
        for k, w in enumerate(norms[lo:j + 10], lo):
            if w[:1] in "12" and _YEAR.match(w) and int(w) <= doc_year - 2 and k > 0 and _bare(norms[k - 1]) in YEAR_CONTEXT:
                ctx.historical = True
                break
    if anyc["hist_before"].search(before5):
        ctx.historical = True


def _generic_claim(ctx: Context, norms: list[str], cand: Candidate) -> None:
    """An event noun as the subject of a generic present-tense predicate (``GENERIC_PREDICATES``)."""
    j = cand.j
    if cand.cls in ("noun", "phrase") and cand.type not in ("REQUEST", "ACCUSE", "THREATEN", "REJECT") \
            and not _window_sets()[1].isdisjoint(norms[j:j + 8]):
        for k in range(j, min(len(norms), j + 8)):
            w = _bare(norms[k])
            if w in GENERIC_PREDICATES:
                # after an indefinite noun the verb is that noun's relative clause
                # ("ضربات على جماعات متشددة تشكل جزءاً …"), not the predicate of the event noun
                ctx.generic = k > 0 and norms[k - 1].startswith(DEFINITE_PREFIXES) or k == j
                break
            if w in PREDICATE_STOPS or (w[:1] in _W["imperfect_letters"] and k > j and w not in GENERIC_PREDICATES
                                         and len(w) > 3 and not w.startswith(_W["article"])):
                break


def _support(ctx: Context, norms: list[str], cand: Candidate, cu: Cues) -> None:
    """A support verb just before a nominal trigger ("شنت غارات"), or a reaching verb further back."""
    i = cand.i
    _, _, support_set, reaching_set = _window_sets()
    for k in (range(i - 1, max(-1, i - 4), -1) if not support_set.isdisjoint(norms[max(0, i - 3):i]) else ()):
        if _bare(norms[k]) in cu.support or norms[k] in cu.support:
            ctx.supported = True
            cand.feats["support"] = k
            break
    else:
        reach = range(i - 4, max(-1, i - 11), -1) if i > 3 and not reaching_set.isdisjoint(
            norms[max(0, i - 10):i - 3]) else ()
        for k in reach:  # appositions between commas allowed
            if k >= 0 and _bare(norms[k]) in REACHING_VERBS:
                ctx.supported = True
                cand.feats["support"] = k
                break


def _governor(cand: Candidate, cands: list[Candidate]) -> str | None:
    """The type of a speech-act trigger whose complement holds the candidate, closely after it."""
    i = cand.i
    for g in cands:
        if g is cand or not g.lexeme.gov or g.type == cand.type:
            continue
        if g.j <= i and (i - g.j <= 5 or i - g.j <= 15 and cand.cls == "noun" and cand.proclitics[-1:] == _W["purpose_lam"]):
            # (a لـ + verbal noun is the purpose of the call however far its relative clause
            # carries it: "الدعوات التي أطلقتها … فصائل …، قريبة من إيران، لرحيل التحالف")
            return g.type
    return None


def mode_of(cand: Candidate, norms: list[str], last: Candidate | None = None) -> str | None:
    """PLOVER mode from words around the trigger (the clause; up to ``last`` for a merged
    incident), else the lexeme's own mode."""
    rules = cues().modes.get(cand.type)
    if rules:
        zone = " ".join(norms[max(0, cand.i - 4):(last or cand).j + 6])
        for mode, pats in rules:
            if any(p.search(zone) for p in pats):
                return mode
    return cand.lexeme.mode
