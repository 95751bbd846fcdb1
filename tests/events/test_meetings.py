"""Meetings, calls, letters and talks in the shapes of news reports (marsad/events/meetings.py,
marsad/resources/events/triggers_meetings.yaml) on real sentences of ../shared/data/ant_news
(2018): a possessed meeting noun whose possessor is the clause's subject, a received call or
letter, taking part in talks, a meeting that brought two parties together, a talk with a party,
the counterpart after مع, the two parties a dual subject takes up; each family with a sentence
that must not give the event (or not with that party)."""
from __future__ import annotations

from sentences import analysed, event_parties, name_of

from marsad.events.sentence import analyse_sentence

events = event_parties


# -- a possessed meeting noun: its possessor is the clause's subject -----------------------------
def test_meeting_after_fronted_phrase_has_the_main_subject():
    got = events("وقال وزير الخارجية الإيراني محمد جواد ظريف إن بلاده مستعدة. وخلال لقائه مع الرئيس الروسي "
                 "فلاديمير بوتين، بحث الرئيس التركي رجب طيب أردوغان الأوضاع في سوريا.", "CONSULT")
    assert ("رجب طيب أردوغان", "فلاديمير بوتين") in got, got


def test_past_meeting_told_before_the_clause():
    got = events("بعد لقائه مع فلاديمير بوتين، يواجه الرئيس ترامب اتهامات بأنه فشل في مواجهة الزعيم الروسي.",
                 "CONSULT")
    assert ("دونالد ترامب", "فلاديمير بوتين") in got or ("ترامب", "فلاديمير بوتين") in got, got


def test_reception_told_after_the_subject():
    got = events("وقال الرئيس اللبناني ميشال عون لدى استقباله وزير الخارجية الإيراني محمد جواد ظريف إن "
                 "لبنان يرفض التدخل في شؤونه.", "CONSULT")
    assert ("ميشال عون", "محمد جواد ظريف") in got, got


def test_a_visit_is_not_owned_by_a_farther_subject():
    # the visitor is the secretary of state (after لـ), not North Korea
    got = events("وأفرجت كوريا الشمالية، عن 3 سجناء أميركيين وسلمتهم لوزير الخارجية الأميركي خلال زيارته "
                 "لبيونغيانغ الأربعاء، مما يزيل عقبة رئيسية.", "CONSULT")
    assert not any(s == "كوريا الشمالية" for s, _ in got), got


def test_a_call_with_a_channel_is_an_interview():
    got = events("كما أعلنت المحامية ورئيسة المركز المصري لحقوق المرأة (وهي منظمة أهلية)، نهاد أبو القمصان، "
                 "أنها ومحامين آخرين متضامنيين مع منة وقالت في اتصال هاتفي مع بي بي سي إنها اتصلت بها هاتفيا "
                 "يوم الثلاثاء لدعمها.", "CONSULT")
    assert got == [], got


# -- received calls and letters ------------------------------------------------------------------
def test_received_call_has_the_caller_for_source():
    got = events("وتلقى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين بحثا "
                 "خلاله العلاقات الثنائية.", "CONSULT")
    assert ("فلاديمير بوتين", "رجب طيب أردوغان") in got, got
    assert ("رجب طيب أردوغان", "فلاديمير بوتين") not in got, got


def test_received_letter_has_the_sender_for_source():
    got = events("تلقى الرئيس الأميركي دونالد ترامب رسالة من الزعيم الكوري الشمالي كيم جونغ أون، يطلب فيها "
                 "الأخير عقد لقاء ثان.", "CONSULT")
    assert ("كيم جونغ أون", "دونالد ترامب") in got, got


def test_threats_received_are_no_letter():
    got = events("وقال جيمي دورماز إنه تلقى أكثر من 3000 رسالة شتم وانتقاد على مواقع التواصل.", "CONSULT")
    assert got == [], got


# -- taking part ------------------------------------------------------------------------------------
def test_taking_part_in_talks_with_a_party():
    got = events("وشارك كيم يونغ تشول عن كثب في محادثات مع كوريا الجنوبية أيضا.", "CONSULT")
    assert any(s == "كيم يونغ تشول" and t == "كوريا الجنوبية" for s, t in got), got


def test_taking_part_in_a_summit_by_the_possessed_noun():
    got = events("اعتبر وزير الدفاع الأمريكي جيم ماتيس اليوم السبت خلال مشاركته في قمة أمنية في سنغافورة، "
                 "أن تعزيز الصين مواقعها العسكرية مرتبط بالاستراتيجية.", "CONSULT")
    assert any(s == "جيمس ماتيس" for s, _ in got), got


def test_sponsors_of_talks_are_no_counterpart():
    got = events("لاحقا أصبح سعيد نقرش مدير المكتب السياسي للواء شهداء الإسلام في الشمال السوري، وشارك في "
                 "محادثات استانة التي ترعاها تركيا وروسيا وإيران.", "CONSULT")
    assert not any(t in ("تركيا", "روسيا", "إيران") for _, t in got), got


def test_a_match_is_no_meeting():
    got = events("داعيا إلى حرق صور اللاعب في حال مشاركته في اللقاء.", "CONSULT")
    assert got == [], got


# -- a meeting that brought parties together; a talk with a party -----------------------------------
def test_summit_that_brought_him_together_with_a_leader():
    got = events("أكد الرئيس الأمريكي دونالد ترامب أن القمة التاريخية التي جمعته في سنغافورة الثلاثاء بالزعيم "
                 "الكوري الشمالي كيم جونغ أون ساهمت في تجنيب العالم كارثة نووية.", "CONSULT")
    assert ("دونالد ترامب", "كيم جونغ أون") in got, got


def test_talk_with_a_party_and_not_about_one():
    got = events("وتحدث بوتين إلى نظيره الإيراني حسن روحاني هاتفيا الأحد.", "CONSULT")
    assert any(t == "حسن روحاني" for _, t in got), got
    assert events("وقال كوهين إنه دفع لها 130 ألف دولار من ماله الخاص كي تبقى صامتة ولا تتحدث عن علاقتها "
                  "السابقة مع ترامب.", "CONSULT") == []


# -- the counterpart after مع ---------------------------------------------------------------------
def test_counterpart_after_with_not_the_title_genitive():
    got = events("وتباحث أمير قطر الشيخ تميم بن حمد مع الرئيس الفرنسي إيمانويل ماكرون حول الأزمة الخليجية.",
                 "CONSULT")
    assert got and all(t == "إيمانويل ماكرون" for _, t in got), got


def test_visit_keeps_its_destination_when_talks_follow_in_another_clause():
    got = events("وكان نتنياهو زار موسكو، الأربعاء، حيث بحث مع بوتين الوضع في سوريا والعلاقات مع "
                 "الفلسطينيين.", "CONSULT")
    assert any(s == "بنيامين نتنياهو" and t in ("روسيا", "موسكو") for s, t in got), got


# -- the two parties a dual subject takes up --------------------------------------------------------
def test_dual_subject_takes_up_the_pair_met_before():
    doc = analysed("والتقى وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرغي لافروف في هلسنكي. "
                   "وناقش الجانبان الأزمة السورية والملف النووي الإيراني.")
    evs = [e for e in doc.events if e.type == "CONSULT" and "الجانبان" in doc.text[e.start:e.end + 12]]
    assert evs and name_of(doc, evs[0].source) == "مايك بومبيو", [(e.type, doc.text[e.start:e.end]) for e in doc.events]


def test_dual_subject_with_no_pair_before_gives_nothing():
    got = events("وناقش الجانبان الأزمة السورية والملف النووي الإيراني.", "CONSULT")
    assert got == [], got


# -- a meeting still to come is no asserted meeting ------------------------------------------------
def test_announced_meeting_is_not_asserted():
    doc = analysed("قال الرئيس الأميركي دونالد ترامب الثلاثاء، إن اجتماعه القادم مع زعيم كوريا الشمالية كيم "
                   "جونغ أون سيتم، وإن المسؤولين يعملون على ترتيبه.")
    assert not any(e.type == "CONSULT" and e.modality == "asserted" for e in doc.events), \
        [(e.type, e.modality, doc.text[e.start:e.end]) for e in doc.events]


# -- talks between two parties; talks held by two coordinated subjects ----------------------------
def test_talks_between_a_government_and_a_group_named_by_nisba():
    got = events("وأضاف المصدر أن المحادثات بين الحكومة اليمنية والحوثيين تجري تحت إشراف سلطنة عمان.", "CONSULT")
    assert any(t == "الحوثيون" for _, t in got), got


def test_talks_held_by_two_coordinated_subjects():
    got = events("وعقدت الحكومة والمعارضة جولة جديدة من المفاوضات في جنيف.", "CONSULT")
    assert any(s == "الحكومة" and t == "المعارضة" for s, t in got), got


def test_a_summit_held_by_one_body_names_no_counterpart():
    got = events("وعقد وزراء خارجية الدول العربية اجتماعا طارئا في القاهرة لبحث الأزمة.", "CONSULT")
    assert not any(t is not None for _, t in got), got


# -- an arrival on a visit; a letter handed over ---------------------------------------------------
def test_arrival_on_a_visit_with_a_long_subject():
    got = events("وصل الرئيس الإثيوبي آبي أحمد صباح الأحد إلى العاصمة الإريترية أسمرة في زيارة تاريخية لإنهاء "
                 "الخلاف بين البلدين المستمر منذ نحو 20 عاما.", "CONSULT")
    assert any(s == "آبي أحمد" and t in ("إريتريا", "أسمرة") for s, t in got), got


def test_letter_handed_over_has_the_sender_for_source():
    got = events("وتسلم رئيس الوزراء الإثيوبي أبي أحمد رسالة شفهية من الرئيس المصري عبد الفتاح السيسي.", "CONSULT")
    assert any(s == "عبد الفتاح السيسي" for s, _ in got), got


def test_letter_received_through_a_bearer_is_the_senders():
    got = events("وقال الرئيس الأميركي دونالد ترامب الذي تسلم من الجنرال كيم يونغ شول رسالة من كيم جونغ أون، إن "
                 "المحادثات ستستمر.", "CONSULT")
    assert ("كيم جونغ أون", "دونالد ترامب") in got, got


def test_a_meeting_asked_for_in_a_letter_is_not_received():
    # the letter is received; the meeting it asks for keeps its own two parties
    doc = analysed("وأعلن البيت الأبيض، مساء الاثنين، أنه تسلم رسالة من كيم تتعلق بعقد لقاء جديد بين ترامب وكيم "
                   "بعد القمة التاريخية، التي جرت في 12 يونيو في سنغافورة.")
    got = [(s.cand.lexeme.id, s.args.source and doc.text[s.args.source.start:s.args.source.end],
            s.args.target and doc.text[s.args.target.start:s.args.target.end])
           for sent in doc.content_sentences() for s in analyse_sentence(doc, sent, 2018)]
    assert ("liqa", "ترامب", "كيم") in got, got


def test_dual_verb_after_its_coordinated_subject():
    # (France 24, 2018-02-20): "أردوغان وبوتين ناقشا": the first conjunct met the second
    doc = analysed("وأفادت مصادر في الرئاسة التركية أن أردوغان وبوتين ناقشا \"التطورات الأخيرة في سوريا، "
                   "خصوصا في عفرين وإدلب\".")
    got = [(doc.actors[e.source].name, doc.actors[e.target].name) for e in doc.events
           if e.type == "CONSULT" and e.source and e.target]
    assert ("رجب طيب أردوغان", "فلاديمير بوتين") in got or any(s.endswith("أردوغان") and t.endswith("بوتين")
                                                              for s, t in got), got


def test_dual_meal_is_no_meeting():
    # (France 24, 2018-03-07): two people who had lunch, no pair of actors
    doc = analysed("حاولت الشرطة استعادة تحركات الكولونيل السابق وابنته. وقد تناولا الغداء في مطعم \"بيتزا زيزي\".")
    assert not any(e.type == "CONSULT" for e in doc.events)


def test_meeting_noun_with_its_agent_as_suffix():
    # (AL-internationalNews-1270-20180522) "خلال لقائه رئيس الحكومة اليمنية": the suffix is who
    # met, the phrase after it whom (before, the prime minister was read as the one who met)
    from tests.sentences import analysed, name_of
    doc = analysed("أعلن السفير الأميركي لدى اليمن، ماثيو تولر، دعم بلاده للحكومة. وأكد تولر خلال لقائه رئيس الحكومة "
                   "اليمنية، أحمد بن دغر، أن الولايات المتحدة لن تسمح بما يهدد أمن المنطقة.")
    got = [(name_of(doc, e.source), name_of(doc, e.target)) for e in doc.events if e.type == "CONSULT"]
    assert got and all(s != "أحمد عبيد بن دغر" for s, _ in got), got


def test_meeting_suffix_after_ja_dhalik_is_the_last_speaker():
    # "جاء ذلك خلال لقائه …": the sentence names no one before the meeting; its suffix is the
    # speaker of the statement just before
    from tests.sentences import analysed, name_of
    doc = analysed("وأكد العاهل السعودي الملك سلمان أن المملكة حريصة على أمن المنطقة. جاء ذلك خلال لقائه وزير "
                   "الخارجية الأمريكي مايك بومبيو في الرياض.")
    got = [(name_of(doc, e.source), name_of(doc, e.target)) for e in doc.events if e.type == "CONSULT"]
    assert ("سلمان بن عبد العزيز", "مايك بومبيو") in got, got
