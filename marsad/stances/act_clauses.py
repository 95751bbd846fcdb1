"""The clause around an act head: negation, irrealis (condition, possibility, history) and its date."""
from __future__ import annotations

import re

from marsad.doc import Doc
from marsad.stances.act_lexicon import GRAMMAR, NOUN_NEG, REJECT, ActLexicon, Words
from marsad.statements.context import date_of


def _alternation(key: str) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(GRAMMAR[key]) + r")(?!\w)")


COND_RE = _alternation("condition")
APODOSIS_RE = _alternation("apodosis")
UNLESS_RE = _alternation("unless")  # "لن يلتقي … إلا إذا اتخذت …": conditioned, not a position
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_CONJ = GRAMMAR["conjunctions"]
_POSSIBLE = frozenset(GRAMMAR["possibility"])
_IMPERFECT = GRAMMAR["imperfect_prefixes"]
_FUTURE = GRAMMAR["future_prefix"]


def irrealis(lex: ActLexicon, words: Words, text: str, hs: int, lo: int, pub_year: int = 0) -> bool:
    i = words.index(hs)
    k = max(0, i - 5)
    from_ = max(lo, words.spans[k][0]) if words.spans else lo
    seg = text[from_:hs]
    if "," in seg:
        seg = seg[seg.rfind(",") + 1:]
    if lex.irrealis.search(seg):
        return True
    # the answer of a condition: "إذا لم … فسوف تنسحب واشنطن … وستعيد فرض"
    whole = text[lo:hs + 12]
    if COND_RE.search(text, lo, hs) and APODOSIS_RE.search(whole):
        return True
    if pub_year and any(int(y) < pub_year - 2 for y in YEAR_RE.findall(seg)):
        return True  # "في نفس اليوم من عام 1990 استأنفت إيران علاقاتها": history, not a position
    # "قد" before an imperfect verb is a possibility ("قد ينسحب")
    return i >= 1 and words.word(i - 1) in _POSSIBLE and text[hs:hs + 1] in _IMPERFECT


def untold_act(lex: ActLexicon, words: Words, text: str, head: str, cls: str, verb: bool, hs: int, lo: int) -> bool:
    """A planned meeting ("ومن المقرر أن يلتقي") or a verbal noun telling a past act in passing
    ("بعد انسحاب ترامب من الاتفاق"): no act of its holder in this clause."""
    if cls in lex.planned_no_act and verb and head.lstrip(_FUTURE)[:1] in _IMPERFECT:
        return True
    if cls not in lex.announced_nouns or verb or lex.announce_re is None:
        return False
    i = words.index(hs)
    from_ = max(lo, words.spans[max(0, i - 8)][0]) if words.spans else lo
    # no cut at commas: "قرر الرئيس، دونالد ترامب، الشهر الماضي انسحاب" sets the name apart
    return lex.announce_re.search(text, from_, hs) is None


def negated(lex: ActLexicon, words: Words, hs: int, lo: int) -> str | bool:
    """"reject" for a rejection or withdrawal word right before, "noun" for عدم, True for لا/لم/لن."""
    i = words.index(hs)
    for j in (i - 1, i - 2, i - 3, i - 4):
        if j >= 0 and words.spans[j][0] >= lo:
            if j < i - 2:  # a rejection or withdrawal reaches past its subject ("سحب ترامب مؤخرا التزام")
                if words.word(j).lstrip(_CONJ) in REJECT or words.word(j) in REJECT:
                    return "reject"
                continue
            w = words.word(j)
            w = w[1:] if w[:1] in _CONJ and w not in lex.negators and w not in REJECT else w
            if w in REJECT:
                return "reject"
            if w in NOUN_NEG:
                return "noun"
            if w in lex.negators:
                return True
    return False


def act_date(doc: Doc, s: int, e: int) -> str | None:
    """The date of an act: a time of its sentence only when it is a full date in the month up to
    publication; a year or a later date names something else ("قمة 12 يونيو المقبل"، "اتفاق 2015")."""
    d = date_of(doc, s, e)
    pub = doc.published
    if not pub or not d:
        return d or pub
    if len(d) == 10 and d <= pub[:10]:
        from datetime import date
        try:
            if (date.fromisoformat(pub[:10]) - date.fromisoformat(d)).days <= 31:
                return d
        except ValueError:
            pass
    return pub[:10]
