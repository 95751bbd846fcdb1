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
