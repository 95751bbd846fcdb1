"""Demands told as an obligation in a statement (marsad/events/speech.py) and the blame words of
statements (marsad/events/blame.py): real ant_news sentences, positive and negative."""
import pytest

from tests.sentences import analysed, code_of


def _events(text: str, etype: str, rule: str) -> list[tuple]:
    doc = analysed(text)
    return [(code_of(doc, e.source), code_of(doc, e.target)) for e in doc.events
            if e.type == etype and rule in (e.prov.rule or "")]


# -- an obligation laid on a party in a statement: a demand --------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("وقالت إيران إن على كوريا الشمالية أن لا تثق بالولايات المتحدة.", "IRN", "PRK"),
    ("يعتقد وزير الخارجية الفرنسي جان إيف لودريان أنه بعد الضربات الغربية على سوريا، يجب على روسيا أن تضغط "
     "على حليفها الرئيس السوري بشار الأسد للبحث عن مخرج للأزمة السياسية.", "FRA", "RUS"),
    # two obligations, the act a verbal noun, the first closed by a comma
    ("وقال مبعوث الأمم المتحدة للشرق الأوسط، نيكولاي ملادينوف، في حسابه على تويتر، إنه يتعين على إسرائيل ضبط "
     "استخدامها للقوة، كما يتعين على حماس منع وقوع الحوادث على الحدود.", "UNO", "ISR"),
    ("وقال مبعوث الأمم المتحدة للشرق الأوسط، نيكولاي ملادينوف، في حسابه على تويتر، إنه يتعين على إسرائيل ضبط "
     "استخدامها للقوة، كما يتعين على حماس منع وقوع الحوادث على الحدود.", "UNO", "PSE"),
])
def test_obligation_is_demand(text, source, target):
    found = _events(text, "REQUEST", "speech:REQUEST.obligation")
    assert any(s[0] == source and t[0] == target for s, t in found), found


@pytest.mark.parametrize("text", [
    # no obligation
    'واردف المسؤول الأمريكي السابق، قائلا: "في الاتفاق النووي الحالي مع إيران، لا يتوجب على إيران الاعتراف '
    'بنشاطاتهم السابقة.',
    # what one's own state must do is no demand on another party
    "وقال الرئيس ترامب في مقابلة له مع فوكس نيوز، إنه يتعين على الولايات المتحدة الضغط على الصين من أجل "
    "إحكام سيطرتها على كوريا الشمالية.",
    # "علي" the name, not على (GSR sentence)
    "اعلن محام عراقي في عمان ان علي حسن المجيد الملقب بـ«علي كيمياوي»، والمحكوم بالاعدام في العراق، نقل الى "
    "المستشفى بعد 3 ايام من بدئه اضرابا عن الطعام، بسبب تدهور صحته.",
])
def test_no_obligation_demand(text):
    assert _events(text, "REQUEST", "speech:REQUEST.obligation") == []


# -- blame words in statements: the new words --------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    # an adjective of blame after the party
    ('وقال محافظ الحديدة: "إن تهامة اليوم تدعو كل أبنائها للانتفاض في وجه هذه المليشيات الحوثية الاجرامية '
     'التي جثمت على صدورهم لسنوات عدة".', "YEM", "YEM"),
    # a verb of misconduct after its subject
    ("وفي حين أشار بومبيو إلى أن الولايات المتحدة لا تزال تعمل على \"إصلاح\" اتفاق 2015، فإن نتانياهو قال إن "
     "الأدلة أظهرت أن إيران كذبت بشأن أنشطتها النووية قبل الاتفاق.", "ISR", "IRN"),
    # a duty told as not kept
    ('وأضاف الرئيس الإيراني: "الولايات المتحدة لا تحترم الاتفاقيات الدولية ولم تنفذ قط التزاماتها"، مشددا على أن '
     'قرار ترامب تجربة تاريخية لإيران.', "IRN", "USA"),
])
def test_new_blame_words(text, source, target):
    found = _events(text, "ACCUSE", "statement:ACCUSE.blame")
    assert any(s[0] == source and t[0] == target for s, t in found), found


def test_negated_misconduct_is_no_blame():
    # "أن لا تعرقل الرئاسة السورية": a wish that it will not obstruct
    text = ('وأضاف البيان "رغم ذلك، فإن الأمر كان يتطلب إجماع كل أعضاء مؤتمر نزع السلاح، بمن فيهم سوريا"، مشددا في '
            'الوقت نفسه على أنه سيحرص على "أن لا تعرقل الرئاسة السورية عمل المؤتمر".')
    assert all(t[0] != "SYR" for _, t in _events(text, "ACCUSE", "statement:ACCUSE.blame"))


def test_intervention_force_is_no_blame():
    # "قوة التدخل الأميركية" names a force, it blames nobody ("تدخل" is left out of the blame words)
    text = ('وتحدثت بارلي عن أن الولايات المتحدة قد توجه قواتها إلى مناطق أخرى في العالم تراها أكثر حيوية، أو إن '
            'تحفظ الحلف عن التدخل "يجب على أوروبا التزود بقدرات ذاتية استراتيجية تغنيها عن قوة التدخل الأميركية".')
    assert all(t[0] != "USA" for _, t in _events(text, "ACCUSE", "statement:ACCUSE.blame"))


# -- "وهو ما نفته موسكو": the relative ما is no negation ----------------------------------
@pytest.mark.parametrize("text, etype, source", [
    ("ويقول نشطاء إن العملية شهدت مقتل 280 مدنيا، وهو ما تنفيه أنقرة.", "REJECT", "TUR"),
    ("واتهمت لندن المخابرات الحربية الروسية بتنفيذ الهجوم، وهو ما نفته موسكو.", "REJECT", "RUS"),
])
def test_relative_ma_is_no_negation(text, etype, source):
    doc = analysed(text)
    assert any(e.type == etype and code_of(doc, e.source)[0] == source for e in doc.events)


def test_negating_ma_still_negates():
    # ("وهو ما يدعو إليه وزير …": no resumptive pronoun on the verb, left as before)
    doc = analysed("وقال الوزير إن بلاده ما رفضت أي مبادرة.")
    assert not any(e.type == "REJECT" for e in doc.events)


# -- a reaction provoked, told verb first (marsad/stances/reactions.py) ---------------------
def test_reaction_with_subject_after_verb():
    text = ("وأثار السفير الأميركي، غضب الفلسطينيين عندما تسلم الصورة التي تزوّر البلدة القديمة في القدس، حيث "
            "أزيل منها المسجد الأقصى ووضع مكانها الهيكل المزعوم.")
    doc = analysed(text)
    assert any(e.type == "ACCUSE" and code_of(doc, e.source)[0] == "PSE" and code_of(doc, e.target)[0] == "USA"
               for e in doc.events)


def test_reaction_quantifier_after_verb_keeps_agent_before():
    # "أثار موجة …": no subject after the verb; the agent is the party before it
    text = "لكن وحدات حماية الشعب الكردية تتعاون مع الولايات المتحدة ضد تنظيم داعش في سوريا، في تحالف أثار حفيظة أنقرة."
    doc = analysed(text)
    assert any(s.polarity == "oppose" and code_of(doc, s.holder)[0] == "TUR" for s in doc.stances)
