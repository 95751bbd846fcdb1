"""Distributed analysis on Dask: batches of records go to the workers of a Dask cluster, results
come back in input order to the one process that writes them.

``address`` is a scheduler address (``tcp://host:8786``) or ``local:N`` to start a
``LocalCluster`` of N worker processes (``local:0``: one per core). Workers need Marsad installed
(the same version: the analysis version is stored with each document). A record that cannot be
analysed comes back as an :class:`~marsad.ingest.readers.InputError`; a batch whose worker fails
outright (killed, out of memory, lost) comes back as one error per record of the batch, so no
failure stops the run.
"""
from __future__ import annotations

import logging
import os
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from marsad.doc import Doc
from marsad.ingest.readers import InputError, Record

BATCH = 16  # records per task: enough to amortise scheduling, small enough to balance the workers

Result = tuple[Record | InputError, Doc | InputError]


def analyse_batch(items: list[Record | InputError], published: str | None) -> list[Result]:
    """Run on a worker: the batch through the pipeline (one pipeline per worker process)."""
    from marsad.ingest.batch import _analyse

    return [_analyse(item, published) for item in items]


def _batches(items: Iterable[Record | InputError], size: int) -> Iterator[list[Record | InputError]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _name(item: Record | InputError) -> str:
    return item.document if isinstance(item, InputError) else (item.origin or item.id)


def _collect(chunk: list[Record | InputError], future) -> list[Result]:
    try:
        return future.result()
    except Exception as e:  # the worker died or the task could not run: report, keep going
        reason = f"distributed batch failed: {type(e).__name__}: {e}"
        return [(item, item if isinstance(item, InputError) else InputError(_name(item), reason))
                for item in chunk]


def connect(address: str):
    """A Dask client for ``address`` (and the LocalCluster it started, or None)."""
    from dask.distributed import Client, LocalCluster

    if address.startswith("local:"):
        n = int(address[len("local:"):] or 0) or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    return Client(address), None


def analyse_dask(items: Iterable[Record | InputError], published: str | None, address: str,
                 batch: int = BATCH, client=None) -> Iterator[Result]:
    """(record, Doc or InputError) for every item, in input order, analysed on Dask workers.

    At most two batches per worker are in flight, so memory stays bounded on any input."""
    own = client is None
    cluster = None
    if own:
        client, cluster = connect(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        for chunk in _batches(items, batch):
            pending.append((chunk, client.submit(analyse_batch, chunk, published, pure=False)))
            while len(pending) > 2 * workers:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
