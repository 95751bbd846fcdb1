"""Speed-up of parallel and distributed ingest (`make bench-scale`).

Ingests the same first N articles (default 2,000) of ../shared/data/ant_news/dev.jsonl.gz into a
fresh store three times — one process, ``--jobs 2`` and ``--dask local:2`` — each as its own
``marsad ingest`` command (start-up included, as an analyst runs it), checks that the three
stores hold the same analyses, and prints documents/s and the speed-ups over one process.
Compare ratios only on one machine: they depend on its cores (``nproc``) and its load.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = (("1 process", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]), ("--dask local:2", ["--dask", "local:2"]))


def digest(db: Path) -> str:
    """One hash of every stored analysis (the analysis time left out)."""
    h = hashlib.sha256()
    con = sqlite3.connect(db)
    for row in con.execute("SELECT id, content_hash, analysis FROM documents ORDER BY id"):
        h.update(repr(row).encode())
    return h.hexdigest()[:12]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("-n", type=int, default=2000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="marsad-scale-"))
    corpus = tmp / "in.jsonl"
    with gzip.open(Path(args.shared) / "data" / "ant_news" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        corpus.write_text("".join(itertools.islice(f, args.n)), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    print(f"{args.n} articles, {os.cpu_count()} cores")
    times, digests = {}, {}
    for name, extra in RUNS:
        db = tmp / f"{len(times)}.db"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "marsad.cli", "ingest", str(corpus), "--db", f"sqlite:///{db}",
                        "--quiet", *extra], check=True, env=env, stderr=subprocess.DEVNULL)
        times[name] = time.perf_counter() - start
        digests[name] = digest(db)
        print(f"{name:<16} {times[name]:7.1f} s  {args.n / times[name]:6.1f} docs/s  "
              f"speed-up {times[RUNS[0][0]] / times[name]:.2f}x  store {digests[name]}")
    same = len(set(digests.values())) == 1
    print("stores identical" if same else "STORES DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
