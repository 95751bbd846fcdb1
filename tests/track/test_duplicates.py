"""Near-duplicate stories: MinHash signatures, the LSH index in the store, clusters, export folding."""
from __future__ import annotations

import io
import json

import pytest

pytest.importorskip("datasketch")

from corpus import ant_news
from pgserver import fresh_schema

from marsad.store import open_store
from marsad.track.duplicates import (
    DuplicateIndex,
    cluster_of,
    clusters,
    signature,
    similarity,
    story_text,
)

# ant_news pairs: one wire story carried by two outlets (al-Arabiya, Sky News Arabia), and one
# France 24 story cross-posted under two categories.
WIRE = ("AL-internationalNews-250-20180227", "SK-internationalNews-162-20180227")
CROSS = ("FR-middleEast-908-20180810", "FR-internationalNews-2652-20180810")
# Two Sky News stories of one day about the same person: different stories sharing background.
OTHER = ("SK-internationalNews-1346-20180504", "SK-internationalNews-1358-20180504")


def _sig(doc_id):
    return signature(ant_news()[doc_id]["text"])


def test_same_story_from_two_outlets_is_similar_and_different_stories_are_not():
    assert similarity(_sig(WIRE[0]), _sig(WIRE[1])) >= 0.6
    assert similarity(_sig(CROSS[0]), _sig(CROSS[1])) >= 0.6
    assert similarity(_sig(WIRE[0]), _sig(CROSS[0])) < 0.1


def test_boilerplate_spans_are_left_out_of_the_story():
    text = "دبي (CNN)— قال الوزير إن الحكومة ستعقد اجتماعا.\nتابعونا على تويتر"
    cut = text.index("\n")
    assert story_text(text, [(cut + 1, len(text))]).split() == text[:cut].split()
    assert signature("") is None


def _store(docs, url):
    store = open_store(url)
    for doc_id in docs:
        r = ant_news()[doc_id]
        store.db["documents"].insert({"id": doc_id, "text": r["text"], "published": r["published"],
                                      "source": r["source"], "analysis": "{}"})
    return store


def test_index_clusters_independent_of_order(store_db, request):
    ids = [*WIRE, *CROSS, OTHER[0]]
    found = []
    for n, order in enumerate((ids, ids[::-1])):
        url = store_db if n == 0 else (store_db.replace("m.db", "m2.db") if "sqlite" in store_db
                                       else fresh_schema(request.getfixturevalue("pg_server")))
        store = _store(order, url)
        index = DuplicateIndex(store.db)
        for doc_id in order:
            index.add(doc_id, _sig(doc_id))
        found.append(clusters(store.db))
    assert found[0] == found[1]
    heads = {c["canonical"]: c for c in found[0]}
    # the canonical document is the earliest (published date, then id)
    assert heads[WIRE[0]]["members"] == [WIRE[1]] and 0.6 <= heads[WIRE[0]]["similarity"] <= 1
    assert heads[CROSS[1]]["members"] == [CROSS[0]]
    assert len(found[0]) == 2
    row = store.db.execute("SELECT matched, stage, rule FROM duplicates WHERE doc_id = ?", [WIRE[1]]).fetchone()
    assert row == (WIRE[0], "track", "minhash-lsh")


def test_reindexing_a_changed_canonical_relinks_its_cluster(store_db):
    store = _store(WIRE, store_db)
    index = DuplicateIndex(store.db)
    for doc_id in WIRE:
        index.add(doc_id, _sig(doc_id))
    assert cluster_of(store.db, WIRE[1]) == list(WIRE)
    index.add(WIRE[0], signature("نص آخر تماما عن موضوع لا علاقة له بالخبر الأول ولا بغيره."))
    assert clusters(store.db) == []
    assert cluster_of(store.db, WIRE[1]) == [WIRE[1]]


def test_index_missing_signs_documents_stored_before_the_index(store_db):
    store = _store(WIRE, store_db)
    index = DuplicateIndex(store.db)
    assert index.index_missing() == 2 and index.index_missing() == 0
    assert [c["canonical"] for c in clusters(store.db)] == [WIRE[0]]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def ingested(tmp_path_factory, request):
    from marsad.cli.commands import main

    tmp = tmp_path_factory.mktemp("dup")
    path = tmp / "in.jsonl"
    path.write_text("".join(json.dumps(ant_news()[d], ensure_ascii=False) + "\n"
                            for d in (*WIRE, OTHER[0])), "utf-8")
    if request.param == "sqlite":
        db = f"sqlite:///{tmp / 's.db'}"
    else:
        db = fresh_schema(request.getfixturevalue("pg_server"))
    assert main(["ingest", str(path), "--db", db, "--quiet"]) == 0
    return db


def test_duplicates_command_json(ingested, capsys):
    from marsad.cli.commands import main

    assert main(["duplicates", "--db", ingested, "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj["canonical"] == WIRE[0] and obj["members"] == [WIRE[1]] and 0.6 <= obj["similarity"] <= 1
    assert main(["duplicates", "--db", ingested]) == 0
    out = capsys.readouterr().out
    assert "2 documents" in out and WIRE[1] in out and "[skynews]" in out


def test_export_counts_an_event_of_a_cluster_once_with_every_source(ingested):
    from marsad.track.export import export_plover

    store = open_store(ingested)
    buf = io.StringIO()
    export_plover(store, None, buf)
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    docs = {r["id"].rsplit("-e", 1)[0] for r in records}
    assert WIRE[1] not in docs  # folded into its canonical document
    shared = [r for r in records if len(r["sources"]) == 2]
    assert shared, "the wire story's events are reported by both outlets"
    assert {s["source"] for s in shared[0]["sources"]} == {"alarabia", "skynews"}
    alone = [r for r in records if r["id"].startswith(OTHER[0])]
    assert alone and all([s["id"] for s in r["sources"]] == [OTHER[0]] for r in alone)
    # one document's export is unfolded and lists that document only
    buf = io.StringIO()
    export_plover(store, WIRE[1], buf)
    one = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert one and all(r["sources"][0]["id"] == WIRE[1] and len(r["sources"]) == 1 for r in one)


def test_stats_command(ingested, capsys):
    from marsad.cli.commands import main

    assert main(["stats", "--db", ingested, "--json"]) == 0
    obj = json.loads(capsys.readouterr().out)
    for key in ("documents", "actors", "events", "statements", "stances", "flips", "duplicate_clusters"):
        assert isinstance(obj[key], int)
    assert obj["documents"] == 3 and obj["duplicate_clusters"] == 1 and obj["duplicate_documents"] == 1
    assert sum(obj["analysis_versions"].values()) == 3
    assert main(["stats", "--db", ingested]) == 0
    assert "duplicate clusters" in capsys.readouterr().out
