"""The typed kind of each actor mention (``doc.MentionKind``), from the rule that found it.

The later stages read the kind, never the rule's name: this table is the one place that knows
which of the stage's rules name what.
"""
from __future__ import annotations

from marsad.doc import MentionKind

# PLOVER sectors of the news media: they relay what others do and say, and are no party to it
# (an agency that reports an attack, a denial or a demand is not its agent).
REPORTER_SECTORS = frozenset({"JRN", "MED"})
# Sectors of a state's own bodies (government, forces, police, intelligence, courts, parliament).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# How many sentences make a story: a lone sentence (a GSR incident report) has no main country to
# lend its unnamed participants, parties or bodies.
STORY_SENTENCES = 3

_KINDS = {
    "country": MentionKind.COUNTRY,
    "capital": MentionKind.CAPITAL,
    "city": MentionKind.CITY,
    "entity-loc": MentionKind.PLACE,
    "alias": MentionKind.ALIAS,
    "person": MentionKind.PERSON,
    "title-name": MentionKind.TITLE_NAME,
    "nisba-people": MentionKind.NATIONALS,
    # bodies and fighters with no state named, given the document's main country
    "institution-main-country": MentionKind.BORROWED,
    "unidentified-armed-main-country": MentionKind.BORROWED,
    "armed-group-main-country": MentionKind.BORROWED,
}


def mention_kind(rule: str | None) -> MentionKind:
    """The kind of a mention found by the actors-stage rule ``rule``."""
    return _KINDS.get(rule or "", MentionKind.OTHER)
