"""The two parties of an interaction told as "X بين A و B" (talks, meetings, calls and clashes
between two parties; lexemes flagged mutual): A is the agent, B the patient."""
from __future__ import annotations

from marsad import resources
from marsad.doc import MentionKind
from marsad.events.args_slots import Slot
from marsad.events.triggers import Candidate

_WORDS = resources.read_yaml("events", "args.yaml")  # read once, at import

# Interactions between two parties told as "X بين A و B" (lexemes flagged mutual).
BETWEEN = frozenset(_WORDS["between"].split())
COUNTERPARTS = frozenset(_WORDS["counterparts"].split())


def between(cand: Candidate, norms: list[str], slots) -> tuple[Slot, Slot] | None:
    """The two parties of "بين A و B" right after the trigger (up to three words on)."""
    k = next((k for k in range(cand.j, min(len(norms), cand.j + 4)) if norms[k] in BETWEEN), None)
    if k is None:
        return None
    first = next((sl for sl in slots if k < sl.i <= k + 3 and not sl.adjectival), None)
    if first is None:
        return None
    # the second party opens with و, after the first one's apposition ("بين الرئيس الروسي فلاديمير
    # بوتين ونظيره الأمريكي دونالد ترامب": the named counterpart after its title)
    conj = next((x for x in range(first.j, min(len(norms), first.j + 6)) if norms[x][:1] == "و"), None)
    if conj is None:
        return None
    reach = conj + 3 if norms[conj][1:] in COUNTERPARTS else conj  # "ونظيره الأمريكي دونالد ترامب"
    # (a conjunct state name read as a nisba, "بين مصر والسعودية", is the second party all the same)
    second = next((sl for sl in slots if conj <= sl.i <= reach and sl.actor != first.actor and (
        not sl.adjectival or sl.i == conj and sl.mention is MentionKind.COUNTRY)), None)
    return (first, second) if second is not None else None
