"""The actors layer's entities: named mentions become entities, entities get actors.

A named mention replaces the shorter entities it contains (the longest wins), a bare state name
is LOC, and designator words (قطاع، دولة، حركة، الملك …; resources/actors/entity_designators.txt)
stay outside a name's entity as in ANERcorp, and a generic institution described by nisba
adjectives ("الجيش اللبناني"; resources/actors/entity_generic_heads.txt) is an actor mention but no
entity, as in the NER corpora. Every entity then takes the actor of the mention
with its span, else of the longest mention inside it, else of the longest overlapping it.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from marsad.actors.base import STAGE, norm
from marsad.actors.dictionary import RESOURCES
from marsad.actors.groups import LED_BY, LED_VERBS, RELATIVE
from marsad.doc import Doc, Entity, Provenance
from marsad.entities.document import nisba_adjective

_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")


def _word_list(name: str) -> list[str]:
    """The normalised lines of a word list under resources/actors/ (# starts a comment line)."""
    lines = (RESOURCES / name).read_text(encoding="utf-8").splitlines()
    return [norm(ln) for ln in lines if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def designators() -> frozenset[str]:
    """Words left outside a name's entity span (resources/actors/entity_designators.txt)."""
    return frozenset(_word_list("entity_designators.txt"))


@lru_cache(maxsize=1)
def generic_heads() -> tuple[frozenset[str], frozenset[str]]:
    """(institution head nouns, generic genitives) of resources/actors/entity_generic_heads.txt."""
    words = _word_list("entity_generic_heads.txt")
    return (frozenset(w for w in words if not w.startswith("=")),
            frozenset(w[1:] for w in words if w.startswith("=")))


@lru_cache(maxsize=50_000)
def institution_description(span: str) -> bool:
    """Is ``span`` a generic institution described by nisba adjectives ("الجيش اللبناني")?

    Such phrases are actor mentions, not names: the NER corpora leave them untagged.
    """
    words = norm(span).split()
    heads, genitives = generic_heads()
    # after the preposition lam the article's alif is not written: للجيش → span "لجيش"
    if len(words) < 2 or not (words[0] in heads or "ا" + words[0] in heads):
        return False
    return all(w in genitives or (w.startswith("ال") and len(w) > 4 and w.endswith(("ي", "يه"))) for w in words[1:])


def _name_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The mention [s, e) without leading and trailing designator words (الملك، قطاع …)."""
    a, b = _name_offsets(text[s:e])
    return s + a, s + b


def _leader_cut(text: str, s: int, e: int) -> int:
    """Where a coalition's name ends before its leader: "التحالف [بقيادة السعودية]", "القوات
    [التي تقودها الولايات المتحدة]" — the leader is a place entity of its own, as in the gold
    format and ANERcorp; e when the mention names no leader."""
    words = [(m.start(), m.end(), norm(m.group())) for m in _WORD.finditer(text, s, e)]
    for k in range(1, len(words)):
        w = words[k][2]
        if w in LED_BY or (w in RELATIVE and k + 1 < len(words) and words[k + 1][2] in LED_VERBS):
            return words[k - 1][1]
    return e


@lru_cache(maxsize=50_000)
def _name_offsets(span: str) -> tuple[int, int]:
    """Offsets inside ``span`` of the name without its designator words (names recur)."""
    if not _SPACE.search(span):
        return 0, len(span)  # one word (or none): nothing to leave out
    words = [(m.start(), m.end()) for m in _WORD.finditer(span)]
    while len(words) > 1 and norm(span[words[0][0]:words[0][1]]) in designators():
        words.pop(0)
    while len(words) > 1 and norm(span[words[-1][0]:words[-1][1]]) in designators():
        words.pop()
    return (words[0][0], words[-1][1]) if words else (0, len(span))


def proclitic_gap(text: str, a: int, b: int) -> bool:
    """Is text[a:b] one or two proclitic letters (و ف ب ل ك) inside one word?"""
    return 0 < b - a <= 2 and all(ch in "وفبلك" for ch in text[a:b])


def _designated(text: str, s: int, e: int, entity: Entity) -> bool:
    """Is mention [s, e) the entity plus designator words only (قطاع، دولة، الملك …)?"""
    rest = (text[s:entity.start] + " " + text[entity.end:e]).split()
    return bool(rest) and all(norm(w) in designators() for w in rest)


def _overlap_groups(ents: list[Entity], named: list[tuple]) -> list[tuple[list[Entity], list[tuple]]]:
    """Entities and named mentions in groups of overlapping spans, in text order; each keeps the
    order of its list. A mention only ever changes entities it overlaps, so the groups merge
    independently, and joined in text order they give the list one merge of all would: each
    merge then edits a short list, not one of every entity (list edits grew with the square
    of a document's length)."""
    spans = sorted([(x.start, x.end, 0, i) for i, x in enumerate(ents)]
                   + [(m[0], m[1], 1, j) for j, m in enumerate(named)])
    groups: list[tuple[list[int], list[int]]] = []
    reach = None
    for s, e, kind, k in spans:
        if reach is None or s >= reach:
            groups.append(([], []))
            reach = e
        reach = max(reach, e)
        groups[-1][kind].append(k)
    return [([ents[i] for i in sorted(ei)], [named[j] for j in sorted(mj)]) for ei, mj in groups]


def merge_entities(doc: Doc, mentions: list[tuple[int, int, str, str, str | None]]) -> None:
    """Named mentions become entities (longest wins); entities get their mention's actor."""
    named = sorted((m for m in mentions if m[4] is not None), key=lambda m: m[0] - m[1])
    ents: list[Entity] = []
    for group, group_named in _overlap_groups(sorted(doc.entities, key=lambda x: x.start), named):
        ents += _merge_group(doc, _split_runs(doc, group, group_named), group_named)
    _attach_actors(doc, ents, mentions)


def _split_runs(doc: Doc, ents: list[Entity], named: list[tuple]) -> list[Entity]:
    """A tagged person that is two named persons side by side, as when a verb between two short
    foreign names went untagged ("شكر كيم مون": كيم and مون, each the surname of a person named
    before), becomes one entity per person."""
    out = []
    for x in ents:
        parts = sorted((m for m in named if x.start <= m[0] and m[1] <= x.end and m[4] == "PER"),
                       key=lambda m: m[0])
        gaps = [doc.text[a[1]:b[0]] for a, b in zip(parts, parts[1:])]
        if x.label != "PER" or len(parts) < 2 or len({m[2] for m in parts}) < 2 or \
                doc.text[x.start:parts[0][0]].strip() or doc.text[parts[-1][1]:x.end].strip() or \
                any(g.strip() for g in gaps):
            out.append(x)
            continue
        out += [Entity(m[0], m[1], "PER", Provenance(STAGE, m[3]), m[2]) for m in parts]
    return out


def _merge_group(doc: Doc, ents: list[Entity], named: list[tuple]) -> list[Entity]:
    starts = [x.start for x in ents]
    for s, e, aid, rule, label in named:  # e only ever shrinks: the groups stay independent
        if _SPACE.search(doc.text, s, e):
            e = _leader_cut(doc.text, s, e)
        elif rule == "country" and nisba_adjective(doc.text, s, norm(doc.text[s:e])):
            continue  # "إدارة مدنية سورية": an adjective, no place entity
        lo = max(0, bisect.bisect_right(starts, s) - 1)
        hi = bisect.bisect_left(starts, e)
        where = [k for k in range(lo, hi) if ents[k].start < e and s < ents[k].end]
        over = [ents[k] for k in where]
        if len(over) == 1 and over[0].end == e and proclitic_gap(doc.text, over[0].start, s):
            over[0].start = starts[where[0]] = s  # the name without the proclitic the tagger kept
        if over and not (all(s <= x.start and x.end <= e for x in over) and
                         any(x.end - x.start < e - s for x in over)):
            if len(over) == 1 and (over[0].start, over[0].end) == (s, e):
                if rule == "country" and over[0].label in ("ORG", "MISC"):
                    # A bare state name is LOC in the NER corpora and the gold format even
                    # when the state acts (a government, a national team): the actor says who.
                    over[0].label = "LOC"
                elif label == "ORG" and over[0].label == "PER":
                    over[0].label = "ORG"  # a listed group the tagger took for a person
                elif over[0].prov.rule == "document" and rule != "country":
                    over[0].label = label  # a repeated reading yields to the dictionary's
            continue  # an entity crosses or contains it: the entity stays
        if len(over) == 1 and _designated(doc.text, s, e, over[0]):
            continue  # "قطاع [غزة]": the name is the entity, the designator stays outside
        for k in reversed(where):  # by position: no scan of the list per removal (linear time)
            del ents[k], starts[k]
        ns, ne = _name_span(doc.text, s, e)
        k = bisect.bisect_left(starts, ns)
        ents.insert(k, Entity(ns, ne, label, Provenance(STAGE, rule), aid))
        starts.insert(k, ns)
    return ents


def _attach_actors(doc: Doc, ents: list[Entity], mentions: list[tuple]) -> None:
    # every entity: the actor of the mention with its span, else of the longest mention
    # inside it, else of the longest overlapping it
    spans = sorted(mentions, key=lambda m: m[0])
    m_starts = [m[0] for m in spans]
    for x in ents:
        if x.actor is not None:
            continue
        lo = bisect.bisect_left(m_starts, x.start - 300)
        best, best_key = None, None
        for j in range(lo, len(spans)):  # no slice: a copy of the rest per entity is quadratic
            m = spans[j]
            if m[0] >= x.end:
                break
            if m[1] <= x.start:
                continue
            key = ((m[0], m[1]) == (x.start, x.end), x.start <= m[0] and m[1] <= x.end,
                   m[1] - m[0])
            if best_key is None or key > best_key:
                best, best_key = m, key
        if best is not None:
            x.actor = best[2]
    for x in ents:  # the tagger's spans too: "حركة [طالبان]", "الشيخ [صباح الأحمد]"
        x.start, x.end = _name_span(doc.text, x.start, x.end)
    doc.entities = [x for x in ents if not _described_institution(doc, x)]


_STATE_BODY = re.compile(r"[A-Z]{3}\.[A-Z]{3}")  # a state's own institution: IRQ.MIL, LBN.GOV


def _described_institution(doc: Doc, x: Entity) -> bool:
    """An ORG entity that only describes a state's institution ("الجيش اللبناني"), not a named
    body: a listed organisation of the same words (الجيش الوطني الليبي, القوات اللبنانية) stays."""
    if x.label != "ORG" or not institution_description(doc.text[x.start:x.end]):
        return False
    actor = doc.actors.get(x.actor) if x.actor else None
    return actor is None or actor.code is None or bool(_STATE_BODY.fullmatch(actor.code))
