"""Act stances (summits, deals, troops, sanctions, recognition) on real 2018 news sentences, the
false-flip patterns they must not produce, and a flip across two stored documents months apart."""
from __future__ import annotations

from functools import lru_cache

import pytest
from corpus import ant_news

from marsad.doc import Doc
from marsad.pipeline import Pipeline
from marsad.text.segment import split_sentences
from marsad.track.flips import refresh_flips


class _NoEntities:
    """The statistical NER stage is another layer's and not needed here (the dictionary actors
    are): an empty entities layer in its place keeps these cases independent of the model."""

    name, requires, assigns = "entities", (), ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        return doc


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return Pipeline([_NoEntities() if s.name == "entities" else s for s in Pipeline().stages], check_writes=True)


def _sentence(rid: str, anchor: str, before: int = 0) -> str:
    text = ant_news()[rid]["text"]
    sents = split_sentences(text)
    i = next(k for k, s in enumerate(sents) if anchor in text[s.start:s.end])
    return text[sents[max(0, i - before)].start:sents[i].end]


def _analyse(text: str, rid: str = "t", published: str = "2018-06-01") -> Doc:
    return _pipeline()(Doc(text, rid, published))


def _props(doc: Doc, issue: str | None = None) -> set[tuple[str, str, str, str]]:
    return {(doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity, s.issue) for s in doc.stances
            if issue is None or s.issue == issue}


# (article, anchor, sentences before, issue, expected (holder, target, polarity, issue) — exactly these)
CASES = [
    # readiness to talk agrees to the talks; "only if the conditions are right" states no position
    ("AL-internationalNews-667-20180328", "مستعدة لمحادثات", 0, "talks",
     {("كوريا الشمالية", "الولايات المتحدة", "support", "talks")}),
    ("SK-internationalNews-165-20180226", "استعدادها لإجراء", 0, "talks",
     {("كوريا الشمالية", "الولايات المتحدة", "support", "talks")}),
    ("SK-internationalNews-165-20180226", "مستعدة لإجراء محادثات مع كوريا", 0, "talks", set()),
    # talks (مباحثات) cancelled with another party
    ("SK-internationalNews-1588-20180515", "ألغت أيضا مباحثات", 0, "talks",
     {("كوريا الشمالية", "كوريا الجنوبية", "oppose", "talks")}),
    # a law that lets the president end sanctions is no act of his
    ("SK-internationalNews-1374-20180505", "إنهاء بعض العقوبات", 0, "sanctions", set()),
    # a summit cancelled, agreed to, held: the holder's attitude toward the other party
    ("SK-internationalNews-1761-20180524", "ألغى ترامب قمة", 0, "talks",
     {("دونالد ترامب", "كيم جونغ أون", "oppose", "talks")}),
    ("BB-internationalNews-565-20180525", "ألغى الرئيس الأمريكي دونالد ترامب محادثات", 0, "talks",
     {("دونالد ترامب", "كيم جونغ أون", "oppose", "talks")}),
    ("CN-internationalNews-89-20180310", "وافق الرئيس الأمريكي دونالد ترامب على لقاء", 0, "talks",
     {("دونالد ترامب", "كيم جونغ أون", "support", "talks")}),
    ("FR-internationalNews-1579-20180601", "كيم جونغ أون ستعقد كما", 0, "talks",
     {("دونالد ترامب", "كيم جونغ أون", "support", "talks")}),
    ("SK-internationalNews-1510-20180510", "يعقد الرئيس دونالد ترامب قمة", 0, "talks",
     {("دونالد ترامب", "كيم جونغ أون", "support", "talks")}),
    # talks suspended with another party
    ("CN-internationalNews-355-20180515", "علّقت المفاوضات مع كوريا الجنوبية", 0, "talks",
     {("كوريا الشمالية", "كوريا الجنوبية", "oppose", "talks")}),
    # the nuclear deal: leaving it opposes Iran on the deal, holding to it supports
    ("SK-internationalNews-3050-20180816", "انسحابها من الاتفاق النووي", 1, "agreement",
     {("الولايات المتحدة", "إيران", "oppose", "agreement")}),
    ("FR-middleEast-106-20180305", "فرنسا بالاتفاق النووي", 0, "agreement",
     {("فرنسا", "إيران", "support", "agreement")}),
    # leaving a country: the speaker's own state withdrawing ("إن بلاده ستنسحب من سوريا")
    ("CN-middleEast-420-20180330", "إن بلاده ستنسحب من سوريا", 0, "presence",
     {("دونالد ترامب", "سوريا", "oppose", "presence")}),
    # a minister staying on in a country is a visit, not a presence stance
    ("FR-internationalNews-467-20180316", "يبقى الوزير الكوري الشمالي في السويد", 0, "presence", set()),
    # sanctions imposed on the target
    ("BB-middleEast-766-20180721", "وفرضت إدارة ترامب عقوبات على طهران", 0, "sanctions",
     {("الولايات المتحدة", "إيران", "oppose", "sanctions")}),
    # recognition of Jerusalem as Israel's capital supports Israel
    ("BB-middleEast-81-20180223", "اعترافه بالقدس", 0, "recognition",
     {("دونالد ترامب", "إسرائيل", "support", "recognition")}),
    # -- what must not become the holder's position ---------------------------------------
    # a threat to cancel is no cancellation
    ("SK-internationalNews-1588-20180515", "هددت كوريا الشمالية", 0, "talks", set()),
    # a condition: "لن يلتقي … إلا إذا"
    ("SK-internationalNews-263-20180311", "لن يلتقي بزعيم", 0, "talks", set()),
    # someone else's rejection of the US recognition is no US reversal
    ("FR-internationalNews-1244-20180515", "رفضه الاعتراف الأمريكي", 0, "recognition", set()),
    # persuading Paris to leave the deal is not Paris leaving it
    ("SK-middleEast-2180-20180606", "لإقناع باريس بالانسحاب", 0, "agreement", set()),
    # a commitment withdrawn is no commitment ("سحب ترامب مؤخرا التزام الولايات المتحدة")
    ("BB-internationalNews-641-20180612", "مؤخرا التزام الولايات المتحدة", 0, "agreement", set()),
    # "لم يكن انسحاب … الأول من نوعه" negates another predicate, not the withdrawal
    ("SK-internationalNews-1516-20180511", "لم يكن انسحاب الولايات المتحدة", 0, "agreement", set()),
    # another's solidarity with a decision is not its own act ("تضامنها مع المغرب في قراره قطع …")
    ("FR-internationalNews-1072-20180504", "في قراره قطع العلاقات", 0, "cooperation", set()),
    # the answer of a condition ("إذا لم تلتزم … فسوف تنسحب واشنطن … وستعيد فرض عقوبات")
    ("AL-internationalNews-578-20180322", "فسوف تنسحب واشنطن من الاتفاق", 0, "agreement", set()),
    ("AL-internationalNews-578-20180322", "فسوف تنسحب واشنطن من الاتفاق", 0, "sanctions", set()),
    # sanctions that will only be lifted on a condition
    ("SK-internationalNews-3050-20180816", "لن ترفع العقوبات", 0, "sanctions", set()),
]


@pytest.mark.parametrize("rid,anchor,before,issue,expected", CASES, ids=[c[1][:24] for c in CASES])
def test_act_stances(rid, anchor, before, issue, expected):
    doc = _analyse(_sentence(rid, anchor, before))
    assert _props(doc, issue) == expected


def test_sanctions_polarity_is_toward_the_target():
    # imposing sanctions opposes the sanctioned; lifting them supports it (a negated lift opposes)
    doc = _analyse(_sentence("SK-internationalNews-2913-20180807", "فرض عقوبات اقتصادية على إيران"))
    assert ("الولايات المتحدة", "إيران", "oppose", "sanctions") in _props(doc, "sanctions")
    assert _props(_analyse("وقالت الولايات المتحدة إنها لن ترفع العقوبات المفروضة على إيران."), "sanctions") == {
        ("الولايات المتحدة", "إيران", "oppose", "sanctions")}
    assert _props(_analyse("وقررت الولايات المتحدة رفع العقوبات عن كوريا الشمالية."), "sanctions") == {
        ("الولايات المتحدة", "كوريا الشمالية", "support", "sanctions")}


def test_relations_cut_oppose_the_other_state():
    # "وأعلن المغرب، الثلاثاء، عن قطع علاقاته الدبلوماسية مع طهران" (the actors layer may name the
    # holder as Morocco or its foreign ministry: its country is what matters here)
    doc = _analyse(_sentence("CN-middleEast-778-20180501", "عن قطع علاقاته الدبلوماسية مع طهران"))
    got = {(doc.actors[s.holder].country, doc.actors[s.target].name, s.polarity) for s in doc.stances
           if s.issue == "cooperation"}
    assert got == {("MAR", "إيران", "oppose")}


def test_history_is_no_current_position():
    # "this day in history": "وفي نفس اليوم من عام 1990 استأنفت إيران علاقاتها الدبلوماسية مع العراق"
    rid = "CN-internationalNews-591-20180910"
    doc = _analyse(_sentence(rid, "استأنفت إيران علاقاتها الدبلوماسية مع العراق"), rid, "2018-09-10")
    assert _props(doc, "cooperation") == set()


def test_act_dates_ignore_the_date_of_the_thing_named():
    # "قمة … في 12 يونيو المقبل" dates the summit, not the cancellation published on 24 May
    rid = "SK-internationalNews-1761-20180524"
    doc = _analyse(_sentence(rid, "ألغى ترامب قمة"), rid, "2018-05-24")
    (st,) = [s for s in doc.stances if s.issue == "talks"]
    assert st.date == "2018-05-24"


def test_flip_across_documents_months_apart(tmp_path):
    """Trump agrees to meet Kim (10 March) and cancels the summit (24 May): a corpus flip."""
    from marsad.store import open_store
    from marsad.track.flips import flip_records

    store = open_store(f"sqlite:///{tmp_path / 'flips.db'}")
    for rid in ("CN-internationalNews-89-20180310", "SK-internationalNews-1761-20180524"):
        r = ant_news()[rid]
        store.save(_pipeline()(Doc(r["text"], rid, r["published"], r.get("title"), r.get("url"), r.get("source"))))
    assert refresh_flips(store) >= 1
    flips = [f for f in flip_records(store) if f["scope"] == "corpus" and f["target"]["issue"] == "talks"]
    assert flips
    f = flips[0]
    assert f["holder"]["name"] == "دونالد ترامب" and f["target"]["name"] == "كيم جونغ أون"
    assert (f["a"]["document"], f["a"]["polarity"]) == ("CN-internationalNews-89-20180310", "support")
    assert (f["b"]["document"], f["b"]["polarity"]) == ("SK-internationalNews-1761-20180524", "oppose")
    text = ant_news()["SK-internationalNews-1761-20180524"]["text"]
    assert "ألغى ترامب قمة" in text[f["b"]["start"]:f["b"]["end"]]


def test_two_statements_that_only_sound_alike_do_not_flip(tmp_path):
    """Sanctions imposed on Iran (May) and lifted on North Korea (June) share holder and issue but
    not the target; the EU holding to the deal is no US reversal."""
    from marsad.store import open_store
    from marsad.track.flips import flip_records

    store = open_store(f"sqlite:///{tmp_path / 'flips.db'}")
    docs = [("a", "2018-05-09", "وفرضت الولايات المتحدة عقوبات جديدة على إيران."),
            ("b", "2018-06-20", "وقررت الولايات المتحدة رفع العقوبات عن كوريا الشمالية."),
            ("c", "2018-07-01", "وأعلن الاتحاد الأوروبي التزامه بالاتفاق النووي مع إيران."),
            ("d", "2018-07-02", "أعلنت الولايات المتحدة انسحابها من الاتفاق النووي مع إيران.")]
    for rid, date, text in docs:
        store.save(_analyse(text, rid, date))
    refresh_flips(store)
    assert [f for f in flip_records(store) if f["scope"] == "corpus"] == []
