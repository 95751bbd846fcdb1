"""A first-person verb inside a quote ("نرفض …", "اتفقنا مع …") has the quote's speaker as its
agent, named outside the quote: the stance the interaction shows is the speaker's, though the
speaker is not named beside the verb (Sky News Arabia, 2018-03-21)."""
from __future__ import annotations

from sentences import analysed

QUOTE = (
    "أكد وزير الخارجية العراقي إبراهيم الجعفري، أن بلاده \"ترفض رفضا قاطعا خرق القوات التركية للحدود العراقية\".\n"
    "وقال الجعفري أثناء لقائه نائب وزير الخارجية التركي أحمد يلمز، في بغداد، الأربعاء: \"لن نسمح بتواجد أي قوات "
    "على أراضينا لتقوم بعمليات عسكرية في أي دولة من دول الجوار\".\n"
    "وتابع الوزير العراقي: \"نرفض رفضا قاطعا خرق القوات التركية للحدود العراقية، ونجدد تأكيدنا على ضرورة انسحاب "
    "القوات التركية من بعشيقة\".\n"
)


def test_first_person_refusal_is_the_speakers_stance():
    doc = analysed(QUOTE)
    got = [(doc.actors[s.holder].name, doc.actors[s.target].country, s.polarity)
           for s in doc.stances if doc.text[s.start:s.end].startswith("نرفض")]
    assert ("إبراهيم الجعفري", "TUR", "oppose") in got, got


def test_only_a_first_person_verb_takes_its_agent_from_the_quote():
    doc = analysed(QUOTE)
    marks = {doc.text[e.trigger[0]:e.trigger[1]]: e.source_from for e in doc.events if e.type == "REJECT"}
    assert marks.get("نرفض") == "speaker", marks
    assert "ترفض" not in marks or marks["ترفض"] is None, marks  # "بلاده ترفض": its own subject
