"""A partial quotation that opens at the verb ("إن روسيا «تصر على التصعيد»") leaves the subject
outside the quote marks: the quote mark is no clause break between them (real ant_news sentences).
A colon before the quote still is: the quoted words are the speaker's own clause."""
from __future__ import annotations

from sentences import analysed


def _events(text: str, etype: str):
    doc = analysed(text)
    return [(doc.actors[e.source].name if e.source else None, doc.actors[e.target].name if e.target else None)
            for e in doc.events if e.type == etype]


def test_subject_before_a_quoted_verb():
    # (Sky News Arabia, 2018-03-06)
    got = _events("وقال المتحدث باسم فيلق الرحمن إن روسيا \"تصر على التصعيد العسكري وتفرض التهجير القسري\" على "
                  "شعب الغوطة الشرقية.", "REQUEST")
    assert ("روسيا", None) in got, got


def test_subject_before_a_quoted_refusal_with_its_patient():
    # (BBC Arabic, 2018-07-20)
    got = _events("وقالت المتحدثة باسم البيت الأبيض إن الرئيس الأمريكي \"رفض\" اقتراح من بوتين بأن يسمح لروسيا "
                  "باستجواب المواطنين الأمريكيين.", "REJECT")
    assert got and got[0][0] == "دونالد ترامب" and got[0][1] == "فلاديمير بوتين", got


def test_colon_before_the_quote_keeps_the_break():
    got = _events("وقال وزير الخارجية الروسي سيرغي لافروف للصحفيين: \"ترفض الحكومة هذه الاتهامات\".", "REJECT")
    assert not any(src == "للصحفيين" for src, _ in got), got
