#!/usr/bin/env python3
"""What the Arabic PLOVER gold standard can measure: human-agreement and scorer ceilings.

    python3 scripts/gsr_ceiling.py [--shared ../shared]

Two figures per event type, from the gold files alone (no Marsad output involved):

1. Detection, one annotator against the label. A sentence is "yes" only when every annotator
   accepted it (3 of 3, 5 of 5 …); "ambiguous" (e.g. 2 of 3) is left out by gsr_score.py and a
   "difficult no" still has 1 to 4 accepts. An annotator drawn at random from a sentence's pool
   accepts it with probability accept/total, so against the label he or she scores recall 1.0
   and the expected precision below. This favours the human (the annotator's own vote is part of
   the label), so it is an upper bound on human agreement with the yardstick.
2. Actor codes: gsr_score.py checks every span record with an agreed code, but only sentences
   that ``gsr_score.py input`` hands out (not "ambiguous", and a record whose "source" is no
   sentence id can never be found), so the share of checkable records bounds any system's
   accuracy.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args()
    gsr = args.shared / "data" / "arabic_event_gsr"
    sys.path.insert(0, str(args.shared / "eval"))
    from gsr_score import agreed_code  # the scorer's own definition of an agreed code

    for kind in ("assault", "protest"):
        with open(gsr / f"{kind}_gsr.csv", encoding="utf-8") as f:
            rows = {r["id"]: r for r in csv.DictReader(f)}
        scored = [r for r in rows.values() if r["label"] != "ambiguous"]
        tp = sum(r["label"] == "yes" for r in scored)
        fp = sum(int(r["accept"]) / int(r["total"]) for r in scored if r["label"] != "yes")
        p = tp / (tp + fp)
        split = Counter(f"{r['accept']}/{r['total']}" for r in scored if r["label"] == "difficult no")
        print(f"{kind.upper()}: {len(scored)} scored sentences, {tp} yes; 'difficult no' by accepts: "
              + ", ".join(f"{k} ×{v}" for k, v in split.most_common(4)))
        print(f"  one annotator vs the label: P {p:.3f}  R 1.000  F1 {2 * p / (p + 1):.3f}")
        with open(gsr / f"{kind}_spans.json", encoding="utf-8") as f:
            spans = json.load(f)
        for role in ("source", "target"):
            labels = Counter()
            for s in spans:
                if agreed_code(s, role + "_role"):
                    r = rows.get(s["source"])
                    labels["not a sentence id" if r is None else r["label"]] += 1
            n = sum(labels.values())
            ok = n - labels["ambiguous"] - labels["not a sentence id"]
            print(f"  {role} code: {n} records, {ok} checkable → accuracy ceiling {ok / n:.3f}  ({dict(labels)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
