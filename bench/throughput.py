"""Throughput and memory of the whole pipeline on real news (`make bench`).

Analyses the first N articles (default 1,000) of ../shared/data/ant_news/dev.jsonl.gz in one
process on one core and prints sentences/s per core, characters/s, the time each stage takes
and the peak resident memory. With --profile, the top functions by cumulative time.

The first N articles run with empty per-word caches ("cold"): every word the tagger, the actor
dictionary and the event lexicon meet for the first time costs its features. A long batch — the
way analysts run years of news — soon meets mostly words it has seen, so the next M articles
(--then, default 1,000; different documents) are timed as well and reported as the steady state.

The length-scaling line analyses one long document of 0.5, 1, 2 and 4 MB (news articles of the
same file joined by blank lines), each in a forked process, and prints its time and peak memory:
time per MB that stays flat means linear growth (--scaling-only runs just that line).

The "machine reference" is the time of a fixed pure-Python workload on this machine: the same
code ran 2,500 sentences/s on one machine of this project and 1,550 on another, so compare
throughputs across sessions only together with it.
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.doc import Doc  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402


def load(shared: Path, n: int) -> list[dict]:
    out = []
    with gzip.open(shared / "data" / "ant_news" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if len(out) >= n:
                break
    return out


def run(pipeline: Pipeline, articles: list[dict]) -> tuple[float, int, int, dict[str, float]]:
    per_stage: dict[str, float] = defaultdict(float)
    sentences = chars = 0
    t0 = time.perf_counter()
    for a in articles:
        doc = Doc(text=a["text"], id=a["id"], published=a.get("published"))
        for stage in pipeline.stages:
            s0 = time.perf_counter()
            doc = stage(doc)
            per_stage[stage.name] += time.perf_counter() - s0
        sentences += len(doc.sentences)
        chars += len(doc.text)
    return time.perf_counter() - t0, sentences, chars, per_stage


def machine_reference() -> float:
    """Seconds a fixed pure-Python workload (dictionary, string and list work like the stages')
    takes here, best of five. Machines of the same kind differ by a third and more in speed: a
    throughput figure compares with another only beside this one (faster machine, smaller time)."""
    words = [f"w{i % 5000}" for i in range(200_000)]
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        counts: dict[str, int] = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
            if w.startswith("w1"):
                w = w[-2:]
        sorted(counts.items())
        best = min(best, time.perf_counter() - t0)
    return best


SCALING_MB = (0.5, 1, 2, 4)


def long_document(shared: Path, mb: float) -> str:
    """Articles of the ANT news file joined by blank lines, cut at ``mb`` MB of UTF-8."""
    parts, size = [], 0
    with gzip.open(shared / "data" / "ant_news" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            parts.append(text)
            size += len(text.encode("utf-8")) + 2
            if size >= mb * 2**20:
                break
    return "\n\n".join(parts).encode("utf-8")[:int(mb * 2**20)].decode("utf-8", "ignore")


def _timed_child(pipeline: Pipeline, text: str, conn) -> None:
    t0 = time.perf_counter()
    doc = pipeline(Doc(text=text, id="long"))
    conn.send((time.perf_counter() - t0, len(doc.sentences),
               resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    conn.close()


def length_scaling(shared: Path, pipeline: Pipeline) -> None:
    """One line: time and peak memory of one document of each length in SCALING_MB."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    cells, per_mb = [], []
    for mb in SCALING_MB:
        text = long_document(shared, mb)
        here, there = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_timed_child, args=(pipeline, text, there))
        child.start()
        elapsed, _, peak = here.recv()
        child.join()
        cells.append(f"{mb:g} MB ({len(text) / 1e6:.2f} M chars) {elapsed:.1f} s {peak:,.0f} MB")
        per_mb.append(elapsed / mb)
    print("length scaling, one document on 1 core: " + " | ".join(cells))
    print("  seconds per MB: " + "  ".join(f"{x:.1f}" for x in per_mb)
          + f"   (4 MB / 0.5 MB time ratio {per_mb[-1] * 4 / (per_mb[0] * 0.5):.1f}; linear is 8)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("-n", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--then", type=int, default=1000,
                    help="further articles timed after the first N, as the steady state (default 1000)")
    ap.add_argument("--upto", help="stop after this stage (e.g. text, entities, times)")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--scaling-only", action="store_true", help="only the length-scaling line")
    ap.add_argument("--no-scaling", action="store_true", help="skip the length-scaling line")
    args = ap.parse_args()
    if args.scaling_only:
        pipeline = Pipeline()
        pipeline(Doc(text=load(Path(args.shared), 1)[0]["text"], id="warmup"))
        length_scaling(Path(args.shared), pipeline)
        return 0
    articles = load(Path(args.shared), args.n + args.then)
    articles, later = articles[:args.n], articles[args.n:]
    ref_before = machine_reference()
    pipeline = Pipeline()
    if args.upto:
        pipeline = pipeline.upto(args.upto)
    # Warm up: load models and dictionaries once, outside the timing (a long batch amortises it).
    t_load = time.perf_counter()
    pipeline(Doc(text=articles[0]["text"], id="warmup"))
    t_load = time.perf_counter() - t_load
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        elapsed, sentences, chars, per_stage = run(pipeline, articles)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    else:
        elapsed, sentences, chars, per_stage = run(pipeline, articles)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles {len(articles)}  sentences {sentences}  characters {chars:,}")
    print(f"stages: {' → '.join(pipeline.names)}")
    print(f"model/dictionary load (first document): {t_load:.2f} s")
    print(f"wall {elapsed:.2f} s on 1 core   {sentences / elapsed:,.0f} sentences/s per core   "
          f"{chars / elapsed / 1e3:,.0f} k chars/s   {len(articles) / elapsed:,.1f} articles/s")
    print(f"peak RSS {peak_mb:,.0f} MB   machine reference {ref_before * 1e3:.0f} ms before, "
          f"{machine_reference() * 1e3:.0f} ms after (a fixed pure-Python workload: compare throughputs "
          "only beside it; two that differ mean the machine's speed changed during the run)")
    for name in pipeline.names:
        t = per_stage[name]
        print(f"  {name:<12} {t:7.2f} s  {100 * t / elapsed:5.1f}%   {sentences / t if t else float('inf'):>12,.0f} sentences/s")
    if later and not args.profile:
        elapsed, sentences, chars, per_stage = run(pipeline, later)
        print(f"steady state, the next {len(later)} articles ({sentences} sentences): wall {elapsed:.2f} s   "
              f"{sentences / elapsed:,.0f} sentences/s per core   {chars / elapsed / 1e3:,.0f} k chars/s   "
              f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
        print("  " + "  ".join(f"{name} {per_stage[name]:.2f}s" for name in pipeline.names))
    if not args.no_scaling and not args.upto:
        length_scaling(Path(args.shared), pipeline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
