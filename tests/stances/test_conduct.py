"""Judgements of a party not named in the judging clause itself, on real 2018 news sentences:
conduct nouns with a possessive pronoun (``marsad.stances.conduct``), parties coordinated as the
subject of a verdict and a wrong done by "whoever" in a content about one party
(``marsad.stances.verdicts``) — positive, and the wordings that must make none."""
from __future__ import annotations

import pytest
from stances.test_stances import analyse
from statements.test_statements import _context

from marsad.stances.conduct import extract as conduct_stances
from marsad.stances.verdicts import extract as verdict_stances

IR, SY, RU = ("GPE", "IRN", "GOV"), ("GPE", "SYR", "GOV"), ("GPE", "RUS", "GOV")


def judged(doc, reader) -> set[tuple[str, str, str]]:
    return {(doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity) for s in reader(doc)}


POSITIVE = [
    # "ونرفض تدخلاتها": the pronoun's party, named before, owns the interference
    (conduct_stances, "FR-middleEast-290-20180415", "ونرفض تدخلاتها", 0,
     {"الملك سلمان": ("PER", "SAU", "GOV"), "إيران": IR}, ("الملك سلمان", "إيران", "oppose")),
    # "تفضل الخوذ البيضاء … أن تهرب من سوريا لتكشف … نفاقها": not Syria, under a preposition
    (conduct_stances, "FR-middleEast-830-20180724", "نفاقها", 0,
     {"وزارة الخارجية الروسية": ("ORG", "RUS", "GOV"), "الخوذ البيضاء": ("ORG", "SYR", "NGO"), "سوريا": SY},
     ("وزارة الخارجية الروسية", "الخوذ البيضاء", "oppose")),
    # two parties coordinated as the subject: both are judged
    (verdict_stances, "CN-middleEast-254-20180313", "لم يكن في نيتهم", 1,
     {"هيلي": ("PER", "USA", "GOV"), "النظام السوري": SY, "الروس": RU}, ("هيلي", "الروس", "oppose")),
    # "بمن مارس الغدر": whoever did it is the one party the content is about
    (verdict_stances, "CN-middleEast-567-20180411", "بمن مارس الغدر", 0,
     {"أنور قرقاش": ("PER", "ARE", "GOV"), "الدوحة": ("GPE", "QAT", "GOV")}, ("أنور قرقاش", "الدوحة", "oppose")),
]


@pytest.mark.parametrize("reader, rid, anchor, before, names, expected", POSITIVE)
def test_unnamed_judgements(reader, rid, anchor, before, names, expected):
    doc = analyse(_context(rid, anchor, before), names)
    found = judged(doc, reader)
    assert expected in found
    assert all(t != "سوريا" for _, t, _ in found)
    assert any((doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity) == expected for s in doc.stances)


NEGATIVE = [
    # "باستفزاز القوات العمومية": a verbal noun with its object judges an act; the content's one
    # party (the security forces) is not its doer
    ("FR-internationalNews-435-20180315", "باستفزاز القوات", 0,
     {"السلطات": ("ORG", "MAR", "GOV"), "قوات الأمن": ("ORG", "MAR", "COP")}),
    # "المزاعم بأن الحكومة السورية … وتمثل استفزازا": the claims, not the accused government, are judged
    ("SK-middleEast-870-20180409", "وتمثل استفزازا", 0,
     {"سيرغي لافروف": ("PER", "RUS", "GOV"), "الحكومة السورية": SY}),
    # "الإفراج عن برانسون سيكون خطوة إيجابية": an act is judged, not Brunson
    ("SK-internationalNews-3423-20181011", "خطوة إيجابية", 0,
     {"مايك بومبيو": ("PER", "USA", "GOV"), "برانسون": ("PER", "USA", "CVL")}),
    # "قمعهم" (repressing them): a transitive act's pronoun is its patient, not listed as conduct
    ("BB-internationalNews-455-20180503", "وقمعهم", 0,
     {"الاتحاد الدولي للصحفيين": ("ORG", None, "NGO"), "الجماعات المسلحة": ("ORG", None, "REB")}),
]


@pytest.mark.parametrize("rid, anchor, before, names", NEGATIVE)
def test_no_unnamed_judgement(rid, anchor, before, names):
    doc = analyse(_context(rid, anchor, before), names)
    assert judged(doc, verdict_stances) == set() and judged(doc, conduct_stances) == set()
