"""Act stances (marsad/stances/acts.py) on real ant_news sentences: a planned meeting and a
withdrawal told in passing are no attitude of their holder; a held meeting's events and an
announced withdrawal stay."""
from __future__ import annotations

from marsad.pipeline import analyze


def _acts(text: str, published: str = "2018-06-01") -> list[tuple[str, str, str]]:
    d = analyze(text, published=published)
    return [(s.polarity, s.prov.rule, d.text[s.start:s.end]) for s in d.stances if s.prov.rule.startswith("act.")]


def test_a_planned_meeting_is_no_support():
    assert _acts("وفي طوكيو، سوف يلتقي مون رئيس الوزراء الياباني شينزو آبي، ورئيس مجلس الدولة الصيني لي كه تشيانغ.") == []
    assert _acts("وفي مشواره الفرنسي، سيلتقي محمد بن سلمان بإيمانويل ماكرون بعد ظهر الثلاثاء.") == []


def test_a_withdrawal_told_in_passing_is_no_stance():
    assert _acts("وتأتي هذه التطورات بعد إعلان الرئيس الأمريكي دونالد ترامب انسحابه من الاتفاق النووي الإيراني.",
                 "2018-05-10") == []
    assert _acts("وقال إن التوتر في الشرق الأوسط يظهر أنه في تزايد مستمر مع انسحاب أمريكا من الاتفاق النووي "
                 "الإيراني.") == []


def test_a_decided_withdrawal_stays_an_act():
    got = _acts("وقرر الرئيس الأميركي، دونالد ترامب، الشهر الماضي انسحاب الولايات المتحدة من الاتفاق الموقع "
                "بين طهران والقوى العالمية عام 2015.")
    assert [(p, r) for p, r, _ in got] == [("oppose", "act.withdraw.agreement")], got


def test_sanctions_imposed_stay_an_act():
    got = _acts("وفرضت الولايات المتحدة عقوبات اقتصادية على تركيا بسبب اعتقال القس الأمريكي.")
    assert [(p, r) for p, r, _ in got] == [("oppose", "act.impose.sanctions")], got
