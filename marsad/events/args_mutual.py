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
DUAL_ENDING, CONJUNCTION = _WORDS["dual_ending"], _WORDS["conjunction"]


def between(cand: Candidate, norms: list[str], slots, subject: Slot | None = None) -> tuple[Slot, Slot] | None:
    """The two parties of "بين A و B" right after the trigger (up to three words on), or of a
    dual verb right after its coordinated subject ("ماكرون وترامب ناقشا")."""
    k = next((k for k in range(cand.j, min(len(norms), cand.j + 4)) if norms[k] in BETWEEN), None)
    if k is None:
        return _dual_after_pair(cand, norms, slots, subject)
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
    second = next((sl for sl in slots if conj <= sl.i <= reach and (sl.actor is None or sl.actor != first.actor) and (
        not sl.adjectival or sl.i == conj and sl.mention is MentionKind.COUNTRY)), None)
    return (first, second) if second is not None else None


def _dual_after_pair(cand: Candidate, norms: list[str], slots, subject: Slot | None) -> tuple[Slot, Slot] | None:
    """"ماكرون وترامب ناقشا": a dual verb (its form ends in the dual's alif) whose subject right
    before it is the second conjunct of a pair: the first conjunct is the agent, the second the
    counterpart."""
    if subject is None or subject.j != cand.i or not norms[cand.i].endswith(DUAL_ENDING) \
            or not norms[subject.i].startswith(CONJUNCTION):
        return None
    first = next((sl for sl in slots if sl.j == subject.i and sl.prep is None and not sl.adjectival
                  and sl.actor != subject.actor), None)
    return (first, subject) if first is not None else None
