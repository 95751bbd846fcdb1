"""Judicial and official acts (marsad/resources/events/triggers_judicial.yaml) on real sentences of
../shared/data/ant_news (2018): charges brought, referrals to trial, investigations opened by a
named agent, lawsuits, sentences passed, acquittals; each with a sentence that must not give the
event."""
from __future__ import annotations

from sentences import event_parties, event_rules

events = event_parties


# -- charges and referrals (ACCUSE allege) ---------------------------------------------------
def test_charges_brought_by_the_prosecution():
    got = events("وقالت رولا أبوزيد، شقيقة شادي، على صحفتها بموقع فيسبوك، إن النيابة وجهت له تهمتي نشر "
                 "أخبار كاذبة والانضمام لجماعة محظورة.", "ACCUSE")
    assert any(s in ("النيابة", "القضاء") for s, _ in got), got  # the prosecution's canonical name


def test_charges_name_the_charged_party():
    got = events("ووجهت السلطات البلجيكية التهم لرجل وزوجته بالتخطيط لتفجير تجمع للمجلس في فرنسا السبت.",
                 "ACCUSE")
    assert any(t and "رجل" in t for _, t in got), got


def test_referral_to_a_court():
    got = events("أحال النائب العام المصري، الاثنين، 555 مشتبها به بالإرهاب إلى محكمة عسكرية بتهمة "
                 "الانضمام إلى جماعة موالية لتنظيم داعش.", "ACCUSE")
    assert got and all(s for s, _ in got), got


def test_referring_questions_elsewhere_is_no_referral():
    assert events("وسعى ماتيس إلى تفادي إثارة موضوع القمة وأحال الأسئلة على وزارة الخارجية الأمريكية.",
                  "ACCUSE") == []


def test_a_lawsuit_filed_against_a_party():
    got = events("قالت صحيفة نيويورك تايمز الأميركية إن المحامي إليوت برودي، وهو جامع تبرعات جمهوري مقرب من "
                 "الرئيس دونالد ترامب، رفع دعوى قضائية ضد حكومة قطر، يتهم فيها الدوحة باختراق رسائله "
                 "الإلكترونية.", "ACCUSE")
    assert any(t and "قطر" in t for _, t in got), got


# -- investigations (ACCUSE investigate) -----------------------------------------------------
def test_an_investigation_opened_by_the_prosecution():
    text = ("وعلى أساس هذه المعلومات فتحت النيابة العامة تحقيقا قضائيا في الرابع عشر من حزيران/يونيو "
            "أدى بعد عشرة أيام إلى اعتقال الأشخاص العشرة في جزيرة كورسيكا.")
    assert any(s in ("النيابة العامة", "القضاء") for s, _ in events(text, "ACCUSE"))
    assert "rule:ACCUSE.fath_tahqiq" in event_rules(text, "ACCUSE")


def test_an_investigation_conducted_with_a_party():
    got = events("وأجرت السلطات تحقيقات مع سامي بشأن مزاعم صلته بتنظيم القاعدة في عام 2006، دون توجيه اتهام له.",
                 "ACCUSE")
    assert any(t and "سامي" in t for _, t in got), got


def test_an_investigation_named_before_its_agent():
    got = events("وتشير استطلاعات الرأي إلى أن نتانياهو قد يبقى رئيسا للوزراء مع فوز حزبه الليكود بغالبية مقاعد "
                 "البرلمان في الانتخابات المبكرة على الرغم من التحقيقات التي تجريها الشرطة بحقه.", "ACCUSE")
    assert any(s and "الشرطة" in s for s, _ in got), got


def test_an_investigation_reopened_without_agent_is_no_event():
    assert "rule:ACCUSE.fath_tahqiq" not in event_rules(
        "وأعيد فتح التحقيق فيها عام 2012 عندما أطلق نداء للإدلاء بالشهادة مرفق بصورة وجه الفتاة.", "ACCUSE")
    assert "rule:ACCUSE.fath_tahqiq" not in event_rules(
        "وتقول الدراسة إن أغلب الكينيين لا يبلغون عن فساد أو سلوكيات غير أخلاقية تساعد في فتح تحقيقات، "
        "لأنهم يخشون من تعرضهم لمضايقات محتملة أو ثأر.", "ACCUSE")


# -- sentences and acquittals (no real acquittal with a named agent in the sample: only the
# negative) ----------------------------------------------------------------
def test_a_court_sentencing_names_the_court():
    got = events("وكانت محكمة جنايات الأوسط في أم درمان دانت المتهمة تحت المادة 130 بالقتل العمد، وحكمت عليها "
                 "بالإعدام، بعد أن قتلت زوجها طعنا.", "SANCTION")
    assert any(s and "محكمة" in s for s, _ in got), got


def test_the_passive_sentence_gets_no_agent_from_the_verb():
    text = ("واتهم سيرغي سكريبال وهو عميل سابق في الاستخبارات العسكرية الروسية بالخيانة العظمى "
            "وحكم عليه بالسجن 13 عاما في 2006.")
    assert "rule:SANCTION.hakama_ala" not in event_rules(text, "SANCTION")


def test_a_head_shot_is_no_acquittal():
    assert events("عادل بنزيمة برأسه من مسافة قريبة بعد عرضية بعيدة من بايل على الجهة اليمنى.", "CONCEDE") == []


# -- convictions (SANCTION convict) ----------------------------------------------------------
def test_conviction_by_a_court():
    got = events("وأدانت محكمة في العاصمة الإندونيسية الداعشي أمان عبدالرحمن بالتخطيط للاعتداءات التي "
                 "أوقعت 4 قتلى، بالإضافة إلى المهاجمين الأربعة.", "SANCTION")
    assert any(s == "محكمة" and t and "أمان عبدالرحمن" in t for s, t in got), got


def test_condemnation_by_others_is_no_conviction():
    text = "وأدانت منظمة العفو الدولية الاعتقالات والحملة الإعلامية المحلية ضدهن."
    assert "rule:SANCTION.idana_qada" not in event_rules(text, "SANCTION")
