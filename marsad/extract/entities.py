"""The entities stage: flat PER / ORG / LOC / MISC mentions from a CRF tagger and gazetteers.

Each content sentence's tokens (``doc.tokens``) get BIO labels from a linear-chain CRF trained
with python-crfsuite by ``scripts/train_ner.py`` on ANERcorp and NewsFANE (features:
``ner_features``). Spans leave attached proclitics (و ف ب ل ك) out and keep the article ال.

Speed: a CRF's label scores are sums of per-feature weights, and almost all features depend on
one word and its offset in the window. So the weights are read out of the crfsuite model once,
each word's summed score vectors (as the token itself and as its ±1/±2 neighbour) are cached,
and emission scores and Viterbi run in numpy over all sentences of a document at once (every
sum is added in the same order as a per-token loop would, so scores are bit-for-bit stable).
Labels are identical to ``pycrfsuite.Tagger.tag`` (checked in tests/test_entities.py); it is
several times faster.

The model, gazetteer and word classes load once per process from package resources
(``MARSAD_NER_DIR`` points them at another directory, for held-out experiments).
"""
from __future__ import annotations

import math
import os
from itertools import chain, compress, repeat
from pathlib import Path

import numpy as np

from marsad.doc import Doc, Entity, Provenance, Token
from marsad.extract.ner_features import (_GAZ_STRINGS, Featurizer, Gazetteer, load_clusters,
                                         proclitic_split)
from marsad.text.segment import original_prefix_len

# defaults of feature → weight row lookups (endless): row 0 adds nothing; a neighbour
# feature the model lacks on either side
_ZERO, _NO_ROWS = repeat(0), repeat((0, 0))

_MAX_WORDS = 300_000  # words whose score matrices are cached

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
        self.trans_t = np.ascontiguousarray(self.trans.T)  # (to, from)
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
        # The same word-pair and gazetteer vectors as rows of one matrix, so a document's
        # additions go into one np.add.at (which adds in list order, like a loop would)
        extra: list[np.ndarray] = []

        def row(v: np.ndarray) -> int:
            extra.append(v)
            return len(extra) - 1

        self._bigram_rows = {p: (row(minus), row(plus)) for p, (minus, plus) in self.bigrams.items()}
        self._gaz_rows = {k: tuple(row(self.gaz_vectors[x]) for x in strings)
                          for k, strings in _GAZ_STRINGS.items()}
        self._extra = np.vstack(extra)
        # bare forms that open / close some word-pair feature: most pairs need no string building
        self._bigram_left = {p.split("|", 1)[0] for p in self.bigrams}
        self._bigram_right = {p.split("|", 1)[1] for p in self.bigrams}
        # feature → row(s): own features by their full name; a neighbour's features (seen from
        # ±1 or ±2) by their name without the "-1"/"+1"/"-2"/"+2" prefix, mapping to the rows
        # of both sides, so a new word needs neither the prefixed strings nor two lookups each
        self._near_rows = self._side_rows("-1", "+1")
        self._ctx_rows = self._side_rows("-2", "+2")
        self.gaz = Gazetteer.load(gaz_dir)
        self.featurizer = Featurizer(self.gaz, load_clusters(resource(gaz_dir, "ner_clusters.tsv")))
        self._words: dict[str, tuple[str, str, int, bool, bool]] = {}
        # row k: score matrix of the k-th cached word. np.zeros takes its pages from the OS
        # only as rows are written, so room for the whole cache costs nothing up front and
        # the array never needs to be grown (copied) while the cache fills
        self._mats = np.zeros((_MAX_WORDS + 4096, 5, n))
        # words added since the last flush: cache row, own weight rows, (-1, +1) and (-2, +2)
        # weight row pairs
        self._new_words: list[int] = []
        self._new_own: list[list[int]] = []
        self._new_near: list[list[tuple[int, int]]] = []
        self._new_ctx: list[list[tuple[int, int]]] = []

    def _side_rows(self, before: str, after: str) -> dict[str, tuple[int, int]]:
        """Unprefixed feature → its weight rows as seen from before / after (row 0, all
        zeros, where the model has no such feature: adding it leaves a sum unchanged)."""
        names = {a[2:] for a in self.rows if a.startswith((before, after))}
        return {f: (self.rows.get(before + f, 0), self.rows.get(after + f, 0)) for f in names}

    # -- scoring ---------------------------------------------------------------------------
    def _word(self, norm: str) -> tuple[str, str, int, bool, bool]:
        """(gazetteer key, bare form, row in ``_mats``: its scores as token, as -1, +1, -2, +2,
        whether the bare form can open / close a word-pair feature). A new word's row is filled
        by the next :meth:`_flush_new_words`."""
        hit = self._words.get(norm)
        if hit is None:
            k = len(self._words)
            if k == len(self._mats):
                self._mats = np.concatenate([self._mats, np.zeros_like(self._mats)])
            key, bare, own, near, ctx = self.featurizer.base(norm)
            # (map over a repeated default: the lookups run without a Python-level loop)
            self._new_own.append(list(map(self.rows.get, own, _ZERO)))
            self._new_near.append(list(map(self._near_rows.get, near, _NO_ROWS)))
            self._new_ctx.append(list(map(self._ctx_rows.get, ctx, _NO_ROWS)))
            self._new_words.append(k)
            hit = self._words[norm] = (key, bare, k, bare in self._bigram_left, bare in self._bigram_right)
        return hit

    def _flush_new_words(self) -> None:
        """Score matrices of the words :meth:`_word` added since the last flush.

        Each score row must sum its features one after another in feature order (pairwise
        or reduceat summation would change the last bits of the scores). So the weight rows
        of every word are laid out left-aligned in a zero-padded table and added position by
        position; padding adds row 0 (zeros), which leaves a sum unchanged.
        """
        if not self._new_words:
            return
        mats = self._mats
        k = self._new_words
        mats[k, 0] = self._summed(self._new_own)
        mats[k, 1:3] = self._summed(self._new_near)
        mats[k, 3:5] = self._summed(self._new_ctx)
        self._new_words, self._new_own, self._new_near, self._new_ctx = [], [], [], []

    def _summed(self, lists: list[list]) -> np.ndarray:
        """Per list of weight rows (or of row pairs), the sum of the rows, in list order."""
        lens = np.fromiter(map(len, lists), np.intp, len(lists))
        flat = chain.from_iterable(lists)
        pairs = isinstance(next(chain.from_iterable(lists), 0), tuple)
        if pairs:
            flat = chain.from_iterable(flat)
        flat = np.fromiter(flat, np.intp, int(lens.sum()) * (1 + pairs))
        if pairs:
            flat = flat.reshape(-1, 2)
        width = max(int(lens.max()), 1)
        table = np.zeros((len(lists), width) + flat.shape[1:], np.intp)
        table[np.arange(width) < lens[:, None]] = flat
        # feature position first: the reduction then adds whole rows of words one position
        # after another, left to right
        return np.add.reduce(self.matrix[table.swapaxes(0, 1)], axis=0)

    def emissions(self, norms: list[str]) -> np.ndarray:
        """Per token, the summed state-feature weight of every label (n × labels)."""
        return self.emissions_many([norms])[0]

    def emissions_many(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """:meth:`emissions` of several non-empty sentences, computed over their concatenation.

        One set of numpy calls per document instead of per sentence; window features are
        masked at sentence edges (adding 0.0 where a sentence has no neighbour leaves every
        sum as it was), and all other weights are added in the same order as for one sentence.
        """
        words = self._words
        if len(words) >= _MAX_WORDS:  # bound the cache; only between documents, as rows get reused
            words.clear()
        ws = [words.get(x) or self._word(x) for norms in sentences for x in norms]
        self._flush_new_words()
        lens = [len(x) for x in sentences]
        ends = np.cumsum(lens)
        starts = ends - lens
        n = len(ws)
        idx = np.arange(n)
        pos = idx - np.repeat(starts, lens)  # tokens before it in its sentence
        after = np.repeat(ends, lens) - idx - 1  # tokens after it
        m = self._mats[[w[2] for w in ws]]
        e = m[:, 0].copy()
        if n > 1:
            e[1:] += np.where((pos[1:] >= 1)[:, None], m[:-1, 1], 0.0)
            e[:-1] += np.where((after[:-1] >= 1)[:, None], m[1:, 2], 0.0)
        if n > 2:
            e[2:] += np.where((pos[2:] >= 2)[:, None], m[:-2, 3], 0.0)
            e[:-2] += np.where((after[:-2] >= 2)[:, None], m[2:, 4], 0.0)
        e[starts] += self.bos
        e[ends - 1] += self.eos
        first = set(starts.tolist())  # a word pair never spans two sentences
        # word pairs, then gazetteer matches: (token, row of self._extra) in the order the
        # per-sentence loops added them
        targets: list[int] = []
        rows: list[int] = []
        bigram_rows = self._bigram_rows
        pairs = [a[3] and b[4] for a, b in zip(ws, ws[1:])]
        for i in compress(range(n - 1), pairs):
            if i + 1 not in first:
                pr = bigram_rows.get(ws[i][1] + "|" + ws[i + 1][1])
                if pr is not None:
                    targets += (i + 1, i)
                    rows += pr
        self._gazetteer_rows(ws, first, targets, rows)
        if targets:
            np.add.at(e, targets, self._extra[rows])
        return np.split(e, ends[:-1])

    def _gazetteer_rows(self, ws: list[tuple], first: set[int], targets: list[int],
                        rows: list[int]) -> None:
        """Gazetteer features, token by token in the order Gazetteer.tag lists them.

        All sentences go through the automaton as one text; a match that crosses a sentence
        edge is dropped, which leaves exactly the per-sentence matches, in the same order. Only
        tokens a match covers are visited.
        """
        tags: dict[int, list[tuple[int, int, int]]] = {}
        gaz_rows = self._gaz_rows
        for lo, hi, types in self.gaz.matches([w[0] for w in ws]):
            if lo < hi and any(j in first for j in range(lo + 1, hi + 1)):
                continue
            span = hi - lo + 1
            for j in range(lo, hi + 1):
                p = "U" if span == 1 else "B" if j == lo else "L" if j == hi else "I"
                lst = tags.setdefault(j, [])
                for typ in types:
                    lst.append(gaz_rows[typ, p])
        n = len(ws)
        for i in sorted(tags):
            has_next = i + 1 < n and i + 1 not in first
            has_prev = i not in first
            for own, as_prev, as_next in tags[i]:
                targets.append(i)
                rows.append(own)
                if has_next:
                    targets.append(i + 1)
                    rows.append(as_prev)
                if has_prev:
                    targets.append(i - 1)
                    rows.append(as_next)

    def viterbi(self, batch: list[np.ndarray]) -> list[list[int]]:
        """Best label ids for several sentences at once (emission matrices of any lengths).

        The time loop is the cost (a few numpy calls per step, on tiny arrays), so it keeps
        only the running maxima; the back-pointers are recomputed afterwards in one batched
        argmax over the same sums (bit-identical, first index wins ties as before).
        """
        lengths = [len(e) for e in batch]
        b, t_max, n = len(batch), max(lengths), len(self.labels)
        em = np.zeros((t_max, b, n))
        for k, e in enumerate(batch):
            em[:len(e), k] = e
        trans = self.trans
        deltas = np.empty((t_max, b, n))
        deltas[0] = em[0]
        s = np.empty((b, n, n))  # (sentence, from, to)
        best = np.empty((b, n))
        add, max_from = np.add, np.maximum.reduce
        prev = deltas[0]
        for cur, e_t in zip(deltas[1:], em[1:]):
            add(prev[:, :, None], trans, out=s)
            add(max_from(s, 1, out=best), e_t, out=cur)
            prev = cur
        # (t - 1, sentence, to): over the last axis, where argmax is fastest
        backs = (deltas[:-1, :, None, :] + self.trans_t).argmax(3)
        last = deltas.argmax(2)  # (t, sentence): best final label were the sentence to end at t
        out = []
        for k, length in enumerate(lengths):
            y = int(last[length - 1, k])
            path = [y]
            back = backs[:length - 1, k].tolist()
            for t in range(length - 2, -1, -1):
                y = back[t][y]
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
        ems = self.emissions_many([[t.norm or "_" for t in toks] for toks in sentences])
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
