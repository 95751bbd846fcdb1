"""Generic and unlisted participants: bare institution heads the document resolves (النظام،
قوات النظام، السلطات), plural nationals as a state party, spokespeople of a ministry named
before, and groups named by what befell them. Sentences from ../shared/data/ant_news (2018)."""
from __future__ import annotations

from marsad.pipeline import analyze


def code_of(text: str, phrase: str, published: str = "2018-06-25", nth: int = 0) -> tuple | None:
    """(country, sector) of the actor of the mention covering the nth ``phrase``; None if none."""
    doc = analyze(text, published=published)
    s = -1
    for _ in range(nth + 1):
        s = text.index(phrase, s + 1)
    a = doc.actor_at(s, s + len(phrase))
    return (a.country, a.type) if a is not None else None


# -- bare heads resolved in the document ----------------------------------------------------------
def test_regime_forces_take_the_regime_named_in_the_article():
    text = ("وتقدر مساحة الأراضي التي تسيطر عليها قوات سوريا الديموقراطية ب27 بالمئة من مساحة "
            "سوريا، ضمنها حقول نفطية مهمة، في حين تمكنت قوات النظام من استعادة نحو 60% من مساحة "
            "البلاد مستندة إلى دعم قوي من روسيا وإيران. ولا ينظر النظام السوري بعين الرضا لهذا.")
    assert code_of(text, "قوات النظام") == ("SYR", "MIL")


def test_bare_regime_after_the_syrian_regime():
    text = ("وتابع أن النظام السوري يقوم بإخفاء جميع الأدلة. وأضاف أن أحد أهدافه في سوريا "
            "\"نزع قدرة النظام على شن هجمات كيميائية\"، لكنه كرر أنه يريد حلا سياسيا.")
    assert code_of(text, "النظام", nth=1) == ("SYR", "GOV")


def test_electoral_system_is_no_regime():
    text = ("وأبدت المخابرات السويدية في تقريرها السنوي قلقها من \"محاولات قوى أجنبية التأثير في "
            "انتخابات بلدان أخرى\". غير أن التقرير شدد بالوقت نفسه على أن من الصعب التأثير على "
            "النظام الانتخابي \"القوي\" و\"اللامركزي\" في السويد. ولا ينظر النظام السوري بعين الرضا.")
    assert code_of(text, "النظام الانتخابي") is None


def test_authorities_of_the_main_country():
    text = ("وشهد المغرب العام الماضي حركة احتجاجية أخرى في منطقة الريف في شمال المملكة للمطالبة "
            "بإيجاد وظائف وتنمية المنطقة. وأوقفت السلطات على خلفية تلك الاحتجاجات أكثر من 450 "
            "شخصا في سياق \"مقاربة أمنية\" لقيت انتقادات شديدة من جمعيات حقوق الإنسان في المغرب.")
    assert code_of(text, "السلطات") == ("MAR", "GOV")


def test_more_powers_are_no_authorities():
    text = ("وستشكل هذه الانتخابات علامة فارقة في التاريخ التركي لأنه من المقرر بعدها البدء في منح "
            "رئيس الدولة المزيد من السلطات، بحسب استفتاء أبريل 2017. وقالت تركيا إن السلطات "
            "التركية ستجري تقييما.")
    assert code_of(text, "السلطات") is None


# -- plural nationals ---------------------------------------------------------------------------
def test_nationals_joined_to_a_regime_are_their_state():
    text = ("ويأتي ذلك بعد ضربات صاروخية \"مجهولة\" لعدد من قواعد النظام السوري والإيرانيين في "
            "ريفي حماة وحلب، قتلت 18 عنصرا من الميليشيات.")
    assert code_of(text, "الإيرانيين") == ("IRN", "GOV")


def test_counted_nationals_stay_people():
    text = ("وقالت الأمم المتحدة إن اليمن يشهد أسوأ أزمة إنسانية في العالم في وقت يعاني فيه ملايين "
            "اليمنيين من انعدام الأمن الغذائي، فيما تقصف السعودية والإمارات الحديدة وتهاجم "
            "السعودية الحوثيين.")
    assert code_of(text, "اليمنيين") == ("YEM", "CVL")


# -- spokespeople of a ministry named before ----------------------------------------------------
def test_spokeswoman_of_the_ministry_named_before():
    text = ("أعلنت وزارة النقل الروسية، اليوم السبت، أن موسكو ستطلب توضيحاً رسمياً من بريطانيا "
            "لسبب خضوع طائرة ركاب للتفتيش في مطار هيثرو أمس الجمعة.\n"
            "وقالت الوزارة في بيان إن الجانب الروسي سيحتفظ بالحق في اتخاذ إجراء مماثل ضد شركات "
            "الطيران البريطانية.\n"
            "وكانت المتحدثة باسم الوزارة، ماريا زاخاروفا، قد أفادت أمس الجمعة أن السلطات "
            "البريطانية لم تذكر سبب التفتيش، ووصفت ذلك بأنه \"أحدث استفزاز\" من قبل بريطانيا.")
    assert code_of(text, "ماريا زاخاروفا") == ("RUS", "GOV")


# -- groups named by what befell them -----------------------------------------------------------
def test_detainees_are_civilians_of_the_country():
    text = ("وتراوح المبالغ التي يتقاضاها الحوثيون في اليمن كفدية مقابل الإفراج عن المحتجزين في "
            "سجونهم الرسمية وغير الرسمية ما بين مليون وعشرة ملايين ريال.")
    assert code_of(text, "المحتجزين") == ("YEM", "CVL")


# -- a title in apposition after the name --------------------------------------------------------
def test_title_after_the_name_gives_its_body():
    text = ("نيويورك، الولايات المتحدة الأمريكية (CNN)— قالت هيذر نويرت، المتحدثة باسم وزارة "
            "الخارجية الأمريكية، إن موقع السفارة الأمريكية في القدس لن يحدد الحدود. وقالت إسرائيل "
            "إن إسرائيل ترحب بالقرار.")
    assert code_of(text, "هيذر نويرت") == ("USA", "GOV")


def test_a_medium_after_a_preposition_is_not_the_employer():
    text = ("ويقول القيادي في المؤتمر الشعبي العام في محافظة حجة، فهد دهشوش، لـ\"سكاي نيوز "
            "عربية\": \"تستطيع الآن أن ترى مظاهر التغيير في المدينة\".")
    assert code_of(text, "فهد دهشوش") != ("ARE", "MED")


# -- fighters named by their group's adjective ---------------------------------------------------
def test_gunmen_with_the_houthi_adjective_are_the_houthis():
    text = ("وقال سكان إن هناك انتشارا كثيفا لمسلحين حوثيين في المدينة، فيما تقترب القوات "
            "اليمنية من مطار الحديدة.")
    assert code_of(text, "مسلحين حوثيين") == ("YEM", "REB")
    doc = analyze(text, published="2018-06-24")
    s = text.index("مسلحين حوثيين")
    assert doc.actors[doc.actor_at(s, s + 13).id].name == "الحوثيون"


def test_unnamed_gunmen_stay_unidentified():
    text = "وقتل ثلاثة أشخاص برصاص مسلحين مجهولين في مدينة عدن جنوب اليمن، بحسب مصادر أمنية."
    assert code_of(text, "مسلحين") != ("YEM", "REB")


# -- the prosecution and one group under two heads -----------------------------------------------
def test_military_prosecution_is_the_main_countrys_judiciary():
    text = ("وكانت مصر قد شهدت توقيف رئيس الأركان الأسبق، وقررت النيابة العسكرية في القاهرة "
            "حبسه على ذمة التحقيق.")
    assert code_of(text, "النيابة العسكرية") == ("EGY", "JUD")


def test_detained_activists_are_one_group():
    text = ("ومن بين النساء المعتقلات في السعودية الناشطة لجين الهذلول، وكانت الناشطات المعتقلات "
            "يطالبن بإلغاء نظام ولاية الرجل.")
    doc = analyze(text, published="2018-05-21")
    s = text.index("الناشطات المعتقلات")
    m = [x for x in doc.mentions if x.start == s]
    assert m and m[0].end == s + len("الناشطات المعتقلات")
    assert (doc.actors[m[0].actor].country, doc.actors[m[0].actor].type) == ("SAU", "CVL")


def test_foreign_nationals_opening_a_clause_are_their_state():
    text = ("ووصف جيفري الوضع في إدلب بأنه \"خطير للغاية\" مشيرا إلى أن تركيا التي تدعم بعض "
            "الجماعات المعارضة في المنطقة، تحاول تجنب هجوم كبير وشامل من جانب الحكومة السورية. "
            "وقال جيفري \"أعتقد أن الفصل الأخير من قصة إدلب لم يُكتب. الأتراك يحاولون إيجاد مخرج. "
            "الأتراك أظهروا قدرا كبيرا من المقاومة للهجوم\". وأضاف أن الولايات المتحدة سألت روسيا "
            "مرارا إن كان بمقدورها \"العمل\" في إدلب، فيما قالت تركيا إنها تعارض الهجوم.")
    assert code_of(text, "الأتراك") == ("TUR", "GOV")


def test_anger_of_foreign_nationals_stays_people():
    text = ("ويعكس رد الفعل الشعبي غضب الكنديين إزاء فرض الرئيس الأمريكي دونالد ترامب رسوما "
            "جمركية على واردات الصلب من كندا. وتعتبر الولايات المتحدة المقصد السياحي الأول "
            "للكنديين، وقالت كندا إنها سترد، فيما قال ترامب إن الولايات المتحدة لن تتراجع.")
    assert code_of(text, "الكنديين") == ("CAN", "CVL")
