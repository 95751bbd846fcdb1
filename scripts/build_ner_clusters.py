#!/usr/bin/env python3
"""Distributional word classes for the NER tagger → marsad/resources/entities/ner_clusters.tsv.

    .venv/bin/pip install numpy        # build-time only; the tagger reads the TSV
    .venv/bin/python scripts/build_ner_clusters.py

Unlabelled Arabic news only (no NER data): ../shared/data/ant_news (titles, abstracts, texts),
the arabic_event_gsr sentences and the ANS claims. Each word (normalised, proclitic-stripped as
the tagger's stem) seen ≥ MIN_COUNT times gets a vector of positive PMI with its neighbours at
offsets -2..+2 (the 2,000 most frequent words), reduced to 256 dimensions by truncated SVD, and is
clustered with spherical k-means at three granularities (64, 256, 1024 classes). Two more
columns: fq (log2 frequency) and al (how readily the word alternates with/without ال). Words that
share a class behave alike in context (given names, cities, nisba adjectives, org heads …), so
the tagger generalises to names it never saw in training. Deterministic (fixed seeds).
"""
from __future__ import annotations

import csv
import gzip
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from marsad.text.normalize import normalize  # noqa: E402
from marsad.text.segment import _TOKEN_RE, strip_proclitics  # noqa: E402

OUT = ROOT / "marsad" / "resources" / "entities" / "ner_clusters.tsv"
MIN_COUNT = 4
N_CONTEXT = 2000
DIM = 256
LEVELS = (64, 256, 1024)


def form(tok: str) -> str:
    if tok[0].isdigit():
        return "0"
    return strip_proclitics(tok)[1]


def texts():
    with gzip.open(SHARED / "data" / "ant_news" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            for k in ("title", "abstract", "text"):
                if r.get(k):
                    yield r[k]
    for folder, name in (("arabic_event_gsr", "assault_gsr.csv"), ("arabic_event_gsr", "protest_gsr.csv"),
                         ("ans", "stance_train.csv"), ("ans", "stance_dev.csv")):
        p = SHARED / "data" / folder / name
        if p.exists():
            with open(p, encoding="utf-8") as f:
                for row in csv.reader(f):
                    yield " ".join(row)


def sentences():
    for t in texts():
        for line in t.splitlines():
            toks = [form(x) for x in _TOKEN_RE.findall(normalize(line))]
            if toks:
                yield toks


def article_bucket(w: str, counts: Counter) -> str:
    """How readily the word alternates with/without the article ال (names rarely do)."""
    other = w[2:] if w.startswith("ال") else "ال" + w
    n = counts.get(other, 0)
    if n == 0:
        return "0"
    r = n / (n + counts[w])
    return "1" if r < 0.1 else "2" if r < 0.5 else "3"


def kmeans(x: np.ndarray, k: int, weights: np.ndarray, iters: int = 25, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    p = weights / weights.sum()
    centers = x[rng.choice(len(x), size=k, replace=False, p=p)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        assign = np.empty(len(x), dtype=np.int64)
        for s in range(0, len(x), 8192):
            assign[s:s + 8192] = (x[s:s + 8192] @ centers.T).argmax(1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                v = members.sum(0)
                centers[c] = v / (np.linalg.norm(v) + 1e-9)
            else:
                centers[c] = x[rng.integers(len(x))]
    return assign


def main() -> int:
    t0 = time.time()
    sents = list(sentences())
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, n in counts.most_common() if n >= MIN_COUNT and w[0].isalpha()]
    vid = {w: i for i, w in enumerate(vocab)}
    ctx_words = [w for w, _ in counts.most_common(N_CONTEXT)]
    cid = {w: i for i, w in enumerate(ctx_words)}
    print(f"{len(sents)} lines, {sum(counts.values())} tokens, {len(vocab)} words", file=sys.stderr)

    pair_counts: Counter = Counter()
    for s in sents:
        ids = [vid.get(w, -1) for w in s]
        cids = [cid.get(w, -1) for w in s]
        n = len(s)
        for i, w in enumerate(ids):
            if w < 0:
                continue
            for k, off in enumerate((-2, -1, 1, 2)):
                j = i + off
                c = cids[j] if 0 <= j < n else -1
                if c >= 0:
                    pair_counts[w * (4 * N_CONTEXT) + k * N_CONTEXT + c] += 1
    keys = np.fromiter(pair_counts.keys(), dtype=np.int64, count=len(pair_counts))
    vals = np.fromiter(pair_counts.values(), dtype=np.float64, count=len(pair_counts))
    rows, cols = keys // (4 * N_CONTEXT), keys % (4 * N_CONTEXT)
    # positive PMI with context-distribution smoothing (alpha 0.75)
    row_sum = np.bincount(rows, weights=vals, minlength=len(vocab))
    col_sum = np.bincount(cols, weights=vals, minlength=4 * N_CONTEXT) ** 0.75
    total = vals.sum()
    pmi = np.log(vals * col_sum.sum() / (row_sum[rows] * col_sum[cols]))
    keep = pmi > 0
    rows, cols, pmi = rows[keep], cols[keep], pmi[keep].astype(np.float32)
    print(f"{len(pmi)} positive PMI cells (of {total:.0f} pairs)", file=sys.stderr)

    # truncated SVD of the (dense, ~1 GB) PPMI matrix, randomized range finder
    m = np.zeros((len(vocab), 4 * N_CONTEXT), dtype=np.float32)
    m[rows, cols] = pmi
    rng = np.random.default_rng(42)
    q, _ = np.linalg.qr(m @ rng.standard_normal((4 * N_CONTEXT, DIM + 20)).astype(np.float32))
    for _ in range(2):  # power iterations sharpen the leading directions
        q, _ = np.linalg.qr(m @ (m.T @ q))
    u, sv, _ = np.linalg.svd(q.T @ m, full_matrices=False)
    vec = (q @ u[:, :DIM]) * np.sqrt(sv[:DIM])
    del m
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    weights = np.log1p(np.array([counts[w] for w in vocab], dtype=np.float64))

    assigns = [kmeans(vec, k, weights, seed=k) for k in LEVELS]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# word\t" + "\t".join(f"c{k}" for k in LEVELS)
                + "\tfq\tal\t(distributional classes from unlabelled news: scripts/build_ner_clusters.py)\n")
        for i, w in enumerate(vocab):
            extra = (str(min(int(math.log2(counts[w])), 12)), article_bucket(w, counts))
            f.write(w + "\t" + "\t".join([str(a[i]) for a in assigns] + list(extra)) + "\n")
    print(f"{OUT} in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
