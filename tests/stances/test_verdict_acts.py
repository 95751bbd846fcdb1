"""Broader verdicts (``marsad.stances.verdicts``) on real 2018 news sentences: evaluative words of
bad faith and labels ("كاذبون"، "المزعزعة للاستقرار"), pejorative acts judging their agent only
("عدوان من جانب إيران"), an act already reported judged through its agent ("إن الغارة قد ترقى إلى
جريمة حرب" → the raid's source), and the wordings that must make none: a classifier of someone else
("تعتبره الولايات المتحدة منظمة إرهابية"), a noun described after the actor ("القسام الحادث بأنه
جريمة"), an adverbial ("بشكل غير مشروع"), an act as a complement ("سوابق لجرائم")."""
from __future__ import annotations

import pytest
from stances.test_stances import analyse
from statements.test_statements import _context

from marsad.doc import Event, Provenance
from marsad.stances.verdicts import extract as verdict_stances

US, IR, GB = ("GPE", "USA", "GOV"), ("GPE", "IRN", "GOV"), ("ORG", "GBR", "GOV")


def verdicts(doc) -> set[tuple[str, str, str]]:
    return {(doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity) for s in verdict_stances(doc)}


POSITIVE = [
    # a label of bad faith after "وصفت … بأنهم": the described actor right before the pronoun
    ("SK-internationalNews-360-20180315", "كاذبون", 0,
     {"زخاروفا": ("PER", "RUS", "GOV"), "الحكومة البريطانية": GB},
     ("زخاروفا", "الحكومة البريطانية", "oppose")),
    # a pejorative act with its agent after "من جانب"
    ("FR-middleEast-526-20180524", "وعدوان من جانب إيران", 0,
     {"كاتس": ("PER", "ISR", "GOV"), "إيران": IR},
     ("كاتس", "إيران", "oppose")),
]


@pytest.mark.parametrize("rid, anchor, before, names, expected", POSITIVE)
def test_broader_verdicts(rid, anchor, before, names, expected):
    doc = analyse(_context(rid, anchor, before), names)
    assert expected in verdicts(doc)


NEGATIVE = [
    # "حزب العمال الكردستاني الذي تعتبره الولايات المتحدة … منظمة إرهابية": the US classifies, it is not judged
    ("BB-middleEast-614-20180613", "منظمة إرهابية", 0,
     {"أردوغان": ("PER", "TUR", "GOV"), "الولايات المتحدة": US}),
    # "وصف بيان أصدرته كتائب عز الدين القسام الحادث بأنه جريمة نكراء": the incident is judged, not the brigades
    ("FR-internationalNews-1095-20180505", "جريمة نكراء", 0,
     {"الجيش الإسرائيلي": ("ORG", "ISR", "MIL"), "كتائب عز الدين القسام": ("ORG", "PSE", "REB")}),
    # "استولت عليها المخابرات الإسرائيلية بشكل غير مشروع": an adverbial of the act
    ("SK-internationalNews-2657-20180715", "بشكل غير مشروع", 0,
     {"روحاني": ("PER", "IRN", "GOV"), "المخابرات الإسرائيلية": ("ORG", "ISR", "SPY")}),
    # "بن غالم كانت له سوابق لجرائم حق عام": an act under ل is a complement, no predicate
    ("SK-middleEast-1901-20180524", "سوابق لجرائم", 0,
     {"وزارة الداخلية": ("ORG", "FRA", "GOV"), "بن غالم": ("PER", "DZA", "CVL")}),
]


@pytest.mark.parametrize("rid, anchor, before, names", NEGATIVE)
def test_no_broader_verdict(rid, anchor, before, names):
    doc = analyse(_context(rid, anchor, before), names)
    judged = list(names)[1]  # the actor the word was wrongly read as judging
    assert not any(t == judged for _, t, _ in verdicts(doc))


HRW, COALITION = ("ORG", "NGO", "NGO"), ("ORG", "SAU", "MIL")


def _raid_doc(source: str | None):
    """"إن الغارة قد ترقى إلى جريمة حرب" after a raid reported with (or without) its agent."""
    text = _context("CN-middleEast-1268-20180902", "قد ترقى إلى", 0)
    doc = analyse(text, {"هيومن رايتس ووتش": HRW, "التحالف": COALITION})
    aid = next(a for a, x in doc.actors.items() if x.name == source) if source else None
    doc.events = [Event(0, 5, "ASSAULT", Provenance("test"), mode="aerial", source=aid)]
    return doc


def test_judged_act_blames_its_agent():
    assert verdicts(_raid_doc("التحالف")) == {("هيومن رايتس ووتش", "التحالف", "oppose")}


def test_judged_act_without_agent_blames_nobody():
    assert verdicts(_raid_doc(None)) == set()


def test_condemning_an_act_opposes_its_agent():
    """"وندد الرئيس الإندونيسي … بالاعتداءات": the events stage resolves the condemned act's agent
    (the group that claimed the attacks, named sentences before); the interaction reading keeps it
    though that agent is not named near the trigger."""
    from marsad.pipeline import analyze

    doc = analyze(_context("SK-internationalNews-1553-20180513", "بالاعتداءات وقال", 2), published="2018-05-13")
    got = {(doc.actors[s.holder].name, doc.actors[s.target].code, s.polarity) for s in doc.stances}
    assert any(h.startswith("الرئيس الإندونيسي") and t and "isis" in t.lower() and p == "oppose" for h, t, p in got), got


ISR, SY, TR = ("GPE", "ISR", "GOV"), ("GPE", "SYR", "GOV"), ("GPE", "TUR", "GOV")


def _with_attack(rid: str, anchor: str, names: dict, agent: str):
    """A real sentence, its actors, and an attack reported before it by ``agent``."""
    from marsad.stances.stage import StancesStage

    doc = analyse(_context(rid, anchor, 0), names)
    aid = next(a for a, x in doc.actors.items() if x.name == agent)
    doc.events = [Event(0, 1, "ASSAULT", Provenance("test"), source=aid)]
    return StancesStage()(doc)


def test_condemning_attacks_opposes_their_agent():
    """"إيران تدين بشدة الهجمات في سوريا": the attacks reported before were Israel's."""
    doc = _with_attack("BB-middleEast-491-20180511", "تدين بشدة الهجمات",
                       {"إيران": IR, "إسرائيل": ISR, "سوريا": SY}, "إسرائيل")
    got = {(doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity) for s in doc.stances
           if s.prov.rule == "attitude.verb"}
    assert ("إيران", "إسرائيل", "oppose") in got


def test_threatening_an_attack_blames_nobody():
    """"وهددت تركيا بالهجوم على …": the threatened attack is Turkey's own, not the last attacker's."""
    doc = _with_attack("BB-middleEast-267-20180330", "وهددت تركيا بالهجوم",
                       {"تركيا": TR, "تنظيم الدولة الإسلامية": ("ORG", "IMG", "REB")}, "تنظيم الدولة الإسلامية")
    assert not any(doc.actors[s.target].name == "تنظيم الدولة الإسلامية" for s in doc.stances)


def test_welcoming_after_an_apposed_name():
    """"رحب الرئيس الأمريكي، دونالد ترامب، بإعلان السعودية": the apposed name set off by commas
    is skipped like a title; the genitive of the welcomed announcement is its author."""
    from marsad.stances.attitudes import extract as attitude_stances

    doc = analyse(_context("CN-middleEast-1638-20181020", "بإعلان السعودية", 0),
                  {"الرئيس الأمريكي": ("PER", "USA", "GOV"), "دونالد ترامب": ("PER", "USA", "GOV"),
                   "السعودية": ("GPE", "SAU", "GOV")})
    got = {(doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity) for s in attitude_stances(doc)}
    assert ("الرئيس الأمريكي", "السعودية", "support") in got


def test_pronoun_refers_to_the_actor_named_before():
    """"وأكد ترامب أنه لا يحاول التستر على السعودية، لكنه أوضح أنها «حليف مهم لأمريكا»": the
    pronoun closing the cue is the one other actor the sentence named (feminine, as it is)."""
    doc = analyse(_context("BB-middleEast-1118-20181017", "حليف مهم لأمريكا", 0),
                  {"ترامب": ("PER", "USA", "GOV"), "السعودية": ("GPE", "SAU", "GOV"), "أمريكا": US})
    assert ("ترامب", "السعودية", "support") in verdicts(doc)


def test_pronoun_of_a_thing_judges_no_actor():
    """"أدانت الإمارات القانون الإسرائيلي مؤكدة أنه «يكرس عنصرية …»": the masculine pronoun is the
    law, not Israel (feminine); no verdict toward Israel from the pronoun."""
    doc = analyse(_context("FR-middleEast-807-20180722", "يكرس عنصرية", 0),
                  {"الإمارات": ("GPE", "ARE", "GOV"), "الإسرائيلي": ("GPE", "ISR", "GOV")})
    assert not any(t == "الإسرائيلي" for _, t, _ in verdicts(doc))
