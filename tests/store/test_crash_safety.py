"""Crash safety: an ingest killed with SIGKILL at random points leaves a sound store (integrity
ok, no half-stored document) and the same command run again completes it."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

TEXT = "قال رئيس الوزراء العراقي إن الحكومة تريد خروج القوات الأجنبية من البلاد، وأضاف أن بغداد ستفاوض واشنطن."
N = 80


def _count(db) -> int:
    if str(db).startswith("postgresql://"):
        import psycopg

        try:
            with psycopg.connect(db) as conn:
                return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except psycopg.Error:  # no tables yet
            return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _check(db) -> int:
    if str(db).startswith("postgresql://"):
        from marsad.store import open_store

        conn = open_store(db, readonly=True).db.conn
    else:
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute("SELECT id, analysis FROM documents").fetchall()
    for doc_id, analysis in rows:  # every layer of every stored document is there
        a = json.loads(analysis)
        n_sent = conn.execute("SELECT COUNT(*) FROM sentences WHERE doc_id = ?", [doc_id]).fetchone()[0]
        n_ment = conn.execute("SELECT COUNT(*) FROM mentions WHERE doc_id = ?", [doc_id]).fetchone()[0]
        n_ev = conn.execute("SELECT COUNT(*) FROM events WHERE doc_id = ?", [doc_id]).fetchone()[0]
        assert n_sent == len(a["sentences"]) and n_ev == len(a["events"])
        assert n_ment == sum(len(x["mentions"]) for x in a["actors"])
    conn.close()
    return len(rows)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_sigkill_at_random_points_then_rerun(tmp_path, backend, request):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"d{i:02}", "text": f"{TEXT} العدد {i}."},
                                        ensure_ascii=False) for i in range(N)), "utf-8")
    # PostgreSQL rolls back a killed client's transaction itself: fewer kills check that
    db = tmp_path / "s.db" if backend == "sqlite" else request.getfixturevalue("pg_url")
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(src), "--db", str(db)]
    rnd = random.Random(12)
    for trial in range(10 if backend == "sqlite" else 4):  # issue 16: at least ten kills
        before = _count(db)
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 90
        target = before + rnd.randrange(1, 6)
        while _count(db) < target and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rnd.random() * 0.05)  # somewhere inside a document's write, or between
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert _check(db) >= before
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr
    assert _check(db) == N
    assert f"{N} documents" in r.stderr.splitlines()[-1]
