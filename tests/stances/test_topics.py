"""Topics of attitude stances and which issues a cross-document flip may join, on real 2018
ant_news sentences: a reversal is only proposed between stances on the same topic (or a general
attitude against a topical one), never across two topics, nor from a conditional or someone
else's account."""
from __future__ import annotations

import pytest
from stances.test_stances import analyse
from statements.test_statements import _context

from marsad.stances.topics import topic_in
from marsad.text.normalize import normalize
from marsad.track.flips import compatible

IL, UK, TR, EG = ("GPE", "ISR", "GOV"), ("GPE", "GBR", "GOV"), ("GPE", "TUR", "GOV"), ("GPE", "EGY", "GOV")
TRUMP = ("PER", "USA", "GOV")


def props(doc):
    return {(doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity, s.issue) for s in doc.stances}


CASES = [
    # a day set off by commas between the subject and the object; the quoted charge names the topic
    ("CN-middleEast-321-20180320", "اتهمت تركيا، الثلاثاء، مصر", {"تركيا": TR, "مصر": EG},
     {("تركيا", "مصر", "oppose", "terrorism")}),
    # welcoming a withdrawal from the deal is about the deal, not about a military presence
    ("AL-internationalNews-1076-20180508", "رحبت إسرائيل، الثلاثاء، بقرار", {"إسرائيل": IL, "دونالد ترمب": TRUMP},
     {("إسرائيل", "دونالد ترمب", "support", "agreement")}),
    # cyber attacks named after the object: the accusation's topic (not a military strike)
    ("SK-internationalNews-3272-20181004", "اتهمت بريطانيا، الأربعاء", {"بريطانيا": UK,
     "أجهزة المخابرات الروسية": ("ORG", "RUS", "SPY")},
     {("بريطانيا", "أجهزة المخابرات الروسية", "oppose", "cyber")}),
]


@pytest.mark.parametrize("rid,anchor,names,expected", CASES, ids=[c[0] for c in CASES])
def test_topics_on_real_sentences(rid, anchor, names, expected):
    assert props(analyse(_context(rid, anchor, 0), names)) == expected


def test_a_relative_clause_between_commas_is_no_interposed_phrase():
    """"انتقد X، الذي …، Y": the relative clause's own object is not the critic's."""
    text = "انتقدت تركيا، التي أعلنت دعمها للعملية، مصر بشدة."
    assert props(analyse(text, {"تركيا": TR, "مصر": EG})) == set()


def test_topic_words():
    assert topic_in(normalize("رحب ترامب بالقمة المرتقبة مع كيم")) == "talks"
    assert topic_in(normalize("ندد بالعقوبات الأمريكية")) == "sanctions"
    assert topic_in(normalize("انتقد الحكومة بشدة")) is None  # a general attitude


def _row(issue: str, rule: str) -> tuple:
    return ("d", 0, 1, "2018-05-01", "support", "h", "t", issue, 0, rule)


def test_which_issues_a_flip_may_join():
    praise = _row("approval", "attitude.verb")
    assert compatible(praise, _row("talks", "attitude.verb"))  # praise, then condemning the summit
    assert compatible(_row("talks", "act.cancel.talks"), _row("talks", "attitude.verb"))
    # two topics never pair: backing talks and condemning strikes is no reversal
    assert not compatible(_row("talks", "attitude.verb"), _row("military", "attitude.verb"))
    # a general attitude and an act on a neutral issue ("a law lets the president end sanctions")
    assert not compatible(praise, _row("sanctions", "act.impose.sanctions"))


def _corpus_flips(tmp_path, rids):
    from stances.test_attitudes import _store

    from marsad.track.flips import flip_records

    return [f for f in flip_records(_store(tmp_path, rids)) if f["scope"] == "corpus"]


def test_two_topics_are_no_reversal(tmp_path):
    """Trump wants more cooperation with Turkey in Syria (March), then announces sanctions on it over
    a detained pastor (July): opposite stances on two issues, no flip between them."""
    assert _corpus_flips(tmp_path, ["SK-middleEast-608-20180328", "BB-middleEast-772-20180727"]) == []


def test_a_possibility_is_no_position(tmp_path):
    """Asked whether Putin bears responsibility for the attack, Trump says "ربما" (April): no stance,
    so no flip against his praise of Putin at Helsinki (July)."""
    assert _corpus_flips(tmp_path, ["SK-middleEast-901-20180410", "SK-internationalNews-2703-20180718"]) == []
