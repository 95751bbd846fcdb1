"""Who speaks in an interview, tweet or report frame, and where a topic ends (marsad.statements), on
real ant_news sentences.

A platform (تويتر، فيسبوك) or the outlet of an interview (مع شبكة X، لصحيفة X، "(فرانس برس)") is no
speaker; the owner of a speech noun ("في تغريدة لقرقاش"، "تقرير لمجلة X") speaks for an elided
subject; a topic after تحدث عن ends where the writer's own clause begins.
"""
from __future__ import annotations

import re

from test_statements import _context, analyse, find, speaker_name

from marsad.doc import Actor, Doc, Mention, Provenance
from marsad.pipeline import analyze
from marsad.statements.stage import StatementsStage
from marsad.text.stage import TextStage
from marsad.times.stage import TimesStage


def test_the_account_holder_not_the_platform_speaks():
    doc = analyse(_context("CN-middleEast-1136-20180607", "التغريدات لقرقاش", 0),
                  {"قرقاش": "PER", "تويتر": "ORG"})
    st = find(doc, "قال", "مجلس التنسيق السعودي")
    assert speaker_name(doc, st) == "قرقاش"


def test_a_platform_is_no_speaker_of_an_elided_subject():
    doc = analyse(_context("BB-internationalNews-450-20180502", "تغريدة دعائية على موقع تويتر", 0),
                  {"ترامب": "PER", "تويتر": "ORG"})
    assert speaker_name(doc, find(doc, "يقول", "تقرير بورنستين")) == "ترامب"


def test_the_interviewee_not_the_channel_speaks():
    doc = analyse(_context("CN-internationalNews-435-20180605", "مقابلة مع التلفزيون النمساوي", 0),
                  {"فلاديمير بوتين": "PER", "التلفزيون النمساوي": "ORG"})
    assert speaker_name(doc, find(doc, "تحدث", "علاقته مع دونالد ترامب")) == "فلاديمير بوتين"


def test_a_bracketed_outlet_after_an_interview_is_no_subject():
    doc = analyse(_context("FR-internationalNews-1932-20180620", "(فرانس برس) قبل سنتين", 0),
                  {"وكالة الأنباء الفرنسية": "ORG", "فرانس برس": "ORG"})
    assert speaker_name(doc, find(doc, "أوضح", "قال لي")) not in ("فرانس برس", "وكالة الأنباء الفرنسية")


def test_a_bare_apposition_after_a_prepositional_phrase_is_the_subject():
    # "سفير الإمارات لدى هولندا سعيد النويس": the name after لدى هولندا is still the speaker
    doc = analyse(_context("SK-middleEast-2667-20180629", "سفير الإمارات لدى هولندا سعيد النويس", 0),
                  {"هولندا": "GPE", "سعيد النويس": "PER"})
    assert speaker_name(doc, find(doc, "مؤكدا", "بلاده")) == "سعيد النويس"


def test_the_owner_of_a_report_speaks():
    doc = analyse(_context("SK-internationalNews-3299-20181005", "ولفتت إلى أن النظام", 1),
                  {"فورين بوليسي": "ORG", "الولايات المتحدة": "GPE"})
    assert speaker_name(doc, find(doc, "قال", "ميليشيات الحرس")) == "فورين بوليسي"
    assert speaker_name(doc, find(doc, "لفتت", "النظام الإيراني")) == "فورين بوليسي"


def test_one_witness_is_not_the_group_actor():
    doc = analyse(_context("BB-internationalNews-1073-20180910", "وقال شاهد عيان يدعى", 0), {"شاهد": "ORG"})
    name = speaker_name(doc, find(doc, "قال", "كان يسير"))
    assert name != "شاهد" and name.startswith("شاهد عيان")


def test_a_topic_ends_before_a_relative_clause_with_its_own_speech():
    doc = analyse(_context("CN-middleEast-137-20180301", "تحدث فيها عن ضرورة دعم", 0), {"بوريس جونسون": "PER"})
    st = find(doc, "تحدث", "ضرورة دعم الأمير الشاب")
    assert doc.text[st.start:st.end].endswith("الإصلاح في بلاده")


def test_a_topic_list_goes_on_after_a_comma():
    doc = analyse(_context("CN-internationalNews-435-20180605", "مقابلة مع التلفزيون النمساوي", 0),
                  {"فلاديمير بوتين": "PER"})
    st = find(doc, "تحدث", "علاقته مع دونالد ترامب")
    assert "ومستقبله السياسي" in doc.text[st.start:st.end]


def test_a_quotation_opened_before_the_complement_leaves_no_mark():
    doc = analyse(_context("AL-internationalNews-706-20180331", "مطالباً المجتمع", 0), {"محمود عباس": "PER"})
    st = find(doc, "مطالباً", "توفير الحماية")
    assert not doc.text[st.start:st.end].endswith('"')


def _sentence(rid: str, anchor: str) -> str:
    return _context(rid, anchor, 0)


def test_describe_skips_the_speakers_title():
    text = _sentence("SK-internationalNews-2656-20180715", "بالأعداء")
    doc = analyze(text, published="2018-07-15")
    st = next(s for s in doc.statements if s.family == "describe")
    assert doc.text[st.start:st.end].startswith("روسيا والاتحاد الأوروبي")


def test_a_plural_verb_describes_the_name_after_it():
    text = _sentence("SK-internationalNews-417-20180317", "بـ\"الإرهابي\"")
    doc = analyze(text, published="2018-03-17")
    st = next(s for s in doc.statements if s.family == "describe")
    assert doc.text[st.start:st.end].startswith("الرئيس التركي")


def test_the_interviewee_speaks_not_the_quoted_channel():
    doc = analyse(_context("BB-internationalNews-831-20180719", "خلال مقابلة ترامب مع", 0),
                  {"ترامب": "PER", "سي بي أس": "ORG"})
    assert speaker_name(doc, find(doc, "قال", "يعتبر أن بوتين")) == "ترامب"


def test_an_outlet_given_remarks_is_their_addressee_not_their_owner():
    text = _context("BB-internationalNews-840-20180720", "وسخر براودر في تصريحات لبي بي سي", 0)
    doc = TimesStage()(TextStage()(Doc(text=text, id="t")))
    for aid, (name, kind, sector) in enumerate([("براودر", "PER", None), ("بي بي سي", "ORG", "MED")]):
        doc.actors[f"a{aid}"] = Actor(f"a{aid}", name, kind=kind, type=sector)
        for m in re.finditer(r"(?<!\w)[وفبل]?(" + re.escape(name) + r")(?!\w)", text):
            doc.mentions.append(Mention(m.start(1), m.end(1), f"a{aid}", Provenance("test")))
    doc = StatementsStage()(doc)
    assert all(speaker_name(doc, st) != "بي بي سي" for st in doc.statements)
    assert speaker_name(doc, find(doc, "قال", "كان على الزعيم")) == "براودر"


def test_a_quoted_judgement_after_a_statement_frame():
    doc = analyse(_context("AL-internationalNews-936-20180414", "واعتبرت الحركة في بيان", 0), {"الحركة": "ORG"})
    st = find(doc, "اعتبرت", "الضربات الغربية")
    assert st.direct and speaker_name(doc, st) == "الحركة"


def test_a_quotation_judging_an_object_is_no_quoted_saying():
    doc = analyse(_context("AL-internationalNews-574-20180322", 'واعتبر التصريحات "مقززة', 0), {})
    assert not [s for s in doc.statements if doc.text[s.cue[0]:s.cue[1]] == "اعتبر"]
    doc = analyse(_context("FR-internationalNews-612-20180408", 'ويعتبر "سبت النور"', 0), {})
    assert not [s for s in doc.statements if doc.text[s.cue[0]:s.cue[1]] == "يعتبر"]
