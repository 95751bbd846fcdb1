"""Store: idempotent re-ingest, re-analysis on a new version, one transaction per document (each
test runs on SQLite and on PostgreSQL: the ``store_db`` fixture)."""
from __future__ import annotations

import pytest

import marsad.store as store_mod
from marsad.doc import Actor, Contradiction, Mention, Provenance, Stance
from marsad.pipeline import analyze
from marsad.store import StoreError, open_store
from marsad.track.flips import refresh_flips

TEXT = ("قال رئيس الوزراء العراقي إن الحكومة تريد خروج القوات الأجنبية من البلاد.\n"
        "وأضاف أن الحكومة لم تحدد موعداً نهائياً لذلك.")


def _count(store, table, doc_id):
    return store.db.execute(f"SELECT COUNT(*) FROM [{table}] WHERE doc_id = ?", [doc_id]).fetchone()[0]


def test_reingest_same_content_is_noop(store_db):
    store = open_store(store_db)
    doc = analyze(TEXT, "d1", "2024-01-10")
    assert store.save(doc) is True
    assert store.save(analyze(TEXT, "d1", "2024-01-10")) is False
    assert store.save(analyze(TEXT, "copy-of-d1", "2024-01-10")) is True  # a syndicated copy
    assert store.document_ids() == ["copy-of-d1", "d1"]
    assert _count(store, "sentences", "d1") == 2
    analysis, text = store.load("d1")
    assert text == TEXT and analysis["schema"] == "marsad.analysis/1"


def test_new_analysis_version_replaces_layers(store_db, monkeypatch):
    store = open_store(store_db)
    store.save(analyze(TEXT, "d1", "2024-01-10"))
    monkeypatch.setattr(store_mod, "ANALYSIS_VERSION", "next")
    assert store.save(analyze(TEXT, "d1", "2024-01-10")) is True
    assert _count(store, "sentences", "d1") == 2  # replaced, not duplicated
    assert store.db.execute("SELECT analysis_version FROM documents").fetchall() == [("next",)]


def test_failure_mid_document_rolls_back(store_db, monkeypatch):
    store = open_store(store_db)
    store.save(analyze(TEXT, "ok", "2024-01-10"))
    original = store_mod.Store._insert_layers

    def crash_after_layers(self, doc):
        original(self, doc)  # every layer row is written …
        assert _count(self, "sentences", doc.id) == 2
        raise RuntimeError("disk full")  # … then the process fails before the commit

    monkeypatch.setattr(store_mod.Store, "_insert_layers", crash_after_layers)
    with pytest.raises(RuntimeError):
        store.save(analyze(TEXT.replace("الحكومة", "الوزارة"), "bad", "2024-01-10"))
    assert store.document_ids() == ["ok"]
    for table in store_mod.LAYER_TABLES:
        assert _count(store, table, "bad") == 0
    # The store is still usable and the batch resumes where it stopped.
    monkeypatch.setattr(store_mod.Store, "_insert_layers", original)
    assert store.save(analyze(TEXT.replace("الحكومة", "الوزارة"), "bad", "2024-01-10")) is True
    assert store.document_ids() == ["bad", "ok"]


def test_migrations_are_recorded_and_reopen_is_safe(store_db):
    open_store(store_db)
    store = open_store(store_db)
    names = [r[0] for r in store.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    # Migrations are append-only (m002_search adds the full-text index, m005_duplicates the
    # near-duplicate index); each is applied once.
    assert names[0] == "m001_documents" and "m002_search" in names and "m005_duplicates" in names
    assert len(names) == len(set(names))
    assert names[-1] == "m006_all_actor_mentions"


def test_unsupported_url():
    with pytest.raises(StoreError, match="only sqlite"):
        open_store("mysql://localhost/marsad")


def _stance_doc(doc_id, date, polarity, text):
    doc = analyze(text, doc_id, date)
    doc.actors = {"a1": Actor("a1", "دونالد ترامب", "Donald Trump", "USA", "GOV", code="USA-trump"),
                  "a2": Actor("a2", "كيم جونغ أون", None, "PRK", "GOV", code="PRK-kim")}
    doc.mentions = [Mention(0, 5, "a1", Provenance("test"))]
    doc.stances = [Stance(0, 10, "a1", "a2", polarity, Provenance("test"), issue="summit", date=date)]
    return doc


def test_cross_document_flip(store_db):
    from marsad.track.flips import flip_records

    store = open_store(store_db)
    store.save(_stance_doc("may", "2018-05-24", "oppose", "ألغى ترامب القمة مع كيم جونغ أون."))
    store.save(_stance_doc("june", "2018-06-12", "support", "رحب ترامب بالقمة مع كيم جونغ أون."))
    store.save(_stance_doc("june2", "2018-06-13", "support", "أشاد ترامب مجدداً بالقمة مع كيم."))
    # the reversal stands against each later article that holds the new position (june and june2),
    # not only the first: a reader of either finds the flip against the cancellation
    assert refresh_flips(store) == 2
    flip, again = flip_records(store)
    assert flip["holder"]["name"] == "دونالد ترامب" and flip["target"]["country"] == "PRK"
    assert (flip["a"]["document"], flip["a"]["polarity"]) == ("may", "oppose")
    assert (flip["b"]["document"], flip["b"]["polarity"], flip["kind"]) == ("june", "support", "flip")
    assert (again["a"]["document"], again["b"]["document"]) == ("may", "june2")
    assert flip_records(store, actor="Trump") and not flip_records(store, actor="ماكرون")
    assert not flip_records(store, since="2018-07-01")
    # Same target, other issue: only sounds alike, no flip.
    doc = _stance_doc("july", "2018-07-01", "oppose", "انتقد ترامب العقوبات على كوريا الشمالية.")
    doc.stances[0].issue = "sanctions"
    store.save(doc)
    assert refresh_flips(store) == 2


def test_within_document_contradiction_is_stored(store_db):
    from marsad.track.flips import flip_records

    store = open_store(store_db)
    doc = _stance_doc("one", "2024-01-10", "oppose", "قال ترامب إن القمة غير ضرورية. ثم قال إنها ضرورة.")
    doc.stances.append(Stance(20, 30, "a1", "a2", "support", Provenance("test"), issue="summit", date="2024-01-10"))
    doc.contradictions = [Contradiction("a1", "a2", (0, 10), (20, 30), Provenance("test"), issue="summit")]
    store.save(doc)
    refresh_flips(store)
    [c] = flip_records(store)
    assert c["scope"] == "document" and c["a"]["polarity"] == "oppose" and c["b"]["polarity"] == "support"
