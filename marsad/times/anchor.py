"""The date an event or statement takes from the times layer around it."""
from __future__ import annotations

import re
from datetime import date

from marsad.doc import Doc, TimeExpr
from marsad.times.patterns import vocabulary

_WEEK = re.compile(r"(\d{4})-W(\d{2})")
# Punctuation, or a contrast or sequence conjunction (times.yaml: clause_breaks) between spaces.
_CLAUSE_BREAK = re.compile(
    r"[،,؛;:]|\s(?:" + "|".join(re.escape(w) for w in vocabulary()["clause_breaks"]) + r")\s")


def _precision(value: str) -> int:
    if len(value) >= 10:
        return 4
    if "W" in value:
        return 3
    return {7: 2, 4: 1}.get(len(value), 0)


def _dated(t: TimeExpr) -> bool:
    return t.value[:1].isdigit() and t.kind != "duration" and "/" not in t.value


def first_day(value: str) -> str:
    """A value's first day where it is an ISO week ("2018-W21" → "2018-05-21"), else the value:
    so weeks order among days and months."""
    m = _WEEK.fullmatch(value)
    if m is None:
        return value
    try:
        return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat()
    except ValueError:
        return value


def not_after(value: str, latest: str | None) -> bool:
    """Does the value start no later than the day ``latest`` (compared at the value's precision)?"""
    if not latest:
        return True
    v = first_day(value)
    return v <= latest[:len(v)]


def anchor(doc: Doc, start: int, end: int, latest: str | None = None) -> str | None:
    """Date of an event or statement at [start, end).

    The most specific dated (non-vague) time in its clause (the sentence cut at ، ؛ : and at
    contrast or sequence conjunctions), else in its sentence, else the document's reference date
    (its publication date, or the one the times stage inferred); ties go to the time nearest the span.
    With ``latest``, only the times that begin no later than that day (what was said by then).
    """
    sent = doc.sentence_at(start)
    if sent is None:
        return doc.reference_date
    times = [t for t in doc.starting_in("times", sent.start, sent.end) if _dated(t) and not_after(t.value, latest)]
    if not times:
        return doc.reference_date
    lo, hi = sent.start, sent.end
    for b in _CLAUSE_BREAK.finditer(doc.text, sent.start, sent.end):
        if b.end() <= start:
            lo = b.end()
        elif b.start() >= end:
            hi = b.start()
            break
    pool = [t for t in times if lo <= t.start and t.end <= hi] or times

    def gap(t: TimeExpr) -> int:
        return max(t.start - end, start - t.end, 0)

    return max(pool, key=lambda t: (_precision(t.value), -gap(t))).value
