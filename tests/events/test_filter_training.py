"""The filter's training labels follow gsr_score.py's two labellings (scripts/train_event_filter.py)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_event_filter.py"


@pytest.fixture(scope="module")
def trainer():
    spec = importlib.util.spec_from_file_location("train_event_filter", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("label,accept,total,want", [
    ("yes", 3, 3, (1, 1)),
    ("difficult no", 1, 3, (0, 0)),
    # most annotators accepted a "difficult no": an event by majority, not unanimously
    ("difficult no", 3, 5, (1, 0)),
    # "ambiguous" rows are left out of the unanimous labelling only
    ("ambiguous", 2, 3, (1, None)),
    ("ambiguous", 0, 1, (0, None)),
    # a tie is left out of the majority labelling
    ("difficult no", 2, 4, (None, 0)),
    ("ambiguous", 1, 2, (None, None)),
])
def test_gold_labels(trainer, label, accept, total, want):
    assert trainer.gold_labels({"label": label, "accept": str(accept), "total": str(total)}) == want


def test_scores_of_unlabelled_rows_are_left_out(trainer):
    # prf counts only rows the labelling keeps (y None: a tie or an ambiguous row)
    p, r, f = trainer.prf([0.9, 0.9, 0.1, 0.9], [1, None, 0, 0], 0.5)
    assert (round(p, 3), r) == (0.5, 1.0)


def test_hard_label_types_train_on_the_sentence_label(trainer):
    # PROTEST is trained on its majority label: a 2-of-3 sentence is a full positive, a 1-of-3 a
    # full negative (the soft share blurred the cues of its many split sentences)
    assert "PROTEST" in trainer.HARD_LABELS and "ASSAULT" not in trainer.HARD_LABELS
    rows = trainer.hard_targets([{"y": 1, "frac": 2 / 3}, {"y": 0, "frac": 1 / 3}, {"y": None, "frac": 0.5}])
    assert [r["target"] for r in rows] == [1.0, 0.0, None]


def test_fit_uses_the_hard_target_when_given(trainer):
    pytest.importorskip("sklearn", reason="fitting needs the train extra (pip install -e .[train])")
    # one feature seen only in sentences a third of annotators accepted: the soft label makes it
    # weakly positive against a feature never accepted; as hard negatives both are negatives
    rows = [{"y": 0, "frac": 1 / 3, "cands": [["a", "x"]]} for _ in range(4)]
    rows += [{"y": 0, "frac": 0.0, "cands": [["b", "x"]]} for _ in range(4)]
    rows += [{"y": 1, "frac": 1.0, "cands": [["c", "x"]]} for _ in range(4)]
    soft = trainer.fit(rows, 1.0)["weights"]
    hard = trainer.fit(trainer.hard_targets([dict(r) for r in rows]), 1.0)["weights"]
    assert soft["a"] - soft.get("b", 0.0) > hard["a"] - hard.get("b", 0.0)
