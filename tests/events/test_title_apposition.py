"""A verb-first subject told as a title with its body, a place phrase and the person's name
apposed ("اتهم رئيس مركز المصالحة الروسي في سوريا، فلاديمير سافتشينكو، الولايات المتحدة …"):
the person is the agent and the object comes after the name (args_order._title_subject), on
real ant_news sentences."""
from __future__ import annotations

import pytest

from tests.sentences import event_parties


@pytest.mark.parametrize("text, etype, source, target", [
    (("اتهم رئيس مركز المصالحة الروسي في سوريا، فلاديمير سافتشينكو، الولايات المتحدة الأمريكية باستخدام "
      "قنابل فوسفورية في دير الزور."), "ACCUSE", "فلاديمير سافتشينكو", "الولايات المتحدة الأمريكية"),
    (("اتهم ممثل الحزب الديمقراطي الكردستاني الإيراني المعارض، محمد صالح قادري، جهاز المخابرات الإيراني، "
      "بتدبير عملية الاغتيال."), "ACCUSE", "محمد صالح قادري", "المخابرات الإيرانية"),
])
def test_apposed_person_is_the_agent(text, etype, source, target):
    assert (source, target) in event_parties(text, etype)


def test_the_title_body_is_no_object():
    # the genitive of a lone title word belongs to the subject ("رئيس مركز المصالحة")
    parties = event_parties("اتهم رئيس مركز المصالحة الروسي في سوريا، فلاديمير سافتشينكو، الولايات "
                            "المتحدة الأمريكية باستخدام قنابل فوسفورية في دير الزور.", "ACCUSE")
    assert all(t not in ("مركز المصالحة الروسي", "فلاديمير سافتشينكو") for _, t in parties)


def test_person_after_a_place_phrase_is_no_object():
    # "استقبله السفير الأميركي ببرلين ريتشارد غرينيل": the ambassador is the subject, not the object
    parties = event_parties("وتوقف برانسون في ألمانيا، حيث استقبله السفير الأميركي ببرلين ريتشارد غرينيل، "
                            "ونشر صورا للقاء.", "CONSULT")
    assert all(t != "ريتشارد غرينيل" for _, t in parties)


def test_subject_name_in_quotation_marks():
    # the subject's own quotation marks close before the object
    text = ('اتهم "المجلس الوطني للمقاومة الإيرانية" المعارض في المنفى النظام الإيراني بالوقوف وراء محاولة '
            "تفجير تجمع.")
    assert ("المجلس الوطني للمقاومة الإيرانية", "إيران") in event_parties(text, "ACCUSE")


def test_title_apposed_to_a_person_is_no_object():
    text = ("حذرت سارة ساندرز، المتحدثة باسم البيت الأبيض، إيران من مغبة مهاجمة القنصلية الأمريكية في البصرة "
            "أو السفارة الأمريكية في العاصمة العراقية، بغداد.")
    assert ("سارة ساندرز", "إيران") in event_parties(text, "THREATEN")


def test_a_named_man_killed_is_the_victim():
    # "وقتل أبو سيد أوراكزاي، بحسب بيان …": no object after him, so قُتل
    text = ("ووقع الهجوم، السبت 25 أغسطس/ آب الماضي، في المنطقة الشرقية من محافظة نانغارهار، وقتل أبو سيد "
            "أوراكزاي، بحسب بيان للقوات الأمريكية في أفغانستان.")
    assert all(s != "أبو سيد أوراكزاي" for s, _ in event_parties(text, "ASSAULT"))
