"""What every command shares: messages to standard error, the default store, argument types."""
from __future__ import annotations

import argparse
import re
import sys
from datetime import date

from marsad.ingest.dates import InvalidDate, parse_published

DEFAULT_DB = "sqlite:///marsad.db"


def _say(kind: str, msg: str) -> None:
    from marsad.cli.report import safe

    print(f"marsad: {kind}: {safe(msg)}", file=sys.stderr)


def _err(msg: str) -> None:
    _say("error", msg)


def _jobs(value: str) -> int:
    from marsad.ingest.batch import max_jobs

    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{n} is negative (0 = one per core)")
    if n > max_jobs():
        _say("note", f"--jobs {n}: this machine has {max_jobs()} cores, running {max_jobs()}")
    return n


def _seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not n > 0:
        raise argparse.ArgumentTypeError("must be more than 0 seconds")
    return n


def _day(value: str) -> str:
    """YYYY-MM-DD (or YYYY-MM, YYYY), checked as a real date."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    try:
        if m is None:
            raise ValueError
        date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None
    return value


def published_date(value: str) -> str | None:
    try:
        return parse_published(value)
    except InvalidDate as e:
        raise argparse.ArgumentTypeError(str(e)) from None

