"""Where events and stances are lost on a gold set, in counts only.

    python bench/diagnose.py --shared ../shared --fresh heldout   # eval/fresh/heldout (texts from ant_news)
    python bench/diagnose.py ../shared/eval/dev                   # any folder of ID.gold.json + ID.txt

A held-out set must not be read to write rules, yet its figures should still say *why* Marsad
misses: this prints, without one evidence text, for the required gold events with no system
event on their evidence whether a trigger candidate of their type existed (and what stopped it:
the filter, no agent, another type), for the system events that match nothing whether they lie on
a gold event of their type with another source or target, and for missed stances whether a gold
event carries the same evidence. Scoring follows ``../shared/eval/score.py`` (imported from it).
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.doc import Doc  # noqa: E402
from marsad.events.filter import load_filter  # noqa: E402
from marsad.events.sentence import analyse_sentence  # noqa: E402
from marsad.events.stage import _threshold  # noqa: E402
from marsad.pipeline import Pipeline, default_stages  # noqa: E402


def _types(g: dict) -> list[str]:
    return g["type"] if isinstance(g["type"], list) else [g["type"]]


def _missed_events(gd, cands, flt, c: Counter, by_type: bool = False) -> None:
    """Required gold events with no system event on their evidence: what the trigger reader had."""
    sys_spans = [s["_span"] for s in gd.sys_events]
    for x in gd.gold_events:
        s0, e0 = x["_span"]
        if x.get("optional") or any(min(e0, b) > max(s0, a) for a, b in sys_spans):
            continue
        on = [s for s in cands if s.cand.start < e0 and s.cand.end > s0]
        same = [s for s in on if s.cand.type in _types(x)]
        live = [s for s in same if s.score >= _threshold(flt, s)]
        if not on:
            k = "no trigger candidate"
        elif not same:
            k = "candidate of another type only"
        elif not live:
            k = "candidate below the filter"
        elif not any(s.args.source is not None for s in live):
            k = "candidate with no agent read"
        else:
            k = "candidate dropped by the stage"
        c[("missed event", f"{k}: {'|'.join(_types(x))}" if by_type else k)] += 1


def _false_events(gd, c: Counter) -> None:
    """System events that match no gold event: where they lie and what differs."""
    d = gd.doc
    for s in gd.sys_events:
        on = [x for x in gd.gold_events if d_overlap(s["_span"], x["_span"])]
        typed = [x for x in on if s.get("type") in _types(x)]
        src = [x for x in typed if d.actor_matches(s.get("source"), x.get("source"))]
        if any(d.actor_matches(s.get("target"), x.get("target")) for x in src):
            continue  # a match (or an optional one)
        k = ("on no gold event" if not on else "on a gold event of another type" if not typed
             else "other source" if not src
             else "no target (gold names one)" if not s.get("target") else "other target")
        c[("unmatched system event", k)] += 1


def _missed_stances(gd, c: Counter) -> None:
    d = gd.doc
    gold = d._prep_gold(gd.gold.get("stances", []), "evidence")
    sys_st = d._prep_sys(gd.analysis.get("stances", []))
    for x in gold:
        if x.get("optional") or any(d_overlap(s["_span"], x["_span"]) for s in sys_st):
            continue
        rides = any(d_overlap(e["_span"], x["_span"]) for e in gd.gold_events)
        c[("missed stance", "on a gold event's evidence" if rides else "on no gold event")] += 1


def d_overlap(a, b) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


class _GoldDoc:
    def __init__(self, score_mod, gold: dict, analysis: dict, folder: Path):
        self.gold, self.analysis = gold, analysis
        self.doc = score_mod.Doc(gold, analysis, str(folder))
        self.gold_events = self.doc._prep_gold(gold.get("events", []), "evidence")
        self.sys_events = self.doc._prep_sys(analysis.get("events", []))


def diagnose(folder: Path, shared: Path, by_type: bool = False) -> Counter:
    sys.path.insert(0, str(shared / "eval"))
    import score as score_mod  # ../shared/eval/score.py: the same spans and actor matching

    full, upto = Pipeline(default_stages()), Pipeline(default_stages()).upto("statements")
    flt, c = load_filter(), Counter()
    for gp in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gp.read_text("utf-8"))
        text = (folder / gold["document"]["file"]).read_text("utf-8")
        meta = dict(text=text, id=gold["document"]["id"], published=gold["document"].get("published"))
        analysis = json.loads(json.dumps(full(Doc(**meta)).to_json()))
        pre = upto(Doc(**meta))
        year = pre.published_date.year if pre.published else None
        cands = [s for sent in pre.content_sentences() for s in analyse_sentence(pre, sent, year)]
        gd = _GoldDoc(score_mod, gold, analysis, folder)
        _missed_events(gd, cands, flt, c, by_type)
        _false_events(gd, c)
        _missed_stances(gd, c)
    return c


def fresh_folder(part: str, shared: Path, tmp: Path) -> Path:
    """eval/fresh/PART with its texts taken from ant_news by id (as bench/eval.py does)."""
    src = ROOT / "eval" / "fresh" / part
    ids = {m["id"] for m in json.loads((src / "manifest.json").read_text("utf-8"))}
    with gzip.open(shared / "data" / "ant_news" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        texts = {r["id"]: r["text"] for r in map(json.loads, f) if r["id"] in ids}
    tmp.mkdir(parents=True, exist_ok=True)
    for rid in ids:
        (tmp / f"{rid}.txt").write_text(texts[rid], "utf-8")
        (tmp / f"{rid}.gold.json").write_text((src / f"{rid}.gold.json").read_text("utf-8"), "utf-8")
    return tmp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", help="a folder of ID.gold.json beside ID.txt")
    parts = sorted(p.parent.name for p in (ROOT / "eval" / "fresh").glob("*/manifest.json"))
    ap.add_argument("--fresh", choices=parts, help="eval/fresh/PART instead")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--by-type", action="store_true", help="missed events per gold type as well")
    a = ap.parse_args()
    shared = Path(a.shared)
    if a.fresh:
        import tempfile
        folder = fresh_folder(a.fresh, shared, Path(tempfile.mkdtemp()) / a.fresh)
    elif a.folder:
        folder = Path(a.folder)
    else:
        ap.error("give a folder or --fresh PART")
    for (what, why), n in sorted(diagnose(folder, shared, a.by_type).items()):
        print(f"{what:24} {why:36} {n:4}")


if __name__ == "__main__":
    main()
