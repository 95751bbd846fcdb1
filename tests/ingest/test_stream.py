"""Streaming: bounded reading ahead, bounded memory over many records, record counts, the progress bar."""
from __future__ import annotations

import gzip
import io
import json
import random
import sys
import threading
import tracemalloc

from marsad.ingest.stream import Throttle, count_records

WORDS = ("الحكومة الوزير قال أعلن الرئيس مجلس الأمن القوات العراقية بغداد واشنطن الاتفاق النووي "
         "المعارضة الانتخابات البرلمان اليوم أمس الجيش المدينة الشرطة وزارة الخارجية الدفاع").split()


def test_throttle_reads_ahead_only_its_window_even_for_an_eager_consumer():
    read = []

    def source():
        for i in range(1000):
            read.append(i)
            yield i

    feed = Throttle(source(), window=8)
    taken: list[int] = []
    eager = threading.Thread(target=lambda: taken.extend(feed))  # like a pool's feeder thread
    eager.start()
    for done in range(1, 1001):
        while len(taken) < min(done, 1000):
            pass
        assert len(read) <= done + 8
        feed.done()
    eager.join(5)
    assert taken == list(range(1000)) and not eager.is_alive()


def test_count_records(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', "utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt") as f:
        f.write('{"text": "x"}\n' * 5)
    (tmp_path / "c.json").write_text('[{"text": "x"}, {"text": "y"}]', "utf-8")
    (tmp_path / "d.txt").write_text("نص", "utf-8")
    assert count_records([str(tmp_path)]) == 2 + 5 + 2 + 1
    assert count_records([str(tmp_path / "a.jsonl"), "-"]) is None


def _records(path, n, seed=0):
    rnd = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(rnd.choice(WORDS) for _ in range(60)) + "."
            f.write(json.dumps({"id": f"g{i}", "text": text, "published": "2018-05-01"},
                               ensure_ascii=False) + "\n")


def _peak_ingest(tmp_path, n, monkeypatch, traced: bool = True) -> int:
    import marsad.ingest.batch as batch
    from marsad.cli.commands import main

    monkeypatch.setattr(batch, "_PIPELINE", lambda doc: doc)  # the streaming path, not the analysis
    path = tmp_path / f"g{n}.jsonl"
    _records(path, n)
    if not traced:  # a first run imports what ingest needs
        return main(["ingest", str(path), "--db", f"sqlite:///{tmp_path / f'g{n}.db'}", "-q"])
    tracemalloc.start()
    try:
        assert main(["ingest", str(path), "--db", f"sqlite:///{tmp_path / f'g{n}.db'}", "-q"]) == 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_ingest_memory_does_not_grow_with_the_input(tmp_path, monkeypatch, capsys):
    _peak_ingest(tmp_path, 5, monkeypatch, traced=False)
    small = _peak_ingest(tmp_path, 150, monkeypatch)
    large = _peak_ingest(tmp_path, 750, monkeypatch)
    assert "ingested 750 new" in capsys.readouterr().err
    # five times the records, the same peak: nothing is held per record (a record and its Doc
    # take some 3 kB)
    assert large - small < 400_000, (small, large)  # 600 records held would be ~2 MB


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_only_and_not_when_quiet(tmp_path, monkeypatch):
    import marsad.ingest.batch as batch
    from marsad.cli.commands import main

    monkeypatch.setattr(batch, "_PIPELINE", lambda doc: doc)
    path = tmp_path / "in.jsonl"
    _records(path, 20)
    with open(path, "a", encoding="utf-8") as f:
        f.write('{"id": "bad", "text": ""}\n')
    for quiet, shown in ((False, True), (True, False)):
        term = _Terminal()
        monkeypatch.setattr(sys, "stderr", term)
        args = ["analyze", str(path), "--json"] + (["--quiet"] if quiet else [])
        assert main(args) == 0
        err = " ".join(term.getvalue().split())  # rich wraps lines at the terminal's width
        assert ("docs/s" in err and "errors 1" in err and "21/21" in err) == shown, err
        assert "in.jsonl:21: empty document" in err
