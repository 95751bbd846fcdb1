"""The gate that lets an attack the argument reader understood past the GSR-trained filter.

The filter learnt what the GSR annotators call an incident report (one sentence telling one
attack); news tells attacks inside longer sentences, by their casualties, as clashes, with the
agent after مع / برصاص / في غارات لـ. A candidate the filter scored under its threshold but
over READER_FLOOR, whose agent and victim the reader found (two different participants, in a
clause that asserts the act), passes at READER_SCORE with rule "reader:<lexeme>".
"""
from __future__ import annotations

from marsad import resources
from marsad.doc import Doc, Token
from marsad.events.args_words import RELATIVES, bare_word
from marsad.events.coding import _place
from marsad.text.normalize import word_set

_W = resources.read_yaml("events", "sentence_words.yaml")
CLAUSE_PUNCT = _W["clause_punct"]
ARMED_SECTORS = frozenset(_W["armed_sectors"])
ANOTHER_CLAUSE = word_set(" ".join((_W["other_time"], _W["after"], _W["caused"])))
RELATIVE_OBJECT_GAP = 2  # words between a relative clause's verb and its object


def reader_pass(doc: Doc, scored: list, words: list[Token], vetoed: bool) -> None:
    """Raise each filtered attack whose two parties the reader found to READER_SCORE
    (``vetoed``: the sentence is about a trial or an opinion, where no attack is coded so)."""
    for s in scored:
        if s.rule.startswith("model:") and s.score >= READER_FLOOR and _both_parties(doc, s, vetoed, words, doc.text):
            s.score, s.rule = max(s.score, READER_SCORE), "reader:" + s.cand.lexeme.key


# An attack the reader found with both its parties passes at READER_SCORE (above
# RULE_THRESHOLD) unless the filter finds it very unlike an incident report (below READER_FLOOR).
READER_TYPES = frozenset(_W["reader_types"])
# Sectors an unvowelled passive's victims belong to ("قتل متظاهر"): never the reader's agent.
READER_NOT_AGENTS = frozenset(_W["reader_not_agents"])
READER_UNREAL = word_set(" ".join(_W["reader_unreal"]))
READER_UNREAL_REACH = 8
READER_LOCATIVE = word_set(" ".join(_W["reader_locative"]))
READER_SCORE = 0.65
READER_FLOOR = 0.25


def _both_parties(doc: Doc, s, vetoed: bool, words: list[Token], text: str) -> bool:
    """Agent and patient both read, two different participants, in a clause that asserts the
    act (not negated, planned, judged, governed by a speech act, accidental, a re-mention)."""
    a, ctx, c = s.args, s.ctx, s.cand
    if c.type not in READER_TYPES or a.source is None or a.target is None or a.guessed:
        return False
    if vetoed or ctx.aux is not None or ctx.opinion or ctx.governed_by or ctx.anaphoric or ctx.accident:
        return False
    if any(bare_word(w.norm) in READER_UNREAL for w in words[max(0, c.i - READER_UNREAL_REACH):c.i]):
        return False  # "سوف تسقط الصواريخ وتستهدف مواقع": a coordinated verb of a future clause
    return _parties_read(doc, a, c, words, text)


def _parties_read(doc: Doc, a, c, words: list[Token], text: str) -> bool:
    src, tgt = a.source, a.target
    known = [sl.actor or sl.sector for sl in (src, tgt)]
    if not all(known) or known[0] == known[1] or src.adjectival or (
            tgt.adjectival and tgt.prep is None and a.rule != "clash-toll"):
        return False  # ("تقاتل الحوثيين إلى جانب القوات الحكومية": an adjective read as a party)
    if (src.i < tgt.j and tgt.i < src.j) or tgt.i == src.j or src.i == tgt.j:
        return False  # "يقاتل مسلحو تنظيم الدولة": one phrase, its head and its genitive
    if any(_place(doc, sl.actor) for sl in (src, tgt)):
        return False  # "قتل متظاهر في الديوانية": a town is no party
    if c.j < len(words) and words[c.j].norm in READER_LOCATIVE and tgt.i > c.j:
        return False  # "الجماعات التي تقاتل في العراق وسوريا": where, not whom
    if src.j <= c.i and (any(ch in text[src.end:words[c.i].start] for ch in CLAUSE_PUNCT) or any(
            bare_word(w.norm) in ANOTHER_CLAUSE for w in words[src.j:c.i])):
        # "قرب العاصمة دمشق، قتل خلاله …", "مقاتلين متشددين ذروته بعد هجوم انتحاري قتل فيه …":
        # a subject is not cut off from its verb by punctuation or a clause of another time
        return False
    if c.i > 0 and words[c.i - 1].norm in RELATIVES and tgt.i > c.j + RELATIVE_OBJECT_GAP:
        return False  # "عبد الكريم قدوري الذي قتل بالوادي … أبو حفص": a relative passive, no object
    actor = doc.actors.get(src.actor) if src.actor else None
    sector = src.sector or (actor.type if actor is not None else None)
    if sector in READER_NOT_AGENTS:
        return False
    # a word of armed violence that also tells a verbal or political attack ("مهاجمته …") needs
    # an armed agent or a state; a killing or a clash needs only its agent
    return c.lexeme.casualty or c.lexeme.mutual or sector in ARMED_SECTORS or (sector is None and (actor is None or actor.kind != "PER"))
