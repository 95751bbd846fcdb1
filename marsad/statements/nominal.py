"""Noun-phrase contents: a cue whose content is an action noun, not an أنّ clause.

"أعلن الجيش الإسرائيلي وضع قواته في حالة تأهب"، "أعلن رئيس الوزراء الأسبق، أحمد شفيق، عزمه الترشح"،
"مؤكداً عدم نية الدوحة الانسحاب"، "كما كشفت وجود مشروع". Only families flagged ``np`` in
resources/statements/speech_cues.yaml, and only when the content opens with an action noun of the
lexicon's ``np_heads`` (with ال or a pronoun suffix), so "أكد الرئيس المصري" stays no statement.
"""
from __future__ import annotations

from marsad.statements.context import Context, Tok
from marsad.statements.lexicon import ADJUNCTS, RULE_WORDS, CueForm, Lexicon, words
from marsad.statements.spans import clause_end, emit
from marsad.statements.speaker_phrase import phrase_end
from marsad.statements.speakers import (
    issuer,
    resolve_speaker,
    speaker_for,
    subject_word,
)
from marsad.times.patterns import weekday_words

_SUFFIXES = tuple(RULE_WORDS["pronoun_suffixes"])
_ART, _TA, _TA_FOLDED = RULE_WORDS["article"], RULE_WORDS["ta"], RULE_WORDS["ta_folded"]


def action_noun(lex: Lexicon, w: str) -> bool:
    """Is ``w`` an action noun of the lexicon (وضع، عزمه، القضاء، نيتها …)?"""
    w = w[2:] if w.startswith(_ART) and len(w) > 4 else w
    if w in lex.np_heads:
        return True
    for s in _SUFFIXES:
        if w.endswith(s):
            stem = w[:-len(s)]
            # a feminine noun keeps its ta before the pronoun (سيطرته = سيطرة + ه)
            if stem in lex.np_heads or stem.endswith(_TA) and stem[:-1] + _TA_FOLDED in lex.np_heads:
                return True
    return False


def np_content(ctx: Context, lex: Lexicon, toks: list[Tok], tok_at, m, form: CueForm, cue, ss: int, se: int,
               sidx: int, boundaries, vias, first_local: int) -> bool:
    """Emit the noun-phrase content of the cue ``m`` if it has one; True when emitted."""
    k = tok_at(m.end())
    speaker, sp = None, None
    # "أصدر بياناً أكد فيه خلو …": a resumptive pronoun after the verb of a relative clause on a
    # document; the subject is elided (the document's issuer) unless named after it
    resumptive = form.kind == "verb" and k < len(toks) and toks[k].text in _RESUMPTIVE
    k += resumptive
    if form.kind == "participle":
        k = _skip_adjuncts(ctx, toks, k)[0]
        speaker = resolve_speaker(ctx, form.gender, m.start(), ss, sidx, first_local)
    elif k < len(toks) and action_noun(lex, toks[k].text) and (resumptive or not toks[k].text.startswith(_ART)):
        # right after the verb only an indefinite action noun ("أكد القضاء الأوروبي" has a subject)
        speaker, sp, _ = speaker_for(ctx, lex, toks, tok_at, m, form, m.end(), m.end(), ss, sidx, vias,
                                     first_local)
        if resumptive:
            speaker, sp = issuer(ctx, toks, tok_at, m, ss) or (speaker, sp)
    elif k < len(toks):
        sub = next(iter(ctx.mentions_in(toks[k].start, toks[k].start + 120)), None)
        if sub is not None and sub.start == toks[k].start and not sub.prepositional:
            speaker, sp, end = sub.actor, (sub.start, sub.end), sub.end
        else:
            # an unresolved subject phrase up to the action noun ("وتوقعت المنظمة زيادة …"):
            # newspeakers names it when the statement is emitted
            end = phrase_end(ctx, toks[k].start, se)
            if end is None or not subject_word(toks[k].text):
                return False
            sp = (toks[k].start, end)
        k, apposed = _skip_adjuncts(ctx, toks, tok_at(end))
        if apposed is not None:  # "أعلن رئيس الوزراء الأسبق، أحمد شفيق، عزمه": the person named
            speaker, sp = apposed.actor, (apposed.start, apposed.end)
    if speaker == "__impersonal__" or k >= len(toks) or not action_noun(lex, toks[k].text):
        return False
    start = toks[k].start
    emit(ctx, start, clause_end(ctx, start, se, boundaries), cue, speaker, False, f"{form.family}.np", sidx,
         form.gender, speaker_span=sp)
    return True


def _skip_adjuncts(ctx: Context, toks: list[Tok], k: int):
    """(token index, person in apposition) past commas, time adjuncts, "في الوقت نفسه" and a
    person in apposition (، أحمد شفيق،)."""
    apposed = None
    for _ in range(8):
        if k >= len(toks):
            return k, apposed
        w = toks[k].text
        if w in (",", "-", "–") or w in ADJUNCTS or w in _TIME:
            k += 1
            continue
        if w == RULE_WORDS["fi"] and k + 2 < len(toks) and toks[k + 1].text == RULE_WORDS["al_waqt"]:
            k += 3
            continue
        ms = ctx.mentions_in(toks[k].start, toks[k].start + 80)
        if ms and ms[0].start == toks[k].start and k > 0 and toks[k - 1].text == ",":
            end = ms[0].end
            a = ctx.doc.actors.get(ms[0].actor)
            if a is not None and a.kind == "PER":
                apposed = ms[0]
            while k < len(toks) and toks[k].start < end:
                k += 1
            continue
        return k, apposed
    return k, apposed


_TIME = weekday_words() | words("day_words")
_RESUMPTIVE = words("resumptive_pronouns")

