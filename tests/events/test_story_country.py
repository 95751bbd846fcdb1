"""An unnamed participant of a sector ("قوات الأمن", "الشرطة") told with no nationality is coded by
the country of the article it acts in (PLOVER codes generic actors by the country they act in), on
a real article of ../shared/data/ant_news (France 24, 2018-06-14). A lone sentence, as in the
Arabic PLOVER GSR's incident reports, has no story to place it: it keeps its sector alone. A
condemnation's target is never such a story-placed participant."""
from __future__ import annotations

from sentences import analysed

from marsad.events.coding import self_placed

ARTICLE = (
    "لقي شخصان حتفهما الخميس في هجوم بالسكين داخل مسجد في مالزبري في جنوب إفريقيا (جنوب غرب)، قبل أن "
    "تقتل قوات الأمن المنفذ.\n"
    "أفادت مصادر أمنية أن شخصين اثنين قتلا في هجوم بالسكين في وقت مبكر الخميس داخل مسجد في مالزبري "
    "بالقرب من الكاب في جنوب إفريقيا، قبل أن تردي الشرطة المنفذ قتيلا.\n"
    "ولم تتوفر أي معلومات على الفور حول دوافع المهاجم المفترضة.\n"
)
# (Sky News Arabia, 2018-10-05)
LONE = "وأضافت المنظمة، أن الشرطة تدخلت واعتقلت عددا من المسلحين الذين بلغ عددهم 12."


def _security(text: str, etype: str):
    doc = analysed(text)
    agents = [doc.actors[e.source] for e in doc.events if e.type == etype and e.source]
    return [a for a in agents if a.type == "COP"]


def test_generic_agent_takes_the_story_country():
    got = _security(ARTICLE, "ASSAULT")
    assert got and all((a.country, a.type) == ("ZAF", "COP") for a in got), got
    assert not any(self_placed(a) for a in got)  # placed by the story, not by its own words


def test_lone_sentence_keeps_the_sector_alone():
    got = _security(LONE, "COERCE")
    assert got and all(a.country is None and a.type == "COP" for a in got), got


# (BBC Arabic, 2018-04-10): a state named as an agent in an article is its government
SPY_STORY = (
    "تقرر نقل الجاسوس الروسي سكريبال وابنته يوليا إلى \"العيون الخمسة\" كأفضل مكان لضمان أمنهما "
    "وسلامتهما مع إعطائهما هويات جديدة بحسب ما كتبت صحيفة \"الصنداي تايمز\".\n"
    "وكانت قد اتهمت بريطانيا روسيا بتسميم الجاسوس وابنته اللذين نقلا إلى المستشفى في 4 مارس/آذار 2018، "
    "بعد تعرضهما لغاز الأعصاب السام الذي يعرف باسم نوفيتشوك.\n"
    "ما هو \"غاز الأعصاب\" وماذا يفعل؟\n"
)


def test_state_named_in_an_article_is_its_government():
    # ANNOTATION.md: a state's name is its government (GOV) in an article, the same actor the
    # actors stage made for it; a lone GSR incident sentence keeps the bare country
    doc = analysed(SPY_STORY)
    ev = next(e for e in doc.events if e.type == "ACCUSE")
    src, tgt = doc.actors[ev.source], doc.actors[ev.target]
    assert (src.country, src.type, src.prov.stage) == ("GBR", "GOV", "actors"), src
    assert (tgt.country, tgt.type) == ("RUS", "GOV"), tgt
    lone = analysed("وكانت قد اتهمت بريطانيا روسيا بتسميم الجاسوس وابنته.")
    ev = next(e for e in lone.events if e.type == "ACCUSE")
    assert (lone.actors[ev.source].country, lone.actors[ev.source].type) == ("GBR", None)
