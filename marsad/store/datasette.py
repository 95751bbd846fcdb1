"""A Datasette metadata file for a Marsad store: titles and descriptions of its tables, views and
columns, licences and sources, and hidden internal tables, so the SQLite file opens readably in
Datasette (``datasette marsad.db -m marsad.metadata.json``; ``pip install marsad[datasette]``)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad import __version__

TABLES: dict[str, str] = {
    "documents": "One row per analysed document: its text, metadata and the whole marsad.analysis/1 JSON.",
    "actors": "Actors across documents, by corpus-wide code (dictionary id or new:<name>), with country "
              "(ISO 3166-1 alpha-3) and PLOVER sector.",
    "actor_aliases": "Every surface name an actor was given.",
    "mentions": "Spans of text resolved to an actor (start, end: code points of the document's text).",
    "entities": "Named entities (PER, ORG, LOC, MISC), ANERcorp-style.",
    "times": "Time expressions normalised to ISO 8601 (or PAST_REF, PRESENT_REF, FUTURE_REF).",
    "statements": "Reported speech: the content span, its speaker, cue and date.",
    "events": "PLOVER events with mode, source, target, date, location; evidence span and provenance.",
    "stances": "A holder's support or opposition toward a target actor, on an issue.",
    "contradictions": "Opposite stances of one holder toward one target: in a document, or flips across documents.",
    "duplicates": "Near-duplicate stories: each member document linked to its cluster's canonical one.",
    "sentences": "Sentence spans of each document.",
    "boilerplate": "Page clutter spans (related links, share prompts, credits, other stories' leads).",
    "events_named": "Events with actor names, the document's url and the evidence text.",
    "statements_named": "Statements with the speaker's name, the document's url and the evidence text.",
    "stances_named": "Stances with holder and target names, the document's url and the evidence text.",
}
HIDDEN = ("_sqlite_migrations", "doc_minhash", "lsh_bands", "search_text")
COLUMNS = {"start": "Offset of the evidence's first character (code points, 0-based) in documents.text",
           "end": "Offset just after the evidence's last character",
           "stage": "The Marsad stage that produced the row", "rule": "The rule or model inside that stage"}


def metadata(db, name: str) -> dict[str, Any]:
    """The metadata object for the tables and views this store has (``name``: the database's name
    in Datasette, the file name without its extension)."""
    present = set(db.table_names()) | set(db.view_names())
    tables: dict[str, Any] = {}
    for table in sorted(present):
        if table in HIDDEN or table.startswith("search_fts"):
            tables[table] = {"hidden": True}
        elif table in TABLES:
            cols = {c: d for c, d in COLUMNS.items() if c in {x.name for x in db[table].columns}}
            tables[table] = {"description": TABLES[table], **({"columns": cols} if cols else {})}
    return {
        "title": "Marsad: events, statements and stances from Arabic news",
        "description": "Every row carries the evidence offsets and the stage and rule that produced it.",
        "license": "Apache-2.0 (Marsad); each document keeps its source's terms",
        "source": f"Marsad {__version__}",
        "source_url": "https://github.com/openeventdata/plover",
        "databases": {name: {"tables": tables}},
    }


def write_metadata(db, store_path: str, path: str | Path) -> Path:
    if getattr(db, "dialect", "sqlite") != "sqlite":
        from marsad.store.connect import StoreError

        raise StoreError("Datasette reads SQLite files: `marsad metadata` is for SQLite stores")
    path = Path(path)
    data = metadata(db, Path(store_path).stem)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
