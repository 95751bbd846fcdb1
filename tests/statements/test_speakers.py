"""Speakers the actors layer left unresolved (marsad.statements.newspeakers), on real ant_news sentences.

A subject phrase after a cue becomes a speaker actor coded with country and sector; a definite
head, a surname, a document noun or "المصدر ذاته" names an earlier speaker again; words that are
no subject (فيه، تصميمه، رفض ذكر اسمه) make none.
"""
from __future__ import annotations

from test_statements import _context, analyse, find, speaker_name


def _speaker(doc, cue, head):
    st = find(doc, cue, head)
    return doc.actors[st.speaker] if st.speaker else None


def test_generic_official_with_nisba_is_a_coded_speaker():
    doc = analyse(_context("FR-internationalNews-960-20180427", "وقال مسؤول أمريكي إن بومبيو", 0),
                  {"بومبيو": "PER"})
    a = _speaker(doc, "قال", "بومبيو اتفق")
    assert (a.name, a.kind, a.country, a.type) == ("مسؤول أمريكي", "PER", "USA", "GOV")
    assert a.prov.stage == "statements" and a.mentions


def test_addressee_ends_the_speaker_phrase():
    doc = analyse(_context("CN-middleEast-1276-20180902", "قال مسؤول أمريكي لـCNN", 0), {})
    assert _speaker(doc, "قال", "هذه السفن").name == "مسؤول أمريكي"


def test_groups_of_witnesses_and_activists():
    doc = analyse(_context("AL-internationalNews-1699-20180619", "وأفاد شهود عيان أن", 0), {})
    a = _speaker(doc, "أفاد", "قذيفة أطلقتها")
    assert a.name == "شهود عيان" and a.kind == "GRP"
    doc = analyse(_context("SK-middleEast-2871-20180714", "وقال ناشطون إن", 0), {})
    assert _speaker(doc, "قال", "قوات سوريا الديمقراطية").kind == "GRP"


def test_quoted_name_of_a_newspaper_is_in_the_speaker():
    doc = analyse(_context("BB-middleEast-1111-20181016", 'وقالت صحيفة "صباح"', 0), {})
    assert _speaker(doc, "قالت", "المحققين اشترطوا").name == 'صحيفة "صباح"'


def test_definite_head_names_the_earlier_court():
    doc = analyse(_context("BB-middleEast-128-20180303", "وقالت المحكمة الدستورية، في بيان", 4),
                  {"المحكمة الدستورية العليا": "ORG"})
    assert speaker_name(doc, find(doc, "أوضحت", "كافة الأحكام")) == "المحكمة الدستورية العليا"
    assert speaker_name(doc, find(doc, "رأت", "توقيع ممثل")) == "المحكمة الدستورية العليا"


def test_surname_names_the_person_named_in_full():
    doc = analyse(_context("AL-internationalNews-297-20180302", "وقال بيسكوف", 1), {"دميتري بيسكوف": "PER"})
    assert speaker_name(doc, find(doc, "قال", "ننفي نفياً")) == "دميتري بيسكوف"


def test_the_statement_speaks_for_its_issuer():
    doc = analyse(_context("AL-internationalNews-1446-20180603", "ولفت البيان إلى", 3),
                  {"الجناح الإعلامي للجيش الباكستاني": "ORG"})
    for cue, head in [("ذكر", "الهجوم نفذه"), ("أضاف", "تمت إصابة"), ("لفت", "الإرهابيين يلجأون")]:
        assert speaker_name(doc, find(doc, cue, head)) == "الجناح الإعلامي للجيش الباكستاني", cue


def test_words_that_are_no_speaker():
    # "أشار فيه": a relative clause of مؤتمر صحفي; the speaker is بومبيو, not فيه
    doc = analyse(_context("FR-internationalNews-960-20180427", "لمؤتمر صحفي أشار فيه", 0), {"بومبيو": "PER"})
    assert all(a.name != "فيه" for a in doc.actors.values())
    # "أكد تصميمه على إفشاله": an object with a pronoun, no speaker actor
    doc = analyse(_context("FR-internationalNews-1865-20180617", "أكد تصميمه", 0), {})
    assert all(a.name != "تصميمه" for a in doc.actors.values())
    # "رفض ذكر اسمه": ذكر is the object of رفض, not a cue
    doc = analyse(_context("BB-middleEast-434-20180502", "رفض ذكر اسمه", 0), {})
    t = doc.text
    assert all(t[s.cue[0]:s.cue[1]] != "ذكر" for s in doc.statements)


# -- noun-phrase contents and the new cue families ----------------------------------------------

def test_action_noun_after_the_subject_is_the_content():
    doc = analyse(_context("FR-middleEast-287-20180415", "وأعلن الجيش السوري السبت سيطرته", 0),
                  {"الجيش السوري": "ORG"})
    st = find(doc, "أعلن", "سيطرته بالكامل")
    assert speaker_name(doc, st) == "الجيش السوري" and st.prov.rule == "announce.np"
    doc = analyse(_context("FR-middleEast-702-20180628", "والأردن يعلن عدم قدرته", 0), {"الأردن": "GPE"})
    assert speaker_name(doc, find(doc, "يعلن", "عدم قدرته")) == "الأردن"


def test_no_content_without_an_action_noun():
    # "أعلنت تركيا حالة الطوارئ": a decision, not reported speech
    doc = analyse(_context("SK-internationalNews-1568-20180514", "وأعلنت تركيا حالة الطوارئ", 0), {"تركيا": "GPE"})
    t = doc.text
    assert all(t[s.cue[0]:s.cue[1]] != "أعلنت" for s in doc.statements)
    # "عبر مداخل صغيرة": the preposition عبر, not the verb عبّر
    doc = analyse(_context("BB-internationalNews-741-20180703", "عبر مداخل صغيرة", 0), {})
    assert all(doc.text[s.cue[0]:s.cue[1]] != "عبر" for s in doc.statements)


def test_accuse_express_and_talk_cues():
    doc = analyse(_context("SK-middleEast-2281-20180610", "واتهم الساسة الأتراك", 0), {"تركيا": "GPE"})
    assert find(doc, "اتهم", "إثارة التوتر")
    doc = analyse(_context("FR-internationalNews-2290-20180714", "وأعرب بينيا نييتو", 0), {"بينيا نييتو": "PER"})
    assert speaker_name(doc, find(doc, "أعرب", "قلقه")) == "بينيا نييتو"
    doc = analyse(_context("SK-internationalNews-935-20180416", "تتحدث عن قدرات", 0), {"الصين": "GPE"})
    assert speaker_name(doc, find(doc, "تتحدث", "قدرات خارقة")) != "الصين"


def test_fronted_topic_is_no_subject():
    doc = analyse(_context("SK-middleEast-401-20180319", "وحول اقتحام الجيش التركي لمدينة عفرين", 0),
                  {"الجيش التركي": "ORG"})
    assert speaker_name(doc, find(doc, "قال", "المسلحون الأكراد")) == "بوزداغ"


def test_compound_first_name_is_a_person():
    doc = analyse(_context("CN-middleEast-1505-20181012", "قال فخر الدين ألتون", 0), {})
    a = _speaker(doc, "قال", "قرار المحكمة")
    assert a.name == "فخر الدين ألتون" and a.kind == "PER"


def test_quotation_after_an_attribution_source():
    doc = analyse(_context("AL-internationalNews-1446-20180603", "ووفق البيان", 1),
                  {"الجناح الإعلامي للجيش الباكستاني": "ORG"})
    st = find(doc, "ووفق", "")
    assert "نفّذ إرهابيون هجمات" in doc.text[st.start:st.end]
    assert speaker_name(doc, st) == "الجناح الإعلامي للجيش الباكستاني"


def test_verb_after_the_lam_of_purpose():
    # "قبل أن يعود في تغريدة صباحية الخميس ليعلن "لم أقل قط …"": the same speaker as قال ترامب
    doc = analyse(_context("SK-middleEast-993-20180412", "ليعلن", 0), {"ترامب": "PER", "سوريا": "GPE"})
    st = find(doc, "يعلن", "لم أقل قط")
    assert speaker_name(doc, st) == "ترامب" and st.direct


def test_definite_head_before_an_action_noun():
    # "وأعلنت الحركة وقف إطلاق النار": الحركة names the organisation named before, وقف … is the content
    doc = analyse(_context("BB-internationalNews-367-20180420", "وأعلنت الحركة وقف إطلاق النار", 3),
                  {"منظمة إيتا": "ORG"})
    st = find(doc, "أعلنت", "وقف إطلاق النار")
    assert st.prov.rule == "announce.np"


def test_attorney_general_is_a_judicial_title_not_a_year():
    """"العام" after a definite title is "general" (النائب العام، المدعي العام), not "the year": the
    phrase goes on, and the two-word role codes the speaker as judiciary (النائب alone is an MP)."""
    doc = analyse(_context("BB-middleEast-116-20180228", "أعلن النائب العام السعودي أن", 0), {})
    a = _speaker(doc, "أعلن", "حصيلة التسويات")
    assert (a.name, a.country, a.type) == ("النائب العام السعودي", "SAU", "JUD")
    # "وقال النائب العام الماضي": the time word after the title still ends the phrase
    doc = analyse(_context("SK-middleEast-2811-20180709", "وقال النائب العام الماضي", 0), {})
    a = _speaker(doc, "قال", "التحقيق المصري")
    assert a is not None and a.name == "النائب العام"


def test_a_prepositional_adverb_is_no_speaker():
    """"مطالبة موسكو بأن تكشف بالكامل لمنظمة حظر الأسلحة … عن برنامج": "بالكامل" (fully) after the
    cue is no subject phrase."""
    doc = analyse(_context("CN-internationalNews-580-20180907", "بأن تكشف بالكامل", 0), {"موسكو": "LOC"})
    assert not [a for a in doc.actors.values() if a.name.startswith("بال")]


def test_the_words_of_a_statement_speak_for_its_issuer():
    """"وجاء في بيان صادر عن X أن …", "وجاء في بيان وزارة الداخلية أن …": the document's words, its
    issuer speaks; "جاء ذلك في وقت …" is no statement."""
    doc = analyse(_context("FR-middleEast-716-20180702", "وجاء في بيان صادر عن قوى الأمن الداخلي", 0),
                  {"قوى الأمن الداخلي": "ORG"})
    assert speaker_name(doc, find(doc, "جاء", "أوقفت في ضواحي بيروت")) == "قوى الأمن الداخلي"
    doc = analyse(_context("BB-middleEast-248-20180325", "وجاء في بيان وزارة الداخلية", 0), {"وزارة الداخلية": "ORG"})
    assert speaker_name(doc, find(doc, "جاء", "الشرطة تمكنت")) == "وزارة الداخلية"


def test_only_a_listed_document_speaks_after_jaa():
    """"وجاء في الكتاب أيضا أن …": a book is not in the list of documents whose issuer speaks (its
    author is named elsewhere), so no statement is read from جاء."""
    doc = analyse(_context("BB-internationalNews-1050-20180905", "وجاء في الكتاب أيضا أن", 0), {"غاري كون": "PER"})
    assert not [s for s in doc.statements if s.prov.rule.startswith("document")]
