#!/usr/bin/env python3
"""Actor-code accuracy on the annotated actor spans of the Arabic PLOVER gold standard.

    .venv/bin/python scripts/eval_actor_codes.py [--shared ../shared] [-v]

../shared/data/arabic_event_gsr/{assault,protest}_spans.json give, per sentence and annotator,
source/target actor spans (word lists) with a country ("main") and a sector ("role"). Each
sentence is analysed by the pipeline up to the actors stage, dated by its Gigaword id
(AAW_ARB_20071208… → 2007-12-08); the actor of a span is the one of the longest mention
inside (or else overlapping) it. Reported, over distinct (sentence, span, code) items:
- country accuracy: spans whose gold names a country, actor country equal;
- sector accuracy: spans whose gold names a sector, actor type equal;
- joint accuracy: spans with both, both equal; coverage: share of spans given any actor.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.doc import Doc  # noqa: E402

NONE = {None, "", "None", "UNKNOWN", "none"}
SECTOR_ALIASES = {"HLH": "MED"}  # CAMEO's health code is PLOVER's MED


def pipeline():
    """The pipeline up to actors; without the NER stage if its model is unavailable."""
    from marsad.actors.stage import ActorsStage
    from marsad.boilerplate.stage import BoilerplateStage
    from marsad.pipeline import Pipeline
    from marsad.text.stage import TextStage

    p = Pipeline().upto("actors")
    try:
        p(Doc(text="قال الرئيس.", id="probe"))
        return p, True
    except Exception:  # entities stage not trained yet
        return Pipeline([TextStage(), BoilerplateStage(), ActorsStage()]), False


def locate(text: str, words: list[str]) -> tuple[int, int] | None:
    pos, start, end = 0, None, None
    for w in words:
        w = w.strip("«»\"'().,،")
        if not w:
            continue
        i = text.find(w, pos)
        if i < 0:
            return None
        start = i if start is None else start
        end = i + len(w)
        pos = end
    return (start, end) if start is not None else None


def span_actor(doc: Doc, s: int, e: int):
    """The actor heading a span: its first mention (an Arabic noun phrase starts with its
    head), the longest of those starting there; else the longest mention overlapping it."""
    inside = [m for m in doc.mentions if s <= m.start and m.end <= e]
    if inside:
        first = min(m.start for m in inside)
        best = max((m for m in inside if m.start == first), key=lambda m: m.end)
        return doc.actors[best.actor]
    pool = [m for m in doc.mentions if m.start < e and s < m.end]
    if not pool:
        return None
    return doc.actors[max(pool, key=lambda m: m.end - m.start).actor]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    gsr = Path(args.shared) / "data" / "arabic_event_gsr"
    pipe, with_ner = pipeline()
    items = {}
    for name in ("assault_spans.json", "protest_spans.json"):
        for rec in json.loads((gsr / name).read_text(encoding="utf-8")):
            m = re.search(r"_(\d{4})(\d{2})(\d{2})", rec.get("source", ""))
            date = f"{m[1]}-{m[2]}-{m[3]}" if m else None
            for sp in rec["spans"]:
                for side in ("source", "target"):
                    role = sp.get(side + "_role")
                    words = sp.get(side + "_actor") or []
                    if not isinstance(role, dict) or not words:
                        continue
                    country = role.get("main")
                    sector = SECTOR_ALIASES.get(role.get("role"), role.get("role"))
                    if country in NONE and sector in NONE:
                        continue
                    key = (rec["_id"], tuple(words), country, sector)
                    items[key] = (rec["text"], date, words,
                                  None if country in NONE else country,
                                  None if sector in NONE else sector)
    docs: dict[str, Doc] = {}
    c = Counter()
    confusion: Counter = Counter()
    for (rid, *_), (text, date, words, g_country, g_sector) in items.items():
        doc = docs.get(rid)
        if doc is None:
            doc = docs[rid] = pipe(Doc(text=text, id=rid, published=date))
        loc = locate(text, words)
        act = span_actor(doc, *loc) if loc else None
        c["spans"] += 1
        c["covered"] += act is not None
        a_country = act.country if act else None
        a_type = act.type if act else None
        if g_country:
            c["n_country"] += 1
            c["ok_country"] += a_country == g_country
            if args.verbose and a_country != g_country:
                confusion[("country", g_country, a_country)] += 1
        if g_sector:
            c["n_sector"] += 1
            c["ok_sector"] += a_type == g_sector
            if args.verbose and a_type != g_sector:
                confusion[("sector", g_sector, a_type)] += 1
        if g_country and g_sector:
            c["n_joint"] += 1
            c["ok_joint"] += a_country == g_country and a_type == g_sector
        if args.verbose and act is None:
            print(f"  {' '.join(words)[:60]!r}: gold {g_country}/{g_sector}, no actor",
                  file=sys.stderr)
        if args.verbose and act is not None and (g_country and a_country != g_country or
                                                 g_sector and a_type != g_sector):
            print(f"  {' '.join(words)[:60]!r}: gold {g_country}/{g_sector}, "
                  f"got {a_country}/{a_type} ({act.name})", file=sys.stderr)

    def pct(ok, n):
        return f"{c[ok] / c[n]:.3f} ({c[ok]}/{c[n]})" if c[n] else "n/a"

    print(f"actor-code accuracy on arabic_event_gsr spans (dev){'' if with_ner else ', no NER'}")
    print(f"  spans with a gold code: {c['spans']}, given an actor: {pct('covered', 'spans')}")
    print(f"  country accuracy: {pct('ok_country', 'n_country')}")
    print(f"  sector accuracy:  {pct('ok_sector', 'n_sector')}")
    print(f"  joint accuracy:   {pct('ok_joint', 'n_joint')}")
    if args.verbose:
        for (what, g, s), n in confusion.most_common(25):
            print(f"  {what} gold {g} → {s}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
