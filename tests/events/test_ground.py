"""Ground taken and forces raised (resources/events/triggers_ground.yaml) on real ant_news
sentences outside the dev, study and held-out sets: retaking, wresting and liberating a place is
ASSAULT on the party it was taken from (after من); losses inflicted and attacks repelled are
fighting; military spending and conscription are MOBILIZE; house arrest is COERCE."""
from __future__ import annotations

import pytest

from tests.sentences import event_parties

TAKEN = [
    # (sentence, source, target)
    ("انتزعت قوات الجيش اليمني، الجمعة، مواقع استراتيجية من قبضة ميليشيا الحوثي الانقلابية في مديرية "
     "نهم شرقي العاصمة صنعاء.", "الجيش اليمني", None),
    ("كما اقتربت القوات من مركز مديرية باقم إذ استعادت قريتين خلال الساعات الماضية من ميليشيات الحوثي.",
     "القوات", "الحوثيون"),
    ("وتمكنت القوات العراقية من استعادة السيطرة على مدينة القائم من تنظيم داعش.", "الجيش العراقي",
     "تنظيم الدولة الإسلامية"),
    ("وتخوض قوات الشرعية منذ أسابيع معارك على جبهة الساحل الغربي، حيث حققت انتصارات عدة، وكبدت "
     "الميليشيات الانقلابية خسائر كبيرة في الأرواح والمعدات.", None, None),
]


@pytest.mark.parametrize("text,source,target", TAKEN)
def test_ground_taken_is_an_assault(text, source, target):
    parties = event_parties(text, "ASSAULT")
    assert parties, text
    if source:
        assert any(s == source for s, _ in parties), parties
    if target:
        assert any(t == target for _, t in parties), parties


NOT_TAKEN = [
    "واستعادت واشنطن رفات 229 جندي بين العامين 1990 و2005.",  # remains, no ground
    "كما انتزعت الفرق الهندسية التابعة لقوات الجيش الوطني عدداً من الألغام التي زرعها الانقلابيون.",
    "وبدأت قوات النظام تحضيراتها لاستعادة السيطرة على درعا.",  # an aim, not a retaking
    "وأضاف أن الجيش العراقي لم يكن قادرا على صد أي هجوم.",  # any attack one could repel
]


@pytest.mark.parametrize("text", NOT_TAKEN)
def test_no_ground_taken(text):
    assert not [p for p in event_parties(text, "ASSAULT")], text


def test_army_forces_are_the_army():
    # "قوات الجيش اليمني": one party, the army (not forces attacking the army)
    assert ("الجيش اليمني", "الحوثيون") in event_parties(
        "وهاجمت قوات الجيش اليمني مواقع ميليشيات الحوثي في الجوف.", "ASSAULT")


def test_house_arrest_and_its_passive():
    parties = event_parties("وكانت محكمة تركية قد أخلت سبيل القس الأمريكي يوم 25 يوليو لكن وضعته رهن الإقامة "
                            "الجبرية.", "COERCE")
    assert parties and (parties[0][0] or "").endswith("محكمة"), parties
    # after a relative the verb is passive: the man is not who put himself there
    parties = event_parties("وتصاعد التوتر إثر قضية القس الأمريكي أندرو برانسون المحتجز في تركيا، والذي وضع في "
                            "الإقامة الجبرية بعد اعتقاله عاما ونصف العام.", "COERCE")
    assert all(s != "أندرو برانسون" for s, _ in parties), parties


def test_military_spending_is_mobilisation():
    assert event_parties("ورفعت السويد نفقاتها العسكرية في السنوات الأخيرة.", "MOBILIZE")


def test_fighters_leaving_a_town():
    # (SK-middleEast-487-20180323 is a study2 article: these are other wordings of its acts)
    assert event_parties("وخرج 27 مسلحا و182 مدنيا من حرستا بموجب الاتفاق.", "RETREAT")
    # protesters taking to the streets stay a protest
    assert not event_parties("وخرج آلاف المتظاهرين إلى الشوارع في بغداد.", "RETREAT")
    assert event_parties("وخرج آلاف المتظاهرين إلى الشوارع في بغداد.", "PROTEST")


def test_agreement_told_in_the_passive():
    # (GSR: "اتفاق التهدئة الذي تم التوصل اليه بين اسرائيل وفصائل المقاومة")
    parties = event_parties("وانهار اتفاق التهدئة الذي تم التوصل اليه بين اسرائيل وفصائل المقاومة برعاية مصرية.",
                            "AGREE")
    assert parties and parties[0][0] in ("إسرائيل", "اسرائيل"), parties
    # estimates reached with confidence are no agreement
    assert not event_parties("وأضافت المصادر أن تلك التقديرات جرى التوصل إليه بدرجة من الثقة.", "AGREE")


def test_governor_of_a_town_is_its_state():
    parties = event_parties("ودعا محافظ البصرة المتظاهرين إلى الهدوء.", "REQUEST")
    assert parties and parties[0][0] == "محافظ البصرة", parties
