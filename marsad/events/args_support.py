"""Arguments of backing, aid and cooperation in the shapes the general readers miss.

* the side taken, told with a place noun: "وقوف بلاده إلى جانب السعودية" (patient after جانب);
* backing received: "الحكومة السورية، التي تتلقى دعما عسكريا من روسيا" (the giver after من is
  the agent, the receiver the patient);
* a deal or cooperation whose parties are coordinated subjects: "ووقعت بورما وبنغلادش اتفاقا"
  (the first party is the agent, the second its counterpart).
Words in resources/events/args_support.yaml.
"""
from __future__ import annotations

from marsad import resources
from marsad.events.args_order import conjuncts, prep_target
from marsad.events.args_slots import Slot
from marsad.events.args_words import bare_word, gap_ok
from marsad.events.triggers import Candidate
from marsad.text.normalize import normalize

_W = resources.read_yaml("events", "args_support.yaml")  # read once, at import
SIDE_NOUNS = frozenset(normalize(w) for w in _W["side_nouns"].split())
RECEIVE_VERBS = frozenset(normalize(w) for w in _W["receive_verbs"].split())
GIVER_PREP = normalize(_W["giver_prep"])
RELATIVES = frozenset(normalize(w) for w in _W["relatives"].split())
RECEIVE_REACH = int(_W["receive_reach"])
NISBA_BACKING = frozenset(_W["nisba_backing"].split())
NISBA_SKIP = frozenset(normalize(w) for w in _W["nisba_skip"].split())

# The types whose patient may be told as a side taken or as a receiver of backing.
BACKING_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE"})


def side_target(cand: Candidate, words, norms: list[str], slots: list[Slot], text: str) -> Slot | None:
    """The party after "إلى جانب" / "بجانب" / "في صف" within a few words after the trigger."""
    for k in range(cand.j, min(len(norms), cand.j + 4)):
        if bare_word(norms[k]) in SIDE_NOUNS or norms[k] in SIDE_NOUNS:
            return next((s for s in slots if s.i == k + 1 and gap_ok(words, cand.j - 1, s.i, text)), None)
    return None


def receiver_args(cand: Candidate, words, norms: list[str], slots: list[Slot],
                  text: str) -> tuple[Slot, Slot | None] | None:
    """"تلقت أنقرة جرعة دعم من قطر": (giver, receiver) when a receiving verb carries the noun."""
    k = next((k for k in range(cand.i - 1, max(-1, cand.i - RECEIVE_REACH - 1), -1)
              if bare_word(norms[k]) in RECEIVE_VERBS or norms[k] in RECEIVE_VERBS), None)
    if k is None or not gap_ok(words, k, cand.i, text):
        return None
    giver = next((s for s in slots if cand.j <= s.i <= cand.j + 4 and s.prep == GIVER_PREP
                  and gap_ok(words, cand.j - 1, s.i, text)), None)
    if giver is None:
        return None
    # the receiver: the subject after the verb (VSO), or the noun a relative before it qualifies,
    # or the subject before it (SVO)
    receiver = next((s for s in slots if k < s.i < cand.i and s.prep is None and not s.adjectival), None)
    if receiver is None:
        back = k - 1 if k > 0 and norms[k - 1] in RELATIVES else k
        receiver = next((s for s in reversed(slots) if s.j <= back and back - s.j <= 3 and s.prep is None
                         and gap_ok(words, s.j - 1, back, text) and s is not giver), None)
    return giver, receiver


def nisba_backer(cand: Candidate, words, norms: list[str], slots: list[Slot]) -> Slot | None:
    """"بدعم روسي": the state the nisba after the noun names (its actor where the sentence names
    the state too, else a participant of the state's government)."""
    k = cand.j
    while k < len(norms) and norms[k] in NISBA_SKIP:
        k += 1
    if k >= len(norms) or k > cand.j + 1:
        return None
    iso3 = _nisba_country(norms[k])
    if iso3 is None:
        return None
    same = next((s for s in slots if s.country == iso3 and s.actor is not None and s.sector == "GOV"), None)
    w = words[k]
    return Slot(k, k + 1, w.start, w.end, actor=same.actor if same else None, sector="GOV", country=iso3,
                name=w.text, adjectival=True)


def _nisba_country(norm: str) -> str | None:
    """The country of a nisba adjective (روسي، إيرانية), from the actors dictionary."""
    from marsad.actors.dictionary import lexicon  # (the actors stage's tables, built once)
    for reading in lexicon().keys.get(norm, ()):
        if reading[0] == "N":
            return reading[1]
    return None


def coordinated_party(co_sources: list[Slot], source: Slot | None) -> Slot | None:
    """The counterpart of a mutual act among the subject's conjuncts ("وقعت مصر وروسيا")."""
    return next((s for s in co_sources if source is None or s.actor != source.actor), None)


def support_args(cand: Candidate, words, norms: list[str], slots: list[Slot], text: str, out) -> None:
    """Fill in (in place, on an args.Args) what the general readers left out for these shapes."""
    if cand.type in BACKING_TYPES and cand.cls in ("noun", "phrase", "form"):
        got = receiver_args(cand, words, norms, slots, text)
        if got is not None:
            out.source, out.target, out.rule = got[0], got[1], "received"
            out.co_sources = conjuncts(got[0], slots, norms, text)  # "من إيران وروسيا"
            return
    if cand.type in BACKING_TYPES and cand.cls == "phrase" and out.source is None \
            and cand.feats.get("support") is not None and out.rule in ("", "vso"):
        # "وقدمت السعودية مساعدات إنسانية لليمن": a phrase opening with a plural noun (read as a
        # verb by its ending) carried by a giving verb: that verb's subject gives
        # (the subject right after the verb only: before a verbal noun, "مشيرا إلى تقديم
        # مساعدات", the word before is no agent)
        sv = cand.feats["support"]
        out.source = next((s for s in slots if sv < s.i < cand.i and s.prep is None), None)
        out.rule = "support" if out.source is not None else out.rule
        if out.source is not None and (out.target is None or out.target is out.source):
            out.target = prep_target(words, slots, cand.j, text, exclude=out.source, frame=cand.lexeme.patient)
    if cand.lexeme.id in NISBA_BACKING and out.source is None:
        out.source = nisba_backer(cand, words, norms, slots)
    if cand.type in BACKING_TYPES and out.target is None:
        tgt = side_target(cand, words, norms, slots, text)
        if tgt is not None and tgt is not out.source:
            out.target, out.rule = tgt, out.rule or "side"
    if cand.lexeme.mutual and out.co_sources and (out.target is None or out.target.prep not in cand.lexeme.patient):
        # "ووقعت بورما وبنغلادش اتفاقا لإعادة اللاجئين": the second party is the first one's
        # counterpart (not the object of the deal's purpose)
        tgt = coordinated_party(out.co_sources, out.source)
        if tgt is not None:
            out.target = tgt
            out.co_sources = [s for s in out.co_sources if s is not tgt]
