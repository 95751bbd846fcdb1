"""Argument-finding rules of the events stage, each on a real sentence of the Arabic PLOVER GSR
(../shared/data/arabic_event_gsr): the (country, sector) codes its source and target get."""
from __future__ import annotations

import pytest
from sentences import analysed, code_of

from marsad.doc import Doc
from marsad.pipeline import Pipeline


def codes(text: str, etype: str = "ASSAULT") -> list[tuple[tuple, tuple]]:
    doc = analysed(text, "2008-01-01")
    return [(code_of(doc, e.source), code_of(doc, e.target)) for e in doc.events if e.type == etype]


CASES = [
    # plural verb + a count after it: active, the count is the object (AAW_ARB_20070322.0018-4)
    ("وقال الجيش الاميركي ان جنوده قتلوا خمسة مسلحين مشتبه فيهم أمس خلال غارة على مصنع للقنابل شمال بغداد دمر في وقت لاحق في ضربة جوية.",
     "ASSAULT", ("USA", "MIL"), (None, "UAF")),
    # passive marked by the agent phrase على أيدي (AAW_ARB_20070613.0015-3)
    ("وفي اول حادث من نوعه في الضفة الغربية منذ انهيار الهدنة بين حركتي فتح وحماس الخميس في قطاع غزة، تعرض قيادي في حركة حماس هو وكيل وزارة النقل الفلسطينية الثلاثاء، للخطف على ايدي مسلحين في رام الله.",
     "ASSAULT", (None, "UAF"), None),
    # a verb of harm with no object is passive (AAW_ARB_20071222.0040-7)
    ("من جهته، أعلن الجيش الأميركي بالعراق أمس أن جنديا أميركيا قتل وأصيب 10 آخرون في هجوم انتحاري بمحافظة ديالى شمال شرقي بغداد.",
     "ASSAULT", None, ("USA", "MIL")),
    # قام X بـ + verbal noun, with a partitive subject (AAW_ARB_20070108.0019-7)
    ("وبحسب التقرير، قام عدد من جنود «المارينز» بقتل المدنيين بعدما فجرت عبوة ناسفة إحدى مركباتهم، وتسببت بمقتل جندي أميركي.",
     "ASSAULT", (None, "MIL"), (None, "CVL")),
    # partitive subject + a coordinated verb sharing it (AAW_ARB_20061125.0014-4)
    ("في سياق آخر قال عدد من سكان منطقة حسن كوي في تلعفر، إن قوة من الشرطة العراقية قامت بمداهمة جامع النور بعد صلاة العشاء من ليلة الخميس واعتدت على المصلين بالضرب والإهانة من دون ان توجد اسباب لهذا العمل، ويشكو السنة في تلعفر من المعاملة السيئة التي يتلقونها على يد قوات الأمن العراقية وتمييزهم عن الشعية القاطنين فيها.",
     "ASSAULT", ("IRQ", "COP"), (None, "CVL")),
    # SVO with the subject right before the verb (AAW_ARB_20080618.0050-5, headline)
    ("إسرائيل تغتال 5 من جيش الإسلام في غزة  * لندن ـ «الشرق الأوسط»: اغتال الطيران الاسرائيلي، بعد ظهر امس خمسة فلسطينيين، في خان يونس جنوب قطاع غزة أربعة منهم من تنظيم «جيش الإسلام»، والخامس من المارة.", "ASSAULT", ("ISR", None), None),
    # واصل + verbal noun (AAW_ARB_20080117.0004-1)
    ("واصلت اسرائيل اعمال القتل في قطاع غزة والضفة الغربية، وراح ضحية اعتداءاتها امس 7 فلسطينيين، ليصل عدد الضحايا في غضون 36 ساعة الى 26، اضافة الى عشرات الجرحى.",
     "ASSAULT", ("ISR", None), None),
    # the patrol a bomb hit as it passed (AAW_ARB_20071219.0043-3)
    ("وقالت مصادر امنية ان «سيارة مفخخة مركونة على جانب الطريق في شارع النضال (وسط بغداد) انفجرت لدى مرور دورية للشرطة، مما ادى الى مقتل اربعة وإصابة سبعة بجروح»، حسبما افادت وكالة الصحافة الفرنسية.",
     "ASSAULT", None, (None, "COP")),
    # launch origin (AAW_ARB_20070625.0052-14)
    ("وكان الاحد الماضي شهد حادثا امنيا تمثل باطلاق صواريخ كاتيوشا من جنوب لبنان على مستوطنة كريات شمونة.",
     "ASSAULT", ("LBN", None), None),
    # a claim of responsibility names the source (AAW_ARB_20071231.0042-5)
    ("كما تعرضت ثكنة الغلاوية في الشمال لاعتداء أسفر عن مقتل ثلاثة جنود، وقد تبناه «تنظيم القاعدة في بلاد المغرب الإسلامي».",
     "ASSAULT", ("IMG", "REB"), None),
    # the GSR codes "مسلحون" REB (AAW_ARB_20070820.0031-3)
    ("كما اختطف مسلحون 15 شخصا في نقطة تفتيش وهمية وسط بغداد.", "ASSAULT", (None, "REB"), None),
    # protest: partitive and member nouns (AAW_ARB_20070130.0053-1)
    ("تظاهر أمس عشرات من أعضاء حزب الغد المصري «المعارض» أنصار الدكتور أيمن نور زعيم الحزب أمام مقر البرلمان للمطالبة بالإفراج عن زعيم حزبهم في ذكرى مرور عامين على رفع الحصانة البرلمانية عنه، وسط حصار أمني مكثف، فيما تمكنت جميلة إسماعيل «زوجة نور» من الاجتماع مع قيادات برلمانية، في محاولة للإفراج عن زوجها بسبب تدهور حالته الصحية في السجن، ورفع المتظاهرون صوراً لأيمن نور وهو يرقد على سرير المرض، وعلقوا لافتة برتقالية اللون ضخمة على السور الحديدي لمبنى الحكومة، مكتوبا عليها «الحرية لأيمن نور».",
     "PROTEST", ("EGY", "PTY"), None),
    # protest grievances: "ضد وجود X", "احتجاجا على رفض X", "أعلام X" (GSR protest set)
    ("وتواصل المظاهرات الاحتجاجية ضد وجود القوات الإثيوبية في مقديشو حيث أغلق المتظاهرون الغاضبون شوارع رئيسية في العاصمة.",
     "PROTEST", None, ("ETH", "MIL")),
    ("ب: أضرب العرب في اسرائيل امس احتجاجا على رفض القضاء الاسرائيلي ملاحقة شرطيين.",
     "PROTEST", None, ("ISR", "JUD")),
    ("وفي بغداد أحرق متظاهرون أعلام اسرائيل وأطلقوا نيران البنادق في الهواء في احتجاجات عمت العراق امس.",
     "PROTEST", None, ("ISR", None)),
    # membership "X في Y": the volunteers are coded as the army they serve in (AAW_ARB_20080731.0037-19)
    ('وقتل ما لا يقل عن 28 متطوعا في الجيش العراقي وجرح 55 شخصا اخرون منتصف يوليو (تموز) الحالي، في هجوم انتحاري مزدوج بحزامين ناسفين استهدفا مقرا للتطوع شرق بعقوبة، وفقا لمصادر امنية عراقية.',
     "ASSAULT", None, ('IRQ', 'MIL')),
    # membership in a state: people in Iraq are coded as Iraq (AAW_ARB_20081117.0046-1)
    ('اعلنت مصادر أمنية وأخرى طبية عراقية مقتل 18 شخصاً في العراق، بينهم 15 قضوا في هجوم انتحاري بسيارة مفخخة في محافظة ديالى، شمال شرق بغداد، امس.',
     "ASSAULT", None, ('IRQ', None)),
    # a title in construct with a state: سفير بولندا is Poland's government (AAW_ARB_20071004.0021-1)
    ('في تطور يشكل نكسة لجهود العراق لإقناع دول العالم بفتح سفارات لديه، أصيب سفير بولندا أمس عندما تعرضت قافلته الدبلوماسية لهجوم بعدة قنابل في وسط بغداد في ما وصفه مسؤولون بولنديون بأنه محاولة اغتيال.',
     "ASSAULT", None, ('POL', 'GOV')),
    # a feminine verb (فقتلت) has no man as subject: the teacher after it is its object (AAW_ARB_20080208.0042-5)
    ('وفي بلدة «بيت حانون شمال غزة، اطلقت القوات الاسرائيلية المتمركزة شرق القطاع صاروخ ارض ـ ارض على المدرسة الزراعية شرق البلدة فقتلت المدرس هاني شعبان نعيم 40 عاما، وإصابة ثلاثة طلاب بجراح.',
     "ASSAULT", ('ISR', 'MIL'), (None, 'EDU')),
    # coordinated subjects before a dual verb: the first conjunct heads them (AAW_ARB_20080512.0018-9)
    ('وقال خليل إن ضابط شرطة وجنديا من الجيش اختطفا من منزليهما على يد مسلحين خلال إجازتهما ثم قتلا في وقت لاحق.',
     "ASSAULT", None, (None, 'COP')),
    # a guessed agent that is the victims' own group gives way to the victims (AAW_ARB_20070811.0003-7)
    ('وأفيد بمقتل زهاء 15 مسلحا في اشتباكات عنيفة امس، فيما تردد ان احد مسؤولي المسلحين شاهين شاهين جدد طلبه الاستسلام شرط عدم تنفيذ حكم الاعدام به.',
     "ASSAULT", None, (None, 'UAF')),
    # hypothetical cue اي no longer matches inside ولاية: the abduction is reported (AAW_ARB_20070819.0023-18)
    ('وقالت الشرطة في ولاية قندهار الجنوبية، ان مسلحين خطفوا أربعة مهندسين في الولاية في وقت سابق من يوم أمس.',
     "ASSAULT", (None, 'UAF'), None),
    # hypothetical cue اي no longer matches inside الايرانية (AAW_ARB_20070627.0018-13)
    ('الى ذلك، افادت صحيفة «كيهان» الايرانية المحافظة امس ان مجهولين اغتالوا رجل الدين الشيعي حجة الاسلام هشام سيموري، وهو عربي شيعي.',
     "ASSAULT", (None, 'UAF'), (None, 'REL')),
    # a state named after في is the recipient when nobody else is (AAW_ARB_20080507.0007-4)
    ('ونقلت وكالة الصحافة الفرنسية عن الخبيرة قولها ان 12 امرأة نفذت عمليات انتحارية في العراق في الاشهر الثلاثة الاولى من العام الجاري مقابل 11 امرأة بين 2003 و2007 .',
     "ASSAULT", None, ('IRQ', None)),
    # a borrowed-country participant in construct with a state: «مواطنا سوريا» (AAW_ARB_20081028.0037-5)
    ('وقال مواطنون سوريون في منطقة البوكمال إن ثمانية جنود أميركيين نفذوا الغارة وانهم اختطفوا «مواطنا سوريا» بعد أن جرحوا وقتلوا عددا من الموجودين بالمكان.',
     "ASSAULT", ('USA', 'MIL'), ('SYR', 'CVL')),
    # a state institution "X في <state>": الحكومة في تايلاند is Thailand's government (AAW_ARB_20081126.0025-1)
    ('تصاعدت احتجاجات المعارضة ضد الحكومة في تايلاند أمس، وأدت أعمال الشغب الى اقفال مطار بانكوك الدولي بعد أن اقتحم متظاهرون معارضون للحكومة مبنى الركاب وسقوط عشرة جرحى على الاقل في عمليات اطلاق نار بين انصار وخصوم الحكومة التايلاندية.',
     "PROTEST", (None, 'OPP'), ('THA', 'GOV')),
    # a verb right after an indefinite event noun qualifies it: the patrol after استهدف is its object, not its subject (AAW_ARB_20080130.0044-10)
    ('وفي الموصل (370 كلم شمال بغداد)، أعلن الجيش الاميركي مقتل شخص وإصابة 15 آخرين في هجوم انتحاري بسيارة مفخخة استهدف دورية للجيش الاميركي وسط المدينة.',
     "ASSAULT", None, ('USA', 'MIL')),
    # attribution "نسب الى" (normalised الي) names the agent, the Tamil Tigers (AAW_ARB_20070328.0048-4)
    ('كذلك، تعرضت قاعدة تابعة للجيش في شرق الجزيرة أمس الى هجوم انتحاري، نسب الى المتمردين التاميل، واسفر عن مقتل اربعة جنود على الاقل وجرح 10 آخرين.',
     "ASSAULT", ('LKA', 'REB'), None),
    # a feminine verb (استهدفت) after a titled man takes no subject from him; he is the victim (AAW_ARB_20070920.0030-7)
    ('ـ 12 يوليو (تموز) 2005: جرح وزير الدفاع الياس المر في تفجير سيارة مفخخة استهدفت موكبه.',
     "ASSAULT", (None, None), (None, 'GOV')),
    # a leader "في" a body is coded as that body: "أحد القيادات البارزة في تنظيم «القاعدة»" (AAW_ARB_20081101.0026-1)
    ('صرح مسؤلوون معنيون بجهود مكافحة الإرهاب هذا الأسبوع بأنه تم شن ضربة جوية أميركية على مناطق بشمال غرب باكستان، ومن المعتقد أنها أسفرت عن مقتل أحد القيادات البارزة في تنظيم «القاعدة»، في استمرار للهجمات الجوية التي أثارت غضب باكستان، أحد الحلفاء الجوهريين للولايات المتحدة.',
     "ASSAULT", None, ("IMG", "REB")),
    # a listed armed group keeps its entry's country: the Sahwa are IRQ PRM (AAW_ARB_20080422.0040-1)
    ('* بعقوبة ـ أ.ف.ب: أعلنت مصادر أمنية وأخرى طبية عراقية مقتل ثلاثة من عناصر قوات الصحوة وإصابة أربعة اشخاص بينهم امرأة وطفل، في هجوم انتحاري نفذته امرأة الاثنين وسط مدينة بعقوبة، كبرى مدن محافظة ديالى المضطربة، شمال شرقي بغداد.',
     "ASSAULT", None, ('IRQ', 'PRM')),
    # a partitive head beginning with ف (فرقة مظلية من …) and "X قد قتلت <count>": X is the agent,
    # not a casualty of the attack named later (AAW_ARB_20070810.0015-11)
    ('وكانت فرقة مظلية من قوات مكافحة الإرهاب قد قتلت أول من أمس أربعة من المتهمين بالهجوم الانتحاري الذي نفذته خلية من «القاعدة» على قافلة سياحية في معبد بلقيس القريب من مدينة مأرب .',
     "ASSAULT", (None, 'MIL'), None),
    # a word of grievance with an adjective of degree before its preposition: "غضب متزايد من قرار بريطانيا" (AAW_ARB_20070623.0054-2)
    ('ونزل المتظاهرون الى الشوارع في عدة مدن باكستانية وسط غضب متزايد من قرار بريطانيا تكريم سلمان رشدي مؤلف كتاب «آيات شيطانية».',
     "PROTEST", None, ('GBR', None)),
    # foreign forces of no named state: no country (PLOVER has no multinational code; AAW_ARB_20070901.0024-10)
    ('وقد استهدف اخر هجوم انتحاري في كابل ايضا القوات الاجنبية في 25 اغسطس (اب) ووقع على الطريق المحوري المؤدي الى مدينة جلال اباد مما اسفر عن جرح ثلاثة جنود من التحالف الدولي بقيادة الولايات المتحدة واربعة من المارة.',
     "ASSAULT", None, (None, 'MIL')),
    # a feminine dual nisba (جورجيتين) names the state (AAW_ARB_20080814.0017-3)
    ('وفي الاتهامات المتبادلة حول خرق الهدنة، اعلنت وزارة الدفاع الروسية ان القوات الروسية أسقطت طائرتي تجسس جورجيتين تعملان بدون طيار فوق تسخينفالي عاصمة اوسيتيا الجنوبية.',
     "ASSAULT", ('RUS', 'MIL'), ('GEO', 'SPY')),
    # a relative clause's verb: its antecedent is the subject, the noun after it the object (AAW_ARB_20081123.0032-8)
    ('وكان مسؤول في اجهزة الامن الباكستانية قد اعلن في وقت سابق امس مقتل ما لا يقل عن ثلاثة مسلحين اسلاميين في المناطق القبلية شمال غربي باكستان في غارة شنتها طائرة بدون طيار تابعة للقوات الاميركية التي تقاتل طالبان في افغانستان المجاورة.',
     "ASSAULT", ('USA', 'MIL'), None),
    # the same in ant_news dev (SK-middleEast-3835-20181012)
    ('وتعتبر أنقرة الميليشيات الكردية جماعة إرهابية، وجزءا من حزب العمال الكردستاني الذي يقاتل القوات التركية منذ عقود.',
     "ASSAULT", ('TUR', 'REB'), ('TUR', 'MIL')),
    # a settlement followed by its name is the place, not a settler (AAW_ARB_20070625.0052-14)
    ("وكان الاحد الماضي شهد حادثا امنيا تمثل باطلاق صواريخ كاتيوشا من جنوب لبنان على مستوطنة كريات شمونة.",
     "ASSAULT", None, ('ISR', None)),
]


@pytest.mark.parametrize("text,etype,src,tgt", CASES)
def test_roles(text, etype, src, tgt):
    got = codes(text, etype)
    assert got, f"no {etype} event in: {text}"
    if src is not None:
        assert any(s == src for s, _ in got), (got, text)
    if tgt is not None:
        assert any(t == tgt for _, t in got), (got, text)


# Argument readings of sentences whose detection is the filter's borderline call: GSR annotators
# split on "تعرض X لمحاولة اغتيال" (about half of such sentences are rejected), so the roles are
# checked with every candidate of the type let through (the filter's threshold at 0).
ROLE_ONLY = [
    # the subject of تعرض, far before لمحاولة اغتيال, is the victim; her ministry gives her country (AAW_ARB_20081231.0003-1)
    ('تعرضت وزيرة الدولة بوزارة الطاقة السودانية، انجلينا مانج، حرم الدكتور رياك مشار نائب رئيس الحركة الشعبية، لمحاولة اغتيال في ولاية الوحدة، الغنية بالنفط في جنوب السودان، وذلك عندما صوب أحد الأشخاص الى وجهها مسدسا، لكن ألقي القبض عليه سريعا قبل أن يطلق النار عليها.',
     "ASSAULT", None, ('SDN', 'GOV')),
]


@pytest.mark.parametrize("text,etype,src,tgt", ROLE_ONLY)
def test_roles_whatever_the_filter(text, etype, src, tgt, monkeypatch):
    from marsad.events.filter import load_filter

    flt = load_filter()
    monkeypatch.setitem(flt.models, etype, dict(flt.models[etype], threshold=0.0))
    test_roles(text, etype, src, tgt)


def test_a_word_with_tanwin_is_no_verb():
    """"فجراً" (at dawn) is no dual perfect of فجّر (AAW_ARB_20070330.0038-3)."""
    from marsad.events.triggers import find_candidates, is_word

    doc = Pipeline().upto("statements")(Doc(text="وذكرت المصادر أن قوة إسرائيلية مكونة من عدة آليات عسكرية اقتحمت البلدة فجراً، وحاصرت منزل ربيع عصاعصه الناشط في كتائب الأقصى.", id="t"))
    words = [t for t in doc.tokens if is_word(t)]
    assert not [c for c in find_candidates(words) if c.lexeme.id == "fajjara"]
    assert [c for c in find_candidates(words) if c.lexeme.id == "iqtiham"]


def test_beating_after_tataadda_is_a_trigger():
    """"تتعدى على السكان بالضرب" names a beating (AAW_ARB_20070325.0025-13)."""
    from marsad.events.triggers import find_candidates, is_word

    doc = Pipeline().upto("statements")(Doc(text="وجاء في الشكوى المقدمة للشرطة ان قوات مناوي تتعدى على السكان بالضرب وإغلاق عدد من الشوارع بدعوى تأمين المساحة التي يقطنون فيها.", id="t"))
    words = [t for t in doc.tokens if is_word(t)]
    assert [c for c in find_candidates(words) if c.lexeme.id == "dharb_beat"]


def test_purpose_of_a_call_is_governed_across_its_relative_clause():
    """The departure the calls demand (لرحيل التحالف) is no withdrawal that happened, however far
    the relative clause carries it from الدعوات (seed article, ../shared/corpus)."""
    doc = Pipeline()(Doc(text="اكتسبت الدعوات التي أطلقتها منذ فترة طويلة فصائل أغلبها شيعية، قريبة من إيران، لرحيل التحالف الذي تقوده الولايات المتحدة، زخماً بعد سلسلة من الضربات الأميركية على جماعات متشددة تشكل جزءاً من قوات الأمن العراقية الرسمية.", id="t", published="2024-01-11"))
    types = {e.type for e in doc.events}
    assert "RETREAT" not in types and "REQUEST" in types


def _event_codes(text: str, etype: str, published: str):
    doc = analysed(text, published)
    return doc, [e for e in doc.events if e.type == etype]


def test_a_leader_in_a_group_that_a_verb_of_harm_names_without_object_is_its_victim():
    # ant_news dev (SK-middleEast-3801-20181009): "قتل قياديان بارزان في ميليشيات الحوثي" is passive
    doc, evs = _event_codes("قتل قياديان بارزان في ميليشيات الحوثي الموالية لإيران خلال مواجهات عنيفة مع الجيش "
                            "اليمني في جبهة باقم شمالي محافظة صعدة، وفق ما أعلنت عنه مصادر عسكرية.", "ASSAULT", "2018-10-09")
    assert evs
    tgt = doc.actors[evs[0].target]
    assert (tgt.country, tgt.type) == ("YEM", "REB")
    # the party of the clash after مع inflicted the casualties (args_clash): the Yemeni army
    src = doc.actors[evs[0].source]
    assert (src.country, src.type) == ("YEM", "MIL")


def test_a_member_noun_in_apposition_to_an_actor_is_not_the_body():
    # ant_news dev (SK-internationalNews-638-20180328): "تركيا، العضو في حلف شمال الأطلسي" describes Turkey
    doc, evs = _event_codes("ونددت تركيا، العضو في حلف شمال الأطلسي (الناتو)، بتسميم جاسوس روسي سابق في بريطانيا، "
                            "وطالبت بتقديم الجناة للعدالة.", "ACCUSE", "2018-03-28")
    assert evs and all(e.target is None or doc.actors[e.target].country != "IGO" for e in evs)



def test_an_intergovernmental_target_gives_the_event_no_location():
    # ant_news dev (SK-middleEast-325-20180316): the UN (UNO) is no place where the request was made
    doc, evs = _event_codes("وطالب حمد خالد العرق الأمم المتحدة بالتدخل لحل مشكلة قبيلة الغفران، ووجه نداء إلى العالم "
                            "يقول: \"أرجوكم ساعدونا\".", "REQUEST", "2018-03-16")
    assert evs and all(e.location is None for e in evs)


def test_a_relative_clause_with_a_pronoun_for_its_antecedent_has_its_own_subject():
    # ant_news dev (SK-middleEast-3755-20181006): "هبّة صنعاء التي دعا إليها ناشطون": the activists
    # called for it; Sanaa is no caller
    doc, evs = _event_codes('اقتحمت ميليشيات الحوثي الإيرانية، السبت، حرم جامعة صنعاء واختطفت أكثر من 50 طالبا وطالبة، '
                            'وذلك في إطار قمعها لـ" هبّة صنعاء" التي دعا إليها ناشطون للاحتجاج على تردي الأوضاع '
                            'الاقتصادية والمعيشية التي تسببت بها ممارسات الميليشيات.', "REQUEST", "2018-10-06")
    assert all(e.source is None or doc.actors[e.source].country != "YEM" or doc.actors[e.source].type for e in evs)

