"""The entities stage: flat PER / ORG / LOC / MISC mentions from a CRF tagger and gazetteers.

Each content sentence's tokens (``doc.tokens``) get BIO labels from a linear-chain CRF trained
with python-crfsuite by ``scripts/train_ner.py`` on ANERcorp and NewsFANE (features:
``ner_features``). Spans leave attached proclitics (و ف ب ل ك) out and keep the article ال.

Speed: a CRF's label scores are sums of per-feature weights, and almost all features depend on
one word and its offset in the window. So the weights are read out of the crfsuite model once,
each word's summed score vectors (as the token itself and as its ±1/±2 neighbour) are cached,
and emission scores and Viterbi run in numpy over all sentences of a document at once (every
sum is added in the same order as a per-token loop would, so scores are bit-for-bit stable).
Labels are identical to ``pycrfsuite.Tagger.tag`` (checked in tests/entities/test_entities.py); it is
several times faster.

The model, gazetteer and word classes load once per process from package resources
(``MARSAD_NER_DIR`` points them at another directory, for held-out experiments).
"""
from __future__ import annotations

import math
import os
from itertools import chain, compress
from operator import attrgetter
from pathlib import Path

import numpy as np

from marsad import resources
from marsad.doc import Token
from marsad.entities.features import (
    _GAZ_STRINGS,
    Featurizer,
    Gazetteer,
    load_clusters,
    proclitic_split,
)
from marsad.entities.viterbi import best_paths
from marsad.entities.word_rows import WordRows
from marsad.text.segment import original_prefix_len

_MAX_WORDS = 300_000  # words whose score matrices are cached
_EMISSION_GROUP = 1000  # sentences whose emissions are computed together

MODEL = resources.path("entities", "ner.crfsuite")
GAZETTEER = MODEL.parent


def resource(directory: Path, name: str) -> Path:
    """A word-class table: from ``directory`` when it has one, else the packaged model's."""
    p = directory / name
    return p if p.exists() else GAZETTEER / name


def resource_paths() -> tuple[Path, Path]:
    """(model file, gazetteer directory) in use."""
    override = os.environ.get("MARSAD_NER_DIR")
    if override:
        return Path(override) / "ner.crfsuite", Path(override)
    return MODEL, GAZETTEER


class NerModel:
    """The CRF's weights as numpy vectors, with its featurizer (one per process:
    :func:`marsad.entities.stage.model`)."""

    def __init__(self, model_path: Path, gaz_dir: Path):
        import pycrfsuite

        self._model_path = model_path
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_path))
        weights = self._read_weights(self.tagger.info())
        self._index_extra_rows(weights)
        # feature → row(s): own features by their full name; a neighbour's features (seen from
        # ±1 or ±2) by their name without the "-1"/"+1"/"-2"/"+2" prefix, mapping to the rows
        # of both sides, so a new word needs neither the prefixed strings nor two lookups each
        self._near_rows = self._side_rows("-1", "+1")
        self._ctx_rows = self._side_rows("-2", "+2")
        self.gaz = Gazetteer.load(gaz_dir)
        self.featurizer = Featurizer(self.gaz, load_clusters(resource(gaz_dir, "ner_clusters.tsv")))
        self.word_rows = WordRows(self.rows, self._near_rows, self._ctx_rows, self.featurizer, self.gaz)
        # label ids: O, and for each label the id of the I- label that continues its span
        self.label_o = self.labels.index("O") if "O" in self.labels else -1
        self._inside_of = [self.labels.index("I-" + lab[2:]) if "I-" + lab[2:] in self.labels else -1
                           for lab in self.labels]
        self._name_cut: dict[str, int] = {}  # token norm → proclitic letters left out of a name
        # word → its id: its row in _word_scores, and index of its gazetteer key, bare form and
        # whether the bare form can open / close a word-pair feature
        self._words: dict[str, int] = {}
        self._word_gaz_key: list[str] = []
        self._word_bare: list[str] = []
        self._empty_score_cache()
        # words added since the last flush: cache row, own weight rows, (-1, +1) and (-2, +2)
        # weight row pairs
        self._new_words: list[int] = []
        self._new_own: list[list[int]] = []
        self._new_near: list[list[tuple[int, int]]] = []
        self._new_ctx: list[list[tuple[int, int]]] = []

    def _read_weights(self, info) -> dict[str, np.ndarray]:
        """Labels, the state weights' matrix and the transition weights; returns feature →
        its weight per label."""
        self.labels = sorted(info.labels, key=info.labels.get)
        lid = {lab: i for i, lab in enumerate(self.labels)}
        n = len(self.labels)
        weights: dict[str, np.ndarray] = {}
        for (attr, lab), w in info.state_features.items():
            v = weights.get(attr)
            if v is None:
                v = weights[attr] = np.zeros(n)
            v[lid[lab]] = w
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
        return weights

    def _index_extra_rows(self, weights: dict[str, np.ndarray]) -> None:
        """Word-pair and gazetteer vectors as rows of one extra matrix."""
        zero = np.zeros(len(self.labels))
        # word-pair features: "a|b" → (vector for the second token, vector for the first)
        bigrams: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for attr, v in weights.items():
            if attr.startswith(("B-=", "B+=")):
                pair = attr[3:]
                minus, plus = bigrams.get(pair, (zero, zero))
                bigrams[pair] = (v, plus) if attr[1] == "-" else (minus, v)
        gaz_vectors = {s: weights.get(s, zero) for strings in _GAZ_STRINGS.values() for s in strings}
        # The same word-pair and gazetteer vectors as rows of one matrix, so a document's
        # additions go into one np.add.at (which adds in list order, like a loop would)
        extra: list[np.ndarray] = []

        def row(v: np.ndarray) -> int:
            extra.append(v)
            return len(extra) - 1

        self._bigram_rows = {p: (row(minus), row(plus)) for p, (minus, plus) in bigrams.items()}
        self._gaz_rows = {k: tuple(row(gaz_vectors[x]) for x in strings)
                          for k, strings in _GAZ_STRINGS.items()}
        self._extra = np.vstack(extra)
        # bare forms that open / close some word-pair feature: most pairs need no string building
        self._bigram_left = {p.split("|", 1)[0] for p in bigrams}
        self._bigram_right = {p.split("|", 1)[1] for p in bigrams}

    def _empty_score_cache(self) -> None:
        # row k: score matrix of the k-th cached word. np.zeros takes its pages from the OS
        # only as rows are written, so room for the whole cache costs nothing up front and
        # the array never needs to be grown (copied) while the cache fills
        self._word_scores = np.zeros((_MAX_WORDS + 4096, 5, len(self.labels)))
        self._opens_pair = np.zeros(len(self._word_scores), bool)
        self._closes_pair = np.zeros(len(self._word_scores), bool)

    def __getstate__(self) -> dict:
        # the tagger is a C object and the score cache is empty room: both are made anew
        state = {k: v for k, v in self.__dict__.items() if k not in ("tagger", "_word_scores", "_opens_pair", "_closes_pair")}
        state["_model_path"] = self._model_path
        return state

    def __setstate__(self, state: dict) -> None:
        import pycrfsuite

        self.__dict__.update(state)
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(self._model_path))
        self._empty_score_cache()

    def _side_rows(self, before: str, after: str) -> dict[str, tuple[int, int]]:
        """Unprefixed feature → its weight rows as seen from before / after (row 0, all
        zeros, where the model has no such feature: adding it leaves a sum unchanged)."""
        names = {a[2:] for a in self.rows if a.startswith((before, after))}
        return {f: (self.rows.get(before + f, 0), self.rows.get(after + f, 0)) for f in names}


    # -- scoring ---------------------------------------------------------------------------
    def _word(self, norm: str) -> int:
        """The word's id (see ``_words``); a new word's row of scores (as token, as -1, +1,
        -2, +2) is filled by the next :meth:`_flush_new_words`."""
        k = self._words.get(norm)
        if k is None:
            k = len(self._words)
            if k == len(self._word_scores):
                self._word_scores = np.concatenate([self._word_scores, np.zeros_like(self._word_scores)])
                self._opens_pair = np.concatenate([self._opens_pair, np.zeros_like(self._opens_pair)])
                self._closes_pair = np.concatenate([self._closes_pair, np.zeros_like(self._closes_pair)])
            key, bare, own, near, ctx = self.word_rows.of(norm)
            self._new_own.append(own)
            self._new_near.append(near)
            self._new_ctx.append(ctx)
            self._new_words.append(k)
            self._word_gaz_key.append(key)
            self._word_bare.append(bare)
            self._opens_pair[k] = bare in self._bigram_left
            self._closes_pair[k] = bare in self._bigram_right
            self._words[norm] = k
        return k

    def _flush_new_words(self) -> None:
        """Score matrices of the words :meth:`_word` added since the last flush.

        Each score row must sum its features one after another in feature order (pairwise
        or reduceat summation would change the last bits of the scores). So the weight rows
        of every word are laid out left-aligned in a zero-padded table and added position by
        position; padding adds row 0 (zeros), which leaves a sum unchanged.
        """
        if not self._new_words:
            return
        mats = self._word_scores
        k = self._new_words
        mats[k, 0:1] = self._summed(self._new_own)
        mats[k, 1:3] = self._summed(self._new_near, 2)
        mats[k, 3:5] = self._summed(self._new_ctx, 2)
        self._new_words, self._new_own, self._new_near, self._new_ctx = [], [], [], []

    def _summed(self, lists: list[list[int]], k: int = 1) -> np.ndarray:
        """Per list of weight rows (of k rows each: [-1, +1, -1, +1 …] for k = 2), the sums
        of the rows, in list order: (lists, k, labels)."""
        lens = np.fromiter(map(len, lists), np.intp, len(lists))
        flat = np.fromiter(chain.from_iterable(lists), np.intp, int(lens.sum())).reshape(-1, k)
        if k > 1:
            lens //= k
        width = max(int(lens.max()), 1)
        table = np.zeros((width, len(lists), k), np.intp)
        # feature position first: the reduction then adds whole rows of words one position
        # after another, left to right
        table.swapaxes(0, 1)[np.arange(width) < lens[:, None]] = flat
        return np.add.reduce(self.matrix[table], axis=0)

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
            self._word_gaz_key, self._word_bare = [], []
        ids = list(map(words.get, chain.from_iterable(sentences)))
        if None in ids:  # new words
            word = self._word
            ids = [k if k is not None else word(x) for k, x in zip(ids, chain.from_iterable(sentences))]
            self._flush_new_words()
        lens = [len(x) for x in sentences]
        ends = np.cumsum(lens)
        starts = ends - lens
        n = len(ids)
        ida = np.fromiter(ids, np.intp, n)
        idx = np.arange(n)
        pos = idx - np.repeat(starts, lens)  # tokens before it in its sentence
        after = np.repeat(ends, lens) - idx - 1  # tokens after it
        m = self._word_scores[ida]
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
        bare = self._word_bare
        # tokens whose bare form opens a word pair the model has, before one that closes one
        pairs = np.flatnonzero(self._opens_pair[ida[:-1]] & self._closes_pair[ida[1:]]).tolist()
        for i in pairs:
            if i + 1 not in first:
                pr = bigram_rows.get(bare[ids[i]] + "|" + bare[ids[i + 1]])
                if pr is not None:
                    targets += (i + 1, i)
                    rows += pr
        self._gazetteer_rows(list(map(self._word_gaz_key.__getitem__, ids)), first, targets, rows)
        if targets:
            np.add.at(e, targets, self._extra[rows])
        return np.split(e, ends[:-1])

    def _gazetteer_rows(self, keys: list[str], first: set[int], targets: list[int],
                        rows: list[int]) -> None:
        """Gazetteer features, token by token in the order Gazetteer.tag lists them.

        All sentences go through the automaton as one text; a match that crosses a sentence
        edge is dropped, which leaves exactly the per-sentence matches, in the same order. Only
        tokens a match covers are visited.
        """
        tags: dict[int, list[tuple[int, int, int]]] = {}
        gaz_rows = self._gaz_rows
        for lo, hi, types in self.gaz.matches(keys):
            if lo < hi and any(j in first for j in range(lo + 1, hi + 1)):
                continue
            span = hi - lo + 1
            for j in range(lo, hi + 1):
                p = "U" if span == 1 else "B" if j == lo else "L" if j == hi else "I"
                lst = tags.setdefault(j, [])
                for typ in types:
                    lst.append(gaz_rows[typ, p])
        n = len(keys)
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
        """Best label ids for several sentences at once (emission matrices of any lengths)."""
        return best_paths(batch, self.trans, self.trans_t)

    def tag(self, norms: list[str]) -> list[str]:
        """BIO labels of one sentence (same as ``self.tagger.tag`` on its feature strings)."""
        return [self.labels[y] for y in self.viterbi([self.emissions(norms)])[0]]

    # -- spans -----------------------------------------------------------------------------
    def doc_spans(self, sentences: list[list[Token]],
                  keep: list[np.ndarray] | None = None) -> list[tuple[int, int, str, float]]:
        """(start, end, label, score) of the entities in several tokenised sentences (the
        non-empty sentences' emission matrices appended to ``keep`` when given)."""
        sentences = [s for s in sentences if s]
        if not sentences:
            return []
        # in groups of sentences: the scores gathered per token (5 rows of labels each) of a
        # whole long document at once took hundreds of MB; no feature crosses a sentence's edge
        ems = []
        for g in range(0, len(sentences), _EMISSION_GROUP):
            ems += self.emissions_many([_norms(toks) for toks in sentences[g:g + _EMISSION_GROUP]])
        if keep is not None:
            keep.extend(ems)
        labels = self.labels
        o, inside_of = self.label_o, self._inside_of
        found = []  # (first token, last token, label id, its emission row)
        for toks, e, path in zip(sentences, ems, self.viterbi(ems)):
            n = len(path)
            j = 0
            for i in compress(range(n), map(o.__ne__, path)):  # the tokens not labelled O
                if i < j:
                    continue  # inside the previous span
                y = path[i]
                inside = inside_of[y]
                j = i + 1
                while j < n and path[j] == inside:
                    j += 1
                found.append((toks[i], toks[j - 1], y, e[i]))
        if not found:
            return []
        # confidences: softmax of each first token's label scores (transitions ignored), the
        # maxima and differences taken in numpy at once (same float operations as one by one)
        scores = np.array([f[3] for f in found])
        diffs = (scores - scores.max(1)[:, None]).tolist()
        exp = math.exp
        return [(self.name_start(first), last.end, labels[y][2:], exp(d[y]) / sum(map(exp, d)))
                for (first, last, y, _), d in zip(found, diffs)]

    def name_start(self, tok: Token) -> int:
        """Offset where a name starts inside its first token: after و/ف/ب/ل/ك, before ال."""
        if tok.stem_start:
            return tok.start + tok.stem_start
        k = self._name_cut.get(tok.norm)
        if k is None:
            if len(self._name_cut) > _MAX_WORDS:
                self._name_cut.clear()
            k = self._name_cut[tok.norm] = proclitic_split(tok.norm, self.gaz.name_counts)[0]
        return tok.start + (original_prefix_len(tok.text, k) if k else 0)


_NORM = attrgetter("norm")


def _norms(tokens: list[Token]) -> list[str]:
    """The tokens' normalised forms ("_" for a token that normalises to nothing)."""
    norms = list(map(_NORM, tokens))
    return norms if "" not in norms else [x or "_" for x in norms]

