"""Light-verb constructions and verbal nouns (marsad/resources/events/triggers_phrases.yaml) on
real sentences of ../shared/data/ant_news (2018): blame laid on a party, anger expressed, thanks,
solidarity, material backing given, appeals, tariffs, ambassadors recalled, invitations to
visit and offers to mediate; each family with a sentence that must not give the event."""
from __future__ import annotations

from sentences import analysed, event_parties

from marsad.events.sentence import analyse_sentence

events = event_parties


def _candidates(text: str) -> list[tuple[str, str, str | None]]:
    """(type, lexeme id, patient text) of every trigger candidate of the text's sentences (for
    acts whose agent an earlier clause names: the candidate and its patient are read here)."""
    doc = analysed(text, "2018-06-01")
    out = []
    for sent in doc.content_sentences():
        for s in analyse_sentence(doc, sent, 2018):
            tgt = s.args.target
            out.append((s.cand.type, s.cand.lexeme.id, doc.text[tgt.start:tgt.end] if tgt else None))
    return out


# -- ACCUSE -------------------------------------------------------------------------------------
def test_blame_laid_on_a_party_is_accuse():
    got = events("ورحّل الجانبان دبلوماسيين، حيث تلقي بريطانيا باللوم على روسيا في هجوم بغاز أعصاب على "
                 "سيرغي #سكريبال وابنته.", "ACCUSE")
    assert ("بريطانيا", "روسيا") in got, got


def test_anger_expressed_is_accuse_and_concern_is_none():
    got = events("وجاء في مسودة البيان \"أن مجلس الأمن يعرب عن غضبه وأسفه لمقتل المدنيين الفلسطينيين الذين "
                 "يمارسون حقهم في الاحتجاج السلمي\".", "ACCUSE")
    assert any(s and "مجلس الأمن" in s for s, _ in got), got
    assert events("وقالت رئيسة الجمعية التونسية من أجل نزاهة وديمقراطية الانتخابات \"عتيد\" ليلى الشرايبي، "
                  "\"نعبر عن قلقنا إزاء التعطيل الحاصل في استكمال المصادقة على مجلة الجماعات المحلية\".",
                  "ACCUSE") == []


def test_anger_caused_is_no_expression():
    assert events("مما أثار غضب الولايات المتحدة و بريطانيا.", "ACCUSE") == []


# -- SUPPORT ------------------------------------------------------------------------------------
def test_thanks_addressed_to_a_party_is_support():
    got = events("وجه الرئيس الأميركي دونالد ترامب الشكر لكيم جونغ أون، وقال إنه يتطلع لمقابلة الزعيم "
                 "الكوري الشمالي بعد إعادة رفات يعتقد أنه لجنود أميركيين قتلوا في الحرب الكورية بين عامي "
                 "1950 و1953، إلى الولايات المتحدة.", "SUPPORT")
    assert ("دونالد ترامب", "كيم جونغ أون") in got, got


def test_thanks_in_a_quotation_is_no_event():
    assert events("وأضاف \"شكرا لكم، لفتة ذكية جدًا ودمثة!\".", "SUPPORT") == []


def test_solidarity_in_a_relative_clause_gives_no_reversed_event():
    got = events("فيما تقول أديس أبابا، التي تتضامن معها الخرطوم، إن السد الذي تبلغ استثماراته 4.8 مليارات "
                 "دولار لن يكون له تأثير قوي على مصر.", "SUPPORT")
    assert not any(s and "أديس" in s for s, _ in got), got


# -- AID ----------------------------------------------------------------------------------------
def test_material_backing_given_is_aid():
    got = events("ويريد أقارب الضحايا من المحكمة الإنجليزية العليا تنفيذ قرار أصدرته محكمة أميركية توصلت إلى "
                 "وجود أدلة تبين أن إيران قدمت \"دعما ماديا وموارد لتنظيم القاعدة لتنفيذ أعمال إرهابية\".",
                 "AID")
    assert any(s == "إيران" for s, _ in got), got


def test_political_backing_is_no_aid():
    assert events("أما فيما يتعلق بالدعم السياسي الذي يقدمه إسرائيليو اليسار، فيرى ديمتري كدياني أنه تقلص "
                  "كثيرا في السنوات الأخيرة بسبب ضعف هذا التيار وقوة حكومة بنيامين نتانياهو.", "AID") == []


def test_an_indefinite_noun_takes_no_genitive_agent():
    # "دعما عسكريا": the adjective after the indefinite noun is no backer
    got = events("وقدمت الولايات المتحدة دعما عسكريا للقوات الكردية في سوريا.", "AID") + \
        events("وقدمت الولايات المتحدة دعما عسكريا للقوات الكردية في سوريا.", "SUPPORT")
    assert got and all(s != "عسكريا" for s, _ in got), got


# -- REQUEST ------------------------------------------------------------------------------------
def test_an_appeal_addressed_is_request():
    got = _candidates("وكان قائد شرطة مكافحة الإرهاب في بريطانيا مارك راولي أعلن في وقت سابق أن \"الهدف في "
                      "الوقت الحالي هو تحديد ما الذي جعل هذين الشخصين يصابان بمرض خطير\"، ووجه نداءات إلى شهود.")
    assert ("REQUEST", "nida", "شهود") in got, got


def test_an_appeal_answered_is_no_request():
    assert events("ونقلت وكالة أعماق التابعة للتنظيم الإرهابي عن \"مصدر أمني\" أنّ \"منفذ عملية الطعن في "
                  "مدينة باريس هو جندي في داعش ونفّذ العملية استجابة لنداءات استهداف دول التحالف\".",
                  "REQUEST") == []


# -- SANCTION -----------------------------------------------------------------------------------
def test_tariffs_imposed_are_sanction():
    got = events("ولقد اندلع الخلاف في نهاية آذار/مارس حين فرضت واشنطن رسوما جمركية مشددة على الصلب "
                 "والألمنيوم الصينيين بنسبة 10 و25 بالمئة على التوالي.", "SANCTION")
    assert ("واشنطن", None) in got or any(s and "الولايات المتحدة" in s for s, _ in got), got


def test_tariffs_paid_or_lifted_are_none():
    assert events("وتطالب الميليشيا بدفع رسوم جمركية وإتاوات غير قانونية عليها للسماح بمرورها.",
                  "SANCTION") == []


def test_a_recalled_ambassador_is_sanction_and_a_call_for_it_is_none():
    got = _candidates("ونقلت وكالة الأنباء الهولندية (إيه.إن.بي) عن وزير الخارجية الهولندي ستف بلوك، أن الحكومة "
                      "أعادت العلاقات الدبلوماسية الرسمية مع تركيا، بعدما سحبت سفيرها في فبراير.")
    assert any(t == "SANCTION" and lid == "sahb_safir" for t, lid, _ in got), got
    assert events("إلا أن أحكام السجن التي ينص عليها القانون أثارت أزمة دبلوماسية غير مسبوقة مع إسرائيل، "
                  "ودعوات لسحب سفير إسرائيل في وارسو.", "SANCTION") == []


# -- AGREE --------------------------------------------------------------------------------------
def test_an_invitation_to_visit_is_agree():
    got = events("قال وزير الخارجية الروسي، سيرغي لافروف، الثلاثاء، إن بلاده وجهت دعوة للرئيس السوري، "
                 "بشار الأسد، لزيارة موسكو والقرم، وفق ما نقلت وكالة \"إنترفاكس\".", "AGREE")
    assert any(t == "بشار الأسد" for _, t in got), got


def test_an_invitation_to_a_celebration_is_none():
    assert events("وأرسلت بيونغ يانغ دعوات دبلوماسية لحضور الاحتفال، لكن عددا قليلا من قادة الدول سيحضرون "
                  "على الأرجح.", "AGREE") == []


def test_an_offer_to_mediate_is_agree():
    got = events("وقال إن المنظمة الدولية عرضت التوسط بين الحكومة السورية والمسؤولين الروس من جهة والتظيمات "
                 "الرئيسية الثلاثة المعارضة في الغوطة الشرقية.", "AGREE")
    assert got, got


def test_accusations_traded_are_accuse_between_the_two():
    got = events("وتأتي تصريحات ترامب بعدما تبادل الاتهامات مع نظيره الإيراني، حسن روحاني، بداية الشهر الجاري.",
                 "ACCUSE")
    assert ("دونالد ترامب", "حسن روحاني") in got or any(t == "حسن روحاني" for _, t in got), got


def test_backing_expressed_with_an_is_support():
    got = events("وعندما أعلن ساركوزي عن دعمه لبالادور مرشحا للرئاسة عام 1995، تسبب ذلك في خلاف طويل مع شيراك "
                 "الذي تمكن ساعتها من الفوز.", "SUPPORT")
    assert any(s and "ساركوزي" in s for s, _ in got), got


# -- CONSULT ------------------------------------------------------------------------------------
def test_a_letter_sent_to_a_party_is_consult():
    got = events("وجهت السعودية رسالة إلى مجلس الأمن الدولي بشأن الصواريخ الباليستية الحوثية الإيرانية، وطالبت "
                 "بمحاسبة إيران لتزويدها ميليشيات الحوثي بصواريخ باليستية.", "CONSULT")
    assert any(s == "السعودية" for s, _ in got), got


def test_a_clear_message_is_a_signal_not_a_letter():
    assert events("وأضاف نتنياهو \"لن نسمح لإيران بترسيخ نفسها في سوريا. لقد وجهت رسالة واضحة إلى نظام الأسد - "
                  "تحركنا موجه ضد أهداف إيرانية في سوريا\".", "CONSULT") == []


# -- verbal nouns with their agent as genitive -------------------------------------------------
def test_a_speech_nouns_genitive_before_its_topic_is_its_agent():
    # "اتهام الرباط للجبهة بـ…": Rabat accuses, not is accused
    got = _sources("كذب ممثل جبهة تحرير الساقية الحمراء ووادي الذهب \"البوليساريو\" في فرنسا أبي بشراي البشير، "
                   "اتهام الرباط للجبهة بتلقي أسلحة من حزب الله اللبناني.", "ittaham")
    assert "الرباط" in got and "الرباط" not in _targets_of(got), got


def test_a_speech_nouns_genitive_alone_stays_its_object():
    # "اتهام مواطنين روس بالتدخل": the citizens are accused
    got = _candidates("لافروف: اتهام مواطنين روس بالتدخل في الانتخابات الأمريكية \"ثرثرة\"")
    assert any(lid == "ittaham" and t and "مواطنين" in t for _, lid, t in got), got


def _sources(text: str, lexeme: str) -> dict:
    """{source text: target text} of the candidates of one lexeme."""
    doc = analysed(text, "2018-06-01")
    out = {}
    for sent in doc.content_sentences():
        for s in analyse_sentence(doc, sent, 2018):
            if s.cand.lexeme.id == lexeme:
                a = s.args
                out[doc.text[a.source.start:a.source.end] if a.source else None] = \
                    doc.text[a.target.start:a.target.end] if a.target else None
    return out


def _targets_of(pairs: dict) -> set:
    return set(pairs.values())
