"""Streaming many documents: a bounded window of records in flight, and a cheap count of the
records ahead (for the progress bar's ETA).

Worker pools pull their input eagerly (``multiprocessing.Pool.imap`` feeds every task from a
thread as fast as it can), so a 100,000-record file would sit whole in memory, and the reading
(with its store look-ups) would run in the pool's thread. :class:`Throttle` reads in the caller's
thread instead, one record for each result taken: records in flight never exceed the window,
whatever the runner.
"""
from __future__ import annotations

import gzip
import json
import queue
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

from marsad.ingest.readers import JSON_SUFFIXES, JSONL_SUFFIXES, MAX_BYTES

T = TypeVar("T")
WINDOW = 256  # records in flight; at least a pool's chunk size times its workers, or it stalls
_END = object()


class Throttle:
    """An input iterator read ``window`` items ahead, then one more item per :meth:`done`.

    Reading happens in the thread that builds it and calls :meth:`done` (the writer's), never in
    the thread that iterates it (a pool's feeder)."""

    def __init__(self, items: Iterable[T], window: int = WINDOW):
        self._source = iter(items)
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._ended = False
        for _ in range(window):
            self._pull()

    def _pull(self) -> None:
        if self._ended:
            return
        try:
            self._queue.put(next(self._source))
        except StopIteration:
            self._ended = True
            self._queue.put(_END)

    def __iter__(self) -> Iterator[T]:
        while (item := self._queue.get()) is not _END:
            yield item

    def done(self) -> None:
        """One result has been taken: read one more item."""
        self._pull()


def _count_file(path: Path) -> int:
    suffixes = [s.lower() for s in path.suffixes]
    gz = suffixes[-1:] == [".gz"]
    kind = (suffixes[-2] if gz and len(suffixes) >= 2 else suffixes[-1]) if suffixes else ""
    try:
        if kind in JSONL_SUFFIXES:
            with (gzip.open if gz else open)(path, "rb") as f:
                return sum(1 for line in f if line.strip())
        if kind in JSON_SUFFIXES and path.stat().st_size <= MAX_BYTES:
            data = gzip.decompress(path.read_bytes()) if gz else path.read_bytes()
            obj = json.loads(data.decode("utf-8-sig"))
            return len(obj) if isinstance(obj, list) else 1
    except (OSError, EOFError, ValueError):
        pass
    return 1


def count_records(paths: list[str]) -> int | None:
    """How many records the paths hold (JSONL lines, JSON array items, files), reading only
    what is needed to count; None when the input is standard input."""
    total = 0
    for p in paths:
        path = Path(p)
        if p == "-":
            return None
        if path.is_dir():
            total += sum(_count_file(f) for f in sorted(path.rglob("*"))
                         if f.is_file() and not f.name.startswith("."))
        else:
            total += _count_file(path)
    return total
