"""Counted and partitive patients on real news (sentences of ../shared/data/ant_news, 2018): the
count is part of the group's name, "others" continue the group counted before them, and a
counted group a casualty word names is a victim, never the agent."""
from __future__ import annotations

from sentences import event_parties

events = event_parties


def test_counted_arrested_group_keeps_its_count():
    got = events("كما ألقت السلطات المصرية القبض على 25 شخصا، من بينهم أطباء وأكاديميون وممرضات ومشترون "
                 "للأعضاء البشرية، وجهت إليهم الرقابة الإدارية اتهامات بالمتاجرة بالأعضاء البشرية.", "COERCE")
    assert any(t == "25 شخصا" for _, t in got), got


def test_nationals_counted_by_digits():
    got = events("أعلنت السلطات البحرينية، السبت، اعتقال 14 إيرانيا تمكنوا من دخول البلاد عبر جوازات سفر "
                 "مزورة وبأسماء وهمية.", "COERCE")
    assert any(t == "14 إيرانيا" for _, t in got), got


def test_counted_title_noun_after_passive_verb():
    got = events("وقتل ثلاثة ضباط شرطة في الاشتباكات العنيفة.", "ASSAULT")
    assert any(t == "ثلاثة ضباط" for _, t in got), got


def test_accusative_others_are_the_object_not_the_subject():
    text = ("وقال متحدث باسم قوات الأمن الداخلي في الرقة التي شكلتها قوات سوريا الديمقراطية، إنها قتلت اثنين "
            "من أعضاء الخلية واعتقلت خمسة آخرين أثناء عملية نفذتها السبت.")
    got = events(text, "COERCE") + events(text, "ASSAULT")
    assert all(s != "خمسة آخرين" for s, _ in got), got


def test_injured_others_are_no_agent():
    got = events("وقتل 7 مدنيين وأصيب اثنان آخران في قصف للميليشيات الإيرانية على القرى السكنية في مديرية "
                 "الدريهمي جنوبي مدينة الحديدة.", "ASSAULT")
    assert got and all(s != "اثنان آخران" for s, _ in got), got


def test_counted_injured_are_victims():
    got = events("والخميس أعلن الصليب الأحمر أن 29 طفلا على الأقل قتلوا وأصيب 48 شخصا في قصف استهدف حافلة "
                 "تقل أطفالا في أحد أسواق محافظة صعدة شمال اليمن.", "ASSAULT")
    assert got and all(s != "48 شخصا" for s, _ in got), got


def test_a_vague_number_of_is_no_count():
    # "عدد من": no count, the group keeps its own name
    got = events("وأفاد مراسل العربية بوقوع اشتباكات عنيفة بين ميليشيات الحوثي وقوات الجيش أدت إلى مقتل عدد من "
                 "عناصر الميليشيات.", "ASSAULT")
    assert all(t is None or not t.startswith("عدد") for _, t in got), got


def test_a_counted_thing_is_no_group():
    # "3 آلاف كيلومتر" counts a distance: no counted head makes a group of it
    got = events("وتستطيع الطائرة قطع أكثر من 3 آلاف كيلومتر دون إعادة التزود بالوقود.", "ASSAULT")
    assert all(t is None or "كيلومتر" not in t for _, t in got), got


def _slots(text: str) -> list[tuple[str, str | None]]:
    from sentences import analysed

    from marsad.events.args_counts import counted_groups
    from marsad.events.args_slots import build_slots
    doc = analysed(text)
    words = [t for t in doc.tokens_of(doc.sentences[0]) if t.norm[:1].isalnum()]
    slots = counted_groups(doc, words, build_slots(doc, words, [w.start for w in words]))
    return [(s.name, s.prep) for s in slots]


def test_crowd_word_counts_the_others_after_bihaqq():
    names = _slots("وتلاحق السلطات منذ 2011 معارضيها وخصوصا من الشيعة، ونفذت أحكاما بالإعدام رميا بالرصاص بحق ثلاثة "
                   "وأصدرت أحكاما بالإعدام والسجن وسحب الجنسية بحق عشرات آخرين.")
    assert ("عشرات آخرين", "بحق") in names and ("عشرات", "بحق") not in names, names


def test_counted_group_of_various_nationalities():
    names = [n for n, _ in _slots("كما عثر الجيش بداخل هذه السيارات على أكثر من 3 ملايين و100 ألف قرص مخدر من أنواع "
                                  "مختلفة، و675 كجم من مادة الحشيش المخدر، واعتقل 538 متسللا من جنسيات مختلفة كانوا "
                                  "يحاولون الهجرة غير الشرعية.")]
    assert "538 متسللا من جنسيات مختلفة" in names, names
    assert not any("أنواع" in n or "قرص" in n for n in names), names


def test_far_target_stops_at_a_comma():
    # (the GSR sentence: "ضد القوات الأجنبية" belongs to the pledge after the comma, not the attack)
    got = events("وتأتي تلك التطورات فيما تبنت حركة طالبان أمس مسؤوليتها عن الهجوم، الذي أودى بحياة سبعة أفغان "
                 "وأميركيين في هجوم انتحاري في ولاية قندهار الجنوبية، وتعهدها بتصعيد هجماتها ضد القوات الأجنبية.",
                 "ASSAULT")
    assert ("حركة طالبان", "سبعة أفغان") in got, got
