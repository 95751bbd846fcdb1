"""Guards of linear time on long documents: each part that once scanned the whole document per
sentence or per item now touches only its own span. Counted in operations, not wall-clock."""
from __future__ import annotations

import re

import numpy as np

from marsad.actors.atoms import WordEnds
from marsad.doc import Doc, Event, Provenance
from marsad.entities import viterbi
from marsad.times.patterns import expression_starts, lexicon

SENTENCE = "وقال وزير الخارجية يوم الاثنين 12 مارس 2018 إن المحادثات ستستمر. "


class _Recording:
    """An automaton wrapper that records the length of the text each call is given (the
    automaton copies all of it, whatever the bounds)."""

    def __init__(self, auto):
        self.auto = auto
        self.sizes: list[int] = []

    def iter(self, text, *bounds):
        self.sizes.append(len(text))
        return self.auto.iter(text, *bounds)


def test_time_keywords_scan_only_the_sentence():
    text = SENTENCE * 2000
    auto = _Recording(lexicon().keys)
    lo = len(SENTENCE) * 1000
    hi = lo + len(SENTENCE)
    starts = expression_starts(text, auto, lo, hi)
    assert starts and all(lo <= s < hi for s in starts)
    assert auto.sizes == [len(SENTENCE)]  # not the whole text (copied by pyahocorasick per call)
    assert starts == [s + lo for s in expression_starts(SENTENCE, lexicon().keys, 0, len(SENTENCE))]


def test_viterbi_groups_bound_padding_and_keep_paths(monkeypatch):
    rng = np.random.default_rng(0)
    trans = rng.normal(size=(5, 5))
    lengths = [3] * (viterbi._GROUP * 4) + [400]  # one very long sentence among many short ones
    batch = [rng.normal(size=(n, 5)) for n in lengths]
    seen: list[int] = []  # padded cells of each call: its sentences times its longest
    inner = viterbi._best_paths

    def spy(b, t, tt):
        assert len(b) <= viterbi._GROUP
        seen.append(len(b) * max(map(len, b)))
        return inner(b, t, tt)

    monkeypatch.setattr(viterbi, "_best_paths", spy)
    paths = viterbi.best_paths(batch, trans, trans.T.copy())
    # the long sentence pads its own group only, not every sentence of the document
    assert sum(seen) <= viterbi._GROUP * max(lengths) + 3 * len(lengths)
    alone = [inner([e], trans, trans.T.copy())[0] for e in batch[-3:]]
    assert paths[-3:] == alone


def _event(start: int) -> Event:
    return Event(start, start + 5, "CONSULT", Provenance("events", "test"))


def test_event_index_matches_a_scan_in_list_order():
    doc = Doc(text="x" * 5000, id="t")
    for start in (40, 10, 900, 300, 300, 1200, 20):  # not in text order
        doc.events.append(_event(start))
        for lo in range(0, 1500, 50):
            want = [ev for ev in doc.events if lo <= ev.start < lo + 300]
            assert doc.starting_in("events", lo, lo + 300) == want
    del doc.events[-1]
    doc.events.append(_event(30))  # changed, not only appended to: indexed again
    assert doc.starting_in("events", 0, 100) == [ev for ev in doc.events if ev.start < 100]
    doc.events = [_event(5)]  # a replaced list is indexed again
    assert doc.starting_in("events", 0, 10) == doc.events


def test_word_ends_index_only_the_forms_asked_and_find_phrases_as_str_find():
    text = "قال السوداني ثم محمد شياع السوداني وللسوداني و شياع السوداني شياع السوداني"
    ends = WordEnds(text, ["السوداني", "شياع السوداني"])
    # word endings: the form ends a word and starts at most three letters into it
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\W_]+", text)]
    want = [e - 8 for s, e in words if text[s:e].endswith("السوداني") and e - 8 - s < 4]
    assert want and list(ends.occurrences("السوداني", 0)) == want
    assert list(ends.occurrences("السوداني", want[1])) == want[1:]
    want, pos = [], text.find("شياع السوداني")
    while pos >= 0:
        want.append(pos)
        pos = text.find("شياع السوداني", pos + 1)
    assert len(want) == 3 and list(ends.occurrences("شياع السوداني", 0)) == want
    assert list(ends.occurrences("شياع السوداني", want[0] + 1)) == want[1:]
    assert set(ends._index) <= {"السوداني", "شياع السوداني"}  # not every word ending of the text


def test_contradiction_pairs_match_every_pair_test():
    from marsad.stances.lexicon import OPPOSE, SUPPORT
    from marsad.stances.propositions import _conflicting_pairs, conflicting

    stances = [(h, t, i, p) for h in ("a1", "a2", None) for t in ("a3", None) for i in ("troops", None)
               for p in (SUPPORT, OPPOSE, "neutral")] * 2
    every = [(i, j) for i in range(len(stances)) for j in range(i + 1, len(stances))
             if conflicting(stances[i], stances[j])]
    assert every and sorted(_conflicting_pairs(stances)) == every


def test_long_documents_run_with_the_cyclic_collector_paused():
    import gc

    from marsad.doc import Doc
    from marsad.pipeline import LONG_TEXT, Pipeline

    seen = []

    class Probe:
        name, requires, assigns = "probe", (), ()

        def __call__(self, doc):
            seen.append(gc.isenabled())
            return doc

    pipeline = Pipeline([Probe()])
    assert gc.isenabled()
    pipeline(Doc(text="x" * (LONG_TEXT + 1), id="long"))
    pipeline(Doc(text="قال الرئيس.", id="short"))
    assert seen == [False, True] and gc.isenabled()
