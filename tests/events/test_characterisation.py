"""Accusations told as characterisations (PLOVER ACCUSE, mode disapprove) on real sentences of
../shared/data/ant_news (2018): "وصف X بـ«…»", "واصفا X بأنه …" with a pejorative complement
accuse X; a neutral or praising characterisation, or the relative "ما وصفه بـ…" ("what it
called"), accuses nobody."""
from __future__ import annotations

from sentences import analysed, name_of


def accusations(text: str) -> list[tuple[str | None, str | None, str]]:
    """(source name, target name, rule) of the ACCUSE events of a sentence."""
    doc = analysed(text)
    return [(name_of(doc, e.source), name_of(doc, e.target), e.prov.rule) for e in doc.events if e.type == "ACCUSE"]


def test_participle_with_pejorative_complement_accuses_its_object():
    got = accusations("وأعلن دونالد ترامب قبل أيام سحب تأييده للبيان الختامي لمجموعة السبع التي اجتمعت في كندا، "
                      "واصفا رئيس الوزراء الكندي جاستن ترودو بأنه شخص غير نزيه.")
    # the agent is the main clause's, not the relative clause's (مجموعة السبع التي اجتمعت)
    assert ("دونالد ترامب", "جاستن ترودو") in [(s, t) for s, t, _ in got], got


def test_verb_with_pejorative_complement_names_each_object():
    got = accusations("وصف الرئيس الأميركي دونالد ترامب، روسيا والاتحاد الأوروبي والصين، بالأعداء، وذلك عشية "
                      "قمته المرتقبة مع الرئيس الروسي فلاديمير بوتن.")
    assert ("دونالد ترامب", "روسيا") in [(s, t) for s, t, _ in got], got


def test_participle_after_a_mocking_verb():
    got = accusations("سخرت المتحدثة باسم وزارة الخارجية الروسية ماريا زخاروفا من تعهد رئيسة الوزراء البريطانية "
                      "تيريزا ماي التحرك ضد الجريمة والفساد عقب الهجوم على جاسوس روسي سابق، واصفة لندن بأنها "
                      "مركز غسيل الأموال الذي يأوي مجرمين.")
    assert any(t == "لندن" for _, t, _ in got), got


def test_praising_characterisation_is_no_accusation():
    got = accusations("وامتدح رئيس الوزراء الإثيوبي، الملياردير السعودي، الذي يمتلك استثمارات عدة في إثيوبيا، "
                      "معتبرا أن قضيته تعتبر قضية كل إثيوبي، وواصفا إياه بأنه داعم للمشروع الوطني والإنساني في البلاد.")
    assert not any("wasf" in r for _, _, r in got), got


def test_neutral_characterisation_is_no_accusation():
    got = accusations('ووصفت الكويت القرار الأمريكي بأنه "خطوة روتينية"، وقالت إن نظام باتريوت الخاص بها قادر '
                      "على حماية حدودها.")
    assert not any("wasf" in r for _, _, r in got), got


def test_relative_ma_is_what_it_called_not_an_accusation():
    got = accusations('قال عبدالملك الحوثي، زعيم جماعة الحوثي في اليمن، إن ما وصفه بـ"تحالف العدوان" هو السبب '
                      'الرئيسي في "فشل" مشاورات جنيف حول اليمن والتي ترعاها الأمم المتحدة.')
    assert not any("wasf" in r for _, _, r in got), got
    got = accusations("ونشر الجيش الإسرائيلي صورا من الأقمار الصناعية لما وصفه بأربعة مراكز للاستخبارات الإيرانية "
                      "في سوريا في تل غربة وتل كلاب وتل النبي يوشع وتل مقداد.")
    assert not any("wasf" in r for _, _, r in got), got


def test_considered_tantamount_to_an_insult_accuses():
    # GSR AAW_ARB_20080111.0035-4
    got = accusations("واعتبر المتظاهرون الغاضبون القرار الاميركي بمثابة اهانة للشعب الفلسطيني.")
    assert any("itabara" in r and t == "الولايات المتحدة" for _, t, r in got), got


def test_passive_is_considered_with_a_label_in_a_relative_clause_is_no_accusation():
    got = accusations('ويعتبر حزب الله، الذي تصنفه واشنطن بأنه "مجموعة إرهابية"، الفصيل الوحيد الذي لم يتخلى عن '
                      "السلاح في لبنان بعد الحرب الأهلية (1975-1990) وراكم عبر السنوات نفوذه الإقليمي.")
    assert not any("itabara" in r or "wasf" in r for _, _, r in got), got
