"""Stances and contradictions: polarity, negation scope, holders and targets on real sentences."""
from __future__ import annotations

import json
import re

import pytest
from statements.test_statements import _context, seed_doc

from marsad.doc import Actor, Doc, Mention, Provenance, Stance
from marsad.stances.stage import (
    StancesStage,
    conflicting,
    contradictions,
    lexicon,
    pair_contradictions,
    proposition,
)
from marsad.statements.stage import StatementsStage
from marsad.text.stage import TextStage
from marsad.times.stage import TimesStage


def analyse(text: str, names: dict[str, tuple[str, str, str]], published: str = "2018-06-01") -> Doc:
    """Statements and stances with a hand-built actors layer: name -> (kind, country, type)."""
    doc = TimesStage()(TextStage()(Doc(text=text, id="t", published=published)))  # times: the reference date
    for name, (kind, country, typ) in names.items():
        aid = f"a{len(doc.actors)}"
        doc.actors[aid] = Actor(aid, name, kind=kind, country=country, type=typ)
        for m in re.finditer(r"(?<!\w)(?:[وفبلك]|وب|ول)?(" + re.escape(name) + r")(?!\w)", text):
            doc.mentions.append(Mention(m.start(1), m.end(1), aid, Provenance("test")))
    return StancesStage()(StatementsStage()(doc))


def props(doc: Doc) -> set[tuple[str, str, str, str]]:
    """(holder name, target name, polarity, issue) of every stance."""
    return {(doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity, s.issue) for s in doc.stances}


US, TR, RU, SY, PRK = ("GPE", "USA", "GOV"), ("GPE", "TUR", "GOV"), ("GPE", "RUS", "GOV"), ("GPE", "SYR", "GOV"), \
    ("PER", "PRK", "GOV")
TRUMP = ("PER", "USA", "GOV")

# (article, anchor, sentences before, names, expected propositions — exactly these)
CASES = [
    # negation scope: لم تكن … صديقة = not a friend (oppose); ألا تكون شريكا
    ("FR-internationalNews-2746-20180816", "إن تركيا لم تكن دولة", 0, {"دونالد ترامب": TRUMP, "تركيا": TR},
     {("دونالد ترامب", "تركيا", "oppose", "enmity")}),
    ("SK-middleEast-943-20180411", "موسكو يجب ألا تكون شريكا", 0, {"ترامب": TRUMP, "موسكو": RU},
     {("ترامب", "موسكو", "oppose", "enmity")}),
    # a repeated predicate is one stance, not a double negative
    ("SK-internationalNews-2656-20180715", "الصين عدو اقتصادي", 1, {"ترامب": TRUMP, "الصين": ("GPE", "CHN", "GOV")},
     {("ترامب", "الصين", "oppose", "enmity")}),
    # لن نجري محادثات مع الأسد: negated talks
    ("BB-middleEast-356-20180415", "لن نجري أي محادثات", 2, {"هيلي": TRUMP, "الأسد": ("PER", "SYR", "GOV")},
     {("هيلي", "الأسد", "oppose", "talks")}),
    # "غير شرعي" on the presence of forces; "شرعي" alone is not a stance trigger
    ("CN-middleEast-1080-20180602", "وجود القوات الأمريكية في سورية غير شرعي", 1,
     {"المعلم": ("PER", "SYR", "GOV"), "القوات الأمريكية": ("ORG", "USA", "MIL"), "إيران": ("GPE", "IRN", "GOV")},
     # (and "ونحن نشكر إيران" in the sentence before: thanking Iran supports it)
     {("المعلم", "القوات الأمريكية", "oppose", "legality"), ("المعلم", "إيران", "support", "approval")}),
    # "لا يزال" negates nothing, and talks alone are no stance
    ("AL-internationalNews-1348-20180527", "محادثات مثمرة جداً", 0, {"ترمب": TRUMP, "كوريا الشمالية": PRK}, set()),
    # a condition states nothing ("في حال أساءت الولايات المتحدة … بتصرفات غير قانونية")
    ("SK-internationalNews-1761-20180524", "في حال أساءت الولايات المتحدة", 0, {"الولايات المتحدة": US}, set()),
    # outside reported speech: the subject of an attitude verb holds it
    ("FR-internationalNews-747-20180416", "اتهمت لندن كلا من روسيا", 0,
     {"لندن": ("GPE", "GBR", "GOV"), "روسيا": RU, "سوريا": SY}, {("لندن", "روسيا", "oppose", "accusation")}),
    ("SK-internationalNews-1761-20180524", "ألغى ترامب قمة", 0, {"ترامب": TRUMP, "كيم جونغ أون": PRK},
     {("ترامب", "كيم جونغ أون", "oppose", "talks")}),
    ("SK-internationalNews-3458-20181013", "وفرضت الولايات المتحدة عقوبات اقتصادية", 0, {"الولايات المتحدة": US, "تركيا": TR},
     {("الولايات المتحدة", "تركيا", "oppose", "sanctions")}),
    ("CN-middleEast-1271-20180902", "رحبت إسرائيل، السبت", 0, {"إسرائيل": ("GPE", "ISR", "GOV"), "الولايات المتحدة": US},
     {("إسرائيل", "الولايات المتحدة", "support", "approval")}),
    ("CN-middleEast-360-20180325", "تعارض بقاء بشار الأسد", 0,
     {"إسرائيل": ("GPE", "ISR", "GOV"), "بشار الأسد": ("PER", "SYR", "GOV")},
     {("إسرائيل", "بشار الأسد", "oppose", "presence")}),
    # a co-subject is no target ("نددت دمشق وحليفتها موسكو بالعملية")
    ("FR-middleEast-830-20180724", "نددت دمشق وحليفتها موسكو", 0, {"دمشق": SY, "موسكو": RU}, set()),
    # the one criticised is no holder ("الانتقادات التي تلقتها السعودية")
    ("CN-middleEast-1582-20181017", "الانتقادات التي تلقتها", 0,
     {"المملكة العربية السعودية": ("GPE", "SAU", "GOV"), "ترامب": TRUMP}, set()),
    # a frame right before an evaluation scopes over it: إنهاء العداء = support
    ("SK-internationalNews-3135-20180907", "وإنهاء العداء مع الولايات المتحدة", 0,
     {"كيم": PRK, "الولايات المتحدة": US, "ترامب": TRUMP}, {("كيم", "الولايات المتحدة", "support", "enmity")}),
]


@pytest.mark.parametrize("rid,anchor,before,names,expected", CASES, ids=[f"{c[0]}:{c[1][:12]}" for c in CASES])
def test_stances_on_real_sentences(rid, anchor, before, names, expected):
    doc = analyse(_context(rid, anchor, before), names)
    assert props(doc) == expected
    for s in doc.stances:
        assert s.prov.stage == "stances" and s.start < s.end and s.date


# Negation scope on the forms of the founding issue (short news forms).
FORMS = [
    ("وقال الرئيس إن التحالف لم يعد ضرورياً.", "oppose", "presence"),
    ("وقال الرئيس إن بقاء قوات التحالف ضرورة.", "support", "presence"),
    ("وقال الرئيس إن بلاده لا ترى التحالف كعدو.", "support", "enmity"),
    ("وقال الرئيس إن التحالف عدو.", "oppose", "enmity"),
    ("وقال الرئيس إن هجمات التحالف غير قانونية.", "oppose", "legality"),
    ("وقال الرئيس إن بلاده تريد خروج قوات التحالف.", "oppose", "presence"),
    ("وقال الرئيس إن بلاده لا تريد خروج قوات التحالف.", "support", "presence"),
    ("وقال الرئيس إن بلاده لا تخطط لسحب قوات التحالف.", "support", "presence"),
    ("وقال الرئيس إن التحالف مزعزع للاستقرار.", "oppose", "threat"),
    ("ونفى الرئيس أن يكون التحالف عدواً.", "support", "enmity"),
    ("وطالب الرئيس بانسحاب قوات التحالف.", "oppose", "presence"),
]


@pytest.mark.parametrize("text,polarity,issue", FORMS)
def test_negation_scope(text, polarity, issue):
    doc = analyse(text, {"الرئيس": ("PER", "IRQ", "GOV"), "التحالف": ("ORG", "USA", "MIL")})
    assert props(doc) == {("الرئيس", "التحالف", polarity, issue)}


def test_naming_an_issue_is_no_stance():
    doc = analyse("وقال الرئيس إن وجود قوات التحالف في العراق مستمر.", {"الرئيس": ("PER", "IRQ", "GOV"),
                                                                      "التحالف": ("ORG", "USA", "MIL")})
    assert doc.stances == []


def test_negator_does_not_cross_a_comma_or_reach_far():
    doc = analyse("وقال الرئيس إنه لم يحضر الاجتماع، وإن التحالف عدو.", {"الرئيس": ("PER", "IRQ", "GOV"),
                                                                        "التحالف": ("ORG", "USA", "MIL")})
    assert props(doc) == {("الرئيس", "التحالف", "oppose", "enmity")}


def test_stance_toward_own_state_forces_is_left_out():
    doc = analyse("وقالت وزارة الدفاع الأميركية إنها لا تخطط لسحب القوات الأميركية من العراق.",
                  {"وزارة الدفاع الأميركية": ("ORG", "USA", "MIL"), "القوات الأميركية": ("ORG", "USA", "MIL")})
    assert doc.statements and doc.stances == []


def test_reported_through_a_source():
    text = "لكنه، وفق ما نشر مؤخراً في وسائل الإعلام، يؤكد بأن بقاء قوات التحالف في العراق ضرورة."
    doc = analyse("قال الرئيس إن التحالف لم يعد ضرورياً. " + text,
                  {"الرئيس": ("PER", "IRQ", "GOV"), "التحالف": ("ORG", "USA", "MIL")})
    rep = [s for s in doc.stances if s.reported]
    assert len(rep) == 1 and rep[0].polarity == "support"
    (c,) = doc.contradictions
    assert c.kind == "inconsistency" and c.issue == "presence"


# -- the contradiction helpers --------------------------------------------------------------
def _st(holder, target, issue, polarity, start=0, date=None, rule="r"):
    return Stance(start, start + 5, holder, target, polarity, Provenance("stances", rule), issue, None, False, date)


def test_conflicting_is_a_pure_test_over_propositions():
    assert conflicting(("a", "b", "presence", "support"), ("a", "b", "presence", "oppose"))
    assert not conflicting(("a", "b", "presence", "support"), ("a", "b", "presence", "support"))
    assert not conflicting(("a", "b", "presence", "support"), ("a", "b", "enmity", "oppose"))
    assert not conflicting(("a", "b", "presence", "support"), ("a", "c", "presence", "oppose"))
    assert not conflicting(("a", "b", None, "support"), ("a", "b", None, "oppose"))
    # dicts and Stances compare too, through a corpus-wide key for the doc-local ids
    codes = {"x1": "USA.GOV", "y7": "USA.GOV", "x2": "IRN.GOV", "y3": "IRN.GOV"}
    a = _st("x1", "x2", "agreement", "support")
    b = {"holder": "y7", "target": "y3", "issue": "agreement", "polarity": "oppose"}
    assert not conflicting(a, b)
    assert conflicting(a, b, key=codes.get)
    assert proposition(a, key=codes.get) == ("USA.GOV", "IRN.GOV", "agreement", "support")


def test_pairs_are_one_to_one_same_rule_first_then_nearest():
    s = [_st("a", "b", "presence", "oppose", 0, rule="desire+presence"),
         _st("a", "b", "presence", "oppose", 100, rule="necessity"),
         _st("a", "b", "presence", "support", 140, rule="presence+necessity"),
         _st("a", "b", "enmity", "support", 150)]
    assert pair_contradictions(s) == [(1, 2)]
    s2 = [_st("a", "b", "talks", "support", 0, "2018-05-01"), _st("a", "b", "talks", "oppose", 9, "2018-05-24")]
    (c,) = contradictions(s2)
    assert c.kind == "flip" and c.a == (0, 5) and c.b == (9, 14)


def test_lexicon_is_data():
    lex = lexicon()
    issues = {s.issue for s in lex.specs.values() if s.issue}
    assert {"presence", "legality", "enmity", "approval", "accusation", "threat", "sanctions", "agreement",
            "talks", "cooperation"} <= issues


def test_seed_stances_and_contradiction(shared):
    gold = json.loads((shared / "eval" / "seed.gold.json").read_text("utf-8"))
    text = (shared / "corpus" / "seed-iraq-us-coalition.txt").read_text("utf-8")
    doc = StancesStage()(StatementsStage()(seed_doc(text, gold)))

    def overlaps(s, snippet):
        i = text.index(snippet)
        return s.start < i + len(snippet) and i < s.end

    for g in gold["stances"]:
        if g.get("optional"):
            continue
        hit = [s for s in doc.stances if overlaps(s, g["evidence"]) and s.polarity == g["polarity"]
               and s.holder == g["holder"] and s.target == g["target"]]
        assert hit, g["evidence"]
    # no stance outside the gold evidence, but for the backing the seed gold leaves unannotated
    # ("الجماعات الشيعية المدعومة من إيران": Iran backs the groups; the dev gold requires such ones)
    extra = [s for s in doc.stances if not any(overlaps(s, g["evidence"]) for g in gold["stances"])]
    assert [(s.holder, s.target, s.polarity, s.prov.rule) for s in extra] == [
        ("iran", "iraqi_factions", "support", "attitude.relation")]
    (c,) = doc.contradictions
    g = gold["contradictions"][0]
    assert c.holder == "sudani" and c.target == "us_forces" and c.kind == "inconsistency"
    assert {text[c.a[0]:c.a[1]], text[c.b[0]:c.b[1]]} == {g["a"], g["b"]}


def test_a_reading_nested_in_a_wider_one_is_dropped():
    from marsad.doc import Provenance, Stance
    from marsad.stances.stage import drop_nested

    wide = Stance(908, 938, "a1", "a2", "support", Provenance("stances", "desire+presence"), issue="presence")
    part = Stance(915, 938, "a1", "a2", "oppose", Provenance("stances", "presence"), issue="presence")
    other = Stance(915, 938, "a1", "a3", "oppose", Provenance("stances", "presence"), issue="presence")
    assert drop_nested([wide, part, other]) == [wide, other]


def test_negated_demand_is_one_stance_not_a_contradiction():
    from marsad.pipeline import analyze

    text = ("يذكر أن مايك بومبيو اجتمع مع زعيم كوريا الشمالية الشهر الماضي، وقال إن كيم لا يطالب "
            "بسحب كل القوات الأميركية كشرط مسبق للاجتماع مع ترامب.")
    doc = analyze(text, "t", "2018-05-04")
    assert doc.contradictions == []
    presence = [s for s in doc.stances if s.issue == "presence"]
    assert len({(s.holder, s.target) for s in presence}) == len(presence)
