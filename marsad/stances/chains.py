"""Clause stances: the triggers that point at a target compose into one polarity.

A clause's triggers chain backward from its target ("يريد خروج …"، "رحّب بقرار الانسحاب من
…"); their polarities multiply, a negator flips the first trigger after it, and naming an issue
with no frame, negator or evaluation is no stance.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from marsad.stances.agents import UNKNOWN, agent_of, same_state, self_stance
from marsad.stances.lexicon import Trig
from marsad.stances.targets import targets_of
from marsad.stances.view import StanceView

WINDOW = 14  # words a trigger reaches toward its target

_COORD_RE = regex.compile(r",\s*و\p{L}")


@dataclass(slots=True)
class Chain:
    start: int
    end: int
    holder: str
    target: str
    polarity: int
    issue: str
    rule: str
    reported: bool = False


def clause_stances(v: StanceView, ts: list[Trig], negs, breaks, a: int, b: int, holder: str | None, sign: int,
            cue_frame: bool = False) -> list[Chain]:
    """Stances of the clauses of [a, b): targets found by trigger slots, polarity composed.

    ``holder`` is the speaker inside reported speech (None outside: the subject of an agentive
    trigger holds the stance); ``sign`` and ``cue_frame`` carry a demand or denial cue.
    """
    # (breaks and v.irrealis are sorted: bisect, not a scan of the document's list per clause)
    cuts = [a] + breaks[bisect.bisect_right(breaks, a):bisect.bisect_left(breaks, b)] + [b]
    out = []
    for lo, hi in zip(cuts, cuts[1:]):
        clause = _stating_triggers(v, ts, lo, hi)
        if not clause:
            continue
        h = holder
        agent_trig = None
        if h is None:
            agent_trig = next((t for t in clause if t.spec.agentive), None)
            h = agent_of(v, agent_trig, clause, lo, hi) if agent_trig else None
            if h is None or h == UNKNOWN:
                continue
        for tgt, (pos, pend, linked) in _clause_targets(v, clause, lo, hi, h).items():
            c = _target_chain(v, clause, negs, lo, hi, b, holder, h, agent_trig, sign, cue_frame,
                              tgt, pos, pend, linked)
            if c is not None:
                out.append(c)
    return out


def _stating_triggers(v: StanceView, ts: list[Trig], lo: int, hi: int) -> list[Trig]:
    """The triggers of clause [lo, hi) before any condition or question (which states nothing)."""
    clause = [t for t in ts if lo <= t.start < hi]
    if not clause:
        return clause
    irr = v.irrealis[bisect.bisect_left(v.irrealis, lo):bisect.bisect_left(v.irrealis, hi)]
    if irr:
        clause = [t for t in clause if t.start < irr[0]]
    return clause


def _clause_targets(v: StanceView, clause: list[Trig], lo: int, hi: int,
                    h: str) -> dict[str, tuple[int, int, list[Trig]]]:
    """Targets: actor -> (start, end of its evidence, linked triggers)."""
    targets: dict[str, tuple[int, int, list[Trig]]] = {}
    for t in clause:
        for tgt, pos, pend in targets_of(v, t, lo, hi, h):
            cur = targets.get(tgt)
            if cur is None:
                targets[tgt] = (pos, pend, [t])
            else:
                targets[tgt] = (min(cur[0], pos), max(cur[1], pend), cur[2] + [t])
    return targets


def _holder_here(v: StanceView, contrib: list[Trig], clause: list[Trig], lo: int, hi: int,
                 holder: str | None, h: str) -> tuple[str, bool] | None:
    """Who holds the stance and whether it is reported; None when an attitude's subject is unknown."""
    att = next((t for t in contrib if t.spec.agentive or t.spec.attitude), None)
    if holder is not None and att is not None:
        # "قال X إن إيران تنتقد السعودية": the attitude is Iran's, reported by X — unless
        # the subject is the speaker's own state ("العراق يريد …" said by its premier).
        ag = agent_of(v, att, clause, lo, hi)
        if ag == UNKNOWN:
            if att.spec.attitude:
                return None
        elif ag is not None and ag != holder and not same_state(v, ag, holder):
            return ag, True
    return h, False


def _target_chain(v: StanceView, clause: list[Trig], negs, lo: int, hi: int, b: int, holder: str | None,
                  h: str, agent_trig: Trig | None, sign: int, cue_frame: bool, tgt: str, pos: int, pend: int,
                  linked: list[Trig]) -> Chain | None:
    """The stance of clause [lo, hi) toward ``tgt``, or None when its triggers make none."""
    contrib = _chain_of(v, clause, linked, pos)
    if not contrib or (agent_trig is not None and agent_trig not in contrib):
        return None
    if _undergoes(v, contrib, pos):
        return None
    held = _holder_here(v, contrib, clause, lo, hi, holder, h)
    if held is None:
        return None
    holder_here, reported = held
    if self_stance(v, holder_here, tgt):
        return None
    ta = v.actor(tgt)
    if issue_hint(contrib) == "presence" and ta is not None and ta.type == "CVL":
        return None  # civilians leaving or staying is no stance toward them
    # An evaluation of the target (كعدو، مزعزع، انتقد) is the stance; frames and the issues
    # they scope over (يريد خروج، ضرورة بقاء) compose only among themselves.
    evaluative = [t for t in contrib if t in linked and t.spec.issue and not t.spec.neutral]
    # a frame right before the evaluation still scopes over it ("إنهاء العداء مع …")
    parts = evaluative + [f for f in contrib if f.spec.frame and any(
        f.end <= e.start and v.nwords(f.end, e.start) <= 1 for e in evaluative)] if evaluative else contrib
    if len({t.spec.issue for t in contrib if t.spec.issue}) < len([t for t in contrib if t.spec.issue]):
        return None
    pol = sign
    negated = False
    judged = set()  # the polarities of the evaluations, each pointing at the target on its own
    for t in parts:
        n = _negated(v, t, clause, negs, lo)
        negated = negated or n
        if t in evaluative:
            judged.add(t.spec.polarity * (-1 if n else 1))
        else:
            pol *= t.spec.polarity * (-1 if n else 1)
    if len(judged) > 1:
        return None  # two evaluations of one target that disagree
    # ("انتقد … قطر متهما إياها": two blames side by side are one blame, not a double negative)
    pol *= judged.pop() if judged else 1
    issue = evaluative[0].spec.issue if evaluative else _issue(v, linked, pos, pend)
    if issue is None:
        return None
    # Naming an issue ("محادثات مع تركيا") is no stance: a frame, a negator, an evaluation or
    # an act against it (انسحاب، إلغاء، عقوبات) must give it a polarity.
    # ("خروج بريطانيا" alone reports an exit; "الانسحاب من الاتفاق" acts against the deal)
    polar = cue_frame or negated or bool(evaluative) or any(
        (t.spec.frame and not t.spec.transparent)
        or (t.spec.polarity < 0 and not (t in linked and t.spec.issue == "presence")) for t in contrib)
    if not polar:
        return None  # "محادثات مع تركيا", "وجود القوات": naming an issue is no stance
    start = min(min(t.start for t in contrib), pos if lo <= pos < hi else b)
    end = max(max(t.end for t in contrib), pend if lo <= pos < hi else 0)
    rule = "+".join(t.spec.frame or t.spec.issue for t in contrib)
    return Chain(start, end, holder_here, tgt, pol, issue, rule, reported=reported)


def issue_hint(contrib: list[Trig]) -> str | None:
    return next((t.spec.issue for t in contrib if t.spec.issue), None)


def _undergoes(v: StanceView, contrib: list[Trig], pos: int) -> bool:
    """"الانتقادات التي تلقتها السعودية": the target undergoes the attitude."""
    a = min(t.start for t in contrib)
    lo = max(0, a - 30)
    words = v.text[lo:max(pos, a)].split()
    return any(w in v.lex.undergo for w in words)


def _chain_of(v: StanceView, clause: list[Trig], linked: list[Trig], pos: int) -> list[Trig]:
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


def _issue(v: StanceView, linked: list[Trig], pos: int, pend: int) -> str | None:
    """The issue of the trigger that points at the target from nearest."""
    def dist(t: Trig) -> int:
        return v.nwords(t.end, pos) if t.end <= pos else v.nwords(pend, t.start)
    for t in sorted(linked, key=dist):
        if t.spec.issue or t.spec.on_actor:
            return t.spec.issue or t.spec.on_actor
    return None


def _negated(v: StanceView, t: Trig, clause: list[Trig], negs, lo: int) -> bool:
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
