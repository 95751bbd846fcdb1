"""A nisba right after a named group qualifies it and names no state of its own
(actors.compose._epithet), on real ant_news phrases; a nisba after a generic head still does."""
from __future__ import annotations

from tests.sentences import analysed, code_of


def _codes(text: str) -> set[tuple[str | None, str | None]]:
    doc = analysed(text)
    return {code_of(doc, m.actor) for m in doc.mentions}


def test_epithet_of_an_armed_group_names_no_state():
    text = ("وقال اليماني إن وجود صراعات داخل ميليشيات الحوثي الإيرانية تعرقل المشاورات التي ترعاها الأمم "
            "المتحدة في جنيف.")
    codes = _codes(text)
    assert ("YEM", "REB") in codes and not any(c == "IRN" for c, _ in codes)


def test_houthis_are_the_target_of_the_judgement():
    doc = analysed("وقال اليماني إن وجود صراعات داخل ميليشيات الحوثي الإيرانية تعرقل المشاورات التي ترعاها "
                   "الأمم المتحدة في جنيف.")
    assert all(code_of(doc, s.target)[0] != "IRN" for s in doc.stances)


def test_nisba_after_a_generic_head_keeps_its_state():
    codes = _codes("وشنت الطائرات الإسرائيلية غارات على مواقع حركة حماس في غزة.")
    assert ("ISR", "MIL") in codes


def test_the_resistance_with_a_nisba_is_an_armed_group():
    # "المقاومة اليمنية": Yemen's armed resistance, not the Yemeni state
    assert ("YEM", "REB") in _codes("ووجهت المقاومة اليمنية ضربات قاصمة لميليشيات الحوثي الإيرانية في الساحل الغربي.")


def test_a_junction_is_no_jordanian_town():
    # "مفرق زبيد" is the Zabid junction; the Jordanian town is "المفرق"
    assert ("JOR", None) not in _codes("وسيطرت قوات المقاومة على مفرق زبيد ومديرية الفازة.")
