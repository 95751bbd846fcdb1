"""Composite views: an actor's record, a statement's related statements, the flips."""
from __future__ import annotations

from typing import Any

from marsad.api import layers, queries


def stance_series(conn, code: str) -> list[dict[str, Any]]:
    """Per month: how many of the actor's stances support and oppose (the stance chart)."""
    out: dict[str, dict[str, Any]] = {}
    for month, polarity, n in conn.execute(
            "SELECT substr(COALESCE(st.date, d.published), 1, 7) AS m, st.polarity, COUNT(*) "
            "FROM stances st JOIN documents d ON d.id = st.doc_id WHERE st.holder_code = ? "
            "AND COALESCE(st.date, d.published) IS NOT NULL GROUP BY m, st.polarity ORDER BY m", [code]):
        row = out.setdefault(month, {"month": month, "support": 0, "oppose": 0})
        row[polarity if polarity in ("support", "oppose") else "support"] += n
    return list(out.values())


def actor_view(conn, code: str, limit: int = 100) -> dict[str, Any] | None:
    found = queries.actor(conn, code)
    if found is None:
        return None

    def exact(fn, key, **kw):
        items, total = fn(conn, limit=limit, offset=0, **kw)
        return {"items": [i for i in items if (i.get(key) or {}).get("code") == code], "total": total}

    found["events_as_source"] = exact(layers.events, "source", source=code)
    found["events_as_target"] = exact(layers.events, "target", target=code)
    found["statements"] = exact(lambda c, **kw: layers.statements(c, speaker=code, **kw), "speaker")
    found["stances"] = exact(lambda c, **kw: layers.stances(c, holder=code, **kw), "holder")
    found["stances_by_month"] = stance_series(conn, code)
    return found


def related_view(conn, sid: str, limit: int = 10) -> dict[str, Any] | None:
    stmt = layers.statement(conn, sid)
    if stmt is None:
        return None
    earlier = layers.related(conn, stmt, limit)
    # s1 is the earlier claim, s2 this one: does this statement agree with what was said?
    for it, verdict in zip(earlier, verdicts([(e["text"], stmt["text"]) for e in earlier])):
        it["verdict"] = verdict
    return {"statement": stmt, "related": earlier}


_VERDICTS: dict[tuple[str, str], str] = {}


def verdicts(pairs: list[tuple[str, str]]) -> list[str]:
    """The claim-pair model's verdicts, remembered (the model reads sentence vectors: a page
    visited again should not pay for them twice)."""
    todo = [p for p in dict.fromkeys(pairs) if p not in _VERDICTS]
    if todo:
        from marsad.compare.model import compare_many

        if len(_VERDICTS) > 50_000:
            _VERDICTS.clear()
        _VERDICTS.update(zip(todo, compare_many(todo)))
    return [_VERDICTS[p] for p in pairs]


class _StoreView:
    """What marsad.track.flips needs of a store, over a read connection."""

    def __init__(self, conn):
        self.conn = conn
        self._actors: dict[str, Any] = {}

    def contradictions(self) -> list[dict[str, Any]]:
        return queries.rows(self.conn, "SELECT * FROM contradictions ORDER BY COALESCE(b_date, a_date), id", [])

    def actor(self, code: str) -> dict[str, Any] | None:
        if code not in self._actors:
            self._actors[code] = queries.actor(self.conn, code)
        return self._actors[code]


def flips(conn, actor: str | None = None, since: str | None = None) -> list[dict[str, Any]]:
    """``marsad.flips/1`` records, newest first, each side with its evidence text and title."""
    from marsad.track.flips import flip_records

    records = flip_records(_StoreView(conn), actor, since)
    docs: dict[str, Any] = {}
    for r in records:
        for side in (r["a"], r["b"]):
            doc = side["document"]
            if doc not in docs:
                docs[doc] = conn.execute("SELECT title, url, text FROM documents WHERE id = ?",
                                         [doc]).fetchone()
            row = docs[doc]
            side["text"] = row["text"][side["start"]:side["end"]] if row else None
            side["title"] = row["title"] if row else None
            side["url"] = row["url"] if row else None
    records.reverse()
    return records
