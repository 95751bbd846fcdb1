"""The ``marsad`` command line."""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from datetime import date
from typing import Callable, Iterator

from marsad.doc import Doc
from marsad.ingest.batch import DEFAULT_TIMEOUT
from marsad.ingest.dates import InvalidDate, parse_published
from marsad.ingest.readers import InputError, Record, read_paths

DEFAULT_DB = "sqlite:///marsad.db"
# What a planner says of a record before analysis: None (analyse it), "unchanged" (count and
# skip it) or an InputError (report it).
Planner = Callable[[Record], "str | InputError | None"]


def _say(kind: str, msg: str) -> None:
    from marsad.cli.report import safe

    print(f"marsad: {kind}: {safe(msg)}", file=sys.stderr)


def _err(msg: str) -> None:
    _say("error", msg)


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


def cmd_migrate(args: argparse.Namespace) -> int:
    from marsad.store.connect import migrate

    done = migrate(args.db)
    print(f"applied {', '.join(done)}" if done else "the store is up to date", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from marsad.cli.report import render_report
    from marsad.store import open_store

    store = open_store(args.db, readonly=True)
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
    from marsad.cli.report import render_flips
    from marsad.store import open_store
    from marsad.track.flips import flip_records

    store = open_store(args.db, readonly=True)
    records = flip_records(store, args.actor, args.since)
    if args.json:
        for r in records:
            print(json.dumps(r, ensure_ascii=False))
    else:
        render_flips(store, records, args.actor, args.since)
    return 0


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
    store = open_store(args.db, readonly=True)
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
    from marsad.cli.report import safe
    from marsad.search.query import search
    from marsad.store import open_store

    store = open_store(args.db, readonly=True)
    hits, total = search(store.db.conn, args.query, args.kind, args.limit)
    for h in hits:
        if args.json:
            print(json.dumps(h.to_json(), ensure_ascii=False))
        else:
            text = "".join(f"[{t}]" if m else t for t, m in h.snippet).replace("\n", " ")
            print(safe(f"{h.doc_id}  {h.kind}{'' if h.ref is None else ' ' + str(h.ref)}  {text}"))
    print(f"{total} matches", file=sys.stderr)
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    from marsad.store import open_store
    from marsad.track.duplicates import print_duplicates

    return print_duplicates(open_store(args.db, readonly=True), as_json=args.json)


def cmd_metadata(args: argparse.Namespace) -> int:
    from marsad.store import open_store
    from marsad.store.datasette import write_metadata

    store = open_store(args.db, readonly=True)
    out = args.output or str(store.path).rsplit(".", 1)[0] + ".metadata.json"
    print(f"wrote {write_metadata(store.db, store.path, out)} (datasette {store.path} -m {out})", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from marsad.store import open_store
    from marsad.track.stats import print_stats

    return print_stats(open_store(args.db, readonly=True), as_json=args.json)


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

    def add_input(sp):
        sp.add_argument("paths", nargs="+", help="files (.txt .html .json .jsonl[.gz]) or directories")
        sp.add_argument("--published", type=published_date,
                        help="document date YYYY-MM-DD (overrides the record's)")
        sp.add_argument("--id", help="document id (one file only)")
        sp.add_argument("--jobs", "-j", type=_jobs, default=1,
                        help="worker processes (0 = one per core, at most one per core; default 1)")
        sp.add_argument("--doc-timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"stop analysing a document after this long and report it "
                             f"(default {DEFAULT_TIMEOUT:g})")
        sp.add_argument("--dask", metavar="SCHEDULER",
                        help="analyse on a Dask cluster: a scheduler address, or local:N for N local workers")
        sp.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    def add_db(sp):
        sp.add_argument("--db", default=DEFAULT_DB,
                        help=f"store URL (default {DEFAULT_DB}; sqlite:////abs/path for an absolute path)")

    a = sub.add_parser("analyze", help="analyse documents and print the report or JSON")
    add_input(a)
    a.add_argument("--json", action="store_true", help="print marsad.analysis/1 JSON (JSONL for several)")
    a.set_defaults(func=cmd_analyze)

    i = sub.add_parser("ingest", help="analyse documents into the store")
    add_input(i)
    add_db(i)
    i.set_defaults(func=cmd_ingest)

    m = sub.add_parser("migrate", help="upgrade a store written by an older Marsad")
    add_db(m)
    m.set_defaults(func=cmd_migrate)

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
    f.add_argument("--since", type=_day, help="only contradictions whose later side is on or after YYYY-MM-DD")
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

    md = sub.add_parser("metadata", help="write a Datasette metadata file describing the store's tables")
    md.add_argument("-o", "--output", help="file to write (default: beside the store, .metadata.json)")
    add_db(md)
    md.set_defaults(func=cmd_metadata)

    n = sub.add_parser("stats", help="what the store holds: documents, actors, events, ...")
    n.add_argument("--json", action="store_true", help="one JSON object")
    add_db(n)
    n.set_defaults(func=cmd_stats)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "id", None) is not None and len(args.paths) > 1:
        parser.error(f"--id names one document, but {len(args.paths)} paths were given")
    from marsad.store.connect import StoreError

    try:
        return args.func(args)
    except StoreError as e:
        _err(str(e))
        return 1
    except sqlite3.DatabaseError as e:  # a damaged file, a disk full: a message, not a traceback
        _err(f"store {getattr(args, 'db', '')}: {e}")
        return 1
    except BrokenPipeError:
        return 0
    except Exception as e:
        if type(e).__module__.startswith("psycopg"):  # a PostgreSQL store's error: a message
            from marsad.store.pgopen import shown

            _err(f"store {shown(getattr(args, 'db', ''))}: {str(e).strip()}")
            return 1
        raise
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
