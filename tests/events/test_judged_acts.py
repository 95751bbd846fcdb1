"""What a condemnation or a characterisation judges (events stage, ACT_JUDGING; triggers.yaml
itabara_pejorative), on real ant_news sentences: the agent of a condemned act, not its victim,
and no journalist read from "في مؤتمر صحفي"."""
from __future__ import annotations

from tests.sentences import analysed, code_of, event_parties


def test_condemned_attack_targets_its_agent():
    # "هجمات النظام السوري على دوما": the regime, not Douma
    doc = analysed("أدان وزير الخارجية الفرنسي، جان إيف لودريان، يوم الأحد، هجمات النظام السوري على دوما في "
                   "غوطة دمشق الشرقية، ليلة السبت، واعتبرت باريس ما حصل قرب العاصمة دمشق، انتهاكا للقانون "
                   "الإنساني الدولي.")
    accusations = [e for e in doc.events if e.type == "ACCUSE"]
    assert accusations and all(code_of(doc, e.target)[0] == "SYR" for e in accusations)
    assert all(doc.actors[e.target].name != "دوما" for e in accusations)


def test_pejorative_complement_of_itabara():
    text = 'واعتبر وزير الخارجية الروسي سيرغي لافروف أن القرار البريطاني "غير ودي واستفزازي"، مؤكدا أن بلاده سترد بشكل مناسب.'
    assert ("سيرغي لافروف", "بريطانيا") in event_parties(text, "ACCUSE")


def test_neutral_itabara_is_no_accusation():
    # "اعتبر … أن …" with no pejorative complement judges nobody
    text = "واعتبر وزير الخارجية الروسي سيرغي لافروف أن القرار البريطاني خطوة مهمة، مؤكدا أن بلاده ستدرسه."
    assert not event_parties(text, "ACCUSE")


def test_press_conference_is_no_patient():
    text = ('إلا أن ساندرز رفضت هذا التفسير في مؤتمر صحفي لاحق، وقالت للصحفيين إن "البيت الأبيض يتخذ إجراءات '
            'لمنع أي تدخل مستقبلي ".')
    assert all(t != "صحفي" for _, t in event_parties(text, "REJECT"))


def test_acceptance_denied_is_a_refusal():
    text = ("قال وزير الخارجية اليمني خالد اليماني، الجمعة، إن الحكومة الشرعية لا تقبل بنقل جرحى لا تعرفهم على "
            "متن طائرة وفد الحوثيين الذين من المفترض أن يشارك في مشاورات جنيف لحل الأزمة اليمنية.")
    assert event_parties(text, "REJECT")


def test_unless_and_beyond_dispute_are_no_refusals():
    assert not event_parties("وأوردت وسائل إعلام سورية أن قوات النظام وجهت جميع القوات العاملة في الغوطة الشرقية لشن "
                             "عملية ضخمة في دوما، ما لم يوافق فصيل جيش الإسلام على الخروج منها.", "REJECT")
    assert not event_parties("وقال كلود أرنو إن التفسيرات تختلف، وليس هناك دليل لا يقبل النقاش.", "REJECT")


def test_responsibility_laid_on_a_party():
    text = ("وألقى البنك المركزي الإيراني والقضاء بالمسؤولية عن انخفاض العملة والارتفاع المطرد في أسعار العملة "
            'الذهبية على من وصفهم "بالأعداء".')
    assert any(s is not None for s, _ in event_parties(text, "ACCUSE"))


def test_liberating_ground_is_taking_it():
    text = "وتمكنت المقاومة اليمنية من تحرير مواقع استراتيجية واسعة في الساحل الغربي."
    assert event_parties(text, "ASSAULT")
    # names and an editor are no liberation
    assert not event_parties("وقال رئيس تحرير الصحيفة إن المقال لم ينشر بعد.", "ASSAULT")


def test_names_are_no_insisting():
    # "فالح الفياض"، "وتلحين": forms of ألحّ that are other words
    assert not event_parties("أعلن المكتب الإعلامي لرئيس هيئة الحشد الشعبي المُقال فالح الفياض، الأحد، أن المحكمة "
                             "الاتحادية ألغت قرار إقالته.", "REQUEST")


def test_criticism_an_act_provoked_targets_its_agent():
    # "أثارت الاعتقالات انتقادات المنظمات": the organisations criticise whoever made the arrests
    text = ("واعتقلت السلطات السعودية عددا من الناشطات في مجال حقوق المرأة الأسبوع الماضي.\n"
            "وقد أثارت الاعتقالات انتقادات المنظمات المدافعة عن حقوق الإنسان.")
    doc = analysed(text)
    assert any(e.type == "ACCUSE" and code_of(doc, e.target)[0] == "SAU" for e in doc.events)
