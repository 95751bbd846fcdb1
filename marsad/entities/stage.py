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
from itertools import chain, compress
from operator import attrgetter
from pathlib import Path

import numpy as np

from marsad import resources
from marsad.doc import Doc, Entity, Provenance, Token
from marsad.entities import features
from marsad.entities.document import consistent
from marsad.entities.features import (
    _GAZ_STRINGS,
    Featurizer,
    Gazetteer,
    load_clusters,
    proclitic_split,
)
from marsad.registry import stage
from marsad.resources.cache import compiled
from marsad.text.segment import clitic_candidates, original_prefix_len, strip_proclitics

_MAX_WORDS = 300_000  # words whose score matrices are cached

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
    """The CRF's weights as numpy vectors, with its featurizer (one per process: :func:`model`)."""

    def __init__(self, model_path: Path, gaz_dir: Path):
        import pycrfsuite

        self._model_path = model_path
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
        self._init_word_tables()
        # label ids: O, and for each label the id of the I- label that continues its span
        self._label_o = self.labels.index("O") if "O" in self.labels else -1
        self._inside_of = [self.labels.index("I-" + lab[2:]) if "I-" + lab[2:] in self.labels else -1
                           for lab in self.labels]
        self._name_cut: dict[str, int] = {}  # token norm → proclitic letters left out of a name
        # word → its id: its row in _mats, and index of its gazetteer key, bare form and
        # whether the bare form can open / close a word-pair feature
        self._words: dict[str, int] = {}
        self._w_key: list[str] = []
        self._w_bare: list[str] = []
        # row k: score matrix of the k-th cached word. np.zeros takes its pages from the OS
        # only as rows are written, so room for the whole cache costs nothing up front and
        # the array never needs to be grown (copied) while the cache fills
        self._mats = np.zeros((_MAX_WORDS + 4096, 5, n))
        self._w_left = np.zeros(len(self._mats), bool)
        self._w_right = np.zeros(len(self._mats), bool)
        # words added since the last flush: cache row, own weight rows, (-1, +1) and (-2, +2)
        # weight row pairs
        self._new_words: list[int] = []
        self._new_own: list[list[int]] = []
        self._new_near: list[list[tuple[int, int]]] = []
        self._new_ctx: list[list[tuple[int, int]]] = []

    def __getstate__(self) -> dict:
        # the tagger is a C object and the score cache is empty room: both are made anew
        state = {k: v for k, v in self.__dict__.items() if k not in ("tagger", "_mats", "_w_left", "_w_right")}
        state["_model_path"] = self._model_path
        return state

    def __setstate__(self, state: dict) -> None:
        import pycrfsuite

        self.__dict__.update(state)
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(self._model_path))
        self._mats = np.zeros((_MAX_WORDS + 4096, 5, len(self.labels)))
        self._w_left = np.zeros(len(self._mats), bool)
        self._w_right = np.zeros(len(self._mats), bool)

    def _side_rows(self, before: str, after: str) -> dict[str, tuple[int, int]]:
        """Unprefixed feature → its weight rows as seen from before / after (row 0, all
        zeros, where the model has no such feature: adding it leaves a sum unchanged)."""
        names = {a[2:] for a in self.rows if a.startswith((before, after))}
        return {f: (self.rows.get(before + f, 0), self.rows.get(after + f, 0)) for f in names}

    # -- a new word's weight rows, without its feature strings -----------------------------
    def _init_word_tables(self) -> None:
        """Lookup tables for :meth:`_word_rows`, built once with the model.

        A first-seen word needs the weight rows of the features :meth:`Featurizer.base` names.
        Building ~30 feature strings per word and looking each up in the model's table was
        most of the cost of a new word; instead every feature template ("w=", "p2=", "y3=" …)
        gets a table from the value to its weight row as the token's own feature, and one to
        its (-1, +1) and (-2, +2) row pairs as a neighbour's, so a value (a slice of the word)
        is looked up as it is. The rows of each word class entry and of each gazetteer key's
        name roles are summed up front in their feature order (zero rows left out: adding a
        zero row never changes a sum).
        """
        rows, near, ctx = self.rows, self._near_rows, self._ctx_rows

        def by_template(table: dict) -> dict[str, dict]:
            out: dict[str, dict] = {}
            for attr, r in table.items():
                t, eq, v = attr.partition("=")
                if eq:
                    out.setdefault(t, {})[v] = r
            return out

        own_t, near_t, ctx_t = by_template(rows), by_template(near), by_template(ctx)
        empty: dict = {}
        (self._o_p1, self._o_p2, self._o_p3, self._o_x1, self._o_x2, self._o_x3, self._o_y2,
         self._o_y3, self._o_y4, self._o_q2, self._o_q3, self._o_s, self._o_pc, self._o_k) = (
            own_t.get(t, empty) for t in (
                "p1", "p2", "p3", "x1", "x2", "x3", "y2", "y3", "y4", "q2", "q3", "s", "pc", "k"))
        self._n_x2 = near_t.get("x2", empty)
        # the word itself, its bare form, trigger class and punctuation: value → (own row,
        # near pair, ctx pair) in one lookup
        self._t_w, self._t_r, self._t_trig, self._t_punct = (
            {v: (own_t.get(t, empty).get(v, 0), near_t.get(t, empty).get(v, (0, 0)),
                 ctx_t.get(t, empty).get(v, (0, 0)))
             for v in set(own_t.get(t, empty)) | set(near_t.get(t, empty)) | set(ctx_t.get(t, empty))}
            for t in ("w", "r", "T", "P"))
        self._row_bias = rows.get("bias", 0)
        self._row_al, self._near_al = rows.get("al", 0), near.get("al", (0, 0))
        self._row_lat = rows.get("LAT", 0)
        self._row_len = [rows.get(f"len={i}", 0) for i in range(11)]
        self._row_digits = [rows.get(f"D{i}", 0) for i in range(6)]
        self._nothing = (0, (0, 0), (0, 0))
        # word-class entry → (own rows, near and ctx pair of the class a neighbour sees, near
        # pairs of classes 2 and 4)
        self._cl_rows = {w: self._class_rows(cl or ("nocl",)) for w, cl in self.featurizer.clusters.items()}
        self._nocl_rows = self._class_rows(("nocl",))
        # gazetteer key → (own rows of its name roles, near pair of the first)
        self._role_rows = {k: (tuple(r for r in (rows.get(f, 0) for f in roles) if r),
                               near.get(roles[0], (0, 0)))
                           for k, roles in self.gaz.token_roles.items() if roles}

    def _class_rows(self, cl: tuple[str, ...]) -> tuple:
        seen = cl[1] if len(cl) > 1 else cl[0]
        more = (*self._near_rows.get(cl[2], (0, 0)), *self._near_rows.get(cl[4], (0, 0))) if len(cl) > 4 else ()
        return (tuple(r for r in (self.rows.get(f, 0) for f in cl) if r), self._near_rows.get(seen, (0, 0)),
                self._ctx_rows.get(seen, (0, 0)), more)

    def _word_rows(self, norm: str) -> tuple[str, str, list[int], list[int], list[int]]:
        """(gazetteer key, bare form, own rows, (-1, +1) row pairs, (-2, +2) row pairs) of a word:
        the rows of :meth:`Featurizer.base`'s features, in its order, less some zero rows
        (checked in tests/test_entities.py). Row pairs come flat: [-1, +1, -1, +1, …]."""
        fz = self.featurizer
        n_pro, stem = strip_proclitics(norm)
        al = stem.startswith("ال")
        bare = stem[2:] if al and len(stem) > 3 else stem
        key = fz._key(norm)
        triggers = self.gaz.triggers
        trig = triggers.get(stem) or triggers.get(key) or triggers.get(norm)
        # word classes: by stem, else by the first clitic reading that has some (Featurizer._classes)
        cl_rows = self._cl_rows
        c = cl_rows.get(stem)
        if c is None:
            for _, st, _ in clitic_candidates(norm):
                c = cl_rows.get(st)
                if c is not None:
                    break
            else:
                c = self._nocl_rows
        nothing = self._nothing
        w = self._t_w.get(norm, nothing)
        r = self._t_r.get(bare, nothing)
        own = [self._row_bias, w[0], r[0]]
        near = [*w[1], *r[1]]
        ctx = [*w[2], *r[2]]
        if trig:
            t = self._t_trig.get(trig, nothing)
            near += t[1]
            ctx += t[2]
        punct = not norm[0].isalnum()
        if punct:
            pu = self._t_punct.get(norm[0], nothing)
            near += pu[1]
            ctx += pu[2]
        near += c[1]
        ctx += c[2]
        near += self._n_x2.get(bare[-2:], (0, 0))
        if c[3]:
            near += c[3]
        if al:
            near += self._near_al
        own += (self._o_p1.get(norm[:1], 0), self._o_p2.get(norm[:2], 0), self._o_p3.get(norm[:3], 0),
                self._o_x1.get(norm[-1:], 0), self._o_x2.get(norm[-2:], 0), self._o_x3.get(norm[-3:], 0),
                self._o_y2.get(bare[-2:], 0), self._o_y3.get(bare[-3:], 0), self._o_y4.get(bare[-4:], 0),
                self._o_q2.get(bare[:2], 0), self._o_q3.get(bare[:3], 0), self._row_len[min(len(bare), 10)])
        own += c[0]
        ro = self._role_rows.get(key)
        if ro is not None:
            own += ro[0]
            near += ro[1]
        if stem != norm:
            own.append(self._o_s.get(stem, 0))
            own.append(self._o_pc.get(norm[:n_pro], 0))
        if key != norm and key != stem:
            own.append(self._o_k.get(key, 0))
        if al:
            own.append(self._row_al)
        if trig:
            own.append(t[0])
        if norm.isdigit():
            own.append(self._row_digits[min(len(norm), 5)])
        elif norm.isascii() and norm.isalpha():
            own.append(self._row_lat)
        elif punct:
            own.append(pu[0])
        return key, bare, own, near, ctx

    # -- scoring ---------------------------------------------------------------------------
    def _word(self, norm: str) -> int:
        """The word's id (see ``_words``); a new word's row of scores (as token, as -1, +1,
        -2, +2) is filled by the next :meth:`_flush_new_words`."""
        k = self._words.get(norm)
        if k is None:
            k = len(self._words)
            if k == len(self._mats):
                self._mats = np.concatenate([self._mats, np.zeros_like(self._mats)])
                self._w_left = np.concatenate([self._w_left, np.zeros_like(self._w_left)])
                self._w_right = np.concatenate([self._w_right, np.zeros_like(self._w_right)])
            key, bare, own, near, ctx = self._word_rows(norm)
            self._new_own.append(own)
            self._new_near.append(near)
            self._new_ctx.append(ctx)
            self._new_words.append(k)
            self._w_key.append(key)
            self._w_bare.append(bare)
            self._w_left[k] = bare in self._bigram_left
            self._w_right[k] = bare in self._bigram_right
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
        mats = self._mats
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
            self._w_key, self._w_bare = [], []
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
        m = self._mats[ida]
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
        bare = self._w_bare
        # tokens whose bare form opens a word pair the model has, before one that closes one
        pairs = np.flatnonzero(self._w_left[ida[:-1]] & self._w_right[ida[1:]]).tolist()
        for i in pairs:
            if i + 1 not in first:
                pr = bigram_rows.get(bare[ids[i]] + "|" + bare[ids[i + 1]])
                if pr is not None:
                    targets += (i + 1, i)
                    rows += pr
        self._gazetteer_rows(list(map(self._w_key.__getitem__, ids)), first, targets, rows)
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
        """Best label ids for several sentences at once (emission matrices of any lengths).

        The time loop is the cost (a few numpy calls per step, on tiny arrays), so it keeps
        only the running maxima; the back-pointers are recomputed afterwards in one batched
        argmax over the same sums (bit-identical, first index wins ties as before). Sentences
        go longest first, so each step only computes the sentences still running (a leading
        slice, changed once per run of steps), with the labels a step maximises over on the
        first axis (one reduction over whole rows).
        """
        lengths = [len(e) for e in batch]
        b, n = len(batch), len(self.labels)
        order = sorted(range(b), key=lengths.__getitem__, reverse=True)
        ls = [lengths[k] for k in order]
        t_max = ls[0]
        em = np.zeros((t_max, b, n))
        for j, k in enumerate(order):
            em[:ls[j], j] = batch[k]
        deltas = np.empty((t_max, b, n))  # (step, sentence, label); unused past a sentence's end
        deltas[0] = em[0]
        prevs = deltas.transpose(0, 2, 1)[:, :, :, None]  # (step, from, sentence, 1): a view
        trans = self.trans[:, None, :]  # (from, 1, to)
        s_all = np.empty((n, b, n))  # (from, sentence, to)
        best_all = np.empty((b, n))
        add, max_from = np.add, np.maximum.reduce
        t, running = 1, b
        while t < t_max:
            while ls[running - 1] <= t:
                running -= 1
            t_end = ls[running - 1]  # the first `running` sentences all go on until t_end
            s, best = s_all[:, :running], best_all[:running]
            for prev, cur, e_t in zip(prevs[t - 1:t_end - 1, :, :running], deltas[t:t_end, :running],
                                      em[t:t_end, :running]):
                add(prev, trans, out=s)
                add(max_from(s, 0, out=best), e_t, out=cur)
            t = t_end
        # back-pointers of the (sentence, step) pairs that have a next step, sentence by
        # sentence: (pairs, to) over the previous step's sums plus each transition
        last = np.array(ls) - 1
        sent, step = np.nonzero(np.arange(t_max - 1) < last[:, None])
        backs = (deltas[step, sent][:, None, :] + self.trans_t).argmax(2).ravel().tolist()  # [row * n + to]
        finals = deltas[last, np.arange(b)].argmax(1).tolist()
        out: list[list[int]] = [[] for _ in range(b)]
        end = 0
        for j, k in enumerate(order):
            start, end = end, end + ls[j] - 1  # this sentence's rows of backs
            y = finals[j]
            path = [y]
            for t in range(n * (end - 1), n * start - 1, -n):
                y = backs[t + y]
                path.append(y)
            path.reverse()
            out[k] = path
        return out

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
        ems = self.emissions_many([_norms(toks) for toks in sentences])
        if keep is not None:
            keep.extend(ems)
        labels = self.labels
        o, inside_of = self._label_o, self._inside_of
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


_MODEL: NerModel | None = None


def model() -> NerModel:
    global _MODEL
    if _MODEL is None:
        model_path, gaz_dir = resource_paths()
        sources = [model_path, *gaz_dir.glob("*.t*"), Path(__file__), Path(features.__file__)]
        _MODEL = compiled("ner", sources, lambda: NerModel(model_path, gaz_dir))
    return _MODEL


@stage("entities", requires=("sentences", "tokens", "boilerplate"),
       assigns=("entities",))
class EntitiesStage:
    """PER / ORG / LOC / MISC spans from the CRF tagger and gazetteers."""

    def __call__(self, doc: Doc) -> Doc:
        m = model()
        sents = [t for t in map(doc.tokens_of, doc.content_sentences()) if t]
        ems: list[np.ndarray] = []
        found = m.doc_spans(sents, ems)
        o = m._label_o

        def name_prob(si: int, ti: int) -> float:
            row = ems[si][ti]
            p = np.exp(row - row.max())
            return 1.0 - float(p[o] / p.sum())

        # names inside boilerplate left in content sentences (credits, inserted links) are
        # not part of the article; a dateline's place ("دبي، الإمارات العربية المتحدة (CNN)")
        # is, as in the gold format
        clutter = [b for b in doc.boilerplate if b.kind != "dateline"]
        doc.entities = [Entity(start, end, label, Provenance("entities", rule, score))
                        for start, end, label, score, rule in consistent(doc.text, found, sents, name_prob)
                        if end > start and not any(b.start <= start and end <= b.end for b in clutter)]
        return doc
