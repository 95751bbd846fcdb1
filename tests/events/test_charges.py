"""Charges told with an arrest or a trial (marsad.events.charges) on real ant_news sentences: the
party that arrests accuses the one arrested of the charge (PLOVER ACCUSE); a charge with no arrest
or trial event before it in its clause gives none."""
from __future__ import annotations

from tests.sentences import event_parties


def test_charge_after_an_arrest():
    # (a first-1,000 ant_news article on the Baghdad ballot-box fire)
    got = event_parties("أعلنت السلطات القضائية العراقية مساء اليوم الاثنين إلقاء القبض على أربعة أشخاص بتهمة التورط "
                        "في الحريق الذي دمر أكبر مخازن صناديق الاقتراع.", "ACCUSE")
    assert any(t == "أربعة أشخاص" for _, t in got), got


def test_charge_in_another_clause_gives_none():
    # the charge follows a comma after a visit, not an arrest
    got = event_parties("وزار الوزير السجن، بتهمة لم تعلن بعد.", "ACCUSE")
    assert got == [], got
