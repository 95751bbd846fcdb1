"""Coercion, removals and mobilisation (marsad/resources/events/triggers_coerce.yaml) on real
sentences of ../shared/data/ant_news (2018): dismissals from office, sieges, looting, cutting
supply lines, exclusions, troop moves and deployments; each with sentences that must not give
the event (an exemption, a demand to dismiss, a besieged place, a feared looting)."""
from __future__ import annotations

from sentences import event_parties, event_rules

events = event_parties


# -- removals from office (SANCTION dismiss) -------------------------------------------------
def test_a_ruler_dismisses_a_minister():
    got = events("أعفى العاهل المغربي، الملك محمد السادس، وزير الاقتصاد والمالية، محمد بوسعيد، الذي ينتمي "
                 "لحزب التجمع والأحرار، حسب ما أفادت وكالة الأنباء المغربية، الأربعاء.", "SANCTION")
    assert got and all(s for s, _ in got), got
    assert any(t and ("وزير" in t or "بوسعيد" in t) for _, t in got), got


def test_a_dismissal_ordered_by_decree_has_the_issuer_as_agent():
    got = events("أصدر رئيس الوزراء العراقي حيدر العبادي أمرا بإقالة وزير الكهرباء قاسم الفهداوي بعد ثلاثة "
                 "أسابيع من الاحتجاجات الشعبية جنوب البلاد المنددة تحديدا بنقص الكهرباء الدائم.", "SANCTION")
    assert any(s and "العبادي" in s for s, _ in got), got


def test_a_royal_order_of_dismissal_from_office():
    got = events("وتزامنا مع إعلان النائب العام، أصدر الملك السعودي سلمان بن عبد العزيز أوامر ملكية بإعفاء "
                 "أحمد عسيري نائب رئيس المخابرات السعودية من منصبه.", "SANCTION")
    assert any(s and "سلمان" in s and t and "عسيري" in t for s, t in got), got


def test_the_verb_of_dismissal_with_its_object():
    got = events("وأقال ترامب كومي في مايو/أيار، وعلم كومي بإقالته من نشرات الأخبار في التلفزيون.", "SANCTION")
    assert ("ترامب", "كومي") in got or any(s and "ترامب" in s for s, _ in got), got


def test_a_demand_to_dismiss_is_no_dismissal():
    assert events("وكان المتظاهرون قد طالبوا خلال الاحتجاجات في سط وجنوب البلاد بإقالة الفهداوي بسبب الضعف "
                  "الحاد في خدمات الكهرباء التي لا تحصل عليها العائلات العراقية إلا لساعات محدودة في اليوم.",
                  "SANCTION") == []


def test_an_exemption_from_sanctions_is_no_dismissal():
    assert events("وفي المقابل، حصلت إيران على إعفاء من العقوبات، والتي ألغي معظمها في يناير 2016.",
                  "SANCTION") == []


def test_a_passive_dismissal_names_no_agent():
    assert events("يذكر أن الأمير بندر بن سلطان بن عبدالعزيز كان قد أعفي من منصبه كرئيس الاستخبارات العامة "
                  "بناء على طلبه، في آبريل / نيسان عام 2014.", "SANCTION") == []


# -- sieges, looting, supply lines, exclusions (COERCE) --------------------------------------
def test_security_forces_besiege_a_headquarters():
    got = events("وتحاصر القوات الأمنية العراقية مقر الميليشيات منذ ساعتين، مطالبة بتسليم المتورطين في "
                 "الاعتداء، وتهدد باقتحام المقر لتنفيذ القانون.", "COERCE")
    assert "rule:COERCE.hisar_fil" in event_rules("وتحاصر القوات الأمنية العراقية مقر الميليشيات منذ ساعتين.", "COERCE")
    assert got and all(s for s, _ in got), got


def test_a_besieged_place_is_no_siege_told():
    text = "وبحسب التقديرات هناك 393 ألف شخص عالق في الغوطة الشرقية المحاصرة بالكامل."
    assert not [r for r in event_rules(text, "COERCE") if "hisar" in r or "muhasara" in r]


def test_looting_by_a_named_militia():
    got = events("وكانت الميليشيات الحوثية بدأت، الثلاثاء، بتنفيذ عمليات سلب ونهب للمؤسسات الموجودة في "
                 "الحديدة، وعلى رأسها فرع المصرف المركزي، تمهيداً على ما يبدو للانسحاب من المدينة.", "COERCE")
    assert any(s and "حوثي" in s for s, _ in got), got


def test_a_feared_looting_is_none():
    text = ("وأوضح مالك أن النساء والأطفال الذين يحتمون لساعات طويلة في ملاجئ تحت الأرض عبروا عن مخاوفهم من "
            "نهب منازلهم من القوات الحكومية في حال تركوا بيوتهم.")
    assert not [r for r in event_rules(text, "COERCE") if "nahb" in r]


def test_candidates_excluded_from_the_race():
    got = events("وتم استبعاد ياسر عبد ربه الذي يعتبر منافسا محتملا لعباس.", "COERCE")
    assert got == [(None, "ياسر عبد ربه")], got  # the excluded is the patient, no agent told


def test_ruling_out_is_no_exclusion():
    text = "واستبعد وزير الخارجية أن يكون هناك أي اتفاق قريب بين الطرفين."
    assert not [r for r in event_rules(text, "COERCE") if "istibad" in r]


# -- troop moves and deployments (MOBILIZE) --------------------------------------------------
def test_condemned_military_moves_are_the_condemnation_of_their_front():
    # the moves are the object of the condemnation (دان, an ACCUSE trigger): the event is Morocco
    # accusing the front whose moves they are, as for any condemned act
    text = ("دان المغرب التحركات العسكرية الأخيرة لجبهة البوليساريو في بلدة تيفاريتي شرق الجدار العازل "
            "بالصحراء، وذلك حسب بيان أصدرته وزارة الخارجية المغربية، السبت.")
    got = events(text, "ACCUSE")
    assert any(s == "المغرب" and t and "البوليساريو" in t for s, t in got), got


def test_militia_deployment_around_a_police_station():
    got = events("وانتشرت عناصر مليشيا الحوثي بمحيط قسم شرطة الرازقي والأحياء المجاورة له، في شارع المعدل "
                 "بمدينة الحديدة.", "MOBILIZE")
    assert any(s and "الحوثي" in s for s, _ in got), got


def test_the_spread_of_weapons_is_no_deployment():
    text = "وحذر التقرير من انتشار السلاح في أيدي المدنيين وانتشار الفساد في مؤسسات الدولة."
    assert not [r for r in event_rules(text, "MOBILIZE") if "intishar" in r]


def test_monitoring_moves_is_no_mobilisation_by_the_monitor():
    text = "قالت إسرائيل إنها رصدت تحركات عسكرية إيرانية في سوريا، وتأمر بتجهيز المخابئ في مرتفعات الجولان المحتلة."
    assert not any(s and "إسرائيل" in s for s, _ in events(text, "MOBILIZE"))


# -- repression, crowd control, checkpoints (COERCE) -----------------------------------------
def test_a_protest_repressed_by_the_police():
    got = events("وكانت الحكومة أعلنت في نيسان/أبريل 2016 اتفاقية تمنح السيادة على الجزيرتين غير المأهولتين إلى "
                 "السعودية ما أثار جدلا كبيرا في البلاد وتظاهرات ضد النظام قمعتها الشرطة.", "COERCE")
    assert any(s and "الشرطة" in s for s, _ in got), got


def test_a_denied_repression_campaign_is_none():
    text = ("وقال الأمير محمد بن سلمان إن السلطات احتجزت حوالي 1500 شخص على مدار السنوات الثلاث الماضية لأسباب "
            "تتعلق بالأمن القومي وليس كجزء من حملة قمع المعارضة.")
    assert not [r for r in event_rules(text, "COERCE") if "qam" in r]


def test_riot_police_move_against_a_protest():
    got = events("وقال تاجر سجاد آخر إن شرطة مكافحة الشغب تدخلت صباحا ضد تظاهرة للتجار.", "COERCE")
    assert any(s and "شرطة" in s for s, _ in got), got


def test_a_feared_military_intervention_is_no_crowd_control():
    text = ("وأدرجت طهران برنامجها البالستي في إطار سياسة ردع، لا سيما تحسبا لفرضية تدخل عسكري ضد منشآتها "
            "النووية.")
    assert not [r for r in event_rules(text, "COERCE") if "tadakhkhul" in r]


def test_checkpoints_set_up_by_a_militia():
    got = events("وعمدت ميليشيات الحوثي الموالية لإيران على نصب نقاط تفتيش في أطراف مديرية الدريهمي.", "COERCE")
    assert any(s and "الحوثي" in s for s, _ in got), got


def test_a_long_referral_to_the_prosecution():
    got = events("وأفادت أن ميليشيات الحوثي أحالت ملف الرئيس الراحل صالح وأبنائه وأبناء أخيه وعدد من أقاربه، بجانب "
                 "القيادي المؤتمري علي الشاطر، ورئيس المالية في الحزب فؤاد الكميم، من الأمن السياسي إلى نيابة "
                 "أمن الدولة التي تسيطر عليها بصنعاء.", "ACCUSE")
    assert any(s and "الحوثي" in s for s, _ in got), got


# -- easing restrictions (CONCEDE) -----------------------------------------------------------
def test_an_authority_allows_women_what_was_banned():
    got = events("وسمحت السعودية للنساء في الفترة الأخيرة بأمور كانت محظورة عليهن لعقود.", "CONCEDE")
    assert any(s == "السعودية" for s, _ in got), got


def test_not_allowing_is_no_concession():
    assert events("وكانت المملكة الخليجية هي الدولة الوحيدة التي لا تسمح للنساء بالقيادة.", "CONCEDE") == []
