"""PLOVER trigger lexicon: loads resources/events/*.yaml, conjugates it and matches tokens.

The lexicon is data (``marsad/resources/events/triggers.yaml``); this module expands each lexeme
into its surface forms (perfect and imperfect conjugations, noun plurals and duals, participles)
in the matching normalisation, and looks tokens up after peeling proclitics, the article and
pronoun suffixes (``marsad.text.segment.clitic_candidates``). Multi-word triggers ("سيارة
مفخخة", "وقف إطلاق النار") are indexed by their first word.
"""
from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from re import Pattern

import regex
import yaml

from marsad.resources import read_yaml
from marsad.text.normalize import normalize
from marsad.text.segment import clitic_candidates

# PLOVER's verbal quads: every trigger of these types is a speech act, coded on its speaker.
VERBAL_TYPES = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# A pattern in the lexicon matches at the start of a word, after optional proclitics and article.
# libyaml's parser when installed (several times faster to load the lexicon; same data)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_C = read_yaml("events", "conjugation.yaml")
_ARTICLE = _C["article"]
_WORD_START = r"(?:^|(?<=\s))(?:[" + _C["proclitic_letters"] + "]{0,2}(?:" + _ARTICLE + "|" + _C["lam"] + ")?)"


def _compile(p: str) -> Pattern:
    """The standard ``re`` engine where it accepts the pattern (the cue files use plain syntax;
    ``re`` compiles and searches these short windows about 3x faster), else ``regex``. The cues are
    only tested for a match, which both engines decide alike for this syntax."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # e.g. a "possible nested set" that regex reads otherwise
            return re.compile(p)
    except (re.error, FutureWarning, DeprecationWarning):
        return regex.compile(p)


def compile_cue(pattern: str) -> Pattern:
    """Compile a lexicon regex (normalised); patterns starting with ^ are anchored to the window."""
    p = normalize(pattern)
    if p.startswith("^"):
        return _compile(p)
    return _compile(_WORD_START + "(?:" + p + ")")


def any_of(pats: tuple[Pattern, ...]) -> Pattern | None:
    """One alternation for "does any of these cues match": a single regex scan instead of one
    per pattern (cue patterns carry no backreferences or inline flags, so the union is exact)."""
    if not pats:
        return None
    if len(pats) == 1:
        return pats[0]  # nothing to combine (and no second compile)
    return _compile("|".join(f"(?:{p.pattern})" for p in pats))


def _patterns(items) -> tuple[Pattern, ...]:
    if not items:
        return ()
    if isinstance(items, str):
        items = [items]
    return tuple(compile_cue(p) for p in items)


def _preps(items) -> tuple[str, ...]:
    """A frame's prepositions, normalised ("" stands for a direct object)."""
    return tuple(normalize(p) if p else "" for p in ([items] if isinstance(items, str) else items or ()))


@dataclass(frozen=True, slots=True)
class Lexeme:
    id: str
    type: str
    mode: str | None = None
    prior: float = 0.6
    kind: str | None = None  # "verbal": a speech act, needs a source actor
    gov: bool = False  # governs a complement that is not itself an event
    win: int = 4
    need: tuple = ()
    need_before: tuple = ()
    need_all: bool = False
    block: tuple = ()
    block_before: tuple = ()
    # the interaction frame (the ``_types`` defaults of triggers.yaml, or the entry's own):
    # the attitude the predicate expresses from its agent toward its patient, the prepositions
    # that mark the patient ("" = a direct object) and those that mark the topic
    stance: str = "none"  # support | oppose | none
    patient: tuple = ("",)
    topic: tuple = ()
    model: bool = True  # judged by the trained filter where its type has one
    need_target: bool = False  # an interaction coded only with its patient (وصف، حذر، دعم)
    gen_lam: bool = False  # coded only with a genitive agent and a لـ patient (مقاطعة دول عربية لقطر)
    patient_before: bool = False  # the patient is the phrase before the trigger (المدعومة من)
    object_first: bool = False  # takes an object before its topic (اتهم X بـ، وصف X بـ)
    casualty: bool = False  # tells deaths or wounds: a counted report is an attack, filter or not
    announced: bool = False  # an operation told by its agent (أعلن الجيش القضاء على …): genitive = patient
    mutual: bool = False  # told between two parties (المحادثات / الاشتباكات بين A و B): A agent, B patient
    indefinite: bool = False  # a noun that tells the act only without the article ("التهديد بحرب" is a topic)
    # the type an announced future act is coded as (PLOVER: a planned meeting or visit is an
    # AGREE to meet): "سيلتقي X بـ Y" is no CONSULT yet, but the announcement is an agreement
    future_type: str | None = None
    incident: bool = False  # an incident report (تعرضوا للترهيب، ضبط كميات): an event with no agent or patient named
    outcome: bool = False  # the result of an act (أسفر عن مقتل …): no event of its own beside its act's
    # a regular expression over the trigger word as written (before ى/ي and ة/ه are folded):
    # the spelling of another word with the same letters ("أعفي" the passive, not "أعفى")
    block_written: Pattern | None = None
    # the "any of" lists above as single alternations (derived; see any_of)
    _block: Pattern | None = field(default=None, compare=False, repr=False)
    _block_before: Pattern | None = field(default=None, compare=False, repr=False)
    _need: Pattern | None = field(default=None, compare=False, repr=False)
    _need_before: Pattern | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        for name in ("block", "block_before", "need", "need_before"):
            object.__setattr__(self, "_" + name, any_of(getattr(self, name)))

    @property
    def key(self) -> str:
        return f"{self.type}.{self.id}"

    def accepts(self, before: str, after: str) -> bool:
        """Check the lexeme's context constraints on the normalised words around the trigger."""
        if (self._block is not None and self._block.search(after)) or \
                (self._block_before is not None and self._block_before.search(before)):
            return False
        if not self.need and not self.need_before:
            return True
        if self.need_all:
            ok_after = all(p.search(after) for p in self.need) if self.need else True
            ok_before = self._need_before.search(before) is not None if self.need_before else True
            return ok_after and ok_before
        return (self._need is not None and self._need.search(after) is not None) or \
            (self._need_before is not None and self._need_before.search(before) is not None)


@dataclass(frozen=True, slots=True)
class Form:
    """A surface form of a lexeme: its class and, for phrases, the words after the first."""

    lexeme: Lexeme
    cls: str  # perf | impf | noun | ptcp | form
    rest: tuple[str, ...] = ()
    plural: bool = False  # a verb form with a plural subject suffix (قتلوا، يتظاهرون)


# -- conjugation -----------------------------------------------------------------------------
_PLURAL_FORMS: set[str] = set()  # forms built with a plural subject suffix
_PERFECT: dict = _C["perfect"]
_IMPF_WEAK = tuple(_C["imperfect_weak_finals"])
_IMPF_PLURAL = tuple(_C["imperfect_plural"])
_FIRST_PERSON: set[str] = set()  # forms built with a first person plural subject (ندعو، اتفقنا)
_OTHER_PERSON: set[str] = set()  # every other generated form (a word in both is no first person)


def perfect_forms(p: str) -> set[str]:
    """Perfect tense: 3ms, 3fs, 3mp, duals, 1st and 2nd person, and the pre-pronoun 3mp stem."""
    rule = _PERFECT.get(p[-1:]) or _PERFECT[""]  # by the last letter (conjugation.yaml)
    b = p[:-rule["drop"]] if rule["drop"] else p
    _PLURAL_FORMS.update(x + suf for x in (b, p) for suf in _C["perfect_plural"])
    return _person({p + suf for suf in rule["full"]} | {b + suf for suf in rule["stem"]},
                   {b + suf for suf in rule["first"]})


def _person(other: set[str], first: set[str]) -> set[str]:
    _OTHER_PERSON.update(other)
    _FIRST_PERSON.update(first)
    return other | first


def first_person(word: str) -> bool:
    """A verb form whose subject is "we" (ندعو، نرفض، اتفقنا): in a quotation, the speaker."""
    load_lexicon()
    return word in _FIRST_PERSON and word not in _OTHER_PERSON


def imperfect_forms(i: str) -> set[str]:
    """Imperfect: the four person prefixes with singular, dual, plural and jussive endings."""
    base = i[1:] if i[:1] in _C["imperfect_prefixes"] else i
    stems = {base}
    if base[-1:] in _IMPF_WEAK:
        stems.add(base[:-1])  # يدعو -> يدعون; يعتدي -> يعتدون, لم يعتد
    out = set()
    # no first person singular (أ-): news rarely uses it and it collides with names (إدين)
    for pre, sufs in _C["imperfect_endings"].items():
        for st in stems:
            for suf in sufs:
                out.add(pre + st + suf)
                (_FIRST_PERSON if pre == _C["imperfect_first_person"] else _OTHER_PERSON).add(pre + st + suf)
                if suf in _IMPF_PLURAL:
                    _PLURAL_FORMS.add(pre + st + suf)
    return {f for f in out if len(f) >= 3}


def noun_forms(n: str) -> set[str]:
    if n.endswith(_C["noun_feminine_ending"]) and len(n) > 3:  # ة: غارة -> غارات، غارتين، غارتان
        b = n[:-1]
        return {n} | {b + suf for suf in _C["noun_feminine"]}
    return {n} | {n + suf for suf in _C["noun_other"]}


def participle_forms(p: str) -> set[str]:
    return {p + suf for suf in _C["participle"]}


_GENERATORS = {"perf": perfect_forms, "impf": imperfect_forms, "noun": noun_forms, "ptcp": participle_forms,
               "form": lambda w: {w}}


def _definite_variant(words: list[str]) -> list[str] | None:
    """'سيارة مفخخة' -> 'السيارة المفخخة' (an indefinite phrase's definite reading)."""
    if all(not w.startswith(_ARTICLE) and len(w) >= 3 for w in words) and len(words) <= 3:
        return [_ARTICLE + w for w in words]
    return None


@dataclass
class Lexicon:
    single: dict[str, list[Form]] = field(default_factory=dict)
    phrases: dict[str, list[Form]] = field(default_factory=dict)
    lexemes: dict[str, Lexeme] = field(default_factory=dict)
    # (lexeme id, form) of its verbal nouns: a perfect of the same letters may be the noun
    # ("رفض بلغراد الاعتراف" is Belgrade's refusal)
    noun_forms: set[tuple[str, str]] = field(default_factory=set)

    def add(self, lex: Lexeme, cls: str, text: str) -> None:
        words = normalize(text).split()
        if not words:
            return
        if len(words) == 1:
            w = words[0]
            forms = _GENERATORS[cls](w)
            if cls in ("noun", "ptcp"):  # (an exact "form" may be of any person)
                _OTHER_PERSON.update(forms)
            if cls == "noun":
                self.noun_forms.update((lex.id, f) for f in forms)
            for f in forms:
                plural = cls in ("perf", "impf") and f in _PLURAL_FORMS and f != w
                self._put(self.single, f, Form(lex, cls, (), plural))
            return
        variants = [words]
        d = _definite_variant(words)
        if d:
            variants.append(d)
        for ws in variants:
            first = ws[0]
            firsts = {first}
            if first.startswith(_ARTICLE):
                firsts.add(first[2:])  # the proclitic stripper may leave the bare stem
            for f in firsts:
                self._put(self.phrases, f, Form(lex, "phrase", tuple(ws[1:])))

    @staticmethod
    def _put(index: dict, key: str, form: Form) -> None:
        lst = index.setdefault(key, [])
        if all(f.lexeme is not form.lexeme or f.rest != form.rest for f in lst):
            lst.append(form)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    root = resources.files("marsad.resources") / "events"
    data = yaml.load((root / "triggers.yaml").read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    lex = Lexicon()
    frames = data.get("_types") or {}
    for name in LEXICON_FILES:
        part = data if name == "triggers.yaml" else \
            yaml.load((root / name).read_text(encoding="utf-8"), Loader=_YAML_LOADER)
        _add_entries(lex, part or {}, frames)
    return lex


# The lexicon's files: the core lexicon (with the per-type defaults under _types) and the
# predicates of news reports (verbal interactions, judicial acts, operation reports), kept apart;
# incident reports told without their agent (tolls, seizures, destruction) and verbal cooperation
# and conflict (visits, talks, demands, threats) and light-verb constructions (أعرب عن غضبه، ألقى
# باللوم على، وجه الشكر) each have their own file; the verbal and cooperative interactions mined
# from corpus frequency (thanks, urging, calls, objections, tariffs …) are in triggers_coverage.yaml.
LEXICON_FILES = ("triggers.yaml", "triggers_news.yaml", "triggers_incidents.yaml", "triggers_ground.yaml", "triggers_verbal.yaml",
                 "triggers_judicial.yaml", "triggers_coerce.yaml", "triggers_coverage.yaml",
                 "triggers_phrases.yaml", "triggers_meetings.yaml", "triggers_support.yaml")


def _add_entries(lex: Lexicon, data: dict, frames: dict) -> None:
    for etype, entries in data.items():
        if etype.startswith("_"):
            continue  # the per-type defaults, read with each entry
        dflt = frames.get(etype) or {}
        for e in entries:
            lexeme = Lexeme(
                id=e["id"], type=etype, mode=e.get("mode"), prior=float(e.get("prior", 0.6)),
                kind=e.get("kind") or ("verbal" if etype in VERBAL_TYPES else None), gov=bool(e.get("gov", False)), win=int(e.get("win", 4)),
                need=_patterns(e.get("need")), need_before=_patterns(e.get("need_before")),
                need_all=bool(e.get("need_all", False)),
                block=_patterns(e.get("block")), block_before=_patterns(e.get("block_before")),
                stance=e.get("stance", dflt.get("stance", "none")),
                patient=_preps(e.get("patient", dflt.get("patient", [""]))),
                topic=_preps(e.get("topic", dflt.get("topic", []))),
                casualty=bool(e.get("casualty", False)),
                object_first=bool(e.get("object_first", False)),
                need_target=bool(e.get("need_target", False)), gen_lam=bool(e.get("gen_lam", False)),
                model=bool(e.get("model", True)),
                patient_before=bool(e.get("patient_before", False)),
                announced=bool(e.get("announced", False)),
                mutual=bool(e.get("mutual", dflt.get("mutual", False))),
                indefinite=bool(e.get("indefinite", False)),
                future_type=e.get("future_type", dflt.get("future_type")),
                incident=bool(e.get("incident", False)), outcome=bool(e.get("outcome", False)),
                block_written=re.compile(e["block_written"]) if e.get("block_written") else None,
            )
            lex.lexemes[lexeme.key] = lexeme
            for cls in ("perf", "impf", "noun", "ptcp", "form"):
                for text in e.get(cls) or ():
                    lex.add(lexeme, cls, text)


@lru_cache(maxsize=1)
def load_cues() -> dict:
    root = resources.files("marsad.resources") / "events"
    return yaml.load((root / "cues.yaml").read_text(encoding="utf-8"), Loader=_YAML_LOADER)


def stem_filter(keys) -> Callable[[str], bool]:
    """A cheap necessary test for "some ``clitic_candidates`` stem of the word is one of ``keys``".

    A clitic reading's stem is the word after 0-2 proclitic letters, cut before an enclitic, with
    its last letter ت read as ة (ه), or ا + the rest after a لـ (للعراق). So a key K can match
    only where the word has, at offset 0, 1 or 2, K (less its final ه when it ends in one) or K
    less its leading ا: the first letters (up to four) of such a stub are tested with a few set
    lookups; a word that fails needs no clitic analysis (most words, for a small lexicon)."""
    by_len: dict[int, set] = {}
    for k in keys:
        for stub in ((k, k[1:]) if k[:1] == _C["alif"] else (k,)):
            if stub[-1:] == _C["ha"]:
                stub = stub[:-1]
            if stub:
                stub = stub[:4]
                by_len.setdefault(len(stub), set()).add(stub)
            else:
                return lambda norm: True  # a key of one letter: no test is cheaper than the lookup
    tables = tuple((n, frozenset(v)) for n, v in sorted(by_len.items(), reverse=True))

    def may_match(norm: str) -> bool:
        for n, stubs in tables:
            if norm[:n] in stubs or norm[1:1 + n] in stubs or norm[2:2 + n] in stubs:
                return True
        return False

    return may_match


@dataclass(frozen=True, slots=True)
class WordReading:
    """How a token matched a lexicon form: proclitics peeled, article, enclitic."""

    forms: tuple[Form, ...]
    proclitics: str
    definite: bool
    enclitic: str
    stem: str


def _plausible_split(norm: str, pro: str, stem: str, enc: str) -> bool:
    """A clitic split is kept unless the whole word is a common word and the split is not
    (وزارة is a word, not و + زارة): the test of marsad.text.morphology, on its lexicon."""
    if not (pro or enc):
        return True
    from marsad.text.morphology import lexicon as word_freq

    freq = word_freq()
    whole = freq.get(norm, 0)
    if whole == 0:
        return True
    parts = len(pro) + bool(enc)
    n = freq.get(stem, 0) or freq.get(stem[2:] if stem.startswith(_ARTICLE) else "", 0)
    return n * 0.5 ** parts >= 0.01 * whole


@lru_cache(maxsize=300_000)
def read_word(norm: str, final_ta: bool = False) -> WordReading | None:
    """The first (most literal) reading of a normalised word that is a single-word trigger form.

    ``final_ta``: the surface word ends in ة, so its final ه is no pronoun (وزارة ≠ و + زار + ه).
    """
    single = load_lexicon().single
    for pro, stem, enc in clitic_candidates(norm):
        if final_ta and enc == _C["ha"]:
            continue
        if stem not in single and not (stem.startswith(_ARTICLE) and len(stem) > 4 and stem[2:] in single):
            continue  # no lookup below can hit (tested first: the split test costs more)
        if not _plausible_split(norm, pro, stem, enc):
            continue
        if enc and stem.startswith(_ARTICLE):
            continue  # a definite noun takes no pronoun suffix (المسلحة is not المسلح + ه)
        hit = single.get(stem)
        if hit and enc == _C["ya"]:
            hit = [f for f in hit if f.cls in ("noun", "ptcp")]  # a verb takes ني, not ي
        if hit:
            return WordReading(tuple(hit), pro, False, enc, stem)
        if stem.startswith(_ARTICLE) and len(stem) > 4:
            hit = single.get(stem[2:])
            if hit:
                return WordReading(tuple(hit), pro, True, enc, stem[2:])
    return None


@lru_cache(maxsize=300_000)
def phrase_heads(norm: str) -> tuple[tuple[str, tuple[Form, ...]], ...]:
    """Readings of a word as the first word of multi-word triggers: (proclitics, forms)."""
    lex = load_lexicon()
    out = []
    for pro, stem, enc in clitic_candidates(norm):
        if enc:
            continue
        hit = lex.phrases.get(stem)
        if hit:
            out.append((pro, tuple(hit)))
    return tuple(out)


def indices_of(words: list[str], values) -> list[int]:
    """Sorted indices of the words equal to one of ``values`` (a few distinct words): found by
    C-level list scans, cheaper than a Python loop over a long sentence."""
    out = []
    for u in values:
        k = -1
        try:
            while True:
                k = words.index(u, k + 1)
                out.append(k)
        except ValueError:
            pass
    out.sort()
    return out
