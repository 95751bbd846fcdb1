"""Arguments of events told inside reported clauses and after support verbs, on real news
(sentences of ../shared/data/ant_news, 2018): a nisba-shaped name after إن / أن heads its clause,
a plural verb takes no single man for subject, an attribution (بحسب X) is no participant, a
perfect-looking form after a preposition is a verbal noun, a dispatch verb's subject mobilises, a
phone call's counterpart follows بـ."""
from __future__ import annotations

from sentences import event_parties

events = event_parties


def test_nisba_name_after_anna_is_the_subject():
    text = ("وأوضح التقرير الأممي أن الحوثيين يحتجزون أفراداً في أماكن احتجاز غير رسمي، حيث أُبلغ بعض "
            "المحتجزين بأنه سيتم الإفراج عنهم إما بعد دفع فدية أو أثناء عملية تبادل.")
    assert any(s == "الحوثيون" for s, _ in events(text, "COERCE")), events(text, "COERCE")


def test_nisba_name_after_anna_with_attack_campaign():
    text = ("وقالت مصادر ميدانية من داخل الحديدة، إن الحوثيين باشروا حملة خطف واسعة استهدفت خلال الأيام "
            "الماضية صحفيين وناشطين من المعارضين لمشروعهم الطائفي.")
    assert any(s == "الحوثيون" for s, _ in events(text, "ASSAULT")), events(text, "ASSAULT")


def test_plural_verb_after_anna_takes_the_plural_name():
    text = ("وأفادت المصادر بأن الحوثيين طلبوا جمع 50 مقاتلا من كل منطقة، لإرسالهم إلى جبهات القتال، "
            "وقد هددوا بمعاقبة من يرفض التعاون بالسجن.")
    assert [s for s, _ in events(text, "REQUEST")] == ["الحوثيون"], events(text, "REQUEST")


def test_nisba_after_a_noun_stays_its_adjective():
    # (negative) "الطائرات الروسية": the nisba qualifies the noun before it
    got = events("وشنت الطائرات الروسية غارات على مدينة إدلب أمس.", "ASSAULT")
    assert got and all(s != "إدلب" for s, _ in got), got


def test_counted_men_before_plural_verb_are_its_subject():
    # (negative) a counted group ("أكثر من 30 مسلحا") is many: the victims of قتلوا
    text = ("وذكرت مصادر عسكرية أن أكثر من 30 مسلحا من الميليشيات قتلوا خلال اليومين الأخيرين في جبل القد "
            "ومركز المديرية الواقعة شمال غربي المحافظة، إثر غارات لطيران التحالف العربي، استهدفت تعزيزات "
            "ومقر عمليات الميليشيات الانقلابية.")
    got = events(text, "ASSAULT")
    assert got and all(s != "أكثر من 30 مسلحا" for s, _ in got), got


def test_attribution_after_bihasab_is_no_participant():
    text = ("بحث وزير الدفاع الروسي سيرغي شويغو منطقة خفض التصعيد في جنوب سوريا مع نظيره الإسرائيلي "
            "أفيغدور ليبرمان عندما التقيا في موسكو، بحسب وكالة تاس الروسية للأنباء.")
    got = events(text, "CONSULT")
    assert got and all(t is None or "وكالة" not in t for _, t in got), got


def test_refusal_after_bada_is_a_noun_not_the_clause_verb():
    # "بعد رفض أصحابها": the owners refused, not the militia that closed the shops
    text = "وكانت ميليشيات الحوثي قد أغلقت 3 مراكز تجارية بعد رفض أصحابها دفع المبالغ المالية للمتمردين."
    assert all(s != "الحوثيون" for s, _ in events(text, "REJECT")), events(text, "REJECT")


def test_verb_after_mundhu_stays_a_verb():
    # (negative) "منذ انسحبت منها القوات": منذ opens a clause, its verb keeps its subject
    text = ("وتسيطر وحدات حماية الشعب الكردية على مناطق واسعة من عفرين منذ انسحبت منها القوات الحكومية "
            "عام 2012.")
    assert events(text, "RETREAT"), events(text, "RETREAT")


def test_bombing_after_fi_is_the_noun_with_its_nisba_agent():
    text = ("واستمرت الحملة العسكرية البرية والجوية للجيش السوري الهادفة للسيطرة على كامل الغوطة الشرقية "
            "قرب العاصمة، إذ قتل 29 مدنيا الثلاثاء في قصف روسي وسوري استهدف مدينة دوما، وفق المرصد السوري "
            "لحقوق الإنسان.")
    got = events(text, "ASSAULT")
    assert any(s is not None and "روسي" in s for s, _ in got), got


def test_dispatch_verb_subject_mobilises():
    text = ("وتحشد قوات النظام منذ نحو أسبوعين تعزيزاتها العسكرية في محيط مخيم اليرموك وأحياء أخرى محاذية "
            "يتواجد فيها التنظيم المتطرف في جنوب دمشق.")
    got = events(text, "MOBILIZE")
    assert any(s is not None for s, _ in got), got


def test_phone_call_counterpart_after_bi():
    text = "الملك سلمان يجري اتصالا هاتفيا بأردوغان على خلفية أزمة خاشقجي."
    got = events(text, "CONSULT")
    assert any(t is not None and "أردوغان" in t for _, t in got), got


def test_dual_verb_takes_the_two_parties_of_the_meeting():
    text = ('والتقى الزعيم الكوري الشمالي كيم جونغ أون بالرئيس الأميركي دونالد ترامب في يونيو واتفقا على '
            '"العمل تجاه نزع السلاح النووي بالكامل من شبه الجزيرة الكورية".')
    assert ("كيم جونغ أون", "دونالد ترامب") in events(text, "AGREE"), events(text, "AGREE")


def test_dual_verb_with_no_meeting_before_borrows_nobody():
    # (negative) two suspects "اتفقا على تنفيذ عمليات طعن": no interaction told, no pair, and the
    # agency that reported it agreed to nothing
    text = ("وأضاف المصدر أنه تبين لدى التحقيق الأولي معهما أنهما مقتنعان بأفكار التنظيم، واتفقا على تنفيذ "
            "عمليات طعن، والاعتداء على رجال الأمن.")
    assert events(text, "AGREE") == [], events(text, "AGREE")


def test_dual_word_subject_takes_the_host_and_guest():
    text = ("وذكرت وكالة الأنباء السورية \"سانا\"، أن الأسد استقبل الثلاثاء سيرغي أكسيونوف رئيس القرم الذي يقوم "
            "بزيارة سوريا على رأس وفد كبير.\nواتفق الطرفان على إنشاء البيت التجاري المشترك وشركة نقل بحري "
            "مشتركة وتبادل السلع والمنتجات التي ينتجها ويصنعها الجانبان.")
    got = events(text, "AGREE")
    assert any(t is not None and "أكسيونوف" in t for _, t in got), got


def test_dual_verb_of_harm_borrows_no_meeting():
    # (negative) "إنهما قتلا": a dual verb of another kind than an interaction takes no pair
    text = ("ووافق النواب على تدابير أخرى تسمح لوزير الداخلية بتجريد الفلسطينيين في القدس الشرقية المحتلة من "
            "تصاريح إقامتهم الدائمة \"إذا كانوا متورطين في الإرهاب\".\nويذكر أن الحكومة أعلنت في 2016 أنها لن "
            "تسلم جثث فلسطينيين قتلوا خلال هجمات أو محاولات هجوم ما لم يسلم الفلسطينيون في غزة رفات جنديين "
            "إسرائيليين يعتقد إنهما قتلا في حرب 2014 على غزة.")
    got = events(text, "ASSAULT")
    assert all(s != "النواب" for s, _ in got), got


def test_user_of_tear_gas_leads_no_protest():
    # (negative) the security forces used the gas; the protest stays the protesters'
    text = ("ذكرت مصادر طبية عراقية اليوم الأحد أن عدد قتلى الاحتجاجات التي جابت مدن متفرقة في البلاد قد ارتفع "
            "إلى11 شخصا، جراء استخدام القوات الأمنية الغاز المسيل للدموع وخراطيم المياه لتفريق التظاهرات التي "
            "بدأت منذ نحو أسبوعين.")
    assert all(s != "القوات الأمنية" for s, _ in events(text, "PROTEST")), events(text, "PROTEST")
