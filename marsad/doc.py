"""The document model: one input text and the typed layers of spans that stages add to it.

Like spaCy's ``Doc``, a :class:`Doc` owns the original text; every layer item is a span of
``(start, end)`` code-point offsets into that exact text (end exclusive) plus the stage and
rule or model that produced it, so an analyst can check every claim against the evidence.
"""
from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from itertools import groupby
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from marsad import __version__

if TYPE_CHECKING:
    from marsad.text.normalize import NormText

SCHEMA = "marsad.analysis/1"


@dataclass(slots=True)
class Provenance:
    """Which stage, and which rule or model inside it, produced an item."""

    stage: str
    rule: str | None = None
    score: float | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    index: int
    paragraph: int = 0
    boilerplate: bool = False


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str  # matching form (see marsad.text.normalize)
    sentence: int
    # Proclitic-stripped candidate: offset of the stem start inside the token and its norm form.
    stem_start: int = 0
    stem: str = ""


@dataclass(slots=True)
class Boilerplate:
    start: int
    end: int
    kind: str  # related | share | credit | byline | dateline | insert | ...
    prov: Provenance


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    label: str  # PER | ORG | LOC | MISC
    prov: Provenance
    actor: str | None = None


@dataclass(slots=True)
class Actor:
    """A resolved actor of this document. ``code`` is the corpus-wide dictionary id, if known."""

    id: str
    name: str
    name_en: str | None = None
    country: str | None = None
    type: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    code: str | None = None
    qid: str | None = None
    kind: str | None = None  # PER | ORG | LOC | GPE ...
    prov: Provenance | None = None


@dataclass(slots=True)
class Mention:
    """A span of text resolved to an actor of the document."""

    start: int
    end: int
    actor: str
    prov: Provenance


@dataclass(slots=True)
class TimeExpr:
    start: int
    end: int
    value: str  # ISO 8601 at the text's precision, or PAST_REF / PRESENT_REF / FUTURE_REF
    prov: Provenance
    kind: str = "date"  # date | year | month | weekday | relative | vague | duration
    inferred: bool = False


@dataclass(slots=True)
class Statement:
    start: int
    end: int
    speaker: str | None
    direct: bool
    prov: Provenance
    cue: tuple[int, int] | None = None
    date: str | None = None
    via: tuple[int, int] | None = None  # the source it was reported through ("وفق ما نشر …")
    speaker_span: tuple[int, int] | None = None


@dataclass(slots=True)
class Event:
    start: int
    end: int
    type: str
    prov: Provenance
    mode: str | None = None
    source: str | None = None
    target: str | None = None
    date: str | None = None
    location: str | None = None
    place: str | None = None
    trigger: tuple[int, int] | None = None
    aux: str | None = None  # PLOVER auxiliary mode: historical | future | hypothetical | negated


@dataclass(slots=True)
class Stance:
    start: int
    end: int
    holder: str
    target: str
    polarity: str  # support | oppose
    prov: Provenance
    issue: str | None = None
    statement: int | None = None
    reported: bool = False  # only reports someone else's account ("وفق ما نشر")
    date: str | None = None


@dataclass(slots=True)
class Contradiction:
    holder: str
    target: str
    a: tuple[int, int]
    b: tuple[int, int]
    prov: Provenance
    issue: str | None = None
    kind: str = "inconsistency"  # inconsistency (same time) | flip (changed over time)
    stances: tuple[int, int] | None = None


@dataclass
class Doc:
    text: str
    id: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    # Stage-private caches (normalised text, offset maps …); never serialised.
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    # -- views ---------------------------------------------------------------------------
    def norm(self) -> "NormText":
        """The document's matching-normalised text with its offset map (computed once)."""
        nt = self.cache.get("norm_text")
        if nt is None or nt.original is not self.text:
            from marsad.text.normalize import normalize_with_map

            nt = self.cache["norm_text"] = normalize_with_map(self.text)
        return nt

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def content_sentences(self) -> list[Sentence]:
        """Sentences that are part of the article (boilerplate skipped by later stages)."""
        return [s for s in self.sentences if not s.boilerplate]

    def sentence_at(self, offset: int) -> Sentence | None:
        starts = self.cache.get("_sent_starts")
        if starts is None or len(starts) != len(self.sentences):
            starts = [s.start for s in self.sentences]
            self.cache["_sent_starts"] = starts
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def tokens_of(self, sent: Sentence) -> list[Token]:
        index = self.cache.get("_tok_by_sent")
        if index is None:
            index = {}
            # tokens come in runs of one sentence (in text order, as tokenize makes them)
            for k, run in groupby(self.tokens, attrgetter("sentence")):
                if k in index:
                    index[k] += run
                else:
                    index[k] = list(run)
            self.cache["_tok_by_sent"] = index
        return index.get(sent.index, [])

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Actor mentions lying inside [start, end), in ``self.mentions`` order."""
        return [m for m in self.starting_in("mentions", start, end) if m.end <= end]

    def starting_in(self, layer: str, lo: int, hi: int) -> list[Any]:
        """The items of list layer ``layer`` ("mentions", "entities", "times" …) that start in
        [lo, hi), in list order.

        A start-sorted index (rebuilt when the layer is replaced or grows) makes each call cost
        the items near the span, not all of the document's: scanning them all on every call made
        analysis time grow with the square of a document's length. Items must not move (change
        their start) while the layer is read this way."""
        items = getattr(self, layer)
        index = self.cache.get(("_starts", layer))
        if index is None or index[0] is not items or index[1] != len(items):
            order = sorted(range(len(items)), key=lambda k: items[k].start)
            # the index holds the list itself: its id cannot be reused by another list
            index = self.cache[("_starts", layer)] = (items, len(items),
                                                      [items[k].start for k in order], order)
        starts, order = index[2], index[3]
        i = bisect.bisect_left(starts, lo)
        found = order[i:bisect.bisect_left(starts, hi, i)]
        if len(found) > 1:
            found.sort()
        return [items[k] for k in found]

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor of the longest mention overlapping [start, end), if any."""
        best = None
        for m in self.mentions:
            if m.start < end and start < m.end and (best is None or m.end - m.start > best.end - best.start):
                best = m
        return self.actors.get(best.actor) if best else None

    def in_boilerplate(self, start: int, end: int) -> bool:
        """Does one boilerplate span contain [start, end)? (Binary search over the spans sorted
        by start, with the running maximum of their ends: no scan of every span.)"""
        spans = self.boilerplate
        if not spans:
            return False
        index = self.cache.get("_boiler_index")
        if index is None or index[0] is not spans or index[1] != len(spans):
            pairs = sorted((b.start, b.end) for b in spans)
            reach, best = [], -1
            for _, e in pairs:
                best = max(best, e)
                reach.append(best)
            index = self.cache["_boiler_index"] = (spans, len(spans), [p[0] for p in pairs], reach)
        i = bisect.bisect_right(index[2], start) - 1
        return i >= 0 and index[3][i] >= end

    # -- output --------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """The ``marsad.analysis/1`` object of FORMAT.md, plus provenance fields."""

        def prov(p: Provenance | None) -> dict[str, Any]:
            if p is None:
                return {}
            d: dict[str, Any] = {"stage": p.stage}
            if p.rule:
                d["rule"] = p.rule
            if p.score is not None:
                d["score"] = round(p.score, 4)
            return d

        return {
            "schema": SCHEMA,
            "marsad_version": __version__,
            "document": {"id": self.id, "published": self.published, "title": self.title,
                         "url": self.url, "source": self.source},
            "sentences": [[s.start, s.end] for s in self.sentences],
            "boilerplate": [[b.start, b.end] for b in self.boilerplate],
            "boilerplate_kinds": [b.kind for b in self.boilerplate],
            "actors": [
                {"id": a.id, "name": a.name, "name_en": a.name_en, "country": a.country,
                 "type": a.type, "aliases": a.aliases, "mentions": [list(m) for m in a.mentions],
                 "code": a.code, "qid": a.qid, "kind": a.kind, **prov(a.prov)}
                for a in self.actors.values()
            ],
            "entities": [{"start": e.start, "end": e.end, "label": e.label, "actor": e.actor,
                          "text": self.text[e.start:e.end], **prov(e.prov)} for e in self.entities],
            "times": [{"start": t.start, "end": t.end, "value": t.value, "kind": t.kind,
                       "inferred": t.inferred, "text": self.text[t.start:t.end], **prov(t.prov)}
                      for t in self.times],
            "statements": [
                {"start": s.start, "end": s.end, "speaker": s.speaker, "direct": s.direct,
                 "cue": list(s.cue) if s.cue else None, "date": s.date,
                 "via": list(s.via) if s.via else None, "text": self.text[s.start:s.end],
                 **prov(s.prov)} for s in self.statements
            ],
            "events": [
                {"start": e.start, "end": e.end, "type": e.type, "mode": e.mode,
                 "source": e.source, "target": e.target, "date": e.date, "location": e.location,
                 "place": e.place, "aux": e.aux, "text": self.text[e.start:e.end], **prov(e.prov)}
                for e in self.events
            ],
            "stances": [
                {"start": s.start, "end": s.end, "holder": s.holder, "target": s.target,
                 "polarity": s.polarity, "issue": s.issue, "statement": s.statement,
                 "reported": s.reported, "date": s.date, "text": self.text[s.start:s.end],
                 **prov(s.prov)} for s in self.stances
            ],
            "contradictions": [
                {"holder": c.holder, "target": c.target, "a": list(c.a), "b": list(c.b),
                 "issue": c.issue, "kind": c.kind, **prov(c.prov)} for c in self.contradictions
            ],
        }


def as_dict(item: Any) -> dict[str, Any]:
    return asdict(item)
