"""Exports: PLOVER JSONL, POLECAT-style TSV, CSV and Parquet, each record linking its document
and evidence."""
from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.cli import main


@pytest.fixture
def db(store_url):
    return store_url


def run(args, capsys):
    assert main(args) == 0
    return capsys.readouterr().out


def test_polecat_tsv(db, capsys):
    out = run(["export", "--format", "polecat-tsv", "--db", db, "--type", "ASSAULT"], capsys)
    lines = out.splitlines()
    header = lines[0].split("\t")
    assert header[:4] == ["Event ID", "Event Date", "Event Type", "Event Mode"]
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert rows and {r["Event Type"] for r in rows} == {"ASSAULT"}
    assert all(r["Quad Code"] == "4" and r["Story ID"] and r["Evidence Text"] for r in rows)
    assert all(len(line.split("\t")) == len(header) for line in lines)


def test_csv_tables(db, capsys):
    for table, col in (("events", "type"), ("statements", "speaker_name"), ("stances", "polarity")):
        out = run(["export", "--format", "csv", "--table", table, "--db", db], capsys)
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows and col in rows[0]
        assert all(r["document"] and r["text"] and int(r["end"]) > int(r["start"]) for r in rows)


def test_dates_filter(db, capsys):
    out = run(["export", "--format", "csv", "--db", db, "--since", "2024-01-01", "--until", "2024-01"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all("2024-01-01" <= r["date"][:10] and r["date"][:7] <= "2024-01" for r in rows)


def test_parquet(db, tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    run(["export", "--format", "parquet", "--db", db, "-o", str(path)], capsys)
    table = pq.read_table(path)
    assert table.num_rows > 10 and {"document", "url", "start", "end", "text", "type"} <= set(table.column_names)
    empty = tmp_path / "none.parquet"
    run(["export", "--format", "parquet", "--table", "stances", "--db", db, "--since", "2999", "-o", str(empty)],
        capsys)
    assert pq.read_table(empty).num_rows == 0
    assert main(["export", "--format", "parquet", "--db", db]) == 2  # needs -o


def test_plover_filters(db, tmp_path, capsys):
    path = tmp_path / "p.jsonl"
    run(["export", "--format", "plover-jsonl", "--db", db, "--type", "request", "-o", str(path)], capsys)
    recs = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert recs and all(r["event"] == ["REQUEST"] and r["event_text"] for r in recs)


def test_readable_views(db):
    import sqlite3

    conn = sqlite3.connect(db.removeprefix("sqlite:///"))
    for view in ("events_named", "statements_named", "stances_named"):
        row = conn.execute(f"SELECT doc_id, start, end, evidence FROM {view} LIMIT 1").fetchone()
        assert row and row[3]
    assert conn.execute("SELECT COUNT(*) FROM events_named WHERE source IS NOT NULL").fetchone()[0] > 0
