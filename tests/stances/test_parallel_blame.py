"""Two evaluations of one target side by side are one stance, not a double negative: the clause
chains multiply frames (يريد خروج …، رفض اتهام …), but evaluations that each point at the target
(انتقد X متهما إياه) agree or make none."""
from __future__ import annotations

from sentences import analysed


def _polarities(text: str) -> set[str]:
    return {s.polarity for s in analysed(text).stances}


def test_blame_and_accusation_of_one_target_oppose_it():
    # ant_news 2018 (Mahathir and Najib Razak)
    assert _polarities("وهاجم مهاتير نجيب رزاق رئيس الوزراء وحليفه السابق متهما إياه بالفساد.") == {"oppose"}


def test_criticism_then_accusation_is_no_support():
    # the shape of the sentence above with a state for target: −1 × −1 made it "support"
    assert _polarities("وانتقد وزير الخارجية السعودي قطر متهما إياها بدعم الإرهاب.") == {"oppose"}


def test_rejecting_an_accusation_still_composes():
    # a frame over an evaluation (رفض اتهام …) is no pair of evaluations: the accuser is opposed
    got = analysed("ورفض وزير الخارجية القطري اتهام السعودية لقطر بدعم الإرهاب.")
    assert any(s.polarity == "oppose" and s.prov.rule == "reject+accusation" for s in got.stances)
