"""Word sets of the participant slots (marsad.events.args_slots): the heads of the phrases that
are folded into the slot that codes them. The words are data, in resources/events/args_slots.yaml."""
from __future__ import annotations

from marsad import resources
from marsad.events.args_words import QTY_SKIP, QUANTIFIERS
from marsad.text.normalize import normalize, word_set

_WORDS = resources.read_yaml("events", "args_slots.yaml")  # read once, at import
OWN_COUNTRY = word_set(_WORDS["own_country"])
# Units and places that stand for the force or body they belong to: "دورية للجيش الاميركي",
# "مقر للشرطة", "موكب الوزير", "قافلة للقوات الاجنبية".
CONTAINERS = word_set(_WORDS["containers"])
# Participants whose membership "X في Y" names the body they serve in: "28 متطوعا في الجيش
# العراقي" is coded as the army, "18 شخصاً في العراق" as Iraq; "مسؤولون في حماس" as Hamas.
MEMBERSHIP_SECTORS = frozenset({"CVL", "LAB", "GOV", "UNK"})
# Institutions of a state, which "X في <state>" places in that state.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})
# Nouns of membership whose genitive is the group they belong to: "أعضاء حزب الغد" is coded as
# the party, "عناصر قوات الصحوة" as the force.
MEMBER_NOUNS = word_set(_WORDS["member_nouns"])
# Nouns of membership or leadership that "X في Y" places in the body Y: "عضو في حزب الغد",
# "قيادي في حركة حماس", "أحد القيادات البارزة في تنظيم «القاعدة»".
MEMBER_IN_NOUNS = MEMBER_NOUNS | word_set(_WORDS["member_in_nouns"])
# Adjectives between such a noun and في: "قيادي بارز في", "القيادات البارزة في".
MEMBER_ADJECTIVES = word_set(_WORDS["member_adjectives"])
# "أحد X" / "إحدى X": one of X, coded as X.
ONE_OF = word_set(_WORDS["one_of"])
# Heads of a partitive "X من Y" whose code is Y's: counts and groups ("ثلاثة من عناصر الشرطة",
# "عدد من جنود المارينز", "قوة من الشرطة العراقية", "مجموعة من المتظاهرين").
PARTITIVE_HEADS = QTY_SKIP | QUANTIFIERS | MEMBER_NOUNS | word_set(_WORDS["partitive_heads"])
COUNTED_THINGS = word_set(_WORDS["counted_things"])
# Counting words the role lexicon takes for crowds ("تظاهر الآلاف") when they stand alone.
QUANTITY_ROLES = word_set(_WORDS["quantity_roles"])
# Heads that are a participant only when counted, and "others" that continue a counted group.
COUNTED_HEADS = word_set(_WORDS["counted_heads"])
COUNTED_OTHERS = word_set(_WORDS["counted_others"])
COUNTED_DEFAULT_SECTOR = _WORDS["counted_default_sector"]
ACCUSATIVE_OTHERS = word_set(_WORDS["accusative_others"])
GROUP_POSTMODIFIERS = tuple(normalize(w) for w in _WORDS["group_postmodifiers"].split())
COUNT_VAGUE = word_set(_WORDS["count_vague"])
COUNT_NO_START = word_set(_WORDS["count_no_start"])
# Words of affiliation between a generic participant and its patron (تابعين لـ، الموالية لـ).
AFFILIATED = word_set(_WORDS["affiliated"])
AFFILIATED_STATE_SECTORS = frozenset(_WORDS["affiliated_state_sectors"].split())
ARMED_SECTORS = frozenset(_WORDS["armed_sectors"].split())
CONSTRUCT_STOP = word_set(_WORDS["construct_stop"])
CONSTRUCT_HEADS = word_set(_WORDS["construct_heads"])
FACILITY_HEADS = word_set(_WORDS["facility_heads"])
FACILITY_SECTOR = _WORDS["facility_sector"]
RELATIONAL_NOUNS = word_set(_WORDS["relational_nouns"])
RELATIONAL_FORMS = frozenset(n[:-1] + "ت" + x if n.endswith("ه") else n + x
                             for n in RELATIONAL_NOUNS for x in _WORDS["relational_suffixes"].split())
# Heads of a body's forces: "قوات الجيش اليمني", "عناصر الشرطة" are the body itself.
FORCE_HEADS = word_set(_WORDS["force_heads"])
# Offices of a town or province before its name: the local government, not the place.
LOCAL_OFFICES = word_set(_WORDS["local_offices"])
