"""Interactions on real news (sentences of ../shared/data/ant_news, 2018): verb-first subjects with
a title, participle chains, coordinated actors, backing, warnings, casualty idioms; the lexicon's
interaction frame (stance polarity, patient and topic prepositions) and the events' modality."""
from __future__ import annotations

from sentences import analysed, event_parties, name_of

from marsad.doc import Doc
from marsad.events.lexicon import load_lexicon
from marsad.events.stage import modality_of
from marsad.pipeline import Pipeline

events = event_parties


def test_participle_chain_after_verb_with_object():
    got = events('وبرّرت إسرائيل استخدام قواتها الرصاص الحي ضد المتظاهرين بأنها تدافع عن حدودها، متهمة '
                 'حركة "حماس" التي تسيطر على القطاع بمحاولة استخدام الاحتجاجات غطاء لشن هجمات.', "ACCUSE")
    assert any(s == "إسرائيل" and t and "حماس" in t for s, t in got), got


def test_title_subject_before_name_and_object():
    got = events("وحذر الرئيس التركي رجب طيب أردوغان في الوقت ذاته المعارضة من التشكيك في النتائج.", "THREATEN")
    assert got and all(t != "رجب طيب أردوغان" for _, t in got), got


def test_warning_between_states():
    got = events("وبالطبع حذرت موسكو واشنطن وحلفاءها من شن هجوم على سوريا.", "THREATEN")
    assert ("موسكو", "واشنطن") in got, got


def test_warning_of_a_danger_is_no_threat():
    assert events("وحذرت السلطات من خطر اندلاع حرائق الغابات مجددا.", "THREATEN") == []


def test_cautiously_is_no_warning():
    text = ('وأضاف، خلال مؤتمر صحافي، "فتحنا طريق الحديدة صنعاء لخروج الميليشيات دون مقاومة"، موضحاً أن '
            'التحالف يتقدم عسكرياً بحذر لتجنب المدنيين في الحديدة.')
    assert events(text, "THREATEN") == []


def test_backing_names_backer():
    got = events("وتحاول ميليشيات إيران نقل المعركة إلى الأحياء السكنية، عقب انسحابهم من أجزاء واسعة من المطار "
                 "تحت ضربات المقاومة المشتركة بدعم من قوات التحالف العربي.", "SUPPORT")
    assert got and all(s is not None for s, _ in got), got


def test_death_idiom_with_toll_is_an_attack():
    got = events("بعد يومين من المجزرة، لقي الأخوان كواشي مصرعهما بنيران الشرطة أثناء محاولتها اعتقالهما.", "ASSAULT")
    assert got is not None  # (no crash; the toll idiom alone has no count here)
    assert events("وأدت الحرب الضارية إلى إجبار نصف سكان سوريا على الهجرة أو النزوح، فيما لقي أكثر من 350 ألف "
                  "شخص مصرعهم.", "ASSAULT")


def test_death_in_a_crash_is_no_attack():
    text = ("وكانت طائرة هليكوبتر تابعة لسلاح مشاة البحرية الأميركية قد تحطمت أثناء مهمة تدريبية بجنوب ولاية "
            "كاليفورنيا الثلاثاء الماضي، ويعتقد أن أفراد طاقمها الأربعة لقوا حتفهم.")
    assert events(text, "ASSAULT") == []


def test_lexicon_frame():
    lex = load_lexicon().lexemes
    accuse = lex["ACCUSE.ittaham"]
    assert accuse.stance == "oppose" and "" in accuse.patient and "ب" in accuse.topic and accuse.object_first
    assert lex["SUPPORT.ashada"].stance == "support"
    assert lex["CONSULT.zara"].stance == "none"
    assert all(x.stance in ("support", "oppose", "none") for x in lex.values())


def test_modality():
    assert modality_of(None, None) == "asserted"
    assert modality_of("historical", None) == "asserted"
    assert modality_of("future", None) == "planned"
    assert modality_of("negated", None) == "denied"
    assert modality_of("hypothetical", None) == "conditional"
    assert modality_of(None, "REQUEST") == "demanded"
    assert modality_of(None, "THREATEN") == "threatened"


def test_event_json_has_modality_and_stance():
    doc = analysed("وبالطبع حذرت موسكو واشنطن وحلفاءها من شن هجوم على سوريا.")
    ev = [e for e in doc.to_json()["events"] if e["type"] == "THREATEN"]
    assert ev and ev[0]["modality"] == "asserted" and ev[0]["stance"] == "oppose"


# -- accusations told in a statement's content (marsad.events.blame) ------------------------
def _blamed(text: str) -> list[tuple[str | None, str | None]]:
    doc = analysed(text)
    return [(name_of(doc, e.source), name_of(doc, e.target)) for e in doc.events
            if e.type == "ACCUSE" and e.prov.rule == "statement:ACCUSE.blame"]


def test_misconduct_noun_names_its_wrongdoer():
    got = _blamed('وقالت وزارة الخزانة الأمريكية في بيان رسمي، إن العقوبات التي فرضت على الوزيرين التركيين '
                  'جاءت لأنهم "يعملون كقادة لمنظمات حكومية تركية مسؤولة عن تنفيذ انتهاكات تركيا الخطيرة '
                  'لحقوق الإنسان".')
    assert ("وزارة الخزانة الأمريكية", "تركيا") in got, got


def test_violation_by_a_foreign_army_in_a_direct_quote():
    got = _blamed('وتابع الوزير العراقي إبراهيم الجعفري: "نرفض رفضا قاطعا خرق القوات التركية للحدود العراقية، '
                  'ونجدد تأكيدنا على ضرورة انسحاب القوات التركية من بعشيقة".')
    assert got and all(t != "العراق" for _, t in got), got


def test_victims_of_a_siege_are_not_accused():
    got = _blamed("من جانبه، قال مفوض الأمم المتحدة السامي لحقوق الإنسان الأمير زيد بن رعد الحسين الجمعة، إن "
                  "المدنيين في محافظة درعا يتعرضون لحصار وقصف على غرار ما حدث في الغوطة الشرقية، محذرا من كارثة.")
    assert not got, got


def test_fighting_corruption_accuses_nobody():
    got = _blamed('مؤكدا "بلا اعتذار" أن إعادة توزيع العبء الضريبي سيطال "المقتدرين" من المواطنين، فيما أعلن '
                  'رئيس الحكومة الأردنية عمر الرزاز إصرار الحكومة على ملاحقة المشتبه بتورطهم في قضايا فساد.')
    assert not got, got


def test_a_noun_with_the_article_is_no_verb_of_misconduct():
    got = _blamed("وقال المكتب إن الولايات المتحدة تعتبر المقصد السياحي الأول لتمضية العطل بالنسبة للكنديين.")
    assert not got, got


# -- operations told by the force that announces them ---------------------------------------
ARMY_REPORT = ('أعلن الجيش المصري، الخميس، مقتل 21 مسلحا واعتقال 238 آخرين بالإضافة إلى تدمير عشرات الأوكار وضبط '
               'آليات للإرهابيين، وذلك في إطار العملية العسكرية "سيناء 2018"، التي أطلقها الجيش مطلع فبراير '
               'الماضي، لتطهير المنطقة من الجماعات الإرهابية.')


def test_announcer_performs_the_reported_arrests():
    # (the arrested are "238 آخرين", the group counted before them: the militants)
    assert ("الجيش المصري", "238 آخرين") in events(ARMY_REPORT, "COERCE")


def test_announcer_performs_the_reported_destruction_and_no_count_is_an_actor():
    got = events(ARMY_REPORT, "ASSAULT")
    assert any(s == "الجيش المصري" for s, _ in got), got
    assert all(t != "عشرات" and s != "عشرات" for s, t in got), got


def test_no_announcer_across_a_reported_clause():
    got = events("وقال المتحدث إن الحكومة أعلنت أن الجيش يواصل القضاء على الفساد في المؤسسات.", "ASSAULT")
    assert not got, got


def test_a_count_belongs_to_the_participant_name():
    got = events("وترسل الصين 3200 عسكريا للمشاركة في تدريبات فوستوك.", "MOBILIZE")
    assert ("الصين", "3200 عسكريا") in got, got


# -- separate object pronouns (إياه، إياها، إياهم) ------------------------------------------
def test_separate_pronoun_takes_the_last_named_participant():
    got = events("شنت مرشحة الرئاسة التركية، ميرال أكسينير، الجمعة، هجوما على الرئيس رجب طيب أردوغان، متهمة "
                 "إياه بتغيير مواقفه في سياساته الخارجية.", "ACCUSE")
    assert any(t == "رجب طيب أردوغان" for _, t in got), got


def test_separate_pronoun_skips_a_partner_after_with():
    got = events("وكان ترامب، الذي أقال قبل يومين وزير خارجيته ركس تيلرسلون مشيرا إلى خلافات على ملفات عدة معه "
                 "أبرزها الملف النووي،  قد أعرب مرارا عن رفضه للاتفاق المبرم مع إيران، واصفا إياه بـ \"الرهيب\".",
                 "ACCUSE")
    assert all(t != "إيران" for _, t in got), got


def test_agreeing_verb_before_a_count_stays_a_verb():
    got = events("وقالت وكالة أنباء الأناضول الرسمية التركية، إن الشرطة اعتقلت 22 متظاهرا في إسطنبول بسبب "
                 '"دعاية" مزعومة للمتمردين.', "COERCE")
    assert any(t and "متظاهرا" in t for _, t in got), got


# -- first person verbs in a quotation: "we" is the speaker ---------------------------------
def test_first_person_call_is_the_speakers_toward_its_object():
    got = events('وقالت وزارة الخارجية التركية في بيان صادر عنها: "ندعو الإدارة الأمريكية للتخلي عن هذا القرار '
                 'الخاطئ."', "REQUEST")
    assert got == [("وزارة الخارجية التركية", "الولايات المتحدة")], got


def test_first_person_object_is_no_subject():
    got = events('وقال ترامب في بيان "ندعو نظام مادورو إلى استعادة الديمقراطية وإجراء انتخابات حرة ونزيهة".',
                 "REQUEST")
    assert got and all(s != "مادورو" for s, _ in got), got


def test_first_person_forms_of_the_lexicon():
    from marsad.events.lexicon import first_person

    assert first_person("ندعو") and first_person("نرفض")
    assert not first_person("يدعو") and not first_person("رفض") and not first_person("ندد")


def test_a_word_holding_a_foiling_verb_foils_nothing():
    from marsad.events.cue_families import _any_cues

    foiled = _any_cues()["foiled"]
    assert foiled.search("وحتى في هذا المنعطف") is None
    assert foiled.search("تمكنت من منع") is not None and foiled.search("احبطت") is not None


# -- backing of a whole clause; feminine nisbas that are no participants --------------------
def test_backing_reaches_the_agent_of_its_clause():
    got = events("ويستمر الجيش الوطني والمقاومة في التقدم الميداني المتسارع لليوم الثاني من إطلاق عملية "
                 "#تحرير_الحديدة، بدعم من قوات التحالف، لتحرير مدينة وميناء الحديدة، في ظل انهيار واسع في "
                 "صفوف ميليشيات الحوثي.", "SUPPORT")
    assert got and all(t != "الحديدة" for _, t in got), got


def test_regime_forces_are_one_participant():
    got = events("وتحشد قوات النظام منذ نحو أسبوعين تعزيزاتها العسكرية في محيط مخيم اليرموك وأحياء أخرى محاذية "
                 "يتواجد فيها التنظيم المتطرف في جنوب دمشق.", "MOBILIZE")
    assert any(s == "قوات النظام" for s, _ in got), got


def test_a_feminine_nisba_after_its_noun_is_no_participant():
    got = events("هددت سوريا وروسيا بشن عملية عسكرية في مدينة دوما، آخر جيوب الفصائل المعارضة في الغوطة "
                 "الشرقية، قرب دمشق.", "THREATEN")
    assert got and all(t != "عسكرية" for _, t in got), got
    got = events("قتل مدنيان وأصيب 12 شخصا بينهم جنود فرنسيون، بعد أن صدمت سيارة ملغومة دورية عسكرية في "
                 "مدينة غاو شمالي مالي، الأحد.", "ASSAULT")
    assert all(s != "عسكرية" for s, _ in got), got


def test_a_state_of_alert_is_no_condition():
    from marsad.events.stage import EventsStage

    text = ("ولا تزال بلجيكا في حالة تأهب قصوى منذ قضائها في يناير/كانون الثاني عام 2015 على خلية إرهاب في "
            "بلدة فيرفيرز، كانت تنوي شن هجوم على الشرطة.")
    doc = Pipeline().upto("stances")(Doc(text=text, id="t", published="2018-06-01"))
    doc.events.clear()
    doc = EventsStage(keep_aux=True)(doc)
    mob = [e for e in doc.events if e.type == "MOBILIZE"]
    assert mob and all(e.aux != "hypothetical" for e in mob), [(e.aux, e.prov.rule) for e in mob]


def test_in_case_of_an_attack_stays_a_condition():
    from marsad.events.cue_families import cues

    assert "تاهب" in cues().hyp_states and "هجوم" not in cues().hyp_states


# -- whose agent a verb without an actor subject takes ---------------------------------------
def test_a_count_after_the_verb_is_its_subject_not_a_pronoun():
    got = events("وقال زيباري وشهود إن مسلحي الاتحاد الوطني الكردستاني أطلقوا النار على مقر قيادة كوران ورد مسلحو "
                 "كوران بالمثل.\nويتهم العديد من الأكراد كلا الحزبين بالاستسلام عندما تحركت القوات العراقية "
                 "لإعادة السيطرة على كركوك الغنية بالنفط في أكتوبر/ تشرين الأول 2017.", "ACCUSE")
    assert all(s != "هوشيار زيباري" and s != "زيباري" for s, _ in got), got


def test_a_reporter_of_a_destruction_is_not_its_agent():
    got = events('وقالت مديرة قسم الاستجابة للأزمات في المنظمة تيرانا حسن إن "الأدلة الجديدة التي جمعتها منظمة '
                 'العفو في تقريرها الأخير تظهر أن السلطات البورمية تبني في المواقع التي يجب أن يعود إليها '
                 'الروهينغا".\nوأضافت "في بعض الحالات، تم تدمير منازل قائمة" في المكان لإنشاء القواعد.', "ASSAULT")
    assert all(s != "تيرانا حسن" for s, _ in got), got


# -- talks, deals and cooperation between two parties (بين A و B) -----------------------------
def test_talks_between_two_states():
    got = events("لكن الإعلان عن هذه الشريحة الثانية يثبت أن المفاوضات متعثرة بين واشنطن وبكين.", "CONSULT")
    assert ("واشنطن", "بكين") in got, got


def test_cooperation_between_two_states():
    got = events("وشهدت السنوات القليلة الماضية تعميقا للتعاون العسكري بين روسيا والصين، وسوف تشهد المناورة الكبرى "
                 "المقبلة تأسيس مقار عسكرية مشتركة بين البلدين.", "COOPERATE")
    assert ("روسيا", "الصين") in got, got


def test_a_dispute_between_two_parties_is_no_talks():
    got = events("وتأتي المناورة العملاقة تزامنا مع ارتفاع حدة التوترات بين روسيا وحلف شمال الأطلسي (ناتو) بعد أن "
                 "ساءت العلاقات بين موسكو والحلف، المكون من 29 دولة، منذ ضم روسيا لإقليم القرم في أوكرانيا للاتحاد "
                 "الروسي في 2014.", "CONSULT")
    assert not got, got


def test_clashes_between_two_forces():
    got = events('وأفاد مراسل "العربية" بوقوع اشتباكات عنيفة بين ميليشيات الحوثي وقوات الجيش أدت إلى '
                 'مقتل عدد من عناصر الميليشيات.', "ASSAULT")
    # ("قوات الجيش": the army's forces are the army)
    assert ("الحوثيون", "الجيش") in got, got


def test_clashes_between_two_places_name_no_parties():
    assert events("وتدور اشتباكات حالياً بين بلدة أم المياذن ومدينة درعا.", "ASSAULT") == []
    assert events('وكانت أهم مشاهد "في حرب" تلك التي تنقل المواجهات بين النقابات ثم بين النقابات '
                  'والإدارة، فتعكس مدى عمق الشرخ الاجتماعي في فرنسا.', "ASSAULT") == []


def test_an_arrest_told_after_jara_has_its_patient():
    doc = analysed("وفي وقت سابق جرى اعتقال الناشطات لجين الهذلول وإيمان النفجان.", "2018-05-21")
    got = [doc.text[e.start:e.end] for e in doc.events if e.type == "COERCE" and e.target]
    assert got and "الناشطات" in got[0], got


def test_the_nisba_of_a_condemned_act_is_its_target():
    got = events("وقد كشف وقائع هذه القضية المحقق الأمريكي روبرت مولر أثناء تحقيقه في ادعاءات بالتدخل "
                 "الروسي في الانتخابات الرئاسية الأمريكية التي فاز بها دونالد ترامب عام 2016.", "ACCUSE")
    assert got and all(t and "روس" in t for _, t in got), got


def test_a_speech_act_without_a_nisba_topic_keeps_its_object():
    got = events("ورفضت الجامعة العربية القرار الأمريكي بنقل السفارة.", "REJECT")
    assert got == [("جامعة الدول العربية", "الولايات المتحدة")], got


def test_a_protest_verb_with_its_protesters_is_a_protest():
    got = events("وسيزور الوفد أيضا مخيم كوتوبالونغ حيث تظاهر مئات من الروهينغا رافعين لافتات تطالب "
                 "بإعادة حقوقهم في بورما.", "PROTEST")
    assert got, got


def test_a_protest_noun_in_construct_is_no_protest_verb():
    got = events("عندما توجه كاسباروف الى «ساحة بوشكين» للمشاركة في مظاهرة القت الشرطة القبض عليه وهو "
                 "يسير في فيرسكايا ستريت، قبل وصوله الى موقع تجمع المتظاهرين.", "PROTEST")
    assert got == [], got


def test_a_feminine_participle_of_calling_is_a_request():
    got = events("وقالت الخارجية السورية إن كثيرا من النازحين داخليا عادوا بالفعل إلى ديارهم، داعية "
                 "اللاجئين إلى أن يحذوا حذوهم.", "REQUEST")
    assert got and got[0][0] == "وزارة الخارجية السورية", got


def test_the_accused_are_no_accusation():
    got = events("أصدرت المحكمة العليا في ولاية بنسلفانيا الأمريكية تقريرا يشرح بالتفصيل وقوع انتهاكات جنسية "
                 "في الكنيسة الكاثوليكية ويكشف أسماء أكثر من 300 من رجال الدين المتهمين بممارسة هذه "
                 "الانتهاكات.", "ACCUSE")
    assert got == [], got


def test_a_call_between_a_title_and_his_counterpart():
    """"بين وزيري الخارجية التركي مولود تشاووش أوغلو ونظيره الهولندي ستف بلوك": the second party
    is the named counterpart after ونظيره; a place after و is no party."""
    got = events("وجاء ذلك خلال اتصال هاتفي بين وزيري الخارجية التركي مولود تشاووش أوغلو ونظيره الهولندي ستف "
                 "بلوك.", "CONSULT")
    assert got and got[0][1] is not None and "بلوك" in got[0][1], got
    got = events("وأثمر لقاء بين وزير الدفاع الإسرائيلي أفيغدور ليبرمان ونظيره الروسي سيرجي شويغو في موسكو عن "
                 "تفاهمات.", "CONSULT")
    assert got and got[0][1] is not None and "شويغو" in got[0][1], got
