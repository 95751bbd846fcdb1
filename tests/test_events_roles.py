"""Argument-finding rules of the events stage, each on a real sentence of the Arabic PLOVER GSR
(../shared/data/arabic_event_gsr): the (country, sector) codes its source and target get."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.pipeline import Pipeline

_PIPE: list = []


def codes(text: str, etype: str = "ASSAULT") -> list[tuple[tuple, tuple]]:
    if not _PIPE:
        _PIPE.append(Pipeline())
    doc = _PIPE[0](Doc(text=text, id="t", published="2008-01-01"))

    def code(aid):
        a = doc.actors.get(aid) if aid else None
        return (a.country, a.type) if a else (None, None)

    return [(code(e.source), code(e.target)) for e in doc.events if e.type == etype]


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
]


@pytest.mark.parametrize("text,etype,src,tgt", CASES)
def test_roles(text, etype, src, tgt):
    got = codes(text, etype)
    assert got, f"no {etype} event in: {text}"
    if src is not None:
        assert any(s == src for s, _ in got), (got, text)
    if tgt is not None:
        assert any(t == tgt for _, t in got), (got, text)
