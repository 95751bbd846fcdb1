"""Search: Arabic search keys, the FTS index kept in step with documents, the migration."""
from __future__ import annotations

import pytest

import marsad.store as store_mod
from marsad.pipeline import analyze
from marsad.search.keys import fts_query, word_key
from marsad.search.query import search
from marsad.store import open_store

# Sentences of the shape of ant_news reports.
TEXT = ("وقال المتحدث إن والأمريكيين والأوروبيين سيجتمعون في بغداد لبحث الانتخابات العراقية.\n"
        "وأكدت وزارة الخارجية أن الحكومة لن تقبل أي تدخل.")


@pytest.mark.parametrize("query,found", [
    ("امريكي", "والأمريكيون"),  # clitics and plural ending
    ("امريكي", "الأمريكية"),  # ta marbuta and the article
    ("أمريكا", "امريكا"),  # hamza forms
    ("أميركا", "أمريكا"),  # a loanword's other spelling (resources/search/variants.tsv)
    ("الأميركي", "والأمريكيين"),
    ("مصري", "المصريين"),
    ("الحكومة", "حكومته"),  # enclitic pronoun
    ("على", "علی"),  # alef maqsura and Persian ya
    ("انتخابات", "الانتخـــابات"),  # tatweel
    ("قال", "وقَالَ"),  # diacritics
    ("عراقي", "العراقيين"),
])
def test_query_word_finds_other_forms(query, found):
    assert word_key(query) == word_key(found)


@pytest.mark.parametrize("a,b", [("وزير", "زير"), ("بغداد", "غداد"), ("امريكا", "امريكي"), ("وزارة", "زارة")])
def test_different_words_stay_apart(a, b):
    assert word_key(a) != word_key(b)


def test_fts_query_quotes_every_key():
    assert fts_query('" OR 1=1 -- NEAR(') == '"or" AND "1" AND "near"'
    q = fts_query('قال" OR *')
    assert q is not None and "*" not in q and q.count('"') % 2 == 0
    assert fts_query("!!! ...") is None


def test_index_follows_the_document(store_db):
    store = open_store(store_db)
    store.save(analyze(TEXT, "d1", "2018-03-01"))
    hits, total = search(store.db.conn, "الأمريكي")
    assert total >= 1 and hits[0].doc_id == "d1"
    marked = [t for t, m in hits[0].snippet if m]
    assert "والأمريكيين" in marked
    # The statement is its own hit with its evidence offsets.
    hits, _ = search(store.db.conn, "تدخل", kind="statement")
    assert hits and TEXT[hits[0].start:hits[0].end].endswith("تدخل")
    # A new text replaces the old rows: the old words are gone, the new ones are found.
    store.save(analyze(TEXT.replace("بغداد", "القاهرة"), "d1", "2018-03-01"))
    assert search(store.db.conn, "بغداد", kind="document")[1] == 0
    assert search(store.db.conn, "القاهرة", kind="document")[1] == 1


def test_failed_save_leaves_the_index_as_it_was(store_db, monkeypatch):
    store = open_store(store_db)
    store.save(analyze(TEXT, "d1", "2018-03-01"))

    def crash(db, doc):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store_mod, "index_document", crash)
    with pytest.raises(RuntimeError):
        store.save(analyze(TEXT.replace("بغداد", "القاهرة"), "d1", "2018-03-01"))
    assert search(store.db.conn, "بغداد", kind="document")[1] == 1
    assert search(store.db.conn, "القاهرة", kind="document")[1] == 0


def test_migration_indexes_an_existing_store(store_db):
    store = open_store(store_db)
    store.save(analyze(TEXT, "d1", "2018-03-01"))
    # A store made before search: no index tables and no record of the migration.
    drop = ["DROP TABLE search_fts"] if store.dialect == "sqlite" else []
    for sql in (*drop, "DROP TABLE search_text",
                "DELETE FROM _sqlite_migrations WHERE name = 'm002_search'"):
        store.db.execute(sql)
    store.db.conn.commit()
    store.db.conn.close()
    again = open_store(store_db)
    assert search(again.db.conn, "امريكي")[1] >= 1


def test_cli_search(store_db, capsys):
    from marsad.cli import main

    store = open_store(store_db)
    store.save(analyze(TEXT, "d1", "2018-03-01"))
    assert main(["search", "امريكيون", "--db", store_db, "--json"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out and '"document": "d1"' in out[0]


QUERIES = ("الأمريكي", "ترامب كوريا", "وزير الخارجية", "الحكومة العراقية", "إيران", "الانتخابات",
           "قال", "مصر", "روسيا سوريا", "لا توجد كلمة كهذه", "!!!")


def test_postgres_full_text_finds_what_fts5_finds(tmp_path, pg_url):
    """The same documents in both back ends: every query matches the same rows and counts."""
    from corpus import first_articles

    stores = [open_store(f"sqlite:///{tmp_path / 'm.db'}"), open_store(pg_url)]
    for r in first_articles(25):
        doc = analyze(r["text"], r["id"], r["published"], title=r.get("title"))
        for store in stores:
            store.save(doc)
    for q in QUERIES:
        for kind in (None, "statement"):
            found = []
            for store in stores:
                hits, total = search(store.db.conn, q, kind, limit=1000)
                found.append((total, sorted((h.doc_id, h.kind, h.ref, h.start, h.end) for h in hits)))
            assert found[0] == found[1], q
    assert search(stores[1].db.conn, "الحكومة")[1] > 0
