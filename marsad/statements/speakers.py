"""Who speaks: the subject of a cue, a pronoun's or elided subject's antecedent, an attribution's source.

Speakers are actor mentions (``doc.mentions``); a subject the actors layer did not resolve
("قال مسؤول أمريكي") keeps its span with no actor id. A pronoun (لكنه) or elided subject
(وأضاف) takes the nearest earlier speaker whose agreement fits the cue.
"""
from __future__ import annotations

from marsad.statements.context import Context, NMention, Tok, compatible, inside_mention
from marsad.statements.lexicon import (
    ADJUNCTS,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    PREPOSITIONS,
    QUANTIFIERS,
    RULE_WORDS,
    THAT,
    time_words,
    words,
)
from marsad.statements.spans import trim_end
from marsad.statements.speaker_phrase import person_word, phrase_end, speaker_lexicon

_PREVERBAL_CUE_PREFIXES = tuple(RULE_WORDS["preverbal_cue_prefixes"])
_PREVERBAL_SKIPS = tuple(RULE_WORDS["preverbal_skips"])
_LAM, _ALEF, _ART = RULE_WORDS["lam"], RULE_WORDS["alef"], RULE_WORDS["article"]
_BI_ART = RULE_WORDS["bi"] + _ART
_MA_FORMS = tuple(RULE_WORDS["ma_forms"])

# Families whose verb takes an object before the content (طالب X بـ، دعا X إلى، حث X على، حذر X من).
_OBJECT_FIRST = frozenset({"demand", "call", "urge", "warn", "accuse"})


def subject_in(ctx: Context, s: int, e: int, vias) -> NMention | None:
    """The first mention of [s, e) in subject position (not under a preposition, not a via)."""
    for m in ctx.mentions_in(s, e):
        if any(a <= m.start < b for _, _, a, b in vias):
            continue
        if _subject_like(m):
            return m
    return None


def _subject_like(m: NMention) -> bool:
    """A subject, or the owner of a speech noun ("وقال تقرير لمجلة "فورين بوليسي""، "في تغريدة للوزير"):
    the owner speaks."""
    return not m.prepositional or m.owner


def resolve_speaker(ctx: Context, gender: str | None, before: int, ss: int, sidx: int, first_local: int) -> str | None:
    """Speaker of a pronoun or elided subject: nearest earlier compatible speaker."""
    for f in reversed(ctx.found[first_local:]):
        if f.sentence == sidx and f.speaker and f.cue[0] < before and compatible(ctx, f.speaker, gender):
            # a clause of its own after that content ("…، وهو ما تنفيه موسكو بشدة واصفةً …")
            own = [m for m in ctx.mentions_in(f.end, before) if _subject_like(m) and compatible(ctx, m.actor, gender)]
            return own[-1].actor if own and f.end < before else f.speaker
    m = next((m for m in ctx.mentions_in(ss, before) if _subject_like(m)
              and compatible(ctx, m.actor, gender) and not _in_fronted_topic(ctx, ss, m, before)), None)
    if m is not None:
        return m.actor
    for k in range(sidx - 1, sidx - 5, -1):  # the last four sentences' statements, latest first
        for f in reversed(ctx.of_sentence(k)):
            # the earlier cue's own agreement counts too ("كشفت القوات المسلحة … وأوضحت أنه")
            if f.speaker and (compatible(ctx, f.speaker, gender) or gender is not None and f.gender == gender):
                return f.speaker
    # The subject of the previous sentence(s).
    sents = ctx.content_sentences()
    for back in (1, 2):
        j = ctx.content_position(sidx)
        if j is None or j - back < 0:
            break
        ps = sents[j - back]
        a, b = ctx.nt.from_original(ps.start), ctx.nt.from_original(ps.end)
        for m in ctx.mentions_in(a, b):
            if _subject_like(m) and compatible(ctx, m.actor, gender):
                return m.actor
    return None


def speaker_for(ctx, lex, toks, tok_at, m, form, span_s, span_e, ss, sidx, vias, first_local):
    """(speaker id, speaker span, via span) of a verb or participle cue."""
    text = ctx.text
    via = _via_of(ctx, m, span_s, span_e, ss, vias)
    if form.kind == "participle":
        return resolve_speaker(ctx, form.gender, m.start(), ss, sidx, first_local), None, via
    if form.speaker_after:
        return _speaker_after(ctx, toks, tok_at, form, span_s, span_e, vias, via)
    sub = subject_in(ctx, span_s, span_e, vias)
    words = [t for t in toks[tok_at(span_s):tok_at(span_e)] if t.text not in (",", "-", "–", "(", ")")
             and not any(a <= t.start < pe for a, _, _, pe in vias)]
    if sub is not None:
        if form.family in _OBJECT_FIRST and m.group("pre") and any(
                f.cue[0] < m.start() for f in ctx.of_sentence(sidx)):
            # "وقال بيريز إنه شن الهجوم، ودعا الشعب الفنزويلي إلى …": the same speaker goes on
            prev = [f for f in ctx.of_sentence(sidx) if f.cue[0] < m.start()][-1]
            return prev.speaker, prev.speaker_span, via
        alt = None if sub.owner else _phrase_before(ctx, words, sub, span_e)
        if alt is not None:
            return None, alt, via  # "وأكد تاجر سجاد … مالكا"، "رئيس المجلس المركزي": the phrase speaks
        # Only the subject right after the verb (VSO) or after an adjunct PP.
        return sub.actor, (sub.start, sub.end), via
    first = words[0].text if words else None
    pre = _preverbal(ctx, toks, tok_at, m, ss)
    if pre is not None and m.group("pre") in _PREVERBAL_CUE_PREFIXES:
        return pre.actor, (pre.start, pre.end), via  # "كيم أبلغ مسؤولي كوريا الجنوبية أن …"
    if form.family in _OBJECT_FIRST:
        first = None  # "وطالب العالم العربي بـ…": an unresolved noun after the verb is its object
    if first is not None and subject_word(first):
        # A subject the actors layer did not resolve ("قال مسؤول أمريكي …"): newspeakers reads it.
        return None, (words[0].start, span_e), via
    if len(words) == 1 and words[0].text in _RESUMPTIVE and form.kind == "verb":
        found = issuer(ctx, toks, tok_at, m, ss)  # "أصدر X بياناً قال فيه إن …": X speaks
        if found is not None:
            return found[0], found[1], via
    # Elided or preverbal subject.
    before = m.start()
    kc = tok_at(m.start())
    prev = [t for t in toks[max(0, kc - 12):kc]]
    # A pronoun subject ("لكنه، وفق …، يؤكد")
    gender = form.gender
    for t in reversed(prev):
        if any(a <= t.start < pe for a, _, _, pe in vias) or t.text in _PREVERBAL_SKIPS:
            continue
        if t.text in lex.pronouns:
            return resolve_speaker(ctx, lex.pronouns[t.text], t.start, ss, sidx, first_local), None, via
        break
    if not m.group("pre"):
        if form.kind == "verb" and m.group("cue") in lex.impersonal_bare and not words:
            return "__impersonal__", None, via
        near = [mm for mm in ctx.mentions_in(max(ss, prev[0].start if prev else ss), before)
                if _subject_like(mm) and compatible(ctx, mm.actor, gender)]
        if near and not any(near[-1].end <= b < before for b in _clause_breaks(text, near[-1].end, before)) \
                and not _in_fronted_topic(ctx, ss, near[-1], before):
            return near[-1].actor, (near[-1].start, near[-1].end), via
    if form.kind == "verb" and m.group("cue") in lex.impersonal_bare and not words:
        return "__impersonal__", None, via
    return resolve_speaker(ctx, gender, before, ss, sidx, first_local), None, via


def _via_of(ctx, m, span_s: int, span_e: int, ss: int, vias) -> tuple[int, int] | None:
    """The attribution a cue's statement came through: one in the speaker span ("قالت المنظمة -
    بحسب ما نقلته الوكالة - إنها …"), or right before the cue ("لكنه، وفق ما نشر …، يؤكد بأن …")."""
    text = ctx.text
    via = None
    for a, b, ps, pe in vias:
        if span_s <= a < span_e or (ss <= a and pe <= m.start() and text[pe:m.start()].strip(" ,-–") == ""):
            via = (a, pe)
    return via


def _speaker_after(ctx, toks, tok_at, form, span_s: int, span_e: int, vias, via):
    """"نقلت الوكالة عن مصدر أنّ …": the speaker follows عن; the subject is the channel."""
    ws = [t for t in toks[tok_at(span_s):tok_at(span_e)]]
    for i, t in enumerate(ws):
        if t.text == form.speaker_after and i + 1 < len(ws):
            if form.speaker_heads and ws[i + 1].text not in form.speaker_heads:
                break  # "جاء في وقت …": no document speaks
            ms = ctx.mentions_in(ws[i + 1].start, span_e)
            subj = subject_in(ctx, span_s, t.start, vias)
            via = (subj.start, subj.end) if subj else (span_s, t.start) if ctx.text[span_s:t.start].strip() else None
            sp_end = trim_end(ctx.text, ws[i + 1].start, span_e)
            return (ms[0].actor if ms else None), (ws[i + 1].start, sp_end), via
    return "__impersonal__", None, via  # نقل without عن: transport, not speech


_PREVERBAL_LINK = words("preverbal_links")


def _preverbal(ctx, toks, tok_at, m, ss) -> NMention | None:
    """An actor mention right before the cue (SV order), only قد/كان between."""
    return _preverbal_at(ctx, toks, tok_at(m.start()), ss)


def _preverbal_at(ctx, toks, kc: int, ss: int) -> NMention | None:
    """An actor mention right before token kc, only قد/كان between."""
    i = kc - 1
    while i >= 0 and toks[i].start >= ss and toks[i].text in _PREVERBAL_LINK:
        i -= 1
    if i < 0 or toks[i].start < ss or not toks[i].text[:1].isalnum():
        return None  # "… إلى واشنطن، قالت نويرت": a comma ends the clause before the cue
    for mm in reversed(ctx.mentions_in(ss, toks[kc].start if kc < len(toks) else toks[i].end)):
        if mm.end <= toks[i].end and mm.end >= toks[i].start:
            return None if mm.prepositional else mm
        if mm.end < toks[i].start:
            break
    return None


# Prepositions that open a fronted topic ("وحول مشروع قناة سلوى …، قالت:").
_TOPIC_HEADS = words("topic_heads")


def _in_fronted_topic(ctx, ss: int, mention: NMention, before: int) -> bool:
    """Is the mention inside a sentence-initial prepositional topic closed by a comma before the cue?"""
    head = ctx.text[ss:ss + 20].split()
    if not head or head[0] not in _TOPIC_HEADS:
        return False
    comma = ctx.text.find(",", mention.end, before)
    return comma >= 0 and not ctx.mentions_in(comma, before)


def _clause_breaks(text: str, s: int, e: int) -> list[int]:
    return [i for i in range(s, e) if text[i] in ".;:"]


_TIME_WORDS = time_words() | words("time_adverbs")


def _is_time_word(w: str) -> bool:
    return w in _TIME_WORDS or w.isdigit()


def subject_word(w: str) -> bool:
    """Can a cue's subject start with this word (not a preposition, adjunct, time or adverb)?"""
    return (w not in PREPOSITIONS and w not in ADJUNCTS and w not in speaker_lexicon().not_speakers and not w.startswith(_LAM) and not _is_time_word(w)
            and w[:1].isalpha() and not (w.endswith(_ALEF) and len(w) >= 3 and not w.startswith(_ART))
            and not w.startswith(_BI_ART))  # "تكشف بالكامل": a prepositional adverb, no subject


def _phrase_before(ctx, words, sub: NMention, span_e: int) -> tuple[int, int] | None:
    """The span of an unresolved subject phrase that starts before the first mention, if any.

    "وأكد تاجر سجاد يبلغ 45 عاما … مالكا له" (the mention lies past the phrase) or "رئيس المجلس
    المركزي …" / "المحلل السياسي العراقي …" (a person's title governs an organisation or nisba).
    A person mention keeps its titles ("المتحدثة باسم الوزارة هيذر نويرت" → نويرت).
    """
    if words and words[0].start == sub.start and _one_of_a_group(ctx, words, sub):
        return words[0].start, span_e  # "وقال تاجر في السوق": one trader, not the traders
    if not words or words[0].start >= sub.start or not subject_word(words[0].text) \
            or words[0].text in QUANTIFIERS:
        return None  # "دعت العديد من الجماعات": the subject is under من after a quantifier
    if inside_mention(ctx, words[0].start - 1):
        return None
    w0 = words[0].text
    a = ctx.doc.actors.get(sub.actor)
    if person_word(w0) or a is not None and a.kind == "LOC" and not a.type:
        # a title, or a region no one speaks for ("سماح حديد مديرة حملات الشرق الأوسط …")
        return words[0].start, span_e
    end = phrase_end(ctx, words[0].start, span_e)
    if end is not None and end <= sub.start:
        return words[0].start, span_e
    return None


def _one_of_a_group(ctx, words, sub: NMention) -> bool:
    """Is the mention one singular person head ("تاجر") that the actors layer read as a group actor,
    with more of the phrase after it ("تاجر سجاد")? One member of the group speaks."""
    a = ctx.doc.actors.get(sub.actor)
    head = speaker_lexicon().heads.get(words[0].text)
    return (a is not None and a.kind != "PER" and head is not None and head[0] == "PER"
            and words[0].end >= sub.end and len(words) > 1)


_STATEMENT_NOUNS = words("source_statement_nouns")


def _long_quote(text: str, q: int) -> bool:
    close = text.find(OPEN_QUOTES[text[q]], q + 1)
    return close < 0 or len(text[q + 1:close].split()) > 4


def source_phrase(ctx, lex, toks, k: int, se: int) -> tuple[int, int] | None:
    """Span of the source after an attribution cue, if it names a source ("وفق ما نشر …")."""
    if k >= len(toks):
        return None
    end = k
    in_quote = None
    while end < len(toks) and end - k < 16:
        w = toks[end].text
        if in_quote is not None:
            if w == in_quote:
                in_quote = None
        elif w in OPEN_QUOTES and end > k and _long_quote(ctx.text, toks[end].start) and (
                ctx.mentions_in(toks[k].start, toks[end].start) or toks[k].text in lex.source_nouns):
            break  # "وفق أبازيد "تسليم السلاح …"": the quotation is the content, not the source's name
        elif w in OPEN_QUOTES:
            in_quote = OPEN_QUOTES[w]  # a quoted name: وفقاً لصحيفة "فاينانشال تايمز"
        elif w in (",", ";", "-", "–", ".", ":", "(") or w in CLOSE_QUOTES or w in THAT:
            break
        end += 1
    if in_quote is not None:
        return None
    if end == k:
        return None
    s, e = toks[k].start, toks[end - 1].end
    words = [t.text for t in toks[k:min(end, k + 3)]]
    # a mention that opens the phrase ("وفقاً لوزارة الخارجية"), not a nisba inside another noun
    # ("بحسب الدستور المصري")
    ok = any(m.start <= s + 2 for m in ctx.mentions_in(s, e)[:1])
    if not ok and words:
        w0 = words[0]
        stem = w0[1:] if w0.startswith(_LAM) and len(w0) > 3 else w0
        if stem.startswith(_LAM) and len(stem) > 3:
            stem = _ALEF + stem  # للمصادر
        if w0 in _MA_FORMS and len(words) > 1 and words[1] in lex.reporting_verbs:
            ok = True
        elif stem in lex.source_nouns or w0 in lex.source_nouns:
            ok = True
        elif len(words) > 1 and w0 in _STATEMENT_NOUNS and ctx.mentions_in(s, e):
            ok = True
    return (s, e) if ok else None


def issuer(ctx: Context, toks: list[Tok], tok_at, m, ss: int):
    """(actor, span) of who issued the document a relative clause is on: "أصدر النائب العام المصري بياناً،
    الأربعاء، أكد فيه": the subject between the issuing verb and the document noun; None when the
    clause is not built so (the resumptive's own subject, or no issuing verb)."""
    i = tok_at(m.start()) - 1
    while i >= 0 and toks[i].start >= ss and (toks[i].text in (",", "-", "–") or toks[i].text in _TIME_WORDS):
        i -= 1
    if i < 1 or toks[i].start < ss:
        return None
    # the document right there, after one adjective ("بياناً رئاسياً") or before a topic phrase
    # ("بيانا بشأن تصريحات جنينة، قالت فيه")
    d = next((d for d in range(i, max(-1, i - 9), -1) if toks[d].start >= ss and toks[d].text in _DOCUMENTS
              and (d >= i - 1 or toks[d + 1].text in PREPOSITIONS)), None)
    if d is None or d < 1:
        return None
    i = d
    e = i - 1
    while e >= 0 and toks[e].start >= ss and toks[e].text in _TIME_WORDS:
        e -= 1  # "نشرت وزارة الداخلية الأردنية السبت بيانا"
    b = e
    while b >= 0 and toks[b].start >= ss and toks[b].text[:1].isalpha() and _bare(toks[b].text) not in _ISSUE:
        b -= 1
    if b < 0 or toks[b].start < ss or _bare(toks[b].text) not in _ISSUE:
        return None
    if b == e:  # the subject before the verb ("وكانت القوات المسلحة قد أصدرت بيانا"): SV order
        pre = _preverbal_at(ctx, toks, b, ss)
        return (pre.actor, (pre.start, pre.end)) if pre is not None else None
    if any(t.text in _DOCUMENTS for t in toks[b + 1:e + 1]) or toks[b + 1].text in PREPOSITIONS:
        return None  # "أصدرت بيانا بشأن تصريحات …": the document is the object, no subject here
    s, end = toks[b + 1].start, toks[e].end
    ms = [mm for mm in ctx.mentions_in(s, end) if not mm.prepositional]
    if ms and ms[0].start == s:
        return ms[0].actor, (ms[0].start, ms[0].end)
    return None, (s, end)  # an unresolved subject phrase: newspeakers names it


def _bare(w: str) -> str:
    """The verb without a conjunction or the feminine ending (ونشرت → نشر)."""
    w = w[1:] if w[:1] in RULE_WORDS["conjunction_letters"] and len(w) > 3 else w
    return w[:-1] if w.endswith(RULE_WORDS["ta"]) and w[:-1] in _ISSUE else w


_RESUMPTIVE = words("resumptive_pronouns")
_DOCUMENTS = words("issued_documents")
_ISSUE = words("issuing_verbs")
