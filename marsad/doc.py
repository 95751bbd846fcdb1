"""The document model: one input text and the typed layers of spans that stages add to it.

Like spaCy's ``Doc``, a :class:`Doc` owns the original text; every layer item is a span of
``(start, end)`` code-point offsets into that exact text (end exclusive) plus the stage and
rule or model that produced it, so an analyst can check every claim against the evidence.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields
from datetime import date
from enum import Enum
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


class MentionKind(Enum):
    """What an actor mention names, as the actors stage tells the later stages (set by
    ``marsad.actors.kinds.mention_kind``; not part of the JSON output)."""

    COUNTRY = "country"  # a state by its name ("إسرائيل")
    CAPITAL = "capital"  # a state by its capital ("واشنطن")
    CITY = "city"  # a town or city of the gazetteer
    PLACE = "place"  # a place the entity layer found, not in the dictionary
    ALIAS = "alias"  # a listed actor by one of its names
    PERSON = "person"  # a listed person by name
    TITLE_NAME = "title-name"  # a title and a name ("الرئيس ترامب")
    NATIONALS = "nationals"  # a state's people by their nisba ("السوريون")
    BORROWED = "borrowed"  # a body whose country is the document's main one ("الجيش")
    OTHER = "other"


@dataclass(slots=True)
class Mention:
    """A span of text resolved to an actor of the document."""

    start: int
    end: int
    actor: str
    prov: Provenance
    kind: MentionKind = MentionKind.OTHER


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
    family: str | None = None  # the cue's family in the speech lexicon (say, deny, call …)


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
    modality: str = "asserted"  # planned | conditional | denied | demanded | threatened (a call's, a threat's)
    stance: str | None = None  # the predicate's attitude, source toward target: support | oppose | none
    target_from: str | None = None  # "judged-act": a condemned act's agent (internal, not in the JSON)
    source_from: str | None = None  # "speaker": a first-person verb's agent, the quote's speaker (internal)


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
    # The date the text is read against: the publication date, else the one the times stage
    # infers from the text (a weekday with its day and month); events and statements fall back to it.
    reference_date: str | None = None
    version: str = __version__  # of the Marsad that analysed it
    # Stage-private caches (normalised text, offset maps …); never serialised.
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    # -- views ---------------------------------------------------------------------------
    @property
    def published_date(self) -> date | None:
        """``published`` as a date (readers give it as ``YYYY-MM-DD``: marsad.ingest.dates)."""
        return date.fromisoformat(self.published) if self.published else None

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

        A start-sorted index (a scan per call was quadratic); items appended since (a stage reading
        the layer it writes) join it, a layer replaced or changed otherwise is indexed again."""
        items = getattr(self, layer)
        index = self.cache.get(("_starts", layer))
        n = len(items)
        if index is None or index[0] is not items or n < index[1] or index[1] and items[index[1] - 1] is not index[2]:
            order = sorted(range(n), key=lambda k: items[k].start)
            # the index holds the list itself: its id cannot be reused by another list
            index = self.cache[("_starts", layer)] = [items, n, items[-1] if n else None,
                                                      [items[k].start for k in order], order]
        elif index[1] < n:
            starts, order = index[3], index[4]
            for k in range(index[1], n):  # after the equal starts: as the full sort orders them
                i = bisect.bisect_right(starts, items[k].start)
                starts.insert(i, items[k].start)
                order.insert(i, k)
            index[1], index[2] = n, items[-1]
        starts, order = index[3], index[4]
        i = bisect.bisect_left(starts, lo)
        found = order[i:bisect.bisect_left(starts, hi, i)]
        if len(found) > 1:
            found.sort()
        return [items[k] for k in found]

    def overlapping(self, layer: str, lo: int, hi: int) -> list[Any]:
        """The items of list layer ``layer`` that overlap [lo, hi), in list order (through the
        start index of :meth:`starting_in` and the layer's longest item)."""
        items = getattr(self, layer)
        longest = self.cache.get(("_longest", layer))
        if longest is None or longest[0] is not items or longest[1] != len(items):
            longest = self.cache[("_longest", layer)] = (items, len(items),
                                                         max((x.end - x.start for x in items), default=0))
        return [x for x in self.starting_in(layer, lo - longest[2], hi) if x.end > lo]

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor of the longest mention overlapping [start, end), if any."""
        best = None
        for m in self.mentions:
            if m.start < end and start < m.end and (best is None or m.end - m.start > best.end - best.start):
                best = m
        return self.actors.get(best.actor) if best else None

    def in_boilerplate(self, start: int, end: int, dateline: bool = False) -> bool:
        """Inside page clutter (a dateline is not: its places are names of the article), or with
        ``dateline`` inside any boilerplate span. A binary search over the spans sorted by start,
        with the running maximum of their ends: no scan of every span (linear time)."""
        spans = self.boilerplate
        if not spans:
            return False
        key = "_boiler_index_all" if dateline else "_boiler_index"
        index = self.cache.get(key)
        if index is None or index[0] is not spans or index[1] != len(spans):
            pairs = sorted((b.start, b.end) for b in spans if dateline or b.kind != "dateline")
            reach, best = [], -1
            for _, e in pairs:
                best = max(best, e)
                reach.append(best)
            index = self.cache[key] = (spans, len(spans), [p[0] for p in pairs], reach)
        i = bisect.bisect_right(index[2], start) - 1
        return i >= 0 and index[3][i] >= end

    def clutter(self) -> list[Boilerplate]:
        """The boilerplate that is not part of the article: everything but the dateline, which
        is metadata of the article (kept on the Doc for the stages that skip it)."""
        return [b for b in self.boilerplate if b.kind != "dateline"]

    # -- output --------------------------------------------------------------------------
    def _document_json(self) -> dict[str, Any]:
        meta = {"id": self.id, "published": self.published, "title": self.title, "url": self.url,
                "source": self.source}
        if self.reference_date and self.reference_date != self.published:
            meta["reference_date"] = self.reference_date  # inferred from the text
        return meta

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
            "marsad_version": self.version,
            "document": self._document_json(),
            "sentences": [[s.start, s.end] for s in self.sentences],
            "boilerplate": [[b.start, b.end] for b in self.clutter()],
            "boilerplate_kinds": [b.kind for b in self.clutter()],
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
                 "via": list(s.via) if s.via else None, "family": s.family, "text": self.text[s.start:s.end],
                 **prov(s.prov)} for s in self.statements
            ],
            "events": [
                {"start": e.start, "end": e.end, "type": e.type, "mode": e.mode,
                 "source": e.source, "target": e.target, "date": e.date, "location": e.location,
                 "place": e.place, "aux": e.aux,
                 "modality": e.modality, "stance": e.stance, "text": self.text[e.start:e.end], **prov(e.prov)}
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

    @classmethod
    def from_json(cls, data: dict[str, Any], text: str | None = None) -> "Doc":
        """The Doc of a ``marsad.analysis/1`` object (what :meth:`to_json` and ``marsad analyze
        --json`` print): ``Doc.from_json(a).to_json() == a``.

        Without ``text`` the document's text is rebuilt from the evidence each item carries: the
        evidence spans hold their words, everything else is blank.
        """
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} object (schema {data.get('schema')!r})")
        meta = data["document"]
        doc = cls(text=text if text is not None else _evidence_text(data), id=meta["id"],
                  published=meta.get("published"), title=meta.get("title"), url=meta.get("url"),
                  source=meta.get("source"), version=data.get("marsad_version", __version__),
                  reference_date=meta.get("reference_date"))
        doc.sentences = [Sentence(s, e, i) for i, (s, e) in enumerate(data.get("sentences", []))]
        doc.boilerplate = [Boilerplate(s, e, kind, Provenance("boilerplate"))
                           for (s, e), kind in zip(data["boilerplate"], data.get("boilerplate_kinds", []))]
        for a in data["actors"]:
            actor = _item(Actor, a)
            actor.mentions = [tuple(m) for m in a["mentions"]]
            doc.actors[actor.id] = actor
        doc.mentions = [Mention(s, e, a, Provenance("actors")) for s, e, a in
                        sorted((s, e, a.id) for a in doc.actors.values() for s, e in a.mentions)]
        doc.entities = [_item(Entity, d) for d in data["entities"]]
        doc.times = [_item(TimeExpr, d) for d in data["times"]]
        doc.statements = [_item(Statement, d) for d in data["statements"]]
        doc.events = [_item(Event, d) for d in data["events"]]
        doc.stances = [_item(Stance, d) for d in data["stances"]]
        doc.contradictions = [_item(Contradiction, d) for d in data["contradictions"]]
        return doc


def _evidence_text(data: dict[str, Any]) -> str:
    """A text as long as the furthest span, holding each item's evidence words at its offsets."""
    spans = [(d["start"], d["end"], d.get("text")) for layer in _EVIDENCE_LAYERS for d in data.get(layer, [])]
    spans += [(s, e, None) for s, e in data.get("sentences", []) + data.get("boilerplate", [])]
    chars = [" "] * max((e for _, e, _ in spans), default=0)
    for s, e, words in spans:
        if words is not None and len(words) == e - s:
            chars[s:e] = words
    return "".join(chars)


_EVIDENCE_LAYERS = ("entities", "times", "statements", "events", "stances")


def _item(cls: type, d: dict[str, Any]) -> Any:
    """A layer item of dataclass ``cls`` from its JSON object (spans as tuples, provenance rebuilt)."""
    values = {}
    for f in fields(cls):
        if f.name == "prov":
            values["prov"] = Provenance(d["stage"], d.get("rule"), d.get("score")) if "stage" in d else None
        elif f.name in d:
            v = d[f.name]
            values[f.name] = tuple(v) if isinstance(v, list) and "tuple" in str(f.type) else v
    return cls(**values)
