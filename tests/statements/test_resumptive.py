"""A speech verb in a relative clause on a document, with a resumptive pronoun ("أصدر X بياناً أكد
فيه …"، "نشر X تغريدة قال فيها إن …"): X, the subject of the issuing verb, speaks, and an action
noun after the pronoun is the content. Real ant_news sentences (marsad.statements)."""
from __future__ import annotations

from test_statements import analyse, find, speaker_name


def test_the_issuer_of_the_statement_speaks_a_noun_phrase_content():
    doc = analyse("نشرت وزارة الداخلية الأردنية السبت بيانا أعلنت فيه مقتل رجل شرطة وإصابة ستة آخرين "
                  "بعد انفجار قنبلة زرعت تحت سيارة لدورية أمنية.", {"وزارة الداخلية الأردنية": "ORG"})
    assert speaker_name(doc, find(doc, "أعلنت", "مقتل رجل شرطة")) == "وزارة الداخلية الأردنية"


def test_an_unresolved_issuer_phrase_becomes_the_speaker():
    doc = analyse('ونشر محامي دانييلز تغريدة قال فيها إن " ترامب يدرك تماماً ما حدث".',
                  {"ترامب": "PER"})
    assert speaker_name(doc, find(doc, "قال", "ترامب يدرك")) == "محامي دانييلز"


def test_a_subject_after_the_pronoun_speaks():
    doc = analyse('وكانت الاستخبارات الأميركية قد نشرت وثائق مكتوبة بخط أسامة بن لادن تكشف عن جملة قال '
                  'فيها بن لادن إن "إيران هي الممر الرئيسي لنا بالنسبة للأموال".',
                  {"الاستخبارات الأميركية": "ORG", "أسامة بن لادن": "PER", "بن لادن": "PER"})
    assert speaker_name(doc, find(doc, "قال", "إيران هي")) == "بن لادن"


def test_the_issuer_speaks_past_a_topic_phrase_on_the_document():
    doc = analyse("وكانت القوات المسلحة قد أصدرت بيانا بشأن تصريحات جنينة، قالت فيه إن التصريحات تستهدف "
                  "إثارة الشكوك حول الدولة ومؤسساتها.", {"القوات المسلحة": "ORG", "جنينة": "PER"})
    st = find(doc, "قالت", "التصريحات تستهدف")
    assert speaker_name(doc, st) == "القوات المسلحة"  # not جنينة, the nearest earlier actor


def test_a_titled_issuer_phrase_speaks_past_a_time_word():
    doc = analyse("أصدر مبعوث الأمم المتحدة لليمن مارتن غريفيث الأربعاء بيانا أكد فيه استمرار المفاوضات "
                  "لتجنب مواجهات دامية في مدينة الحديدة.", {})
    assert speaker_name(doc, find(doc, "أكد", "استمرار المفاوضات")) == "مبعوث الأمم المتحدة لليمن مارتن غريفيث"


def test_a_document_as_object_of_a_preposition_gives_no_issuer():
    # "ناقش X مع Y رسالة …" has no issuing verb: the ordinary elided-subject reading stays
    doc = analyse("وكتب شادي، على حساب بموقع فيسبوك حينها، رسالة قال فيها إنه علق نشر الفيديو.",
                  {"شادي": "PER", "فيسبوك": "ORG"})
    assert speaker_name(doc, find(doc, "قال", "علق نشر")) == "شادي"
