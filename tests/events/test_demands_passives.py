"""Demands that oppose their addressee (events.demands), agentless passive accusations (the stage's
PASSIVE_TOLD) and genitives inside a place phrase, which are no object (args_order), on real
ant_news sentences, each with the shape that must stay as it was."""
from __future__ import annotations

from tests.sentences import analysed, event_parties, name_of


def _stances(text: str) -> list[tuple[str | None, str, str | None]]:
    doc = analysed(text)
    return [(name_of(doc, s.holder), s.polarity, name_of(doc, s.target)) for s in doc.stances]


def test_demand_to_give_up_opposes_the_addressee():
    # (an article's opening: in a lone sentence a state name is coded as a bare country)
    text = ("دعت الولايات المتحدة الجمعة كوريا الشمالية إلى الوفاء بتعهدها بالتخلي عن أسلحتها النووية، "
            "وقالت إن على العالم، بما في ذلك الصين وروسيا، أن يواصل تطبيق العقوبات لحين تنفيذها ذلك.\n"
            "وقالت سفيرة أميركا لدى الأمم المتحدة نيكي هيلي، ووزيرالخارجية الأميركي مايك بومبيو، إن هناك "
            "تراخيا في تطبيق عقوبات الأمم المتحدة على كوريا الشمالية على الرغم من عدم تحرك بيونغيانغ حتى "
            "الآن للوفاء بتعهدها بنزع السلاح النووي. وحسب رويترز، أضافت هيلي للصحفيين، أن هناك 89 انتهاكا "
            "للعقوبات المرتبطة بالوقود في أول خمسة أشهر من العام.")
    assert ("الولايات المتحدة", "oppose", "كوريا الشمالية") in _stances(text)


def test_call_to_act_is_no_attitude():
    # a call to do something (not to stop) is a REQUEST and no stance toward its addressee
    text = ("طالبت الحكومة النمسوية، السبت، المانيا بتقديم توضيحات حول مزاعم جديدة تناقلتها الصحف مفادها "
            "ان أجهزة الاستخبارات الالمانية تجسست على عدد كبير من المؤسسات والشركات في النمسا بينها سفارات "
            "ومنظمات دولية.\n"
            'وأعرب الرئيس الكسندر فون در بيلن عن الامل في الحصول على "توضيحات كاملة" من قبل السلطات الالمانية.')
    doc = analysed(text)
    assert any(e.type == "REQUEST" and e.target for e in doc.events)
    assert not [s for s in doc.stances if s.prov.rule == "interaction.REQUEST"]


def test_passive_accusation_keeps_its_patient():
    text = ("وقد اُتهمت المنظمة الخيرية البريطانية بإخفاء نتائج تحقيق في مزاعم قيام بعض العاملين فيها "
            "باستجلاب عاهرات خلال ممارسة عملهم في تسليم مواد الإغاثة الإنسانية في هايتي في عام 2011.")
    parties = event_parties(text, "ACCUSE")
    assert (None, "المنظمة الخيرية البريطانية") in parties


def test_imperfect_with_damma_is_no_passive_threat():
    # يُحذّر is form II active: no agentless THREATEN against what follows
    text = ("كما تشير إلى أن مقال الصحيفة الماليزية أُرفق بمقابلة مع داعية إسلامي يُحذر فيها من زيادة "
            "المثلية الجنسية في ماليزيا.")
    assert all(t is None for _, t in event_parties(text, "THREATEN"))


def test_genitive_in_a_place_phrase_is_no_object():
    text = ("في هذه الأثناء، قالت الولايات المتحدة إنها أعدت مشروع قرار لمجلس الأمن الدولي يطالب بوقف "
            "الأعمال العسكرية في أنحاء سوريا لمدة 30 يوما.")
    assert all(t != "سوريا" for _, t in event_parties(text, "REQUEST"))


def test_object_after_an_adjunct_phrase():
    # a medium or a place name between the verb and its object
    assert any(t == "الاحتلال" for _, t in event_parties(
        "وقال زعماء كنائس الروم الكاثوليك والروم الأرثوذكس والأرمن إن الكنيسة ستغلق حتى إشعار آخر.\n"
        'واتهم الزعماء في بيان الاحتلال "بهجوم ممنهج لم يسبق له مثيل على المسيحيين في الأرض المقدسة".', "ACCUSE"))
    assert ("وفد", "أديس أبابا") in event_parties(
        "وزار وفد رفيع المستوى من أسمرة أديس أبابا الشهر الماضي للمرة الأولى منذ عام 1998.", "CONSULT")
