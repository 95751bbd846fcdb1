"""Incident reports (marsad/resources/events/triggers_incidents.yaml) on real sentences of
../shared/data/ant_news (2018): events told by their result or by their victims, often with no
agent named (tolls, the wounded, violence and coercion suffered, seizures and destruction in
operation communiqués, checkpoints and patrols, crowd control); each with sentences that must
not give the event (an accident, a negated or feared toll, a sports injury)."""
from __future__ import annotations

from sentences import analysed


def types_of(text: str) -> list[tuple[str, str]]:
    """(type, evidence) of the asserted events of a sentence."""
    doc = analysed(text)
    return [(e.type, doc.text[e.start:e.end]) for e in doc.events if e.modality == "asserted"]


def has(text: str, etype: str) -> bool:
    return any(t == etype for t, _ in types_of(text))


# -- tolls told as a result ------------------------------------------------------------------
def test_toll_of_an_act_with_no_agent():
    assert has("من جهة أخرى، قال موقع شبيغل الإلكتروني إن سيارة صدمت حشدا من الناس في مدينة مونستر "
               "بغرب ألمانيا، السبت، مما أدى إلى سقوط عدد من القتلى والمصابين.", "ASSAULT")
    assert has("وقعت صدامات بين قوات الأمن المغربية ومتظاهرين في مدينة جرادة (شمال شرق) الأربعاء، ما أسفر "
               "عن سقوط جرحى في صفوف الشرطة.", "ASSAULT")


def test_toll_of_a_reported_act_is_not_a_second_event():
    got = types_of("قال قائد عسكري ليبي إن مسلحين إرهابيين هاجموا نقطة تفتيش وفتحوا النار على مدنيين في "
                   "واقعتين منفصلتين بمدينة سرت وسط البلاد، ما أسفر عن مقتل خمسة أشخاص.")
    assert got and not any("عن مقتل" in ev and "هاجموا" not in ev for _, ev in got), got


def test_a_toll_that_did_not_fall_is_no_event():
    assert not has("وأكدت مصادر فلسطينية هذا الاستهداف لافتة إلى أنه لم يسفر عن سقوط جرحى.", "ASSAULT")


def rules_of(text: str) -> list[str]:
    return [e.prov.rule for e in analysed(text).events]


def test_toll_of_an_accident_is_no_attack():
    # (the filter's own reading of "مقتل" is left as it is: only the result entry is checked)
    assert not any("natija" in r for r in rules_of("وتنطبق أوامر الإجلاء الإلزامية على نفس المنطقة التي شهدت أمطارا غزيرة يوم التاسع من يناير، "
                   "والتي تسببت في انهيارات طينية وصخرية أسفرت عن مقتل 21، وإصابة عشرات وتدمير مئات المنازل."))


# -- the wounded -------------------------------------------------------------------------------
def test_counted_wounded_in_the_passive():
    assert has("وقتل فلسطينيان على الأقل في غارة جوية إسرائيلية، في حين أصيب 3 إسرائيليين على الأقل من "
               "جراء إطلاق صواريخ من غزة.", "ASSAULT")
    assert has("وأصيب نحو أربعة آلاف آخرين بالرصاص والغاز المسيل للدموع الإسرائيلي.", "ASSAULT")


def test_wounded_by_a_storm_or_in_a_match_is_no_attack():
    assert not has("أصيب ثلاثة أشخاص يمنيين بينهم رجل مسن، يوم الجمعة، جراء إعصار ماكونو الذي يضرب "
                   "سواحل منطقة حوف بمحافظة المهرة اليمنية وعمان.", "ASSAULT")
    assert not has("وأصيب اللاعب في الركبة خلال المباراة.", "ASSAULT")


# -- violence and coercion suffered -----------------------------------------------------------
def test_violence_suffered_told_as_background_is_left_to_the_filter():
    # (the GSR annotators code no incident for an ordeal told as an allegation or a background)
    assert not has("وعندما أسقطت طائرته، أمضى أكثر من خمس سنوات كأسير حرب وأثناء احتجازه في الأسر، قال "
                   "ماكين إنه تعرض للتعذيب مما سبب له تشوهات دائمة.", "ASSAULT")


def test_coercion_suffered_by_its_victims():
    assert has("وبحسب محامي إحدى المجموعات التجارية في صنعاء، فإن العشرات من موظفيهم تعرضوا للاعتقال "
               "بشكل متكرر من قبل الحوثيين بتهم واهية.", "COERCE")


def test_a_negated_or_feared_ordeal_is_no_event():
    assert not has('فهناك لا يسخر منا أحد، ولا نتعرض للضرب أو للنعت بمسميات مسيئة".', "ASSAULT")
    assert not has("وتخشى منظمات حقوقية أن يتعرضوا للتعذيب بعد ترحيلهم.", "ASSAULT")


def test_a_travel_ban_told_by_its_subject():
    assert has("وقالت إن الأغلبية كانت ممنوعات من السفر.", "COERCE")


# -- operation communiqués ---------------------------------------------------------------------
def test_seizures_with_no_agent_named():
    assert has("وقال البيان إنه تم ضبط كميات كبيرة من المواد المخدرة.", "COERCE")
    assert has("وتم توقيف اثنين من مساعدي الحاكم.", "COERCE")


def test_self_restraint_is_no_seizure():
    assert not has("ودعت الأمم المتحدة الأطراف إلى ضبط النفس.", "COERCE")


def test_counted_destruction():
    assert has("وأوضحت أنه تم تدمير 26 عربة، فضلا عن تدمير 437 ملجأ ومخزن.", "ASSAULT")


def test_checkpoints_and_patrols():
    assert has("حيث تم وضع أكثر من 500 كمين ودورية أمنية على الطرق الرئيسية.", "MOBILIZE")


def test_an_ambush_is_an_attack():
    assert has("وقال مسؤول عسكري في الجيش الموالي للحكومة لوكالة فرانس برس إن الحوثيين نصبوا كمينا "
               "للقوات الحكومية في منطقة الدريهمي في محافظة الحديدة.", "ASSAULT")


def test_tear_gas_against_demonstrators():
    assert has("وفي العاصمة، وقعت صدامات بين متظاهرين شبان وشرطيين استخدموا الغاز المسيل للدموع.", "ASSAULT")
