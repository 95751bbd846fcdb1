"""Act stances: what an actor does or announces toward another on the issues that flip in news.

The clause-chain machinery of :mod:`marsad.stances.stage` reads evaluations (X عدو، لم يعد
ضرورياً). Reversals in the news are mostly acts: a summit cancelled then held, a deal left, troops
pulled out or kept, sanctions imposed or lifted. Each act here is a head (ألغى، فرض، سحب …) and an
object noun (القمة، عقوبات، القوات …) a few words after it, with:

* the holder: the head's subject (the actor right after a verb or right before it, or a noun's
  genitive agent); inside reported speech with no subject of its own, the speaker ("قال إنه سيسحب");
* the target: found by the act's rule (the other party after مع, the sanctioned after على, the
  country the troops are in, the deal's party, "القدس عاصمة لـ X");
* the polarity: the holder's attitude toward the target on that issue, flipped by a negator right
  before the head ("لن ترفع العقوبات"), dropped under a condition, question, possibility, threat or
  deliberation ("في حال ألغى"، "هددت بإلغاء القمة"، "سيقرر بشأن الاتفاق").

The lexicon is data: ``resources/stances/acts.yaml``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from marsad import resources
from marsad.doc import Doc, Provenance, Stance
from marsad.statements.context import (
    NMention,
    date_of,
    mention_view,
    norm_text,
    to_original,
)
from marsad.statements.lexicon import trie_pattern
from marsad.text.normalize import normalize, word_set

# word lists (plain Arabic; normalised as they load)
_WORDS = resources.read_yaml("stances", "act_words.yaml")

STAGE = "stances"
_WORD_RE = re.compile(r"[^\W_]+")
_PROCLITICS = ("", "و", "ف", "ب", "ل", "س", "وس", "وب", "ول", "فب", "فل", "ال", "وال", "بال", "لل", "ولل", "وبال", "فال")
_WITH = frozenset({"مع", "ومع", "بين", "وبين"})
_ON = frozenset({"علي", "عن", "ضد", "بحق"})
_PLACE = frozenset({"من", "في", "وفي", "ومن", "داخل", "اراضي"})
# Words a head may skip to reach its object ("ألغى ترامب رسمياً القمة", "فرض أيضاً عقوبات")
_FILLERS = word_set(" ".join(_WORDS["fillers"]))
_TITLES = word_set(" ".join(_WORDS["titles"]))


@dataclass(frozen=True, slots=True)
class Act:
    issue: str
    polarity: int
    target: str  # with | on | deal | place | capital


_MEET = Act("talks", 1, "with")  # a meeting verb is an act of talks by itself
# Leaving a country or staying in it, with no troops named: the holder's own presence there.
_PLACE_ACTS = {"withdraw": {"من": Act("presence", -1, "place")},
               "keep": {"في": Act("presence", 1, "place")}}
_PLACE_ACT_LIST = [a for d in _PLACE_ACTS.values() for a in d.values()]


@dataclass
class ActLexicon:
    head_re: re.Pattern
    heads: dict[str, str]  # normalised form -> head class
    objects: dict[str, str]  # normalised form (with proclitics) -> object class
    acts: dict[tuple[str, str], Act]
    irrealis: re.Pattern
    negators: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> ActLexicon:
    data = resources.read_yaml("stances", "acts.yaml")
    heads = {normalize(f): cls for cls, forms in data["heads"].items() for f in forms}
    objects = {p + normalize(f): cls for cls, forms in data["objects"].items() for f in forms
               for p in ("", "و", "ب", "ل", "ال", "بال", "لل", "وال", "وب")}
    acts = {(a["head"], a["object"]): Act(a["issue"], 1 if a["polarity"] == "support" else -1, a["target"])
            for a in data["acts"]}
    head_re = re.compile(r"(?<!\w)(?P<pre>" + "|".join(sorted(_PROCLITICS, key=len, reverse=True)) + r")(?P<h>"
                         + trie_pattern(set(heads)) + r")(?!\w)")
    irr = {normalize(w) for w in data["irrealis"]}
    irrealis = re.compile(r"(?<!\w)(?:[وف])?(?:" + trie_pattern(irr) + r")(?!\w)")
    return ActLexicon(head_re, heads, objects, acts, irrealis,
                      frozenset(normalize(w) for w in data["negators"]))


class _Words:
    """Words of the normalised text with their offsets."""

    def __init__(self, text: str, a: int = 0, b: int | None = None):
        self.spans = [m.span() for m in _WORD_RE.finditer(text, a, len(text) if b is None else b)]
        self.starts = [s for s, _ in self.spans]
        self.text = text

    def index(self, off: int) -> int:
        return bisect.bisect_left(self.starts, off)

    def word(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]


def extract(doc: Doc) -> list[Stance]:
    if not doc.mentions:
        return []
    lex = lexicon()
    nt = norm_text(doc)
    text = nt.text
    mv = mention_view(doc)
    ms: list[NMention] = mv.mentions
    m_starts = [m.start for m in ms]
    # statements in normalised offsets: (content start, end, speaker)
    stmts = _Statements(sorted((nt.from_original(s.start), nt.from_original(s.end), s.speaker, i)
                               for i, s in enumerate(doc.statements) if s.speaker))
    out: list[Stance] = []
    seen: set[tuple] = set()
    pub_year = doc.published_date.year if doc.published else 0
    for sent in doc.content_sentences():
        a, b = nt.from_original(sent.start), nt.from_original(sent.end)
        words = None  # the sentence's words, built only when a head is in it
        for hm in lex.head_re.finditer(text, a, b):
            if words is None:
                words = _Words(text, a, b)
            pre, head = hm.group("pre"), hm.group("h")
            cls = lex.heads[head]
            if "س" in pre and head[:1] not in "يتن":
                continue  # the future prefix goes on a verb only
            verb = head not in _NOUNS
            act, obj_end, obj_i = _object(lex, words, cls, hm.end("h"), b, ms, m_starts)
            if act is None and cls == "hold" and head[:1] in "يت":
                got = _held_stance(doc, lex, nt, words, ms, m_starts, stmts, hm, a)
                if got is not None:
                    out.append(got)
                continue
            if act is None:
                continue
            hs = hm.start()  # the whole word, proclitics included
            if _irrealis(lex, words, text, hs, a, pub_year):
                continue
            if _UNLESS_RE.search(text, obj_end, min(b, obj_end + 90)):
                continue  # "لن يلتقي … إلا إذا اتخذت …": conditioned, not a position
            obj_start = words.spans[obj_i][0] if obj_i < len(words.spans) and obj_end > hm.end("h") else obj_end
            holder, subj_end = _holder(text, words, ms, m_starts, hm, verb, a, obj_start, stmts)
            if holder is None:
                continue
            titled = subj_end < 0  # "يبقى الوزير الكوري الشمالي": the subject is a titled person
            subj_end = abs(subj_end)
            neg = _negated(lex, words, hs, a)
            if neg and (cls == "meet" or (not verb and (neg == "reject" or subj_end))):
                # "لن يلتقي X مع Y" is no stance; "رفضه الاعتراف الأمريكي" is the rejecter's, and
                # "لم يكن انسحاب الولايات المتحدة … الأول" negates another predicate
                if neg == "reject" or cls == "meet" or neg is True:
                    continue
            polarity = act.polarity * (-1 if neg else 1)
            st = _covering(stmts, hs)
            if st is not None and holder != st[2] and _own_state(doc, st[2], holder):
                holder = st[2]  # "قال ترامب إن القوات الأمريكية ستبقى": the speaker's own state acts
            tgt = _target(doc, text, words, ms, m_starts, act, obj_end, b, holder, subj_end, hm.start())
            if tgt is None or tgt[0] == holder or _same_actor(doc, holder, tgt[0]):
                continue
            if any(act is x for x in _PLACE_ACT_LIST) and (titled or not _state_in_country(doc, holder, tgt[0], st)):
                continue  # "خروج أشخاص من دوما": only a state leaving or staying in a country is a stance
            start, end = hm.start("h"), max(obj_end, tgt[2])
            key = (holder, tgt[0], act.issue, start)
            if key in seen:
                continue
            seen.add(key)
            st = _covering(stmts, start)
            s, e = to_original(nt, min(start, tgt[1]), end)
            out.append(Stance(s, e, holder, tgt[0], "support" if polarity > 0 else "oppose",
                              Provenance(STAGE, f"act.{cls}.{act.issue}"), act.issue,
                              st[3] if st else None, bool(st and st[2] != holder), _act_date(doc, s, e)))
    return out


def _held_stance(doc: Doc, lex, nt, words: _Words, ms, m_starts, stmts, hm, a: int) -> Stance | None:
    """A meeting held as planned, its subject before it ("القمة مع كيم ستعقد كما كانت مقررة"):
    the speaker's support for the talks."""
    back = _held_before(lex, words, hm.start(), a)
    if back is None:
        return None
    text = nt.text
    obj_i, obj_end = back
    act = lex.acts[("hold", "talks")]
    obj_start = words.spans[obj_i][0]
    st = _covering(stmts, obj_start)
    tgt = _target(doc, text, words, ms, m_starts, act, obj_end, hm.start(), "", 0, obj_start)
    if st is not None and tgt is not None and not _negated(lex, words, hm.start(), a) \
            and not _irrealis(lex, words, text, obj_start, a) and tgt[0] != st[2] \
            and not _same_actor(doc, st[2], tgt[0]):
        s_, e_ = to_original(nt, obj_start, hm.end())
        return Stance(s_, e_, st[2], tgt[0], "support", Provenance(STAGE, "act.hold.talks"),
                      act.issue, st[3], False, _act_date(doc, s_, e_))
    return None


# Action nouns among the heads: they need a named agent (an elided subject is no one's act).
_NOUNS = word_set(" ".join(_WORDS["action_nouns"]))


def _object(lex: ActLexicon, words: _Words, cls: str, pos: int, hi: int, ms, m_starts):
    """The act (head class x object class) and the end of its object, within a few words."""
    i = words.index(pos)
    skipped = 0
    while i < len(words.spans) and words.spans[i][0] < hi and skipped <= 6:
        s, e = words.spans[i]
        w = words.text[s:e]
        if cls in _PLACE_ACTS and w in _PLACE_ACTS[cls] and i + 1 < len(words.spans):
            # "ستنسحب من سوريا"، "البقاء في سوريا": leaving or staying in a country
            ns, ne = words.spans[i + 1]
            m = _mention_at(ms, m_starts, ns, ne)
            if m is not None and m.start < ne:
                return _PLACE_ACTS[cls][w], e, i
        if w in ("من", "علي", "عن", "ب") or w in _FILLERS:  # "انسحب من الاتفاق"، "وافق على لقاء"
            i += 1
            continue
        obj = lex.objects.get(w) or lex.objects.get(w[1:] if w[:1] in "بلو" else w)
        if obj is not None:
            act = lex.acts.get((cls, obj))
            return (act, e, i) if act else (None, 0, 0)
        if cls == "meet":
            return _MEET, pos, i
        k = bisect.bisect_right(m_starts, s) - 1
        if k >= 0 and ms[k].start <= s < ms[k].end or w in _TITLES:
            i += 1  # the subject between a verb and its object ("فرض الرئيس ترامب عقوبات")
            skipped += 1
            continue
        return None, 0, 0
    return (_MEET, pos, i) if cls == "meet" else (None, 0, 0)


def _act_date(doc: Doc, s: int, e: int) -> str | None:
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


def _held_before(lex: ActLexicon, words: _Words, hs: int, lo: int):
    """(index, end) of a talks noun a few words before "ستعقد" and at the head of its clause."""
    i = words.index(hs)
    for j in range(i - 1, max(-1, i - 9), -1):
        s, e = words.spans[j]
        if s < lo:
            break
        if lex.objects.get(words.word(j)) == "talks":
            return j, e
    return None


def _irrealis(lex: ActLexicon, words: _Words, text: str, hs: int, lo: int, pub_year: int = 0) -> bool:
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
    if _COND_RE.search(text, lo, hs) and _APODOSIS_RE.search(whole):
        return True
    if pub_year and any(int(y) < pub_year - 2 for y in _YEAR_RE.findall(seg)):
        return True  # "في نفس اليوم من عام 1990 استأنفت إيران علاقاتها": history, not a position
    # "قد" before an imperfect verb is a possibility ("قد ينسحب")
    return i >= 1 and words.word(i - 1) in ("قد", "وقد") and text[hs:hs + 1] in "يتن"


_COND_RE = re.compile(r"(?<!\w)(?:[وف]?اذا|لو|في حال|ان لم|لئن)(?!\w)")
_APODOSIS_RE = re.compile(r"(?<!\w)(?:فسوف|فس[يتن]\w+|فان|فانه|فانها|فانهم|فلن)(?!\w)")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_REJECT = frozenset(normalize(w) for w in _WORDS["reject"])
_NOUN_NEG = frozenset(normalize(w) for w in _WORDS["noun_negators"])
_UNLESS_RE = re.compile(r"(?<!\w)(?:الا اذا|الا في حال|ما لم|شرط ان|بشرط)(?!\w)")


def _negated(lex: ActLexicon, words: _Words, hs: int, lo: int) -> str | bool:
    """"reject" for a rejection or withdrawal word right before, "noun" for عدم, True for لا/لم/لن."""
    i = words.index(hs)
    for j in (i - 1, i - 2, i - 3, i - 4):
        if j >= 0 and words.spans[j][0] >= lo:
            if j < i - 2:  # a rejection or withdrawal reaches past its subject ("سحب ترامب مؤخرا التزام")
                if words.word(j).lstrip("وف") in _REJECT or words.word(j) in _REJECT:
                    return "reject"
                continue
            w = words.word(j)
            w = w[1:] if w[:1] in "وف" and w not in lex.negators and w not in _REJECT else w
            if w in _REJECT:
                return "reject"
            if w in _NOUN_NEG:
                return "noun"
            if w in lex.negators:
                return True
    return False


def _mention_at(ms, m_starts, off: int, end: int | None = None):
    """The mention covering ``off``, or starting inside the word [off, end) ("لإسرائيل")."""
    k = bisect.bisect_right(m_starts, off if end is None else end - 1) - 1
    return ms[k] if k >= 0 and (ms[k].start <= off < ms[k].end or (end and off <= ms[k].start < end)) else None


class _Statements(list):
    """Statements sorted by start, with the furthest end reached so far (``reach``): the first
    one covering an offset is found by binary search, not by a scan of all (linear time)."""

    def __init__(self, items):
        super().__init__(items)
        self.starts = [x[0] for x in self]
        self.reach = list(accumulate((x[1] for x in self), max))


def _covering(stmts: _Statements, pos: int):
    """The first statement (in start order) with start <= pos < end, or None. The first whose
    running end passes pos is it, when it starts at or before pos."""
    i = bisect.bisect_right(stmts.reach, pos)
    return stmts[i] if i < len(stmts) and stmts.starts[i] <= pos else None


def _holder(text, words: _Words, ms, m_starts, hm, verb: bool, lo: int, obj_start: int, stmts):
    """The act's subject: an actor id and the end of its mention (0 when none is in the text)."""
    hs, he = hm.start(), hm.end("h")
    i = words.index(he)
    # after the head: its subject (VSO) or a noun's genitive agent, titles allowed before it
    for j in range(i, min(i + 4, len(words.spans))):
        s, _ = words.spans[j]
        if s >= obj_start > he:
            break
        m = _mention_at(ms, m_starts, s)
        if m is not None:
            if not m.prepositional:
                return m.actor, (-m.end if j > i else m.end)  # negative: a title came first
            break
        if words.word(j) not in _TITLES:
            break
    # before the head: an SVO subject ("إيران ترفض …"، "قرار ترامب الانسحاب") — not before a
    # noun under a preposition ("إقناع باريس بالانسحاب": Paris is the one to be persuaded)
    k = words.index(hs) - 1
    steps = 0 if verb or not any(c in hm.group("pre") for c in "بل") else 3
    while k >= 0 and words.spans[k][0] >= lo and steps < 3:
        s, e = words.spans[k]
        if "," in text[e:hs]:
            break
        m = _mention_at(ms, m_starts, s)
        if m is not None:
            if not m.prepositional:
                return m.actor, 0
            break
        if words.word(k) not in ("قرار", "اعلان", "عزم", "نية", "قد", "وقد", "قررت", "قرر", "اعلنت", "اعلن"):
            break
        k -= 1
        steps += 1
    # an attached pronoun or an elided subject inside reported speech: the speaker
    st = _covering(stmts, hs)
    if not verb and hm.group("h").endswith(("ه", "ها")) and st is None:
        # "أعلنت واشنطن هذا العام انسحابها": the pronoun names the clause's subject
        k = words.index(hs) - 1
        while k >= 0 and words.spans[k][0] >= lo and hs - words.spans[k][0] < 60:
            s, e = words.spans[k]
            if "," in text[e:hs]:
                break
            m = _mention_at(ms, m_starts, s)
            if m is not None and not m.prepositional:
                return m.actor, 0
            k -= 1
    if st is not None and (verb or hm.group("h").endswith(("ه", "ها"))):
        return st[2], 0
    return None, 0


def _target(doc: Doc, text, words: _Words, ms, m_starts, act: Act, obj_end: int, hi: int, holder: str,
            subj_end: int, head_start: int):
    """(actor, start, end) the act is toward."""
    from_ = max(obj_end, subj_end)
    i = words.index(from_)
    reach = 7
    for j in range(i, min(i + reach, len(words.spans))):
        s, e = words.spans[j]
        if s >= hi:
            break
        m = _mention_at(ms, m_starts, s, e)
        if m is None:
            continue
        prev = words.word(j - 1) if j > 0 else ""
        attached = text[m.start - 1] if m.start > 0 and text[m.start - 1].isalpha() else ""
        if act.target == "with":
            if act is _MEET and j > i + 2:
                break  # a meeting's other party is right after it ("التقى بشخصين لهما علاقة مع الروس")
            # "التقى … بالرئيس" names the other party; "عقد قمة … بهلسنكي" names a place
            # "لقاء زعيم كوريا" (a meeting of someone) too
            genitive = j == i and not m.prepositional and (act is _MEET or prev.endswith("لقاء"))
            a_ = doc.actors.get(m.actor)
            if act is _MEET and prev not in _WITH and a_ is not None and a_.kind in ("GPE", "LOC") and j > i:
                continue  # "التقت بخاطفها … في شارع بألمانيا": a place, not the one met
            if prev in _WITH or (attached == "ب" and act is _MEET) or genitive:
                if m.actor != holder:
                    return m.actor, m.start, m.end
                continue
        elif act.target == "on":
            if prev in _ON or prev in ("المفروضه", "المفروضة"):
                return m.actor, m.start, m.end
        elif act.target == "place":
            a = doc.actors.get(m.actor)
            if prev in _PLACE and a is not None and (a.kind in ("GPE", "LOC") or a.type == "GOV"):
                return m.actor, m.start, m.end
        elif act.target == "deal":
            if prev in _WITH:
                return m.actor, m.start, m.end
        elif act.target == "capital":
            if prev in ("عاصمه",) or attached == "ل":
                return m.actor, m.start, m.end
        if text[words.spans[j - 1][1]:s].strip() == "," if j > i else False:
            break
    if act.target == "deal":
        # "الاتفاق النووي" (with Iran, in the 2015-2018 news), or "الاتفاق النووي الإيراني"
        nxt = text[obj_end:obj_end + 24]
        if nxt.lstrip().startswith("النووي"):
            for a in doc.actors.values():
                if a.country == "IRN" and a.type == "GOV" and a.kind in ("GPE", "LOC"):
                    return a.id, obj_end, obj_end
    return None


def _state_in_country(doc: Doc, holder: str, target: str, st) -> bool:
    """A state or its forces leaving or staying in a country; a person only as the speaker
    ("قال ترامب إن بلاده ستنسحب من سوريا"), else it is a visit ("يبقى الوزير في السويد")."""
    h, t = doc.actors.get(holder), doc.actors.get(target)
    if not (h and t and h.type in ("GOV", "MIL") and t.type == "GOV" and t.kind in ("GPE", "LOC")):
        return False
    return h.kind != "PER" or (st is not None and st[2] == holder)


def _own_state(doc: Doc, speaker: str, subject: str) -> bool:
    """Is the subject the speaker's own state, government or forces?"""
    x, y = doc.actors.get(speaker), doc.actors.get(subject)
    return bool(x and y and x.country and x.country == y.country and x.type in ("GOV", "MIL")
                and y.type in ("GOV", "MIL"))


def _same_actor(doc: Doc, a: str, b: str) -> bool:
    x, y = doc.actors.get(a), doc.actors.get(b)
    if x is None or y is None:
        return False
    if x.code and x.code == y.code:
        return True
    return bool(x.country) and x.country == y.country and x.type in ("GOV", "MIL") and y.type in ("GOV", "MIL")
