"""Predicates of news reports (marsad/resources/events/triggers_news.yaml) on real sentences of
../shared/data/ant_news (2018): military operations and clashes told as nouns with the predicate
that asserts them, attacks named by their weapon, deployments, arrests, travel bans, judicial
orders, boycotts, talks, relief and standing by an actor; each with a sentence that must not
give the event."""
from __future__ import annotations

from sentences import analysed, event_parties

events = event_parties


# -- military operations and clashes ---------------------------------------------------------
def test_launching_an_operation_names_its_launcher():
    got = events("ومنذ أسبوع، يشن تنظيم داعش هجمات مضادة ضد مواقع قوات النظام، مما منعها من تحقيق أي تقدم مهم.",
                 "ASSAULT")
    assert any(s and "الدولة الإسلامية" in s for s, _ in got), got


def test_a_planned_or_charged_operation_is_no_attack():
    assert events("وقالت بريطانيا إنه لا توجد خطط لشن هجمات أخرى ضد سوريا.", "ASSAULT") == []
    assert events("في إشارة إلى حسابات على مواقع التواصل الاجتماعي تقوم بشن هجمات شرسة ونشر تغريدات "
                  "وتدوينات مضادة على مختلف المنصات.", "ASSAULT") == []


def test_clashes_that_broke_out():
    assert events("واندلعت اشتباكات بين الطرفين، انتهت بفرار ميليشيات الحوثي من مواقعها، بعد تكبدها خسائر فادحة.",
                  "ASSAULT")
    assert events("وتدور اشتباكات عنيفة جنوب المدينة وفي ريفها الشرقي، وسط استمرار نزوح المدنيين.", "ASSAULT")


def test_clashes_without_a_predicate_of_happening_stay_with_the_filter():
    # a clash named as the theme of a film is no incident
    assert events('وكانت أهم مشاهد "في حرب" تلك التي تنقل المواجهات بين النقابات ثم بين النقابات '
                  'والإدارة، فتعكس مدى عمق الشرخ الاجتماعي في فرنسا.', "ASSAULT") == []


def test_an_attack_named_by_its_weapon():
    assert events("بعد تقارير عن تعرض منطقة الغوطة الشرقية المحاصرة قرب دمشق لهجمات بغاز الكلور.", "ASSAULT")


# -- deployments, arrests, judicial acts -------------------------------------------------------
def test_reinforcing_a_military_presence():
    got = events("كثفت القوات اليمنية من تواجدها الأمني على مشارف مدينة الحديدة، وفق ما أفادت مصادر عسكرية.",
                 "MOBILIZE")
    assert got and got[0][0] is not None, got


def test_reinforcing_cooperation_is_no_deployment():
    assert events("وعززت قطر وتركيا التعاون العسكري بينهما خلال السنوات الماضية.", "MOBILIZE") == []


def test_arresting_people_with_awqafa():
    got = events("وأوقفت السلطات الفرنسية ثلاثة أشخاص لعلاقتهم بمحاولة الاعتداء، بحسب مصادر قضائية.", "COERCE")
    assert got and got[0][0] is not None, got


def test_stopping_fire_or_aid_is_no_arrest():
    assert events("وأوقفت الولايات المتحدة التمويل المقدم لوكالة غوث وتشغيل اللاجئين الفلسطينيين.", "COERCE") == []


# -- boycotts, talks, backing -------------------------------------------------------------------
def test_a_boycott_of_a_state():
    got = events("إضافة إلى قضية مقاطعة السعودية والإمارات والبحرين ومصر لدولة قطر فضلا عن الوضع في لبنان.",
                 "SANCTION")
    assert got, got


def test_boycotting_an_election_is_no_sanction():
    assert events("وكانت أحزاب المعارضة قد دعت إلى مقاطعة الانتخابات الرئاسية.", "SANCTION") == []


def test_talks_with_a_party():
    got = events('وقال بيسكوف "اليوم، أجرى الرئيس بوتين محادثات مع الرئيس السوري بشار الأسد".', "CONSULT")
    assert any(s and "بوتين" in s for s, _ in got), got


def test_asking_others_to_stand_by_is_no_support():
    assert events('وقال لودريان "سأطلب الاثنين من مجلس وزراء خارجية الاتحاد الأوروبي أن يقفوا بجانب '
                  'السوريين ويقدموا لهم كل المساعدة التي يحتاجون إليها".', "SUPPORT") == []


# -- the act a condemnation judges ------------------------------------------------------------
def test_a_condemned_act_gives_its_agent_as_target():
    got = events("واستنكر البرلمان العربي الهجوم الحوثي معلنا أن ما حصل يستوجب التحرك الفوري والحاسم من "
                 "المجتمع الدولي.", "ACCUSE")
    assert any(s and "البرلمان" in s and t for s, t in got), got


def test_a_condemned_act_with_no_agent_gives_no_target():
    got = events('وأدان الرئيس الفرنسي ماكرون "الهجوم الكيميائي"، ضد المدنيين في دوما، وذلك خلال محادثة هاتفية.',
                 "ACCUSE")
    assert got and all(t is None for _, t in got), got


# -- counted victims -------------------------------------------------------------------------------
def test_a_counted_nationality_is_the_target():
    doc = analysed("ويوم الاثنين، قتلت القوات الإسرائيلية 60 فلسطينيا في احتجاجات أكبر بكثير تزامنت مع نقل "
                   "الولايات المتحدة لسفارتها.")
    got = [doc.actors[e.target].country for e in doc.events if e.type == "ASSAULT" and e.target]
    assert "PSE" in got, got



# -- orders and frames -------------------------------------------------------------------------------
def test_a_detention_order_has_its_issuer():
    got = events("وفي وقت سابق، قررت نيابة أمن الدولة العليا حبس الناشط السياسي شادي الغزالي حرب مدة 15 يوما "
                 "احتياطيا.", "COERCE")
    assert got and got[0][0] is not None, got
    got = events("كان قاض قد أمر بحبس بوتينا (29 عاما) يوم الأربعاء لحين محاكمتها.", "COERCE")
    assert got and got[0][0] is not None, got


def test_a_custody_mention_without_an_order_is_no_arrest():
    assert events("وقضى الناشط ثلاث سنوات في الحبس قبل أن يفرج عنه.", "COERCE") == []


def test_talks_with_take_the_party_after_maa():
    got = events("كما أجرى بومبيو محادثات أيضا مع الرئيس التركي رجب طيب أردوغان.", "CONSULT")
    assert any(t == "رجب طيب أردوغان" for _, t in got), got


# -- expressing verbs and the owner of a judged act -----------------------------------------------
def test_an_expressed_attitude_has_the_expresser_as_source():
    got = events('أعربت وزارة الخارجية العمانية عن تأييدها للأسباب "التي أدت بالولايات المتحدة والمملكة المتحدة '
                 'وفرنسا للقيام بالإجراءات العسكرية".', "SUPPORT")
    assert any(s and "العمانية" in s for s, _ in got), got


def test_the_owner_of_a_welcomed_act_is_the_target():
    got = events("وأعرب العاهل الأردني عن تقديره للأجهزة الأمنية في تعاملها الحضاري مع التظاهرات.", "SUPPORT")
    assert any(t for _, t in got), got


def test_expressing_concern_about_an_attack_names_no_attacker():
    got = events("وأعربوا عن قلقهم الشديد إزاء الهجوم بالإضافة إلى جميع الهجمات الأخيرة في اليمن.", "ASSAULT")
    assert all(s is None for s, _ in got), got


def test_coordinated_states_are_each_an_agent():
    got = events("اتهمت واشنطن ولندن وباريس دمشق باستخدام السلاح الكيميائي.", "ACCUSE")
    assert len({s for s, _ in got}) >= 2, got
