"""Store schema as sqlite-utils migrations: later versions append migrations, never edit old ones,
so existing stores upgrade in place."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("marsad")

_LAYER = {"doc_id": str, "start": int, "end": int, "stage": str, "rule": str}


@migrations()
def m001_documents(db: Database) -> None:
    db["documents"].create({
        "id": str, "content_hash": str, "text": str, "html": str, "title": str,
        "published": str, "url": str, "source": str, "origin": str,
        "analysis_version": str, "marsad_version": str, "analyzed_at": str, "analysis": str,
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


@migrations()
def m002_duplicates(db: Database) -> None:
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
