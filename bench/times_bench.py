"""Throughput of the times stage alone, in sentences per second on one core.

Reads the first N articles of ../shared/data/ant_news/dev.jsonl.gz, segments them (text and
boilerplate stages, not timed), then times TimesStage over all of them in this one process.

    .venv/bin/python bench/times_bench.py [N]
"""
from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

from marsad.boilerplate.stage import BoilerplateStage
from marsad.doc import Doc
from marsad.text.stage import TextStage
from marsad.times.stage import TimesStage, lexicon

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ant_news" / "dev.jsonl.gz"


def main(n: int = 1000, rounds: int = 3) -> None:
    if not DATA.exists():
        sys.exit(f"missing {DATA}")
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for _, line in zip(range(n), f)]
    text, boiler, times = TextStage(), BoilerplateStage(), TimesStage()
    docs = [boiler(text(Doc(text=r["text"], id=r["id"], published=r.get("published")))) for r in records]
    sentences = sum(len(d.sentences) for d in docs)
    lexicon()  # compile the patterns outside the timing
    wall = cpu = float("inf")
    for _ in range(rounds):
        w0, c0 = time.perf_counter(), time.process_time()
        found = sum(len(times(d).times) for d in docs)
        wall = min(wall, time.perf_counter() - w0)
        cpu = min(cpu, time.process_time() - c0)  # CPU time: fair when other jobs share the core
    print(f"times stage: {len(docs)} articles, {sentences} sentences, {found} time expressions")
    print(f"best of {rounds}: {cpu:.3f} s CPU = {sentences / cpu:,.0f} sentences/s per core"
          f" (wall {wall:.3f} s = {sentences / wall:,.0f} sentences/s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
