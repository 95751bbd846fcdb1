"""Charges told with an arrest or a trial (marsad.events.charges) on real ant_news sentences: the
party that arrests accuses the one arrested of the charge (PLOVER ACCUSE); a charge with no arrest
or trial event before it in its clause gives none."""
from __future__ import annotations

import pytest

from tests.sentences import event_parties

CASES = [
    # (a first-1,000 ant_news article on the Baghdad ballot-box fire)
    ("أعلنت السلطات القضائية العراقية مساء اليوم الاثنين إلقاء القبض على أربعة أشخاص بتهمة التورط في الحريق "
     "الذي دمر أكبر مخازن صناديق الاقتراع.", ["أربعة أشخاص"]),
    # the charge follows a comma after a visit, not an arrest
    ("وزار الوزير السجن، بتهمة لم تعلن بعد.", []),
]


@pytest.mark.parametrize("text,accused", CASES)
def test_charge_goes_with_its_arrest(text, accused):
    assert [t for _, t in event_parties(text, "ACCUSE")] == accused
