"""The parties of a clash told by its casualties.

News tells a battle by the losses of one side and names the other after مع: "قتل 12 مسلحا من
مليشيا الحوثي في مواجهات مع قوات الجيش الوطني", "سقط عدد من الجرحى من عناصر الميليشيات، الأربعاء،
في اشتباكات مع رجال القبيلة". The casualties are the victims of the clash (its target) and the
party after مع inflicted them (its source): the reading the annotators give such a sentence,
where the clash read alone has the مع party as its patient and no agent.
"""
from __future__ import annotations

from marsad import resources
from marsad.doc import Token

_W = resources.read_yaml("events", "clash_words.yaml")
WITH_PARTY = frozenset(_W["with_party"])
# How many words before the clash its casualties may be told ("قتل 12 مسلحا من مليشيا الحوثي
# الانقلابية في مواجهات مع …").
TOLL_REACH = _W["toll_reach"]
# Punctuation that ends the clause the casualties and the clash share (a comma does not:
# "من عناصر الميليشيات، الأربعاء، في اشتباكات مع …").
CLAUSE_END = tuple(_W["clause_end"])
# The preposition that names whose men fell after a casualty word ("الجرحى من عناصر X").
OF_PARTY = frozenset(_W["of_party"])
VICTIM_REACH = _W["victim_reach"]
WITH_GAP = _W["with_gap"]  # words between the clash noun and مع ("اشتباكات عنيفة مع")
WITH_REACH = _W["with_reach"]  # words from مع to its party ("مع رجال قبيلة X")
# Words that make the participant after them an attack's agent, never its victims.
AGENT_MARKERS = frozenset(_W["agent_markers"])
FALLEN_REACH = _W["fallen_reach"]  # words between the fallen and their toll ("لقي فلسطينيان مصرعهما")


def toll_agents(scored: list, words: list[Token]) -> None:
    """A casualty report whose patient reading is the party after برصاص / بنيران / على يد ("لقي
    فلسطينيان مصرعهما برصاص الجيش الإسرائيلي", "الذين قتلوا برصاص القوات الإسرائيلية"): that party
    shot them, so it is the source; the fallen are the participant named right before the report."""
    for p in scored:
        t = p.args.target
        if not p.cand.lexeme.casualty or t is None or p.args.source is not None or t.i <= p.cand.j - 1 \
                or t.i == 0 or words[t.i - 1].norm not in AGENT_MARKERS:
            continue
        p.args.source, p.args.rule, p.args.guessed = t, "toll-agent", False
        # (after a passive verb, before the agent: "قتل صياد فلسطيني مساء الأحد برصاص …"; else before it)
        after = [sl for sl in p.slots if p.cand.j <= sl.i and sl.j < t.i and sl.prep is None and not sl.adjectival]
        before = [sl for sl in reversed(p.slots) if sl.j <= p.cand.i and p.cand.i - sl.j <= FALLEN_REACH
                  and sl.prep is None and not sl.adjectival]
        p.args.target = next((sl for sl in after + before if sl.actor != t.actor), None)


def toll_victims(scored: list) -> None:
    """A casualty report with no patient read names whose men fell after من ("سقط عدد من القتلى
    والجرحى من ميليشيات الحوثي"): they are its target."""
    for p in scored:
        if p.cand.lexeme.casualty and p.args.target is None and p.args.source is None:
            stop = next((q.cand.i for q in scored if q.cand.i >= p.cand.j and not q.cand.lexeme.casualty),
                        max((sl.j for sl in p.slots), default=0))
            victim = _of_party(p, stop)
            if victim is not None:
                p.args.target, p.args.rule = victim, "toll-of"


def clash_parties(scored: list, words: list[Token], text: str) -> None:
    """Turn each clash "في اشتباكات مع Y" told after a casualty report of the same clause into
    Y's act against the fallen ("rule" clash-toll); clashes without a toll are left as read."""
    for s in scored:
        a = s.args
        if not s.cand.lexeme.mutual or s.cand.type != "ASSAULT" or a.target is None \
                or not _after_with(s.cand, a.target, words):
            continue
        victim = _fallen(s, scored, words, text)
        if victim is None or _same(victim, a.target):
            continue
        if a.source is not None and not _same(a.source, victim):
            continue  # "اشتبك مسلحون مع قوات الأمن": the clash's own subject stands
        a.source, a.target, a.rule, a.guessed = a.target, victim, "clash-toll", False


def _fallen(clash, scored: list, words: list[Token], text: str):
    """The victims of the nearest casualty report before the clash in its clause."""
    for p in reversed(scored):
        c = p.cand
        if p is clash or not c.lexeme.casualty or c.j > clash.cand.i or clash.cand.i - c.j > TOLL_REACH:
            continue
        if any(ch in text[words[c.j - 1].end:words[clash.cand.i].start] for ch in CLAUSE_END):
            return None
        t = p.args.target
        if t is not None and t.j <= clash.cand.i:
            return None if t.i > 0 and words[t.i - 1].norm in AGENT_MARKERS else t
        return _of_party(p, clash.cand.i)
    return None


def _after_with(cand, party, words: list[Token]) -> bool:
    """Is the party the clash's "مع" party ("اشتباكات عنيفة مع رجال قبيلة آل غليس"): مع within
    WITH_GAP words after the clash noun, the party within WITH_REACH words after مع (not "اشتباكات
    قرب حدود غزة مع إسرائيل")?"""
    if party.prep in WITH_PARTY and party.i - cand.j <= WITH_GAP + 1:
        return True
    k = next((k for k in range(cand.j, min(cand.j + WITH_GAP + 1, party.i)) if words[k].norm in WITH_PARTY), None)
    return k is not None and party.i - k <= WITH_REACH


def _same(a, b) -> bool:
    return a is b or (a.actor is not None and a.actor == b.actor)


def _of_party(p, stop: int):
    """"الجرحى من عناصر X": the party after من that follows the casualty word."""
    return next((sl for sl in p.slots if sl.prep in OF_PARTY and p.cand.j <= sl.i <= p.cand.j + VICTIM_REACH
                 and sl.j <= stop and sl.actor is not None), None)
