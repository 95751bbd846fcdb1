"""Development flips gold (`make eval-flips`): cross-document reversals among 2018 articles.

Builds the corpus from the ids in ids.txt (the article texts stay in ../shared/data/ant_news and are
not copied into the repository), ingests it into a temporary store, runs `marsad flips --json` and
prints the line of ../shared/eval/flips_score.py against gold.json.

  python eval/flips/run.py [--shared ../shared] [--keep DIR] [--jobs N]

gold.json follows flips_score.py's format; each gold flip and non-flip was read from the articles
(README.md in this folder says how they were chosen).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def build_corpus(shared: Path, out: Path) -> int:
    """Write the articles named in ids.txt, in the order of the source file, to ``out`` (JSONL)."""
    wanted = {line.strip() for line in (HERE / "ids.txt").read_text(encoding="utf-8").splitlines() if line.strip()}
    found = 0
    with gzip.open(shared / "data" / "ant_news" / "dev.jsonl.gz", "rt", encoding="utf-8") as src, \
            out.open("w", encoding="utf-8") as dst:
        for line in src:
            rec = json.loads(line)
            if rec.get("id") in wanted:
                dst.write(json.dumps(rec, ensure_ascii=False) + "\n")
                found += 1
    if found != len(wanted):
        sys.exit(f"eval-flips: {len(wanted) - found} of the {len(wanted)} ids are not in ant_news")
    return found


def marsad(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], env=env, check=True,
                          capture_output=True, text=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--keep", help="write corpus, store and flips into this folder and keep them")
    ap.add_argument("--jobs", default="2")
    ap.add_argument("--json", action="store_true", help="print the scorer's JSON object")
    args = ap.parse_args(argv)
    shared = Path(args.shared).resolve()
    with tempfile.TemporaryDirectory(prefix="marsad-flips-") as tmp:
        work = Path(args.keep).resolve() if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        corpus, db, flips = work / "corpus.jsonl", work / "flips.db", work / "flips.jsonl"
        for stale in work.glob("flips.db*"):
            stale.unlink()
        build_corpus(shared, corpus)
        marsad("ingest", str(corpus), "--quiet", "--jobs", args.jobs, "--db", f"sqlite:///{db}")
        flips.write_text(marsad("flips", "--json", "--db", f"sqlite:///{db}").stdout, encoding="utf-8")
        scorer = [sys.executable, str(shared / "eval" / "flips_score.py"), str(HERE / "gold.json"),
                  str(corpus), str(flips)] + (["--json"] if args.json else [])
        return subprocess.run(scorer, cwd=shared / "eval").returncode


if __name__ == "__main__":
    sys.exit(main())
