"""The ``marsad`` command line."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Iterator

from marsad.doc import Doc
from marsad.ingest.dates import InvalidDate, parse_published
from marsad.ingest.readers import InputError, Record, read_paths

DEFAULT_DB = "sqlite:///marsad.db"


def _err(msg: str) -> None:
    print(f"marsad: error: {msg}", file=sys.stderr)


def analyzed(paths: list[str], published: str | None, doc_id: str | None,
             stats: dict[str, int], jobs: int = 1, skip=None, dask: str | None = None,
             bar=None) -> Iterator[tuple[Record, Doc]]:
    """Analyse every readable document; report and count the others.

    ``skip(record)`` true means the record needs no analysis (already stored as it is).
    ``dask``: a Dask scheduler address or ``local:N`` (marsad.ingest.distributed). ``bar``: a
    progress bar (marsad.cli.progress) advanced once per record."""
    from marsad.ingest.batch import analyse_all
    from marsad.ingest.stream import Throttle

    def needed() -> Iterator[Record | InputError]:
        for r in read_paths(paths, doc_id):
            if skip is not None and isinstance(r, Record) and skip(r):
                stats["skipped"] = stats.get("skipped", 0) + 1
                if bar is not None:
                    bar.advance()
            else:
                yield r

    if dask:  # the Dask runner bounds its own work in flight
        from marsad.ingest.distributed import analyse_dask

        feed, results = None, analyse_dask(needed(), published, dask)
    else:  # a bounded window of records in flight, however eagerly the pool reads
        feed = Throttle(needed())
        results = analyse_all(feed, published, jobs)
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


def cmd_analyze(args: argparse.Namespace) -> int:
    from marsad.cli.progress import progress_bar
    from marsad.cli.report import render_report

    stats = {"ok": 0, "failed": 0}
    with progress_bar(args.paths, args.quiet, "analyse") as bar:
        docs = analyzed(args.paths, args.published, args.id, stats, args.jobs, dask=args.dask, bar=bar)
        if args.json:
            for _, doc in docs:  # one compact object per line: JSONL for several documents
                print(json.dumps(doc.to_json(), ensure_ascii=False), flush=False)
        else:
            for _, doc in docs:
                render_report(doc.to_json(), doc.text)
    return 0 if stats["ok"] else 1


def cmd_ingest(args: argparse.Namespace) -> int:
    from marsad.cli.progress import progress_bar
    from marsad.store import content_hash, open_store
    from marsad.track.duplicates import DuplicateIndex

    store = open_store(args.db)
    try:
        dups = DuplicateIndex(store.db)
    except ImportError as e:  # an install without datasketch still ingests; a later run indexes
        _err(f"near-duplicate index skipped ({e}); pip install datasketch")
        dups = None
    stats = {"ok": 0, "failed": 0, "skipped": 0}
    added = 0

    def unchanged(rec: Record) -> bool:
        return store.is_current(rec.id, content_hash(rec.text))

    with progress_bar(args.paths, args.quiet, "ingest") as bar:
        for rec, doc in analyzed(args.paths, args.published, args.id, stats, args.jobs,
                                 skip=unchanged, dask=args.dask, bar=bar):
            if store.save(doc, raw_html=rec.html, origin=rec.origin):
                added += 1
                if dups is not None:
                    dups.add_doc(doc)
    skipped = stats["skipped"]
    if dups is not None:
        dups.index_missing()
    store.refresh_tracks()
    print(f"ingested {added} new or re-analysed, {skipped} unchanged, {stats['failed']} failed",
          file=sys.stderr)
    return 0 if stats["ok"] or skipped or not stats["failed"] else 1


def cmd_show(args: argparse.Namespace) -> int:
    from marsad.cli.report import render_report
    from marsad.store import open_store

    store = open_store(args.db)
    found = store.load(args.doc_id)
    if found is None:
        _err(f"{args.doc_id}: no such document in {args.db}")
        return 1
    analysis, text = found
    if args.json:
        print(json.dumps(analysis, ensure_ascii=False, indent=1))
    else:
        render_report(analysis, text)
    return 0


def cmd_flips(args: argparse.Namespace) -> int:
    from marsad.store import open_store
    from marsad.track.flips import print_flips

    store = open_store(args.db)
    return print_flips(store, actor=args.actor, since=args.since, as_json=args.json)


def cmd_compare(args: argparse.Namespace) -> int:
    from marsad.compare.model import compare_csv

    return compare_csv(args.pairs, as_json=args.json)


def cmd_export(args: argparse.Namespace) -> int:
    from marsad.store import open_store
    from marsad.track.export import export_plover

    if args.format != "plover-jsonl":
        _err(f"unknown export format {args.format!r}")
        return 2
    store = open_store(args.db)
    n = export_plover(store, args.doc_id, sys.stdout)
    print(f"exported {n} events", file=sys.stderr)
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    from marsad.store import open_store
    from marsad.track.duplicates import print_duplicates

    return print_duplicates(open_store(args.db), as_json=args.json)


def cmd_stats(args: argparse.Namespace) -> int:
    from marsad.store import open_store
    from marsad.track.stats import print_stats

    return print_stats(open_store(args.db), as_json=args.json)


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


def published_date(value: str) -> str | None:
    try:
        return parse_published(value)
    except InvalidDate as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="marsad", description=__doc__)
    from marsad import __version__

    p.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def add_jobs(sp):
        sp.add_argument("--jobs", "-j", type=int, default=1,
                        help="worker processes (0 = one per core; default 1)")

    def add_stream(sp):
        sp.add_argument("--dask", metavar="SCHEDULER",
                        help="analyse on a Dask cluster: a scheduler address, or local:N for N local workers")
        sp.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    def add_db(sp):
        sp.add_argument("--db", default=DEFAULT_DB, help=f"store URL (default {DEFAULT_DB})")

    a = sub.add_parser("analyze", help="analyse documents and print the report or JSON")
    a.add_argument("paths", nargs="+", help="files (.txt .html .json .jsonl[.gz]) or directories")
    a.add_argument("--json", action="store_true", help="print marsad.analysis/1 JSON (JSONL for several)")
    a.add_argument("--published", type=published_date, help="document date YYYY-MM-DD (overrides the record's)")
    a.add_argument("--id", help="document id for a single file")
    add_jobs(a)
    add_stream(a)
    a.set_defaults(func=cmd_analyze)

    i = sub.add_parser("ingest", help="analyse documents into the store")
    i.add_argument("paths", nargs="+")
    i.add_argument("--published", type=published_date, help="document date YYYY-MM-DD (overrides the record's)")
    i.add_argument("--id")
    add_jobs(i)
    add_stream(i)
    add_db(i)
    i.set_defaults(func=cmd_ingest)

    st = sub.add_parser("stages", help="print the pipeline: each stage with the layers it requires and assigns")
    st.add_argument("--json", action="store_true", help="one JSON object per stage")
    st.set_defaults(func=cmd_stages)

    s = sub.add_parser("show", help="print a stored document's report")
    s.add_argument("doc_id")
    s.add_argument("--json", action="store_true")
    add_db(s)
    s.set_defaults(func=cmd_show)

    f = sub.add_parser("flips", help="list stance contradictions held in the store")
    f.add_argument("--actor", help="holder name (Arabic or English, part of it)")
    f.add_argument("--since", help="only contradictions whose later side is on or after YYYY-MM-DD")
    f.add_argument("--json", action="store_true", help="print marsad.flips/1 lines")
    add_db(f)
    f.set_defaults(func=cmd_flips)

    c = sub.add_parser("compare", help="agree/disagree/other for claim pairs (CSV with s1,s2)")
    c.add_argument("pairs")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_compare)

    e = sub.add_parser("export", help="export events")
    e.add_argument("--format", default="plover-jsonl")
    e.add_argument("--doc-id", help="one document (default: the whole store)")
    add_db(e)
    e.set_defaults(func=cmd_export)

    d = sub.add_parser("duplicates", help="list clusters of near-duplicate documents in the store")
    d.add_argument("--json", action="store_true",
                   help='one object a line: {"canonical": ID, "members": [ID, ...], "similarity": S}')
    add_db(d)
    d.set_defaults(func=cmd_duplicates)

    n = sub.add_parser("stats", help="what the store holds: documents, actors, events, ...")
    n.add_argument("--json", action="store_true", help="one JSON object")
    add_db(n)
    n.set_defaults(func=cmd_stats)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
