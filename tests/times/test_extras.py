"""Times read off other times and day parts: coordinated days, a day of the same month, parts of
the day, seasons, plans told in the past. Sentences from ant_news (ids in comments)."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.text.stage import TextStage
from marsad.times.stage import TimesStage


def found(text: str, published: str) -> set[tuple[str, str]]:
    doc = TimesStage()(TextStage()(Doc(text=text, id="t", published=published)))
    return {(doc.text[t.start:t.end], t.value) for t in doc.times}


POSITIVE = [
    # BB-middleEast-278-20180402: three coordinated days twice, the second run in "the same month"
    ("وأجريت الانتخابات أيام 16 و17 و18 مارس/آذار خارج البلاد، و26 و27 و28 من الشهر ذاته داخل البلاد.",
     "2018-04-02", {("16", "2018-03-16"), ("17", "2018-03-17"), ("18 مارس/آذار", "2018-03-18"),
                    ("26", "2018-03-26"), ("27", "2018-03-27"), ("28 من الشهر ذاته", "2018-03-28")}),
    # AL-internationalNews-1391-20180531
    ("وتستضيف القاهرة يومي 18 و19 يونيو المقبل أعمال اللجنة التساعية بين دول مصر والسودان وأثيوبيا.",
     "2018-05-31", {("18", "2018-06-18"), ("19 يونيو المقبل", "2018-06-19")}),
    # FR-internationalNews-886-20180424
    ("قبل قمة مجموعة السبع يومي 8 و9 حزيران/يونيو في كيبيك من أجل إعداد رد موحد أكثر صرامة.",
     "2018-04-24", {("8", "2018-06-08"), ("9 حزيران/يونيو", "2018-06-09")}),
    # SK-middleEast-2868-20180714: "until the 24th of the same month"
    ("أعلنت الإمارات عن إطلاق الأسبوع الإماراتي - الصيني الذي يستمر من 17 يوليو الجاري لغاية 24 من الشهر نفسه.",
     "2018-07-14", {("17 يوليو الجاري", "2018-07-17"), ("24 من الشهر نفسه", "2018-07-24")}),
    # FR-internationalNews-2290-20180714, SK-middleEast-1577-20180510, AL-internationalNews-706-20180331
    ("فيما تجمع نحو مئة صحافي في المكان منذ الفجر.", "2018-07-14", {("منذ الفجر", "2018-07-14")}),
    ("وكان الجيش الإسرائيلي قد أعلن، الخميس، أنه نفذ غارات ردا على إطلاق الصواريخ ليلا على مواقعه.",
     "2018-05-10", {("الخميس", "2018-05-10"), ("ليلا", "2018-05-10")}),
    ('مشدداً على أنه "كان يجدر بنا أن نتوصل إلى ترتيب يتيح لكل الأطراف أن يشاركوا هذا المساء".',
     "2018-03-31", {("هذا المساء", "2018-03-31")}),
    # seasons: SK-internationalNews-29-20180219, SK-internationalNews-3163-20180908 (September:
    # the summer just ended), FR-internationalNews-2165-20180705
    ("وأوقفت ميلينا بوغدير في مدينة الموصل بشمال العراق الصيف الماضي مع أطفالها الأربعة.",
     "2018-02-19", {("الصيف الماضي", "2017")}),
    ("ويعد حريق دلتا الأخير في سلسلة الحرائق التي اجتاحت المنطقة هذا الصيف.", "2018-09-08",
     {("هذا الصيف", "2018")}),
    ("أكد ناصر بوضياف ترشحه للانتخابات الرئاسية المقررة في الربيع المقبل في الجزائر.", "2018-07-05",
     {("الربيع المقبل", "2019")}),
    # a plan told in the past: BB-middleEast-282-20180403 (points back), SK-internationalNews-2095-20180612
    # (planned for tomorrow and changed: tomorrow)
    ("وقد عطلت المحكمة العليا الإسرائيلية خططا سابقة لترحيل المهاجرين كان من المقرر أن يبدأ تنفيذها الأحد.",
     "2018-04-03", {("الأحد", "2018-04-01")}),
    ("وأضاف أن ترامب سيغادر سنغافورة مساء الثلاثاء بعد القمة بعدما كان من المقرر أن يغادر يوم الأربعاء.",
     "2018-06-12", {("مساء الثلاثاء", "2018-06-12"), ("الأربعاء", "2018-06-13")}),
    # day + month + الماضي: this year when the day is before the document date (SK-middleEast-1857-20180522)
    ("وفي 8 مايو الماضي قتل جنديان في هجوم انتحاري آخر.", "2018-05-22", {("8 مايو الماضي", "2018-05-08")}),
    ("وكان الاجتماع قد عقد في العاشر من آب/أغسطس الماضي في بغداد.", "2018-08-03",
     {("العاشر من آب/أغسطس الماضي", "2017-08-10")}),
]


@pytest.mark.parametrize(("text", "published", "expected"), POSITIVE)
def test_read_off_and_day_parts(text, published, expected):
    assert found(text, published) == expected


NEGATIVE = [
    # clock times (FR-internationalNews-1098-20180506, CN-middleEast-354-20180324), habitual
    # (SK-internationalNews-3157-20180907), ظهرا "they two appeared" (SK-internationalNews-3559-20181019)
    ("وسيتواصل التصويت حتى السابعة مساء، ليبدأ ظهور النتائج تباعا.", "2018-05-06", "مساء"),
    ("حتى يضمنوا فتح اللجان في مواعيدها من التاسعة صباحًا وحتى التاسعة مساءً.", "2018-03-24", "صباح"),
    ("وفي كل مساء، يمكن مشاهدة مئات من حاملي الطبول وهم يخرجون من الاستاد.", "2018-09-07", "مساء"),
    ("ألقت السلطات القبض على أحد شابين ظهرا في صورة مثيرة للجدل مع الرئيس الفرنسي.", "2018-10-19", "ظهرا"),
    # a season without qualifier is no date; الربيع العربي is a name
    ("وتحدث عن تداعيات الربيع العربي على المنطقة.", "2018-05-06", "الربيع"),
]


@pytest.mark.parametrize(("text", "published", "word"), NEGATIVE)
def test_not_times(text, published, word):
    assert not any(word in t for t, _ in found(text, published))
