"""The owner of the means a verb's subject names: "قصفت دبابات الجيش الإسرائيلي موقعين",
"قصفت مدفعية الجيش مواقعهم", "شنت مقاتلات حربية روسية غارات": the tanks, guns or jets are the
army's, so the army (the genitive or the nisba after the means word) is the agent, never the
recipient, and what follows it is the object."""
from __future__ import annotations

from marsad.events.args_nominal import ATTACK_MEANS
from marsad.events.args_slots import Slot
from marsad.events.args_words import bare_word
from marsad.events.triggers import Candidate

# How many words after the means word its owner may stand ("مقاتلات حربية روسية").
OWNER_REACH = 2


def means_owner(cand: Candidate, norms: list[str], slots: list[Slot]) -> Slot | None:
    """The actor owning the means named right after the verb, if the subject is such a means."""
    j = cand.j
    if cand.cls not in ("perf", "impf") or j >= len(norms) or bare_word(norms[j]) not in ATTACK_MEANS \
            and norms[j] not in ATTACK_MEANS:
        return None
    return next((s for s in slots if j < s.i <= j + OWNER_REACH and s.prep is None and s.actor is not None), None)
