"""What a store holds (``marsad stats``): counts of documents and of each corpus layer."""
from __future__ import annotations

import json
import sys
from typing import Any

KEYS = ("documents", "actors", "events", "statements", "stances", "flips", "duplicate_clusters")


def store_stats(db) -> dict[str, Any]:
    """Counts of the store's documents and layers, the near-duplicate clusters (and the documents
    folded into them), and the documents per analysis version."""
    tables = set(db.table_names())

    def count(sql: str) -> int:
        return db.execute(sql).fetchone()[0]

    out: dict[str, Any] = {
        "documents": count("SELECT COUNT(*) FROM documents"),
        "actors": count("SELECT COUNT(*) FROM actors"),
        "events": count("SELECT COUNT(*) FROM events"),
        "statements": count("SELECT COUNT(*) FROM statements"),
        "stances": count("SELECT COUNT(*) FROM stances"),
        # every contradiction held: within one document and across documents
        "flips": count("SELECT COUNT(*) FROM contradictions"),
        "duplicate_clusters": 0,
        "duplicate_documents": 0,
    }
    if "duplicates" in tables:
        out["duplicate_clusters"] = count("SELECT COUNT(DISTINCT duplicate_of) FROM duplicates")
        out["duplicate_documents"] = count("SELECT COUNT(*) FROM duplicates")
    out["analysis_versions"] = {v or "": n for v, n in db.execute(
        "SELECT analysis_version, COUNT(*) FROM documents GROUP BY analysis_version ORDER BY analysis_version")}
    return out


def print_stats(store, as_json: bool = False, out=None) -> int:
    out = out or sys.stdout
    stats = store_stats(store.db)
    if as_json:
        out.write(json.dumps(stats, ensure_ascii=False) + "\n")
        return 0
    versions = stats.pop("analysis_versions")
    width = max(len(k) for k in stats)
    for key, value in stats.items():
        out.write(f"{key.replace('_', ' '):<{width}}  {value:>9,}\n")
    for version, n in versions.items():
        out.write(f"{'analysis ' + (version or '?'):<{width}}  {n:>9,} documents\n")
    return 0
