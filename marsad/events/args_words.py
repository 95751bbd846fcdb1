"""Word lists and word-level tests shared by the event-argument rules.

Prepositions, quantity phrases ("ما لا يقل عن 28"), adjectives, strong punctuation between two
words, and the kinds of actor mentions that name places or borrow a country.
"""
from __future__ import annotations

from marsad import resources
from marsad.doc import MentionKind, Token
from marsad.text.normalize import word_set

_WORDS = resources.read_yaml("events", "args_words.yaml")  # read once, at import
_TANWIN_ALIF, _NOT_TANWIN = _WORDS["tanwin_alif"], frozenset(_WORDS["not_tanwin_before"].split())
PREPS = word_set(_WORDS["preps"])
TARGET_PREPS = word_set(_WORDS["target_preps"])
SOURCE_PREPS = word_set(_WORDS["source_preps"])
# Prepositions that open a place or topic phrase: not a time or a cause, nor a recipient's
# ("على مدينة دوما" is Douma).
PHRASE_PREPS = PREPS - word_set(_WORDS["time_preps"]) - TARGET_PREPS

# Words that may stand between a verb and its subject: time adverbs, particles.
SKIP_AFTER_VERB = word_set(_WORDS["skip_after_verb"])
# Quantifiers before a subject: "دعت العديد من الجماعات", "خرج آلاف من المتظاهرين".
QUANTIFIERS = word_set(_WORDS["quantifiers"])

RELATIVES = word_set(_WORDS["relatives"])
# Adjectives that may stand between an event noun and its nisba agent (الغارات العسكرية الأميركية).
EVENT_ADJECTIVES = word_set(_WORDS["event_adjectives"])

ARTICLE = _WORDS["article"]
ARTICLE_FORMS = tuple(_WORDS["article_forms"].split())
NISBA_ENDINGS = tuple(_WORDS["nisba_endings"].split())
CONJ = tuple(_WORDS["conj"].split())
PREP_CLITICS = tuple(_WORDS["prep_clitics"].split())
FI, MIN, LI, BI = _WORDS["fi"], _WORDS["min"], _WORDS["li"], _WORDS["bi"]

# Media of a statement ("في بيان"، "في مقابلة").
MEDIA = word_set(_WORDS["media"])

STRONG_PUNCT = set(".;:!?؟«»\"“”()[]")

NUMERIC_QTY = word_set(_WORDS["numeric_qty"])
NUMBER_WORDS = word_set(_WORDS["number_words"])
# Words of a quantity phrase standing before a noun: "ما لا يقل عن 28 متطوعاً", "أكثر من 15".
QTY_SKIP = NUMERIC_QTY | NUMBER_WORDS | word_set(_WORDS["qty_skip"])

# Actor mentions of place names (a country, a capital, a city …).
PLACE_KINDS = frozenset({MentionKind.COUNTRY, MentionKind.CAPITAL, MentionKind.CITY, MentionKind.ALIAS,
                         MentionKind.PLACE})
# A town's name: where an act happened, or ground taken, no party to it.
TOWN_KINDS = frozenset({MentionKind.CITY, MentionKind.PLACE})

# Actor mentions whose country comes from the document, not from the mention's own words.
BORROWED_COUNTRY = frozenset({MentionKind.BORROWED})


def is_nisba(norm: str) -> bool:
    w = norm[2:] if norm.startswith(ARTICLE) else norm
    return len(w) >= 4 and w.endswith(NISBA_ENDINGS)


# Clause openers: a nisba-shaped name after one is the clause's noun, not an adjective.
NOUN_OPENERS = word_set(_WORDS["noun_openers"])
CLAUSE_MARKS = frozenset(_WORDS["clause_marks"])


def may_qualify(text: str, words: list[Token], i: int) -> bool:
    """Can the word at i qualify the word before it? Not at the start, after a clause opener
    ("إن الحوثيين داهموا") or across a comma or stop ("، الحوثيين"); a quotation mark may
    stand between (بـ"الاحتلال" التركي)."""
    if i == 0 or words[i - 1].norm in NOUN_OPENERS:
        return False
    return not any(ch in CLAUSE_MARKS for ch in text[words[i - 1].end:words[i].start])


def is_adjective(norm: str) -> bool:
    return is_nisba(norm) or norm in EVENT_ADJECTIVES or norm[1:] in EVENT_ADJECTIVES


def skip_quantity(norms: list[str], k: int, limit: int = 6) -> tuple[int, bool]:
    """Index of the first word after a quantity phrase starting at k, and whether one was there."""
    start = k
    while k < len(norms) and k - start < limit:
        w = norms[k]
        wb = w[1:] if w[:1] == "و" and w[1:] in QTY_SKIP else w
        if wb in QTY_SKIP or wb.isdigit():
            k += 1
        else:
            break
    return k, k > start


def gap_ok(words: list[Token], a: int, b: int, text: str) -> bool:
    """No strong punctuation between word a and word b (exclusive, a < b)."""
    if b <= a:
        return True
    seg = text[words[a].end:words[b].start] if b < len(words) else ""
    return STRONG_PUNCT.isdisjoint(seg)


def verb_before(words: list[Token], norms: list[str], i: int, verbs, reach: int, text: str) -> int | None:
    """The nearest word of ``verbs`` (bare of و/ف or as written) at most ``reach`` words before word i,
    with no strong punctuation between ("تلقى … اتصالا"، "أبرمت … اتفاقا")."""
    k = next((k for k in range(i - 1, max(-1, i - 1 - reach), -1)
              if bare_word(norms[k]) in verbs or norms[k] in verbs), None)
    return k if k is not None and gap_ok(words, k, i, text) else None


QUOTE_OPENERS = frozenset("«\"“")


def quoted_verb_gap(words: list[Token], a: int, b: int, text: str) -> bool:
    """Is the only thing between word a and word b the quote mark that opens a partial quotation
    at word b ("إن روسيا «ترفض بشكل قاطع» …": the subject stays outside the quoted words)?"""
    seg = text[words[a].end:words[b].start] if a < b < len(words) else ""
    return seg.strip() in QUOTE_OPENERS and seg.rstrip() == seg


QUOTE_CLOSERS = frozenset("»\"”")


def quoted_name(words: list[Token], a: int, i: int, j: int, text: str) -> bool:
    """Is the phrase of words i..j-1 a name in quotation marks right after word a ("اتهم "المجلس
    الوطني للمقاومة الإيرانية" المعارض …")? Nothing else stands between."""
    if not a < i < j <= len(words):
        return False
    before = text[words[a].end:words[i].start].strip()
    after = text[words[j - 1].end:words[j].start].strip() if j < len(words) else ""
    return len(before) == 1 and before in QUOTE_OPENERS and len(after) == 1 and after in QUOTE_CLOSERS


def bare_word(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


def bare_forms(words) -> frozenset:
    """Every word whose ``bare_word`` is one of ``words`` (the word itself, or و / ف + it): a
    set test for "bare_word(w) in words" that a loop can run over a whole window at once."""
    return frozenset(w for x in words for w in (x, "و" + x, "ف" + x) if bare_word(w) in words)


def slot_name(text: str, first, pro: str) -> str:
    """The phrase's own words: "للتجار" is ل + التجار, whose alef the spelling drops."""
    lam = ARTICLE[1]
    if pro.endswith(lam) and first.norm.startswith(lam * 2) and text.startswith(lam):
        return ARTICLE[0] + text
    return text


PLACE_HEADS = word_set(_WORDS["place_heads"])
LOCATED = word_set(_WORDS["located"])
ON = next(iter(word_set(_WORDS["on_prep"])))


def is_place(sl, norms: list[str]) -> bool:
    """A town, region, sea or river told as a location (a located actor with no sector; an
    args_slots.Slot): after في / بـ, over a place noun ("في محافظة درعا"), or after "located on"
    ("الواقعة على البحر الأحمر"): where an event happens, not its target. A state, a capital or
    a listed territory (قطاع غزة) stands for its government or people, and a town attacked as
    such ("هجوم إسرائيل على قرية السموع") stays the act's target."""
    if sl.kind != "LOC" or sl.sector or not (
            sl.mention is MentionKind.CITY or sl.mention is MentionKind.PLACE and not sl.country):
        return False
    if sl.prep in (FI, BI):
        return True
    k = sl.i - 1
    if k < 0 or sl.prep is not None and sl.prep != ON:
        return False
    w = bare_word(norms[k])
    if w[:1] == BI and w[1:] in PLACE_HEADS:
        return True  # "بمدينة ذمار"
    if w in PLACE_HEADS:
        return k > 0 and bare_word(norms[k - 1]) == FI  # "في محافظة درعا"
    return k > 0 and sl.prep == ON and norms[k - 1] in LOCATED


def indefinite_noun(norm: str) -> bool:
    """A noun in the indefinite accusative (دعما، هجوما، اتصالا): its tanwin alif ends it, and
    it takes no genitive; a broken plural in ـايا (قضايا) and the pronouns ـها، ـنا (تزويدها) are
    no such ending."""
    return len(norm) > 3 and norm[-1] == _TANWIN_ALIF and norm[-2] not in _NOT_TANWIN
