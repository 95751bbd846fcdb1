"""Per-document state of the statements stage, in normalised offsets.

The actor mentions (outermost only, each marked when a preposition governs it), the statements
found so far, and the agreement of actors with a cue's gender. The stances stage reads the same
view (:func:`mention_view`) and maps its spans back with :func:`to_original` / :func:`date_of`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from marsad.doc import Doc
from marsad.statements.lexicon import (
    PREPOSITIONS,
    QUANTIFIERS,
    RULE_WORDS,
    lexicon,
    words,
)
from marsad.text.normalize import NormText, normalize
from marsad.times.anchor import anchor

_RW = RULE_WORDS
_MASC_PLURALS = tuple(RULE_WORDS["masculine_plurals"])

_TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]|_")


def norm_text(doc: Doc) -> NormText:
    """The document's normalised text with its offset map (shared by the stages)."""
    return doc.norm()


def date_of(doc: Doc, start: int, end: int) -> str | None:
    """Date of a statement: the times layer's anchor (a time in its sentence, else publication)."""
    return anchor(doc, start, end)


def to_original(nt: NormText, s: int, e: int) -> tuple[int, int]:
    """Original span of a normalised one, keeping the diacritics of its last letter (جداً)."""
    a, b = nt.to_original(s, e)
    text = nt.original
    while b < len(text) and not normalize(text[b]) and not text[b].isspace():
        b += 1
    return a, b


@dataclass(slots=True)
class NMention:
    start: int
    end: int
    actor: str
    prepositional: bool  # governed by a preposition (لـ، بـ، في، عن …) or a platform: not a subject
    owner: bool = False  # possessor of a speech noun ("في تغريدة للوزير"): an elided subject's speaker


@dataclass
class Found:
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


class Context:
    """One document's mentions and the statements found so far (in normalised offsets)."""

    def __init__(self, doc: Doc, nt: NormText):
        self.doc = doc
        self.nt = nt
        self.text = nt.text
        # a copy: the speakers this stage makes join its own view, not the shared cached one
        self.mentions = ms = list(_norm_mentions(doc, nt))
        self.m_starts = [m.start for m in ms]
        self.found: list[Found] = []
        # the statements of each sentence and every span found, so that checks look at one
        # sentence's statements, not all of the document's (linear time); see add()
        self.by_sentence: dict[int, list[Found]] = {}
        self.found_spans: set[tuple[int, int]] = set()
        self._content: list | None = None
        self._content_pos: dict[int, int] | None = None
        self.cue_starts: list[int] = []
        self.gender_cache: dict[str, str | None] = {}
        self.made: dict[str, str] = {}  # code → id of the speaker actors this stage created
        self.titled: list[tuple[list[str], str]] = []  # (title words, person id) seen in apposition

    def add(self, f: Found) -> None:
        """Record one statement (sentences are read in order, so each sentence's list and
        ``found`` keep the same order)."""
        self.found.append(f)
        self.by_sentence.setdefault(f.sentence, []).append(f)
        self.found_spans.add((f.start, f.end))

    def of_sentence(self, sidx: int) -> list[Found]:
        return self.by_sentence.get(sidx, [])

    def content_sentences(self) -> list:
        """The document's content sentences (listed once, not on every call)."""
        if self._content is None:
            self._content = self.doc.content_sentences()
        return self._content

    def content_position(self, sidx: int) -> int | None:
        """Position of sentence ``sidx`` among the document's content sentences."""
        if self._content_pos is None:
            self._content_pos = {s.index: n for n, s in enumerate(self.content_sentences())}
        return self._content_pos.get(sidx)

    def mentions_in(self, s: int, e: int) -> list[NMention]:
        i = bisect.bisect_left(self.m_starts, s)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < e:
            m = self.mentions[i]
            if m.end <= e:
                out.append(m)
            i += 1
        return out


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str


def tokens(text: str, s: int, e: int) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, s, e)]


def inside_mention(ctx: Context, off: int) -> bool:
    """Is the character after ``off`` inside an actor mention?"""
    i = bisect.bisect_right(ctx.m_starts, off + 1) - 1
    return i >= 0 and ctx.mentions[i].start <= off + 1 < ctx.mentions[i].end


def _is_prepositional(text: str, start: int) -> bool:
    """Is the word at ``start`` governed by a preposition (attached ل/ب/ك or a free one)?"""
    i = start - 1
    if i >= 0 and text[i].isalpha():
        # attached proclitics: the letter touching the word decides (والعراق vs بالعراق)
        return text[i] in _RW["preposition_letters"]
    j = i
    while j >= 0 and text[j] in ' "«':  # a quoted name after its preposition: مع "سي بي أس"
        j -= 1
    k = j
    while k >= 0 and text[k].isalpha():
        k -= 1
    return text[k + 1:j + 1] in PREPOSITIONS


def mention_view(doc: Doc) -> Context:
    """The document's actor mentions in normalised offsets (shared with the stances stage)."""
    return Context(doc, norm_text(doc))


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
            prep = (_is_prepositional(text, s) or _governed(text, s)) and not _after_quantifier(text, s)
            if ms and ms[-1].prepositional and text[ms[-1].end:s].strip() == "(":
                # a bracketed apposition shares its governor ("مع وكالة الأنباء الفرنسية (فرانس برس)"); a
                # bare one does not ("سفير الإمارات لدى هولندا سعيد النويس": the name is the subject)
                prep = True
            if text[s:e] in _PLATFORMS:
                prep = True  # "بموقع التواصل الاجتماعي، تويتر،": the medium, not the speaker
            actor = doc.actors.get(m.actor)
            outlet = actor is not None and actor.type == _MEDIA and actor.kind != "PER"  # not a journalist
            ms.append(NMention(s, e, m.actor, prep, prep and _owner(text, s, outlet)))
    doc.cache["_st_mentions"] = (key, ms)
    return ms


_PLATFORMS = words("platforms")
_GOVERNED_HEADS = words("governed_heads")
_SPEECH_NOUNS = words("speech_nouns")
_GIVEN_NOUNS = words("given_nouns")
_MEDIA = "MED"  # the actors' sector code of news media


def _word_before(text: str, start: int) -> tuple[int, str]:
    """(start, text) of the word before ``start``, skipping spaces and a quotation mark."""
    j = start - 1
    while j >= 0 and text[j] in ' "«':
        j -= 1
    k = j
    while k >= 0 and text[k].isalpha():
        k -= 1
    return k + 1, text[k + 1:j + 1]


def _governed(text: str, start: int) -> bool:
    """Is the name at ``start`` after a head that a preposition governs ("مع شبكة سي بي أس")?"""
    if start > 0 and text[start - 1].isalpha():
        return False
    ws, w = _word_before(text, start)
    if w in _GOVERNED_HEADS:
        return _is_prepositional(text, ws)
    bare = w[1:]  # "لصحيفة"، "بموقع"
    return w[:1] in _RW["preposition_letters"] and (bare in _GOVERNED_HEADS or _RW["article"] + bare[1:] in _GOVERNED_HEADS)


def _owner(text: str, start: int, outlet: bool) -> bool:
    """Is the mention at ``start`` the possessor of a speech noun ("في تغريدة للوزير البحريني"،
    "تقرير لمجلة "فورين بوليسي"")? An outlet after an interview or remarks is their addressee."""
    i = start
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    if i == start:  # a head between: "لمجلة "فورين بوليسي""
        i, w = _word_before(text, start)
        if not (w[:1] == _RW["lam"] and w[1:] in _GOVERNED_HEADS):
            return False
        outlet = True
    elif text[i:start] != _RW["lam"]:
        return False
    noun = _word_before(text, i)[1]
    return noun in _SPEECH_NOUNS and not (outlet and noun in _GIVEN_NOUNS)


def _after_quantifier(text: str, start: int) -> bool:
    head = text[max(0, start - 20):start].split()
    return len(head) >= 2 and head[-1] == _RW["min"] and head[-2] in QUANTIFIERS


def actor_gender(ctx: Context, actor_id: str) -> str | None:
    """Grammatical agreement of an actor: m, f, p or None (unknown)."""
    if actor_id in ctx.gender_cache:
        return ctx.gender_cache[actor_id]
    actor = ctx.doc.actors.get(actor_id)
    g = None
    if actor is not None:
        head = normalize(actor.name.split()[0]) if actor.name else ""
        lex = lexicon()
        if actor.kind == "PER" and actor.prov is not None and actor.prov.stage == "statements" \
                and _titled(head):
            g = "f" if head.endswith(_RW["ta_folded"]) else "m"  # a speaker named by a title: متحدثة، مديرة / متحدث
        elif actor.kind == "PER":
            g = None  # a person's name does not tell the grammatical gender
        elif head in lex.masculine_places:
            g = "m"
        elif head.endswith(_RW["ta_folded"]) or head.endswith(_RW["feminine_plural"]):
            g = "f"
        elif actor.kind in ("GPE", "LOC"):
            g = "m" if head.startswith(_RW["article"]) else "f"
        elif head.endswith(_MASC_PLURALS) or head.startswith(_RW["article"]) and head in _BROKEN_PLURALS:
            g = "p"
    ctx.gender_cache[actor_id] = g
    return g


_BROKEN_PLURALS = words("broken_plurals")


def _titled(head: str) -> bool:
    from marsad.statements.speaker_phrase import person_word

    return person_word(head)


def compatible(ctx: Context, actor_id: str, gender: str | None) -> bool:
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
