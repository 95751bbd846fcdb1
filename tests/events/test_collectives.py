"""Collective participants absent from the actor dictionary (marsad/events/collectives.py): sets
of states, party caucuses, rights organisations, and demonstratives that refer back to a set.
Real ant_news sentences."""
from __future__ import annotations

import pytest

from tests.sentences import analysed, code_of, event_parties

# (event type, text, the agent's name, its (country, sector)); each from ant_news.
AGENTS = [
    # FR-middleEast-461: a counted set of states
    ("ACCUSE", "ونددت 128 دولة من أصل 193 في الجمعية العامة للأمم المتحدة بالقرار الأمريكي ومن بينها دول حليفة "
               "للولايات المتحدة على غرار فرنسا وبريطانيا.", "128 دولة", (None, "GOV")),
    # SK-internationalNews-509: a US party caucus
    ("SUPPORT", "وقد رحب الجمهوريون بأن البنتاغون سيشهد أكبر زيادة بميزانيته في 15 عاما.", "الجمهوريون",
     ("USA", "PTY")),
    # BB-middleEast-486: rights organisations
    ("REQUEST", "وطالبت منظمات حقوق الإنسان بإلغاء الحكم.", "منظمات حقوق الإنسان", (None, "NGO")),
    # FR-internationalNews-1926
    ("ACCUSE", "وتتهم جمعيات حقوقية الجيش المالي بارتكاب جرائم قتل وخطف وتعذيب واحتجاز تعسفي خارج إطار القانون.",
     "جمعيات حقوقية", (None, "NGO")),
    # SK-internationalNews-2331: a count and a regional adjective
    ("AGREE", "اتفقت 9 دول أوروبية على إنشاء قوة تدخل سريع، تحت مسمى \"مبادرة التدخل الأوروبية\".",
     "9 دول أوروبية", (None, "GOV")),
    # FR-middleEast-807: member states of a named body (the body's own code)
    ("ACCUSE", "من جانبها، دانت دول مجلس التعاون الخليجي إقرار القانون في بيان مشترك.",
     "دول مجلس التعاون الخليجي", None),
    # FR-internationalNews-508: a set with its number ("the four")
    ("REQUEST", "وطلبت القوى الغربية الأربع من روسيا أن تقدم إلى منظمة حظر الأسلحة الكيميائية كل المعلومات.",
     "القوى الغربية الأربع", (None, "GOV")),
    # SK-middleEast-3957
    ("SUPPORT", "فقد أعربت دول عربية ومنظمات عدة عن تضامنها مع المملكة.", "دول عربية", (None, "GOV")),
    # FR-internationalNews-505: a pronoun's preposition between the verb and its subject
    ("ACCUSE", "وقد نظم فيها استفتاء نددت به الأسرة الدولية معتبرة أنه غير شرعي.", "الأسرة الدولية", (None, "IGO")),
]


@pytest.mark.parametrize("etype,text,name,code", AGENTS)
def test_collective_agent(etype, text, name, code):
    doc = analysed(text)
    evs = [e for e in doc.events if e.type == etype and e.source]
    assert evs, f"no {etype} event with an agent in: {text}"
    src = doc.actors[evs[0].source]
    assert src.name == name
    if code is not None:
        assert code_of(doc, evs[0].source) == code


def test_collective_patient():
    # SK-internationalNews-1489: a set of states as the accused
    parties = event_parties("أغسطس 2016، اتهم الرئيس الإيراني، حسن روحاني، دول الغرب بعدم الوفاء بالتزاماتها بموجب "
                            "الاتفاق.", "ACCUSE")
    assert ("حسن روحاني", "دول الغرب") in parties


def test_participle_complement_is_the_name():
    # CN-middleEast-991 shape: the participle's complement is part of the name, the short form an alias
    doc = analysed("ودعت المنظمات المدافعة عن حقوق الإنسان السلطات السعودية إلى الإفراج عن الناشطات.")
    ev = next(e for e in doc.events if e.type == "REQUEST")
    src = doc.actors[ev.source]
    assert src.name == "المنظمات المدافعة عن حقوق الإنسان"
    assert "المنظمات المدافعة" in src.aliases


def test_demonstrative_refers_to_the_set_named_before():
    # SK-middleEast-3957: "تلك الدول" is the "دول عربية" of the sentence before
    doc = analysed("والهجمة الممنهجة على السعودية، جوبهت بموقف عربي وإسلامي صلب، فقد أعربت دول عربية ومنظمات عدة عن "
                   "تضامنها مع المملكة. وأكدت تلك الدول رفضها لأي محاولة للنيل من السعودية وتهديدها، سواء عبر التلويح "
                   "بفرض عقوبات اقتصادية، أو استخدام الضغوط السياسية أو ترديد الاتهامات الزائفة.", "2018-10-19")
    rej = [e for e in doc.events if e.type == "REJECT" and e.source]
    assert rej and doc.actors[rej[0].source].name == "دول عربية"
    a = doc.actors[rej[0].source]
    assert any(doc.text[s:e] == "تلك الدول" for s, e in a.mentions)


@pytest.mark.parametrize("text", [
    # SK-internationalNews-2703: a population polled, no actor
    "وفي أوساط الجمهوريين أيد 71 بالمئة طريقة تعامل الرئيس مع الملف الروسي مقابل 14 بالمئة بين الديمقراطيين.",
    # CN-middleEast-723: terrorist organisations are no rights groups
    "أكد الرئيس المصري، عبد الفتاح السيسي، أن مصر تواجه هجمات \"شرسة\" من قبل منظمات إرهابية مدعومة من دول منظمة.",
])
def test_no_collective(text):
    doc = analysed(text)
    assert not any(a.prov and a.prov.rule == "collective-participant" for a in doc.actors.values())


def test_no_story_country_for_a_set_of_states():
    # a set of Arab states in a story about Qatar is no Qatari actor
    doc = analysed("قطعت السعودية والإمارات والبحرين ومصر علاقاتها مع قطر. وتواجه قطر أزمة بسبب مقاطعة دول عربية "
                   "لها. وقالت قطر إنها ترفض الشروط. وأكدت قطر أنها لن تتراجع.", "2018-02-20")
    codes = [code_of(doc, aid) for aid, a in doc.actors.items() if a.name == "دول عربية"]
    assert codes and all(c == (None, "GOV") for c in codes)


def test_quantified_set_of_states():
    # CN-middleEast-392: a quantifier and من before the set
    doc = analysed("وأتت التغريدة بعد إدانة قطر إطلاق جماعة الحوثي لصواريخ على أربعة مواقع في المملكة العربية "
                   "السعودية، في الساعات الأولى من صباح الإثنين، في خطوة استنكرتها العديد من الدول.")
    assert any(e.type == "ACCUSE" and e.source and doc.actors[e.source].name == "العديد من الدول" for e in doc.events)


def test_ministers_of_foreign_affairs():
    # SK-internationalNews-152: ministers with their ministry's genitive
    parties = event_parties("ووفقا لرويترز، فقد وافق وزراء الخارجية على تعزيز حظر فرضه الاتحاد على إرسال أسلحة "
                            "لميانمار.", "AGREE")
    assert any(src == "وزراء الخارجية" for src, _ in parties)


def test_the_two_countries_are_the_pair_told_before():
    # the dual "البلدان" after a call between the two presidents: both parties of the agreement
    doc = analysed("وأجرى الرئيس المصري اتصالا هاتفيا مع الرئيس السوداني، واتفق البلدان على استئناف العلاقات "
                   "التجارية.")
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert agree and {code_of(doc, agree[0].source)[0], code_of(doc, agree[0].target)[0]} == {"EGY", "SDN"}


@pytest.mark.parametrize("text,name,code", [
    # FR-internationalNews-1229: a country's nisba the actors layer leaves alone
    ("ويأتي هذا غداة تنظيم مسيرة \"توحيد القدس\" التي شارك فيها عشرات الآلاف من الإسرائيليين، فيما دعت منظمات "
     "فلسطينية إلى الخروج في مسيرات شعبية منددة بالقرار الأمريكي.", "منظمات فلسطينية", ("PSE", "NGO")),
    # FR-internationalNews-736: one unnamed organisation with its country
    ("وانتقدت منظمة تونسية غير حكومية الخميس الماضي، ما قالت إنه \"تعطيل\" حاصل في البرلمان في المصادقة على "
     "القانون المنظم لعمل البلديات.", "منظمة تونسية غير حكومية", ("TUN", "NGO")),
])
def test_collective_country_from_a_nisba(text, name, code):
    doc = analysed(text)
    aids = [aid for aid, a in doc.actors.items() if a.name == name]
    assert aids and code_of(doc, aids[0]) == code


def test_successive_governments_keep_their_nisba():
    # SK-middleEast-2964: the slot of the phrase carries the nisba's country
    from marsad.events.args_slots import build_slots

    doc = analysed("وقال السياسي العراقي المستقل، غانم العابد، إن الحكومات العراقية المتعاقبة أنفقت حوالي 40 مليار "
                   "دولار أميركي على الكهرباء.")
    words = [t for t in doc.tokens_of(doc.sentences[0]) if t.norm[:1].isalnum()]
    slots = [sl for sl in build_slots(doc, words, [w.start for w in words]) if sl.group is not None]
    assert [(sl.name, sl.country, sl.sector) for sl in slots] == [("الحكومات العراقية المتعاقبة", "IRQ", "GOV")]


def test_an_office_is_no_collective():
    # GSR AAW_ARB_20081008: "رئيس الوزراء" names an office, not a set of ministers
    doc = analysed("واستقال نائب رئيس الوزراء التايلاندي الجنرال تشافاليت يونجتشايوده امس لتحمل «مسؤولية» المواجهة "
                   "بين المتظاهرين المناوئين للحكومة ورجال الشرطة.")
    assert not any(a.prov and a.prov.rule == "collective-participant" for a in doc.actors.values())


@pytest.mark.parametrize("text,etype,pair", [
    # SK-middleEast-1577: the subject after the pronoun's preposition
    ("وهي المرة الأولى، التي تتهم فيها إسرائيل إيران باستهدافها من سوريا منذ بدء النزاع في هذا البلد.",
     "ACCUSE", ("إسرائيل", "إيران")),
    # AL-internationalNews-499: a plural in the oblique case after it is the object
    ("وكان مجلس الأمن الدولي قد أصدر، الخميس، بالإجماع، بياناً رئاسياً دعا فيه الحوثيين لوقف جرائمهم المختلفة "
     "بحق المدنيين في اليمن.", "REQUEST", ("مجلس الأمن الدولي", "الحوثيون")),
])
def test_subject_after_a_pronouns_preposition(text, etype, pair):
    assert pair in event_parties(text, etype)


def test_a_name_ending_like_a_plural_is_a_subject():
    # FR-internationalNews-1592: "بكين" is the claimant, not an oblique plural
    parties = event_parties("وقد رد الكولونيل الأكاديمي الكبير في جيش الصين تجاو شياوتغو على ماتيس بالقول إن حرية "
                            "العمليات الملاحية الأمريكية حيث تبحر سفنها قرب جزر تطالب بها بكين هي \"استفزاز واضح\".",
                            "REQUEST")
    assert all(src != "جيمس ماتيس" for src, _ in parties)
