"""The commands that run the pipeline: ``analyze`` and ``ingest`` (documents in), ``stages``
(the pipeline's layout) and ``compare`` (claim pairs)."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Callable, Iterator

from marsad.cli.common import _err, _say
from marsad.doc import Doc
from marsad.ingest.readers import InputError, Record, read_paths

# What a planner says of a record before analysis: None (analyse it), "unchanged" (count and
# skip it) or an InputError (report it).
Planner = Callable[[Record], "str | InputError | None"]


def analyzed(args: argparse.Namespace, stats: dict[str, int], plan: Planner | None = None,
             bar=None) -> Iterator[tuple[Record, Doc]]:
    """Analyse every readable document; report and count the others.

    ``plan`` runs on each record before analysis, in the writer's thread (records are read a
    bounded window ahead: marsad.ingest.stream). ``args.dask``: a Dask scheduler address or
    ``local:N`` (marsad.ingest.distributed). ``bar``: a progress bar advanced once per record."""
    from marsad.ingest.batch import analyse_all
    from marsad.ingest.stream import Throttle

    def needed() -> Iterator[Record | InputError]:
        for r in read_paths(args.paths, args.id):
            stats["read"] += 1
            if isinstance(r, Record) and r.warning:
                _say("warning", f"{r.origin or r.id}: {r.warning}")
            verdict = plan(r) if plan is not None and isinstance(r, Record) else None
            if verdict == "unchanged":
                stats["unchanged"] += 1
                if bar is not None:
                    bar.advance()
                continue
            yield verdict if isinstance(verdict, InputError) else r

    if args.dask:  # the Dask runner bounds its own work in flight
        from marsad.ingest.distributed import analyse_dask

        feed, results = None, analyse_dask(needed(), args.published, args.dask)
    else:  # a bounded window of records in flight, however eagerly the pool reads
        feed = Throttle(needed())
        results = analyse_all(feed, args.published, args.jobs, args.doc_timeout)
    for item, result in results:
        if feed is not None:
            feed.done()
        if bar is not None:
            bar.advance(failed=isinstance(result, InputError))
        if isinstance(result, InputError):
            _err(str(result))
            stats["failed"] += 1
            continue
        stats["ok"] += 1
        yield item, result


def _no_input(args: argparse.Namespace, stats: dict[str, int]) -> bool:
    if stats["read"] == 0:
        _err(f"no documents found in {', '.join(args.paths)} (files ending .txt .html .json "
             ".jsonl[.gz], or folders holding them)")
        return True
    return False


def cmd_analyze(args: argparse.Namespace) -> int:
    from marsad.cli.progress import progress_bar
    from marsad.cli.report import render_report

    stats = {"ok": 0, "failed": 0, "read": 0, "unchanged": 0}
    with progress_bar(args.paths, args.quiet, "analyse") as bar:
        docs = analyzed(args, stats, bar=bar)
        if args.json:
            for _, doc in docs:  # one compact object per line: JSONL for several documents
                print(json.dumps(doc.to_json(), ensure_ascii=False), flush=False)
        else:
            for _, doc in docs:
                render_report(doc.to_json(), doc.text)
    if _no_input(args, stats):
        return 1
    return 0 if stats["ok"] else 1


def _ingest_planner(store, args: argparse.Namespace, stats: dict[str, int]) -> Planner:
    """Skip what is stored as it is, refuse ids used twice, keep stored metadata not given."""
    from marsad.store import content_hash

    seen: dict[str, str] = {}

    def plan(rec: Record) -> str | InputError | None:
        if rec.id in seen:
            stats["collisions"] += 1
            return InputError(rec.origin or rec.id, f"id {rec.id!r} is also the id of {seen[rec.id]} "
                              "in this batch: not stored (give each document its own id)")
        seen[rec.id] = rec.origin or rec.id
        meta = {"published": args.published or rec.published, "title": rec.title,
                "url": rec.url, "source": rec.source}
        verdict, row = store.plan(rec.id, content_hash(rec.text), meta, rec.origin, rec.named)
        if verdict == "collision":
            stats["collisions"] += 1
            return InputError(rec.origin or rec.id, f"id {rec.id!r} already belongs to "
                              f"{row['origin'] or 'another document'} in the store (another text): "
                              "not stored (give it --id, or ingest both folders in one command)")
        if verdict == "unchanged":
            return verdict
        for key in ("published", "title", "url", "source"):  # corrected fields only
            if row is not None and getattr(rec, key) is None and not (key == "published" and args.published):
                setattr(rec, key, row[key])
        return None

    return plan


def _duplicate_index(store):
    from marsad.track.duplicates import DuplicateIndex

    try:
        return DuplicateIndex(store.db)
    except ImportError as e:  # an install without datasketch still ingests; a later run indexes
        _err(f"near-duplicate index skipped ({e}); pip install datasketch")
        return None


def cmd_ingest(args: argparse.Namespace) -> int:
    from marsad.cli.progress import progress_bar
    from marsad.store import open_store

    store = open_store(args.db)
    if store.created:
        _say("note", f"new store {store.path}")
    dups = _duplicate_index(store)
    stats = {"ok": 0, "failed": 0, "read": 0, "unchanged": 0, "collisions": 0,
             "new": 0, "updated": 0}
    interrupted = False
    try:
        with progress_bar(args.paths, args.quiet, "ingest") as bar:
            for rec, doc in analyzed(args, stats, _ingest_planner(store, args, stats), bar):
                status = store.write(doc, raw_html=rec.html, origin=rec.origin, named=rec.named)
                if status == "collision":
                    stats["collisions"] += 1
                    stats["failed"] += 1
                    _err(f"{rec.origin or rec.id}: id {rec.id!r} was stored from another file meanwhile: "
                         "not stored")
                    continue
                stats[status] += 1
                if dups is not None:
                    dups.add_doc(doc)
    except KeyboardInterrupt:
        interrupted = True
    if not interrupted and _no_input(args, stats):
        return 1
    if not interrupted:
        if dups is not None:
            dups.index_missing()
        from marsad.track.flips import refresh_flips

        refresh_flips(store)
    _ingest_summary(store, stats, interrupted)
    if interrupted:
        return 130
    return 0 if stats["new"] + stats["updated"] + stats["unchanged"] or not stats["failed"] else 1


def _ingest_summary(store, stats: dict[str, int], interrupted: bool) -> None:
    held = store.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    collisions = f" ({stats['collisions']} of them id collisions)" if stats["collisions"] else ""
    line = (f"ingested {stats['new']} new, {stats['updated']} re-analysed, {stats['unchanged']} "
            f"unchanged, {stats['failed']} failed{collisions}; the store holds {held} documents")
    if interrupted:
        line = (f"interrupted after {stats['read']} documents read: {line} (every document counted "
                "as stored is complete; run the same command again to go on)")
    print(line, file=sys.stderr)


def cmd_compare(args: argparse.Namespace) -> int:
    from marsad.compare.model import compare_csv

    return compare_csv(args.pairs, as_json=args.json)


def cmd_stages(args: argparse.Namespace) -> int:
    from marsad.pipeline import DEFAULT_ORDER, registered

    rows = [registered(n) for n in DEFAULT_ORDER]
    if args.json:
        for r in rows:
            print(json.dumps({"name": r.name, "requires": list(r.requires), "assigns": list(r.assigns),
                              "doc": r.doc}, ensure_ascii=False))
        return 0
    width = max(len(r.name) for r in rows)
    for r in rows:
        print(f"{r.name:<{width}}  requires: {', '.join(r.requires)}")
        print(f"{'':<{width}}  assigns:  {', '.join(r.assigns)}")
        print(f"{'':<{width}}  {r.doc}")
    return 0
