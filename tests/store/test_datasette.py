"""The Datasette metadata file `marsad metadata` writes for a store."""
from __future__ import annotations

import json
import subprocess
import sys


def run(*args):
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True)


def test_metadata_describes_the_stores_tables_and_views_and_hides_internals(tmp_path):
    (tmp_path / "a.txt").write_text("قال وزير الخارجية الفرنسي إن باريس تدين الهجوم على المدنيين في إدلب.", "utf-8")
    db = f"sqlite:///{tmp_path / 'news.db'}"
    assert run("ingest", str(tmp_path / "a.txt"), "--db", db, "--published", "2018-03-01").returncode == 0
    out = tmp_path / "meta.json"
    r = run("metadata", "--db", db, "-o", str(out))
    assert r.returncode == 0, r.stderr
    meta = json.loads(out.read_text("utf-8"))
    tables = meta["databases"]["news"]["tables"]
    assert "PLOVER" in tables["events"]["description"] and "start" in tables["events"]["columns"]
    assert tables["events_named"]["description"] and tables["_sqlite_migrations"] == {"hidden": True}
    assert all(v.get("hidden") or v.get("description") for v in tables.values())


def test_metadata_never_creates_a_store(tmp_path):
    r = run("metadata", "--db", f"sqlite:///{tmp_path / 'missing.db'}", "-o", str(tmp_path / "m.json"))
    assert r.returncode != 0 and not (tmp_path / "missing.db").exists() and "Traceback" not in r.stderr


def test_metadata_of_a_postgres_store_says_it_is_for_sqlite(pg_url, capsys):
    from marsad.cli.commands import main
    from marsad.store import open_store

    open_store(pg_url).db.conn.close()
    assert main(["metadata", "--db", pg_url]) == 1
    assert "for SQLite stores" in capsys.readouterr().err
