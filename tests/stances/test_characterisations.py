"""Characterisations whose object is no party's name (marsad.stances.characterisations), on real
sentences of ../shared/data/ant_news (2018): the pronoun's antecedent, the author of the words or
act described, or the party the label names is judged; the stance is also a verbal ACCUSE /
SUPPORT event (events.verbal)."""
from __future__ import annotations

from sentences import analysed, name_of


def characterised(text: str) -> list[tuple[str | None, str | None, str]]:
    doc = analysed(text)
    return [(name_of(doc, s.holder), name_of(doc, s.target), s.polarity) for s in doc.stances
            if s.prov.rule == "characterise"]


def accusations(text: str) -> list[tuple[str | None, str | None]]:
    doc = analysed(text)
    return [(name_of(doc, e.source), name_of(doc, e.target)) for e in doc.events if e.type == "ACCUSE"]


def test_pronoun_on_the_verb_refers_to_the_words_of_a_party():
    text = 'في المقابل، نفت السلطات البريطانية الاتهامات الروسية ووصفتها بأنها "مزاعم مثيرة للسخرية".'
    assert ("بريطانيا", "روسيا", "oppose") in characterised(text)
    assert ("بريطانيا", "روسيا") in accusations(text)


def test_pronoun_after_a_named_speech_judges_its_speaker():
    text = ('ورفضت طهران، التي لم تنف أبدا سعيها لامتلاك سلاح نووي، حديث نتانياهو، ووصفته بالـ"سخيف"، '
            "إلا أنها لم تتحدث عن الوثائق التي عرضها نتانياهو.")
    got = characterised(text)
    assert any(h == "إيران" and t and "نت" in t and p == "oppose" for h, t, p in got), got


def test_label_naming_its_agent():
    text = ('وفي تغريدة، وصفت السفارة الروسية التفتيش المزعوم بأنه "استفزاز صارخ آخر من قبل السلطات '
            'البريطانية".')
    assert ("روسيا", "بريطانيا", "oppose") in characterised(text)


def test_praise_of_a_party_s_message_is_support():
    text = ("ووفقا لوكالة أنباء رويترز، أكدت المتحدثة باسم البيت الأبيض، سارا ساندرز، أن الحكومة الأميركية "
            'ترغب بأن يتم الاجتماع. ووصفت ساندرز رسالة بيونغيانغ "بالدافئة" و"الإيجابية"، كما قالت، إن العرض '
            "العسكري الأخير في بيونغيانغ يعد علامة.")
    got = characterised(text)
    assert any(t == "كوريا الشمالية" and p == "support" for _, t, p in got), got


def test_report_about_a_person_with_a_pronoun_of_the_wrong_gender_judges_nobody():
    # "تصفها" (feminine) refers to the reports, not to Khashoggi
    text = 'وتنفي بيانات السعودية حتى الآن التقارير عن مقتل خاشقجي وتصفها بأنها "كذب لا أساس له".'
    assert characterised(text) == []


def test_demonstrative_refers_to_an_act_not_to_the_place_before_it():
    text = ("وكان المتحدث باسم وزارة الخارجية الإيرانية، بهرام قاسمي، قد نفى في وقت سابق، ما تم تداوله "
            'مؤخرا بشأن نقل صواريخ بالستية من بلاده إلى العراق، واصفا ذلك الأمر بـ "محض كذب" و"فارغ".')
    assert not any(t == "العراق" for _, t, _ in characterised(text))


def test_neutral_or_praising_description_of_an_event_judges_nobody():
    text = 'ووصف بوتين القمة بأنها "ناجحة" لكنه حذر من أن "هناك قوى في الولايات المتحدة مستعدة للتضحية".'
    assert characterised(text) == []


def test_relative_what_it_called_judges_nobody_without_a_named_party():
    text = ("واتهمت الخارجية الروسية بريطانيا بالعمل مع متطوعي الدفاع المدني السوري من أجل ما وصفته "
            'بـ"فبركة" هجوم كيماوي مزيف في دوما.')
    assert characterised(text) == []


def test_verbal_noun_is_no_characterisation():
    text = ("كما ينقل الكاتب عن ماتيس وصفه لمدى إلمام ترامب بالقضايا الخارجية بأنه يعادل معرفة طالب في "
            "الصف الخامس أو السادس الابتدائي.")
    assert characterised(text) == []


def test_coordinated_subject_is_no_object():
    text = ("وليست هذه العملية الأولى من نوعها حيث انضم الفارون إلى 300 ألف لاجئ آخرين يعيشون في مخيمات بائسة "
            "في بنغلادش بعد هروبهم من عمليات عنف سابقة. وقد وصفت الأمم المتحدة والولايات المتحدة هذه الحملة "
            "العسكرية بالتطهير العرقي تجاه الروهينغا، إلا أن الجيش البورمي قال إنه لم يستهدف إلا المسلحين.")
    assert not any(t == "الولايات المتحدة" for _, t, _ in characterised(text))


def test_person_before_a_relative_is_the_one_describing():
    # "ترامب الذي وصفه": Trump describes (Juncker); he is not the one described
    text = ("كما واجه رئيس المفوضية الأوروبية جان كلود يونكر انتقادات ترامب الذي وصفه مرارا بأنه "
            '"قاتل وحشي" في إشارة إلى فرض الاتحاد الأوروبي غرامات على شركات أمريكية.')
    assert not any(t == "دونالد ترامب" for _, t, _ in characterised(text))


def test_what_it_called_judges_the_party_its_label_names():
    text = ("وقال المندوب الإيراني الدائم في الأمم المتحدة غلام علي خوشرو، أن الاتهامات السعودية لإيران بتهريب "
            'أسلحة وصواريخ باليستية إلى اليمن، "لا أساس لها" وتهدف إلى "حرف أنظار" الرأي العام عما وصفه '
            'بـ"الجرائم" السعودية في اليمن.')
    doc = analysed(text)
    assert any(s.prov.rule == "characterise" and name_of(doc, s.target) == "السعودية" for s in doc.stances), \
        [(s.prov.rule, name_of(doc, s.holder), name_of(doc, s.target)) for s in doc.stances]


def test_what_an_unnamed_subject_called_is_nobody_s_judgement():
    text = ("وكثفت الصين استعراض قوتها العسكرية في المنطقة في الأسبوع الماضي، إذ نفذت الأربعاء تدريبات بالذخيرة "
            'الحية في مضيق تايوان فيما وصفه الإعلام الرسمي بأنه رد مباشر على "استفزازات" تايوان.')
    assert characterised(text) == []
