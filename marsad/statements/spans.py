"""Statement spans: clause starts, complements (إنّ/أنّ، :، «…»), quotations and content ends.

:func:`emit` records a statement; an indirect content "X، وأنّ Y" becomes two statements of the
same speaker.
"""
from __future__ import annotations

import re

import regex

from marsad.statements.context import Context, Found, Tok, inside_mention
from marsad.statements.lexicon import (
    B_STOP,
    CLOSE_QUOTES,
    IRREALIS,
    NAME_HEADS,
    NOT_COMP_BEFORE,
    OPEN_QUOTES,
    PREPOSITIONS,
    RELATIVES,
    RULE_WORDS,
    THAT,
    CueForm,
    words,
)
from marsad.statements.newspeakers import phrase_speaker
from marsad.text.normalize import normalize

_OBJECT_COMPS = tuple(RULE_WORDS["object_complements"])
_CLAUSE_COMPS = tuple(RULE_WORDS["clause_complements"])
_BI = RULE_WORDS["bi"]

_STRAIGHT_RE = re.compile('"')
BI_ISM = normalize(RULE_WORDS["bi_ism"])
ADDRESSEE_LAM, TATWEEL = "ل", "\u0640"  # the لـ written apart before an addressee's quoted name
_RW = RULE_WORDS


def quote_regions(text: str, ss: int, se: int) -> list[tuple[int, int]]:
    """Closed quotations of the sentence: «…», “…” and paired straight quotes."""
    out = []
    for op, cl in (("«", "»"), ("“", "”")):
        i = text.find(op, ss, se)
        while i >= 0:
            j = text.find(cl, i + 1, se)
            if j < 0:
                break
            out.append((i, j))
            i = text.find(op, j + 1, se)
    straight = [m.start() for m in _STRAIGHT_RE.finditer(text, ss, se)]
    for a, b in zip(straight[0::2], straight[1::2]):
        out.append((a, b))
    return out


def clause_start(text: str, toks: list[Tok], k: int, m, form: CueForm, ss: int) -> int | None:
    """Offset where the clause of this cue begins when it is clause-initial, else None."""
    prev = toks[k - 1] if k > 0 else None
    if form.kind == "attribution":
        if prev is None or prev.text in (",", "-", "–", "(", ";"):
            return prev.start if prev else m.start()
        return None
    if prev is not None and prev.text == _RW["kama"]:
        prev2 = toks[k - 2] if k > 1 else None
        return (prev2.start if prev2 and prev2.text == "," else prev.start)
    if prev is not None and prev.text in (",", ";"):
        return prev.start
    if form.kind == "participle" and prev is not None:
        return m.start()
    if m.group("pre") and prev is not None and prev.text in CLOSE_QUOTES:
        return m.start()
    if m.group("pre") == _RW["and"] and form.kind == "verb" and form.gender \
            and m.group("cue")[:1] not in _RW["imperfect_letters"]:
        return m.start()  # "قال إن الوقت يضيق وشدد على …": a coordinated speech verb
    return None


def find_complement(ctx: Context, toks: list[Tok], k: int, form: CueForm, limit: int):
    """(token index of the complement, content start offset, kind) after token k, or None."""
    end = min(len(toks), k + limit)
    relative = False
    paren = k < len(toks) and toks[k].text == ","
    skip_to = -1
    for j in range(k, end):
        if j <= skip_to:
            continue
        t = toks[j]
        w = t.text
        if w == "," and j + 1 < len(toks) and toks[j + 1].text[:1] == _RW["and"] and len(toks[j + 1].text) > 2:
            break  # "، وكتبت السفارة …": a new clause
        if w == "," and form.kind == "participle" and j > k:
            if paren:
                paren = False  # "معرباً، في الوقت نفسه، عن أمله": a parenthetical
                continue
            break  # a participle's complement follows it closely
        if w in IRREALIS and form.comps and any(c in _OBJECT_COMPS for c in form.comps):
            break  # "داعياً المسلمين لشن هجمات، إذا لم يتمكنوا من الهجرة إلى …"
        if "that" in form.comps and w in THAT and not (j > k and toks[j - 1].text in NOT_COMP_BEFORE):
            return j, t.end, "that"
        if "colon" in form.comps and w == ":":
            return j, t.end, "colon"
        if "quote" in form.comps and w in OPEN_QUOTES:
            close = _quoted_name(ctx, toks, j, k, end)
            if close is None:
                return j, t.start, "quote"
            while skip_to + 1 < end and toks[skip_to + 1].start <= close:
                skip_to += 1
            skip_to = max(skip_to, j)
            continue
        nxt = toks[j + 1].text if j + 1 < len(toks) else ""
        for c in form.comps:
            if " " in c:
                prep, comp = c.split(" ", 1)
                if w == prep and nxt in THAT:
                    return j, toks[j + 1].end, c
        if w in RELATIVES:
            relative = True  # "دعت الجماعات التي أوصلت الحكومة إلى السلطة إلى …": skip its own إلى
            continue
        if w in form.comps and w in _CLAUSE_COMPS:
            if relative:
                relative = False
                continue
            return j, t.end, w
        if _BI in form.comps and w.startswith(_BI) and len(w) >= 4 and w not in B_STOP \
                and not inside_mention(ctx, t.start):
            return j, t.start + 1, _BI
        if w in (".", "!", "?"):
            break
    return None


def _quoted_name(ctx: Context, toks: list[Tok], j: int, k: int, end: int) -> int | None:
    """Where the quotation opening at token j closes when it is a name, not the content, else None.

    A short quoted name in the subject (أعلن تنظيم "جيش الإسلام"، …، أنه …; "مدير المكتب
    الإعلامي في "غرفة العمليات" … "تم الاتفاق"") is no content.
    """
    text = ctx.text
    t = toks[j]
    inside = _quoted(text, t.start, len(text))
    shut = text.find(OPEN_QUOTES[t.text], inside[1]) if inside else -1
    later = [x for x in toks[j + 1:end] if x.start > shut]
    named = j > k and shut > 0 and (toks[j - 1].text in PREPOSITIONS or toks[j - 1].text in NAME_HEADS) \
        and any(x.text in THAT or x.text == ":" or x.text in OPEN_QUOTES for x in later)
    after_ism = j > k and toks[j - 1].text == BI_ISM  # "الناطق باسم "غرفة العمليات"": a name
    # "أعلن لـ"سكاي نيوز عربية"، الخميس، استعادة …": whom the cue addresses, a name
    after_ism = after_ism or j > k and toks[j - 1].text.rstrip(TATWEEL) == ADDRESSEE_LAM
    that_at = next((x.start for x in later if x.text in THAT), None)
    # … unless another cue opens between it and the أنّ ("قال تاجر "…" مضيفاً أن …")
    if that_at is not None and any(shut < c < that_at for c in ctx.cue_starts):
        that_at = None
    if inside and j > k and (n_words(text, *inside) <= 4 and that_at is not None
                             or (named or after_ism) and n_words(text, *inside) <= 6):
        return shut
    return None


def n_words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def clause_end(ctx: Context, start: int, se: int, boundaries: list[int]) -> int:
    end = se
    for b in boundaries:
        if start < b < end:
            end = b
    return trim_end(ctx.text, start, end)


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,;:!?…-–"):
        end -= 1
    return end


def trim_start(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] in ",;:-–"):
        start += 1
    return start


def _quoted(text: str, q: int, se: int) -> tuple[int, int] | None:
    """Inside of the quotation opening at q (up to its closing mark, or the sentence end)."""
    close = OPEN_QUOTES.get(text[q])
    if close is None:
        return None
    c = text.find(close, q + 1, se)
    if c < 0:
        c = se
    s = trim_start(text, q + 1, c)
    e = trim_end(text, s, c)
    return (s, e) if e > s else None


def _alternation(key: str) -> str:
    return "|".join(sorted(words(key)))


_ASIDE_RE = regex.compile(rf",\s*(?:{_alternation('aside_heads')}) (?:{_alternation('aside_relatives')})(?!\p{{L}})")
_COORD_RE = regex.compile(rf",\s*{_RW['and']}(?:{_alternation('coordinated_that')})(?!\p{{L}})")


def emit(ctx: Context, start: int, end: int, cue, speaker, direct, rule, sidx, gender=None, via=None,
          speaker_span=None, split=True) -> None:
    """Add a statement; an indirect content "X، وأنّ Y" is two statements by the same speaker."""
    text = ctx.text
    start = trim_start(text, start, end)
    end = trim_end(text, start, end)
    if not direct:
        aside = _ASIDE_RE.search(text, start, end)
        if aside is not None:  # "…، وهو ما تنفيه موسكو": the writer's aside ends the content
            end = trim_end(text, start, aside.start())
    if end - start < 3:
        return
    parts = [(start, end)]
    if split and not direct:
        parts = []
        pos = start
        for m in _COORD_RE.finditer(text, start, end):
            if _balanced_quotes(text, start, m.start()):
                parts.append((pos, trim_end(text, pos, m.start())))
                pos = m.end()
        parts.append((trim_start(text, pos, end), end))
    parts = [(a, b) for a, b in parts if b - a >= 3 and (a, b) not in ctx.found_spans]  # a set: linear time
    if parts and speaker is None and speaker_span is not None:
        speaker, got = phrase_speaker(ctx, *speaker_span, sidx)
        speaker_span = got or speaker_span
    for a, b in parts:
        ctx.add(Found(a, b, cue, speaker, direct, rule, sidx, gender, via, speaker_span))


def _balanced_quotes(text: str, s: int, e: int) -> bool:
    seg = text[s:e]
    return seg.count("«") == seg.count("»") and seg.count("“") == seg.count("”") and seg.count('"') % 2 == 0


def emit_content(ctx, m, cue, cstart, kind, speaker, form, se, sidx, boundaries, via, sp_span, rule_kind):
    text = ctx.text
    q = trim_start(text, cstart, se)
    rule = f"{form.family}.{rule_kind}.{kind}"
    if q < se and text[q] in OPEN_QUOTES:
        inside = _quoted(text, q, se)
        close = text.find(OPEN_QUOTES[text[q]], inside[1], se) if inside else -1
        after = close + 1 if close >= 0 else se
        while after < se and text[after] == " ":
            after += 1
        # the quotation alone, unless the clause goes on after it ("أن "شرطة … تدخلت صباحا" ضد تظاهرة")
        if inside and (after >= se or not text[after].isalpha() or after in boundaries
                       or n_words(text, *inside) > 4 and not _goes_on(ctx, after, se, boundaries)):
            emit(ctx, inside[0], inside[1], cue, speaker, True, rule, sidx, form.gender, via, sp_span)
            return
        # a quoted word inside indirect speech (أن "إرهابيا" سلم نفسه): the clause is the content
    direct = kind == "colon"
    end = clause_end(ctx, cstart, se, boundaries)
    if form.family in _TOPIC_FAMILIES and kind in _TOPIC_KINDS:
        stop = _TOPIC_END_RE.search(text, cstart, end)
        if stop is not None and _balanced_quotes(text, cstart, stop.start()):
            end = trim_end(text, cstart, stop.start())  # "تحدث عن X، لكنها لم تحدد …": the topic is X
    if end > cstart and text[end - 1] in CLOSE_QUOTES and not _balanced_quotes(text, cstart, end):
        end = trim_end(text, cstart, end - 1)  # «أن …»: the quotation opened before the complementiser
    emit(ctx, cstart, end, cue, speaker, direct, rule, sidx, form.gender, via, sp_span)


# Cues whose content is a topic noun phrase (تحدث عن …، تطرق إلى …), and their noun complements.
_TOPIC_FAMILIES = frozenset({"talk"})
_TOPIC_KINDS = frozenset(_RW["topic_complements"])
_TOPIC_END_RE = regex.compile(rf",\s*(?:{_alternation('topic_ends')})(?!\p{{L}})")


def _goes_on(ctx, after: int, se: int, boundaries) -> bool:
    """Does an indirect clause continue after a closing quote with a phrase of its own (ضد تظاهرة …)?"""
    text = ctx.text
    end = clause_end(ctx, after, se, boundaries)
    w = text[after:end].split()[:1]
    return bool(w) and w[0] in _CONTINUATIONS and n_words(text, after, end) >= 2 and end - after > 8


# Words that continue a clause after a quotation (a preposition or a conjunction, not a new cue).
_CONTINUATIONS = words("continuations")


def opening_quote(text: str, ss: int, close: int) -> int | None:
    ch = text[close]
    opener = {"»": "«", "”": "“", '"': '"'}[ch]
    i = text.rfind(opener, ss, close)
    return i if i >= 0 else None
