"""A verb carrying its object as a pronoun (اعتقلته، تحاصره، تدرجهم، ناقشه) on real news
(../shared/data/ant_news, 2018): the actor right after it is its subject, and the phrase before
it, which the pronoun names, is never its subject nor an object read after the subject."""
from __future__ import annotations

from sentences import event_parties

events = event_parties


def test_a_relative_clause_on_a_generic_antecedent_has_the_named_body_for_subject():
    got = events("وتوضح المراسلات، أن صفقة تحرير الرهائن، كانت تقوم على دفع 150 مليون دولار نقدا للأشخاص "
                 "والجماعات الذين لعبوا دور الوساطة لتحرير الرهائن، وهم أشخاص تدرجهم الولايات المتحدة منذ مدة "
                 "طويلة على قوائم الإرهاب.", "SANCTION")
    assert got and got[0][0] == "الولايات المتحدة", got


def test_the_topic_before_the_suffixed_verb_is_no_subject():
    got = events("ويعيش قرابة 400 ألف شخص في الغوطة الشرقية، وهو جيب مؤلف من بلدات ومزارع تحاصره قوات "
                 "النظام السوري منذ 2013.", "COERCE")
    assert got and all(s != "مزارع" and t != "الجيش السوري" for s, t in got), got


def test_a_coordinated_verb_with_a_pronoun_takes_the_body_after_it():
    got = events("وكان دميرتاش قد أشار في عدة مقابلات صحفية إلى أنه سمع لأول مرة بــ \"الأكراد\" في مرحلة "
                 "الدراسة الثانوية للتأكيد على التعتيم الإعلامي على الهوية الكردية.\nواعتقلته السلطات التركية في "
                 "4 أكتوبر/تشرين الأول عام 2016 مع الرئيسة المشتركة السابقة للحزب، فيغن يوكسكداغ، و13 نائباً عن "
                 "الحزب بتهمة التعاون مع حزب العمال الكردستاني.", "COERCE")
    assert any(s == "تركيا" for s, _ in got), got


def test_no_object_is_read_past_the_subject_of_a_suffixed_verb():
    # "بعد حادث البرلمان": the parliament is where, not whom the police arrested
    got = events("كشف مصدر أمني أوروبي، الأربعاء، أن الرجل الذي اعتقلته الشرطة البريطانية بعد حادث البرلمان "
                 "يوم أمس، من أصل سوداني ويدعى صالح خاطر.", "COERCE")
    assert got and all(t != "البرلمان" for _, t in got), got


def test_two_subjects_after_the_suffixed_verb_stay_partners():
    got = events("وأضاف أنه لم يكن يعرف بعد بما ناقشه ترامب وبوتين خلال لقائهما، الذي حضره المترجمون فقط.",
                 "CONSULT")
    assert ("دونالد ترامب", "فلاديمير بوتين") in got, got
