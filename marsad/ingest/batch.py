"""Batch analysis: many records through the pipeline, on one or several worker processes.

Results come back in input order. A record that cannot be analysed yields an
:class:`~marsad.ingest.readers.InputError` naming it; it never stops the batch. A document that
takes longer than the per-document time limit is stopped and reported the same way.
"""
from __future__ import annotations

import os
import signal
import threading
from typing import Iterable, Iterator

from marsad.doc import Doc
from marsad.ingest.dates import InvalidDate, parse_published
from marsad.ingest.readers import InputError, Record, check_text

DEFAULT_TIMEOUT = 600.0  # seconds per document: ten times what the longest text allowed takes
_PIPELINE = None


class DocTimeout(Exception):
    pass


def max_jobs() -> int:
    """Most worker processes worth running: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _init_worker() -> None:
    """Load the pipeline and its models, outside any time limit: a limit hit while a lexicon
    loads would leave it half-built for the documents after."""
    global _PIPELINE
    import multiprocessing as mp

    from marsad.pipeline import Pipeline

    # a pool worker's main thread (a Dask worker runs tasks in other threads: no signals there)
    if mp.current_process().name != "MainProcess" and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _PIPELINE = Pipeline()
    _PIPELINE(Doc(text=_warmup_text(), id="warmup"))


def _warmup_text() -> str:
    """The sentence of resources/ingest/warmup.txt (its lines without the # comments)."""
    from marsad import resources

    lines = resources.path("ingest", "warmup.txt").read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if line and not line.startswith("#"))


def _on_alarm(signum, frame):
    raise DocTimeout


def _run(doc: Doc, timeout: float | None) -> Doc:
    """The pipeline on one document, stopped after ``timeout`` seconds (SIGALRM: only in the
    main thread of a process, which is where documents are analysed, here or in a worker)."""
    timed = bool(timeout) and hasattr(signal, "setitimer") and \
        threading.current_thread() is threading.main_thread()
    if not timed:
        return _PIPELINE(doc)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return _PIPELINE(doc)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _analyse(item: Record | InputError, published: str | None = None,
             timeout: float | None = DEFAULT_TIMEOUT) -> tuple[Record | InputError, Doc | InputError]:
    if isinstance(item, InputError):
        return item, item
    from marsad.ingest import readers

    name = item.origin or item.id
    reason = check_text(item.text, name, readers.MAX_CHARS)
    if reason:
        if reason.startswith("document too large"):
            reason = reason[:-1] + ", MARSAD_MAX_CHARS): not analysed"
        return item, InputError(name, reason)
    try:
        day = parse_published(published or item.published)
    except InvalidDate as e:
        return item, InputError(name, str(e))
    if _PIPELINE is None:
        _init_worker()
    try:
        doc = _run(Doc(text=item.text, id=item.id, published=day,
                       title=item.title, url=item.url, source=item.source), timeout)
    except DocTimeout:
        return item, InputError(name, f"analysis stopped after {timeout:g} s (the per-document "
                                      "time limit, --doc-timeout): not analysed")
    except RecursionError:
        return item, InputError(name, "analysis failed: structure nested too deeply")
    except Exception as e:  # one failing document must not stop the batch
        return item, InputError(name, f"analysis failed: {type(e).__name__}: {e}")
    doc.cache.clear()  # stage caches are not needed downstream (and need not cross processes)
    return item, doc


def _analyse_star(args):
    return _analyse(*args)


def analyse_all(items: Iterable[Record | InputError], published: str | None = None,
                jobs: int = 1, timeout: float | None = DEFAULT_TIMEOUT
                ) -> Iterator[tuple[Record | InputError, Doc | InputError]]:
    """(record, Doc or InputError) for every item, in input order.

    ``jobs``: worker processes (0: one per core; never more than the cores)."""
    jobs = max_jobs() if jobs <= 0 else min(jobs, max_jobs())
    if jobs <= 1:
        for item in items:
            yield _analyse(item, published, timeout)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker) as pool:
        yield from pool.imap(_analyse_star, ((i, published, timeout) for i in items), chunksize=8)
