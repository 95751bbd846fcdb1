"""Viterbi decoding of several sentences at once over a linear-chain CRF's scores (numpy)."""
from __future__ import annotations

import numpy as np

# Sentences decoded together at most: the arrays are padded to the longest sentence of a group,
# and a long document's longest sentence grows with it, so one group for all would cost more than
# linear time and memory. Groups of sentences of similar lengths keep the padding small.
_GROUP = 512


def best_paths(batch: list[np.ndarray], trans: np.ndarray, trans_t: np.ndarray) -> list[list[int]]:
    """:func:`_best_paths` of groups of at most ``_GROUP`` sentences, longest first (each
    sentence's sums are the same whatever its group)."""
    if len(batch) <= _GROUP:
        return _best_paths(batch, trans, trans_t)
    order = sorted(range(len(batch)), key=lambda k: len(batch[k]), reverse=True)
    out: list[list[int]] = [[] for _ in batch]
    for g in range(0, len(order), _GROUP):
        ks = order[g:g + _GROUP]
        for k, path in zip(ks, _best_paths([batch[k] for k in ks], trans, trans_t)):
            out[k] = path
    return out


def _best_paths(batch: list[np.ndarray], trans: np.ndarray, trans_t: np.ndarray) -> list[list[int]]:
    """Best label ids for several sentences at once (emission matrices of any lengths).

    The time loop is the cost (a few numpy calls per step, on tiny arrays), so it keeps
    only the running maxima; the back-pointers are recomputed afterwards in one batched
    argmax over the same sums (bit-identical, first index wins ties as before). Sentences
    go longest first, so each step only computes the sentences still running (a leading
    slice, changed once per run of steps), with the labels a step maximises over on the
    first axis (one reduction over whole rows).
    """
    lengths = [len(e) for e in batch]
    b, n = len(batch), len(trans)
    order = sorted(range(b), key=lengths.__getitem__, reverse=True)
    ls = [lengths[k] for k in order]
    t_max = ls[0]
    em = np.zeros((t_max, b, n))
    for j, k in enumerate(order):
        em[:ls[j], j] = batch[k]
    deltas = np.empty((t_max, b, n))  # (step, sentence, label); unused past a sentence's end
    deltas[0] = em[0]
    prevs = deltas.transpose(0, 2, 1)[:, :, :, None]  # (step, from, sentence, 1): a view
    trans_3d = trans[:, None, :]  # (from, 1, to)
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
            add(prev, trans_3d, out=s)
            add(max_from(s, 0, out=best), e_t, out=cur)
        t = t_end
    # back-pointers of the (sentence, step) pairs that have a next step, sentence by
    # sentence: (pairs, to) over the previous step's sums plus each transition
    last = np.array(ls) - 1
    sent, step = np.nonzero(np.arange(t_max - 1) < last[:, None])
    backs = (deltas[step, sent][:, None, :] + trans_t).argmax(2).ravel().tolist()  # [row * n + to]
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
