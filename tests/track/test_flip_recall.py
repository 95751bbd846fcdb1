"""Readings that let a reversal between articles be found (and wrong ones that hid it): praise of a
meeting or relationship with the other party, the subject of a relative clause after its resumptive
pronoun, a purpose clause out of a stop's scope; along a timeline, every earlier opposite position is
reversed, and one reversal between two articles is one flip. Real 2018 ant_news sentences."""
from __future__ import annotations

import pytest
from stances.test_stances import analyse
from statements.test_statements import _context
from track.test_flips import _store

from marsad.stances.meetings import extract as meeting_stances
from marsad.track.flips import compatible, corpus_flips

TRUMP, KIM, PUTIN = ("PER", "USA", "GOV"), ("PER", "PRK", "GOV"), ("PER", "RUS", "GOV")
PRK, TUR, KOR = ("GPE", "PRK", "GOV"), ("GPE", "TUR", "GOV"), ("GPE", "KOR", "GOV")


def _props(doc, stances):
    return {(doc.actors[s.holder].name, doc.actors[s.target].name, s.polarity) for s in stances}


MEETINGS = [
    # "وقال الرئيس ترامب … "أتوقع علاقة رائعة مع كيم""
    ("BB-internationalNews-641-20180612", "أتوقع علاقة رائعة مع كيم", {"ترامب": TRUMP, "كيم": KIM},
     ("ترامب", "كيم", "support")),
    # "أن قمته مع نظيره الروسي فلاديمير بوتن شهدت "بداية جيدة جدا""
    ("SK-internationalNews-2671-20180716", "شهدت \"بداية جيدة جدا\"", {"دونالد ترامب": TRUMP, "فلاديمير بوتن": PUTIN},
     ("دونالد ترامب", "فلاديمير بوتن", "support")),
]


@pytest.mark.parametrize("rid, anchor, names, expected", MEETINGS)
def test_praise_of_a_meeting_or_relationship_supports_the_other_party(rid, anchor, names, expected):
    doc = analyse(_context(rid, anchor, 0), names)
    assert expected in _props(doc, meeting_stances(doc))
    assert expected in _props(doc, doc.stances)


NO_MEETING = [
    # a negated praise: reserve, no stated hostility, and no support
    ("FR-internationalNews-2652-20180810", "علاقاتنا مع تركيا ليست جيدة", {"ترامب": TRUMP, "تركيا": TUR}),
    # a meeting without praise ("يجتمع … مع …") is no warmth
    ("SK-internationalNews-2656-20180715", "يجتمع ترامب مع بوتن", {"ترامب": TRUMP, "بوتن": PUTIN}),
]


@pytest.mark.parametrize("rid, anchor, names", NO_MEETING)
def test_a_negated_or_unpraised_meeting_makes_no_meeting_stance(rid, anchor, names):
    try:
        text = _context(rid, anchor, 0)
    except StopIteration:
        pytest.skip("anchor not in the article")
    doc = analyse(text, names)
    assert not meeting_stances(doc)


SINGAPORE = "FR-internationalNews-1772-20180612"


def test_the_subject_of_a_relative_clause_follows_its_resumptive_pronoun():
    # "سيوقف المناورات العسكرية السنوية مع سول والتي تندد بها بيونغ يانغ": Pyongyang denounces the
    # drills; Trump, who said it, denounces nobody
    doc = analyse(_context(SINGAPORE, "والتي تندد بها بيونغ يانغ", 0),
                  {"دونالد ترامب": TRUMP, "سول": KOR, "بيونغ يانغ": PRK})
    assert not any(doc.actors[s.holder].name == "دونالد ترامب" and s.polarity == "oppose" for s in doc.stances)


def test_a_purpose_clause_is_out_of_the_scope_of_a_stop():
    # "وقف المناورات العسكرية … مع كوريا الجنوبية لتسهيل مفاوضات نزع السلاح النووي مع كوريا
    # الشمالية": stopping the drills to ease the talks is no opposition to the talks
    doc = analyse(_context(SINGAPORE, "لتسهيل مفاوضات نزع السلاح", 0),
                  {"دونالد ترامب": TRUMP, "كوريا الجنوبية": KOR, "كوريا الشمالية": PRK})
    assert ("دونالد ترامب", "كوريا الشمالية", "oppose") not in _props(doc, doc.stances)


def test_praise_of_a_meeting_compares_with_blame_and_a_cancelled_summit():
    praise = ("d", 0, 1, "2018-07-16", "support", "h", "t", "approval", 0, "attitude.meeting")
    assert compatible(praise, ("d", 0, 1, "2018-07-15", "oppose", "h", "t", "enmity", 0, "enmity"))
    assert compatible(praise, ("d", 0, 1, "2018-05-24", "oppose", "h", "t", "talks", 0, "act.cancel.talks"))
    assert not compatible(praise, ("d", 0, 1, "2018-06-12", "oppose", "h", "t", "sanctions", 0, "act.impose.sanctions"))


def test_every_earlier_opposite_position_is_reversed_past_repeats_of_the_new_one():
    # the summit cancelled on 24 May, talks "very fruitful" on 27 May, a threat recalled on 6 June,
    # thanks for the remains on 2 August: the thanks reverses the threat and the cancellation
    db = _store([
        ("may24", 0, 9, "2018-05-24", "oppose", "per.donald_trump", "per.kim_jong_un", "talks", "act.cancel.talks"),
        ("may27", 0, 9, "2018-05-27", "support", "per.donald_trump", "PRK.GOV", "talks", "attitude.meeting"),
        ("jun06", 0, 9, "2018-06-06", "oppose", "per.donald_trump", "PRK.GOV", "approval", "attitude.verb"),
        ("aug02", 0, 9, "2018-08-02", "support", "per.donald_trump", "per.kim_jong_un", "approval", "attitude.noun"),
    ])
    pairs = {(f["a_doc"], f["b_doc"]) for f in corpus_flips(db)}
    assert {("may24", "aug02"), ("jun06", "aug02"), ("may24", "may27")} <= pairs
    assert ("may27", "aug02") not in pairs  # the same position twice


def test_one_reversal_between_two_articles_is_one_flip_told_by_the_lead():
    # "روسيا هي عدو" (15 July); on 16 July the summit's "بداية جيدة جدا" in the lead, read on the
    # approval, and again lower down, read on the talks
    db = _store([
        ("jul15", 10, 20, "2018-07-15", "oppose", "per.donald_trump", "RUS.GOV", "enmity", "enmity"),
        ("jul16", 40, 90, "2018-07-16", "support", "per.donald_trump", "per.vladimir_putin", "approval",
         "attitude.meeting"),
        ("jul16", 400, 450, "2018-07-16", "support", "per.donald_trump", "per.vladimir_putin", "talks",
         "attitude.meeting"),
    ])
    (f,) = corpus_flips(db)
    assert (f["a_doc"], f["b_doc"], f["b_start"]) == ("jul15", "jul16", 40)


def test_a_stance_is_dated_no_later_than_its_report():
    # "وكان ترامب وجه رسالة مفتوحة إلى الزعيم الكوري الشمالي الأسبوع الماضي، أعلن فيها إلغاء القمة
    # … في 12 حزيران/يونيو …، مدينا "الموقف العدائي" لبيونغ يانغ" (1 June): the letter of last
    # week, not the summit's day, dates the blame
    rid = "FR-internationalNews-1567-20180601"
    doc = analyse(_context(rid, "مدينا \"الموقف العدائي\"", 0), {"ترامب": TRUMP, "بيونغ يانغ": PRK},
                  published="2018-06-01")
    blame = [s for s in doc.stances if s.polarity == "oppose"]
    assert blame and all(s.date == "2018-W21" for s in blame)


def test_flips_order_weeks_among_days_and_no_stance_after_its_report():
    from marsad.track.flips import _stance_date

    assert _stance_date("2018-W21", "2018-06-01") == "2018-05-21"
    assert _stance_date("2018-06-12", "2018-05-27") == "2018-05-27"  # the summit's day, in a report of 27 May
    assert _stance_date("1950", "2018-08-02") == "2018-08-02"  # a background year
    assert _stance_date("2018-05", "2018-05-27") == "2018-05"
    assert _stance_date(None, "2018-05-27") == "2018-05-27"


ISR, SYR, IRN = ("GPE", "ISR", "GOV"), ("GPE", "SYR", "GOV"), ("GPE", "IRN", "GOV")


def test_holding_someone_responsible_opposes_them():
    # "قال إنه "يعتبر أن بوتين شخصياً مسؤولاً عن أي تدخل روسي"" (Trump after Helsinki)
    doc = analyse(_context("BB-internationalNews-831-20180719", "يعتبر أن بوتين شخصيا", 0),
                  {"ترامب": TRUMP, "بوتين": PUTIN})
    assert ("ترامب", "بوتين", "oppose") in _props(doc, doc.stances)


def test_considering_someone_without_responsibility_is_no_stance():
    # "تعتبر إسرائيل الوجود المتنامي لإيران في سوريا تهديدا لأمنها": regarding, not holding responsible
    doc = analyse(_context("SK-middleEast-2921-20180716", "تعتبر إسرائيل الوجود المتنامي", 0),
                  {"إسرائيل": ISR, "إيران": IRN, "سوريا": SYR})
    assert not any(s.prov.rule == "attitude.verb" and doc.text[s.start:s.end].startswith("تعتبر")
                   for s in doc.stances)


def test_a_relationship_someone_else_built_is_not_the_speakers():
    # "وقال إن بومبيو أسس "علاقة جيدة" مع كيم": Pompeo's relationship, reported by Trump
    doc = analyse(_context("BB-internationalNews-358-20180419", "أسس \"علاقة جيدة\" مع كيم", 1),
                  {"ترامب": TRUMP, "بومبيو": ("PER", "USA", "GOV"), "كيم": KIM})
    assert any(s.speaker for s in doc.statements)
    assert not meeting_stances(doc)


def test_meeting_the_leaders_of_a_people_is_meeting_its_state():
    # "قال … ترامب، إنه مستعد للقاء القادة الإيرانيين "من دون شروط مسبقة"" — Iran is named lower
    # down ("… الاتفاق النووي مع إيران"), so the Iranian leaders are its government
    from marsad.doc import Doc
    from marsad.pipeline import Pipeline

    rid = "BB-internationalNews-900-20180730"
    doc = Pipeline()(Doc(text=_context(rid, "الاتفاق النووي مع إيران", 5), id=rid, published="2018-07-30"))
    talks = [s for s in doc.stances if s.issue == "talks" and s.polarity == "support"]
    assert any(doc.actors[s.target].code == "IRN.GOV" and doc.actors[s.holder].code == "per.donald_trump"
               for s in talks), talks


def test_the_people_alone_is_no_party_to_a_meeting():
    # "مستعد للقاء القادة الإيرانيين" with no Iranian state named: the people is no target
    from marsad.doc import Doc
    from marsad.pipeline import Pipeline

    rid = "BB-internationalNews-900-20180730"
    doc = Pipeline()(Doc(text=_context(rid, "مستعد للقاء القادة الإيرانيين", 0), id=rid, published="2018-07-30"))
    assert not any(doc.actors[s.target].type == "CVL" for s in doc.stances)
