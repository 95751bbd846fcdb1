"""Batch analysis: many records through the pipeline, on one or several worker processes.

Results come back in input order. A record that cannot be analysed yields an
:class:`~marsad.ingest.readers.InputError` naming it; it never stops the batch.
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from marsad.doc import Doc
from marsad.ingest.dates import InvalidDate, parse_published
from marsad.ingest.readers import InputError, Record, check_text

_PIPELINE = None


def _init_worker() -> None:
    global _PIPELINE
    from marsad.pipeline import Pipeline

    _PIPELINE = Pipeline()


def _analyse(item: Record | InputError, published: str | None = None) -> tuple[Record | InputError, Doc | InputError]:
    if isinstance(item, InputError):
        return item, item
    reason = check_text(item.text, item.origin)
    if reason:
        return item, InputError(item.origin or item.id, reason)
    try:
        day = parse_published(published or item.published)
    except InvalidDate as e:
        return item, InputError(item.origin or item.id, str(e))
    if _PIPELINE is None:
        _init_worker()
    try:
        doc = _PIPELINE(Doc(text=item.text, id=item.id, published=day,
                            title=item.title, url=item.url, source=item.source))
    except Exception as e:  # one failing document must not stop the batch
        return item, InputError(item.origin or item.id, f"analysis failed: {type(e).__name__}: {e}")
    doc.cache.clear()  # stage caches are not needed downstream (and need not cross processes)
    return item, doc


def _analyse_star(args):
    return _analyse(*args)


def analyse_all(items: Iterable[Record | InputError], published: str | None = None,
                jobs: int = 1) -> Iterator[tuple[Record | InputError, Doc | InputError]]:
    """(record, Doc or InputError) for every item, in input order."""
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1:
        for item in items:
            yield _analyse(item, published)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker) as pool:
        yield from pool.imap(_analyse_star, ((i, published) for i in items), chunksize=8)
