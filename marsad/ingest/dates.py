"""Publication dates, parsed once where documents come in.

A document's ``published`` is an ISO 8601 date (``2018-03-13``) or date-time with or without a
zone (``2018-03-13T09:30:00+03:00``, ``2018-03-13 09:30Z``); Marsad keeps the calendar date the
publisher wrote (the zone only says where that date was). Anything else is an error of that
document, never a silent guess.
"""
from __future__ import annotations

from datetime import date, datetime

import regex

_ISO = regex.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")


class InvalidDate(ValueError):
    def __init__(self, value: object):
        super().__init__(f"invalid published date {str(value)!r} (expected an ISO date such as 2018-03-13)")


def parse_published(value: object) -> str | None:
    """``value`` as ``YYYY-MM-DD``; None for none given; :class:`InvalidDate` otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not _ISO.fullmatch(text):
        raise InvalidDate(value)
    try:
        day = date.fromisoformat(text[:10])
        if len(text) > 10:
            datetime.fromisoformat(text.replace("Z", "+00:00").replace(",", "."))
    except ValueError:
        raise InvalidDate(value) from None
    return day.isoformat()
