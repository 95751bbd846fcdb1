"""A document's text cut into segments, each with the layer items that cover it.

Layers overlap (a statement holds actor mentions, times and events), so the text is cut at
every item boundary; each piece carries the classes and item numbers of all items over it, and
the template writes it as one escaped span. One sweep over the sorted boundaries: no quadratic
loop over a long document's items.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Item:
    n: int
    layer: str  # actor | entity | time | statement | event | stance | boilerplate
    start: int
    end: int
    label: str  # what it is (event type, actor name, time value …)
    stage: str | None = None
    rule: str | None = None
    score: float | None = None
    link: str | None = None

    def tip(self) -> str:
        prov = " · ".join(str(x) for x in (self.stage, self.rule, self.score) if x not in (None, ""))
        return f"{self.layer}: {self.label}" + (f"  [{prov}]" if prov else "")

    def to_json(self) -> dict[str, Any]:
        return {"layer": self.layer, "label": self.label, "stage": self.stage, "rule": self.rule,
                "score": self.score, "start": self.start, "end": self.end, "link": self.link}


@dataclass
class Segment:
    text: str
    items: list[Item] = field(default_factory=list)
    badges: list[Item] = field(default_factory=list)  # items starting here that show a badge

    @property
    def classes(self) -> str:
        return " ".join(sorted({"L-" + i.layer for i in self.items}))

    @property
    def ids(self) -> str:
        return " ".join(str(i.n) for i in self.items)

    @property
    def tip(self) -> str:
        return "\n".join(i.tip() for i in self.items)


def items_of(analysis: dict[str, Any], doc_id: str) -> list[Item]:
    """Markable items of a ``marsad.analysis/1`` object."""
    actors = {a["id"]: a for a in analysis.get("actors", [])}
    out: list[Item] = []

    def add(layer, x, label, **kw):
        out.append(Item(len(out), layer, x["start"], x["end"], label, x.get("stage"), x.get("rule"),
                        x.get("score"), **kw))

    def name(aid):
        return (actors.get(aid) or {}).get("name") or "—"

    for b, kind in zip(analysis.get("boilerplate", []), analysis.get("boilerplate_kinds", [])):
        out.append(Item(len(out), "boilerplate", b[0], b[1], kind, "boilerplate"))
    for a in actors.values():
        label = f"{a['name']} ({a.get('country') or '—'}/{a.get('type') or '—'})"
        code = a.get("code") or f"new:{a['name']}"
        for s, e in a.get("mentions", []):
            add("actor", {"start": s, "end": e, **a}, label, link=code)
    for t in analysis.get("times", []):
        add("time", t, t["value"])
    for i, s in enumerate(analysis.get("statements", [])):
        add("statement", s, f"{name(s.get('speaker'))}", link=f"{doc_id}:{i}")
    for e in analysis.get("events", []):
        who = f"{name(e.get('source'))} → {name(e.get('target'))}"
        add("event", e, f"{e['type']} {e.get('mode') or ''} {who}".replace("  ", " "))
    for s in analysis.get("stances", []):
        add("stance", s, f"{name(s['holder'])} {s['polarity']} {name(s['target'])} {s.get('issue') or ''}")
    return out


def segments(text: str, items: list[Item]) -> list[Segment]:
    items = [i for i in items if 0 <= i.start < i.end <= len(text)]
    cuts = sorted({0, len(text), *(i.start for i in items), *(i.end for i in items)})
    by_start = sorted(items, key=lambda i: (i.start, -i.end))
    active: list[tuple[int, int, Item]] = []  # heap by end
    out: list[Segment] = []
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        badges = []
        while k < len(by_start) and by_start[k].start <= a:
            it = by_start[k]
            heapq.heappush(active, (it.end, it.n, it))
            if it.start == a and it.layer in ("event", "statement"):
                badges.append(it)
            k += 1
        while active and active[0][0] <= a:
            heapq.heappop(active)
        covering = sorted((x[2] for x in active), key=lambda i: i.n)
        out.append(Segment(text[a:b], covering, badges))
    return out
