"""Build the word-frequency lexicon that validates clitic segmentations.

    .venv/bin/python scripts/build_lexicon.py [--shared ../shared]

Counts normalised word forms over the ANT news corpus (../shared/data/ant_news/dev.jsonl.gz,
Apache-2.0) and writes the forms seen at least 3 times to
marsad/resources/text/word_freq.tsv (a small derived artifact: form TAB count).
"""
from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
WORD = regex.compile(r"[\p{Arabic}&&\p{L}\p{M}]+", regex.V1)


def main() -> None:
    import sys

    sys.path.insert(0, str(ROOT))
    from marsad.text.normalize import normalize

    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    with gzip.open(Path(args.shared) / "data" / "ant_news" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            counts.update(normalize(w) for w in WORD.findall(rec.get("title", "") + "\n" + rec["text"]))
    out = ROOT / "marsad" / "resources" / "lexicon" / "word_freq.tsv"
    with open(out, "w", encoding="utf-8") as f:
        f.write("# normalised form\tcount — built by scripts/build_lexicon.py from ANT news (Apache-2.0)\n")
        for w, c in counts.most_common():
            if c < args.min_count:
                break
            f.write(f"{w}\t{c}\n")
    print(f"wrote {out} ({sum(1 for c in counts.values() if c >= args.min_count)} forms)")


if __name__ == "__main__":
    main()
