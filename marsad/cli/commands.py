"""The ``marsad`` command line."""
from __future__ import annotations

import sqlite3
import sys

from marsad.cli.analysis import (
    Planner,
    analyzed,
    cmd_analyze,
    cmd_compare,
    cmd_ingest,
    cmd_stages,
)
from marsad.cli.common import DEFAULT_DB, _err, published_date
from marsad.cli.parser import build_parser
from marsad.cli.store_commands import (
    EXPORT_FORMATS,
    cmd_duplicates,
    cmd_export,
    cmd_flips,
    cmd_metadata,
    cmd_migrate,
    cmd_search,
    cmd_serve,
    cmd_show,
    cmd_stats,
)

# The names tests and scripts import from here (the commands live in analysis, store_commands).
__all__ = ["DEFAULT_DB", "EXPORT_FORMATS", "Planner", "analyzed", "build_parser", "cmd_analyze", "cmd_compare",
           "cmd_duplicates", "cmd_export", "cmd_flips", "cmd_ingest", "cmd_metadata", "cmd_migrate",
           "cmd_search", "cmd_serve", "cmd_show", "cmd_stages", "cmd_stats", "main", "published_date"]


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
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
