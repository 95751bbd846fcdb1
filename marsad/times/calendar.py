"""Calendar arithmetic for time values: months, ISO weeks, Hijri dates and implied years."""
from __future__ import annotations

from datetime import date, timedelta

from hijridate import Hijri


def date_or_none(y: int, m: int, d: int) -> date | None:
    """The date, or None where the day does not exist (31 April, 29 February 2023)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def nearest_year(ref: date, m: int, d: int | None = None, wd: int | None = None,
                  future: bool = False) -> int:
    """Year for month m (day d) written without one at date ref.

    News mostly looks back: the latest such date not after ref, unless the next one is both
    nearer and close (within about three months), or the context speaks of the future. A
    weekday given with the day keeps only the neighbouring years where it fits.
    """
    years = [ref.year - 1, ref.year, ref.year + 1]
    if d is not None and wd is not None:
        years = [y for y in years if (x := date_or_none(y, m, d)) and x.weekday() == wd] or years
    if d is not None:
        def delta(y):
            return ((date_or_none(y, m, d) or date_or_none(y, m, 28)) - ref).days
        limit = 100
    else:
        def delta(y):
            return (y * 12 + m) - (ref.year * 12 + ref.month)
        limit = 3
    past = max((y for y in years if delta(y) <= 0), key=delta, default=None)
    nxt = min((y for y in years if delta(y) > 0), key=delta, default=None)
    if past is None or nxt is None:
        return nxt if past is None else past
    if future:
        return past if delta(past) == 0 else nxt
    return nxt if delta(nxt) < -delta(past) and delta(nxt) <= limit else past


def qualified_year(ref: date, m: int, qual: str | None, d: int | None = None) -> int:
    """Year of month m qualified as past (الماضي), next (المقبل) or current (الجاري) at ref."""
    here = (ref.month, ref.day) if d is not None else (ref.month, 0)
    there = (m, d) if d is not None else (m, 0)
    if qual == "past":
        return ref.year if there < here else ref.year - 1
    if qual == "next":
        return ref.year if there > here else ref.year + 1
    return ref.year


def weekday_date(ref: date, wd: int, qual: str | None) -> date:
    """The weekday in the week of / before ref (الماضي strictly before, المقبل strictly after)."""
    back = (ref.weekday() - wd) % 7
    if qual == "next":
        return ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    if qual == "past":
        return ref - timedelta(days=back or 7)
    return ref - timedelta(days=back)


def weekday_near(base: date, wd: int) -> date:
    """The date with weekday wd closest to base (اليوم الأحد, أمس الاثنين)."""
    return min((base + timedelta(days=k) for k in range(-3, 4) if (base + timedelta(days=k)).weekday() == wd),
               key=lambda x: abs((x - base).days))


def infer_year(m: int, d: int, wd: int, newest: int | None, today: date | None = None) -> int | None:
    """Year in which day d of month m falls on weekday wd, for a text of unknown date.

    The text was written no earlier than the newest year it mentions and no later than today:
    the first fitting year from that newest year on, else the last fitting year before today.
    """
    today = today or date.today()
    fits = [y for y in range(1900, today.year + 1)
            if (x := date_or_none(y, m, d)) and x.weekday() == wd and x <= today]
    if not fits:
        return None
    later = [y for y in fits if newest is not None and y >= newest]
    return min(later) if later else max(fits)


def hijri_to_iso(y: int, m: int, d: int | None) -> str | None:
    try:
        if d is not None:
            return Hijri(y, m, d).to_gregorian().isoformat()
        g = Hijri(y, m, 15).to_gregorian()  # a Hijri month without day: its middle's month
        return month_value(g.year, g.month)
    except (ValueError, OverflowError):
        return None


def parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None

