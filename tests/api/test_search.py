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


def _store(tmp_path):
    return open_store(f"sqlite:///{tmp_path / 'm.db'}")


def test_index_follows_the_document(tmp_path):
    store = _store(tmp_path)
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


def test_failed_save_leaves_the_index_as_it_was(tmp_path, monkeypatch):
    store = _store(tmp_path)
    store.save(analyze(TEXT, "d1", "2018-03-01"))

    def crash(db, doc):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store_mod, "index_document", crash)
    with pytest.raises(RuntimeError):
        store.save(analyze(TEXT.replace("بغداد", "القاهرة"), "d1", "2018-03-01"))
    assert search(store.db.conn, "بغداد", kind="document")[1] == 1
    assert search(store.db.conn, "القاهرة", kind="document")[1] == 0


def test_migration_indexes_an_existing_store(tmp_path):
    store = _store(tmp_path)
    store.save(analyze(TEXT, "d1", "2018-03-01"))
    # A store made before search: no index tables and no record of the migration.
    for sql in ("DROP TABLE search_fts", "DROP TABLE search_text",
                "DELETE FROM _sqlite_migrations WHERE name = 'm002_search'"):
        store.db.execute(sql)
    store.db.conn.commit()
    store.db.conn.close()
    again = _store(tmp_path)
    assert search(again.db.conn, "امريكي")[1] >= 1


def test_cli_search(tmp_path, capsys):
    from marsad.cli import main

    store = _store(tmp_path)
    store.save(analyze(TEXT, "d1", "2018-03-01"))
    assert main(["search", "امريكيون", "--db", f"sqlite:///{tmp_path / 'm.db'}", "--json"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out and '"document": "d1"' in out[0]
