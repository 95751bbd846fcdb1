"""Noun-phrase contents: a cue whose content is an action noun, not an أنّ clause.

"أعلن الجيش الإسرائيلي وضع قواته في حالة تأهب"، "أعلن رئيس الوزراء الأسبق، أحمد شفيق، عزمه الترشح"،
"مؤكداً عدم نية الدوحة الانسحاب"، "كما كشفت وجود مشروع". Only families flagged ``np`` in
resources/statements/speech_cues.yaml, and only when the content opens with an action noun of the
lexicon's ``np_heads`` (with ال or a pronoun suffix), so "أكد الرئيس المصري" stays no statement.
"""
from __future__ import annotations

from marsad.statements.context import Context, Tok
from marsad.statements.lexicon import ADJUNCTS, CueForm, Lexicon
from marsad.statements.speakers import resolve_speaker, speaker_for
from marsad.statements.spans import clause_end, emit

_SUFFIXES = ("هما", "هم", "ها", "ه", "نا")


def action_noun(lex: Lexicon, w: str) -> bool:
    """Is ``w`` an action noun of the lexicon (وضع، عزمه، القضاء، نيتها …)?"""
    w = w[2:] if w.startswith("ال") and len(w) > 4 else w
    if w in lex.np_heads:
        return True
    for s in _SUFFIXES:
        if w.endswith(s):
            stem = w[:-len(s)]
            # a feminine noun keeps its ta before the pronoun (سيطرته = سيطرة + ه)
            if stem in lex.np_heads or stem.endswith("ت") and stem[:-1] + "ه" in lex.np_heads:
                return True
    return False


def np_content(ctx: Context, lex: Lexicon, toks: list[Tok], tok_at, m, form: CueForm, cue, ss: int, se: int,
               sidx: int, boundaries, vias, first_local: int) -> bool:
    """Emit the noun-phrase content of the cue ``m`` if it has one; True when emitted."""
    k = tok_at(m.end())
    speaker, sp = None, None
    if form.kind == "participle":
        k = _skip_adjuncts(ctx, toks, k)
        speaker = resolve_speaker(ctx, form.gender, m.start(), ss, sidx, first_local)
    elif k < len(toks) and action_noun(lex, toks[k].text):
        speaker, sp, _ = speaker_for(ctx, lex, toks, tok_at, m, form, m.end(), m.end(), ss, sidx, vias,
                                     first_local)
    else:
        sub = next(iter(ctx.mentions_in(toks[k].start, toks[k].start + 120)), None) if k < len(toks) else None
        if sub is None or sub.start != toks[k].start or sub.prepositional:
            return False  # an unresolved subject phrase: its end is unsure
        speaker, sp = sub.actor, (sub.start, sub.end)
        k = _skip_adjuncts(ctx, toks, tok_at(sub.end))
    if speaker == "__impersonal__" or k >= len(toks) or not action_noun(lex, toks[k].text):
        return False
    start = toks[k].start
    emit(ctx, start, clause_end(ctx, start, se, boundaries), cue, speaker, False, f"{form.family}.np", sidx,
         form.gender, speaker_span=sp)
    return True


def _skip_adjuncts(ctx: Context, toks: list[Tok], k: int) -> int:
    """Past commas, time adjuncts, "في الوقت نفسه" and a person in apposition (، أحمد شفيق،)."""
    for _ in range(8):
        if k >= len(toks):
            return k
        w = toks[k].text
        if w in (",", "-", "–") or w in ADJUNCTS or w in _TIME:
            k += 1
            continue
        if w == "في" and k + 2 < len(toks) and toks[k + 1].text == "الوقت":
            k += 3
            continue
        ms = ctx.mentions_in(toks[k].start, toks[k].start + 80)
        if ms and ms[0].start == toks[k].start and k > 0 and toks[k - 1].text == ",":
            end = ms[0].end
            while k < len(toks) and toks[k].start < end:
                k += 1
            continue
        return k
    return k


_TIME = frozenset("الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد اليوم امس".split())
