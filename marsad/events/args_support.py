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
from marsad.events.args_nominal import agent_support, support_subject
from marsad.events.args_order import conjuncts, prep_target
from marsad.events.args_slots import Slot
from marsad.events.args_words import bare_word, gap_ok, verb_before
from marsad.events.triggers import Candidate
from marsad.text.normalize import normalize

_W = resources.read_yaml("events", "args_support.yaml")  # read once, at import
SIDE_NOUNS = frozenset(normalize(w) for w in _W["side_nouns"].split())
RECEIVE_VERBS = frozenset(normalize(w) for w in _W["receive_verbs"].split())
GIVER_PREP = normalize(_W["giver_prep"])
RELATIVES = frozenset(normalize(w) for w in _W["relatives"].split())
RECEIVE_REACH = int(_W["receive_reach"])
OBJECT_SUFFIXES = tuple(normalize(w) for w in _W["object_suffixes"].split())
RELATIVE_SUBJECT_REACH = int(_W["relative_subject_reach"])
RELATIVE_LEXEMES = frozenset(_W["relative_lexemes"].split())
CONJ = _W["conj_proclitic"]
PLACE_PREP = normalize(_W["place_prep"])
WITH_PREP = _W["with_prep"]
TAA_MARBUTA = _W["taa_marbuta"]  # (as written: normalisation folds it into ه)
DEAL_VERBS = frozenset(normalize(w) for w in _W["deal_verbs"].split())
DEAL_REACH = int(_W["deal_reach"])
DEAL_TYPES = frozenset({"AGREE", "COOPERATE"})
NISBA_BACKING = frozenset(_W["nisba_backing"].split())
NISBA_SKIP = frozenset(normalize(w) for w in _W["nisba_skip"].split())

# The types whose patient may be told as a side taken or as a receiver of backing.
BACKING_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE"})


def side_target(cand: Candidate, words, norms: list[str], slots: list[Slot], text: str) -> Slot | None:
    """The party after "إلى جانب" / "بجانب" / "في صف" within a few words after the trigger."""
    # (from the trigger's own last word: the phrase "وقوفه إلى جانب" ends with the side noun)
    for k in range(cand.j - 1, min(len(norms), cand.j + 4)):
        if bare_word(norms[k]) in SIDE_NOUNS or norms[k] in SIDE_NOUNS:
            return next((s for s in slots if s.i == k + 1 and gap_ok(words, k, s.i, text)), None)
    return None


def receiver_args(cand: Candidate, words, norms: list[str], slots: list[Slot],
                  text: str) -> tuple[Slot, Slot | None] | None:
    """"تلقت أنقرة جرعة دعم من قطر": (giver, receiver) when a receiving verb carries the noun."""
    k = verb_before(words, norms, cand.i, RECEIVE_VERBS, RECEIVE_REACH, text)
    if k is None:
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


def relative_backing(cand: Candidate, words, norms: list[str], slots: list[Slot],
                     text: str) -> tuple[Slot | None, Slot] | None:
    """"الحكومة السورية التي تدعمها روسيا"، "الحوثيين، الذين تدعمهم إيران"، "قوات تدعمها الولايات
    المتحدة"، "الذي تقوده السعودية وتدعمه الولايات المتحدة": (backer, backed) for a verb whose
    object pronoun returns to the phrase before its relative clause."""
    w = norms[cand.i]
    if cand.lexeme.id not in RELATIVE_LEXEMES or cand.cls not in ("perf", "impf", "form") or cand.i < 1 \
            or not w.endswith(OBJECT_SUFFIXES) or words[cand.i].text.endswith(TAA_MARBUTA) \
            or len(w) - len(cand.proclitics) < 5:
        return None
    r = _relative_at(cand, norms, words, text)
    if r is None:
        return None
    backed = _antecedent(slots, r, words, text)
    if backed is None or (r == cand.i - 1 and backed.actor is not None):
        return None  # (an asyndetic relative qualifies an indefinite, generic phrase only)
    after = [s for s in slots if cand.j <= s.i <= cand.j + RELATIVE_SUBJECT_REACH + 1 and s.prep is None
             and gap_ok(words, cand.j - 1, s.i, text) and s is not backed]
    # the subject after the verb; else the nisba of its generic head ("تساندها وحدات عسكرية إثيوبية")
    backer = next((s for s in after if not s.adjectival and s.i <= cand.j + RELATIVE_SUBJECT_REACH), None) \
        or next((s for s in after if s.adjectival), None)
    return backer, backed


def _antecedent(slots: list[Slot], r: int, words, text: str) -> Slot | None:
    """The phrase ending at word r, past a place it is in ("التحالف في اليمن الذي تقوده")."""
    end = r + 1
    for sl in reversed([sl for sl in slots if sl.j <= r + 1]):
        if end - sl.j > 1 or not gap_ok(words, sl.j - 1, r, text):
            return None
        if sl.prep != PLACE_PREP:
            return sl
        end = sl.i - 1  # (the في before the place)
    return None


def backed_in_relative(cand: Candidate, words, norms: list[str], slots: list[Slot], text: str) -> Slot | None:
    """"ميليشيات الحوثي، التي تشن بدعم من إيران صواريخ": the clause "بدعم من" qualifies is a
    relative one, whose agent is the phrase before the relative pronoun."""
    for k in range(cand.i - 1, max(-1, cand.i - 6), -1):
        if norms[k] in RELATIVES:
            return _antecedent(slots, k - 1, words, text) if gap_ok(words, k, cand.i, text) else None
    return None


def _relative_at(cand: Candidate, norms: list[str], words, text: str) -> int | None:
    """Index of the last word of the backed phrase: the word before the relative pronoun, before
    the verb (an asyndetic relative), or before the relative of the verb this one is joined to."""
    k = cand.i - 1
    if norms[k] in RELATIVES:
        return k - 1
    if cand.proclitics[:1] == CONJ:
        # "الذي تقوده المملكة العربية السعودية وتدعمه": the relative of the first verb
        for x in range(k, max(-1, cand.i - 8), -1):
            if norms[x] in RELATIVES:
                return x - 1 if gap_ok(words, x, cand.i, text) else None
        return None
    return k  # "قوات تدعمها واشنطن": the phrase right before


def deal_parties(cand: Candidate, words, norms: list[str], slots: list[Slot], text: str) -> tuple[list[Slot], bool]:
    """The subject (and its conjuncts) of the verb that concludes a deal noun: "أبرم الجيش الروسي
    اتفاقا"، "وكانت واشنطن وبيونغ يانغ أبرمتا اتفاقا"; and whether the verb's syntax named it
    (after the verb, or a relative's antecedent) rather than a guess before it."""
    k = verb_before(words, norms, cand.i, DEAL_VERBS, DEAL_REACH, text)
    if k is None:
        return [], False
    subj = next((s for s in slots if k < s.i < cand.i and s.prep is None), None)
    if subj is None and k > 0 and norms[k - 1] in RELATIVES:
        subj = _antecedent(slots, k - 2, words, text)  # "روسيا التي أبرمت … اتفاقات"
    if subj is not None:
        return [subj] + conjuncts(subj, slots, norms, text)[:1], True
    if subj is None:
        # the subject before the verb ("واشنطن وبيونغ يانغ أبرمتا"): the first free phrase of
        # the clause, up to a few words back
        subj = next((s for s in slots if s.j <= k and k - s.j <= 4 and s.prep is None and not s.adjectival
                     and gap_ok(words, s.j - 1, k, text)), None)
    if subj is None:
        return [], False
    return [subj] + [c for c in conjuncts(subj, slots, norms, text) if c.j <= k or c.i < cand.i], False


def closing_patient(cand: Candidate, words, norms: list[str], slots: list[Slot],
                    text: str) -> tuple[Slot | None, Slot] | None:
    """A phrase that ends with its patient's preposition or side noun ("تضامنها مع"، "وقوفه إلى
    جانب"): the party right after it is the patient, and the agent is the subject of the verb
    of saying that carries the phrase ("مصر، أكدت تضامنها مع السعودية")."""
    last = bare_word(norms[cand.j - 1])
    if cand.cls not in ("form", "phrase") or cand.j - cand.i < 2 or not (
            last in cand.lexeme.patient and last != "" or last in SIDE_NOUNS):
        return None
    tgt = next((s for s in slots if s.i == cand.j and gap_ok(words, cand.j - 1, s.i, text)), None)
    if tgt is None:
        return None
    sv = agent_support(cand, words, norms, text)
    src = support_subject(cand, words, norms, slots, text, sv) if sv is not None else None
    return src, tgt


def coordinated_party(co_sources: list[Slot], source: Slot | None) -> Slot | None:
    """The counterpart of a mutual act among the subject's conjuncts ("وقعت مصر وروسيا")."""
    return next((s for s in co_sources if source is None or s.actor != source.actor), None)


def support_args(cand: Candidate, words, norms: list[str], slots: list[Slot], text: str, out) -> None:
    """Fill in (in place, on an args.Args) what the general readers left out for these shapes."""
    if cand.type in BACKING_TYPES and (rel := relative_backing(cand, words, norms, slots, text)) is not None:
        out.source, out.target, out.rule = rel[0] or out.source, rel[1], "relative-backed"
        out.co_targets = []
        # (a conjunct across a comma is the next item of the sentence: "تدعمه واشنطن، وتنظيم")
        out.co_sources = [c for c in conjuncts(rel[0], slots, norms, text) if not any(
            ch in text[rel[0].end:c.start] for ch in ",،")] if rel[0] is not None else []
        return
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
    parties, named = deal_parties(cand, words, norms, slots, text) if cand.type in DEAL_TYPES \
        and cand.cls in ("noun", "phrase") else ([], False)
    if parties and (out.source is None or named and out.source is not parties[0]):
        out.source, out.rule = parties[0], "deal-verb"
        out.target = None if out.target in parties[:1] else out.target
        if out.target is None or out.target is out.source:
            out.target = parties[1] if len(parties) > 1 else prep_target(
                words, slots, cand.j, text, exclude=out.source, frame=cand.lexeme.patient)
    if out.rule == "backed" and cand.lexeme.patient_before and norms[cand.i][:1] == WITH_PREP \
            and (ante := backed_in_relative(cand, words, norms, slots, text)) is not None and ante is not out.source:
        out.target = ante
    if cand.lexeme.id in NISBA_BACKING and out.source is None:
        out.source = nisba_backer(cand, words, norms, slots)
    if cand.type in BACKING_TYPES and (cp := closing_patient(cand, words, norms, slots, text)) is not None:
        if out.source is None or out.source is cp[1] or out.source.i > cand.i:
            out.source = cp[0]  # (the party after the phrase is its patient, never its agent)
        out.target, out.rule = cp[1], out.rule or "closing-patient"
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
