"""Verbal acts told with an explicit verb or verbal noun (issue 13): denials (REJECT), insisting on
a demand and giving an order (REQUEST), threats told with their noun (THREATEN, not a threat received), exchanges of
information or views (COOPERATE / CONSULT), mediation (CONSULT), an agreement announced with عن
(AGREE), and a named but unlisted speaker as the source. Real ant_news sentences, positive and
negative."""
from tests.sentences import analysed, event_parties


def _types(text: str) -> list[str]:
    return [e.type for e in analysed(text).events]


def test_denial_of_an_act_is_reject_and_the_act_no_event():
    s = "ونفت الحكومة السورية شنّ أي هجمات من هذا القبيل."
    doc = analysed(s)
    assert [e.type for e in doc.events] == ["REJECT"]
    assert doc.actors[doc.events[0].source].country == "SYR"


def test_denial_names_no_patient():
    s = "دبي، الإمارات العربية المتحدة (CNN)-- أثار اختفاء الناشط السياسي والبرلماني المصري السابق الدكتور مصطفى النجار ضجة في مصر، بينما نفت السلطات المصرية احتجازه قائلة إنه \"ليس محبوساً\"."
    pairs = event_parties(s, "REJECT")
    assert pairs and pairs[0][0] == "مصر" and pairs[0][1] is None


def test_denial_of_a_link():
    assert "REJECT" in _types("وتنفي الحكومة الروسية أي صلة لها بالحادث.")


def test_insisting_on_an_act_after_a_long_subject():
    s = "وأصر المحتجون الغاضبون على رفع العلم العراقي في داخل المقر الإيراني."
    assert "REQUEST" in _types(s)


def test_insisting_on_denying_is_no_demand():
    s = "اُستجوب بيج عام 2017 ، لكنه أصر على نفي التهم الموجهة له من بينها \"العمالة لروسيا\"."
    assert "REQUEST" not in _types(s)


def test_order_to_set_up_a_body_is_request():
    s = "كما أمر الملك سلمان بإنشاء هيئة ملكية لمكة المكرمة والمشاعر المقدسة."
    pairs = event_parties(s, "REQUEST")
    assert pairs and "سلمان" in (pairs[0][0] or "")


def test_the_noun_amr_a_matter_is_no_order():
    s = "وقال أولمرت إن محاولة العبور عبر السياج أمر غير مقبول بتاتا."
    assert "REQUEST" not in _types(s)


def test_threats_received_by_schools_name_no_act():
    s = "اضطرت عشرات المدارس في بريطانيا إلى إخلاء مبانيها، وذلك بعد تهديدات بالجملة تلقتها مدارس إنجلترا."
    assert "THREATEN" not in _types(s)


def test_exchanging_views_is_consult_and_fire_is_not():
    views = "وقالت وكالة الأنباء الرسمية إن كيم جونج أون وشي جين بينغ تبادلا الآراء بخصوص القضايا المشتركة."
    insults = "عندما كان ترامب وكيم يتبادلان الاتهامات والشتائم."
    assert "CONSULT" in _types(views)
    assert "COOPERATE" not in _types(insults) and "CONSULT" not in _types(insults)


def test_exchanging_information_is_cooperation():
    s = "وأضاف: \"رئيس الجمهورية الفرنسية إيمانويل ماكرون والرئيس الأمريكي دونالد ترامب تبادلا معلومات تؤكد استخدام أسلحة كيميائية\"."
    assert "COOPERATE" in _types(s)


def test_mediation_between_parties():
    s = "ويثير ذلك تكهنات بأن مصر التي توسطت بين إسرائيل وحماس أغلقته لممارسة ضغوط على حماس."
    assert any(src == "مصر" for src, _ in event_parties(s, "CONSULT"))


def test_a_car_in_the_middle_is_no_mediation():
    s = "احتفالا بوصول السيسي، الذي توسطت سيارته موكبا كبيرا من الدراجات النارية حتى بوابة مجلس النواب."
    assert "CONSULT" not in _types(s)


def test_agreement_announced_with_an():
    s = "وأعلن بوتين عن اتفاقية بقيمة مليار و300 مليون دولار لتصنيع وتوريد عربات للقطارات في مصر."
    assert "AGREE" in _types(s)


def test_named_unlisted_person_speaks():
    s = "ووجهت نساء أخريات اتهامات لكافانو بالتحرش، حيث اتهمته ديبورا راميريز، وهي زميلة سابقة له في جامعة ييل، بأنه كشف عن عورته أمامها في حفل."
    assert any(src == "ديبورا راميريز" for src, _ in event_parties(s, "ACCUSE"))


def test_named_person_far_from_a_participle_is_no_source():
    s = "وتأتي حكومة الرزّاز بعد إقالة حكومة هاني الملقي التي رحلت على وقع احتجاجات شعبية رافضة لمشروع قانون ضريبة الدخل."
    assert "REJECT" not in _types(s)


def test_agreeing_to_a_demand_told_before_targets_its_author():
    s = ("وتابعت المندوبة الأمريكية بالقول إن الروس طرحوا شروطا أصروا عليها \"قبل أن يسمحوا بوقف القتل\"، "
         "مشيرة إلى أن واشنطن وافقت عليها في نهاية المطاف.")
    assert ("واشنطن", "الروس") in event_parties(s, "AGREE")


def test_agreeing_with_no_demand_before_has_no_target():
    s = "فهناك منطقة خفض التوتر التي وافق عليها الروس، لكنهم اليوم خرقوها بوضوح."
    assert all(tgt is None for _, tgt in event_parties(s, "AGREE"))


def test_grammatical_negation_and_victory_are_no_verbal_acts():
    negation = "وأكد ترامب أنه قال جملة أساسية خلال مؤتمره الصحفي نسي أن يستخدم فيها صيغة النفي، ما جعل المعنى يتخذ منحى معاكسا."
    victory = "وما يزيد المشهد تأزماً الوهن الذي دب في أوصال الحكومة العراقية بعد نشوة النصر على داعش."
    assert "REJECT" not in _types(negation)
    assert "REQUEST" not in _types(victory)


def test_the_threat_as_a_topic_is_no_threatening():
    s = ("ومنذ قمته التاريخية مع كيم في الـ12 من يونيو، بدا ترامب متفائلا إزاء فرص السلام في شبه الجزيرة "
         "الكورية، وشدد على أن التهديد بحرب نووية بات مستبعدا.")
    assert "THREATEN" not in _types(s)


def test_demand_addressed_by_a_pronoun_after_min():
    s = ("قال الرئيس الكوري الجنوبي، مون جاي- إن، إن الرئيس الأمريكي، دونالد ترامب، وزعيم كوريا الشمالية، "
         "كيم جونغ أون، طلبا منه أن يعمل كوسيط بين بلديهما.")
    assert any(tgt and "مون" in tgt for _, tgt in event_parties(s, "REQUEST"))


def test_the_agency_relaying_a_report_is_not_the_agent_of_what_it_relays():
    # (BBC Arabic, 2018-05-11) the refusal is the victim's family's, not Reuters'
    s = ("وأدانت المحكمة نورة بجريمة القتل العمد الشهر الماضي، وصدر الخميس الحكم رسميا بإعدامها شنقا، "
         "بعدما رفض أهل القتيل أخذ الدية، حسب وكالة رويترز.")
    assert not [p for p in event_parties(s, "REJECT") if p[0] and "رويترز" in p[0]]


def test_the_verb_demanded_is_no_student():
    # (France 24, 2018-05-17) "طالب" opening the clause is the verb "demanded", not a student (EDU):
    # no participant "طالب" is read as the agent of the investigation demanded
    s = ("طالب رئيس الحكومة الكندي جاستن ترودو في بيان الأربعاء بتحقيق مستقل بعد قتل عشرات الفلسطينيين في "
         "قطاع غزة برصاص الجيش الإسرائيلي.")
    doc = analysed(s)
    assert not [a for a in doc.actors.values() if a.name == "طالب"]
    assert ("جاستن ترودو", None) in event_parties(s, "REQUEST")


def test_an_agreement_on_a_withdrawal_is_an_agreement():
    # (France 24, 2018-04-06) the withdrawal is what was agreed, not a withdrawal from the agreement
    s = ('وأعلنت روسيا مساء الأحد التوصل إلى اتفاق "مبدئي على انسحاب مقاتلي جيش الإسلام" من مدينة دوما، '
         "لكن لم يصدر عن جيش الإسلام أي تأكيد رسمي بشأنه.")
    assert [p for p in event_parties(s, "AGREE") if p[0] == "روسيا"]


def test_pressing_for_an_agreement_reaches_none():
    # (BBC Arabic, 2018-02-25) a purpose: no agreement was reached
    s = ("وقد ضغطت موسكو من أجل التوصل إلى صيغة اتفاق تفضي إلى انسحاب مسلحي المعارضة وعائلاتهم من الغوطة، "
         "عبر مفاوضات مثلما حدث في حلب.")
    assert not event_parties(s, "AGREE")


def test_the_withdrawal_agreed_on_is_not_yet_done():
    # (France 24, 2018-04-06) the act an agreement is about is promised, not an asserted RETREAT
    s = ('وأعلنت روسيا مساء الأحد التوصل إلى اتفاق "مبدئي على انسحاب مقاتلي جيش الإسلام" من مدينة دوما، '
         "لكن لم يصدر عن جيش الإسلام أي تأكيد رسمي بشأنه.")
    assert not [e for e in analysed(s).events if e.type == "RETREAT" and e.modality == "asserted"]
