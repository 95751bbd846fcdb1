"""The store keeps its promises (issue 12): the SQL layer agrees with the analysis, store errors
are messages, read commands never create or change a store, new stores open concurrently."""
from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import sqlite3

import pytest
from pgserver import fresh_schema

from marsad.cli.commands import main
from marsad.pipeline import analyze
from marsad.store import StoreError, open_store
from marsad.store.schema import migrations

# The events stage makes the militias a participant actor of its own (no actors-stage mention).
EVENT_ACTOR = ('وأضاف، خلال مؤتمر صحافي، "فتحنا طريق الحديدة صنعاء لخروج الميليشيات دون مقاومة"، '
               'موضحاً أن التحالف يتقدم عسكرياً بحذر لتجنب المدنيين في الحديدة.')
TEXT = "قال رئيس الوزراء العراقي إن الحكومة تريد خروج القوات الأجنبية من البلاد."


def _mention_counts(store, doc_id):
    analysis, _ = store.load(doc_id)
    in_json = sum(len(a["mentions"]) for a in analysis["actors"])
    in_sql = store.db.execute("SELECT COUNT(*) FROM mentions WHERE doc_id = ?", [doc_id]).fetchone()[0]
    return in_json, in_sql


def test_mentions_table_holds_event_stage_actors(store_db):
    store = open_store(store_db)
    doc = analyze(EVENT_ACTOR, "ev", "2018-06-18")
    assert any(a.prov and a.prov.stage == "events" for a in doc.actors.values())
    store.save(doc)
    in_json, in_sql = _mention_counts(store, "ev")
    assert in_sql == in_json
    stages = {r[0] for r in store.db.execute("SELECT stage FROM mentions WHERE doc_id = 'ev'")}
    assert "events" in stages


def _old_store(url):
    """A store as Marsad wrote it before m005: no event-actor mention rows."""
    store = open_store(url)
    store.save(analyze(EVENT_ACTOR, "ev", "2018-06-18"))
    store.db.execute("DELETE FROM mentions WHERE stage = 'events'")
    store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_all_actor_mentions'")
    store.db.conn.commit()
    store.db.conn.close()


def test_old_store_read_commands_say_upgrade_and_migrate_backfills(store_db, capsys):
    _old_store(store_db)
    db = store_db
    assert main(["show", "ev", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "older Marsad" in err and "marsad migrate" in err and "Traceback" not in err
    assert main(["migrate", "--db", db]) == 0
    assert "m006_all_actor_mentions" in capsys.readouterr().err
    assert main(["show", "ev", "--db", db, "--json"]) == 0
    in_json, in_sql = _mention_counts(open_store(db, readonly=True), "ev")
    assert in_sql == in_json


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_commands_never_create_or_change_a_store(tmp_path, capsys):
    missing = tmp_path / "typo.db"
    for cmd in (["show", "x"], ["flips"], ["export"]):
        assert main([*cmd, "--db", f"sqlite:///{missing}"]) == 1
        assert "no store at" in capsys.readouterr().err
        assert not missing.exists()
    other = tmp_path / "other.db"  # somebody else's SQLite database
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.commit()
    conn.close()
    before = _digest(other)
    for cmd in (["show", "x"], ["flips"], ["export"], ["ingest", str(tmp_path / "none.txt")]):
        assert main([*cmd, "--db", str(other)]) == 1
        assert "not a Marsad store" in capsys.readouterr().err
    assert _digest(other) == before
    assert not (tmp_path / "other.db-wal").exists()


def test_reading_a_store_does_not_write_it(tmp_path):
    path = tmp_path / "s.db"
    store = open_store(str(path))
    store.save(analyze(TEXT, "d1", "2024-01-10"))
    store.db.conn.close()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(str(path) + suffix):
            os.remove(str(path) + suffix)
    before = _digest(path)
    ro = open_store(str(path), readonly=True)
    assert ro.document_ids() == ["d1"]
    with pytest.raises(sqlite3.OperationalError):
        ro.db.execute("DELETE FROM documents")
    assert _digest(path) == before


def test_store_errors_are_messages(tmp_path, capsys):
    doc = tmp_path / "d.txt"
    doc.write_text(TEXT, "utf-8")
    cases = [
        (f"sqlite:///{tmp_path}/no/such/folder/x.db", "no folder"),
        ("mysql://localhost/marsad", "only sqlite"),
        ("postgresql://nobody@127.0.0.1:1/none", "cannot connect to the store"),
        (str(tmp_path), "is a folder"),
    ]
    notdb = tmp_path / "notes.txt"
    notdb.write_text("just some text, not a database " * 100)
    cases.append((str(notdb), "not a Marsad store"))
    for url, words in cases:
        assert main(["ingest", str(doc), "--db", url]) == 1
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err, err


def test_sqlite_three_slashes_is_relative_and_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no ./tmp folder here, but there is a /tmp
    with pytest.raises(StoreError, match="sqlite:////tmp/x.db"):
        open_store("sqlite:///tmp/x.db")
    assert open_store("sqlite:////" + str(tmp_path / "abs.db").lstrip("/")).path == str(tmp_path / "abs.db")
    (tmp_path / "d.txt").write_text(TEXT, "utf-8")
    assert main(["ingest", "d.txt", "--db", "sqlite:///here.db"]) == 0
    assert "new store here.db" in capsys.readouterr().err and (tmp_path / "here.db").exists()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_store_reads_and_refuses_writes(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "s.db"
    store = open_store(str(path))
    store.save(analyze(TEXT, "d1", "2024-01-10"))
    store.db.conn.close()
    (tmp_path / "d.txt").write_text(TEXT + " أمس.", "utf-8")
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    try:
        assert main(["show", "d1", "--db", str(path), "--json"]) == 0
        capsys.readouterr()
        assert main(["ingest", str(tmp_path / "d.txt"), "--db", str(path)]) == 1
        err = capsys.readouterr().err
        assert "read-only" in err or "cannot" in err
        assert "Traceback" not in err
    finally:
        os.chmod(folder, 0o755)
        os.chmod(path, 0o644)


def _open_new(args):
    url, barrier = args
    barrier.wait()
    try:
        open_store(url).db.conn.close()
        return "ok"
    except Exception as e:  # what the parent reports
        return f"{type(e).__name__}: {e}"


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_processes_opening_one_new_store_at_once(tmp_path, backend, request):
    ctx = mp.get_context("fork")
    n = 6
    for trial in range(4):
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path / f'new{trial}.db'}"
        else:
            url = fresh_schema(request.getfixturevalue("pg_server"))
        with ctx.Manager() as manager:
            barrier = manager.Barrier(n)
            with ctx.Pool(n) as pool:
                results = pool.map(_open_new, [(url, barrier)] * n)
        assert results == ["ok"] * n
        store = open_store(url, readonly=True)
        names = [r[0] for r in store.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert names == [m.name for m in migrations._migrations]
        store.db.conn.close()


def test_postgres_read_commands_never_create_or_change_a_store(pg_url, capsys):
    for cmd in (["show", "x"], ["flips"], ["export"], ["search", "x"], ["stats"]):
        assert main([*cmd, "--db", pg_url]) == 1
        err = capsys.readouterr().err
        assert "no store in" in err and "Traceback" not in err
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT COUNT(*) FROM information_schema.tables "
                            "WHERE table_schema = current_schema()").fetchone()[0] == 0
        conn.execute("CREATE TABLE notes (x TEXT)")  # somebody else's tables
    for cmd in (["show", "x"], ["ingest", "none.txt"]):
        assert main([*cmd, "--db", pg_url]) == 1
        assert "not a Marsad store" in capsys.readouterr().err
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP TABLE notes")
    store = open_store(pg_url)
    store.save(analyze(TEXT, "d1", "2024-01-10"))
    ro = open_store(pg_url, readonly=True)
    assert ro.document_ids() == ["d1"]
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        ro.db.execute("DELETE FROM documents")


def test_a_transaction_that_reads_first_still_gets_to_write(tmp_path):
    """Two writers of one SQLite store: a transaction that reads before it writes (the
    near-duplicate index, the flips refresh) holds the write lock from its start, so another
    process's commit cannot leave it unable to write ("database is locked" at once in WAL)."""
    from marsad.store.connect import open_write

    path = str(tmp_path / "s.db")
    first, _, _ = open_write(path)
    second, _, _ = open_write(path)
    second.conn.execute("PRAGMA busy_timeout = 100")
    with first.atomic():
        first.execute("SELECT COUNT(*) FROM documents").fetchone()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            second.execute("DELETE FROM contradictions WHERE scope = 'corpus'")  # waits: first writes
        first.execute("DELETE FROM contradictions WHERE scope = 'corpus'")
    second.execute("DELETE FROM contradictions WHERE scope = 'corpus'")  # and then it may
    second.conn.commit()
