"""Diplomatic and verbal interactions told the way news agencies tell them (triggers_verbal.yaml):
visits with their destination, announced meetings coded AGREE, readiness and commitments,
insisting on a demand, retaliation threats; real ant_news sentences, positive and negative."""
from tests.sentences import analysed, event_parties


def _types(text: str) -> list[str]:
    return [e.type for e in analysed(text).events]


def test_readiness_to_meet_is_agree_with_counterpart():
    s = "وانتعشت آمال حدوث انفراجة مع كوريا الشمالية يوم الخميس، عندما قال ترامب إنه مستعد لعقد اجتماع لم يسبق له مثيل مع كيم."
    pairs = event_parties(s, "AGREE")
    assert pairs and "ترامب" in (pairs[0][0] or "") and "كيم" in (pairs[0][1] or "")


def test_negated_readiness_is_no_agreement():
    s = "وقال أحد النواب لفرانس برس إن التمديد يكشف أن \"الحكومة غير مستعدة للتوقيع على اتفاق سلام\"."
    assert not any(e.prov.rule.endswith("mustaidd") for e in analysed(s).events)


def test_visit_with_destination_after_support_verb():
    s = "في الوقت الذي بدأ فيه الأمير محمد بن سلمان زيارة رسمية إلى فرنسا، رفعت جمعية يمنية للدفاع عن حقوق الإنسان دعوى قضائية."
    pairs = event_parties(s, "CONSULT")
    assert ("محمد بن سلمان", "فرنسا") in pairs


def test_announced_visit_is_agree_not_asserted_consult():
    s = "ومن المقرر أن يزور روحاني أيضا النمسا، التي سترأس الاتحاد الأوربي خلال الأشهر الستة المقبلة."
    doc = analysed(s)
    assert "CONSULT" not in [e.type for e in doc.events]
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert agree and agree[0].modality == "asserted" and doc.actors[agree[0].target].name == "النمسا"


def test_cancelled_visit_is_no_agreement():
    s = "أعلن مكتب رئيس الوزراء الفرنسي إدوار فيليب الأربعاء أنه لن يجري الزيارة التي كانت مقررة إلى إسرائيل والأراضي الفلسطينية."
    assert "AGREE" not in _types(s)


def test_announced_session_of_one_body_is_no_agreement():
    s = "أعلنت وزارة الخارجية البريطانية، السبت، أن جهاز الأمن القومي في البلاد سيجتمع الأسبوع المقبل، لبحث الخطوات المقبلة."
    assert "AGREE" not in _types(s)


def test_retaliation_announced_is_threat():
    s = "قال وزير الخارجية التركي، مولود تشاووش أوغلو، إن تركيا سترد على أي عقوبات أميركية في مجال الدفاع."
    assert any(src == "تركيا" for src, _ in event_parties(s, "THREATEN"))


def test_insisting_on_an_act_is_request_not_on_a_claim():
    demand = "وقالت وزارة الخارجية التركية إنها شاركت المعلومات الضرورية مع الولايات المتحدة، لكنها أصرت على ضرورة ترك القضية أمام القضاء."
    claim = "تعتقد مصادر تركية أنه قتل على يد مجموعة من 15 سعوديا، والرياض تصر على أنه غادر القنصلية سالما."
    assert "REQUEST" in _types(demand)
    assert "REQUEST" not in _types(claim)


def test_hosting_refugees_is_no_meeting():
    s = "وتستضيف بلدة تل رفعت، وفق الأمم المتحدة، نحو 75 ألف نازح فروا من منطقة عفرين."
    assert "CONSULT" not in _types(s)


def test_talks_read_by_two_lexemes_are_one_event():
    s = "قال المتحدث باسم الكرملين ديمتري بيسكوف للصحافيين الخميس \"اليوم، أجرى الرئيس بوتين محادثات مع الرئيس السوري بشار الأسد\"."
    assert _types(s).count("CONSULT") == 1


def test_coordinated_verb_with_object_pronoun_shares_the_subject():
    s = "وانتقد الرئيس التركي رجب طيب أردوغان الولايات المتحدة واتهمها بدعم الإرهاب."
    assert event_parties(s, "ACCUSE").count(("رجب طيب أردوغان", "الولايات المتحدة")) == 2


def test_stem_ending_like_a_pronoun_is_no_object_pronoun():
    # (اتهم ends with the letters of هم: the phrase after it is its object, as usual)
    s = "لكن رئيس الوزراء العراقي حيدر العبادي طالب تركيا باحترام سيادة العراق، واتهم الساسة الأتراك بإثارة التوتر."
    assert all(tgt != "العراق" for _, tgt in event_parties(s, "ACCUSE"))


def test_two_adjacent_states_are_subject_and_object():
    s = "واتهمت إيران السعودية بدعم الإرهاب."
    assert ("إيران", "السعودية") in event_parties(s, "ACCUSE")


def test_meeting_with_counterpart_takes_the_clause_subject():
    s = "وفي يوم الثلاثاء كان بومبيو في الرياض لإجراء محادثات مع الملك السعودي سلمان وولي العهد محمد بن سلمان."
    assert any(src == "مايك بومبيو" for src, _ in event_parties(s, "CONSULT"))


def test_interview_with_a_channel_and_cancelled_meeting_are_no_consult():
    interview = "ومن بين العديد من التصريحات، قال ترامب خلال لقائه مع قناة بلومبرغ، الخميس بالمكتب البيضاوي، إنه سيفوز."
    cancelled = "وجاء ذلك بعد ساعتين فقط من إعلان الرئيس الأميركي قراره بإلغاء الاجتماع مع كيم."
    assert "CONSULT" not in _types(interview)
    assert "CONSULT" not in _types(cancelled)
