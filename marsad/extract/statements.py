"""The statements stage: reported speech — who said what, through which cue, and when.

Cues are data (``resources/speech_cues.yaml``): speech verbs by family and agreement, their
circumstantial participles (مضيفاً), nominal cues (القول إنّ، قوله), and attribution phrases
(وفق/بحسب/نقلاً عن). One compiled regex over the normalised document finds every cue; each
cue is then read with a few positional rules:

* verb + [speaker] + complement (إنّ/أنّ/بأنّ، إلى أنّ، :، «…») — the content follows;
* content + "، كما يقول X" / «…»، قال X — the speaker follows the content (post-posed);
* participle (مضيفاً أن، واصفاً …) — a further statement of the speaker of the clause;
* "القول إنّ" / "نقل عن X قوله" — nominal cues;
* وفق/بحسب + source — attribution; when the clause has its own speech verb the source is the
  channel the statement was reported through (``via``).

Speakers come from the actors layer (``doc.mentions``). A pronoun (لكنه) or elided subject
(وأضاف، من جهة أخرى يشير) takes the nearest earlier speaker whose agreement fits the cue.
All matching runs on normalised text; offsets are mapped back to the original.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex
import yaml

from marsad.doc import Doc, Provenance, Statement
from marsad.text.normalize import NormText, normalize, word_set

STAGE = "statements"

_WORD = r"[\p{L}\p{N}]"
_TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]|_")
THAT = word_set(
    "إن أن إنه أنه إنها أنها إنهم أنهم إنهما أنهما إنهن أنهن إننا أننا إنني أنني إني أني "
    "بأن بأنه بأنها بأنهم بأنهما بأننا فإن فإنه فإنها فإنهم")
OPEN_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "”"}
CLOSE_QUOTES = frozenset("»”\"")
PREPOSITIONS = word_set(
    "في من عن مع خلال أمام إلى على لدى عبر نحو ضد حول بشأن تجاه إزاء عند لصالح بين منذ بعد قبل "
    "وفي ومن وعن ومع وإلى وعلى")
# Words that open an adjunct between a verb and its complement (قال أيضاً، قال الاثنين …).
ADJUNCTS = word_set(
    "أيضا أيضاً كذلك اليوم أمس غدا الليلة الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد "
    "يوم صباح مساء اليوم، لاحقا سابقا مؤخرا حينها بدوره بدورها قد كان كانت للصحفيين للصحافيين "
    "للصحافة لوسائل بيان تصريح تصريحات تغريدة كلمة مؤتمر مقابلة حديث")
B_STOP = word_set(
    "بين بعد بشأن بسبب بدون بها به بهم بهن بعض بن بنت بل بينما بلاده بلادها بالقرب بما بكل "
    "بحسب بعدما بدء بدأ بقيادة برئاسة بمشاركة بحضور بدوره بدورها بمناسبة بخصوص")
# "غير أن" (however), "بعد أن" (after) …: أن that introduces no reported content.
NOT_COMP_BEFORE = word_set(
    "غير إلا بيد رغم برغم بعد قبل منذ حتى يمكن يجب ينبغي بد دون بدون مجرد لابد يمكنه")
IRREALIS = frozenset(normalize(w) for w in "إذا لو".split())
# Families whose verb takes an object before the content (طالب X بـ، دعا X إلى، حث X على، حذر X من).
_OBJECT_FIRST = frozenset({"demand", "call", "urge", "warn"})
_RELATIVE_HEADS = frozenset(normalize(w) for w in "التي الذي الذين من ما".split())
RELATIVES = frozenset(normalize(w) for w in "التي الذي الذين اللذين اللتين اللواتي".split())
# "العديد من الجماعات": the subject is under من after a quantifier.
QUANTIFIERS = frozenset(normalize(w) for w in "العديد عدد بعض أحد إحدى مجموعة كثير عشرات مئات آلاف".split())


@dataclass(slots=True)
class CueForm:
    family: str
    kind: str  # verb | participle | noun | attribution
    gender: str | None  # m | f | p | None
    comps: tuple[str, ...] = ()
    post: bool = False
    speaker_after: str | None = None
    bare: bool = False  # noun without a possessive (القول)


def trie_pattern(words) -> str:
    """A regex alternation of ``words`` factored as a trie: one pass, no per-word backtracking."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        end = "" in node
        if len(alts) == 1 and not end:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if end else "")

    return build(trie)


class WordHit:
    """A match of a word-level scan: the whole span plus its prefix / stem / suffix parts."""

    __slots__ = ("_s", "_e", "_parts")

    def __init__(self, s: int, e: int, parts: dict[str, tuple[int, int, str]]):
        self._s, self._e, self._parts = s, e, parts

    def start(self, name: str | None = None) -> int:
        return self._s if name is None else self._parts[name][0]

    def end(self, name: str | None = None) -> int:
        return self._e if name is None else self._parts[name][1]

    def group(self, name: str | None = None) -> str:
        return self._parts[name][2] if name else self._parts["all"][2]


def scan(pattern: re.Pattern, text: str, split, pos: int = 0, endpos: int | None = None):
    """WordHits of ``pattern`` in text; ``split(word)`` returns (prefix, stem, suffix) or None."""
    for m in pattern.finditer(text, pos, len(text) if endpos is None else endpos):
        w = m.group()
        parts = split(w)
        if parts is None:
            continue
        pre, stem, suf = parts
        s = m.start()
        a, b = s + len(pre), s + len(pre) + len(stem)
        yield WordHit(s, m.end(), {"pre": (s, a, pre), "cue": (a, b, stem), "t": (a, b, stem),
                                   "suf": (b, m.end(), suf), "all": (s, m.end(), w)})


@dataclass
class Lexicon:
    forms: dict[str, CueForm]
    regex: re.Pattern
    source_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    pronouns: dict[str, str]
    impersonal_bare: frozenset[str]
    impersonal_before: frozenset[str]
    masculine_places: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files("marsad.resources").joinpath("speech_cues.yaml").read_text("utf-8"))
    forms: dict[str, CueForm] = {}

    def add(word: str, form: CueForm) -> None:
        forms.setdefault(normalize(word), form)

    for fam, spec in data["families"].items():
        comps = tuple(normalize(c) for c in spec.get("complements", []))
        post = bool(spec.get("post"))
        after = normalize(spec["speaker_after"]) if spec.get("speaker_after") else None
        for g, words in spec.get("verbs", {}).items():
            for w in words:
                add(w, CueForm(fam, "verb", g, comps, post, after))
        for g, words in spec.get("participles", {}).items():
            for w in words:
                add(w, CueForm(fam, "participle", g, comps))
    nouns = data["nouns"]
    ncomps = tuple(nouns["complements"])
    for key in ("bare", "m", "f", "p"):
        for w in nouns.get(key, []):
            add(w, CueForm("say", "noun", None if key == "bare" else key, ncomps, bare=key == "bare"))
    for w in data["attribution"]:
        add(w, CueForm("attribution", "attribution", None))
    # Every form with and without a conjunction, as one trie regex (stdlib re: fastest here).
    pattern = re.compile(r"\b(?:" + trie_pattern({p + f for p in ("", "و", "ف") for f in forms}) + r")\b")
    pronouns = {}
    for g, words in data["pronoun_subjects"].items():
        for w in words:
            pronouns[normalize(w)] = g
    return Lexicon(
        forms=forms,
        regex=pattern,
        source_nouns=frozenset(normalize(w) for w in data["source_nouns"]),
        reporting_verbs=frozenset(normalize(w) for w in data["reporting_verbs"]),
        pronouns=pronouns,
        impersonal_bare=frozenset(normalize(w) for w in data["impersonal_bare"]),
        impersonal_before=frozenset(normalize(w) for w in nouns["impersonal_before"]),
        masculine_places=frozenset(normalize(w) for w in data["masculine_places"]),
    )


def norm_text(doc: Doc) -> NormText:
    """The document's normalised text with its offset map (shared by the stages)."""
    return doc.norm()


# -- per-document view in normalised coordinates ------------------------------------------
@dataclass(slots=True)
class NMention:
    start: int
    end: int
    actor: str
    prepositional: bool  # governed by a preposition (لـ، بـ، في، عن …): not a subject


@dataclass
class _Found:
    """A statement under construction, in normalised offsets."""

    start: int
    end: int
    cue: tuple[int, int]
    speaker: str | None
    direct: bool
    rule: str
    sentence: int
    gender: str | None = None
    via: tuple[int, int] | None = None
    speaker_span: tuple[int, int] | None = None
    extra: dict = field(default_factory=dict)


class _Ctx:
    def __init__(self, doc: Doc, nt: NormText):
        self.doc = doc
        self.nt = nt
        self.text = nt.text
        self.mentions = ms = _norm_mentions(doc, nt)
        self.m_starts = [m.start for m in ms]
        self.found: list[_Found] = []
        self.cue_starts: list[int] = []
        self.gender_cache: dict[str, str | None] = {}

    def mentions_in(self, s: int, e: int) -> list[NMention]:
        i = bisect.bisect_left(self.m_starts, s)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < e:
            m = self.mentions[i]
            if m.end <= e:
                out.append(m)
            i += 1
        return out


def _is_prepositional(text: str, start: int) -> bool:
    """Is the word at ``start`` governed by a preposition (attached ل/ب/ك or a free one)?"""
    i = start - 1
    if i >= 0 and text[i].isalpha():
        # attached proclitics: the letter touching the word decides (والعراق vs بالعراق)
        return text[i] in "لبك"
    j = i
    while j >= 0 and text[j] == " ":
        j -= 1
    k = j
    while k >= 0 and text[k].isalpha():
        k -= 1
    return text[k + 1:j + 1] in PREPOSITIONS


def mention_view(doc: Doc) -> _Ctx:
    """The document's actor mentions in normalised offsets (shared with the stances stage)."""
    return _Ctx(doc, norm_text(doc))


def _norm_mentions(doc: Doc, nt: NormText) -> list[NMention]:
    """Mentions in normalised offsets, outermost only; cached while the mentions layer is unchanged."""
    key = (id(doc.mentions), len(doc.mentions), id(nt))
    got = doc.cache.get("_st_mentions")
    if got is not None and got[0] == key:
        return got[1]
    ms: list[NMention] = []
    text = nt.text
    for m in sorted(doc.mentions, key=lambda m: (m.start, -m.end)):
        s, e = nt.from_original(m.start), nt.from_original(m.end)
        if ms and s < ms[-1].end:
            continue  # nested in a longer mention ("التحالف المناهض لتنظيم الدولة")
        if e > s:
            ms.append(NMention(s, e, m.actor, _is_prepositional(text, s) and not _after_quantifier(text, s)))
    doc.cache["_st_mentions"] = (key, ms)
    return ms


def _after_quantifier(text: str, start: int) -> bool:
    head = text[max(0, start - 20):start].split()
    return len(head) >= 2 and head[-1] == "من" and head[-2] in QUANTIFIERS


def actor_gender(ctx: _Ctx, actor_id: str) -> str | None:
    """Grammatical agreement of an actor: m, f, p or None (unknown)."""
    if actor_id in ctx.gender_cache:
        return ctx.gender_cache[actor_id]
    actor = ctx.doc.actors.get(actor_id)
    g = None
    if actor is not None:
        head = normalize(actor.name.split()[0]) if actor.name else ""
        lex = lexicon()
        if actor.kind == "PER":
            g = None  # a person's name does not tell the grammatical gender
        elif head in lex.masculine_places:
            g = "m"
        elif head.endswith("ه") or head.endswith("ات"):
            g = "f"
        elif actor.kind in ("GPE", "LOC"):
            g = "m" if head.startswith("ال") else "f"
        elif head.endswith(("ون", "ين")) or head.startswith("ال") and head in _BROKEN_PLURALS:
            g = "p"
    ctx.gender_cache[actor_id] = g
    return g


_BROKEN_PLURALS = word_set(
    "الفصائل الجماعات القوات الميليشيات المليشيات المسلحين المتظاهرين المحتجين الحوثيون الحوثيين "
    "السلطات المسؤولون الدول الأحزاب المعارضة القادة الزعماء الوزراء النواب")


def compatible(ctx: _Ctx, actor_id: str, gender: str | None) -> bool:
    if gender is None:
        return True
    g = actor_gender(ctx, actor_id)
    if g is None:
        return True
    if gender == "p":
        return g in ("p", "f")  # broken plurals of things agree in the feminine singular
    if gender == "f":
        return g in ("f", "p")
    return g == "m"


# -- the stage ---------------------------------------------------------------------------
class StatementsStage:
    name = STAGE

    def __call__(self, doc: Doc) -> Doc:
        doc.statements = extract(doc)
        return doc


def extract(doc: Doc) -> list[Statement]:
    lex = lexicon()
    nt = norm_text(doc)
    text = nt.text
    sents = [s for s in doc.content_sentences()]
    if not sents:
        return []
    ctx = _Ctx(doc, nt)
    # Bucket cue matches by sentence (one pass of the compiled regex over the whole document).
    spans = [(nt.from_original(s.start), nt.from_original(s.end), s.index) for s in sents]
    starts = [sp[0] for sp in spans]
    by_sent: dict[int, list] = {}
    forms = lex.forms

    def split(w: str):
        if w in forms:
            return "", w, ""
        if w[:1] in "وف" and w[1:] in forms:
            return w[:1], w[1:], ""
        return None

    for m in scan(lex.regex, text, split):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= spans[i][1]:
            by_sent.setdefault(i, []).append(m)
    for i, (ss, se, sidx) in enumerate(spans):
        cues = by_sent.get(i)
        if cues:
            _sentence(ctx, lex, ss, se, sidx, cues)
    out = []
    for f in sorted(ctx.found, key=lambda f: (f.start, f.end)):
        s, e = to_original(nt, f.start, f.end)
        out.append(Statement(
            start=s, end=e, speaker=f.speaker, direct=f.direct,
            prov=Provenance(STAGE, f.rule),
            cue=to_original(nt, *f.cue),
            date=date_of(doc, s, e),
            via=nt.to_original(*f.via) if f.via else None,
            speaker_span=nt.to_original(*f.speaker_span) if f.speaker_span else None,
        ))
    return out


def date_of(doc: Doc, start: int, end: int) -> str | None:
    """Date of a statement: the times layer's anchor (a time in its sentence, else publication)."""
    try:
        from marsad.extract.times import anchor
    except ImportError:  # the times layer without its anchor helper
        return doc.published
    return anchor(doc, start, end)


def to_original(nt: NormText, s: int, e: int) -> tuple[int, int]:
    """Original span of a normalised one, keeping the diacritics of its last letter (جداً)."""
    a, b = nt.to_original(s, e)
    text = nt.original
    while b < len(text) and not normalize(text[b]) and not text[b].isspace():
        b += 1
    return a, b


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str


def _tokens(text: str, s: int, e: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, s, e)]


def _sentence(ctx: _Ctx, lex: Lexicon, ss: int, se: int, sidx: int, cues) -> None:
    text = ctx.text
    toks = _tokens(text, ss, se)
    tstarts = [t.start for t in toks]

    def tok_at(off: int) -> int:
        return bisect.bisect_left(tstarts, off)

    items = []
    ctx.cue_starts = [m.start() for m in cues if lex.forms[m.group("cue")].kind != "attribution"]
    quotes = _quote_regions(text, ss, se)
    for m in cues:
        if any(a < m.start() < b for a, b in quotes):
            continue  # a cue inside a quotation is the quoted speaker's own words ("أعتقد أن …")
        form = lex.forms[m.group("cue")]
        items.append((m, form))
    # Clause-initial cues cut the content of earlier statements in the sentence.
    boundaries = []
    for m, form in items:
        b = _clause_start(text, toks, tok_at(m.start()), m, form, ss)
        if b is not None:
            boundaries.append(b)
    attributions = [(m, f) for m, f in items if f.kind == "attribution"]
    via_spans = []
    for m, _ in attributions:
        ph = _source_phrase(ctx, lex, toks, tok_at(m.end()), se)
        if ph is not None:
            via_spans.append((m.start(), m.end(), ph[0], ph[1]))
    first_local = len(ctx.found)
    skip_noun_at: set[int] = set()
    for idx, (m, form) in enumerate(items):
        if form.kind == "attribution" or m.start() in skip_noun_at:
            continue
        kp = tok_at(m.start()) - 1
        if form.kind == "verb" and not m.group("pre") and kp >= 0 and toks[kp].text in _RELATIVE_HEADS:
            continue  # "التي قال إنها"، "من تعتقد أنه": the speaker is a relative antecedent
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


_STRAIGHT_RE = re.compile('"')


def _quote_regions(text: str, ss: int, se: int) -> list[tuple[int, int]]:
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


def _clause_start(text: str, toks: list[_Tok], k: int, m, form: CueForm, ss: int) -> int | None:
    """Offset where the clause of this cue begins when it is clause-initial, else None."""
    prev = toks[k - 1] if k > 0 else None
    if form.kind == "attribution":
        if prev is None or prev.text in (",", "-", "–", "(", ";"):
            return prev.start if prev else m.start()
        return None
    if prev is not None and prev.text == "كما":
        prev2 = toks[k - 2] if k > 1 else None
        return (prev2.start if prev2 and prev2.text == "," else prev.start)
    if prev is not None and prev.text in (",", ";"):
        return prev.start
    if form.kind == "participle" and prev is not None:
        return m.start()
    if m.group("pre") and prev is not None and prev.text in CLOSE_QUOTES:
        return m.start()
    if m.group("pre") == "و" and form.kind == "verb" and form.gender and m.group("cue")[:1] not in "يت":
        return m.start()  # "قال إن الوقت يضيق وشدد على …": a coordinated speech verb
    return None


def _find_complement(ctx: _Ctx, toks: list[_Tok], k: int, form: CueForm, limit: int):
    """(token index of the complement, content start offset, kind) after token k, or None."""
    text = ctx.text
    end = min(len(toks), k + limit)
    relative = False
    paren = k < len(toks) and toks[k].text == ","
    skip_to = -1
    for j in range(k, end):
        if j <= skip_to:
            continue
        t = toks[j]
        w = t.text
        if w == "," and j + 1 < len(toks) and toks[j + 1].text[:1] == "و" and len(toks[j + 1].text) > 2:
            break  # "، وكتبت السفارة …": a new clause
        if w == "," and form.kind == "participle" and j > k:
            if paren:
                paren = False  # "معرباً، في الوقت نفسه، عن أمله": a parenthetical
                continue
            break  # a participle's complement follows it closely
        if w in IRREALIS and form.comps and any(c in ("الي", "علي", "عن", "ب") for c in form.comps):
            break  # "داعياً المسلمين لشن هجمات، إذا لم يتمكنوا من الهجرة إلى …"
        if "that" in form.comps and w in THAT and not (j > k and toks[j - 1].text in NOT_COMP_BEFORE):
            return j, t.end, "that"
        if "colon" in form.comps and w == ":":
            return j, t.end, "colon"
        if "quote" in form.comps and w in OPEN_QUOTES:
            inside = _quoted(text, t.start, len(text))
            # A short quoted name in the subject (أعلن تنظيم "جيش الإسلام"، …، أنه …) is no content.
            if inside and _n_words(text, *inside) <= 4 and j > k and any(
                    x.text in THAT for x in toks[j + 1:end]):
                close = text.find(OPEN_QUOTES[w], inside[1])
                while skip_to + 1 < end and toks[skip_to + 1].start <= close:
                    skip_to += 1
                skip_to = max(skip_to, j)
                continue
            return j, t.start, "quote"
        nxt = toks[j + 1].text if j + 1 < len(toks) else ""
        for c in form.comps:
            if " " in c:
                prep, comp = c.split(" ", 1)
                if w == prep and nxt in THAT:
                    return j, toks[j + 1].end, c
        if w in RELATIVES:
            relative = True  # "دعت الجماعات التي أوصلت الحكومة إلى السلطة إلى …": skip its own إلى
            continue
        if w in form.comps and w in ("علي", "الي", "عن"):
            if relative:
                relative = False
                continue
            return j, t.end, w
        if "ب" in form.comps and w.startswith("ب") and len(w) >= 4 and w not in B_STOP \
                and not _inside_mention(ctx, t.start):
            return j, t.start + 1, "ب"
        if w in (".", "!", "?"):
            break
    return None


def _n_words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def _inside_mention(ctx: _Ctx, off: int) -> bool:
    """Is the character after ``off`` inside an actor mention?"""
    i = bisect.bisect_right(ctx.m_starts, off + 1) - 1
    return i >= 0 and ctx.mentions[i].start <= off + 1 < ctx.mentions[i].end


def _subject_in(ctx: _Ctx, s: int, e: int, vias) -> NMention | None:
    """The first mention of [s, e) in subject position (not under a preposition, not a via)."""
    for m in ctx.mentions_in(s, e):
        if any(a <= m.start < b for _, _, a, b in vias):
            continue
        if not m.prepositional:
            return m
    return None


def _resolve(ctx: _Ctx, gender: str | None, before: int, ss: int, sidx: int, first_local: int) -> str | None:
    """Speaker of a pronoun or elided subject: nearest earlier compatible speaker."""
    for f in reversed(ctx.found[first_local:]):
        if f.sentence == sidx and f.speaker and f.cue[0] < before and compatible(ctx, f.speaker, gender):
            return f.speaker
    m = next((m for m in ctx.mentions_in(ss, before) if not m.prepositional
              and compatible(ctx, m.actor, gender)), None)
    if m is not None:
        return m.actor
    for f in reversed(ctx.found):
        if f.sentence < sidx and f.sentence >= sidx - 4 and f.speaker and compatible(ctx, f.speaker, gender):
            return f.speaker
    # The subject of the previous sentence(s).
    doc = ctx.doc
    sents = doc.content_sentences()
    for back in (1, 2):
        j = next((n for n, s in enumerate(sents) if s.index == sidx), None)
        if j is None or j - back < 0:
            break
        ps = sents[j - back]
        a, b = ctx.nt.from_original(ps.start), ctx.nt.from_original(ps.end)
        for m in ctx.mentions_in(a, b):
            if not m.prepositional and compatible(ctx, m.actor, gender):
                return m.actor
    return None


def _content_end(ctx: _Ctx, start: int, se: int, boundaries: list[int]) -> int:
    end = se
    for b in boundaries:
        if start < b < end:
            end = b
    return _trim_end(ctx.text, start, end)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,;:!?…-–"):
        end -= 1
    return end


def _trim_start(text: str, start: int, end: int) -> int:
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
    s = _trim_start(text, q + 1, c)
    e = _trim_end(text, s, c)
    return (s, e) if e > s else None


_COORD_RE = regex.compile(r",\s*و(?:ان|انه|انها|انهم|بان|بانه|بانها|ان)(?!\p{L})")


def _emit(ctx: _Ctx, start: int, end: int, cue, speaker, direct, rule, sidx, gender=None, via=None,
          speaker_span=None, split=True) -> None:
    """Add a statement; an indirect content "X، وأنّ Y" is two statements by the same speaker."""
    text = ctx.text
    start = _trim_start(text, start, end)
    end = _trim_end(text, start, end)
    if end - start < 3:
        return
    parts = [(start, end)]
    if split and not direct:
        parts = []
        pos = start
        for m in _COORD_RE.finditer(text, start, end):
            if _balanced_quotes(text, start, m.start()):
                parts.append((pos, _trim_end(text, pos, m.start())))
                pos = m.end()
        parts.append((_trim_start(text, pos, end), end))
    for a, b in parts:
        if b - a >= 3 and not any(f.start == a and f.end == b for f in ctx.found):
            ctx.found.append(_Found(a, b, cue, speaker, direct, rule, sidx, gender, via, speaker_span))


def _balanced_quotes(text: str, s: int, e: int) -> bool:
    seg = text[s:e]
    return seg.count("«") == seg.count("»") and seg.count("“") == seg.count("”") and seg.count('"') % 2 == 0


def _verbal(ctx, lex, toks, tok_at, m, form: CueForm, cue, ss, se, sidx, boundaries, vias, first_local):
    text = ctx.text
    k = tok_at(m.end())
    comp = _find_complement(ctx, toks, k, form, 30)
    # A complement only belongs to this cue if no other clause or cue starts in between
    # ("ونقلت الوكالة عن X، مدير المكتب، قوله إن …": the noun قوله carries it).
    if comp is not None and any(m.end() < b < toks[comp[0]].start for b in boundaries + ctx.cue_starts):
        comp = None
    if comp is not None:
        # The colon or quote may close a post-posed speaker ("«…»، قال المتحدث: …") — fine.
        j, cstart, kind = comp
        span_s, span_e = m.end(), toks[j].start
        speaker, sp_span, via = _speaker_for(ctx, lex, toks, tok_at, m, form, span_s, span_e, ss, sidx, vias,
                                             first_local)
        if speaker == "__impersonal__":
            return
        _content(ctx, m, cue, cstart, kind, speaker, form, se, sidx, boundaries, via, sp_span,
                 "participle" if form.kind == "participle" else "verb")
        return
    if "object" in form.comps:
        if form.kind == "participle":
            speaker = _resolve(ctx, form.gender, m.start(), ss, sidx, first_local)
            _emit(ctx, m.end(), _content_end(ctx, m.end(), se, boundaries), cue, speaker, False,
                  f"{form.family}.object", sidx, form.gender)
        else:
            sub = _subject_in(ctx, m.end(), min(se, m.end() + 60), vias)
            if sub is not None and text[m.end():sub.start].strip() == "":
                start, speaker, sp = sub.end, sub.actor, (sub.start, sub.end)
            else:
                start, speaker, sp = m.end(), _resolve(ctx, form.gender, m.start(), ss, sidx, first_local), None
            if regex.search(r"(?<!\p{L})ب", text[start:_content_end(ctx, start, se, boundaries)]):
                _emit(ctx, start, _content_end(ctx, start, se, boundaries), cue, speaker, False,
                      f"{form.family}.object", sidx, form.gender, speaker_span=sp)
        return
    if form.kind == "verb" and form.post:
        _postposed(ctx, lex, toks, tok_at, m, form, cue, ss, se, sidx, boundaries, vias)


def _speaker_for(ctx, lex, toks, tok_at, m, form, span_s, span_e, ss, sidx, vias, first_local):
    """(speaker id, speaker span, via span) of a verb or participle cue."""
    text = ctx.text
    via = None
    for a, b, ps, pe in vias:
        # in the speaker span ("قالت المنظمة - بحسب ما نقلته الوكالة - إنها …"), or right
        # before the cue ("لكنه، وفق ما نشر …، يؤكد بأن …")
        if span_s <= a < span_e or (ss <= a and pe <= m.start() and text[pe:m.start()].strip(" ,-–") == ""):
            via = (a, pe)
    if form.kind == "participle":
        return _resolve(ctx, form.gender, m.start(), ss, sidx, first_local), None, via
    if form.speaker_after:
        # "نقلت الوكالة عن مصدر أنّ …": the speaker follows عن; the subject is the channel.
        ws = [t for t in toks[tok_at(span_s):tok_at(span_e)]]
        for i, t in enumerate(ws):
            if t.text == form.speaker_after and i + 1 < len(ws):
                ms = ctx.mentions_in(ws[i + 1].start, span_e)
                subj = _subject_in(ctx, span_s, t.start, vias)
                via = (subj.start, subj.end) if subj else (span_s, t.start)
                sp_end = _trim_end(text, ws[i + 1].start, span_e)
                return (ms[0].actor if ms else None), (ws[i + 1].start, sp_end), via
        return "__impersonal__", None, via  # نقل without عن: transport, not speech
    sub = _subject_in(ctx, span_s, span_e, vias)
    words = [t for t in toks[tok_at(span_s):tok_at(span_e)] if t.text not in (",", "-", "–", "(", ")")
             and not any(a <= t.start < pe for a, _, _, pe in vias)]
    if sub is not None:
        if form.family in _OBJECT_FIRST and m.group("pre") and any(
                f.sentence == sidx and f.cue[0] < m.start() for f in ctx.found):
            # "وقال بيريز إنه شن الهجوم، ودعا الشعب الفنزويلي إلى …": the same speaker goes on
            prev = [f for f in ctx.found if f.sentence == sidx and f.cue[0] < m.start()][-1]
            return prev.speaker, prev.speaker_span, via
        # Only the subject right after the verb (VSO) or after an adjunct PP.
        return sub.actor, (sub.start, sub.end), via
    first = words[0].text if words else None
    pre = _preverbal(ctx, toks, tok_at, m, ss)
    if pre is not None and not m.group("pre"):
        return pre.actor, (pre.start, pre.end), via  # "كيم أبلغ مسؤولي كوريا الجنوبية أن …"
    if form.family in _OBJECT_FIRST:
        first = None  # "وطالب العالم العربي بـ…": an unresolved noun after the verb is its object
    if first is not None and first not in PREPOSITIONS and first not in ADJUNCTS and not first.startswith("ل") \
            and not _is_time_word(first) and not (first.endswith("ا") and len(first) > 3 and not first.startswith("ال")):
        # A subject the actors layer did not resolve ("قال مسؤول أمريكي …").
        end = words[0].end
        for t in words[1:4]:
            if t.text in PREPOSITIONS or t.text in ADJUNCTS or t.text[0] in "لب" or not t.text[0].isalpha():
                break
            end = t.end
        return None, (words[0].start, end), via
    # Elided or preverbal subject.
    before = m.start()
    kc = tok_at(m.start())
    prev = [t for t in toks[max(0, kc - 12):kc]]
    # A pronoun subject ("لكنه، وفق …، يؤكد")
    gender = form.gender
    for t in reversed(prev):
        if any(a <= t.start < pe for a, _, _, pe in vias) or t.text in (",", "قد", "كان", "كانت"):
            continue
        if t.text in lex.pronouns:
            return _resolve(ctx, lex.pronouns[t.text], t.start, ss, sidx, first_local), None, via
        break
    if not m.group("pre"):
        if form.kind == "verb" and m.group("cue") in lex.impersonal_bare and not words:
            return "__impersonal__", None, via
        near = [mm for mm in ctx.mentions_in(max(ss, prev[0].start if prev else ss), before)
                if not mm.prepositional and compatible(ctx, mm.actor, gender)]
        if near and not any(near[-1].end <= b < before for b in _clause_breaks(text, near[-1].end, before)):
            return near[-1].actor, (near[-1].start, near[-1].end), via
    if form.kind == "verb" and m.group("cue") in lex.impersonal_bare and not words:
        return "__impersonal__", None, via
    return _resolve(ctx, gender, before, ss, sidx, first_local), None, via


_PREVERBAL_LINK = frozenset(normalize(w) for w in "قد وقد كان كانت وكان وكانت لطالما ولطالما بدوره بدورها".split())


def _preverbal(ctx, toks, tok_at, m, ss) -> NMention | None:
    """An actor mention right before the cue (SV order), only قد/كان between."""
    kc = tok_at(m.start())
    i = kc - 1
    while i >= 0 and toks[i].start >= ss and toks[i].text in _PREVERBAL_LINK:
        i -= 1
    if i < 0 or toks[i].start < ss:
        return None
    for mm in reversed(ctx.mentions_in(ss, m.start())):
        if mm.end <= toks[i].end and mm.end >= toks[i].start:
            return None if mm.prepositional else mm
        if mm.end < toks[i].start:
            break
    return None


def _clause_breaks(text: str, s: int, e: int) -> list[int]:
    return [i for i in range(s, e) if text[i] in ".;:"]


_TIME_WORDS = word_set(
    "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد اليوم أمس يوم صباح مساء الأسبوع الشهر العام "
    "السنة الماضي المقبل الجاري هذا هذه مرة مجددا")


def _is_time_word(w: str) -> bool:
    return w in _TIME_WORDS or w.isdigit()


def _content(ctx, m, cue, cstart, kind, speaker, form, se, sidx, boundaries, via, sp_span, rule_kind):
    text = ctx.text
    q = _trim_start(text, cstart, se)
    rule = f"{form.family}.{rule_kind}.{kind}"
    if q < se and text[q] in OPEN_QUOTES:
        inside = _quoted(text, q, se)
        close = text.find(OPEN_QUOTES[text[q]], inside[1], se) if inside else -1
        after = close + 1 if close >= 0 else se
        while after < se and text[after] == " ":
            after += 1
        if inside and (after >= se or not text[after].isalpha() or after in boundaries
                       or _n_words(text, *inside) > 4):
            _emit(ctx, inside[0], inside[1], cue, speaker, True, rule, sidx, form.gender, via, sp_span)
            return
        # a quoted word inside indirect speech (أن "إرهابيا" سلم نفسه): the clause is the content
    direct = kind == "colon"
    end = _content_end(ctx, cstart, se, boundaries)
    _emit(ctx, cstart, end, cue, speaker, direct, rule, sidx, form.gender, via, sp_span)


def _postposed(ctx, lex, toks, tok_at, m, form, cue, ss, se, sidx, boundaries, vias):
    """Content before the cue: "…، كما يقول رئيس الوزراء" / "«…»، قال المتحدث"."""
    text = ctx.text
    kc = tok_at(m.start())
    j = kc - 1
    kama = j >= 0 and toks[j].text == "كما"
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
    # Speaker NP right after the cue, closed by a comma, the sentence end or a participle.
    k = tok_at(m.end())
    if k >= len(toks) or toks[k].text in PREPOSITIONS or toks[k].text in THAT:
        return
    stop = se
    for t in toks[k:]:
        if t.text in (",", ".", ";", ":") or t.text in OPEN_QUOTES:
            stop = t.start
            break
    sub = _subject_in(ctx, m.end(), stop, vias)
    if sub is None and k < len(toks) and toks[k].start < stop:
        sp_end = toks[k].end
        for t in toks[k + 1:k + 4]:
            if t.start >= stop or t.text in PREPOSITIONS or t.text in ADJUNCTS or not t.text[0].isalpha():
                break
            sp_end = t.end
        speaker, sp = None, (toks[k].start, sp_end)
    elif sub is not None:
        speaker, sp = sub.actor, (sub.start, sub.end)
    else:
        return
    # The content the speaker closes: an earlier statement in this sentence already owns it?
    content_end = toks[j].start if quote_close is None else quote_close
    if quote_close is None and not kama:
        # "…، يقول X" without كما or a quotation: only a present-tense cue after a real clause.
        opened = text[ss] in OPEN_QUOTES
        if m.group("cue")[:1] not in "يت" or _n_words(text, ss, content_end) < (2 if opened else 4):
            return
        after = [t for t in toks[tok_at(sp[1]):] if t.start < stop]
        if after and (after[0].text in PREPOSITIONS or after[0].text in THAT):
            return  # "تشير النمسا إلى تاريخها": the verb takes its own object, no content before
    for f in ctx.found:
        if f.sentence == sidx and f.start < content_end <= f.end + 2:
            if f.via is None and speaker != f.speaker:
                f.via = (m.start("cue") if not m.group("pre") else m.start(), sp[1])
            return
    if quote_close is not None:
        opener = _opening_quote(text, ss, quote_close)
        cs = opener + 1 if opener is not None else ss
        direct = opener is not None
    else:
        opener = text[ss] in OPEN_QUOTES and text.find(OPEN_QUOTES[text[ss]], ss + 1, content_end) < 0
        cs = ss + 1 if opener else ss
        prior = [b for b in boundaries if ss < b < content_end and b != toks[j].start]
        direct = bool(opener)
        if prior:
            cs = max(prior) + 1
    if quote_close is None and stop < se and text[stop] == ",":
        # A parenthetical source ("بدا كيم، كما ذكرت وسائل إعلام، مستعدا للقاء آبي"): the clause
        # continues after it, unless a new cue clause starts there (… ، واصفاً …).
        rest_s = _trim_start(text, stop, se)
        rest_e = _content_end(ctx, rest_s, se, boundaries + [stop])
        apposition = text.startswith("ال", rest_s) and rest_e >= _trim_end(text, rest_s, se)  # "…، المسؤول عنهم."
        if rest_e > rest_s and not apposition and not any(b == stop for b in boundaries) \
                and _n_words(text, rest_s, rest_e) >= 2 and not any(rest_s <= b <= rest_s + 2 for b in boundaries):
            content_end = rest_e
    _emit(ctx, cs, content_end, cue, speaker, direct, f"{form.family}.post", sidx, form.gender,
          speaker_span=sp, split=False)


def _opening_quote(text: str, ss: int, close: int) -> int | None:
    ch = text[close]
    opener = {"»": "«", "”": "“", '"': '"'}[ch]
    i = text.rfind(opener, ss, close)
    return i if i >= 0 else None


def _noun(ctx, lex, toks, tok_at, m, form, ss, se, sidx, boundaries, vias, governor=None):
    text = ctx.text
    k = tok_at(m.end())
    kc = tok_at(m.start())
    cue = (m.start("cue"), m.end()) if governor is None else (governor[0].start("cue"), m.end())
    comp = _find_complement(ctx, toks, k, form, 3)
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
            speaker, sp, via = _speaker_for(ctx, lex, toks, tok_at, gm, gform, span_s, span_e, ss, sidx, vias,
                                            first_local)
            if speaker == "__impersonal__":
                return
        else:
            before = [mm for mm in ctx.mentions_in(ss, m.start()) if compatible(ctx, mm.actor, gender)]
            if before:
                speaker, sp = before[-1].actor, (before[-1].start, before[-1].end)
            else:
                speaker = _resolve(ctx, gender, m.start(), ss, sidx, first_local)
    else:
        # "نقل عن مصدر قوله": the speaker follows عن; else the pronoun's antecedent.
        window = toks[max(0, kc - 10):kc]
        for i in range(len(window) - 1, -1, -1):
            if window[i].text == "عن":
                ms = ctx.mentions_in(window[i].end, m.start())
                if ms:
                    speaker, sp = ms[0].actor, (ms[0].start, ms[0].end)
                else:
                    speaker, sp = None, (_trim_start(text, window[i].end, m.start()),
                                         _trim_end(text, window[i].end, m.start()))
                subj = _subject_in(ctx, ss, window[i].start, vias)
                via = (subj.start, subj.end) if subj else None
                break
        else:
            speaker = _resolve(ctx, gender, m.start(), ss, sidx, first_local)
    rule_form = CueForm(form.family, "noun", gender, form.comps)
    _content(ctx, m, cue, cstart, kind, speaker, rule_form, se, sidx, boundaries, via, sp, "noun")


def _source_phrase(ctx, lex, toks, k: int, se: int) -> tuple[int, int] | None:
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
    ok = bool(ctx.mentions_in(s, e))
    if not ok and words:
        w0 = words[0]
        stem = w0[1:] if w0.startswith("ل") and len(w0) > 3 else w0
        if stem.startswith("ل") and len(stem) > 3:
            stem = "ا" + stem  # للمصادر
        if w0 in ("ما", "لما") and len(words) > 1 and words[1] in lex.reporting_verbs:
            ok = True
        elif stem in lex.source_nouns or w0 in lex.source_nouns:
            ok = True
        elif len(words) > 1 and w0 in ("زعم", "قول", "تعبير", "رواية", "تصريح", "تصريحات") and ctx.mentions_in(s, e):
            ok = True
    return (s, e) if ok else None


def _attribution(ctx, lex, toks, tok_at, m, ss, se, sidx, boundaries, first_local):
    text = ctx.text
    k = tok_at(m.end())
    ph = _source_phrase(ctx, lex, toks, k, se)
    if ph is None:
        return
    ps, pe = ph
    a = m.start()
    # A chained source ("وفقاً لما نقلته الوكالة نقلاً عن المتحدث"): the later one spoke, the
    # earlier one is the channel.
    for f in ctx.found:
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
    for f in ctx.found:
        if f.sentence != sidx:
            continue
        if f.via and f.via[0] <= a < f.via[1]:
            return
        if f.start <= a < f.end:
            return
    # Right after a statement of this sentence: the channel it came through.
    for f in ctx.found:
        if f.sentence == sidx and f.end <= a and text[f.end:a].strip(' ,"»”-–') == "":
            src = ctx.mentions_in(ps, pe)
            if f.via is None and not (src and src[0].actor == f.speaker):
                f.via = (a, pe)
            return
    # Between the subject and the cue of a later statement ("لكنه، وفق ما نشر …، يؤكد"): done in
    # _speaker_for; here only standalone attributions remain.
    src = ctx.mentions_in(ps, pe)
    speaker = src[0].actor if src else None
    sp = (src[0].start, src[0].end) if src else None
    before_s = _skip_lead(ctx, toks, tok_at, ss, a)
    before_e = _trim_end(text, before_s, a)
    after_s = _trim_start(text, pe, se)
    w = toks[tok_at(after_s)] if tok_at(after_s) < len(toks) else None
    if w is not None and w.start == after_s and w.text in THAT:
        after_s = _trim_start(text, w.end, se)
    after_e = _content_end(ctx, after_s, se, boundaries)
    n_before = len(_tokens(text, before_s, before_e)) if before_e > before_s else 0
    n_after = len(_tokens(text, after_s, after_e)) if after_e > after_s else 0
    if n_before >= 3 and n_after >= 3:
        cs, ce = before_s, after_e  # parenthetical source: the whole clause is the content
    elif n_before >= 3:
        cs, ce = before_s, before_e
    elif n_after >= 3:
        cs, ce = after_s, after_e
    else:
        return
    n = len(ctx.found)
    _emit(ctx, cs, ce, (a, m.end()), speaker, False, "attribution", sidx, speaker_span=sp or (ps, pe),
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
