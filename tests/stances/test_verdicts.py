"""Verdict stances: an evaluative word in what a speaker said judges the one actor its clause names
(``marsad.stances.verdicts``), on real 2018 news sentences — positive, and the wordings that must make
none: a definite adjective of another noun, a victim, an ally of someone else."""
from __future__ import annotations

import pytest
from stances.test_stances import analyse
from statements.test_statements import _context

from marsad.stances.verdicts import extract as verdict_stances

US, SY = ("GPE", "USA", "GOV"), ("GPE", "SYR", "GOV")


def verdicts(doc) -> set[tuple[str, str, str]]:
    return {(doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity) for s in verdict_stances(doc)}


POSITIVE = [
    # a judgement of the actor named right after it ("نفاق سوريا"), held by the ministry that said it
    ("CN-middleEast-1047-20180530", "نفاق سوريا", 0,
     {"وزارة الخارجية الأمريكية": ("ORG", "USA", "GOV"), "سوريا": SY},
     ("وزارة الخارجية الأمريكية", "سوريا", "oppose")),
    # a support predicate after its subject: "الولايات المتحدة حليفة وصديقة"
    ("SK-internationalNews-1360-20180504", "الولايات المتحدة حليفة", 2,
     {"نورمان فولر": ("PER", "GBR", "LEG"), "الولايات المتحدة": US},
     ("نورمان فولر", "الولايات المتحدة", "support")),
]


@pytest.mark.parametrize("rid, anchor, before, names, expected", POSITIVE)
def test_verdicts_on_real_sentences(rid, anchor, before, names, expected):
    doc = analyse(_context(rid, anchor, before), names)
    assert expected in verdicts(doc)
    assert any((doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity) == expected for s in doc.stances)


NEGATIVE = [
    # "الانقلاب الفاشل": the failed coup, not Erdogan, is what the adjective qualifies
    ("CN-middleEast-1413-20181005", "الانقلاب الفاشل", 0,
     {"محمد بن سلمان": ("PER", "SAU", "GOV"), "رجب طيب أردوغان": ("PER", "TUR", "GOV")}),
    # "نورة حسين ضحية والحكم عليها … غير مقبول": the sentence, not its victim, is judged
    ("BB-middleEast-486-20180511", "نورة حسين ضحية", 1,
     {"منظمة العفو الدولية": ("ORG", None, "NGO"), "نورة حسين": ("PER", "SDN", "CVL")}),
    # "حليف قديم للرئيس فلاديمير بوتين": an ally of Putin, said by a newspaper of someone else
    ("SK-internationalNews-3317-20181006", "حليف قديم", 0,
     {"ديلي ميل": ("ORG", "GBR", "MED"), "فلاديمير بوتين": ("PER", "RUS", "GOV")}),
]


@pytest.mark.parametrize("rid, anchor, before, names", NEGATIVE)
def test_no_verdict(rid, anchor, before, names):
    doc = analyse(_context(rid, anchor, before), names)
    assert verdicts(doc) == set()


def test_negation_flips_a_verdict():
    """"ترودو بأنه شخص غير نزيه": not honest is a judgement against him."""
    doc = analyse('وقال ترامب إن "ترودو شخص غير نزيه".', {"ترامب": ("PER", "USA", "GOV"), "ترودو": ("PER", "CAN", "GOV")})
    assert verdicts(doc) == {("ترامب", "ترودو", "oppose")}


def test_a_question_or_condition_is_no_verdict():
    names = {"ترامب": ("PER", "USA", "GOV"), "ترودو": ("PER", "CAN", "GOV")}
    assert verdicts(analyse('وقال ترامب: "هل ترودو شخص غير نزيه؟".', names)) == set()
    assert verdicts(analyse('وقال ترامب إنه "إذا كان ترودو شخصا غير نزيه فسنرد".', names)) == set()


def test_mocking_is_opposition():
    """"وسخر ترامب من وسائل الإعلام": mocking (سخر من) is an attitude against its object."""
    doc = analyse(_context("BB-internationalNews-982-20180816", "وسخر ترامب من وسائل الإعلام", 0),
                  {"ترامب": ("PER", "USA", "GOV"), "وسائل الإعلام": ("ORG", "USA", "MED")})
    assert ("ترامب", "وسائل الإعلام", "oppose") in {
        (doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity) for s in doc.stances}


def test_objecting_to_a_decision_is_no_stance_toward_an_actor():
    doc = analyse("واحتجت الحكومة على القرار الذي صدر أمس.", {"الحكومة": ("ORG", "IRQ", "GOV")})
    assert doc.stances == []


def test_own_country_adjective_is_no_verdict_target():
    """"تدخل … غير مقبول في الشأن الداخلي الفلسطيني" said by a Palestinian spokesman: his own country's
    adjective names what is defended, not the one judged (Friedman is, through the describing verb)."""
    doc = analyse(_context("CN-middleEast-426-20180330", "في الشأن الداخلي الفلسطيني", 0),
                  {"نبيل أبوردينة": ("PER", "PSE", "GOV"), "الفلسطيني": ("GPE", "PSE", "GOV"),
                   "ديفيد فريدمان": ("PER", "USA", "GOV")})
    assert not [t for _, t, _ in verdicts(doc) if t == "الفلسطيني"]


def test_a_partner_predicate_is_support():
    """"السعودية شريك رئيسي للولايات المتحدة": the letter's author (here its ministry) supports Saudi Arabia."""
    text = 'وقالت وزارة الدفاع الأمريكية ' + _context("SK-middleEast-170-20180302", "السعودية شريك رئيسي", 0)[len("وشدد الخطاب "):]
    doc = analyse(text, {"وزارة الدفاع الأمريكية": ("ORG", "USA", "MIL"), "السعودية": ("GPE", "SAU", "GOV")})
    assert ("وزارة الدفاع الأمريكية", "السعودية", "support") in verdicts(doc)
