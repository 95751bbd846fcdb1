"""Attacks told as casualty reports and clashes (events/args_clash.py, the reader gate of
events/gate.py, the سقط / تصفية entries of triggers_incidents.yaml), on ant_news sentences."""
from __future__ import annotations

from sentences import analysed, code_of, name_of


def _assaults(text: str, published: str = "2018-06-01"):
    doc = analysed(text, published)
    return doc, [e for e in doc.events if e.type == "ASSAULT"]


def test_the_fallen_of_a_clash_are_its_target_and_the_party_after_maa_its_source():
    # SK-middleEast-2654-20180629
    doc, evs = _assaults("وسقط قتلى وجرحى وأُسر 36 من عناصر ميليشيات الحوثي الإيرانية في مديرية زبيد خلال معارك "
                         "مع قوات المقاومة الوطنية.")
    assert any(name_of(doc, e.target) == "الحوثيون" and e.source is not None
               and name_of(doc, e.source) != "الحوثيون" for e in evs), evs


def test_soldiers_killed_in_clashes_with_a_named_group():
    doc, evs = _assaults("أفاد بيان للجيش التركي، الخميس، بمقتل 3 جنود أتراك، خلال اشتباكات مع عناصر من الحزب "
                         "العمال الكردستاني، في شمالي العراق.")
    assert any(code_of(doc, e.target)[1] == "MIL" and e.source is not None
               and "الكردستاني" in (name_of(doc, e.source) or "") for e in evs), evs


def test_wounded_told_by_saqata_with_the_party_they_belong_to():
    doc, evs = _assaults("سقط عدد من القتلى والجرحى من ميليشيات الحوثي الإيرانية في غارة جوية للتحالف العربي "
                         "لدعم الشرعية باليمن، استهدفت تجمعا لهم في معسكر الجبانة التابع للدفاع الساحلي في الحديدة.")
    assert any(name_of(doc, e.target) == "الحوثيون" and name_of(doc, e.source) == "التحالف العربي" for e in evs), evs


def test_a_clash_between_two_named_sides_passes_the_filter():
    doc, evs = _assaults("وتشهد الجبهات الريفية، غربي محافظة تعز، منذ أسابيع اشتباكات عنيفة بين قوات #الجيش_اليمني، "
                         "وميليشيا الحوثي التي تحاول استعادة مواقع استراتيجية.")
    assert any(name_of(doc, e.target) == "الحوثيون" and e.source is not None for e in evs), evs


def test_an_army_killing_counted_civilians_passes_on_its_two_parties():
    doc, evs = _assaults("وواجهت إسرائيل انتقادات جراء استخدامها الرصاص الحي بعد 10 أيام من الاحتجاجات والاشتباكات "
                         "عند الحدود مع القطاع، حيث قتلت قواتها 30 فلسطينيا، وفق وزارة الصحة في غزة.")
    assert any(e.source is not None and e.target is not None and "30" in doc.text[e.start:e.end] for e in evs), evs


def test_a_liquidation_of_counted_people_is_an_attack_on_them():
    _doc, evs = _assaults("وأشار إلى وفاة أكثر 115 مختطف تحت التعذيب وتصفية آخرين داخل سجون ميليشيات الحوثي الانقلابية.")
    assert any(e.prov.rule.endswith("tasfiya") for e in evs), evs


# -- negatives ------------------------------------------------------------------------------

def test_maa_of_a_border_is_no_party_of_the_clash():
    # "اشتباكات قرب حدود غزة مع إسرائيل": the مع belongs to the border, not to the clash
    doc, evs = _assaults("لقي الجمعة فلسطينيان بينهما فتى يبلغ من العمر نحو 13 عاما، حتفهما وأصيب قرابة 400 بنيران "
                         "الجيش الإسرائيلي في اشتباكات قرب حدود غزة مع إسرائيل، وفق الناطق باسم وزارة الصحة.")
    assert not any(name_of(doc, e.source) == "إسرائيل" and name_of(doc, e.target) == "الجيش الإسرائيلي"
                   for e in evs), evs


def test_groups_that_fight_somewhere_make_no_attack_on_the_place():
    _doc, evs = _assaults("وأضافت التسريبات الأولية لهذه الدراسة أن حوالي 1300 شاب فرنسي التحق بالجماعات الإرهابية "
                         "التي تقاتل في العراق وسوريا، فيما عاد من هذه المناطق 323 مسلحا.")
    assert not evs, evs


def test_an_ally_fighting_alongside_is_no_target():
    doc, evs = _assaults("ويشارك مقاتلو القبائل في القتال حيث تقاتل الحوثيين إلى جانب القوات الحكومية.")
    assert not any(name_of(doc, e.source) == "الحوثيون" for e in evs), evs


def test_no_casualties_fell_is_no_attack():
    _doc, evs = _assaults("قالت الشرطة الألمانية على تويتر، إنه لم يسقط قتلى في الواقعة التي حدثت على متن حافلة في "
                         "مدينة لوبك بشمال ألمانيا، اليوم الجمعة.")
    assert not any(e.prov.rule.endswith("saqata_dahaya") for e in evs), evs


def test_settling_accounts_is_no_liquidation():
    _doc, evs = _assaults("وقالت إن الخلافات بين الطرفين وصلت إلى حد تصفية الحسابات.")
    assert not evs, evs


def test_the_party_after_birasas_is_the_killer_not_the_victim():
    # FR-internationalNews-846-20180421
    doc, evs = _assaults("من جهتها، قالت السلطات الماليزية إن فادي محمد البطش (35 عاما) قتل برصاص شخصين يشتبه "
                         "بارتباطهما بوكالة استخبارات أجنبية أطلقا النار عليه خلال توجهه لأداء صلاة الفجر.")
    assert any(name_of(doc, e.source) == "شخصين" and "البطش" in (name_of(doc, e.target) or "") for e in evs), evs


def test_death_by_the_fire_of_an_army_names_the_army_as_source():
    doc, evs = _assaults("لقي فلسطينيان مصرعهما برصاص الجيش الإسرائيلي شمال قطاع غزة الجمعة، خلال مشاركتهما في "
                         "الاحتجاجات.")
    assert evs and all(name_of(doc, e.target) != "الجيش الإسرائيلي" for e in evs), evs
    assert any(name_of(doc, e.source) == "الجيش الإسرائيلي" for e in evs), evs


def test_clashes_with_fists_and_sticks_are_an_attack():
    _doc, evs = _assaults("وفي منطقة عائشة بكار، تصدى الأهالي لمئات الشبان من حزب الله وأمل، مما أدى إلى اندلاع مواجهات "
                         "بالأيدي والعصي، الأمر الذي دفع الجيش والأمن إلى التدخل والانتشار.")
    assert evs


def test_a_hashtag_joining_a_generic_head_and_a_group_names_the_group():
    # AL-internationalNews-149-20180222 (ant_news): "#ميليشيات_الحوثي" is one word
    doc, evs = _assaults("سقط عدد من الجرحى من عناصر #ميليشيات_الحوثي، الأربعاء، في اشتباكات مع رجال قبيلة \"آل غليس\"، "
                         "بعد محاولة قيادات حوثية نهب أراضي تابعة لأبناء القبيلة.", "2018-02-22")
    assert any(name_of(doc, e.target) == "الحوثيون" and name_of(doc, e.source) == "آل غليس" for e in evs), evs
