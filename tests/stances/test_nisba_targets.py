"""A country adjective points at the state (StanceView.nisba), not at a person or a region the
article codes with that country, on a real ant_news article (FR-middleEast-447-20180512)."""
from __future__ import annotations

from tests.sentences import analysed, code_of, name_of

TEXT = ("صرح مدير المرصد السوري لحقوق الإنسان السبت أن الضربات الإسرائيلية على سوريا التي وقعت فجر الخميس "
        "واستهدفت مواقع إيرانية، أسفرت عن مقتل 11 إيرانيا مما يرفع حصيلة القتلى إلى 27 على الأقل.\n"
        "وكانت إسرائيل قد أطلقت في تصعيد مفاجئ فجر الخميس عشرات الصواريخ ونفذت غارات جوية ضد عشرات الأهداف "
        'الإيرانية في سوريا مؤكدة أن العملية رد على إطلاق صواريخ "إيرانية" من سوريا على مواقع في هضبة الجولان '
        "التي تحتلها.\n"
        "وتؤكد إسرائيل التي لا تزال في حالة حرب مع سوريا أنها لن تسمح بترسيخ إيران وجودها العسكري في جوارها، "
        "علما بأن إيران تدعم النظام السوري في حربه ضد الفصائل المعارضة والإسلامية والجهادية.")


def test_support_of_the_syrian_regime_targets_syria():
    doc = analysed(TEXT)
    backing = [s for s in doc.stances if s.polarity == "support" and name_of(doc, s.holder) == "إيران"]
    assert backing and all(code_of(doc, s.target)[0] == "SYR" for s in backing)
    assert all(doc.actors[s.target].kind != "PER" and "الجولان" not in doc.actors[s.target].name for s in backing)


def test_a_monitor_is_no_attacker():
    # the Observatory's director tells the toll; he is neither the attacker nor a Syrian official
    doc = analysed(TEXT)
    assert all(doc.actors[e.source].type != "NGO" for e in doc.events if e.type == "ASSAULT" and e.source)
    directors = [doc.actors[s.speaker] for s in doc.statements if s.speaker and "المرصد" in doc.actors[s.speaker].name]
    assert directors and all(a.type == "NGO" for a in directors)
