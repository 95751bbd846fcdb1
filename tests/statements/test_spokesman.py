"""A spokesman told by a bare office and the body he speaks for ("المتحدث العسكري باسم "جيش
الإسلام"") is coded with that body's country and sector, not read as the article country's army
(actors.groups.institution_bare, statements.newspeakers), on a real ant_news sentence."""
from __future__ import annotations

import pytest

from tests.sentences import analysed


@pytest.mark.parametrize("text", [
    ('وذكر المتحدث العسكري باسم "جيش الإسلام"، في تصريح تلفزيوني، أن فيلق الرحمن رفض اقتراحا بتنسيق '
     "دفاع مشترك عن الغوطة واتهمه بقطع إمدادات المياه المطلوبة لملء خنادق دفاعية."),
    ("وذكر المتحدث العسكري باسم جيش الإسلام، في تصريح تلفزيوني، أن فيلق الرحمن رفض اقتراحا بتنسيق "
     "دفاع مشترك عن الغوطة."),
])
def test_spokesman_speaks_for_the_body_named(text):
    doc = analysed(text)
    speakers = [doc.actors[s.speaker] for s in doc.statements if s.speaker]
    assert speakers and all((a.country, a.type) == ("SYR", "REB") for a in speakers)


def test_a_report_told_with_awrada():
    # "وأوردت صحيفة … أن …": a paper's report is its statement
    doc = analysed('أوردت صحيفة "دايلي تلغراف" البريطانية اليوم الجمعة أن قوات سوريا الديمقراطية أطلقت عناصر من '
                   'تنظيم "الدولة الإسلامية" كانوا أسرى لديها، في إطار عمليات سرية لتبادل محتجزين مع التنظيم.')
    assert [doc.actors[s.speaker].name for s in doc.statements if s.speaker] == ["دايلي تلغراف"]


def test_the_quoted_name_of_an_addressee_is_no_content():
    # "أعلن لـ"سكاي نيوز عربية"، الخميس، استعادة …": whom he told, not what he said
    doc = analysed("وأوضح المسماري أن قرار حفتر أتى لأن أموال عائدات النفط تذهب إلى المتطرفين والمرتزقة الأجانب.\n"
                   'وكان المسماري أعلن لـ"سكاي نيوز عربية"، الخميس، استعادة القوات المسلحة السيطرة على ميناءي السدرة '
                   "ورأس لانوف من أيدي الميليشيات المتشددة.")
    assert doc.statements and all("سكاي نيوز" not in doc.text[s.start:s.end] for s in doc.statements)
