"""The entities stage: flat PER / ORG / LOC / MISC mentions from a CRF tagger and gazetteers.

Each content sentence's tokens (``doc.tokens``) get BIO labels from a linear-chain CRF trained
with python-crfsuite by ``scripts/train_ner.py`` on ANERcorp and NewsFANE (features:
``ner_features``). Spans leave attached proclitics (و ف ب ل ك) out and keep the article ال.

Speed: a CRF's label scores are sums of per-feature weights, and almost all features depend on
one word and its offset in the window. So the weights are read out of the crfsuite model once,
each word's summed score vectors (as the token itself and as its ±1/±2 neighbour) are cached,
and Viterbi runs in numpy over all sentences of a document at once. Labels are identical to
``pycrfsuite.Tagger.tag`` (checked in tests/test_entities.py); it is several times faster.

The model, gazetteer and word classes load once per process from package resources
(``MARSAD_NER_DIR`` points them at another directory, for held-out experiments).
"""
from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np

from marsad.doc import Doc, Entity, Provenance, Token
from marsad.extract.ner_features import (_GAZ_STRINGS, Featurizer, Gazetteer, load_clusters,
                                         proclitic_split)
from marsad.text.segment import original_prefix_len

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
MODEL = RESOURCES / "models" / "ner.crfsuite"
GAZETTEER = RESOURCES / "gazetteer"


def resource(directory: Path, name: str) -> Path:
    """A word-class table: from ``directory`` when it has one, else the packaged model's."""
    p = directory / name
    return p if p.exists() else RESOURCES / "models" / name


def resource_paths() -> tuple[Path, Path]:
    """(model file, gazetteer directory) in use."""
    override = os.environ.get("MARSAD_NER_DIR")
    if override:
        return Path(override) / "ner.crfsuite", Path(override)
    return MODEL, GAZETTEER


class NerModel:
    """The CRF's weights as numpy vectors, with its featurizer (one per process: :func:`model`)."""

    def __init__(self, model_path: Path, gaz_dir: Path):
        import pycrfsuite

        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_path))
        info = self.tagger.info()
        self.labels = sorted(info.labels, key=info.labels.get)
        lid = {lab: i for i, lab in enumerate(self.labels)}
        n = len(self.labels)
        weights: dict[str, np.ndarray] = {}
        for (attr, lab), w in info.state_features.items():
            v = weights.get(attr)
            if v is None:
                v = weights[attr] = np.zeros(n)
            v[lid[lab]] = w
        self.weights = weights
        # one row per feature (row 0: zeros) so a word's vectors are sums of fancy-indexed rows
        self.rows = {attr: i + 1 for i, attr in enumerate(weights)}
        self.matrix = np.vstack([np.zeros((1, n))] + [weights[a][None] for a in weights])
        self.trans = np.zeros((n, n))
        for (a, b), w in info.transitions.items():
            self.trans[lid[a], lid[b]] = w
        zero = np.zeros(n)
        self.bos = weights.get("BOS", zero)
        self.eos = weights.get("EOS", zero)
        # word-pair features: "a|b" → (vector for the second token, vector for the first)
        self.bigrams: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for attr, v in weights.items():
            if attr.startswith(("B-=", "B+=")):
                pair = attr[3:]
                minus, plus = self.bigrams.get(pair, (zero, zero))
                self.bigrams[pair] = (v, plus) if attr[1] == "-" else (minus, v)
        self.gaz_vectors = {s: weights.get(s, zero) for strings in _GAZ_STRINGS.values() for s in strings}
        self.gaz = Gazetteer.load(gaz_dir)
        self.featurizer = Featurizer(self.gaz, load_clusters(resource(gaz_dir, "ner_clusters.tsv")))
        self._words: dict[str, tuple[str, str, int]] = {}
        self._mats = np.zeros((1024, 5, n))  # row k: score matrix of the k-th cached word

    # -- scoring ---------------------------------------------------------------------------
    def _word(self, norm: str) -> tuple[str, str, int]:
        """(gazetteer key, bare form, row in ``_mats``: its scores as token, as -1, +1, -2, +2)."""
        hit = self._words.get(norm)
        if hit is None:
            if len(self._words) >= 300_000:
                self._words.clear()
                self.featurizer._cache.clear()
            k = len(self._words)
            if k == len(self._mats):
                self._mats = np.concatenate([self._mats, np.zeros_like(self._mats)])
            wf = self.featurizer.word(norm)
            rows = self.rows
            idx, seg = [], []
            for offset, feats in enumerate((wf.own, wf.prev, wf.next, wf.prev2, wf.next2)):
                for f in feats:
                    r = rows.get(f)
                    if r is not None:
                        idx.append(r)
                        seg.append(offset)
            m = self._mats[k]
            m[:] = 0
            np.add.at(m, seg, self.matrix[idx])
            hit = self._words[norm] = (wf.key, wf.bare, k)
        return hit

    def emissions(self, norms: list[str]) -> np.ndarray:
        """Per token, the summed state-feature weight of every label (n × labels)."""
        ws = [self._word(x) for x in norms]
        n = len(ws)
        m = self._mats[[w[2] for w in ws]]
        e = m[:, 0].copy()
        if n > 1:
            e[1:] += m[:-1, 1]
            e[:-1] += m[1:, 2]
        if n > 2:
            e[2:] += m[:-2, 3]
            e[:-2] += m[2:, 4]
        e[0] += self.bos
        e[-1] += self.eos
        bigrams = self.bigrams
        for i in range(n - 1):
            pair = bigrams.get(ws[i][1] + "|" + ws[i + 1][1])
            if pair is not None:
                e[i + 1] += pair[0]
                e[i] += pair[1]
        gv = self.gaz_vectors
        for i, tags in enumerate(self.gaz.tag([w[0] for w in ws])):
            for own, as_prev, as_next in tags:
                e[i] += gv[own]
                if i + 1 < n:
                    e[i + 1] += gv[as_prev]
                if i > 0:
                    e[i - 1] += gv[as_next]
        return e

    def viterbi(self, batch: list[np.ndarray]) -> list[list[int]]:
        """Best label ids for several sentences at once (emission matrices of any lengths)."""
        lengths = [len(e) for e in batch]
        b, t_max, n = len(batch), max(lengths), len(self.labels)
        em = np.zeros((b, t_max, n))
        for k, e in enumerate(batch):
            em[k, :len(e)] = e
        delta = em[:, 0]
        deltas = [delta]
        backs = []
        trans = self.trans[None]
        for t in range(1, t_max):
            s = delta[:, :, None] + trans  # (b, from, to)
            back = s.argmax(1)
            delta = s.max(1) + em[:, t]
            backs.append(back)
            deltas.append(delta)
        out = []
        for k, length in enumerate(lengths):
            y = int(deltas[length - 1][k].argmax())
            path = [y]
            for t in range(length - 1, 0, -1):
                y = int(backs[t - 1][k, y])
                path.append(y)
            path.reverse()
            out.append(path)
        return out

    def tag(self, norms: list[str]) -> list[str]:
        """BIO labels of one sentence (same as ``self.tagger.tag`` on its feature strings)."""
        return [self.labels[y] for y in self.viterbi([self.emissions(norms)])[0]]

    # -- spans -----------------------------------------------------------------------------
    def doc_spans(self, sentences: list[list[Token]]) -> list[tuple[int, int, str, float]]:
        """(start, end, label, score) of the entities in several tokenised sentences."""
        sentences = [s for s in sentences if s]
        if not sentences:
            return []
        ems = [self.emissions([t.norm or "_" for t in toks]) for toks in sentences]
        out = []
        labels = self.labels
        for toks, e, path in zip(sentences, ems, self.viterbi(ems)):
            i, n = 0, len(path)
            while i < n:
                lab = labels[path[i]]
                if lab == "O":
                    i += 1
                    continue
                inside = labels.index("I-" + lab[2:]) if "I-" + lab[2:] in labels else -1
                j = i + 1
                while j < n and path[j] == inside:
                    j += 1
                out.append((self.name_start(toks[i]), toks[j - 1].end, lab[2:], _local_prob(e[i], path[i])))
                i = j
        return out

    def name_start(self, tok: Token) -> int:
        """Offset where a name starts inside its first token: after و/ف/ب/ل/ك, before ال."""
        if tok.stem_start:
            return tok.start + tok.stem_start
        k, _ = proclitic_split(tok.norm, self.gaz.name_counts)
        return tok.start + (original_prefix_len(tok.text, k) if k else 0)


def _local_prob(scores: np.ndarray, y: int) -> float:
    """Softmax of the first token's label scores (a cheap confidence, transitions ignored)."""
    s = scores.tolist()
    top = max(s)
    return math.exp(s[y] - top) / sum(math.exp(x - top) for x in s)


_MODEL: NerModel | None = None


def model() -> NerModel:
    global _MODEL
    if _MODEL is None:
        _MODEL = NerModel(*resource_paths())
    return _MODEL


class EntitiesStage:
    name = "entities"

    def __call__(self, doc: Doc) -> Doc:
        m = model()
        sents = [doc.tokens_of(s) for s in doc.content_sentences()]
        # names inside boilerplate left in content sentences (datelines, credits) are not
        # part of the article
        inside = doc.in_boilerplate if doc.boilerplate else (lambda s, e: False)
        doc.entities = [Entity(start, end, label, Provenance("entities", "crf", score))
                        for start, end, label, score in m.doc_spans(sents)
                        if end > start and not inside(start, end)]
        return doc
