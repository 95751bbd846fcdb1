"""Arguments told by an object pronoun: on the verb of a relative clause ("X الذي تتهمه Y بـ…":
the pronoun is X, its object, and Y after the verb its subject), or standing alone (إياها)."""
from __future__ import annotations

from marsad.events.args_gender import feminine_verb
from marsad.events.args_order import OBJECT_SUFFIXES, QAD, own_form, verb_first_subject
from marsad.events.args_slots import Slot
from marsad.events.args_words import RELATIVES
from marsad.events.lexicon import load_lexicon
from marsad.events.triggers import Candidate


def relative_object(cand: Candidate, norms, slots) -> tuple[Slot, Slot] | None:
    """"ياسر عباس الذي تتهمه إدارة ترامب بتسهيل …": a relative clause whose verb carries the
    antecedent as its object pronoun; the actor right after the verb is its subject."""
    i, j = cand.i, cand.j
    if i < 2 or norms[i - 1] not in RELATIVES or not carries_object(cand, norms):
        return None
    ante = next((s for s in slots if s.j == i - 1 and s.prep is None and not s.adjectival), None)
    # (a head noun may stand before the named actor: "إدارة الرئيس الأميركي")
    subj = next((s for s in slots if j <= s.i <= j + 1 and s.prep is None and not s.adjectival), None)
    if ante is None or subj is None or ante.actor is None or subj.actor is None:
        return None
    return subj, ante


def suffixed_verb(cand: Candidate, words, norms, slots, text) -> tuple[Slot, Slot | None] | None:
    """"وكان الصحفي … قد قتله مسلحون مجهولون", "الصحفي الذي اعتقلته الشرطة": a verb carrying
    its object as a pronoun has for subject the actor right after it (past time words), never
    the phrase before it, which the pronoun names and which is its patient where it stands
    right before the verb (past قد)."""
    if not carries_object(cand, norms):
        return None
    subj = verb_first_subject(cand, words, norms, slots, text, feminine_verb(cand, norms))[0]
    if subj is None or subj.actor is None:
        return None
    topic = next((s for s in slots if s.prep is None and not s.adjectival and s.actor is not None and s.j <= cand.i
                  and all(w in QAD for w in norms[s.j:cand.i])), None)
    return subj, topic


def carries_object(cand: Candidate, norms) -> bool:
    """"الذي تتهمه إدارة ترامب بتسهيل …": the verb's object is its pronoun, so the phrase after
    it is its subject, not a second object."""
    w = norms[cand.i][len(cand.proclitics):]
    if cand.j - cand.i != 1 or not w.endswith(OBJECT_SUFFIXES):
        return False
    if cand.cls == "form":  # a listed suffixed form ("قتله", "قتلهم"): its stem is the verb's
        return any(any(f.lexeme is cand.lexeme and f.cls in ("perf", "impf") for f in load_lexicon().single.get(w[:-len(x)], ()))
                   for x in OBJECT_SUFFIXES if w.endswith(x))
    return cand.cls in ("perf", "impf") and not own_form(cand, w)


# How far back (words) a separate object pronoun (إياها) finds its antecedent.
ANTECEDENT_REACH = 12


def pronoun_antecedent(cand: Candidate, slots, not_preps) -> Slot | None:
    """"وجهت X انتقادات إلى الحكومة الروسية، متهمة إياها بـ…": إياها is the last participant
    named before the participle in its sentence (not a place, في / بـ, nor a partner, مع)."""
    before = [s for s in slots if s.j <= cand.i and cand.i - s.j <= ANTECEDENT_REACH
              and not s.adjectival and s.prep not in not_preps]
    return before[-1] if before else None
