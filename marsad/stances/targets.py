"""The target of a stance trigger: the actor its slot points at.

After the trigger (a genitive, an object, a country adjective: الحملة الإسرائيلية) or before it
(a subject with only copulas between: "X لم يعد ضرورياً"); a demonstrative (تلك القوات) or an
attached pronoun (رحيله) points back at an actor named before. Places under في and the like
are locations, never targets.
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from marsad import resources
from marsad.stances.agents import LINK_WORDS, direct_after, same_state
from marsad.stances.clitics import ARTICLE, LI, LIL, WA
from marsad.stances.lexicon import Trig
from marsad.stances.view import WORD_RE, StanceView
from marsad.statements.context import NMention
from marsad.text.normalize import normalize, word_set

# word lists (plain Arabic; normalised as they load)
_WORDS = resources.read_yaml("stances", "targets_words.yaml")
# function words and affixes (normalised spelling, used as they stand)
_G = resources.read_yaml("stances", "target_grammar.yaml")
_OBJECT_PRONOUNS = tuple(_G["object_pronouns"])
_PARTNER = tuple(_G["partner"])
_PLACE = tuple(_G["place"])
_PROCLITICS = _G["proclitics"]
_SHORT_PROCLITICS = _G["short_proclitics"]
_NISBA = tuple(_G["nisba_suffixes"])
_ADVERB = _G["adverb_suffix"]

_DEMONSTRATIVE_RE = regex.compile(_G["demonstrative"])

# Nouns a country adjective may follow and still point at the state ("الحملة الإسرائيلية").
_NISBA_HEADS = word_set(" ".join(_WORDS["nisba_heads"]))

# A withdrawal "من X" / "إلى X" names places, not the actor that withdraws.
_AFTER_PREPS = tuple(_G["after_preps"])
# The victim of what is condemned ("أدانت العنف ضد الفلسطينيين") is not the one condemned.
_ATTITUDE_PREPS = _AFTER_PREPS + tuple(_G["attitude_preps"])
_PRESENCE_PREPS = _AFTER_PREPS + tuple(_G["presence_preps"])


def targets_of(v: StanceView, t: Trig, lo: int, hi: int, holder: str) -> list[tuple[str, int, int]]:
    """(actor, start, end) the trigger points at; start/end are the evidence of the target."""
    spec = t.spec
    if spec.slot == "none" or (spec.issue is None and not spec.on_actor):
        return []
    out = []
    if spec.slot in ("after", "both"):
        got = target_after(v, t, hi, holder, reach=1 if spec.on_actor else 6)
        if got is None and t.b_prefix and spec.issue == "presence":  # "طالب تركيا بالانسحاب"
            got = target_before(v, t, lo, holder, reach=3)
        if got is not None:
            out.append(got)
    if spec.slot in ("before", "both") and not out and not t.prep and not (t.possessed and spec.issue == "enmity"):
        got = target_before(v, t, lo, holder, reach=8)
        if got is not None:
            out.append(got)
    return out


def target_after(v: StanceView, t: Trig, hi: int, holder: str, reach: int = 6):
    if t.pronoun:
        aid = _antecedent(v, t.start, holder)
        return (aid, t.end, t.end) if aid else None
    text = v.text
    subject, limit = _after_window(v, t, hi, reach)
    cand = _candidate_after(v, t, subject, limit, holder)
    if cand is _HOLDER:
        return None  # the trigger is about the holder itself ("عقوبات على روسيا" said by Russia)
    # "متهمة إياها بـ…": the object pronoun names an actor named before
    nxt = WORD_RE.search(text, t.end, limit)
    if nxt is not None and nxt.group() in _OBJECT_PRONOUNS and (cand is None or cand[1] > nxt.start()):
        aid = _antecedent(v, t.start, holder)
        return (aid, nxt.start(), nxt.end()) if aid else None
    if t.spec.issue not in ("talks", "cooperation"):
        got = _nisba_after(v, t, cand[1] if cand else limit, holder)
        if got is not None:
            return got
    if cand:
        return cand
    dm = _DEMONSTRATIVE_RE.match(text, _skip_space(text, t.end))
    if dm:
        aid = _by_head(v, dm.group(1), dm.start(), holder)
        if aid:
            return aid, dm.start(), dm.end()
    return None


_HOLDER = ("holder",)  # _candidate_after's answer when the trigger is about the holder itself


def _after_window(v: StanceView, t: Trig, hi: int, reach: int):
    """The trigger's own subject after it (or None) and where its target must start by."""
    limit = hi
    k = bisect.bisect_left(v.words, t.end)
    if k + reach < len(v.words):
        limit = min(limit, v.words[k + reach])
    # a verb's subject, or a noun's genitive agent ("اتهامات هولندا"), follows it: not the target
    subject = direct_after(v, t.end, hi) if t.spec.form == "verb" or (t.spec.attitude and t.spec.form == "noun"
                                                                       and not t.spec.neutral) else None
    if t.spec.attitude and not t.spec.neutral:
        k3 = bisect.bisect_left(v.words, subject.end if subject is not None else t.end) + 3
        if k3 < len(v.words):
            limit = min(limit, v.words[k3])  # an attitude's object is near it (after its subject)
    return subject, limit


def _candidate_after(v: StanceView, t: Trig, subject, limit: int, holder: str):
    """The first mention after the trigger that fits as its target: (actor, start, end), None, or _HOLDER."""
    text = v.text
    issue = t.spec.issue
    preps = _PRESENCE_PREPS if issue == "presence" else _ATTITUDE_PREPS if t.spec.attitude else _AFTER_PREPS
    for m in v.starting_in(t.end, limit):
        if subject is not None and (m is subject or _coordinated(v, subject, m)):
            continue  # "نددت دمشق وحليفتها موسكو بـ…": the verb's own subjects are no targets
        if m.actor == holder:
            return _HOLDER
        if v.governed_by_fi(m, preps) and v.nwords(t.end, m.start) > 0:
            continue  # (a preposition that ends the trigger — "عقوبات على" — governs its target)
        from_ = subject.end if subject is not None and subject.end <= m.start else t.end
        between = [w for w in WORD_RE.findall(text, from_, m.start) if len(w) > 1]  # not the ل of للقوات
        if _is_nisba(text[m.start:m.end]) and between and not (
                len(between) == 1 and between[0].lstrip(_PROCLITICS) in _NISBA_HEADS | _bare(_NISBA_HEADS)):
            continue  # "لمن هاجموا السفينة التونسية": the adjective qualifies another noun
        if any(w.startswith(LI) and not w.startswith(LIL) and len(w) > 3 for w in between):
            return None  # a purpose clause ("يدعم التدخل لوقف قدرات الحكومة") is about something else
        if issue == "presence" and not all(_presence_filler(w) for w in between):
            continue  # "وجود تهديدات ضد الإعلامي السعودي": existence of something else
        if issue in ("talks", "cooperation") and not _after_word(text, m.start, _PARTNER):
            continue  # talks or cooperation are with someone ("محادثات مع كوريا")
        if issue == "agreement" and not (_after_word(text, m.start, _PARTNER) or
                                         (_is_nisba(text[m.start:m.end]) and len(between) <= 1)):
            continue  # "اتفاق القاهرة" names a place; "الاتفاق مع إيران"، "الاتفاق النووي الإيراني"
        return (m.actor, m.start, m.end)
    return None


def _nisba_after(v: StanceView, t: Trig, until: int, holder: str):
    """A country adjective on the trigger or on an action noun after it ("الحملة الإسرائيلية")."""
    text = v.text
    words = list(WORD_RE.finditer(text, t.end, until))[:2]
    for i, w in enumerate(words):
        word = w.group()
        if i == 1 and normalize(words[0].group()).lstrip(_PROCLITICS) not in _NISBA_HEADS \
                and ARTICLE + words[0].group()[2:] not in _NISBA_HEADS:
            break
        if word.startswith(ARTICLE) and word.endswith(_NISBA):
            aid = v.nisba(word)
            if aid and aid != holder:
                return aid, w.start(), w.end()
    return None


_COPULA = word_set(" ".join(_WORDS["copula"]))

_RELATIVE_DEM = frozenset(normalize(w) for w in _WORDS["relative_dem"])


def _copula_only(v: StanceView, a: int, b: int) -> bool:
    """Only copulas, negators or a place phrase between a subject and its predicate?"""
    words = [w.group() for w in WORD_RE.finditer(v.text, a, b)]
    i = 0
    # the subject's own modifiers first ("التحالف المناهض لتنظيم الدولة الإسلامية لم يعد …")
    while i < len(words) and i < 5 and words[i] not in _RELATIVE_DEM and words[i] not in _COPULA \
            and (words[i].startswith((ARTICLE, LIL)) or (words[i].startswith(LI) and len(words[i]) > 3)):
        i += 1
    while i < len(words):
        w = words[i]
        if w in _PLACE:
            i += 2  # "الجيش الأميركي في العراق تؤدي إلى …"
            continue
        if w not in _COPULA and w not in LINK_WORDS:
            return False
        i += 1
    return True


def _after_word(text: str, start: int, words: tuple[str, ...]) -> bool:
    prev = WORD_RE.findall(text, max(0, start - 12), start)
    return bool(prev) and prev[-1] in words


def _is_nisba(mention_text: str) -> bool:
    w = mention_text.strip()
    return " " not in w and w.startswith(ARTICLE) and w.endswith(_NISBA)


@lru_cache(maxsize=4)
def _bare(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w[2:] for w in words if w.startswith(ARTICLE))


_FORCE_NOUNS = word_set(" ".join(_WORDS["force_nouns"]))


def _presence_filler(w: str) -> bool:
    """Words allowed between a presence trigger and its actor: forces, quantifiers, adverbs."""
    core = w.lstrip(_SHORT_PROCLITICS)
    return (w in _FORCE_NOUNS or core in _FORCE_NOUNS or ARTICLE + core in _FORCE_NOUNS
            or (w.endswith(_ADVERB) and len(w) > 3))  # "خروجاً سريعاً ومنظماً للقوات"


def _coordinated(v: StanceView, first: NMention, m: NMention) -> bool:
    """Is m joined to first by و within three words ("دمشق وحليفتها موسكو")?"""
    between = v.text[first.end:m.start].split()
    return 0 < len(between) <= 3 and between[0].startswith(WA) or v.text[first.end:m.start].strip() == WA


def target_before(v: StanceView, t: Trig, lo: int, holder: str, reach: int):
    text = v.text
    cands = [m for m in v.mentions_in(lo, t.start) if m.actor != holder and not v.governed_by_fi(m)
             and v.nwords(m.end, t.start) <= reach]
    best = cands[-1] if cands else None
    if best is not None and _is_nisba(text[best.start:best.end]):
        prev = WORD_RE.findall(text, max(0, best.start - 20), best.start)
        if prev and prev[-1].lstrip(_SHORT_PROCLITICS) not in _NISBA_HEADS | _bare(_NISBA_HEADS):
            best = None  # "العلاقات الأمريكية البريطانية … لا غنى عنها": the relations, not Britain
    if best is not None and ("," in v.text[best.end:t.start] or not _copula_only(v, best.end, t.start)):
        best = None  # "الاتحاد الأوروبي عازم على الحفاظ على هذا الاتفاق الذي يعد ضروريا"
    if best is not None and t.spec.issue == "enmity":
        # "روسيا، حليفة دمشق": a relation between two others, unless the other is the holder
        k = bisect.bisect_left(v.words, t.end)
        nxt = v.starting_in(t.end, v.words[k + 3] if k + 3 < len(v.words) else t.end + 40)
        if nxt and nxt[0].actor != holder and not same_state(v, nxt[0].actor, holder):
            return None
    for dm in _DEMONSTRATIVE_RE.finditer(text, lo, t.start):
        if v.nwords(dm.end(), t.start) <= reach and (best is None or dm.start() > best.end):
            aid = _by_head(v, dm.group(1), dm.start(), holder)
            if aid:
                return aid, dm.start(), dm.end()
    return (best.actor, best.start, best.end) if best else None


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    return i


def _by_head(v: StanceView, noun: str, before: int, holder: str) -> str | None:
    """The actor last named with this head noun before ``before`` ("تلك القوات" → the forces)."""
    core = noun[2:]  # without the article: للقوات / القوات / قوات all carry it
    i = bisect.bisect_left(v.m_starts, before) - 1
    while i >= 0 and before - v.mentions[i].start < 3000:
        m = v.mentions[i]
        if m.actor != holder and any(w.endswith(core) and len(w) - len(core) <= 2
                                     for w in v.text[m.start:m.end].split()):
            return m.actor
        i -= 1
    return None


def _antecedent(v: StanceView, pos: int, holder: str) -> str | None:
    """An attached pronoun's antecedent: the nearest actor named before (not the holder)."""
    i = bisect.bisect_left(v.m_starts, pos) - 1
    while i >= 0 and pos - v.mentions[i].start < 300:
        m = v.mentions[i]
        if m.actor != holder and not v.governed_by_fi(m):
            return m.actor
        i -= 1
    return None
