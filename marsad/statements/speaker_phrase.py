"""Where an unresolved speaker's phrase ends: :func:`phrase_end` cuts the subject of a cue at a
preposition, relative, addressee, adverb, time word or punctuation (a quoted name after a
designator stays in: صحيفة "صباح"); the speaker words of resources/statements/speakers.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad import resources
from marsad.actors.kinds import REPORTER_SECTORS
from marsad.statements.context import Context, tokens
from marsad.statements.lexicon import (
    ADJUNCTS,
    NAME_HEADS,
    OPEN_QUOTES,
    PREPOSITIONS,
    RULE_WORDS,
    THAT,
    lexicon,
    time_words,
    words,
)
from marsad.text.normalize import normalize

_MAX_WORDS = 10
_MIN = normalize(RULE_WORDS["min"])
_MA_FORMS = tuple(RULE_WORDS["ma_forms"])
_ART, _LAM, _BI = RULE_WORDS["article"], RULE_WORDS["lam"], RULE_WORDS["bi"]
_TIME = time_words()
_GENERAL = words("general_adjectives")  # العام: the year, or "general" after a definite title
# Prepositions that may attach an affiliation to a generic head ("مسؤول في الخارجية"، "مصادر من المعارضة").
_AFFILIATION = words("affiliation")


@dataclass(frozen=True)
class SpeakerLexicon:
    heads: dict  # normalised head (one or two words) → (kind, sector | None)
    adjectives: dict  # normalised adjective → sector
    local: frozenset
    documents: frozenset
    same: frozenset
    stops: frozenset
    addressees: frozenset
    titles: frozenset
    not_speakers: frozenset
    adverbs: frozenset
    bodies: dict
    placeless: frozenset  # heads whose sector stands with no country (officials, ministries)
    body_nisbas: dict  # normalised nisba of a body of states → (country, sector)
    possessed: frozenset  # offices with a possessive pronoun ("خارجيته")


@lru_cache(maxsize=1)
def speaker_lexicon() -> SpeakerLexicon:
    data = resources.read_yaml("statements", "speakers.yaml")
    heads = {}
    for h in data["heads"]:
        for w in h["words"]:
            heads.setdefault(normalize(w), (h["kind"], h.get("sector")))
    adjectives = {normalize(w): sec for sec, words in data["adjectives"].items() for w in words}

    def words(key):
        return frozenset(normalize(w) for w in data[key])

    return SpeakerLexicon(heads, adjectives, words("local_heads"), words("document_nouns"),
                          words("same_words"), words("stop_words"), words("addressees"),
                          words("titles"), words("not_speakers"), words("adverbs"),
                          {normalize(w): sec for sec, ws in data["bodies"].items() for w in ws},
                          words("placeless_heads"),
                          {normalize(w): (b["country"], b["sector"]) for b in data["body_nisbas"] for w in b["words"]},
                          words("possessed_offices"))


def actor_lexicon():
    """The actors dictionary (its person roles and organisation heads also name speakers)."""
    from marsad.actors.dictionary import lexicon as actors_lexicon

    return actors_lexicon()


def phrase_span(ctx: Context, s: int, e: int) -> tuple[int, int] | None:
    """The speaker phrase at s: up to a stop word, preposition, addressee or punctuation."""
    lex = speaker_lexicon()
    toks = tokens(ctx.text, s, e)
    while toks and not toks[0].text[:1].isalnum():
        toks = toks[1:]  # an opening quote or dash
    if len(toks) > 1 and toks[0].text in _MA_FORMS and toks[1].text in lexicon().reporting_verbs:
        toks = toks[2:]  # "وفق ما أورد مراسلنا"
    if not toks or toks[0].text in PREPOSITIONS or toks[0].text in speaker_lexicon().not_speakers \
            or toks[0].text[:1] == _BI and toks[0].text[1:] in speaker_lexicon().documents:
        return None  # "في كتاب"، "بالبيان": no subject
    first = toks[0]
    start = first.start
    w0 = first.text
    if w0.startswith(RULE_WORDS["double_lam"]) and len(w0) > 4:
        start += 1  # لوسائل، للمرصد: a source after وفقاً/بحسب
    elif w0.startswith(_LAM) and (w0[1:] in lex.heads or w0[1:] in lex.addressees):
        start += 1
    end = None
    affiliated = False
    n = 0
    quoted_to = -1
    for i, t in enumerate(toks):
        w = t.text if i else ctx.text[start:t.end]
        if i and w in OPEN_QUOTES and (n <= 2 and _designator(toks[0].text, lex) or _names_next(toks[i - 1].text)):
            close = ctx.text.find(OPEN_QUOTES[w], t.end, min(e, t.end + 60))
            if close > 0:  # صحيفة "صباح"، موقع "ميدل إيست آي": the quoted name belongs to the phrase
                end, n, quoted_to = close + 1, n + 1, close
                continue
        if i and t.start <= quoted_to:
            continue
        if not w[:1].isalnum() and i:
            break
        if i and (w in THAT or w in ADJUNCTS or w in lex.stops or w in OPEN_QUOTES or _adverb(ctx, t, toks[i - 1].text)):
            break
        if i and not w.startswith(_ART) and _action(w):
            break  # "المنظمة زيادة عدد المصابين": the content's action noun
        if i and w == _MIN and i + 1 < len(toks) and toks[i + 1].text in lex.stops:
            break  # "من جهته"، "من جانبها"
        if i and w in PREPOSITIONS:
            if w in _AFFILIATION and not affiliated and (_generic_head(toks[0].text, lex) or toks[0].text in lex.titles
                                                         or _starts_body(ctx, toks, i)):
                affiliated = True
                continue
            break
        if i and _addressee(ctx, t.start, w, lex):
            break  # "لوكالة الأنباء"، "للصحفيين"، "لرويترز": the addressee
        end = t.end
        n += 1
        if n >= _MAX_WORDS:
            break
    if end is None or end <= start:
        return None
    return start, end


def _names_next(w: str) -> bool:
    """A word after which a quotation is a name ("في "غرفة العمليات""، باسم "…"، صحيفة "…")."""
    return w in PREPOSITIONS or w in NAME_HEADS


def _starts_body(ctx: Context, toks, i: int) -> bool:
    """Does an organisation's mention follow the preposition ("الدول العربية في التحالف")?"""
    if i + 1 >= len(toks):
        return False
    for m in ctx.mentions_in(toks[i + 1].start, toks[i + 1].start + 80):
        a = ctx.doc.actors.get(m.actor)
        return m.start == toks[i + 1].start and a is not None and a.kind not in ("LOC", "GPE")
    return False


def _action(w: str) -> bool:
    from marsad.statements.nominal import action_noun

    return action_noun(lexicon(), w)


def _designator(w: str, lex: SpeakerLexicon) -> bool:
    """A head that takes a quoted name (صحيفة، وكالة، موقع، منظمة، حركة …)."""
    w = w[1:] if w.startswith(_LAM) and not w.startswith(_ART) else w
    return w in lex.addressees or w in actor_lexicon().org_heads


def _adverb(ctx: Context, t, prev: str = "") -> bool:
    """An adverb or a time word ends the phrase ("أبلغت المجلس علناً العام الماضي")."""
    w = t.text
    if w in _GENERAL and prev.startswith(_ART) and prev not in _TIME:
        return False  # "النائب العام"، "الأمين العام": "general", an adjective of the title
    if w in _TIME or w.isdigit():
        return True
    return w in speaker_lexicon().adverbs


def _addressee(ctx: Context, start: int, w: str, lex: SpeakerLexicon) -> bool:
    if not w.startswith(_LAM):
        return False
    bare = w[:-2] if w.endswith(RULE_WORDS["our"]) and len(w) > 5 else w  # لشبكتنا، لمراسلنا
    bare = bare[:-1] + RULE_WORDS["ta_folded"] if bare.endswith(RULE_WORDS["ta"]) and bare is not w else bare
    if w == _LAM or any(x[1:] in lex.addressees or x[2:] in lex.addressees for x in (w, bare)):
        return True
    for m in ctx.mentions_in(start, start + 60):
        a = ctx.doc.actors.get(m.actor)
        return m.start <= start + 2 and a is not None and a.type in REPORTER_SECTORS
    return False


def person_word(w: str) -> bool:
    """Does a phrase starting with ``w`` describe a person or group (مسؤول، رئيس، ناشطون)?"""
    lex = speaker_lexicon()
    return w in lex.titles or w in lex.heads or w in actor_lexicon().person_roles


def phrase_end(ctx: Context, s: int, e: int) -> int | None:
    got = phrase_span(ctx, s, e)
    return got[1] if got else None


def _generic_head(word: str, lex: SpeakerLexicon) -> bool:
    got = lex.heads.get(word)
    return got is not None
