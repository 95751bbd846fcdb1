"""Phrase-level helpers of the attitude readings (:mod:`marsad.stances.attitudes`): clause bounds,
words and mentions in normalised offsets, a verb's subject before or after it (titles and an
apposed name allowed), coordinated mentions, and the guards on victims and quoted names."""
from __future__ import annotations

import bisect
import re

from marsad.stances.attitude_lexicon import AttLexicon
from marsad.stances.view import StanceView
from marsad.statements.context import NMention
from marsad.text.normalize import normalize

WORD_RE = re.compile(r"[^\W_]+")
PUNCT = ",;:.!?؟\n«»\"()"
TITLE_FILLERS = frozenset({"قد", "وقد", "كان", "كانت", "بدوره", "بدورها"})


def clause_start(v: StanceView, lex: AttLexicon, pos: int, lo: int) -> int:
    seg = v.text[lo:pos]
    cut = max(seg.rfind(c) for c in PUNCT if c not in "«»\"")
    start = lo + cut + 1 if cut >= 0 else lo
    for m in lex.breaks.finditer(v.text, start, pos):
        start = m.end()
    return start


def clause_end(v: StanceView, lex: AttLexicon, pos: int, hi: int) -> int:
    seg = v.text[pos:hi]
    cuts = [i for i in (seg.find(c) for c in PUNCT if c not in "«»\"") if i >= 0]
    end = pos + min(cuts) if cuts else hi
    m = lex.breaks.search(v.text, pos, end)
    return m.start() if m else end


_INTERPOSED_RE = re.compile(r"\s*,\s*([^,;:.!?\n«»\"()]{1,90}?)\s*,\s*")


def interposed(v: StanceView, lex: AttLexicon, pos: int, hi: int) -> int | None:
    """Where the clause goes on after a phrase set off by commas between a verb's subject and its
    object: a time ("اتهمت تركيا، الثلاثاء، مصر") or an apposed title ("انتقد أنور قرقاش، وزير
    الدولة للشؤون الخارجية الإماراتي، الحوثيين"). None when no such phrase follows ``pos``."""
    m = _INTERPOSED_RE.match(v.text, pos, hi)
    if m is None:
        return None
    words = [w.group() for w in WORD_RE.finditer(m.group(1))]
    if not words or len(words) > 7 or lex.breaks.search(m.group(1)):
        return None
    # an apposed name ("رحب الرئيس الأمريكي، دونالد ترامب، بإعلان …") is a mention of the whole phrase
    named = any(x.start == m.start(1) and x.end == m.end(1) for x in v.mentions_in(m.start(1), m.end(1)))
    return m.end() if words[0] in lex.titles or named else None


def words_in(v: StanceView, a: int, b: int) -> list[re.Match]:
    return list(WORD_RE.finditer(v.text, a, b))


def mention_at(v: StanceView, pos: int, end: int) -> NMention | None:
    """The mention starting in [pos, end) (a word with its proclitic: "لإيران")."""
    i = bisect.bisect_left(v.m_starts, pos)
    return v.mentions[i] if i < len(v.mentions) and v.mentions[i].start < end else None


def subject_after(v: StanceView, lex: AttLexicon, end: int, hi: int, sent_hi: int | None = None) -> NMention | None:
    """A verb's subject after it: titles, nisbas and time words may come first."""
    for w in words_in(v, end, hi)[:6]:
        m = mention_at(v, w.start(), w.end())
        if m is not None:
            return None if m.prepositional else apposed(v, m, sent_hi or hi)
        if w.group() not in lex.titles and not w.group().isdigit():
            return None
    return None


def apposed(v: StanceView, m: NMention, hi: int) -> NMention:
    """"رحب الرئيس الأمريكي، دونالد ترامب،": the person named in apposition to a title."""
    a = v.actor(m.actor)
    i = bisect.bisect_right(v.m_starts, m.start)
    if a is None or a.kind == "PER" or i >= len(v.mentions) or v.mentions[i].start >= hi:
        return m
    nxt = v.mentions[i]
    p = v.actor(nxt.actor)
    if p is not None and p.kind == "PER" and v.text[m.end:nxt.start].strip() in (",", "،", ""):
        return nxt
    return m


def subject_before(v: StanceView, lex: AttLexicon, start: int, lo: int) -> NMention | None:
    ms = [m for m in v.mentions_in(lo, start) if not m.prepositional]
    if not ms or any(c in v.text[ms[-1].end:start] for c in PUNCT):
        return None
    between = words_in(v, ms[-1].end, start)
    if len(between) <= 3 and all(w.group() in lex.titles or w.group() in lex.negators or w.group() in
                                 ("قد", "وقد", "كان", "كانت", "بدوره", "بدورها") for w in between):
        return ms[-1]
    return None


RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي"})


def after_relative(v: StanceView, ws: int, at: int | None = None) -> bool:
    """Is the word before ``ws`` (or, with ``at``, the word right after ``at``) a relative pronoun?"""
    if at is not None:
        nxt = WORD_RE.search(v.text, at, ws)
        return nxt is not None and normalize(nxt.group()) in RELATIVES
    prev = WORD_RE.findall(v.text, max(0, ws - 12), ws)
    return bool(prev) and normalize(prev[-1]) in RELATIVES


def victim(v: StanceView, lex: AttLexicon, m: NMention) -> bool:
    prev = WORD_RE.findall(v.text, max(0, m.start - 14), m.start)
    attached = v.text[m.start - 1] if m.start and v.text[m.start - 1].isalpha() else ""
    return bool(prev and prev[-1] in lex.victim_preps and not attached) or attached in ("ل",)


def coordinated(v: StanceView, first: NMention, chi: int) -> list[NMention]:
    """Mentions joined to the first by و ("السعودية والإمارات والبحرين")."""
    out, last = [], first
    i = bisect.bisect_right(v.m_starts, first.start)
    while i < len(v.mentions) and v.mentions[i].start < chi:
        m = v.mentions[i]
        gap = v.text[last.end:m.start].replace("،", ",").strip(" ,")
        if gap not in ("و", "") or (gap == "" and v.text[m.start:m.start + 1] != "و"):
            break
        out.append(m)
        last = m
        i += 1
    return out


def skip_quoted(v: StanceView, ws: int, clo: int) -> int:
    """Before a quoted or bracketed name ("جبهة بوليساريو "الجبهة الشعبية …" المدعومة من")."""
    k = ws - 1
    while k > clo and v.text[k] == " ":
        k -= 1
    close = v.text[k] if k > clo else ""
    opening = {'"': '"', "»": "«", ")": "("}.get(close)
    if opening is None:
        return ws
    j = v.text.rfind(opening, clo, k)
    return j if j > clo else ws


def direct_after(v: StanceView, te: int, chi: int):
    words = words_in(v, te, chi)[:2]
    for w in words:
        m = mention_at(v, w.start(), w.end())
        if m is not None:
            return m.actor, m.start, m.end
    return None


def nearest_before(v: StanceView, ws: int, clo: int, reach: int) -> NMention | None:
    ms = [m for m in v.mentions_in(clo, ws) if len(words_in(v, m.end, ws)) <= reach and not v.governed_by_fi(m)]
    return ms[-1] if ms else None


def covering(v: StanceView, pos: int) -> NMention | None:
    i = bisect.bisect_right(v.m_starts, pos) - 1
    return v.mentions[i] if i >= 0 and v.mentions[i].start <= pos < v.mentions[i].end else None
