"""bench/diagnose.py counts why events are lost on a gold set without showing any evidence: its
unmatched system events must be exactly the scorer's false events, and its missed events no more
than the scorer's misses (those with a system event on their evidence are counted as unmatched
system events instead)."""
from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "CN-middleEast-991-20180521"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_counts_agree_with_the_scorer(shared, tmp_path):
    dev = shared / "eval" / "dev"
    for suffix in (".gold.json", ".txt"):
        shutil.copy(dev / f"{ARTICLE}{suffix}", tmp_path / f"{ARTICLE}{suffix}")
    diagnose = _load("diagnose", ROOT / "bench" / "diagnose.py")
    counts = diagnose.diagnose(tmp_path, shared)
    sys.path.insert(0, str(shared / "eval"))
    import score

    from marsad.doc import Doc
    from marsad.pipeline import Pipeline, default_stages

    gold = json.loads((tmp_path / f"{ARTICLE}.gold.json").read_text("utf-8"))
    text = (tmp_path / f"{ARTICLE}.txt").read_text("utf-8")
    doc = Pipeline(default_stages())(Doc(text=text, id=ARTICLE, published=gold["document"]["published"]))
    got = score.Doc(gold, json.loads(json.dumps(doc.to_json())), str(tmp_path)).score("events")
    unmatched = sum(n for (what, _), n in counts.items() if what == "unmatched system event")
    missed = sum(n for (what, _), n in counts.items() if what == "missed event")
    assert unmatched == got.n_sys - got.tp_sys
    assert missed <= got.n_gold - got.tp_gold
    assert set(what for what, _ in counts) <= {"missed event", "unmatched system event", "missed stance"}
