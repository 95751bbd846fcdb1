"""The patient of a verbal act named by the owner of its object phrase (events_args_object), on
real ant_news sentences: positive readings and the shapes that must stay without a target."""
from __future__ import annotations

import pytest

from tests.sentences import analysed, code_of, event_parties


def _targets(text: str, etype: str) -> list[str | None]:
    return [t for _, t in event_parties(text, etype)]


@pytest.mark.parametrize("text, etype, target", [
    # the genitive of a product noun
    ('وقالت عائلة أبوالفتوح، في بيان لها صدر ليل الأربعاء، إنها "تستنكر وتدين بشدة" بيان وزارة الداخلية.',
     "ACCUSE", "وزارة الداخلية"),
    # من after the object
    ("رفضت تركيا عرضا من فرنسا للوساطة في النزاع الدائر بشمال سوريا.", "REJECT", "فرنسا"),
    ('ورفضت إيران "بشكل قاطع" تقريرا من خبراء الأمم المتحدة.', "REJECT", "الأمم المتحدة"),
    # لـ after adjectives, past a time word and quotation marks
    ('وانتقد البيت الأبيض الجمعة "الأفعال المتهورة" لإيران.', "ACCUSE", "إيران"),
    ('وندد المتحدث باسم وزارة الخارجية بهرام قاسمي بـ "الهجمات المتكررة" لإسرائيل على سوريا.', "ACCUSE", "إسرائيل"),
    # the nisba of the object after a topic preposition written apart
    ('نددت الخارجية السورية بـ"الاحتلال" التركي لعفرين.', "ACCUSE", "تركيا"),
    # whom a verbal noun is addressed to, after إلى
    ("وتوجه الحكومة البريطانية أصابع الاتهام إلى موسكو في محاولة اغتيال سكريبال.", "ACCUSE", "موسكو"),
    ("وكان وزير الخارجية البريطاني بوريس جونسون سارع إلى توجيه أصابع الاتهام إلى موسكو.", "ACCUSE", "موسكو"),
    # the frame's preposition past the coordinated subject and a time word
    ("إلى ذلك، طلبت روسيا والصين الخميس من واشنطن معلومات إضافية.", "REQUEST", "واشنطن"),
])
def test_object_owner_is_target(text, etype, target):
    assert target in _targets(text, etype)


def test_object_past_the_medium_phrase():
    # "اتهم X في لقاء مع «العربية»، الأربعاء، Y": the object after the phrase of the medium
    text = ('اتهم الشيخ سلطان بن سحيم آل ثاني في لقاء مع "العربية"، الأربعاء، أمير قطر السابق الشيخ '
            "حمد بن خليفة باغتيال والده قبل 3 عقود.")
    parties = event_parties(text, "ACCUSE")
    assert parties and all(t is not None and t != "العربية" for _, t in parties)


def test_parties_of_a_welcomed_agreement():
    doc = analysed("ورحبت الجامعة العربية بالاتفاق بين الفصائل الفلسطينية.")
    assert any(e.type == "SUPPORT" and code_of(doc, e.target)[0] == "PSE" for e in doc.events)


def test_relative_agent_of_the_object():
    # "بما تقدمه السعودية": the agent of the relative clause on the object
    text = ("واستنكر الشيخ سلطان بن سحيم آل ثاني منع النظام القطري مواطنيه من الحج للعام الثاني على "
            "التوالي، مشيداً بما تقدمه #السعودية من خدمات.")
    assert "السعودية" in _targets(text, "SUPPORT")


@pytest.mark.parametrize("text, etype, wrong", [
    # a clause after a comma is no object ("الاتهامات المغربية، فيما اعتبرتها جبهة البوليساريو")
    ("ونفت الجبهة الاتهامات المغربية، فيما اعتبرتها جبهة البوليساريو استفزازا.", "ACCUSE", "جبهة البوليساريو"),
    # the place a nisba follows is the act's place, not its owner
    ('وكانت المستشارة الألمانية أنغيلا ميركل قد دانت "بشدة قصف الغوطة الشرقية السورية".', "ACCUSE", "سوريا"),
    # the victims of a condemned act are not its target's owner
    ("وأدانت منظمة العفو الدولية قتل المدنيين السوريين في الغوطة.", "ACCUSE", "سوريا"),
    # a condition ends the object phrase
    ('وكان ترامب قد توعد السعودية "بعقوبات شديدة" إذا ثبت أنها مسؤولة.', "THREATEN", "مسؤولة"),
])
def test_no_owner_across_clause_or_place(text, etype, wrong):
    assert wrong not in _targets(text, etype)


def test_subject_name_in_quotes_is_no_object():
    # "دانت شركة «سوديكسو»": the name of the subject, not whom it condemned
    assert "سوديكسو" not in _targets('دانت شركة "سوديكسو" الفرنسية ما حدث.', "ACCUSE")


def test_counted_members_of_a_body_are_the_body():
    # "12 عنصرا في الاستخبارات الروسية": the intelligence service is the patient
    doc = analysed("واتهمت السلطات الأمريكية الجمعة 12 عنصرا في الاستخبارات الروسية، بقرصنة حواسيب الحزب "
                   "الديمقراطي خلال حملة الانتخابات الرئاسية التي فاز فيه دونالد ترامب.")
    assert any(e.type == "ACCUSE" and code_of(doc, e.target) == ("RUS", "SPY") for e in doc.events)


def test_the_source_of_a_report_is_no_recipient():
    # "… حسب مسؤولين محليين"، "… وفق المرصد السوري": who tells the toll, not whom it hit
    doc = analysed("وشن التنظيم الإرهابي في 25 يوليو سلسلة هجمات متزامنة استهدفت مدينة السويداء وقرى في ريفها "
                   "الشرقي، ما تسبب بمقتل 265 قتيلاً، وفق المرصد السوري لحقوق الانسان.")
    assert all(e.target is None or doc.actors[e.target].type != "NGO" and "المرصد" not in doc.actors[e.target].name
               for e in doc.events)


def test_the_genitive_of_plural_speech_acts_is_their_agent():
    # "اتهامات لندن": London's accusations (the plural acts of a speaker), not accusations of London
    sources = [s for s, _ in event_parties("في تصعيد خطير بلهجة التهديدات بين روسيا وبريطانيا، ردت موسكو على اتهامات "
                                           "لندن لها بمحاولة اغتيال العميل الروسي السابق.", "ACCUSE")]
    assert "لندن" in sources
