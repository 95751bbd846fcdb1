"""The command line's argument parser: one function per group of commands."""
from __future__ import annotations

import argparse

from marsad.cli import analysis as run
from marsad.cli import store_commands as stored
from marsad.cli.common import DEFAULT_DB, _day, _jobs, _seconds, published_date
from marsad.ingest.batch import DEFAULT_TIMEOUT

DESCRIPTION = "The ``marsad`` command line."


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="marsad", description=DESCRIPTION)
    from marsad import __version__

    p.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    _add_pipeline_commands(sub)
    _add_store_commands(sub)
    _add_export_commands(sub)
    return p


def _add_input(sp) -> None:
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


def _add_db(sp) -> None:
    sp.add_argument("--db", default=DEFAULT_DB,
                    help=f"store URL (default {DEFAULT_DB}; sqlite:////abs/path for an absolute path)")


def _add_pipeline_commands(sub) -> None:
    """analyze, ingest, migrate, stages (in the order ``--help`` lists them)."""
    a = sub.add_parser("analyze", help="analyse documents and print the report or JSON")
    _add_input(a)
    a.add_argument("--json", action="store_true", help="print marsad.analysis/1 JSON (JSONL for several)")
    a.set_defaults(func=run.cmd_analyze)

    i = sub.add_parser("ingest", help="analyse documents into the store")
    _add_input(i)
    _add_db(i)
    i.set_defaults(func=run.cmd_ingest)

    m = sub.add_parser("migrate", help="upgrade a store written by an older Marsad")
    _add_db(m)
    m.set_defaults(func=stored.cmd_migrate)

    st = sub.add_parser("stages", help="print the pipeline: each stage with the layers it requires and assigns")
    st.add_argument("--json", action="store_true", help="one JSON object per stage")
    st.set_defaults(func=run.cmd_stages)


def _add_store_commands(sub) -> None:
    """show, flips, compare, serve, search."""
    s = sub.add_parser("show", help="print a stored document's report")
    s.add_argument("doc_id")
    s.add_argument("--json", action="store_true")
    _add_db(s)
    s.set_defaults(func=stored.cmd_show)

    f = sub.add_parser("flips", help="list stance contradictions held in the store")
    f.add_argument("--actor", help="holder name (Arabic or English, part of it)")
    f.add_argument("--since", type=_day, help="only contradictions whose later side is on or after YYYY-MM-DD")
    f.add_argument("--json", action="store_true", help="print marsad.flips/1 lines")
    _add_db(f)
    f.set_defaults(func=stored.cmd_flips)

    c = sub.add_parser("compare", help="agree/disagree/other for claim pairs (CSV with s1,s2)")
    c.add_argument("pairs")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=run.cmd_compare)

    v = sub.add_parser("serve", help="web app and JSON API over the store (read-only by default)")
    _add_db(v)
    v.add_argument("--host", default="127.0.0.1")
    v.add_argument("--port", type=int, default=8000)
    v.add_argument("--allow-writes", action="store_true",
                   help="accept POST /api/documents with the token in MARSAD_TOKEN")
    v.add_argument("--cors-origin", action="append", help="allow this origin (CORS is off by default)")
    v.set_defaults(func=stored.cmd_serve)

    q = sub.add_parser("search", help="full-text search of documents and statements (Arabic-aware)")
    q.add_argument("query")
    q.add_argument("--kind", choices=["document", "statement"])
    q.add_argument("--limit", type=int, default=20)
    q.add_argument("--json", action="store_true", help="one JSON object per hit")
    _add_db(q)
    q.set_defaults(func=stored.cmd_search)


def _add_export_commands(sub) -> None:
    """export, duplicates, metadata, stats."""
    e = sub.add_parser("export", help="export events (PLOVER JSONL, POLECAT-style TSV, CSV, Parquet)")
    e.add_argument("--format", default="plover-jsonl", choices=stored.EXPORT_FORMATS)
    e.add_argument("--table", default="events", choices=["events", "statements", "stances"],
                   help="layer for csv and parquet (default events)")
    e.add_argument("--type", help="event type (PLOVER, e.g. ASSAULT)")
    e.add_argument("--since", help="YYYY[-MM[-DD]], inclusive (the item's date, else the document's)")
    e.add_argument("--until", help="YYYY[-MM[-DD]], inclusive")
    e.add_argument("-o", "--output", help="file to write (default: standard output)")
    e.add_argument("--doc-id", help="one document (default: the whole store)")
    _add_db(e)
    e.set_defaults(func=stored.cmd_export)

    d = sub.add_parser("duplicates", help="list clusters of near-duplicate documents in the store")
    d.add_argument("--json", action="store_true",
                   help='one object a line: {"canonical": ID, "members": [ID, ...], "similarity": S}')
    _add_db(d)
    d.set_defaults(func=stored.cmd_duplicates)

    md = sub.add_parser("metadata", help="write a Datasette metadata file describing the store's tables")
    md.add_argument("-o", "--output", help="file to write (default: beside the store, .metadata.json)")
    _add_db(md)
    md.set_defaults(func=stored.cmd_metadata)

    n = sub.add_parser("stats", help="what the store holds: documents, actors, events, ...")
    n.add_argument("--json", action="store_true", help="one JSON object")
    _add_db(n)
    n.set_defaults(func=stored.cmd_stats)
