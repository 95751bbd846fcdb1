"""Actors stage: the typed kind of each mention (``MentionKind``), which the events stage reads
instead of the actors stage's rule names."""
from __future__ import annotations

from test_actors import run

from marsad.actors.kinds import mention_kind
from marsad.doc import MentionKind


def kinds(text: str) -> dict[str, MentionKind]:
    doc = run(text)
    return {doc.text[m.start:m.end]: m.kind for m in doc.mentions}


def test_places_persons_and_nationals():
    k = kinds("وقال الرئيس السوري بشار الأسد إن السوريين يرفضون التدخل الأميركي في دمشق وحلب.")
    assert k["الرئيس السوري"] is MentionKind.TITLE_NAME
    assert k["بشار الأسد"] is MentionKind.PERSON
    assert k["السوريين"] is MentionKind.NATIONALS
    assert k["دمشق"] is MentionKind.CAPITAL
    assert k["حلب"] is MentionKind.CITY
    assert k["الأميركي"] is MentionKind.OTHER  # a nisba of the military: no place


def test_country_borrowed_from_the_document():
    k = kinds("أعلنت وزارة الداخلية العراقية أن الجيش قتل مسلحين في الموصل، وقالت الشرطة إن مسلحين "
              "مجهولين هاجموا حاجزا.")
    assert k["الجيش"] is MentionKind.BORROWED
    assert k["مسلحين مجهولين"] is MentionKind.BORROWED
    assert k["وزارة الداخلية العراقية"] is MentionKind.OTHER  # names its own country
    assert k["الموصل"] is MentionKind.CITY


def test_unknown_rule_is_other():
    assert mention_kind(None) is MentionKind.OTHER
    assert mention_kind("surname") is MentionKind.OTHER
