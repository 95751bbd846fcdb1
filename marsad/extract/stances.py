"""The stances stage: who is for or against whom, on which issue — and where they contradict.

A stance is the proposition (holder, target, issue, polarity) with its evidence span. Issues and
their Arabic triggers are data (``resources/stance_issues.yaml``). In a clause, the triggers
before a target (and a predicate after it: "X … ضرورة", "X كعدو") compose by multiplying their
polarities; a negator flips the first trigger after it (لم يعد ضرورياً، لا تخطط لسحب، لا يرى … كعدو).

* Inside reported speech the holder is the statement's speaker; a denial cue (نفى) flips it.
* Outside it, only triggers that express their subject's own attitude (انتقد، رحّب، صوّت، الدعوات
  ل…، المنتقدين) make a stance, held by that subject.
* The target is the actor the trigger points at: a mention (not a place under في), a country
  adjective (الحملة الإسرائيلية), a demonstrative (تلك القوات → the forces named before) or an
  attached pronoun (رحيله → the actor named before).

Contradictions: the same holder, target and issue with opposite polarity. :func:`conflicting`
is the pure test over two propositions, reusable across documents; :func:`pair_contradictions`
pairs a list of stances one-to-one (closest wording and position first).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import regex
import yaml

from marsad.doc import Contradiction, Doc, Provenance, Stance
from marsad.extract.stance_acts import extract as act_stances
from marsad.extract.statements import NMention, date_of, mention_view, norm_text, scan, to_original, trie_pattern
from marsad.text.normalize import normalize, word_set

STAGE = "stances"
SUPPORT, OPPOSE = "support", "oppose"
STATE_TYPES = frozenset({"GOV", "MIL"})
WINDOW = 14  # words a trigger reaches toward its target
_W = r"[\p{L}\p{N}]"
_PRE = r"(?:[وف])?(?:لل|بال|كال|ال|[بلكس])?"
_SUF = r"(?P<suf>ا|ه|ها|هم|هما|هن)?"
_DEMONSTRATIVE_RE = regex.compile(r"(?<!\p{L})(?:تلك|هذه|هذا|ذلك|هولاء|هاتين|هذين)\s+(ال\p{L}+)")
_WORD_RE = regex.compile(r"[\p{L}\p{N}]+")
_FAST_WORD_RE = re.compile(r"[^\W_]+")
# "ألا تكون" (أن + لا) folds to the same letters as "إلا"; before a verb it negates.
# "لا يزال" (still), "لا سيما" (especially), "لا بد" (must), "لا شك" (no doubt) negate nothing.
_NOT_NEGATION_RE = regex.compile(r"\s+(?:يزال|تزال|يزالون|زال|زالت|سيما|بد|شك)(?!\p{L})")
_ALLA_RE = regex.compile(r"(?<!\p{L})الا(?=\s+[يتن]\p{L}{2})")
_QUANTIFIERS = frozenset(normalize(w) for w in "كلا كل العديد عدد بعض أحد إحدى مجموعة عشرات".split())
_COORD_RE = regex.compile(r",\s*و\p{L}")
# Nouns a country adjective may follow and still point at the state ("الحملة الإسرائيلية").
_NISBA_HEADS = word_set(
    "الحملة القوات العمليات العملية الهجمات الضربات الغارات السياسة السياسات الإجراءات القرار الحكومة "
    "النظام الجيش التدخل العدوان الاحتلال الدور النفوذ البرنامج الاتفاق الوجود الموقف المواقف التهديدات "
    "الأنشطة الممارسات الانتهاكات الاعتداءات القصف السلطات الإدارة الصواريخ الطائرات")
_PLACE_NOUNS = word_set(
    "شرق غرب شمال جنوب وسط قرب محيط مدينة منطقة محافظة ولاية إقليم عاصمة أراضي داخل خارج شمالي جنوبي "
    "شرقي غربي")
# A withdrawal "من X" / "إلى X" names places, not the actor that withdraws.
_AFTER_PREPS = ("في", "وفي", "من", "ومن", "بين", "وبين", "باستثناء", "عدا", "ماعدا", "سوي", "دون", "امام", "لدي",
                "عند", "خلال", "عبر")
# The victim of what is condemned ("أدانت العنف ضد الفلسطينيين") is not the one condemned.
_ATTITUDE_PREPS = _AFTER_PREPS + ("ضد", "علي", "بحق", "مع", "ومع")
_PRESENCE_PREPS = _AFTER_PREPS + ("الي", "والي", "عن", "داخل", "خارج", "اراضي")


@dataclass(slots=True)
class TriggerSpec:
    issue: str | None  # None for a frame
    polarity: int  # +1 support, -1 oppose
    slot: str  # after | before | both | none
    agentive: bool = False
    form: str = "noun"  # verb | noun | participle
    frame: str | None = None
    on_actor: str | None = None
    neutral: bool = False  # naming the issue is no stance without a frame or negator
    transparent: bool = False  # a frame that only passes polarity through (قرار، يخطط)
    attitude: bool = False  # the attitude of the clause's own subject


@dataclass(slots=True)
class Trig:
    start: int
    end: int
    spec: TriggerSpec
    pronoun: bool  # an attached pronoun names the target (رحيله)
    b_prefix: bool  # "طالب تركيا بالانسحاب": the target precedes
    conj: bool = False  # و/ف attached: a coordinated verb, its subject is not the noun before it
    prep: bool = False  # ب/ل attached ("بضرورة"): a complement, the noun before it is no target
    possessed: bool = False  # a possessive pronoun attached ("حلفاءها" = its allies)


# Proclitics a trigger may carry (conjunction, preposition, article, future) and the suffixes
# (accusative alif, attached pronouns) it may end with.
PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "س", "ال", "لل", "بال", "كال", "وب", "ول", "وك", "وس", "وال", "ولل",
            "وبال", "فب", "فل", "فال", "فلل", "فبال")
SUFFIXES = ("ا", "ه", "ها", "هم", "هما", "هن")


@dataclass
class StanceLexicon:
    specs: dict[str, TriggerSpec]
    regex: re.Pattern
    neg_regex: re.Pattern
    break_regex: re.Pattern
    negation_window: int
    irrealis_regex: regex.Pattern
    undergo: frozenset[str]
    cue_polarity: dict[str, int]
    gentilics: dict[str, str]  # normalised adjective -> ISO3


@lru_cache(maxsize=1)
def lexicon() -> StanceLexicon:
    data = yaml.safe_load(resources.files("marsad.resources").joinpath("stance_issues.yaml").read_text("utf-8"))
    specs: dict[str, TriggerSpec] = {}
    for issue, spec in data["issues"].items():
        for t in spec["triggers"]:
            ts = TriggerSpec(issue, 1 if t["polarity"] == SUPPORT else -1, t.get("slot", "after"),
                             bool(t.get("agentive")), t.get("form", "noun"),
                             neutral=bool(t.get("neutral", spec.get("neutral"))),
                             attitude=bool(spec.get("attitude")))
            for f in t["forms"]:
                specs.setdefault(normalize(f), ts)
    for name, spec in data["frames"].items():
        on_actor = spec.get("on_actor")
        ts = TriggerSpec(None, 1 if spec["polarity"] == SUPPORT else -1, spec.get("slot", "after") if on_actor else "none",
                         bool(spec.get("agentive")), spec.get("form", "noun"), name, on_actor,
                         transparent=bool(spec.get("transparent")))
        for f in spec["forms"]:
            specs.setdefault(normalize(f), ts)
    trig = re.compile(r"\b(?:" + trie_pattern({p + f for p in PREFIXES for f in specs}) + ")(?:"
                      + trie_pattern(SUFFIXES) + r")?\b")

    def words_re(words: Iterable[str]) -> re.Pattern:
        forms = {normalize(w) for w in words}
        return re.compile(r"\b(?:" + trie_pattern({p + f for p in ("", "و", "ف") for f in forms}) + r")\b")

    gentilics = {}
    for code, forms in data.get("gentilics", {}).items():
        for f in forms:
            gentilics[normalize(f)] = code
    return StanceLexicon(
        specs=specs, regex=trig, neg_regex=words_re(data["negators"]),
        break_regex=words_re(data["clause_breaks"]), negation_window=int(data.get("negation_window", 5)),
        irrealis_regex=words_re(data.get("irrealis", [])),
        undergo=frozenset(normalize(w) for w in data.get("undergo", [])),
        cue_polarity={k: (1 if v == SUPPORT else -1) for k, v in data.get("cue_polarity", {}).items()},
        gentilics=gentilics,
    )


# -- propositions and contradictions (pure, reusable across documents) --------------------
def proposition(stance: Any, key: Any = None) -> tuple[Any, Any, Any, str]:
    """(holder, target, issue, polarity) of a Stance, a dict or a 4-tuple.

    ``key`` maps a doc-local actor id to a corpus-wide key (e.g. the actor's dictionary code) so
    stances of different documents compare; by default the ids are compared as they are.
    """
    if isinstance(stance, tuple):
        h, t, i, p = stance
    elif isinstance(stance, dict):
        h, t, i, p = stance["holder"], stance["target"], stance.get("issue"), stance["polarity"]
    else:
        h, t, i, p = stance.holder, stance.target, stance.issue, stance.polarity
    if key is not None:
        h, t = key(h), key(t)
    return h, t, i, p


def conflicting(a: Any, b: Any, key: Any = None) -> bool:
    """Do two stances contradict: same holder, target and issue, opposite polarity?

    ``a`` and ``b`` are Stances, dicts with holder/target/issue/polarity, or 4-tuples. Stances
    without an issue never conflict (two statements that only sound alike are not a flip).
    """
    h1, t1, i1, p1 = proposition(a, key)
    h2, t2, i2, p2 = proposition(b, key)
    return (h1 is not None and h1 == h2 and t1 is not None and t1 == t2 and i1 is not None and i1 == i2
            and {p1, p2} == {SUPPORT, OPPOSE})


def pair_contradictions(stances: list[Any], key: Any = None, rule_of: Any = None,
                        position_of: Any = None) -> list[tuple[int, int]]:
    """One-to-one pairs (i, j) of conflicting stances, i < j.

    Each stance is used once: pairs with the same trigger family (``rule_of``) come first, then
    the nearest (``position_of``: an offset, or a date ordinal across documents).
    """
    rule_of = rule_of or (lambda s: getattr(s, "prov", None) and s.prov.rule)
    position_of = position_of or (lambda s: getattr(s, "start", 0))
    cands = []
    for i in range(len(stances)):
        for j in range(i + 1, len(stances)):
            if conflicting(stances[i], stances[j], key):
                same_rule = rule_of(stances[i]) == rule_of(stances[j])
                cands.append((not same_rule, abs(position_of(stances[i]) - position_of(stances[j])), i, j))
    used: set[int] = set()
    out = []
    for _, _, i, j in sorted(cands):
        if i not in used and j not in used:
            used.update((i, j))
            out.append((i, j))
    return sorted(out)


def drop_nested(stances: list[Stance]) -> list[Stance]:
    """One reading per piece of evidence: a stance on the same holder, target and issue whose
    span lies inside another's is a partial reading of it (it misses the negation or the verb
    of wanting around it: "لا يطالب بسحب القوات" ⊃ "سحب القوات") and is dropped."""
    def inside(a: Stance, b: Stance) -> bool:
        return (b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start)
                and (a.holder, a.target, a.issue) == (b.holder, b.target, b.issue))

    return [a for a in stances if not any(inside(a, b) for b in stances if b is not a)]


def contradictions(stances: list[Stance]) -> list[Contradiction]:
    """Contradictions among one document's stances: a flip when the two dates differ."""
    out = []
    for i, j in pair_contradictions(stances):
        a, b = stances[i], stances[j]
        kind = "flip" if a.date and b.date and a.date != b.date else "inconsistency"
        out.append(Contradiction(a.holder, a.target, (a.start, a.end), (b.start, b.end),
                                 Provenance(STAGE, f"contradiction.{a.issue}"), a.issue, kind, (i, j)))
    return out


# -- the stage ---------------------------------------------------------------------------
# Issues read as acts (marsad.extract.stance_acts): the clause chains compose act nouns with
# unrelated triggers ("الانسحاب من الاتفاق يفسح المجال أمام فرض عقوبات") and get them wrong.
ACT_ISSUES = frozenset({"sanctions", "agreement"})


# Chain stances whose wording shows another holder or target than the chain found:
# "الاتهامات التي وجهها نتانياهو" (the relative clause names the accuser), "متهمين بالانتماء إلى
# داعش" (accused of, passive), "لاتهامهم" (whose pronoun?), "تدعمه الولايات المتحدة في سوريا، الرقة"
# (a target across a comma).
_RELATIVE_AFTER_RE = regex.compile(r"^\s*(?:التي|الذي|الذين)\s+(?:وجه|اطلق|ساق|كال)")
_PASSIVE_ACCUSED_RE = regex.compile(r"(?<!\p{L})[وف]?(?:متهم|متهمين|متهمون|متهمه|متهما)\s+ب")
_PRONOUN_ACCUSED_RE = regex.compile(r"(?<!\p{L})[وفل]?(?:ل)?اتهام(?:ه|ها|هم)$")
_PRONOUN_PRESENCE_RE = regex.compile(r"^[وفبل]?(?:ال)?(?:خروج|رحيل|سحب|انسحاب|بقاء|وجود|مغادره)(?:ه|ها|هم)$")
_COMMA_TARGET_RE = regex.compile(r",\s*\S+$")


def _plausible(doc: Doc, s: Stance) -> bool:
    span = normalize(doc.text[s.start:s.end])
    if _COMMA_TARGET_RE.search(span):
        return False
    last = span.rsplit(" ", 1)[-1]
    h, t = doc.actors.get(s.holder), doc.actors.get(s.target)
    if last.startswith("ال") and last.endswith(("ي", "يه")) and h and t and h.country and h.country == t.country:
        return False  # "اتهمت حركة حماس الفلسطينية": the adjective qualifies the holder itself
    if s.issue == "enmity" and s.polarity == SUPPORT and normalize(doc.text[s.end:s.end + 12]).lstrip(' "»').startswith("في "):
        return False  # "بريطانيا شريكة في جرائم الحرب": a partner in a crime is no friend
    if s.issue == "presence" and s.statement is None and _PRONOUN_PRESENCE_RE.search(span):
        return False  # "بمطلب إسرائيل بخروجها"، "سحبه من روسيا": whose departure is a guess
    if s.issue == "accusation":
        after = normalize(doc.text[s.end:s.end + 40])
        if _PASSIVE_ACCUSED_RE.search(span + " " + after[:3]) or _PRONOUN_ACCUSED_RE.search(span):
            return False
    if s.issue in ("accusation", "approval") and _RELATIVE_AFTER_RE.match(normalize(doc.text[s.start:s.end + 30])
                                                                          .split(" ", 1)[-1]):
        return False
    return True


def merge_acts(doc: Doc, chains: list[Stance], acts: list[Stance]) -> list[Stance]:
    """Chain stances, less those on act issues, implausible ones and those an act covers, plus the acts."""
    spans = [(a.start, a.end, a.holder, a.target) for a in acts]
    kept = [s for s in chains if s.issue not in ACT_ISSUES and _plausible(doc, s) and not any(
        s.holder == h and s.target == t and s.start < e and b < s.end for b, e, h, t in spans)]
    return sorted(kept + acts, key=lambda s: (s.start, s.end))


class StancesStage:
    name = STAGE

    def __call__(self, doc: Doc) -> Doc:
        doc.stances = drop_nested(merge_acts(doc, extract(doc), act_stances(doc)))
        doc.contradictions = contradictions(doc.stances)
        return doc


class _View:
    """Normalised text, mentions and trigger matches of one document."""

    def __init__(self, doc: Doc, lex: StanceLexicon):
        self.doc = doc
        self.lex = lex
        self.nt = norm_text(doc)
        self.text = self.nt.text
        self.mv = mention_view(doc)
        self.mentions: list[NMention] = self.mv.mentions
        self.m_starts = [m.start for m in self.mentions]
        self.words = [m.start() for m in _FAST_WORD_RE.finditer(self.text)]
        self._nisba: dict[str, str | None] = {}
        self.irrealis: list[int] = []

    def nwords(self, a: int, b: int) -> int:
        """Words starting in [a, b)."""
        return bisect.bisect_left(self.words, b) - bisect.bisect_left(self.words, a)

    def mentions_in(self, a: int, b: int) -> list[NMention]:
        return self.mv.mentions_in(a, b)

    def starting_in(self, a: int, b: int) -> list[NMention]:
        i = bisect.bisect_left(self.m_starts, a)
        j = bisect.bisect_left(self.m_starts, b)
        return self.mentions[i:j]

    def actor(self, aid: str):
        return self.doc.actors.get(aid)

    def governed_by_fi(self, m: NMention, preps: tuple[str, ...] = ("في", "وفي")) -> bool:
        """A place under في ("في العراق"، "في شرق أوكرانيا") is a location, never the target."""
        head = _WORD_RE.findall(self.text, max(0, m.start - 24), m.start)[-2:]
        if len(head) == 2 and head[1] == "من" and head[0] in _QUANTIFIERS:
            return False  # "كلا من روسيا وسوريا"، "العديد من الجماعات"
        if head and head[-1] in preps:
            return True
        if len(head) == 2 and "بين" in preps and head[0] in ("بين", "وبين"):
            return True  # "بين روسيا وإيران"
        return len(head) == 2 and head[0] in preps and head[1] in _PLACE_NOUNS

    def nisba(self, word: str) -> str | None:
        """The actor a country adjective points at (الإسرائيلية → the actor of Israel)."""
        if word in self._nisba:
            return self._nisba[word]
        w = word[2:] if word.startswith("ال") else word
        w = w[:-1] if w.endswith("ه") else w
        found = None
        code = self.lex.gentilics.get(word) or self.lex.gentilics.get(w)
        for a in self.doc.actors.values():
            names = [a.name] + list(a.aliases)
            stems = set()
            for n in names:
                n = normalize(n or "")
                if " " in n:
                    continue
                n = n[2:] if n.startswith("ال") else n
                stems.add(n + "ي")
                if n.endswith("ا"):
                    stems.add(n[:-1] + "ي")
            if w in stems or (code and a.country == code and (a.kind in ("GPE", "LOC") or a.type == "GOV")):
                found = a.id
                if w in stems:
                    break
        self._nisba[word] = found
        return found


def _split(specs: dict[str, TriggerSpec]):
    """(prefix, trigger form, suffix) of a matched word, the longest form first."""
    def split(w: str):
        for pre in PREFIXES:
            if not w.startswith(pre):
                continue
            rest = w[len(pre):]
            if rest in specs:
                return pre, rest, ""
            for suf in SUFFIXES:
                if rest.endswith(suf) and rest[:-len(suf)] in specs:
                    return pre, rest[:-len(suf)], suf
        return None
    return split


def _spec(lex: StanceLexicon, m) -> TriggerSpec:
    return lex.specs[m.group("t")]


def extract(doc: Doc) -> list[Stance]:
    lex = lexicon()
    sents = doc.content_sentences()
    if not sents or not doc.mentions:
        return []
    v = _View(doc, lex)
    text = v.text
    trigs = []
    for m in scan(lex.regex, text, _split(lex.specs)):
        suf = m.group("suf") or ""
        spec = _spec(lex, m)
        if "س" in m.group("pre") and not m.group("t")[:1] in "يتن":
            continue  # the future prefix only goes on a verb ("سعداء" is no "س" + "عداء")
        trigs.append(Trig(m.start("t"), m.end(), spec,
                          suf in ("ه", "ها", "هم", "هما", "هن") and spec.slot in ("after", "both") and spec.issue is not None
                          and spec.form == "noun",
                          m.group("pre").startswith(("ب", "وب", "فب")), m.group("pre")[:1] in ("و", "ف"),
                          any(c in m.group("pre") for c in "بل"),
                          (m.group("suf") or "") in ("ه", "ها", "هم", "هما", "هن")))
    if not trigs:
        return []
    t_starts = [t.start for t in trigs]
    negs = sorted([(m.start(), m.end()) for m in lex.neg_regex.finditer(text)
                   if not _NOT_NEGATION_RE.match(text, m.end())]
                  + [(m.start(), m.end()) for m in _ALLA_RE.finditer(text)])
    breaks = sorted(m.start() for m in lex.break_regex.finditer(text))
    v.irrealis = [m.start() for m in lex.irrealis_regex.finditer(text)]
    # Statements in normalised offsets.
    nst = []
    for i, s in enumerate(doc.statements):
        a, b = v.nt.from_original(s.start), v.nt.from_original(s.end)
        ca = v.nt.from_original(s.cue[0]) if s.cue else a
        nst.append((i, s, a, b, min(a, ca), max(b, v.nt.from_original(s.cue[1]) if s.cue else b)))
    out: list[Stance] = []
    seen: set[tuple] = set()

    def in_range(a: int, b: int) -> list[Trig]:
        i = bisect.bisect_left(t_starts, a)
        r = []
        while i < len(trigs) and trigs[i].start < b:
            if trigs[i].end <= b:
                r.append(trigs[i])
            i += 1
        return r

    for i, s, a, b, _, _ in nst:
        if s.speaker is None:
            continue
        ts = in_range(a, b)
        if not ts:
            continue
        family = (s.prov.rule or "").split(".")[0]
        sign = lex.cue_polarity.get(family, 1)
        for st in _chains(v, ts, negs, breaks, a, b, holder=s.speaker, sign=sign,
                          cue_frame=family in lex.cue_polarity):
            _add(out, seen, v, st, statement=i, reported=s.via is not None, date=s.date)
    covered = sorted((lo, hi) for *_, lo, hi in nst)
    for sent in sents:
        a, b = v.nt.from_original(sent.start), v.nt.from_original(sent.end)
        ts = [t for t in in_range(a, b) if not any(lo <= t.start < hi for lo, hi in covered)]
        if not any(t.spec.agentive for t in ts):
            continue
        # reported speech in the sentence bounds the clauses outside it
        extra = sorted(x for lo, hi in covered for x in (lo, hi) if a < x < b)
        inside = breaks[bisect.bisect_right(breaks, a):bisect.bisect_left(breaks, b)]  # all _chains uses
        for st in _chains(v, ts, negs, sorted(inside + extra) if extra else breaks, a, b, holder=None, sign=1):
            _add(out, seen, v, st, statement=None, reported=False, date=None)
    out.sort(key=lambda s: (s.start, s.end))
    return out


@dataclass(slots=True)
class _Chain:
    start: int
    end: int
    holder: str
    target: str
    polarity: int
    issue: str
    rule: str
    reported: bool = False


def _add(out, seen, v: _View, ch: _Chain, statement, reported, date) -> None:
    key = (ch.holder, ch.target, ch.issue, ch.polarity, ch.start)
    if key in seen:
        return
    seen.add(key)
    s, e = to_original(v.nt, ch.start, ch.end)
    out.append(Stance(s, e, ch.holder, ch.target, SUPPORT if ch.polarity > 0 else OPPOSE,
                      Provenance(STAGE, ch.rule), ch.issue, statement, reported or ch.reported,
                      date or date_of(v.doc, s, e)))


def _chains(v: _View, ts: list[Trig], negs, breaks, a: int, b: int, holder: str | None, sign: int,
            cue_frame: bool = False) -> list[_Chain]:
    """Stances of the clauses of [a, b): targets found by trigger slots, polarity composed.

    ``holder`` is the speaker inside reported speech (None outside: the subject of an agentive
    trigger holds the stance); ``sign`` and ``cue_frame`` carry a demand or denial cue.
    """
    # (breaks and v.irrealis are sorted: bisect, not a scan of the document's list per clause)
    cuts = [a] + breaks[bisect.bisect_right(breaks, a):bisect.bisect_left(breaks, b)] + [b]
    out = []
    for lo, hi in zip(cuts, cuts[1:]):
        clause = [t for t in ts if lo <= t.start < hi]
        if not clause:
            continue
        irr = v.irrealis[bisect.bisect_left(v.irrealis, lo):bisect.bisect_left(v.irrealis, hi)]
        if irr:
            clause = [t for t in clause if t.start < irr[0]]  # a condition or question states nothing
            if not clause:
                continue
        h = holder
        agent_trig = None
        if h is None:
            agent_trig = next((t for t in clause if t.spec.agentive), None)
            h = _agent(v, agent_trig, clause, lo, hi) if agent_trig else None
            if h is None or h == UNKNOWN:
                continue
        # Targets: actor -> (start, end of its evidence, linked triggers)
        targets: dict[str, tuple[int, int, list[Trig]]] = {}
        for t in clause:
            for tgt, pos, pend in _targets(v, t, lo, hi, h):
                cur = targets.get(tgt)
                if cur is None:
                    targets[tgt] = (pos, pend, [t])
                else:
                    targets[tgt] = (min(cur[0], pos), max(cur[1], pend), cur[2] + [t])
        for tgt, (pos, pend, linked) in targets.items():
            contrib = _chain_of(v, clause, linked, pos)
            if not contrib or (agent_trig is not None and agent_trig not in contrib):
                continue
            if _undergoes(v, contrib, pos):
                continue
            holder_here, reported = h, False
            att = next((t for t in contrib if t.spec.agentive or t.spec.attitude), None)
            if holder is not None and att is not None:
                # "قال X إن إيران تنتقد السعودية": the attitude is Iran's, reported by X — unless
                # the subject is the speaker's own state ("العراق يريد …" said by its premier).
                ag = _agent(v, att, clause, lo, hi)
                if ag == UNKNOWN:
                    if att.spec.attitude:
                        continue
                elif ag is not None and ag != holder and not _same_state(v, ag, holder):
                    holder_here, reported = ag, True
            if _self_stance(v, holder_here, tgt):
                continue
            ta = v.actor(tgt)
            if issue_hint(contrib) == "presence" and ta is not None and ta.type == "CVL":
                continue  # civilians leaving or staying is no stance toward them
            # An evaluation of the target (كعدو، مزعزع، انتقد) is the stance; frames and the issues
            # they scope over (يريد خروج، ضرورة بقاء) compose only among themselves.
            evaluative = [t for t in contrib if t in linked and t.spec.issue and not t.spec.neutral]
            # a frame right before the evaluation still scopes over it ("إنهاء العداء مع …")
            parts = evaluative + [f for f in contrib if f.spec.frame and any(
                f.end <= e.start and v.nwords(f.end, e.start) <= 1 for e in evaluative)] if evaluative else contrib
            if len({t.spec.issue for t in contrib if t.spec.issue}) < len([t for t in contrib if t.spec.issue]):
                continue
            issues = {}
            for t in contrib:
                if t.spec.issue:
                    issues.setdefault(t.spec.issue, set()).add(t.spec.polarity)
            pol = sign
            negated = False
            for t in parts:
                n = _negated(v, t, clause, negs, lo)
                negated = negated or n
                pol *= t.spec.polarity * (-1 if n else 1)
            issue = evaluative[0].spec.issue if evaluative else _issue(v, linked, pos, pend)
            if issue is None:
                continue
            # Naming an issue ("محادثات مع تركيا") is no stance: a frame, a negator, an evaluation or
            # an act against it (انسحاب، إلغاء، عقوبات) must give it a polarity.
            # ("خروج بريطانيا" alone reports an exit; "الانسحاب من الاتفاق" acts against the deal)
            polar = cue_frame or negated or bool(evaluative) or any(
                (t.spec.frame and not t.spec.transparent)
                or (t.spec.polarity < 0 and not (t in linked and t.spec.issue == "presence")) for t in contrib)
            if not polar:
                continue  # "محادثات مع تركيا", "وجود القوات": naming an issue is no stance
            start = min(min(t.start for t in contrib), pos if lo <= pos < hi else b)
            end = max(max(t.end for t in contrib), pend if lo <= pos < hi else 0)
            rule = "+".join(t.spec.frame or t.spec.issue for t in contrib)
            out.append(_Chain(start, end, holder_here, tgt, pol, issue, rule, reported=reported))
    return out


def issue_hint(contrib: list[Trig]) -> str | None:
    return next((t.spec.issue for t in contrib if t.spec.issue), None)


def _undergoes(v: _View, contrib: list[Trig], pos: int) -> bool:
    """"الانتقادات التي تلقتها السعودية": the target undergoes the attitude."""
    a = min(t.start for t in contrib)
    lo = max(0, a - 30)
    words = v.text[lo:max(pos, a)].split()
    return any(w in v.lex.undergo for w in words)


def _chain_of(v: _View, clause: list[Trig], linked: list[Trig], pos: int) -> list[Trig]:
    """The triggers that compose into the stance toward a target: those pointing at it, and the
    chain of triggers before them ("يريد خروج …"، "رحّب بقرار الانسحاب من الاتفاق مع …"), each
    within a few words of the next (a frame — الدعوات … لرحيل — reaches a clause).

    A repeated issue counts once ("الصين عدو …، هي عدو" is not a double negative).
    """
    chain = list(linked)
    anchor = min([pos] + [t.start for t in linked])
    for t in reversed([t for t in clause if t.end <= anchor and t not in chain]):
        gap = v.text[t.end:anchor]
        if v.nwords(t.end, anchor) > (WINDOW if t.spec.frame else 4) or _COORD_RE.search(gap):
            break  # too far, or a new conjunct ("…، وعقد اتفاق")
        chain.append(t)
        anchor = t.start
    out, seen = [], {}
    for t in sorted(chain, key=lambda t: abs(t.start - pos)):
        if t.spec.issue:
            if t.spec.issue in seen:
                if seen[t.spec.issue] != t.spec.polarity:
                    return []  # "الانسحاب أو البقاء في الاتفاق": both ways, no stance
                continue
            seen[t.spec.issue] = t.spec.polarity
        out.append(t)
    return sorted(out, key=lambda t: t.start)


def _issue(v: _View, linked: list[Trig], pos: int, pend: int) -> str | None:
    """The issue of the trigger that points at the target from nearest."""
    def dist(t: Trig) -> int:
        return v.nwords(t.end, pos) if t.end <= pos else v.nwords(pend, t.start)
    for t in sorted(linked, key=dist):
        if t.spec.issue or t.spec.on_actor:
            return t.spec.issue or t.spec.on_actor
    return None


def _negated(v: _View, t: Trig, clause: list[Trig], negs, lo: int) -> bool:
    """A negator within reach before t, with no other trigger in between, flips t."""
    win = v.lex.negation_window
    i = bisect.bisect_left(negs, (t.start, 0)) - 1
    while i >= 0:
        ns, ne = negs[i]
        if ns < lo or v.nwords(ne, t.start) > win:
            return False
        if ne <= t.start:
            between = [x for x in clause if ne <= x.start < t.start]
            text = v.text[ne:t.start]
            return not between and "," not in text
        i -= 1
    return False


def _same_state(v: _View, a: str, b: str) -> bool:
    x, y = v.actor(a), v.actor(b)
    return bool(x and y and x.country and x.country == y.country)


def _self_stance(v: _View, holder: str, target: str) -> bool:
    """A holder toward itself or toward its own state's forces (البنتاغون → القوات الأميركية)."""
    if holder == target:
        return True
    h, t = v.actor(holder), v.actor(target)
    if h is None or t is None:
        return False
    if h.code and h.code == t.code:
        return True
    return bool(h.country) and h.country == t.country and h.type in STATE_TYPES and t.type in STATE_TYPES


def _targets(v: _View, t: Trig, lo: int, hi: int, holder: str) -> list[tuple[str, int, int]]:
    """(actor, start, end) the trigger points at; start/end are the evidence of the target."""
    spec = t.spec
    if spec.slot == "none" or (spec.issue is None and not spec.on_actor):
        return []
    out = []
    if spec.slot in ("after", "both"):
        got = _after(v, t, hi, holder, reach=1 if spec.on_actor else 6)
        if got is None and t.b_prefix and spec.issue == "presence":  # "طالب تركيا بالانسحاب"
            got = _before(v, t, lo, holder, reach=3)
        if got is not None:
            out.append(got)
    if spec.slot in ("before", "both") and not out and not t.prep and not (t.possessed and spec.issue == "enmity"):
        got = _before(v, t, lo, holder, reach=8)
        if got is not None:
            out.append(got)
    return out


def _after(v: _View, t: Trig, hi: int, holder: str, reach: int = 6):
    if t.pronoun:
        aid = _antecedent(v, t.start, holder)
        return (aid, t.end, t.end) if aid else None
    limit = hi
    k = bisect.bisect_left(v.words, t.end)
    if k + reach < len(v.words):
        limit = min(limit, v.words[k + reach])
    text = v.text
    issue = t.spec.issue
    preps = _PRESENCE_PREPS if issue == "presence" else _ATTITUDE_PREPS if t.spec.attitude else _AFTER_PREPS
    # a verb's subject, or a noun's genitive agent ("اتهامات هولندا"), follows it: not the target
    subject = _direct_after(v, t.end, hi) if t.spec.form == "verb" or (t.spec.attitude and t.spec.form == "noun"
                                                                       and not t.spec.neutral) else None
    if t.spec.attitude and not t.spec.neutral:
        k3 = bisect.bisect_left(v.words, subject.end if subject is not None else t.end) + 3
        if k3 < len(v.words):
            limit = min(limit, v.words[k3])  # an attitude's object is near it (after its subject)
    cand = None
    for m in v.starting_in(t.end, limit):
        if subject is not None and (m is subject or _coordinated(v, subject, m)):
            continue  # "نددت دمشق وحليفتها موسكو بـ…": the verb's own subjects are no targets
        if m.actor == holder:
            return None  # the trigger is about the holder itself ("عقوبات على روسيا" said by Russia)
        if v.governed_by_fi(m, preps) and v.nwords(t.end, m.start) > 0:
            continue  # (a preposition that ends the trigger — "عقوبات على" — governs its target)
        from_ = subject.end if subject is not None and subject.end <= m.start else t.end
        between = [w for w in _WORD_RE.findall(text, from_, m.start) if len(w) > 1]  # not the ل of للقوات
        if _is_nisba(text[m.start:m.end]) and between and not (
                len(between) == 1 and between[0].lstrip("وفبلك") in _NISBA_HEADS | _bare(_NISBA_HEADS)):
            continue  # "لمن هاجموا السفينة التونسية": the adjective qualifies another noun
        if any(w.startswith("ل") and not w.startswith("لل") and len(w) > 3 for w in between):
            break  # a purpose clause ("يدعم التدخل لوقف قدرات الحكومة") is about something else
        if issue == "presence" and not all(_presence_filler(w) for w in between):
            continue  # "وجود تهديدات ضد الإعلامي السعودي": existence of something else
        if issue in ("talks", "cooperation") and not _after_word(text, m.start, ("مع", "ومع")):
            continue  # talks or cooperation are with someone ("محادثات مع كوريا")
        if issue == "agreement" and not (_after_word(text, m.start, ("مع", "ومع")) or
                                         (_is_nisba(text[m.start:m.end]) and len(between) <= 1)):
            continue  # "اتفاق القاهرة" names a place; "الاتفاق مع إيران"، "الاتفاق النووي الإيراني"
        cand = (m.actor, m.start, m.end)
        break
    # "متهمة إياها بـ…": the object pronoun names an actor named before
    nxt = _WORD_RE.search(text, t.end, limit)
    if nxt is not None and nxt.group() in ("اياه", "اياها", "اياهم") and (cand is None or cand[1] > nxt.start()):
        aid = _antecedent(v, t.start, holder)
        return (aid, nxt.start(), nxt.end()) if aid else None
    # A country adjective on the trigger or on an action noun after it ("الحملة الإسرائيلية")
    if t.spec.issue not in ("talks", "cooperation"):
        words = list(_WORD_RE.finditer(text, t.end, cand[1] if cand else limit))[:2]
        for i, w in enumerate(words):
            word = w.group()
            if i == 1 and normalize(words[0].group()).lstrip("وفبلك") not in _NISBA_HEADS \
                    and "ال" + words[0].group()[2:] not in _NISBA_HEADS:
                break
            if word.startswith("ال") and (word.endswith("ي") or word.endswith("يه")):
                aid = v.nisba(word)
                if aid and aid != holder:
                    return aid, w.start(), w.end()
    if cand:
        return cand
    dm = _DEMONSTRATIVE_RE.match(text, _skip_space(text, t.end))
    if dm:
        aid = _by_head(v, dm.group(1), dm.start(), holder)
        if aid:
            return aid, dm.start(), dm.end()
    return None


_COPULA = word_set(
    "لم لا لن ليس ليست يعد تعد يعود تعود بات باتت أصبح أصبحت يعتبر تعتبر يبقى تبقى يظل تظل كان كانت "
    "قد هو هي هم بأنه بأنها بأنهم أنه أنها إنه إنها يمثل تمثل يشكل تشكل يؤدي تؤدي إلى تثير يثير "
    "يكن تكن يكون تكون يجب ينبغي ألا أن "
    "أكبر أهم أخطر أقرب أكثر أشد مجرد دولة بلد طرف جهة")


_RELATIVE_DEM = frozenset(normalize(w) for w in "الذي التي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء".split())


def _copula_only(v: _View, a: int, b: int) -> bool:
    """Only copulas, negators or a place phrase between a subject and its predicate?"""
    words = [w.group() for w in _WORD_RE.finditer(v.text, a, b)]
    i = 0
    # the subject's own modifiers first ("التحالف المناهض لتنظيم الدولة الإسلامية لم يعد …")
    while i < len(words) and i < 5 and words[i] not in _RELATIVE_DEM and words[i] not in _COPULA \
            and (words[i].startswith(("ال", "لل")) or (words[i].startswith("ل") and len(words[i]) > 3)):
        i += 1
    while i < len(words):
        w = words[i]
        if w in ("في", "وفي"):
            i += 2  # "الجيش الأميركي في العراق تؤدي إلى …"
            continue
        if w not in _COPULA and w not in _LINK:
            return False
        i += 1
    return True


def _after_word(text: str, start: int, words: tuple[str, ...]) -> bool:
    prev = _WORD_RE.findall(text, max(0, start - 12), start)
    return bool(prev) and prev[-1] in words


def _is_nisba(mention_text: str) -> bool:
    w = mention_text.strip()
    return " " not in w and w.startswith("ال") and (w.endswith("ي") or w.endswith("يه"))


@lru_cache(maxsize=4)
def _bare(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w[2:] for w in words if w.startswith("ال"))


_FORCE_NOUNS = word_set(
    "قوات القوات جنود الجنود القواعد قواعد المقاتلين مقاتلين مقاتلي الميليشيات ميليشيات المستشارين "
    "العسكري العسكرية العسكريين عناصر جميع كل بعثة البعثة")


def _presence_filler(w: str) -> bool:
    """Words allowed between a presence trigger and its actor: forces, quantifiers, adverbs."""
    core = w.lstrip("وفبل")
    return (w in _FORCE_NOUNS or core in _FORCE_NOUNS or "ال" + core in _FORCE_NOUNS
            or (w.endswith("ا") and len(w) > 3))  # "خروجاً سريعاً ومنظماً للقوات"


def _coordinated(v: _View, first: NMention, m: NMention) -> bool:
    """Is m joined to first by و within three words ("دمشق وحليفتها موسكو")?"""
    between = v.text[first.end:m.start].split()
    return 0 < len(between) <= 3 and between[0].startswith("و") or v.text[first.end:m.start].strip() == "و"


def _before(v: _View, t: Trig, lo: int, holder: str, reach: int):
    text = v.text
    cands = [m for m in v.mentions_in(lo, t.start) if m.actor != holder and not v.governed_by_fi(m)
             and v.nwords(m.end, t.start) <= reach]
    best = cands[-1] if cands else None
    if best is not None and _is_nisba(text[best.start:best.end]):
        prev = _WORD_RE.findall(text, max(0, best.start - 20), best.start)
        if prev and prev[-1].lstrip("وفبل") not in _NISBA_HEADS | _bare(_NISBA_HEADS):
            best = None  # "العلاقات الأمريكية البريطانية … لا غنى عنها": the relations, not Britain
    if best is not None and ("," in v.text[best.end:t.start] or not _copula_only(v, best.end, t.start)):
        best = None  # "الاتحاد الأوروبي عازم على الحفاظ على هذا الاتفاق الذي يعد ضروريا"
    if best is not None and t.spec.issue == "enmity":
        # "روسيا، حليفة دمشق": a relation between two others, unless the other is the holder
        k = bisect.bisect_left(v.words, t.end)
        nxt = v.starting_in(t.end, v.words[k + 3] if k + 3 < len(v.words) else t.end + 40)
        if nxt and nxt[0].actor != holder and not _same_state(v, nxt[0].actor, holder):
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


def _by_head(v: _View, noun: str, before: int, holder: str) -> str | None:
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


def _antecedent(v: _View, pos: int, holder: str) -> str | None:
    """An attached pronoun's antecedent: the nearest actor named before (not the holder)."""
    i = bisect.bisect_left(v.m_starts, pos) - 1
    while i >= 0 and pos - v.mentions[i].start < 300:
        m = v.mentions[i]
        if m.actor != holder and not v.governed_by_fi(m):
            return m.actor
        i -= 1
    return None


UNKNOWN = "?"  # a subject is there but names no actor of the document
_LINK = word_set(
    "قد وقد فقد كان كانت وكان وكانت لا ولا لم ولم لن ما اليوم أمس الاثنين الثلاثاء الأربعاء الخميس "
    "الجمعة السبت الأحد يوم أيضا بدوره بدورها بشدة رسميا علنا")


def _link_only(v: _View, a: int, b: int) -> bool:
    return all(w.group() in _LINK or w.group().isdigit() for w in _WORD_RE.finditer(v.text, a, b))


def _direct_before(v: _View, pos: int, lo: int) -> NMention | None:
    ms = [m for m in v.mentions_in(lo, pos) if not m.prepositional]
    if ms and _link_only(v, ms[-1].end, pos) and "," not in v.text[ms[-1].end:pos]:
        return ms[-1]
    return None


def _direct_after(v: _View, pos: int, hi: int) -> NMention | None:
    k = bisect.bisect_left(v.words, pos)
    limit = v.words[k + 4] if k + 4 < len(v.words) else hi
    for m in v.starting_in(pos, min(hi, limit)):
        if not m.prepositional and _link_only(v, pos, m.start):
            return m
        break
    return None


def _agent(v: _View, t: Trig, clause: list[Trig], lo: int, hi: int) -> str | None:
    """The subject of an agentive trigger: an actor id, UNKNOWN, or None (pronoun/elided)."""
    form = t.spec.form
    if form == "verb":
        m = (None if t.conj else _direct_before(v, t.start, lo)) or _direct_after(v, t.end, hi)
        if m is not None:
            return m.actor
        return None if _link_only(v, lo, t.start) else UNKNOWN
    word = v.text[t.start:t.end]
    if form == "participle":
        if word.lstrip("وف").startswith(("ال", "لل")) or not _link_only(v, lo, t.start):
            # "العراق، … من بين أشد المنتقدين": the subject of the sentence
            first = next((m for m in v.mentions_in(lo, t.start) if not m.prepositional), None)
            return first.actor if first else UNKNOWN
        return None
    # a noun: its agent follows it ("اتهامات لندن"), or, for a call, comes before the issue
    # ("الدعوات التي أطلقتها فصائل … لرحيل")
    m = _direct_after(v, t.end, hi)
    if m is not None:
        return m.actor
    if t.spec.frame:
        nxt = next((x for x in clause if x.start > t.start and x.spec.issue), None)
        if nxt is not None:
            for m in v.mentions_in(t.end, nxt.start):
                if not m.prepositional:
                    return m.actor
    return None


def _prep(v: _View, m: NMention) -> bool:
    return m.prepositional
