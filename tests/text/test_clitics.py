"""The one clitic inventory (resources/text/clitics.yaml) and the sets derived from it."""
from marsad.actors.dictionary import LAM_PROCLITICS, PROCLITICS
from marsad.entities import features
from marsad.text.segment import (
    CONJ,
    ENCLITICS,
    FUTURE,
    PREP,
    clitic_candidates,
    strip_proclitics,
)


def test_inventory_letters_and_order():
    assert (CONJ, PREP, FUTURE) == (("و", "ف"), ("ب", "ل", "ك"), ("س",))
    assert ENCLITICS[:3] == ("هما", "هم", "ها")  # the longer pronoun is tried first


def test_derived_proclitic_sets():
    # conjunction + preposition pairs first (a name's token is trimmed by the longest match)
    assert features.PROCLITICS == ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
    assert PROCLITICS == frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"})
    assert LAM_PROCLITICS == frozenset({"ل", "ول", "فل"})


def test_readings_of_news_words():
    # "وبالعراق" / "للعراق" (ل + العراق) / "سياسته" (تاء مربوطة before a pronoun)
    assert strip_proclitics("وبالعراق") == (2, "العراق")
    assert strip_proclitics("للعراق") == (1, "العراق")
    assert strip_proclitics("وزير") == (0, "وزير")  # و-initial vocabulary is not split
    assert ("", "سياسه", "ه") in clitic_candidates("سياسته")
