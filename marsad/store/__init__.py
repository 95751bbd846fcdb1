"""The store: one SQLite file (embedded, the default) or one PostgreSQL database holding documents,
their layers and the corpus tracks (the differences between the two: marsad.store.dialect and pg).

Like datasette/sqlite-utils, the SQLite file is the product: every table is plain and queryable.
Each document is written in one transaction (all layers or none), re-ingesting the same content
with the same analysis version is a no-op, and a newer analysis version replaces the document's
layers. Actors are kept by their corpus-wide code, so one actor has one id across documents.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from datetime import datetime, timezone
from typing import Any, Iterator

from sqlite_utils import Database

from marsad import ANALYSIS_VERSION, __version__
from marsad.doc import Actor, Doc
from marsad.search.index import index_document
from marsad.store.connect import (
    BUSY_TIMEOUT,
    StoreError,
    _write_problem,
    open_read,
    open_write,
)
from marsad.store.dialect import dialect, stream
from marsad.store.schema import mention_rows
from marsad.text.normalize import normalize

__all__ = ["Store", "StoreError", "open_store", "content_hash", "actor_code"]
_KEPT = ("content_hash", "analysis_version", "origin", "published", "title", "url", "source")
RETRIES = 5  # tries of one document's transaction that PostgreSQL aborted (deadlock)
LAYER_TABLES = ("sentences", "boilerplate", "mentions", "entities", "times", "statements",
                "events", "stances")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def actor_code(actor: Actor) -> str:
    """Corpus-wide code of an actor: the dictionary id, else one derived from its name."""
    return actor.code or f"new:{normalize(actor.name)}"


def open_store(url: str, readonly: bool = False) -> "Store":
    """Open the store at a URL: ``sqlite:///relative/path``, ``sqlite:////absolute/path``, a
    bare path, or ``postgresql://user@host/db`` (also ``postgres://``). ``readonly``: never
    create, switch or migrate it (read commands). A store that
    cannot be opened is a :class:`StoreError` saying why in words."""
    if readonly:
        db, path = open_read(url)
        return Store(db, path=path, readonly=True)
    db, path, new = open_write(url)
    return Store(db, path=path, created=new)


def _retry(e: Exception) -> bool:
    """A PostgreSQL transaction aborted by a deadlock or serialisation failure: try it again."""
    return type(e).__name__ in ("DeadlockDetected", "SerializationFailure")


class Store:
    def __init__(self, db: Database, path: str = ":memory:", readonly: bool = False,
                 created: bool = False):
        self.db = db
        self.path = path
        self.readonly = readonly
        self.created = created
        self._local = threading.local()
        self.dialect = dialect(db)
        if self.dialect == "sqlite":
            db.execute("PRAGMA foreign_keys=ON")

    # -- writing -------------------------------------------------------------------------
    def stored(self, doc_id: str) -> dict[str, Any] | None:
        """What the store holds about a document (no text or layers), or None. Safe to call
        from any thread: each other thread reads through its own connection."""
        row = self._reader().execute(
            f"SELECT {', '.join(_KEPT)} FROM documents WHERE id = ?", [doc_id]).fetchone()
        return dict(zip(_KEPT, row)) if row else None

    def _reader(self) -> sqlite3.Connection:
        if self.path == ":memory:" or threading.current_thread() is threading.main_thread():
            return self.db.conn
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self.db.reader() if self.dialect == "postgres" else \
                sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
        return conn

    def is_current(self, doc_id: str, digest: str) -> bool:
        """Is this document already stored with this content and this analysis version?

        Identity is the document id: a syndicated copy of the same text under another id is its
        own document (analysts and gold files refer to it by its id)."""
        row = self.stored(doc_id)
        return row is not None and row["content_hash"] == digest and \
            row["analysis_version"] == ANALYSIS_VERSION

    def plan(self, doc_id: str, digest: str, meta: dict[str, str | None], origin: str,
             named: bool) -> tuple[str, dict[str, Any] | None]:
        """What storing a document means: ("unchanged" | "analyse" | "collision", stored row).

        Unchanged: the same text, analysis version and metadata (a field not given keeps its
        stored value). A collision: the id was derived from a file name and the store holds
        another text under it, from another file; that document is never overwritten."""
        row = self.stored(doc_id)
        if row is None:
            return "analyse", None
        if not named and row["origin"] != origin and row["content_hash"] != digest:
            return "collision", row
        same = row["content_hash"] == digest and row["analysis_version"] == ANALYSIS_VERSION
        if same and all(v is None or row[k] == v for k, v in meta.items()):
            return "unchanged", row
        return "analyse", row

    def save(self, doc: Doc, raw_html: str | None = None, origin: str = "") -> bool:
        """Write one analysed document; False when the same content is already stored."""
        return self.write(doc, raw_html, origin) in ("new", "updated")

    def write(self, doc: Doc, raw_html: str | None = None, origin: str = "",
              named: bool = True) -> str:
        """Write one analysed document in one transaction: "new", "updated", "unchanged" (the
        same text, version and metadata: another process may have stored it meanwhile) or
        "collision" (see :meth:`plan`)."""
        digest = content_hash(doc.text)
        meta = {"published": doc.published, "title": doc.title, "url": doc.url, "source": doc.source}
        for attempt in range(RETRIES):
            try:
                # SQLite: the write lock before the check; PostgreSQL: the document's lock. No
                # other process can store the document between the check and the write.
                with self.db.write_tx(lock=doc.id):
                    status, row = self.plan(doc.id, digest, meta, origin, named)
                    if status == "analyse":
                        self._write(doc, digest, raw_html, origin)
                break
            except self.db.errors as e:
                if not _retry(e) or attempt == RETRIES - 1:
                    raise StoreError(_write_problem(self.path, e)) from None
        if status != "analyse":
            return status
        return "updated" if row else "new"

    def _write(self, doc: Doc, digest: str, raw_html: str | None, origin: str) -> None:
        analysis = doc.to_json()
        self._delete_layers(doc.id)
        self.db["documents"].insert({
            "id": doc.id, "content_hash": digest, "text": doc.text, "html": raw_html,
            "title": doc.title, "published": doc.published, "url": doc.url,
            "source": doc.source, "origin": origin, "analysis_version": ANALYSIS_VERSION,
            "marsad_version": __version__,
            "analyzed_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "analysis": json.dumps(analysis, ensure_ascii=False),
        }, replace=True)
        self._insert_layers(doc)
        index_document(self.db, doc)  # the search index moves with the document

    def _delete_layers(self, doc_id: str) -> None:
        for table in LAYER_TABLES:
            self.db.execute(f"DELETE FROM [{table}] WHERE doc_id = ?", [doc_id])
        self.db.execute("DELETE FROM contradictions WHERE a_doc = ? OR b_doc = ?", [doc_id, doc_id])

    def _insert_layers(self, doc: Doc) -> None:
        d = doc.id
        codes = {a.id: actor_code(a) for a in doc.actors.values()}
        actors = sorted(doc.actors.values(), key=lambda a: codes[a.id])  # one lock order for writers
        self.db["actors"].insert_all(({"code": codes[a.id], "name": a.name, "name_en": a.name_en,
                                       "country": a.country, "type": a.type, "kind": a.kind,
                                       "qid": a.qid, "first_seen": d} for a in actors), ignore=True)
        self.db["actor_aliases"].insert_all(({"actor_code": codes[a.id], "alias": al} for a in actors
                                             for al in sorted({a.name, *a.aliases})), ignore=True)

        def rows(items, fn):
            return [fn(i, x) for i, x in enumerate(items)]

        def base(x) -> dict[str, Any]:
            return {"doc_id": d, "start": x.start, "end": x.end, "stage": x.prov.stage,
                    "rule": x.prov.rule}

        ins = self.db
        ins["sentences"].insert_all(rows(doc.sentences, lambda i, s: {
            "doc_id": d, "idx": s.index, "start": s.start, "end": s.end,
            "paragraph": s.paragraph, "boilerplate": int(s.boilerplate)}))
        ins["boilerplate"].insert_all(rows(doc.boilerplate, lambda i, b: {**base(b), "kind": b.kind}))
        ins["mentions"].insert_all(rows(doc.mentions, lambda i, m: {
            **base(m), "actor_code": codes.get(m.actor), "local_id": m.actor}))
        # actors that later stages added (the events stage's participants) hold mentions that
        # doc.mentions lacks: one row each, so that SQL counts agree with the analysis
        have = {(m.start, m.end, m.actor) for m in doc.mentions}
        ins["mentions"].insert_all(mention_rows(
            d, ((a.id, codes[a.id], a.mentions, a.prov.stage if a.prov else None,
                 a.prov.rule if a.prov else None) for a in doc.actors.values()), have))
        ins["entities"].insert_all(rows(doc.entities, lambda i, e: {
            **base(e), "label": e.label, "actor_code": codes.get(e.actor) if e.actor else None,
            "score": e.prov.score}))
        ins["times"].insert_all(rows(doc.times, lambda i, t: {
            **base(t), "value": t.value, "kind": t.kind, "inferred": int(t.inferred)}))
        ins["statements"].insert_all(rows(doc.statements, lambda i, s: {
            **base(s), "idx": i, "speaker_code": codes.get(s.speaker) if s.speaker else None,
            "direct": int(s.direct), "cue_start": s.cue[0] if s.cue else None,
            "cue_end": s.cue[1] if s.cue else None, "date": s.date,
            "via_start": s.via[0] if s.via else None, "via_end": s.via[1] if s.via else None}))
        ins["events"].insert_all(rows(doc.events, lambda i, e: {
            **base(e), "idx": i, "type": e.type, "mode": e.mode,
            "source_code": codes.get(e.source) if e.source else None,
            "target_code": codes.get(e.target) if e.target else None, "date": e.date,
            "location": e.location, "place": e.place, "aux": e.aux, "score": e.prov.score}))
        ins["stances"].insert_all(rows(doc.stances, lambda i, s: {
            **base(s), "idx": i, "holder_code": codes.get(s.holder), "target_code": codes.get(s.target),
            "polarity": s.polarity, "issue": s.issue, "statement_idx": s.statement,
            "reported": int(s.reported), "date": s.date}))
        stance_dates = {(s.start, s.end): (s.date, s.polarity) for s in doc.stances}
        for c in doc.contradictions:
            a_date, a_pol = stance_dates.get(tuple(c.a), (doc.published, None))
            b_date, b_pol = stance_dates.get(tuple(c.b), (doc.published, None))
            ins["contradictions"].insert({
                "scope": "document", "kind": c.kind, "holder_code": codes.get(c.holder),
                "target_code": codes.get(c.target), "issue": c.issue, "a_doc": d,
                "a_start": c.a[0], "a_end": c.a[1], "a_date": a_date, "a_polarity": a_pol,
                "b_doc": d, "b_start": c.b[0], "b_end": c.b[1], "b_date": b_date,
                "b_polarity": b_pol, "stage": c.prov.stage, "rule": c.prov.rule})

    # -- reading -------------------------------------------------------------------------
    def load(self, doc_id: str) -> tuple[dict[str, Any], str] | None:
        row = self.db.execute("SELECT analysis, text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            return None
        return json.loads(row[0]), row[1]

    def iter_analyses(self, doc_id: str | None = None) -> Iterator[tuple[dict[str, Any], str]]:
        sql = "SELECT analysis, text FROM documents"
        args: list[Any] = []
        if doc_id:
            sql += " WHERE id = ?"
            args.append(doc_id)
        for analysis, text in stream(self.db, sql + " ORDER BY published, id", args):
            yield json.loads(analysis), text

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def actor(self, code: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT code, name, name_en, country, type, kind FROM actors WHERE code = ?",
                              [code]).fetchone()
        if row is None:
            return None
        aliases = [r[0] for r in self.db.execute(
            "SELECT alias FROM actor_aliases WHERE actor_code = ? ORDER BY alias", [code])]
        return {"code": row[0], "name": row[1], "name_en": row[2], "country": row[3],
                "type": row[4], "kind": row[5], "aliases": [a for a in aliases if a != row[1]]}

    def contradictions(self) -> list[dict[str, Any]]:
        cur = self.db.execute("SELECT * FROM contradictions ORDER BY COALESCE(b_date, a_date), id")
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r)) for r in cur]
