"""POST /api/documents: analyse and store one document (only with --allow-writes and the token)."""
from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from marsad.ingest.readers import MAX_BYTES, check_text
from marsad.track.flips import refresh_flips


def store_document(settings, rec: dict[str, Any]) -> dict[str, Any]:
    """The same limits and bad-input reasons as the command line: 413 over MARSAD_MAX_BYTES,
    422 for a text that cannot be analysed (empty, binary, not Arabic, garbled)."""
    from marsad.pipeline import analyze

    size = len(rec["text"].encode("utf-8"))
    if size > MAX_BYTES:
        raise HTTPException(413, f"document too large ({size:,} bytes > {MAX_BYTES:,} limit)")
    reason = check_text(rec["text"], rec["id"])
    if reason:
        raise HTTPException(422, f"{rec['id']}: {reason}")
    doc = analyze(rec["text"], rec["id"], rec.get("published"), title=rec.get("title"),
                  url=rec.get("url"), source=rec.get("source"))
    with settings.write_lock:
        store = settings.store()
        try:
            stored = store.save(doc, origin="api")
            if stored:
                refresh_flips(store)
        finally:
            store.db.conn.close()
    return {"id": doc.id, "stored": stored, "events": len(doc.events),
            "statements": len(doc.statements), "stances": len(doc.stances)}
