"""The attacker named after an attack noun, by its aircraft or (for a raid) by لـ: "غارات جوية
لمقاتلات التحالف", "غارات للتحالف", "غارات للطيران السوري" (marsad/events/args_nominal.py
means_agent). Real sentences of ../shared/data/ant_news (2018): the attacker is the source, never
the target; a لـ-phrase of another noun ("مواقع لمليشيات الحوثي") stays the recipient."""
from __future__ import annotations

from marsad.pipeline import analyze


def _assaults(text: str) -> list[tuple[str | None, str | None]]:
    d = analyze(text, published="2018-06-01")
    name = lambda a: d.actors[a].name if a is not None else None  # noqa: E731
    return [(name(e.source), name(e.target)) for e in d.events if e.type == "ASSAULT"]


def test_raid_by_the_aircraft_of_a_named_party():
    got = _assaults("أما في إب، فقد قالت مصادر محلية وشهود عيان إن مئات العناصر من مليشيات الحوثي الإيرانية شوهدوا "
                    "وهم يفرون من معسكر الحمزة، جنوبي المحافظة، إثر غارات جوية لمقاتلات التحالف العربي، أسفرت عن "
                    "تدمير واسع في المطار وسقوط عدد كبير بين قتيل وجريح من الميليشيات.")
    assert ("التحالف العربي", None) in got, got
    assert not any(t == "التحالف العربي" for _, t in got), got


def test_raid_with_lam_is_the_attackers():
    got = _assaults("من جانب آخر، استهدفت غارات للتحالف العربي نقطة بحرية نصبتها الميليشيات لتفتيش قوارب الصيادين "
                    "في سواحل مديرية اللحية شمال الحديدة، ما أسفر عن سقوط قتلى وجرحى من الانقلابيين.")
    assert got and got[0][0] == "التحالف العربي", got
    assert not any(t == "التحالف العربي" for _, t in got), got


def test_toll_of_raids_by_a_party_air_force():
    got = _assaults("وأسفر القصف عن مقتل أربعة مدنيين في غارات للطيران السوري، وتقدم ملحوظ لقوات النظام.")
    assert got and got[0][0] is not None and got[0][1] == "مدنيين", got


def test_recipient_after_the_aircraft_owner():
    got = _assaults("وذكرت مصادر عسكرية أن أكثر من 30 مسلحا من الميليشيات قتلوا خلال اليومين الأخيرين في جبل القد "
                    "ومركز المديرية الواقعة شمال غربي المحافظة، إثر غارات لطيران التحالف العربي، استهدفت تعزيزات "
                    "ومقر عمليات الميليشيات الانقلابية.")
    raid = [(s, t) for s, t in got if s == "التحالف العربي"]
    assert raid and raid[0][1] not in ("طيران", "التحالف العربي"), got


def test_lam_of_a_place_after_the_raid_stays_the_recipient():
    # negative: "على مواقع لمليشيات الحوثي": the militia owns the positions, it is the target
    got = _assaults("شنت طائرات التحالف العربي لدعم الشرعية في اليمن الخميس، غارات جوية على مواقع لمليشيات الحوثي "
                    "الإيرانية في الساحل الغربي، مما أسفر عن مقتل وجرح العشرات من المليشيا الإيرانية.")
    assert got and all(s != "الحوثيون" for s, _ in got), got
    assert any(t == "الحوثيون" for _, t in got), got


# -- a toll told without its attacker folds into the attack of its sentence (stage._fold_tolls) --

def _spans(text: str) -> list[tuple[str | None, str | None, str]]:
    d = analyze(text, published="2018-06-01")
    name = lambda a: d.actors[a].name if a is not None else None  # noqa: E731
    return [(name(e.source), name(e.target), d.text[e.start:e.end]) for e in d.events if e.type == "ASSAULT"]


def test_toll_and_the_raid_that_caused_it_are_one_attack():
    got = _spans("قتل 37 عنصرا من ميليشيات الحوثي وأصيب العشرات بجروح، الثلاثاء، في غارات شنتها طائرات التحالف "
                 "العربي على مواقع للمتمرين المواليين لإيران، في محافظة الحديدة على الساحل الغربي، حيث تشن القوات "
                 "الشرعية عملية واسعة.")
    houthis = [g for g in got if g[1] == "الحوثيون"]
    assert len(houthis) == 1 and houthis[0][0] == "التحالف العربي", got
    assert houthis[0][2].startswith("قتل 37 عنصرا"), got


def test_toll_of_a_strike_by_nisba():
    got = _spans("قُتل 11 مدنياً، السبت، في غارة تركية استهدفت مدينة عفرين ذات الغالبية الكردية في شمال سوريا، والتي "
                 "تشهد حركة نزوح جماعية خشية من هجوم وشيك للقوات التركية والفصائل السورية الموالية لها، وفق ما "
                 "أفاد المرصد السوري لحقوق الإنسان.")
    assert not any(s is None and t == "11 مدنيا" for s, t, _ in got), got
    assert any(s == "الجيش التركي" and t == "11 مدنيا" and ev.startswith("قُتل") for s, t, ev in got), got


def test_toll_of_the_act_answered_stays_apart():
    # negative: "ردا على تفجير …": the bombing that wounded the soldiers is another incident
    got = _spans("أفاد مسؤولون طبيون محليون أن النيران الإسرائيلية قتلت شابين فلسطينيين في غزة الأحد، عندما قصفت "
                 "إسرائيل 18 هدفا لجماعات من النشطاء في القطاع ردا على تفجير أسفر عن إصابة أربعة جنود إسرائيليين.")
    assert any(s is None and "تفجير" in ev for s, _, ev in got), got
