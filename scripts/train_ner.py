#!/usr/bin/env python3
"""Train the NER tagger (python-crfsuite) on ../shared/data/ner/{anercorp,newsfane}.jsonl.

Shipped model (all NER dev data; a few minutes on one core):

    .venv/bin/python scripts/build_gazetteer.py
    .venv/bin/python scripts/train_ner.py

Held-out experiment (one sentence in five kept back per corpus, by hash of its id; with
``--split text`` by hash of its normalised text so a sentence present in both corpora falls on
the same side), scored in-process exactly as ../shared/eval/ner_score.py does:

    .venv/bin/python scripts/build_gazetteer.py --heldout-out --out /tmp/ner_eval
    .venv/bin/python scripts/train_ner.py --heldout-out --out /tmp/ner_eval --eval

Training sentences are re-tokenised with marsad's own tokenizer (labels projected onto the
pieces) so the model sees the tokens the stage sees. Gazetteer features from training entity
strings are jackknifed: each fifth of the training data is featurized with a gazetteer built
from the other four fifths, so the model learns how far a gazetteer hit can be trusted on
names it has not seen.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import pycrfsuite  # noqa: E402
from build_gazetteer import CORPORA, SHARED, entity_strings, is_heldout, read_corpus  # noqa: E402

from marsad.doc import Sentence  # noqa: E402
from marsad.entities.features import Featurizer, Gazetteer, load_clusters  # noqa: E402
from marsad.entities.ner_model import resource  # noqa: E402
from marsad.text.segment import tokenize  # noqa: E402

MODEL_DIR = ROOT / "marsad" / "resources" / "entities"
GAZ_DIR = ROOT / "marsad" / "resources" / "entities"
FOLDS = 5


def retokenize(record: dict) -> tuple[list[str], list[str]]:
    """marsad tokens (normalised) of the joined sentence and their projected BIO labels."""
    text = " ".join(record["tokens"])
    owner = []
    for k, t in enumerate(record["tokens"]):
        owner.extend([k] * len(t))
        owner.append(-1)
    toks = tokenize(text, [Sentence(0, len(text), 0)])
    norms, labels = [], []
    seen: set[int] = set()
    for tok in toks:
        k = owner[tok.start]
        tag = record["tags"][k]
        word = tok.text[0].isalnum()
        if tag != "O" and not word and (tok.start == 0 or owner[tok.start - 1] != k or
                                         tok.end >= len(owner) or owner[tok.end] != k):
            tag = "O"  # punctuation glued to the edge of an entity token: not part of the name
        if tag != "O":
            tag = ("B-" if tag.startswith("B-") and k not in seen else "I-") + tag[2:]
            seen.add(k)
        norms.append(tok.norm or "_")
        labels.append(tag)
    # an I- after O (e.g. after a dropped punctuation piece) starts the entity
    for i, lab in enumerate(labels):
        if lab.startswith("I-") and (i == 0 or labels[i - 1][2:] != lab[2:]):
            labels[i] = "B-" + lab[2:]
    return norms, labels


def fold_of(record: dict) -> int:
    return hashlib.md5(record["id"].encode()).digest()[0] % FOLDS


def training_rows(heldout_out: bool, split: str, corpora=CORPORA, repeat: dict | None = None) -> list[dict]:
    rows = []
    for name in corpora:
        rs = [r for r in read_corpus(name) if not (heldout_out and is_heldout(r, split))]
        rows += rs * (repeat or {}).get(name, 1)
    return rows


def featurize(rows: list[dict], gaz_dir: Path):
    """Jackknifed (features, labels) for every training sentence."""
    by_fold: dict[int, list[dict]] = {}
    for r in rows:
        by_fold.setdefault(fold_of(r), []).append(r)
    ents = {f: entity_strings(rs) for f, rs in by_fold.items()}
    clusters = load_clusters(resource(gaz_dir, "ner_clusters.tsv"))
    for f, rs in sorted(by_fold.items()):
        others = Counter()
        for g, c in ents.items():
            if g != f:
                others.update(c)
        fz = Featurizer(Gazetteer.load(gaz_dir, entities=others), clusters)
        for r in rs:
            norms, labels = retokenize(r)
            yield fz.sentence(norms), labels


def train(rows, gaz_dir: Path, model_path: Path, c1: float, c2: float, iters: int) -> None:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    t0 = time.time()
    n = 0
    for xseq, yseq in featurize(rows, gaz_dir):
        trainer.append(xseq, yseq)
        n += 1
    print(f"featurized {n} sentences in {time.time() - t0:.0f}s", file=sys.stderr)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iters,
                        "feature.possible_transitions": True})
    t0 = time.time()
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    print(f"trained in {time.time() - t0:.0f}s -> {model_path} "
          f"({model_path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


def evaluate(out_dir: Path, split: str) -> None:
    """Score the held-out fifth of each corpus in-process, exactly as ner_score.py does."""
    os.environ["MARSAD_NER_DIR"] = str(out_dir)
    sys.path.insert(0, str(SHARED / "eval"))
    import ner_score

    from marsad.boilerplate.stage import BoilerplateStage
    from marsad.doc import Doc
    from marsad.entities.stage import EntitiesStage
    from marsad.pipeline import Pipeline
    from marsad.text.stage import TextStage

    pipe = Pipeline([TextStage(), BoilerplateStage(), EntitiesStage()])
    for name in CORPORA:
        rows = [r for r in read_corpus(name) if is_heldout(r, split)]
        gold = out_dir / f"heldout_{name}.jsonl"
        pred = out_dir / f"pred_{name}.jsonl"
        with open(gold, "w", encoding="utf-8") as g, open(pred, "w", encoding="utf-8") as p:
            for r in rows:
                g.write(json.dumps(r, ensure_ascii=False) + "\n")
                doc = pipe(Doc(text=" ".join(r["tokens"]), id=r["id"]))
                p.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
        rep = ner_score.score(str(gold), str(pred), ["PER", "ORG", "LOC"])
        print(name, json.dumps(rep))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--heldout-out", action="store_true", help="leave out the held-out fifth")
    ap.add_argument("--out", type=Path, default=None,
                    help="directory for ner.crfsuite (and the gazetteer it was built with)")
    ap.add_argument("--split", choices=("id", "text"), default="id",
                    help="held-out split (build_gazetteer.is_heldout); use the same for both scripts")
    ap.add_argument("--corpora", default=",".join(CORPORA), help="comma-separated corpora to train on")
    ap.add_argument("--repeat", default="", help="e.g. anercorp=2: present a corpus's sentences twice")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iters", type=int, default=250)
    ap.add_argument("--eval", action="store_true", help="score the held-out fifth afterwards")
    args = ap.parse_args(argv)
    gaz_dir = args.out or GAZ_DIR
    model_path = (args.out / "ner.crfsuite") if args.out else MODEL_DIR / "ner.crfsuite"
    repeat = {k: int(v) for k, v in (x.split("=") for x in args.repeat.split(",") if x)}
    rows = training_rows(args.heldout_out, args.split, args.corpora.split(","), repeat)
    train(rows, gaz_dir, model_path, args.c1, args.c2, args.iters)
    if args.eval:
        evaluate(gaz_dir, args.split)
    return 0


if __name__ == "__main__":
    sys.exit(main())
