"""Confidence expressed in a party and a vote of confidence are SUPPORT (triggers_phrases.yaml:
thiqa_an, manh_thiqa); confidence that something will happen is a belief, no backing. The
negatives are real ant_news sentences (2018); in 4,000 articles every "عن ثقته ب/في" is one."""
from __future__ import annotations

import pytest

from tests.sentences import event_parties

BELIEFS = [
    "ولكنه أعرب عن ثقته في إمكان تبلور تفاهم بين الجانبين على المدى البعيد.",
    "وأعرب نتانياهو عن ثقته بأن الرئيس الأميركي، دونالد ترامب، سيفعل الصواب في مراجعة الاتفاق النووي.",
    "وعبّر الاثنين عن ثقته بنجاح القمة وحماسته في تغريدة.",
    "وكان ستغنر قد عبر من خلاله عن ثقته بالتمكن من استيعاب مشكلة المهاجرين.",
]


@pytest.mark.parametrize("text", BELIEFS)
def test_confidence_in_an_outcome_is_no_support(text):
    assert event_parties(text, "SUPPORT") == []


def test_confidence_in_a_party_and_a_vote_of_confidence():
    # (by analogy with the study sentences; no such sentence is in the 4,000 ant_news articles)
    assert event_parties("وأعرب وزير الخارجية سامح شكري عن ثقته بالقضاء المصري.", "SUPPORT")
    assert ("البرلمان الإيطالي", "إيطاليا") in event_parties(
        "ومنح مجلس النواب الإيطالي الثقة لحكومة جوزيبي كونتي بأغلبية 350 صوتا.", "SUPPORT")
