"""Codes of the speakers the statements stage makes actors of (marsad.statements.newspeakers), on
real ant_news sentences: a phrase whose own words give a sector is coded even with no country when
its family names an agent of public life (sets of states and leaders, officials, diplomats,
ministries, prosecutors, the UN's envoys), so the events stage reads the acts it tells; reports,
sources, outlets, analysts, observers and experts stay uncoded, no agent of any act.
"""
from __future__ import annotations

import pytest

from test_statements import _articles_text, _context, analyse

from marsad.pipeline import analyze


def _made(doc, name):
    """The actor the statements stage made of the speaker phrase ``name``."""
    got = [a for a in doc.actors.values() if a.name == name and a.prov and a.prov.stage == "statements"]
    assert got, [a.name for a in doc.actors.values()]
    return got[0]


@pytest.mark.parametrize("rid, anchor, names, phrase, code", [
    # a set of leaders counted by the article on the number: the joint statement's authors
    ("CN-internationalNews-566-20180906", "أعرب قادة الـ5 دول عن الثقة", {}, "قادة الـ5 دول", (None, "GOV", "GRP")),
    ("SK-middleEast-582-20180327", "وأكدت دول عربية، ضرورة", {}, "دول عربية", (None, "GOV", "GRP")),
    # officials and diplomats of no named state
    ("AL-internationalNews-712-20180331", "فيما يقول مسؤولون إن", {}, "مسؤولون", (None, "GOV", "GRP")),
    ("AL-internationalNews-1171-20180515", "وقال دبلوماسيون إن", {}, "دبلوماسيون", (None, "GOV", "GRP")),
    # a ministry and a prosecutor of the story
    ("SK-middleEast-1763-20180516", "وأضافت الوزارة في بيان", {}, "الوزارة", (None, "GOV", "ORG")),
    ("BB-internationalNews-372-20180421", "وقال المدعي العام في نيويورك", {}, "المدعي العام", (None, "JUD", "PER")),
    # the UN's own: the nisba أممية
    ("BB-middleEast-982-20180909", "وقالت المسؤولة الأممية في بيان", {}, "المسؤولة الأممية", ("UNO", "IGO", "PER")),
])
def test_speaker_phrase_with_a_sector_is_coded(rid, anchor, names, phrase, code):
    doc = analyse(_context(rid, anchor, 0), names)
    a = _made(doc, phrase)
    assert (a.country, a.type, a.kind) == code


def test_possessive_office_takes_the_country_of_the_leader_named_before():
    # "تعهد الرئيس التركي إردوغان بسحق المسلحين في شمال العراق … بعد أن قال وزير خارجيته":
    # his foreign minister is Erdogan's, not of the Iraq named in between
    doc = _analysed("BB-middleEast-191-20180314")
    a = _made(doc, "وزير خارجيته")
    assert (a.country, a.type) == ("TUR", "GOV")


@pytest.mark.parametrize("rid, anchor, phrase", [
    ("SK-internationalNews-935-20180416", "وتقول تقارير إن", "تقارير"),
    ("BB-internationalNews-28-20180213", "ترى الصحيفة أنها", "الصحيفة"),
    ("FR-internationalNews-1098-20180506", "ويتوقع محللون أن", "محللون"),
    ("SK-internationalNews-2914-20180807", "ويقول خبراء في تعليقهم", "خبراء"),
    ("SK-middleEast-2527-20180621", "وفق ما يقول مراقبون", "مراقبون"),
])
def test_reports_analysts_experts_and_observers_stay_uncoded(rid, anchor, phrase):
    doc = analyse(_context(rid, anchor, 0), {})
    made = [a for a in doc.actors.values() if a.name.startswith(phrase) and a.prov.stage == "statements"]
    assert made and all(a.country is None and a.type is None for a in made)


def _analysed(rid):
    return analyze(_articles_text(rid), rid, published=rid[-8:-4] + "-" + rid[-4:-2] + "-" + rid[-2:])


def _events(rid):
    doc = _analysed(rid)
    names = {aid: a.name for aid, a in doc.actors.items()}
    return [(e.type, names.get(e.source), names.get(e.target), doc.text[e.trigger[0]:e.trigger[1]])
            for e in doc.events]


def test_joint_statement_of_the_leaders_gives_their_acts():
    evs = _events("CN-internationalNews-566-20180906")
    assert ("SUPPORT", "قادة الـ5 دول", "الشرطة البريطانية", "نشيد") in evs
    assert any(t == "SUPPORT" and s == "قادة الـ5 دول" and trig == "ونرحب" for t, s, _, trig in evs)
    # the charge the prosecutors brought ("بتوجيه الاتهام"), a noun, is not the leaders' act
    assert not any(t == "ACCUSE" and s == "قادة الـ5 دول" and trig == "الاتهام" for t, s, _, trig in evs)


def test_unnamed_speaker_is_no_agent_of_a_verb_whose_subject_is_another():
    # "وقال دبلوماسيون إن الولايات المتحدة منعت … تبني بيان لمجلس الأمن الدولي يدعو إلى …":
    # the council's statement calls, not the diplomats who report it
    evs = _events("AL-internationalNews-1171-20180515")
    assert not any(s == "دبلوماسيون" for _, s, _, _ in evs)
