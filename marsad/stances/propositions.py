"""Stances as propositions (holder, target, issue, polarity) and the contradictions between them.

These are pure: :func:`conflicting` and :func:`pair_contradictions` compare stances of one
document or, with a corpus-wide actor ``key``, of many.
"""
from __future__ import annotations

from typing import Any

from marsad.doc import Contradiction, Provenance, Stance
from marsad.stances.lexicon import OPPOSE, STAGE, SUPPORT


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
    for i, j in _conflicting_pairs(stances, key):
        same_rule = rule_of(stances[i]) == rule_of(stances[j])
        cands.append((not same_rule, abs(position_of(stances[i]) - position_of(stances[j])), i, j))
    used: set[int] = set()
    out = []
    for _, _, i, j in sorted(cands):
        if i not in used and j not in used:
            used.update((i, j))
            out.append((i, j))
    return sorted(out)


def _conflicting_pairs(stances: list[Any], key: Any = None) -> list[tuple[int, int]]:
    """The pairs (i, j), i < j, that :func:`conflicting` accepts, found through the stances'
    (holder, target, issue) instead of a test of every pair (a long document has hundreds)."""
    groups: dict[tuple, tuple[list[int], list[int]]] = {}
    try:
        for i, st in enumerate(stances):
            h, t, issue, p = proposition(st, key)
            if h is not None and t is not None and issue is not None and p in (SUPPORT, OPPOSE):
                groups.setdefault((h, t, issue), ([], []))[p == OPPOSE].append(i)
    except TypeError:  # unhashable keys: every pair
        return [(i, j) for i in range(len(stances)) for j in range(i + 1, len(stances))
                if conflicting(stances[i], stances[j], key)]
    return [(min(i, j), max(i, j)) for sup, opp in groups.values() for i in sup for j in opp]


def drop_nested(stances: list[Stance]) -> list[Stance]:
    """One reading per piece of evidence: a stance on the same holder, target and issue whose
    span lies inside another's is a partial reading of it (it misses the negation or the verb
    of wanting around it: "لا يطالب بسحب القوات" ⊃ "سحب القوات") and is dropped."""
    def inside(a: Stance, b: Stance) -> bool:
        return (b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start)
                and (a.holder, a.target, a.issue) == (b.holder, b.target, b.issue))

    # only stances on the same holder, target and issue can hold one another
    same: dict[tuple, list[Stance]] = {}
    for a in stances:
        same.setdefault((a.holder, a.target, a.issue), []).append(a)
    return [a for a in stances if not any(inside(a, b) for b in same[a.holder, a.target, a.issue] if b is not a)]


def contradictions(stances: list[Stance]) -> list[Contradiction]:
    """Contradictions among one document's stances: a flip when the two dates differ."""
    out = []
    for i, j in pair_contradictions(stances):
        a, b = stances[i], stances[j]
        kind = "flip" if a.date and b.date and a.date != b.date else "inconsistency"
        out.append(Contradiction(a.holder, a.target, (a.start, a.end), (b.start, b.end),
                                 Provenance(STAGE, f"contradiction.{a.issue}"), a.issue, kind, (i, j)))
    return out
