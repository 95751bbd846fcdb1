"""Backing told as a qualifier: "الفصائل المدعومة من تركيا", "بدعم من روسيا" (the backer after
من is the agent; the actor the phrase qualifies, or its clause's subject, the patient)."""
from __future__ import annotations

from marsad import resources
from marsad.events.args_slots import Slot
from marsad.events.args_words import gap_ok
from marsad.events.triggers import Candidate

_WORDS = resources.read_yaml("events", "args.yaml")  # read once, at import
PLACE_IN = frozenset(_WORDS["place_in"].split())

# How far back (words) "بدعم من" looks for the agent of its clause.
BACKED_CLAUSE_REACH = 16


def backed(cand: Candidate, words, norms, slots, text) -> tuple[Slot | None, Slot | None]:
    """"الفصائل المدعومة من تركيا", "بدعم من روسيا": the backer after من is the source, the
    actor right before the phrase (the clause's subject, for بدعم من) the target."""
    src = next((s for s in slots if cand.j <= s.i <= cand.j + 1 and gap_ok(words, cand.j - 1, s.i, text)), None)
    # "بدعم من" qualifies its whole clause, however long: its agent may stand far before it
    reach = BACKED_CLAUSE_REACH if norms[cand.i][:1] == "ب" else 8
    before = [s for s in slots if s.j <= cand.i and cand.i - s.j <= reach and s.prep is None
              and not s.adjectival and gap_ok(words, s.j - 1, cand.i, text)
              and not any(norms[k] in PLACE_IN for k in range(max(0, s.i - 2), s.i))]
    # "بدعم من": the clause's agent (its first free actor); "المدعومة من": the noun it qualifies
    tgt = (before[0] if norms[cand.i][:1] == "ب" else before[-1]) if before else None
    return src, (tgt if tgt is not src else None)
