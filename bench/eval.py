"""Every quality figure Marsad has, in one table (`make eval`).

Runs the pipeline in-process over each gold set, writes the analyses as the CLI would, and scores
them with the shared scorers (never a fork of them):
  - the seed article against seed.gold.json (score.py, every layer);
  - the 12 real dev articles of ../shared/eval/dev against their gold (score.py, every layer);
  - 35 further ant_news articles annotated blind by the same guide (eval/fresh: 10 + 10 to
    study, 15 held out), the figure closest to articles Marsad was not built on;
  - the Arabic PLOVER event gold, dev half (gsr_score.py, ASSAULT and PROTEST, actor codes) —
    in-sample, since the event filter is trained on this half (scripts/train_event_filter.py
    prints its 5-fold held-out figures);
  - NER on the held-out fifth of the dev NER corpora (ner_score.py), with a model trained by
    scripts/train_ner.py on the other four fifths;
  - claim-pair agreement on the ANS dev split (ans_score.py).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.doc import Doc  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402

ROWS: list[tuple[str, str, str, str, str, str]] = []


def row(suite: str, metric: str, p="", r="", f1="", n="") -> None:
    fmt = lambda x: f"{x:.3f}" if isinstance(x, float) else str(x)  # noqa: E731
    ROWS.append((suite, metric, fmt(p), fmt(r), fmt(f1), fmt(n)))


def scorer(shared: Path, name: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, str(shared / "eval" / name), *args, "--json"],
                         capture_output=True, text=True, cwd=shared / "eval")
    if not out.stdout.strip():
        raise RuntimeError(out.stderr.strip()[-300:])
    return json.loads(out.stdout)


def analyse_jsonl(pipeline: Pipeline, records: list[dict], path: Path, published: str | None = None) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            doc = pipeline(Doc(text=r["text"], id=str(r["id"]), published=published or r.get("published")))
            f.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")


def seed(pipeline: Pipeline, shared: Path, tmp: Path) -> None:
    text = (shared / "corpus" / "seed-iraq-us-coalition.txt").read_text("utf-8")
    doc = pipeline(Doc(text=text, id="seed-iraq-us-coalition", published="2024-01-11"))
    out = tmp / "seed.json"
    out.write_text(json.dumps(doc.to_json(), ensure_ascii=False), "utf-8")
    rep = scorer(shared, "score.py", str(shared / "eval" / "seed.gold.json"), str(out))
    for layer, x in rep.items():
        row("seed article (score.py)", layer, x["p"], x["r"], x["f1"], f"{x['system']}/{x['gold']}")


def gsr(pipeline: Pipeline, shared: Path, tmp: Path) -> None:
    base = shared / "data" / "arabic_event_gsr"
    for kind in ("assault", "protest"):
        csv_path = base / f"{kind}_gsr.csv"
        # every sentence either labelling scores: each leaves out rows the other keeps (majority
        # keeps "ambiguous" rows, unanimous keeps ties), and a missing analysis counts as a miss
        records: dict = {}
        for label in ("unanimous", "majority"):
            for x in subprocess.run([sys.executable, str(shared / "eval" / "gsr_score.py"), "input", str(csv_path),
                                     "--label", label], capture_output=True, text=True, check=True).stdout.splitlines():
                if x.strip():
                    r = json.loads(x)
                    records.setdefault(r["id"], r)
        lines = list(records.values())
        out = tmp / f"{kind}.jsonl"
        analyse_jsonl(pipeline, lines, out)
        for label in ("unanimous", "majority"):
            rep = scorer(shared, "gsr_score.py", "score", str(csv_path), str(out), "--spans",
                         str(base / f"{kind}_spans.json"), "--label", label)
            suite = f"GSR dev {kind.upper()}, {label} labels (gsr_score.py)"
            row(suite, "event detection", rep["precision"], rep["recall"], rep["f1"], rep["sentences"])
            ac = rep.get("actor_coding", {})
            for k in ("source", "target", "both"):
                row(suite, f"{k} code accuracy", "", "", ac.get(f"{k}_accuracy", 0.0), ac.get(f"{k}_sentences", 0))


def dev(pipeline: Pipeline, shared: Path, tmp: Path) -> None:
    """The 12 real dev articles of ../shared/eval/dev (manifest.json), every layer, micro-averaged."""
    folder = shared / "eval" / "dev"
    pairs = []
    for m in json.loads((folder / "manifest.json").read_text("utf-8")):
        text = (folder / m["file"]).read_text("utf-8")
        doc = pipeline(Doc(text=text, id=m["id"], published=m.get("published")))
        out = tmp / f"{m['id']}.json"
        out.write_text(json.dumps(doc.to_json(), ensure_ascii=False), "utf-8")
        pairs += [str(folder / f"{m['id']}.gold.json"), str(out)]
    rep = scorer(shared, "score.py", *pairs)
    for layer, x in rep.items():
        row(f"dev articles, {len(pairs) // 2} (score.py)", layer, x["p"], x["r"], x["f1"],
            f"{x['system']}/{x['gold']}")


FRESH_PARTS = ("study", "study2", "heldout", "heldout2")


def fresh(pipeline: Pipeline, shared: Path, tmp: Path) -> None:
    """Articles of ../shared/data/ant_news annotated blind by the guide (eval/fresh): "study" and
    "study2" may be read while developing, "heldout" and "heldout2" are only scored. The texts are taken from
    ant_news by id."""
    wanted = {}
    for part in FRESH_PARTS:
        for m in json.loads((ROOT / "eval" / "fresh" / part / "manifest.json").read_text("utf-8")):
            wanted[m["id"]] = (part, m)
    with gzip.open(shared / "data" / "ant_news" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        texts = {r["id"]: r["text"] for r in map(json.loads, f) if r["id"] in wanted}
    pairs: dict = {part: [] for part in FRESH_PARTS}
    for rid, (part, m) in wanted.items():
        folder = tmp / "fresh" / part
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{rid}.txt").write_text(texts[rid], "utf-8")  # the gold's document.file
        gold = folder / f"{rid}.gold.json"
        gold.write_text((ROOT / "eval" / "fresh" / part / gold.name).read_text("utf-8"), "utf-8")
        doc = pipeline(Doc(text=texts[rid], id=rid, published=m["published"]))
        out = folder / f"{rid}.json"
        out.write_text(json.dumps(doc.to_json(), ensure_ascii=False), "utf-8")
        pairs[part] += [str(gold), str(out)]
    for part, args in pairs.items():
        rep = scorer(shared, "score.py", *args)
        for layer, x in rep.items():
            row(f"fresh articles, {part}, {len(args) // 2} (score.py)", layer, x["p"], x["r"], x["f1"],
                f"{x['system']}/{x['gold']}")


def heldout(record_id: str) -> bool:
    """The NER evaluation fifth: the split scripts/train_ner.py keeps out when it evaluates."""
    return hashlib.sha1(record_id.encode("utf-8")).digest()[0] % 5 == 0


def ner(pipeline: Pipeline, shared: Path, tmp: Path) -> None:
    """Train a model without the held-out fifth (scripts/train_ner.py), then score the CLI with it.

    The shipped model is trained on all the dev data, so scoring it on any part would be
    in-sample; this trains the same recipe on four fifths (about two minutes on one core).
    """
    model_dir = tmp / "ner_heldout"
    for script in ("build_gazetteer.py", "train_ner.py"):
        subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--heldout-out", "--out", str(model_dir)],
                       check=True, capture_output=True, text=True)
    env = {**os.environ, "MARSAD_NER_DIR": str(model_dir)}
    for corpus in ("anercorp", "newsfane"):
        rows = [json.loads(x) for x in open(shared / "data" / "ner" / f"{corpus}.jsonl", encoding="utf-8")]
        held = [r for r in rows if heldout(str(r["id"]))]
        gold = tmp / f"{corpus}.heldout.jsonl"
        gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in held), "utf-8")
        docs = tmp / f"{corpus}.docs.jsonl"
        docs.write_text("".join(json.dumps({"id": r["id"], "text": " ".join(r["tokens"])}, ensure_ascii=False) + "\n"
                                for r in held), "utf-8")
        out = tmp / f"{corpus}.out.jsonl"
        with open(out, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, "-m", "marsad.cli.commands", "analyze", str(docs), "--json"], stdout=f,
                           stderr=subprocess.DEVNULL, env=env, check=False, cwd=ROOT)
        rep = scorer(shared, "ner_score.py", "score", str(gold), str(out), "--labels", "PER,ORG,LOC")
        for lab in ("PER", "ORG", "LOC", "all"):
            x = rep[lab]
            row(f"NER {corpus} held-out 1/5 (ner_score.py)", lab, x["p"], x["r"], x["f1"], x["gold"])


def ans(shared: Path, tmp: Path) -> None:
    import csv

    from marsad.compare.model import compare_many

    path = shared / "data" / "ans" / "stance_dev.csv"
    with open(path, encoding="utf-8") as f:
        pairs = [(r["s1"], r["s2"]) for r in csv.DictReader(f)]
    out = tmp / "ans.jsonl"
    out.write_text("".join(json.dumps({"stance": s}) + "\n" for s in compare_many(pairs)), "utf-8")
    rep = scorer(shared, "ans_score.py", str(path), str(out))
    for lab in ("agree", "disagree", "other"):
        row("ANS dev claim pairs (ans_score.py)", f"{lab} F1", "", "", rep[f"{lab}_f1"], len(pairs))
    row("ANS dev claim pairs (ans_score.py)", "accuracy", "", "", rep["accuracy"], len(pairs))
    row("ANS dev claim pairs (ans_score.py)", "macro-F1", "", "", rep["macro_f1"], len(pairs))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--only", help="comma-separated suites: seed,dev,fresh,gsr,ner,ans")
    args = ap.parse_args()
    shared = Path(args.shared).resolve()
    pipeline = Pipeline()
    suites = {"seed": lambda t: seed(pipeline, shared, t), "dev": lambda t: dev(pipeline, shared, t),
              "fresh": lambda t: fresh(pipeline, shared, t),
              "gsr": lambda t: gsr(pipeline, shared, t),
              "ner": lambda t: ner(pipeline, shared, t), "ans": lambda t: ans(shared, t)}
    wanted = args.only.split(",") if args.only else list(suites)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name in wanted:
            t0 = time.perf_counter()
            try:
                suites[name](Path(tmp))
            except Exception as e:  # keep the table complete: a broken suite is a row, not a crash
                row(name, f"ERROR {type(e).__name__}: {e}"[:90])
                failed = True
            print(f"[{name}: {time.perf_counter() - t0:.1f}s]", file=sys.stderr)
    widths = [max(len(r[i]) for r in ROWS + [("suite", "metric", "P", "R", "F1", "n")]) for i in range(6)]
    head = ("suite", "metric", "P", "R", "F1", "n")
    print("  ".join(h.ljust(w) if i < 2 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths))))
    print("  ".join("-" * w for w in widths))
    last = None
    for r in ROWS:
        suite = r[0] if r[0] != last else ""
        last = r[0]
        print("  ".join(x.ljust(w) if i < 2 else x.rjust(w) for i, (x, w) in enumerate(zip((suite,) + r[1:], widths))))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
