"""The batch keeps its promises (issue 12): --jobs works and is capped, no silent loss of
documents through id collisions, corrected metadata is saved, user data is never markup or
terminal control, summaries add up and say what happened."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from marsad.cli.commands import main

TEXT = "قال رئيس الوزراء العراقي إن الحكومة تريد خروج القوات الأجنبية من البلاد."


def _docs(tmp_path, n, name="in.jsonl"):
    recs = [{"id": f"d{i}", "text": TEXT + f" العدد {i}."} for i in range(n)]
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), "utf-8")
    return path


def _ids(db):
    conn = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in conn.execute("SELECT id FROM documents"))
    finally:
        conn.close()


def test_ingest_with_jobs(tmp_path, capsys):
    src = _docs(tmp_path, 5)
    db = tmp_path / "s.db"
    assert main(["ingest", str(src), "--jobs", "2", "--db", str(db)]) == 0
    assert "ingested 5 new" in capsys.readouterr().err
    assert _ids(db) == [f"d{i}" for i in range(5)]
    assert main(["ingest", str(src), "--jobs", "0", "--db", str(db)]) == 0  # already stored
    assert "0 new, 0 re-analysed, 5 unchanged" in capsys.readouterr().err


def test_jobs_is_checked_and_capped(tmp_path, capsys):
    src = _docs(tmp_path, 1)
    for bad in ("-1", "x"):
        with pytest.raises(SystemExit) as e:
            main(["analyze", str(src), "--json", "--jobs", bad])
        assert e.value.code == 2
    capsys.readouterr()
    assert main(["analyze", str(src), "--json", "--jobs", "64"]) == 0
    assert "--jobs 64: this machine has" in capsys.readouterr().err


def test_same_file_names_in_two_folders_are_two_documents(tmp_path, capsys):
    for day in ("2024-01-01", "2024-01-02"):
        (tmp_path / "site" / day).mkdir(parents=True)
        page = f"<html><body><article><p>{TEXT} يوم {day}.</p></article></body></html>"
        (tmp_path / "site" / day / "index.html").write_text(page, "utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path / "site"), "--db", str(db)]) == 0
    assert "ingested 2 new" in capsys.readouterr().err
    assert _ids(db) == ["2024-01-01/index", "2024-01-02/index"]


def test_duplicate_ids_are_errors_naming_both_sources(tmp_path, capsys):
    src = tmp_path / "dup.jsonl"
    src.write_text("\n".join(json.dumps({"id": "same", "text": TEXT + t}, ensure_ascii=False)
                             for t in (" أمس.", " اليوم.")), "utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "dup.jsonl:2: id 'same' is also the id of" in err and "dup.jsonl:1" in err
    assert "ingested 1 new, 0 re-analysed, 0 unchanged, 1 failed (1 of them id collisions)" in err
    with pytest.raises(SystemExit) as e:  # one --id for several files
        main(["ingest", str(src), str(src), "--id", "x", "--db", str(db)])
    assert e.value.code == 2


def test_derived_id_never_overwrites_another_files_document(tmp_path, capsys):
    for day, word in (("a", "أمس"), ("b", "اليوم")):
        (tmp_path / day).mkdir()
        (tmp_path / day / "index.txt").write_text(f"{TEXT} {word}.", "utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path / "a" / "index.txt"), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["ingest", str(tmp_path / "b" / "index.txt"), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "already belongs to" in err and "a/index.txt" in err and "b/index.txt" in err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT text FROM documents WHERE id = 'index'").fetchone()[0].endswith("أمس.")


def test_corrected_metadata_is_saved(tmp_path, capsys):
    src = tmp_path / "r.jsonl"
    db = tmp_path / "s.db"

    def ingest(**meta):
        src.write_text(json.dumps({"id": "r1", "text": TEXT, **meta}, ensure_ascii=False), "utf-8")
        assert main(["ingest", str(src), "--db", str(db)]) == 0
        return capsys.readouterr().err

    ingest(published="2024-01-01", title="عنوان")
    err = ingest(published="2024-02-02", title="عنوان مصحح", url="https://example.org/a")
    assert "1 re-analysed" in err
    assert "1 unchanged" in ingest()  # fields not given keep their stored values
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT published, title, url, analysis FROM documents").fetchone()
    assert row[:3] == ("2024-02-02", "عنوان مصحح", "https://example.org/a")
    assert json.loads(row[3])["document"]["published"] == "2024-02-02"


def test_user_data_is_not_markup_or_terminal_control(tmp_path, capsys):
    recs = [{"id": "doc[/]1", "title": "[/bold] عنوان [link=https://evil.example]انقر[/link]", "text": TEXT},
            {"id": "evil\x1b[31m\nmarsad: error: forged", "text": TEXT + " أمس."}]
    src = tmp_path / "m.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), "utf-8")
    assert main(["analyze", str(src)]) == 0
    out = capsys.readouterr().out
    assert "doc[/]1" in out and "[link=https://evil.example]" in out
    assert "\x1b[31m" not in out and "\nmarsad: error: forged" not in out
    db = tmp_path / "s.db"
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["show", "doc[/]1", "--db", str(db)]) == 0
    assert "[/bold]" in capsys.readouterr().out
    assert main(["show", "evil\x1bx", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and err.count("\n") == 1


def test_summaries_say_what_happened(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["analyze", str(tmp_path / "empty")]) == 1
    assert "no documents found" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["flips", "--since", "garbage"])
    assert e.value.code == 2
    db = tmp_path / "s.db"
    assert main(["ingest", str(_docs(tmp_path, 1)), "--db", str(db)]) == 0
    from marsad.store import open_store

    store = open_store(str(db))
    store.db["contradictions"].insert({"scope": "corpus", "kind": "flip", "holder_code": "X",
                                       "a_doc": "d0", "b_doc": "d0", "a_date": "2018-01-01"})
    store.db.conn.commit()
    capsys.readouterr()
    assert main(["flips", "--since", "2019-01-01", "--db", str(db)]) == 0
    assert "none of the store's 1 contradictions matches --since" in capsys.readouterr().err


def test_interrupted_ingest_prints_what_was_stored(tmp_path, capsys, monkeypatch):
    from marsad.store import Store

    original = Store.write
    calls = []

    def write_then_interrupt(self, *a, **k):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return original(self, *a, **k)

    monkeypatch.setattr(Store, "write", write_then_interrupt)
    db = tmp_path / "s.db"
    assert main(["ingest", str(_docs(tmp_path, 5)), "--db", str(db)]) == 130
    err = capsys.readouterr().err
    assert "interrupted after" in err and "ingested 2 new" in err
    assert _ids(db) == ["d0", "d1"]


def test_concurrent_ingests_count_every_document(tmp_path):
    src = _docs(tmp_path, 6)
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(src), "--db", str(db)]
    procs = [subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        line = [x for x in err.splitlines() if x.startswith("ingested")][-1]
        counts = [int(w) for w in line.replace(",", " ").split()[:9] if w.isdigit()]
        assert sum(counts[:4]) == 6, line  # new + re-analysed + unchanged + failed
    assert _ids(db) == [f"d{i}" for i in range(6)]


def _overlapping(tmp_path, first: range, second: range):
    """Two JSONL inputs sharing documents; the second in reverse order, so that the two writers
    meet in the shared part."""
    out = []
    for name, ids in (("a.jsonl", list(first)), ("b.jsonl", list(second)[::-1])):
        recs = [{"id": f"d{i:02}", "text": f"{TEXT} وأضاف أن بغداد ستفاوض واشنطن في الجولة {i}."}
                for i in ids]
        (tmp_path / name).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), "utf-8")
        out.append(tmp_path / name)
    return out


def test_concurrent_ingests_of_overlapping_corpora_store_each_document_once(tmp_path, store_db):
    """Issue 16: two writers at once (SQLite: WAL and retries; PostgreSQL: real concurrency, a
    lock per document) store every document exactly once, with its layers once."""
    from marsad.store import open_store
    from marsad.track.duplicates import settings

    paths = _overlapping(tmp_path, range(0, 14), range(6, 20))
    procs = [subprocess.Popen([sys.executable, "-m", "marsad.cli", "ingest", str(p), "--db", store_db,
                               "--quiet"], stderr=subprocess.PIPE, text=True) for p in paths]
    new = 0
    for p in procs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        line = [x for x in err.splitlines() if x.startswith("ingested")][-1]
        counts = [int(w) for w in line.replace(",", " ").split()[:9] if w.isdigit()]
        assert sum(counts[:4]) == 14 and counts[1] == counts[3] == 0, line
        new += counts[0]
    assert new == 20  # each document was new to exactly one of the two
    store = open_store(store_db, readonly=True)
    assert store.document_ids() == [f"d{i:02}" for i in range(20)]
    one = store.db.execute
    for doc_id in store.document_ids():
        analysis, _ = store.load(doc_id)
        assert one("SELECT COUNT(*) FROM sentences WHERE doc_id = ?", [doc_id]).fetchone()[0] == \
            len(analysis["sentences"])
        assert one("SELECT COUNT(*) FROM mentions WHERE doc_id = ?", [doc_id]).fetchone()[0] == \
            sum(len(a["mentions"]) for a in analysis["actors"])
        assert one("SELECT COUNT(*) FROM search_text WHERE doc_id = ? AND kind = 'document'",
                   [doc_id]).fetchone()[0] == 1
    assert one("SELECT COUNT(*) FROM doc_minhash").fetchone()[0] == 20
    assert one("SELECT COUNT(*) FROM lsh_bands").fetchone()[0] == 20 * settings().bands
    assert one("SELECT COUNT(*) FROM (SELECT DISTINCT kind, a_doc, a_start, b_doc, b_start "
               "FROM contradictions) x").fetchone()[0] == one("SELECT COUNT(*) FROM contradictions").fetchone()[0]
