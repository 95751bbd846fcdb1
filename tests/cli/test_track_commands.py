"""`marsad flips` and `marsad export` at the command level, over a store that `marsad ingest` filled."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from corpus import ant_news

FLIP_DOCS = ("CN-internationalNews-89-20180310", "SK-internationalNews-1761-20180524")


def run(*args):
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Trump agreeing to meet Kim (10 March) and cancelling the summit (24 May), ingested."""
    folder = tmp_path_factory.mktemp("flips")
    recs = [{k: ant_news()[i][k] for k in ("id", "text", "published", "title", "url", "source")} for i in FLIP_DOCS]
    (folder / "in.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), "utf-8")
    db = f"sqlite:///{folder / 'm.db'}"
    r = run("ingest", str(folder / "in.jsonl"), "--db", db)
    assert r.returncode == 0, r.stderr
    return db


def test_flips_json_is_marsad_flips_1_with_evidence_in_both_documents(store):
    r = run("flips", "--db", store, "--json")
    assert r.returncode == 0, r.stderr
    flips = [json.loads(line) for line in r.stdout.splitlines()]
    talks = [f for f in flips if f["target"].get("issue") == "talks" and f["a"]["document"] != f["b"]["document"]]
    assert talks, flips
    f = talks[0]
    assert f["holder"]["name"] == "دونالد ترامب" and f["holder"]["country"] == "USA"
    assert {f["a"]["polarity"], f["b"]["polarity"]} == {"support", "oppose"}
    for side in ("a", "b"):
        text = ant_news()[f[side]["document"]]["text"]
        assert 0 <= f[side]["start"] < f[side]["end"] <= len(text) and f[side]["date"][:4] == "2018"


def test_flips_filters_by_actor_and_date(store):
    kim_only = run("flips", "--db", store, "--json", "--actor", "ترامب")
    assert kim_only.stdout.strip()
    nobody = run("flips", "--db", store, "--json", "--actor", "ماكرون")
    assert nobody.returncode == 0 and nobody.stdout == ""
    later = run("flips", "--db", store, "--json", "--since", "2019-01-01")
    assert later.returncode == 0 and later.stdout == ""


def test_flips_report_names_both_sides(store):
    r = run("flips", "--db", store)
    assert r.returncode == 0 and "ترامب" in r.stdout and "2018-05-24" in r.stdout


def test_export_plover_jsonl_links_every_event_to_its_document(store):
    r = run("export", "--db", store, "--format", "plover-jsonl")
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    assert events and {e["id"].rsplit("-e", 1)[0] for e in events} <= set(FLIP_DOCS)
    for e in events:
        doc = ant_news()[e["id"].rsplit("-e", 1)[0]]
        assert e["link"] == doc["url"] and e["event"][0].isupper()
        s, end = e["text_info"]["start"], e["text_info"]["end"]
        assert e["event_text"] == [doc["text"][s:end]]
    one = run("export", "--db", store, "--format", "plover-jsonl", "--doc-id", FLIP_DOCS[1])
    assert 0 < len(one.stdout.splitlines()) <= len(events)


def test_export_refuses_an_unknown_format(store):
    r = run("export", "--db", store, "--format", "xlsx")
    assert r.returncode != 0 and "xlsx" in r.stderr and "Traceback" not in r.stderr


def test_postgres_store_gives_the_same_flips_exports_and_stats(store, pg_url, capsys, tmp_path):
    """The same documents ingested into PostgreSQL: every read command prints what it prints
    over the SQLite store (search hits in another rank order)."""
    from pathlib import Path

    from marsad.cli.commands import main

    src = Path(store[len("sqlite:///"):]).parent / "in.jsonl"
    assert main(["ingest", str(src), "--db", pg_url, "--quiet"]) == 0
    for args in (["flips", "--json"], ["flips"], ["export", "--format", "plover-jsonl"],
                 ["export", "--format", "polecat-tsv"], ["export", "--format", "csv", "--table", "statements"],
                 ["export", "--format", "csv", "--table", "stances"], ["stats", "--json"],
                 ["duplicates", "--json"], ["search", "ترامب", "--json"], ["show", FLIP_DOCS[0], "--json"]):
        outs = []
        for db in (store, pg_url):
            capsys.readouterr()
            assert main([*args, "--db", db]) == 0, args
            outs.append(sorted(capsys.readouterr().out.splitlines()))
        assert outs[0] == outs[1] and (outs[0] or args[0] == "duplicates"), args
    pq = pytest.importorskip("pyarrow.parquet")
    for n, db in enumerate((store, pg_url)):
        assert main(["export", "--format", "parquet", "-o", str(tmp_path / f"{n}.parquet"), "--db", db]) == 0
    assert pq.read_table(tmp_path / "0.parquet").equals(pq.read_table(tmp_path / "1.parquet"))
