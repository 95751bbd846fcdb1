"""Verbal and cooperative interactions mined from corpus frequency
(marsad/resources/events/triggers_coverage.yaml), on real sentences of ../shared/data/ant_news
(2018): one family per test group, each with a sentence of another sense that must not give the
event."""
from __future__ import annotations

from sentences import event_parties, event_rules

events = event_parties


def _has(got, source: str, target: str | None = None) -> bool:
    return any(s and source in s and (target is None or (t and target in t)) for s, t in got)


# -- SUPPORT: thanks, praise ------------------------------------------------------------------
def test_thanking_a_party():
    got = events("وشكر بومبيو الملك سلمان على إجراء تحقيق شامل وشفاف بشأن قضية اختفاء خاشقجي في إسطنبول.",
                 "SUPPORT")
    assert _has(got, "بومبيو", "سلمان"), got


def test_praise_with_the_whole_word_read_unsplit():
    got = events("وامتدح رئيس الوزراء الإثيوبي الملياردير السعودي، الذي يمتلك استثمارات عدة في إثيوبيا.",
                 "SUPPORT")
    assert got and all(s for s, _ in got), got  # (the prime minister, by his canonical name)


def test_thanks_as_an_interjection_is_no_event():
    assert not any("shakara" in r for r in event_rules(
        "وقال ماكرون للاعبي المنتخب \"شكرا جزيلا لكم\" بعد الفوز.", "SUPPORT"))


# -- REQUEST: urging, stressing the need ---------------------------------------------------
def test_urging_a_party_with_hadda():
    got = events("وفي حين أكد الأردن أن حدوده ستبقى مغلقة، حضت الأمم المتحدة الخميس عمان على فتح الحدود.",
                 "REQUEST")
    assert _has(got, "الأمم المتحدة", "عمان"), got


def test_stressing_a_necessity_is_a_demand():
    text = ("وخلال مؤتمر صحفي مشترك جمعه بنظيره المصري سامح شكري شدد على ضرورة أن يتقدم المسار السياسي "
            "في ليبيا ضمن خطة الأمم المتحدة.")
    assert "rule:REQUEST.shaddada_darura" in event_rules(text, "REQUEST")


def test_stressing_without_a_necessity_is_no_demand():
    assert not any("shaddada" in r for r in event_rules(
        "وشدد الوزير على أن العلاقات بين البلدين متينة.", "REQUEST"))


# -- CONSULT: calls, talks, negotiations --------------------------------------------------
def test_a_call_placed_to_a_leader():
    got = events("وأضافت الوكالة أن بوتين اتصل بالرئيس السوداني، الخميس، لبحث العلاقات الثنائية.", "CONSULT")
    assert _has(got, "بوتين", "البشير"), got  # (the Sudanese president, by name)


def test_a_call_from_a_news_site_is_no_consultation():
    assert not any("ittasala_bi" in r for r in event_rules(
        "وقال طبيب بيطري اتصل به موقع إلكتروني محلي إن أنف الحمار الوحشي سوداء.", "CONSULT"))


def test_negotiating_with_a_party():
    got = events("وكانت حكومة الإقليم قد تفاوضت بهذا الشأن مع السلطات الاتحادية في وقت سابق بغية إعادة فتح "
                 "طريق التصدير.", "CONSULT")
    assert _has(got, "إقليم", "السلطات"), got


# -- AGREE: commitments --------------------------------------------------------------------
def test_a_commitment_to_an_act():
    got = events("والتزمت حكومة مقدونيا بتعديل اسم الجمهورية لمعالجة المخاوف اليونانية.", "AGREE")
    assert _has(got, "مقدونيا"), got


def test_keeping_silent_is_no_commitment():
    assert not any("iltazama" in r for r in event_rules("والتزمت الحكومة الصمت إزاء هذه التقارير.", "AGREE"))


# -- REJECT: objections, refutations ---------------------------------------------------------
def test_objecting_to_a_measure():
    got = events("ويقول موظفو إغاثة إن بعض كبار المسؤولين الحوثيين الذين تسيطر قواتهم على العاصمة صنعاء "
                 "اعترضوا على التطعيمات وقد أدى ذلك إلى تأخير البرنامج نحو عام بالفعل.", "REJECT")
    assert got and all(s for s, _ in got), got
    assert not any("itarada" in r for r in event_rules(
        "بينما اعترضت الدفاعات السعودية أربعة صواريخ بالستية على مدينة جيزان.", "REJECT"))


def test_refuting_claims():
    got = events("وفندت الولايات المتحدة والإمارات المزاعم الإيرانية التي سعت لتحميلهما المسؤولية عن الهجوم.",
                 "REJECT")
    assert _has(got, "الولايات المتحدة"), got


# -- ACCUSE: دان, blame ------------------------------------------------------------------------
def test_condemning_with_the_bare_verb():
    got = events("كما دانت الولايات المتحدة الأميركية إطلاق ميليشيات الحوثي الموالية لإيران صواريخ باليستية "
                 "على السعودية.", "ACCUSE")
    assert _has(got, "الولايات المتحدة"), got


def test_the_name_dan_is_no_condemnation():
    assert not any("dana" in r for r in event_rules(
        "وحذر مدير الاستخبارات الأمريكية دان كوتس الأحد من أن عمليات القرصنة مستمرة.", "ACCUSE"))


def test_blame_laid_on_a_party():
    got = events("ورحّل الجانبان دبلوماسيين، حيث تلقي بريطانيا باللوم على روسيا في هجوم بغاز أعصاب على "
                 "سيرغي سكريبال.", "ACCUSE")
    assert _has(got, "بريطانيا", "روسيا"), got


# -- AID: grants -----------------------------------------------------------------------------
def test_a_loan_granted():
    text = ("منح صندوق النقد الدولي قرضا بقيمة 723 مليون دولار، في عام 2016، مقابل إجراء إصلاحات "
            "اقتصادية.")
    assert "rule:AID.manaha" in event_rules(text, "AID")


def test_granting_nationality_is_no_aid():
    assert not any("manaha" in r for r in event_rules(
        "أعلن مكتب الإحصاء الأوروبي أن البلدان الأعضاء في الاتحاد الأوروبي منحت الجنسية لقرابة مليون "
        "شخص خلال عام 2016.", "AID"))


# -- SANCTION: tariffs, listings, closed missions ----------------------------------------------
def test_tariffs_imposed():
    got = events("ولقد اندلع الخلاف في نهاية آذار/مارس حين فرضت واشنطن رسوما جمركية مشددة على الصلب "
                 "والألمنيوم.", "SANCTION")
    assert _has(got, "واشنطن"), got


def test_listing_as_terrorist():
    got = events("أدرجت وزارة الداخلية القطرية ضمن لائحة الإرهاب القطرية، 27 فرداً وكياناً.", "SANCTION")
    assert _has(got, "وزارة الداخلية"), got


def test_a_programme_listed_in_a_policy_is_no_sanction():
    assert not any("idraj" in r for r in event_rules(
        "وأدرجت طهران برنامجها البالستي في إطار سياسة ردع.", "SANCTION"))


# -- THREATEN: ultimatums ----------------------------------------------------------------------
def test_an_ultimatum():
    got = events("وأمهل ترامب الأوروبيين حتى 12 أيار/مايو لإصلاح \"الثغرات الفظيعة\" في الاتفاق النووي.",
                 "THREATEN")
    assert _has(got, "ترامب"), got


def test_a_court_deadline_is_no_threat():
    assert not any("amhala" in r for r in event_rules(
        "وأمهلت المحكمة المحامي العام خوسيه كاليدا 15 يوما للامتثال للأمر.", "THREATEN"))


def test_valuing_efforts_with_thammana():
    got = events("وثمن السيسي جهود خادم الحرمين الشريفين الحثيثة لتعزيز التضامن العربي.", "SUPPORT")
    assert got and all(s for s, _ in got), got


def test_a_price_is_no_praise():
    assert not any("thammana" in r for r in event_rules(
        "وقال إن الشعب السوري دفع ثمن دور النظام في الحرب غاليا.", "SUPPORT"))


# -- participles of pledges -------------------------------------------------------------------
def test_a_pledge_told_with_the_participle():
    text = ("واتهمت دمشق الدول الغربية بشنها لإعاقة عمل بعثة تقصي الحقائق التي كانت قد دعتها إلى زيارة "
            "سوريا متعهدة بتقديم كل التسهيلات اللازمة لها.")
    assert "rule:AGREE.mutaahhidan" in event_rules(text, "AGREE")


def test_a_committed_person_described_is_no_commitment():
    assert not any("multaziman" in r for r in event_rules(
        "ووصفت مؤسسة كوفي أنان الراحل بأنه \"كان رجل دولة عالميا ملتزما بالقضايا الدولية\".", "AGREE"))
