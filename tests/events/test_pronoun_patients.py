"""Patients given by a pronoun suffix or a verb's agreement, on real news (../shared/data/ant_news,
2018): the nearest earlier actor of the pronoun's person, gender and number."""
from __future__ import annotations

from sentences import event_parties

events = event_parties


def test_suffix_of_an_arrest_is_the_man_the_sentence_names():
    got = events("رفضت محكمة ألمانية الخميس تسليم رئيس كاتالونيا السابق كارلس بيغديمونت إلى إسبانيا. "
                 "وكانت الشرطة الألمانية قد أوقفت في 26 آذار/ مارس الماضي بيغديمونت على الحدود مع الدانمارك، في "
                 "طريق عودته من فنلندا متوجها إلى منفاه في بلجيكا، قبل أن يمر عبر الحدود الألمانية الدانماركية حيث "
                 "تم اعتقاله بناء على مذكرة اعتقال أوروبية صادرة بحقه.", "COERCE")
    assert any(t and "بيغديمونت" in t for _, t in got), got


def test_plural_suffix_is_the_group_named_before():
    got = events("وغالبا ما يتم إطلاق سراح الصحافيين الذين يتم توقيفهم في اليونان في ظروف مشابهة بانتظار "
                 "محاكمتهم.", "COERCE")
    assert any(t == "الصحافيين" for _, t in got), got


def test_the_man_of_the_previous_sentence_who_is_its_subject():
    got = events("في السادس والعشرين من حزيران/يونيو 2015، ياسين صالحي يقتل رئيسه في العمل إيرفيه كورنارا ويقطع "
                 "رأسه قرب ليون. ثم يحاول تفجير مصنع في سان كوانتان-فالافييه، وسط شرق فرنسا، من خلال توجيه شاحنته "
                 "للاصطدام بقوارير غاز، قبل أن يتم اعتقاله.", "COERCE")
    assert got and all(t != "إيرفيه كورنارا" for _, t in got), got


def test_a_plural_subject_in_the_clause_is_no_pronoun():
    # "العشرات من موظفيهم تعرضوا": the clause names its patients; none is taken from before
    got = events("وعادة ما تقوم الميليشيات بتعذيب المعتقلين بطرق وحشية وتجبرهم على الاعتراف. وبحسب محامي إحدى "
                 "المجموعات التجارية في صنعاء، فإن العشرات من موظفيهم تعرضوا للاعتقال بشكل متكرر من قبل الحوثيين "
                 "بتهم واهية.", "COERCE")
    assert all(t != "المعتقلين" for _, t in got), got


def test_a_feminine_ending_is_no_pronoun_suffix():
    from marsad.events.anaphora import SUFFIXES
    assert all(end != "ة" for end, _ in SUFFIXES)
