"""The act a condemnation or an accusation judges, whose agent is then its target.

Told right after it, under its government ("وأدانت منظمة العفو الدولية الاعتقالات"), or before it
with a verb of provoking between ("الاعتقالات أثارت انتقادات المنظمات الحقوقية"، "لاقت الخطوة
انتقادات واسعة"): the criticism is of whoever did the act. The verbs are data
(``resources/events/judged.yaml``).
"""
from __future__ import annotations

from marsad import resources
from marsad.events.args_words import bare_word
from marsad.text.normalize import normalize

PROVOKING = frozenset(normalize(w) for w in resources.read_yaml("events", "judged.yaml")["provoking_verbs"])


def judged_act(scored: list, g, gap: int, text: str):
    """The scored candidate of the act ``g`` (an accusation) judges, or None."""
    after = next((s for s in scored if s.ctx.governed_by == g.cand.type and s.cand.type != g.cand.type
                  and 0 <= s.cand.i - g.cand.j <= gap), None)
    if after is not None:
        return after
    before = [bare_word(normalize(w)) for w in text[max(0, g.cand.start - 80):g.cand.start].split()[-2:]]
    if before[-1:] and before[-1] in PROVOKING:
        end = g.cand.i - 1  # the act is the verb's subject before it: "الاعتقالات أثارت انتقادات"
    elif before[:1] and len(before) == 2 and before[0] in PROVOKING:
        end = g.cand.i  # or right after it: "أثارت الاعتقالات انتقادات"
    else:
        return None
    return next((s for s in scored if s.cand.type != g.cand.type and s.cand.j == end), None)
