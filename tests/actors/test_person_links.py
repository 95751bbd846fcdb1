"""Who is who inside one document: short forms of in-document names, namesakes of listed persons,
persons the audit of 2018 news added (real ant_news sentences)."""
from __future__ import annotations

from marsad.actors.dictionary import default_surname
from marsad.pipeline import analyze
from tests.actors.test_actors import actor_of, run


def test_east_asian_family_name_is_the_short_form():
    assert default_surname("كيم جونغ أون") == "كيم"
    assert default_surname("مون جاي إن") == "مون"
    assert default_surname("كيم تورا") == "تورا"  # two words: a Catalan given name, not a family name
    assert default_surname("محمد شياع السوداني") == "السوداني"


def test_kim_and_moon_alone_are_the_leaders_named_before():
    # SK-internationalNews-93 (Moon's full name) and SK-internationalNews-2095 (كيم alone)
    text = ("وتصل إيفانكا التي ترأس الوفد الأميركي مساء الجمعة إلى سول حيث ستتناول العشاء مع الرئيس "
            "الكوري الجنوبي مون جاي إن في البيت الأزرق. والتقى مون الزعيم الكوري الشمالي كيم جونغ أون. "
            "وقال كيم بعد لحظات وهو جالس إلى جانب ترامب \"تشرفت بلقائك أيها الرئيس\".")
    doc = analyze(text, published="2018-06-12")
    assert actor_of(doc, "مون جاي إن").code == "per.moon_jae_in"
    assert actor_of(doc, "والتقى مون")
    assert doc.actor_at(text.index("مون الزعيم"), text.index("مون الزعيم") + 3).code == "per.moon_jae_in"
    s = text.index("وقال كيم") + 5
    assert doc.actor_at(s, s + 3).code == "per.kim_jong_un"


def test_two_short_names_side_by_side_are_two_persons():
    text = ("التقى الرئيس الكوري الجنوبي مون جاي إن الزعيم الكوري الشمالي كيم جونغ أون في بانمونجوم. "
            "وشكر كيم مون على حسن الاستقبال.")
    doc = analyze(text, published="2018-04-27")
    tail = text.index("وشكر") + 5
    ents = [(doc.text[e.start:e.end], e.label) for e in doc.entities if e.start >= tail]
    assert ("كيم", "PER") in ents and ("مون", "PER") in ents and ("كيم مون", "PER") not in ents


def test_a_namesake_is_not_the_listed_person():
    # SK-middleEast-2254: the Canadian general Jonathan Vance is not JD Vance ("فانس" is listed)
    text = ('وكانت صحيفة "غلوب أند ميل" نقلت الخميس عن الجنرال جون فانس أن "تدريب البشمركة انتهى '
            'عندما لم يعد هناك مبرر". وأضاف فانس أن القوات الكندية ستبقى.')
    doc = run(text, published="2018-06-09", persons=["جون فانس"])
    vance = actor_of(doc, "جون فانس")
    assert vance.code != "per.jd_vance"
    assert actor_of(doc, "فانس", nth=1).id == vance.id  # the later surname is the same person


def test_a_shorter_spelling_of_the_given_name_is_the_listed_person():
    # CN-middleEast-1505: "ستيف منوشين" is Steven Mnuchin
    text = "ولفت ترامب إلى أنه تحدث إلى وزير الخزانة ستيف منوشين، صباح الجمعة."
    doc = run(text, published="2018-10-12", persons=["ستيف منوشين"])
    assert actor_of(doc, "ستيف منوشين").code == "per.steven_mnuchin"


def test_a_verb_spelt_like_a_given_name_is_no_namesake():
    # FR-internationalNews-1729: "دان روحاني" = Rouhani condemned
    text = 'من جهته، دان روحاني الانسحاب "غير المشروع" للولايات المتحدة من الاتفاق النووي الإيراني.'
    doc = run(text, published="2018-06-09", persons=["دان روحاني"])
    assert actor_of(doc, "روحاني").code == "per.hassan_rouhani"


def test_a_spelling_of_the_listed_persons_own_name_stays_his():
    # CN-middleEast-354: "عبدالفتاح" written as one word is still Abdel Fattah el-Sisi
    text = "وأكد الرئيس المصري عبدالفتاح السيسي دعم بلاده للشعب الفلسطيني."
    doc = run(text, published="2018-03-24", persons=["عبدالفتاح السيسي"])
    assert actor_of(doc, "عبدالفتاح السيسي").code == "per.abdel_fattah_el_sisi"


def test_a_verb_run_into_a_surname_is_no_namesake():
    # BB-middleEast-1051: the tagger's "تخلى صالح" is no person called تخلى
    text = "وقال الرئيس العراقي برهم صالح إن بلاده لن تتخلى عن جيرانها. ولم يتخلى صالح عن حزبه."
    doc = run(text, published="2018-10-02", persons=["يتخلى صالح"])
    assert actor_of(doc, "صالح", nth=1).code == "per.barham_salih"


def test_2018_spokespersons_and_officials_are_listed():
    # FR-internationalNews (Peskov), CN-middleEast-567 (Nauert), SK-internationalNews (Bolton)
    doc = run("وقال المتحدث باسم الكرملين ديمتري بيسكوف إن موسكو لم تتلق أي طلب.", published="2018-03-13")
    peskov = actor_of(doc, "ديمتري بيسكوف")
    assert (peskov.code, peskov.country, peskov.type) == ("per.dmitry_peskov", "RUS", "GOV")
    doc = run("وقال مستشار الأمن القومي الأمريكي جون بولتون إن العقوبات ستستمر.", published="2018-08-20")
    bolton = actor_of(doc, "جون بولتون")
    assert (bolton.country, bolton.type) == ("USA", "GOV")
    doc = run("وقال جون بولتون إن العقوبات ستستمر.", published="2021-08-20")
    assert actor_of(doc, "جون بولتون").type == "ELI"  # out of office


def test_an_unlisted_short_name_is_not_linked_to_a_listed_person():
    # FR-internationalNews-2312: Quim Torra is no Kim Jong-un
    text = "وشارك في التظاهرة رئيس إقليم كاتالونيا كيم تورا، عضو الجناح المتشدد في الحركة الداعية إلى استقلال كاتالونيا."
    doc = analyze(text, published="2018-07-15")
    assert all(a.code != "per.kim_jong_un" for a in doc.actors.values())
