"""The command line: analyze (report / JSON / JSONL), ingest, show, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

from marsad.cli.commands import main

TEXT = "قال رئيس الوزراء العراقي إن الحكومة تريد خروج القوات الأجنبية من البلاد."


def run(*args):
    return subprocess.run([sys.executable, "-m", "marsad.cli.commands", *args], capture_output=True, text=True)


def test_analyze_json_single_document(tmp_path):
    (tmp_path / "doc.txt").write_text(TEXT, "utf-8")
    r = run("analyze", str(tmp_path / "doc.txt"), "--json", "--published", "2024-01-11")
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert obj["schema"] == "marsad.analysis/1"
    assert obj["document"] == {"id": "doc", "published": "2024-01-11", "title": None, "url": None, "source": None}
    for layer in ("boilerplate", "actors", "entities", "times", "statements", "events", "stances", "contradictions"):
        assert isinstance(obj[layer], list)


def test_analyze_jsonl_keeps_ids_and_order_and_reports_bad_records(tmp_path):
    recs = [{"id": "b2", "text": TEXT}, {"id": "a1", "text": ""}, {"id": "c3", "text": TEXT + " أمس."}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n{broken", "utf-8")
    r = run("analyze", str(tmp_path / "in.jsonl"), "--json")
    assert r.returncode == 0
    ids = [json.loads(line)["document"]["id"] for line in r.stdout.splitlines()]
    assert ids == ["b2", "c3"]
    assert "in.jsonl:2: empty document" in r.stderr
    assert "in.jsonl:4: malformed JSON line" in r.stderr


def test_exit_code_only_when_nothing_analysed(tmp_path):
    (tmp_path / "empty.txt").write_text("", "utf-8")
    r = run("analyze", str(tmp_path / "empty.txt"), "--json")
    assert r.returncode == 1 and "empty.txt: empty document" in r.stderr
    (tmp_path / "good.txt").write_text(TEXT, "utf-8")
    r = run("analyze", str(tmp_path), "--json")
    assert r.returncode == 0 and len(r.stdout.strip().splitlines()) == 1


def test_ingest_then_show(tmp_path, capsys):
    (tmp_path / "doc.txt").write_text(TEXT, "utf-8")
    db = f"sqlite:///{tmp_path/'s.db'}"
    assert main(["ingest", str(tmp_path / "doc.txt"), "--db", db, "--published", "2024-01-11"]) == 0
    assert "ingested 1 new" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "doc.txt"), "--db", db]) == 0
    assert "ingested 0 new, 0 re-analysed, 1 unchanged" in capsys.readouterr().err
    assert main(["show", "doc", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["document"]["id"] == "doc"
    assert main(["show", "doc", "--db", db]) == 0
    assert "Marsad report" in capsys.readouterr().out
    assert main(["show", "missing", "--db", db]) == 1


def test_parallel_jobs_keep_input_order(tmp_path):
    recs = [{"id": f"d{i}", "text": TEXT + f" العدد {i}."} for i in range(12)]
    recs.insert(5, {"id": "bad", "text": "no arabic here at all, only English words."})
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), "utf-8")
    r = run("analyze", str(tmp_path / "in.jsonl"), "--json", "--jobs", "2")
    assert r.returncode == 0, r.stderr
    assert [json.loads(x)["document"]["id"] for x in r.stdout.splitlines()] == [f"d{i}" for i in range(12)]
    assert "in.jsonl:6: not Arabic text" in r.stderr
