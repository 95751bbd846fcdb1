"""The commands that read or upgrade the store: migrate, show, flips, export, serve, search,
duplicates, metadata, stats."""
from __future__ import annotations

import argparse
import json
import sys

from marsad.cli.common import _err


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
