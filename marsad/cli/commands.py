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


EXPORT_FORMATS = ("plover-jsonl", "polecat-tsv", "csv", "parquet")


def cmd_export(args: argparse.Namespace) -> int:
    from marsad.store import open_store
    from marsad.track import export as ex

    if args.format == "parquet" and not args.output:
        _err("--format parquet writes a file: give -o FILE")
        return 2
    if args.table != "events" and args.format in ("plover-jsonl", "polecat-tsv"):
        _err(f"--format {args.format} exports events only (--table is for csv and parquet)")
        return 2
    store = open_store(args.db)
    rows = ex.table_rows(store.db, args.table, args.type, args.since, args.until, args.doc_id)
    if args.format == "parquet":
        n = ex.export_parquet(rows, args.output, args.table)
    else:
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
        try:
            if args.format == "plover-jsonl":
                n = ex.plover_filtered(store, args.doc_id, args.type, args.since, args.until, out)
            elif args.format == "polecat-tsv":
                n = ex.export_polecat(rows, out)
            else:
                n = ex.export_csv(rows, out)
        finally:
            if out is not sys.stdout:
                out.close()
    print(f"exported {n} {args.table}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """The web app and JSON API (marsad.api), read-only unless --allow-writes."""
    try:
        import uvicorn

        from marsad.api.app import create_app
        from marsad.store import StoreError

        app = create_app(args.db, allow_writes=args.allow_writes, cors_origins=args.cors_origin)
    except (ValueError, StoreError) as e:
        _err(str(e))
        return 2
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from marsad.search.query import search
    from marsad.store import open_store

    store = open_store(args.db)
    hits, total = search(store.db.conn, args.query, args.kind, args.limit)
    for h in hits:
        if args.json:
            print(json.dumps(h.to_json(), ensure_ascii=False))
        else:
            text = "".join(f"[{t}]" if m else t for t, m in h.snippet).replace("\n", " ")
            print(f"{h.doc_id}  {h.kind}{'' if h.ref is None else ' ' + str(h.ref)}  {text}")
    print(f"{total} matches", file=sys.stderr)
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

    v = sub.add_parser("serve", help="web app and JSON API over the store (read-only by default)")
    add_db(v)
    v.add_argument("--host", default="127.0.0.1")
    v.add_argument("--port", type=int, default=8000)
    v.add_argument("--allow-writes", action="store_true",
                   help="accept POST /api/documents with the token in MARSAD_TOKEN")
    v.add_argument("--cors-origin", action="append", help="allow this origin (CORS is off by default)")
    v.set_defaults(func=cmd_serve)

    q = sub.add_parser("search", help="full-text search of documents and statements (Arabic-aware)")
    q.add_argument("query")
    q.add_argument("--kind", choices=["document", "statement"])
    q.add_argument("--limit", type=int, default=20)
    q.add_argument("--json", action="store_true", help="one JSON object per hit")
    add_db(q)
    q.set_defaults(func=cmd_search)

    e = sub.add_parser("export", help="export events (PLOVER JSONL, POLECAT-style TSV, CSV, Parquet)")
    e.add_argument("--format", default="plover-jsonl", choices=EXPORT_FORMATS)
    e.add_argument("--table", default="events", choices=["events", "statements", "stances"],
                   help="layer for csv and parquet (default events)")
    e.add_argument("--type", help="event type (PLOVER, e.g. ASSAULT)")
    e.add_argument("--since", help="YYYY[-MM[-DD]], inclusive (the item's date, else the document's)")
    e.add_argument("--until", help="YYYY[-MM[-DD]], inclusive")
    e.add_argument("-o", "--output", help="file to write (default: standard output)")
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
