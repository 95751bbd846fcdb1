"""Reading one sentence's speech cues into statements: one reader per kind of cue.

* verb + [speaker] + complement — the content follows (:func:`_verbal`);
* content + "، كما يقول X" / «…»، قال X — the speaker follows the content (:func:`_postposed`);
* "القول إنّ" / "نقل عن X قوله" — nominal cues (:func:`_noun`);
* وفق/بحسب + source — attribution, or the channel (``via``) of a statement (:func:`_attribution`).
"""
from __future__ import annotations

import bisect
from dataclasses import replace

import regex

from marsad.statements.context import Context, compatible, tokens
from marsad.statements.lexicon import (
    ADJUNCTS,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    PREPOSITIONS,
    RULE_WORDS,
    THAT,
    CueForm,
    Lexicon,
    words,
)
from marsad.statements.nominal import np_content
from marsad.statements.spans import (
    clause_end,
    clause_start,
    emit,
    emit_content,
    find_complement,
    n_words,
    opening_quote,
    quote_regions,
    trim_end,
    trim_start,
)
from marsad.statements.speakers import (
    resolve_speaker,
    source_phrase,
    speaker_for,
    subject_in,
)
from marsad.text.normalize import normalize

_RW = RULE_WORDS
_BI_RE = r"(?<!\p{L})" + RULE_WORDS["bi"]  # a word starting with بـ

# A speech verb right after these has a relative antecedent for its speaker ("التي قال إنها").
_RELATIVE_HEADS = words("relative_heads")


def read_sentence(ctx: Context, lex: Lexicon, ss: int, se: int, sidx: int, cues) -> None:
    """Statements of the sentence [ss, se) from its cue matches, added to ``ctx.found``."""
    text = ctx.text
    toks = tokens(text, ss, se)
    tstarts = [t.start for t in toks]

    def tok_at(off: int) -> int:
        return bisect.bisect_left(tstarts, off)

    items = []
    ctx.cue_starts = [m.start() for m in cues if lex.forms[m.group("cue")].kind != "attribution"]
    quotes = quote_regions(text, ss, se)
    for m in cues:
        if any(a < m.start() < b for a, b in quotes):
            continue  # a cue inside a quotation is the quoted speaker's own words ("أعتقد أن …")
        form = lex.forms[m.group("cue")]
        items.append((m, form))
    # Clause-initial cues cut the content of earlier statements in the sentence.
    boundaries = []
    for m, form in items:
        b = clause_start(text, toks, tok_at(m.start()), m, form, ss)
        if b is not None:
            boundaries.append(b)
    attributions = [(m, f) for m, f in items if f.kind == "attribution"]
    via_spans = []
    for m, _ in attributions:
        ph = source_phrase(ctx, lex, toks, tok_at(m.end()), se)
        if ph is not None:
            via_spans.append((m.start(), m.end(), ph[0], ph[1]))
    first_local = len(ctx.found)
    skip_noun_at: set[int] = set()
    for idx, (m, form) in enumerate(items):
        if form.kind == "attribution" or m.start() in skip_noun_at:
            continue
        kp = tok_at(m.start()) - 1
        if form.kind == "verb" and not m.group("pre") and kp >= 0 and (
                toks[kp].text in _RELATIVE_HEADS or toks[kp].text[:1] == _RW["and"] and toks[kp].text[1:] in _RELATIVE_HEADS):
            continue  # "التي قال إنها"، "من تعتقد أنه": the speaker is a relative antecedent
        if form.kind == "verb" and not m.group("pre") and kp >= 0 and (toks[kp].text in lex.not_after
                                                                     or _demanded(toks, kp, lex)):
            continue  # "رفض ذكر اسمه", "حثها على أن تكشف عن": the verb is the object of another verb
        cue = (m.start("cue"), m.end())
        k = tok_at(m.end())
        if form.kind in ("verb", "participle"):
            # "تابع بالقول إنّ"، "شدد على القول": the noun carries the complement.
            nxt = [t for t in toks[k:k + 2]]
            gov = next((x for x, f in items[idx + 1:idx + 2] if f.kind == "noun" and f.bare
                        and nxt and x.start() <= nxt[-1].start), None)
            if gov is not None:
                skip_noun_at.add(gov.start())
                _noun(ctx, lex, toks, tok_at, gov, lex.forms[gov.group("cue")], ss, se, sidx,
                      boundaries, via_spans, governor=(m, form))
                continue
            _verbal(ctx, lex, toks, tok_at, m, form, cue, ss, se, sidx, boundaries, via_spans, first_local)
        elif form.kind == "noun":
            _noun(ctx, lex, toks, tok_at, m, form, ss, se, sidx, boundaries, via_spans)
    for m, _ in attributions:
        _attribution(ctx, lex, toks, tok_at, m, ss, se, sidx, boundaries, first_local)


def _verbal(ctx, lex, toks, tok_at, m, form: CueForm, cue, ss, se, sidx, boundaries, vias, first_local):
    text = ctx.text
    k = tok_at(m.end())
    if form.np and np_content(ctx, lex, toks, tok_at, m, form, cue, ss, se, sidx, boundaries, vias, first_local):
        return  # "أعلن الجيش وضع قواته …": an action noun right after the subject is the content
    comp = find_complement(ctx, toks, k, form, 30)
    if comp is not None and comp[2] == "quote" and form.family in _QUOTE_AFTER_SUBJECT and not (
            form.kind == "verb" and _adjunct_only(ctx, m.end(), toks[comp[0]].start)):
        # "واعتبر التصريحات "مقززة"": the quotation judges an object; another complement may follow
        comp = find_complement(ctx, toks, k, replace(form, comps=tuple(c for c in form.comps if c != "quote")), 30)
    # A complement only belongs to this cue if no other clause or cue starts in between
    # ("ونقلت الوكالة عن X، مدير المكتب، قوله إن …": the noun قوله carries it).
    if comp is not None and any(m.end() < b < toks[comp[0]].start for b in boundaries + ctx.cue_starts):
        comp = None
    if comp is not None:
        # The colon or quote may close a post-posed speaker ("«…»، قال المتحدث: …") — fine.
        j, cstart, kind = comp
        span_s, span_e = m.end(), toks[j].start
        speaker, sp_span, via = speaker_for(ctx, lex, toks, tok_at, m, form, span_s, span_e, ss, sidx, vias,
                                             first_local)
        if speaker == "__impersonal__":
            return
        emit_content(ctx, m, cue, cstart, kind, speaker, form, se, sidx, boundaries, via, sp_span,
                 "participle" if form.kind == "participle" else "verb")
        return
    if "object" in form.comps:
        if form.kind == "participle":
            speaker = resolve_speaker(ctx, form.gender, m.start(), ss, sidx, first_local)
            emit(ctx, m.end(), clause_end(ctx, m.end(), se, boundaries), cue, speaker, False,
                  f"{form.family}.object", sidx, form.gender)
        else:
            # "كما وصفوا الرئيس التركي …": a verb with the plural suffix has a pronoun subject
            own = m.group("cue").endswith(_RW["plural_suffix"])
            sub = None if own else _titled_subject(ctx, m.end(), min(se, m.end() + 80))
            if sub is not None:
                start, speaker, sp = sub.end, sub.actor, (sub.start, sub.end)
            else:
                start, speaker, sp = m.end(), resolve_speaker(ctx, form.gender, m.start(), ss, sidx, first_local), None
            if regex.search(_BI_RE, text[start:clause_end(ctx, start, se, boundaries)]):
                emit(ctx, start, clause_end(ctx, start, se, boundaries), cue, speaker, False,
                      f"{form.family}.object", sidx, form.gender, speaker_span=sp)
        return
    if form.kind == "verb" and form.post:
        _postposed(ctx, lex, toks, tok_at, m, form, cue, ss, se, sidx, boundaries, vias)


# Judgement cues whose quotation is the content only right after the subject or an adjunct phrase
# ("واعتبرت الحركة في بيان صحفي لها «…»"); otherwise it is the predicate of an object.
_QUOTE_AFTER_SUBJECT = words("quote_after_subject")


def _adjunct_only(ctx, cue_end: int, quote: int) -> bool:
    """Is only a subject and a prepositional phrase after it between the cue and the quotation?

    "واعتبرت الحركة في بيان صحفي لها «…»" yes; "واعتبر التصريحات «…»" or "ويعتبر «سبت النور» …" no
    (an object the quotation judges, or a passive verb)."""
    gap = [t for t in tokens(ctx.text, cue_end, quote) if t.text != ","]
    p = next((i for i, t in enumerate(gap) if t.text in PREPOSITIONS), None)
    return p is not None and 1 <= p <= 5


def _titled_subject(ctx, s: int, e: int):
    """The subject right after a cue with its appositions ("ووصف الرئيس دونالد ترامب الهجوم بأنه": the
    mentions الرئيس and دونالد ترامب name one actor): the last mention of that actor reached through
    a few words only; None when no mention starts the clause."""
    best = None
    for mm in ctx.mentions_in(s, e):
        gap = tokens(ctx.text, best.end if best else s, mm.start)
        if mm.prepositional or (gap if best is None else len(gap) > 3 or mm.actor != best.actor) \
                or any(not t.text[:1].isalpha() for t in gap):
            break  # "ووصف ترامب هيكس بأنها": another actor after the subject is the object
        best = mm
    return best


def _postposed(ctx, lex, toks, tok_at, m, form, cue, ss, se, sidx, boundaries, vias):
    """Content before the cue: "…، كما يقول رئيس الوزراء" / "«…»، قال المتحدث"."""
    text = ctx.text
    kc = tok_at(m.start())
    j = kc - 1
    kama = j >= 0 and toks[j].text == _RW["kama"]
    if kama:
        j -= 1
    if j < 0:
        return
    quote_close = None
    if toks[j].text == ",":
        if j - 1 >= 0 and toks[j - 1].text in CLOSE_QUOTES:
            quote_close = toks[j - 1].start
    elif toks[j].text in CLOSE_QUOTES:
        quote_close = toks[j].start
    else:
        return
    if m.group("pre"):
        return  # "، وأشاروا …" opens a new clause; a post-posed cue takes no conjunction
    got = _postposed_speaker(ctx, toks, tok_at, m, se, vias)
    if got is None:
        return
    speaker, sp, stop = got
    # The content the speaker closes: an earlier statement in this sentence already owns it?
    content_end = toks[j].start if quote_close is None else quote_close
    if quote_close is None and not kama:
        # "…، يقول X" without كما or a quotation: only a present-tense cue after a real clause.
        opened = text[ss] in OPEN_QUOTES
        if m.group("cue")[:1] not in _RW["imperfect_letters"] or n_words(text, ss, content_end) < (2 if opened else 4):
            return
        after = [t for t in toks[tok_at(sp[1]):] if t.start < stop]
        if after and (after[0].text in PREPOSITIONS or after[0].text in THAT):
            return  # "تشير النمسا إلى تاريخها": the verb takes its own object, no content before
    for f in ctx.of_sentence(sidx):  # each loop wants this sentence's only
        if f.sentence == sidx and f.start < content_end <= f.end + 2:
            if f.via is None and speaker != f.speaker:
                f.via = (m.start("cue") if not m.group("pre") else m.start(), sp[1])
            return
    cs, content_end, direct = _postposed_content(ctx, toks[j].start, ss, se, stop, quote_close, content_end,
                                                 boundaries)
    emit(ctx, cs, content_end, cue, speaker, direct, f"{form.family}.post", sidx, form.gender,
          speaker_span=sp, split=False)


def _postposed_speaker(ctx, toks, tok_at, m, se, vias):
    """(speaker id, speaker span, where the speaker phrase stops) of a post-posed cue, or None.

    The speaker NP follows the cue and is closed by a comma, the sentence end or a quotation.
    """
    k = tok_at(m.end())
    if k >= len(toks) or toks[k].text in PREPOSITIONS or toks[k].text in THAT:
        return None
    stop = se
    for t in toks[k:]:
        if t.text in (",", ".", ";", ":") or t.text in OPEN_QUOTES:
            stop = t.start
            break
    sub = subject_in(ctx, m.end(), stop, vias)
    if sub is None and k < len(toks) and toks[k].start < stop:
        sp_end = toks[k].end
        for t in toks[k + 1:k + 4]:
            if t.start >= stop or t.text in PREPOSITIONS or t.text in ADJUNCTS or not t.text[0].isalpha():
                break
            sp_end = t.end
        return None, (toks[k].start, sp_end), stop
    if sub is not None:
        return sub.actor, (sub.start, sub.end), stop
    return None


def _postposed_content(ctx, before_cue: int, ss, se, stop, quote_close, content_end, boundaries):
    """(start, end, direct) of the content a post-posed speaker closes; ``before_cue`` is the
    offset of the comma or quote right before the cue."""
    text = ctx.text
    if quote_close is not None:
        opener = opening_quote(text, ss, quote_close)
        cs = opener + 1 if opener is not None else ss
        direct = opener is not None
    else:
        opener = text[ss] in OPEN_QUOTES and text.find(OPEN_QUOTES[text[ss]], ss + 1, content_end) < 0
        cs = ss + 1 if opener else ss
        prior = [b for b in boundaries if ss < b < content_end and b != before_cue]
        direct = bool(opener)
        if prior:
            cs = max(prior) + 1
    if quote_close is None and stop < se and text[stop] == ",":
        # A parenthetical source ("بدا كيم، كما ذكرت وسائل إعلام، مستعدا للقاء آبي"): the clause
        # continues after it, unless a new cue clause starts there (… ، واصفاً …).
        rest_s = trim_start(text, stop, se)
        rest_e = clause_end(ctx, rest_s, se, boundaries + [stop])
        apposition = text.startswith(_RW["article"], rest_s) and rest_e >= trim_end(text, rest_s, se)  # "…، المسؤول عنهم."
        if rest_e > rest_s and not apposition and not any(b == stop for b in boundaries) \
                and n_words(text, rest_s, rest_e) >= 2 and not any(rest_s <= b <= rest_s + 2 for b in boundaries):
            content_end = rest_e
    return cs, content_end, direct


def _noun(ctx, lex, toks, tok_at, m, form, ss, se, sidx, boundaries, vias, governor=None):
    text = ctx.text
    k = tok_at(m.end())
    kc = tok_at(m.start())
    cue = (m.start("cue"), m.end()) if governor is None else (governor[0].start("cue"), m.end())
    comp = find_complement(ctx, toks, k, form, 3)
    if comp is None:
        return
    j, cstart, kind = comp
    first_local = 0
    prev_words = [t.text for t in toks[max(0, kc - 3):kc]]
    if governor is None and any(w in lex.impersonal_before for w in prev_words):
        return
    via = None
    gender = form.gender if governor is None else governor[1].gender
    speaker = None
    sp = None
    if form.bare:
        if governor is not None:
            gm, gform = governor
            span_s, span_e = gm.end(), m.start()
            speaker, sp, via = speaker_for(ctx, lex, toks, tok_at, gm, gform, span_s, span_e, ss, sidx, vias,
                                            first_local)
            if speaker == "__impersonal__":
                return
        else:
            before = [mm for mm in ctx.mentions_in(ss, m.start()) if compatible(ctx, mm.actor, gender)]
            if before:
                speaker, sp = before[-1].actor, (before[-1].start, before[-1].end)
            else:
                speaker = resolve_speaker(ctx, gender, m.start(), ss, sidx, first_local)
    else:
        # "نقل عن مصدر قوله": the speaker follows عن; else the pronoun's antecedent.
        window = toks[max(0, kc - 10):kc]
        for i in range(len(window) - 1, -1, -1):
            if window[i].text == _RW["an"]:
                ms = ctx.mentions_in(window[i].end, m.start())
                if ms:
                    speaker, sp = ms[0].actor, (ms[0].start, ms[0].end)
                else:
                    speaker, sp = None, (trim_start(text, window[i].end, m.start()),
                                         trim_end(text, window[i].end, m.start()))
                subj = subject_in(ctx, ss, window[i].start, vias)
                via = (subj.start, subj.end) if subj else None
                break
        else:
            speaker = resolve_speaker(ctx, gender, m.start(), ss, sidx, first_local)
    rule_form = CueForm(form.family, "noun", gender, form.comps)
    emit_content(ctx, m, cue, cstart, kind, speaker, rule_form, se, sidx, boundaries, via, sp, "noun")


def _attribution(ctx, lex, toks, tok_at, m, ss, se, sidx, boundaries, first_local):
    text = ctx.text
    k = tok_at(m.end())
    ph = source_phrase(ctx, lex, toks, k, se)
    if ph is None:
        return
    ps, pe = ph
    a = m.start()
    # A chained source ("وفقاً لما نقلته الوكالة نقلاً عن المتحدث"): the later one spoke, the
    # earlier one is the channel.
    for f in ctx.of_sentence(sidx):  # each loop wants this sentence's only
        if f.sentence == sidx and f.rule == "attribution" and f.extra.get("phrase_end") is not None \
                and text[f.extra["phrase_end"]:a].strip(" ,-–") == "":
            src = ctx.mentions_in(ps, pe)
            f.via = (f.cue[0], f.extra["phrase_end"])
            f.cue = (a, m.end())
            f.speaker = src[0].actor if src else None
            f.speaker_span = (src[0].start, src[0].end) if src else (ps, pe)
            f.extra["phrase_end"] = pe
            return
    # Already a via of a statement of this sentence, or inside an existing content?
    for f in ctx.of_sentence(sidx):  # each loop wants this sentence's only
        if f.sentence != sidx:
            continue
        if f.via and f.via[0] <= a < f.via[1]:
            return
        if f.start <= a < f.end:
            return
    # Right after a statement of this sentence: the channel it came through.
    for f in ctx.of_sentence(sidx):  # each loop wants this sentence's only
        if f.sentence == sidx and f.end <= a and text[f.end:a].strip(' ,"»”-–') == "":
            src = ctx.mentions_in(ps, pe)
            if f.via is None and not (src and src[0].actor == f.speaker):
                f.via = (a, pe)
            return
    # Between the subject and the cue of a later statement ("لكنه، وفق ما نشر …، يؤكد"): done in
    # speaker_for; here only standalone attributions remain.
    _standalone(ctx, toks, tok_at, m, ps, pe, ss, se, sidx, boundaries)


def _standalone(ctx, toks, tok_at, m, ps: int, pe: int, ss: int, se: int, sidx: int, boundaries) -> None:
    """An attribution with no speech verb of its own: the clause before or after it is the content."""
    text = ctx.text
    a = m.start()
    src = ctx.mentions_in(ps, pe)
    speaker = src[0].actor if src else None
    sp = (src[0].start, src[0].end) if src else None
    before_s = _skip_lead(ctx, toks, tok_at, ss, a)
    before_e = trim_end(text, before_s, a)
    after_s = trim_start(text, pe, se)
    w = toks[tok_at(after_s)] if tok_at(after_s) < len(toks) else None
    if w is not None and w.start == after_s and w.text in THAT:
        after_s = trim_start(text, w.end, se)
    after_e = clause_end(ctx, after_s, se, boundaries)
    n_before = len(tokens(text, before_s, before_e)) if before_e > before_s else 0
    n_after = len(tokens(text, after_s, after_e)) if after_e > after_s else 0
    if n_before >= 3 and n_after >= 3:
        cs, ce = before_s, after_e  # parenthetical source: the whole clause is the content
    elif n_before >= 3:
        cs, ce = before_s, before_e
    elif n_after >= 3:
        cs, ce = after_s, after_e
    else:
        return
    n = len(ctx.found)
    emit(ctx, cs, ce, (a, m.end()), speaker, False, "attribution", sidx, speaker_span=sp or (ps, pe),
          split=False)
    if len(ctx.found) > n:
        ctx.found[-1].extra["phrase_end"] = pe


def _skip_lead(ctx, toks, tok_at, ss: int, a: int) -> int:
    """Start of the clause that ends at ``a``: after the last ";" before it, else the sentence start."""
    i = tok_at(a) - 1
    while i >= 0 and toks[i].start >= ss:
        if toks[i].text == ";":
            return toks[i].end
        i -= 1
    return ss


def _demanded(toks, kp: int, lex: Lexicon) -> bool:
    """Is the word before a speech verb the subjunctive's بأن, or an أن after على / إلى?"""
    w = normalize(toks[kp].text)
    return w in lex.demanded_that or (w == lex.that and kp > 0 and normalize(toks[kp - 1].text) in lex.demanded_after)
