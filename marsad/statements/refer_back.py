"""Speaker phrases that name an earlier actor again: a definite head (المحكمة → محكمة العدل
الأوروبية, الوزير القطري → وزير الخارجية القطري) or a surname (نويرت → هيذر نويرت)."""
from __future__ import annotations

import bisect

from marsad.statements.context import Context
from marsad.statements.lexicon import RULE_WORDS
from marsad.statements.speaker_phrase import speaker_lexicon
from marsad.text.normalize import normalize

_ART = RULE_WORDS["article"]


def _bare(w: str) -> str:
    return w[2:] if w.startswith(_ART) and len(w) > 3 else w


class _EarlierActors:
    """The actors mentioned before a point of the text, each with its latest mention, indexed by
    the words a later phrase may name it with. Phrases come in text order, so the map grows from
    the last call's instead of being rebuilt (linear time); a change to the mentions before the
    point seen so far starts it again."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.done = 0
        self.last: dict[str, int] = {}  # actor → start of its latest mention (first-seen order)
        self.by_first: dict[str, set[str]] = {}  # bare first word of a name form → actors
        self.by_last: dict[str, set[str]] = {}  # last word of a name form → actors

    def upto(self, ctx: Context, k: int) -> "_EarlierActors":
        if k < self.done:
            self.reset()
        for m in ctx.mentions[self.done:k]:
            if m.actor not in self.last:
                a = ctx.doc.actors.get(m.actor)
                for f in _forms(a) if a is not None else ():
                    if f:
                        self.by_first.setdefault(_bare(f[0]), set()).add(m.actor)
                        self.by_last.setdefault(f[-1], set()).add(m.actor)
            self.last[m.actor] = m.start
        self.done = k
        return self


def _earlier(ctx: Context, k: int) -> _EarlierActors:
    got = getattr(ctx, "_earlier", None)
    if got is None:
        got = ctx._earlier = _EarlierActors()
    return got.upto(ctx, k)


def _forms(actor) -> list[list[str]]:
    """The normalised words of an actor's name and aliases (cached by those names)."""
    key = (actor.name, *actor.aliases)
    got = _FORMS.get(key)
    if got is None:
        got = _FORMS[key] = [normalize(f).split() for f in [actor.name, *actor.aliases] if f]
        if len(_FORMS) > 50_000:
            _FORMS.clear()
    return list(got)


_FORMS: dict[tuple, list[list[str]]] = {}


def _in_order(aids: set[str], last: dict[str, int]) -> list[tuple[str, int]]:
    """(actor, latest mention) of ``aids`` in the first-seen order of ``last``."""
    order = {a: i for i, a in enumerate(last)} if len(aids) > 1 else {}
    return sorted(((a, last[a]) for a in aids), key=lambda x: order.get(x[0], 0))


def refers_back(ctx: Context, words: list[str], s: int) -> str | None:
    """An earlier actor a definite head or a surname names again."""
    head = words[0]
    if len(words) > 3:
        return None
    definite = head.startswith(_ART)
    if not definite and (len(words) > 2 or head in speaker_lexicon().heads):
        return None
    seen = _earlier(ctx, bisect.bisect_left(ctx.m_starts, s))
    last = seen.last
    named = seen.by_first.get(_bare(head), set()) if definite else seen.by_last.get(words[-1], set())
    named = named | {x for _, x in ctx.titled if x in last}
    best, best_pos = None, -1
    for aid, pos in last.items() if len(named) * 4 > len(last) else _in_order(named, last):
        a = ctx.doc.actors.get(aid)
        if a is None or pos <= best_pos or aid not in named:
            continue
        forms = _forms(a) + [t for t, x in ctx.titled if x == aid]
        if definite:
            ok = any(f and _bare(f[0]) == _bare(head) and set(words[1:]) <= set(f[1:]) for f in forms)
        else:
            ok = a.kind == "PER" and any(f[-len(words):] == words for f in forms if len(f) > len(words))
        if ok:
            best, best_pos = aid, pos
    return best
