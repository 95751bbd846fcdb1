"""Store schema as sqlite-utils migrations: later versions append migrations, never edit old ones,
so existing stores upgrade in place."""
from __future__ import annotations

import json
from typing import Any, Iterable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("marsad")

_LAYER = {"doc_id": str, "start": int, "end": int, "stage": str, "rule": str}


@migrations()
def m001_documents(db: Database) -> None:
    db["documents"].create({
        "id": str, "content_hash": str, "text": str, "html": str, "title": str,
        "published": str, "url": str, "source": str, "origin": str,
        "analysis_version": str, "marsad_version": str, "analyzed_at": str,
        "analysis": dict,  # TEXT in SQLite (as str), JSON in PostgreSQL
    }, pk="id")
    db["documents"].create_index(["content_hash"])
    db["documents"].create_index(["published"])
    db["sentences"].create({"doc_id": str, "idx": int, "start": int, "end": int,
                            "paragraph": int, "boilerplate": int}, pk=("doc_id", "idx"))
    db["boilerplate"].create({**_LAYER, "kind": str})
    db["actors"].create({"code": str, "name": str, "name_en": str, "country": str, "type": str,
                         "kind": str, "qid": str, "first_seen": str}, pk="code")
    db["actor_aliases"].create({"actor_code": str, "alias": str}, pk=("actor_code", "alias"))
    db["mentions"].create({**_LAYER, "actor_code": str, "local_id": str})
    db["entities"].create({**_LAYER, "label": str, "actor_code": str, "score": float})
    db["times"].create({**_LAYER, "value": str, "kind": str, "inferred": int})
    db["statements"].create({**_LAYER, "idx": int, "speaker_code": str, "direct": int,
                             "cue_start": int, "cue_end": int, "date": str, "via_start": int,
                             "via_end": int})
    db["events"].create({**_LAYER, "idx": int, "type": str, "mode": str, "source_code": str,
                         "target_code": str, "date": str, "location": str, "place": str,
                         "aux": str, "score": float})
    db["stances"].create({**_LAYER, "idx": int, "holder_code": str, "target_code": str,
                          "polarity": str, "issue": str, "statement_idx": int, "reported": int,
                          "date": str})
    db["contradictions"].create({
        "id": int, "scope": str, "kind": str, "holder_code": str, "target_code": str,
        "issue": str, "a_doc": str, "a_start": int, "a_end": int, "a_date": str,
        "a_polarity": str, "b_doc": str, "b_start": int, "b_end": int, "b_date": str,
        "b_polarity": str, "stage": str, "rule": str,
    }, pk="id")
    for table in ("boilerplate", "mentions", "entities", "times", "statements", "events",
                  "stances"):
        db[table].create_index(["doc_id"])
    db["mentions"].create_index(["actor_code"])
    db["stances"].create_index(["holder_code", "target_code", "issue"])
    db["events"].create_index(["type", "date"])
    db["contradictions"].create_index(["holder_code"])
    db["contradictions"].create_index(["a_doc"])
    db["contradictions"].create_index(["b_doc"])


def mention_rows(doc_id: str, actors: Iterable[tuple[str, str, list, str | None, str | None]],
                 have: set[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """Rows of the mentions table for actor mentions not yet in it: ``actors`` gives (local
    id, code, mention spans, stage, rule) for each; ``have`` the (start, end, local id) stored."""
    out = []
    for local_id, code, spans, stage, rule in actors:
        for start, end in spans:
            if (start, end, local_id) in have:
                continue
            have.add((start, end, local_id))
            out.append({"doc_id": doc_id, "start": start, "end": end, "stage": stage,
                        "rule": rule, "actor_code": code, "local_id": local_id})
    return out


@migrations()
def m002_search(db: Database) -> None:
    """Full-text search (marsad.search): the index tables, filled for the stored documents."""
    from marsad.search.index import create_search, rebuild

    create_search(db)
    rebuild(db)


@migrations()
def m003_actor_indexes(db: Database) -> None:
    """Indexes for following one actor (marsad serve: an actor's events, statements, stances)."""
    db["events"].create_index(["source_code"], if_not_exists=True)
    db["events"].create_index(["target_code"], if_not_exists=True)
    db["statements"].create_index(["speaker_code"], if_not_exists=True)


@migrations()
def m004_readable_views(db: Database) -> None:
    """Readable views for SQL browsers such as Datasette: layers with actor names, the
    document's url and the evidence text."""
    def name(col: str, alias: str) -> str:
        return f"(SELECT a.name FROM actors a WHERE a.code = x.{col}) AS {alias}"

    link = ("x.doc_id, d.url, d.published, x.start, x.end, "
            "substr(d.text, x.start + 1, x.end - x.start) AS evidence, x.stage, x.rule")
    views = {
        "events_named": f"x.idx, x.type, x.mode, x.date, {name('source_code', 'source')}, "
                        f"{name('target_code', 'target')}, x.location, x.place, x.score",
        "statements_named": f"x.idx, {name('speaker_code', 'speaker')}, x.direct, x.date",
        "stances_named": f"x.idx, {name('holder_code', 'holder')}, x.polarity, "
                         f"{name('target_code', 'target')}, x.issue, x.date",
    }
    for view, cols in views.items():
        table = view.removesuffix("_named")
        db.execute(f"CREATE VIEW IF NOT EXISTS {view} AS SELECT {cols}, {link} "
                   f"FROM {table} x JOIN documents d ON d.id = x.doc_id")


@migrations()
def m005_duplicates(db: Database) -> None:
    """Near-duplicate stories (marsad.track.duplicates): each document's MinHash signature, its
    LSH band keys (the index that finds candidates in SQL, so it persists across ingests and
    writers), and the link of every cluster member to its canonical document."""
    db["doc_minhash"].create({"doc_id": str, "signature": bytes}, pk="doc_id")
    db["lsh_bands"].create({"key": int, "doc_id": str})
    db["lsh_bands"].create_index(["key"])
    db["lsh_bands"].create_index(["doc_id"])
    db["duplicates"].create({"doc_id": str, "duplicate_of": str, "similarity": float,
                             "matched": str, "stage": str, "rule": str}, pk="doc_id")
    db["duplicates"].create_index(["duplicate_of"])


@migrations()
def m006_all_actor_mentions(db: Database) -> None:
    """Stores of 0.1.0 lack the mention rows of actors that the events stage added: add them
    from each document's stored analysis."""
    from marsad.text.normalize import normalize

    for doc_id, analysis in db.execute("SELECT id, analysis FROM documents").fetchall():
        actors = json.loads(analysis).get("actors", [])
        have = {tuple(r) for r in db.execute(
            "SELECT start, [end], local_id FROM mentions WHERE doc_id = ?", [doc_id])}
        rows = mention_rows(doc_id, ((a["id"], a.get("code") or f"new:{normalize(a['name'])}",
                                      a.get("mentions", []), a.get("stage"), a.get("rule"))
                                     for a in actors), have)
        if rows:
            db["mentions"].insert_all(rows)
