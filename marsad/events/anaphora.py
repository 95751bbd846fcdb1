"""Patients given by a pronoun or a verb's agreement, resolved to the group named before.

"أوقفت الشرطة … بيغديمونت … حيث تم اعتقاله": the arrested is the man named before; "الصحافيين
الذين يتم توقيفهم": the journalists; "تعرضن للاعتقال": the women named before. The pronoun's (or the ending's) person, gender and
number pick the nearest earlier actor of that kind: a person for ه, a feminine plural group for
هن / تعرضن / ممنوعات (a participle's ات), a masculine plural group for هم / تعرضوا.
"""
from __future__ import annotations

from marsad import resources
from marsad.doc import Doc, Token
from marsad.events.args_nominal import GEN_OBJECT
from marsad.events.args_words import RELATIVES
from marsad.events.lexicon import load_lexicon
from marsad.events.triggers import Candidate
from marsad.text.normalize import normalize, word_set

_W = resources.read_yaml("events", "anaphora.yaml")  # read once, at import
SUFFIXES = tuple(_W["suffixes"].items())
AGREEMENT = tuple(_W["agreement"].items())
NOT_FEMININE_N = tuple(_W["not_feminine_n"].split())
GROUP_ENDINGS = {k: tuple(v.split()) for k, v in _W["group_endings"].items()}
FP_WORDS = word_set(_W["fp_words"])
REACH = int(_W["reach_sentences"])
OBJECT_JOIN = _W["object_join"]
PLURAL_ENDINGS = tuple(x for v in GROUP_ENDINGS.values() for x in v)
# The event types whose patient a pronoun may give.
PATIENT_TYPES = frozenset({"COERCE", "ASSAULT"})
_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def person_of(cand: Candidate, words: list[Token]) -> str | None:
    """The person, gender and number ("m", "mp", "fp") the trigger gives its patient, if any."""
    if cand.type not in PATIENT_TYPES:
        # a speech act's object pronoun on the verb ("ترفضه", "واتهمه") is too often a thing or
        # the clause's other party: only the relative clause's antecedent (relative_patient) or
        # the pronoun after its patient's preposition ("طلبوا منه") is read
        pn = verb_object(cand, words) if cand.cls in ("perf", "impf") else None
        return pn if pn is not None and not _on_verb(cand, words) else None
    if cand.lexeme.patient_before:
        n = words[cand.i].norm
        for end, pn in AGREEMENT:
            if n.endswith(end) and not (end == "ن" and n.endswith(NOT_FEMININE_N)):
                return pn
        return None
    if cand.cls in ("perf", "impf"):
        return verb_object(cand, words)
    if not (cand.lexeme.key in GEN_OBJECT or cand.lexeme.announced):
        return None
    raw = words[cand.j - 1].text.rstrip(_HARAKAT)  # the noun of a phrase ends it: "الأمر باعتقاله"
    for end, pn in SUFFIXES:
        if raw.endswith(end) and len(raw) > len(end) + 2:
            return pn  # (raw text: a final ة is no pronoun ه)
    return None


def verb_object(cand: Candidate, words: list[Token]) -> str | None:
    """The person and number of a verb's object pronoun: a suffix on the verb itself ("قتلوه",
    "اعتقلهم", "استقبله") where the verb without it is a form of the trigger, or on the
    preposition that marks the trigger's patient right after it ("وطلبوا منه تسليمهم …")."""
    n = words[cand.i].norm[len(cand.proclitics):] if cand.j - cand.i == 1 else ""
    for end, pn in SUFFIXES:
        stem = n[:-len(end)]
        if n.endswith(end) and len(stem) > 2 and any(
                f.lexeme is cand.lexeme and f.cls == cand.cls
                for x in (stem, stem + OBJECT_JOIN[1:] if stem.endswith(OBJECT_JOIN[:1]) else stem) for f in load_lexicon().single.get(x, ())):
            return pn
    after = words[cand.j].norm if cand.j < len(words) else ""
    for end, pn in SUFFIXES:
        if after.endswith(end) and after[:-len(end)] in cand.lexeme.patient and after[:-len(end)]:
            return pn
    return None


def _fits(doc: Doc, aid: str, start: int, end: int, pn: str) -> bool:
    a = doc.actors.get(aid)
    if a is None:
        return False
    if pn == "m":
        return a.kind == "PER"
    name = normalize(doc.text[start:end]).split()
    last = name[-1] if name else ""
    if a.kind == "PER" or a.type in ("GOV", "LEG", "JUD", "IGO") and a.kind != "GEN":
        return False  # a person, a state or an institution is no plural group
    if pn == "fp" and last in FP_WORDS:
        return True
    return last.endswith(GROUP_ENDINGS[pn])


def antecedent(doc: Doc, before: int, pn: str) -> str | None:
    """The nearest actor named before ``before`` (in its sentence or the few before) that fits."""
    sent = doc.sentence_at(before)
    if sent is None:
        return None
    lo = doc.sentences[max(0, sent.index - REACH)].start
    spans = [(m.start, m.end, m.actor) for m in doc.mentions_in(lo, before)]
    # the groups the events stage coded so far (generic participants: "المعتقلين")
    spans += [(s, e, aid) for aid, a in doc.actors.items() if a.kind == "GEN"
              for s, e in a.mentions if lo <= s and e <= before]
    fits = sorted((s, e, aid) for s, e, aid in spans if _fits(doc, aid, s, e, pn))
    if not fits:
        return None
    if pn != "m":
        return fits[-1][2]  # the nearest group
    # a man: the first named in the nearest sentence that names one (its topic, most often its
    # subject: "أوقفت الشرطة … بيغديمونت … حيث تم اعتقاله")
    last = doc.sentence_at(fits[-1][0])
    return next(aid for s, e, aid in fits if last is None or s >= last.start)


def _subject_in_clause(words: list[Token], cand: Candidate, text: str) -> bool:
    """A plural noun stands before the trigger in its clause ("العشرات من موظفيهم تعرضوا"):
    the patient is that phrase, whether or not it is a known participant."""
    for k in range(cand.i - 1, -1, -1):
        if any(c in text[words[k].end:words[k + 1].start] for c in ".,،:;!?؟\"«»"):
            return False
        n = words[k].norm
        if len(n) > 4 and n.endswith(PLURAL_ENDINGS):
            return True
    return False


def _on_verb(cand: Candidate, words: list[Token]) -> bool:
    """Is the object pronoun on the verb itself (not on the preposition after it)?"""
    return cand.j - cand.i == 1 and words[cand.i].norm.endswith(tuple(e for e, _ in SUFFIXES))


def relative_patient(doc: Doc, words: list[Token], cand: Candidate) -> str | None:
    """"فتح الله غولن … والذي تتهمه تركيا بالوقوف وراء …", "الرئيس الجمهوري، الذي أيدته الجمعية
    الوطنية للبنادق": a verb after a relative pronoun whose object pronoun returns to it has the
    actor named right before the relative for patient."""
    # (a relative joined by و, "…، والذي تتهمه", returns to the phrase's head, not the last name)
    if cand.cls not in ("perf", "impf") or cand.i < 2 or words[cand.i - 1].norm not in RELATIVES \
            or not _on_verb(cand, words) or verb_object(cand, words) is None:
        return None
    rel = words[cand.i - 1]
    prev = words[cand.i - 2]
    m = next((m for m in reversed(doc.mentions_in(prev.start - 200, rel.start)) if m.end >= prev.start), None)
    a = doc.actors.get(m.actor) if m is not None else None
    return m.actor if a is not None and not (a.kind == "LOC" and not a.type) else None


def pronoun_patient(doc: Doc, words: list[Token], cand: Candidate) -> str | None:
    if (rel := relative_patient(doc, words, cand)) is not None:
        return rel
    pn = person_of(cand, words)
    if pn is None or cand.lexeme.patient_before and _subject_in_clause(words, cand, doc.text):
        return None
    if pn == "m" and cand.type not in PATIENT_TYPES and (spk := _named_speaker(doc, cand.start)) is not None:
        # "قال مون جاي إن، إن ترامب وكيم طلبا منه أن يعمل كوسيطا": in reported speech the pronoun
        # after the patient's preposition is the speaker
        return spk
    return antecedent(doc, cand.start, pn)


def _named_speaker(doc: Doc, offset: int) -> str | None:
    """The speaker of the statement holding the offset, when the text names him (not a source:
    "مصادر محلية")."""
    for st in doc.overlapping("statements", offset, offset + 1):
        a = doc.actors.get(st.speaker) if st.speaker else None
        if a is not None and a.kind != "GEN" and a.country and (a.kind == "PER" or a.type not in (None, "CVL", "UNK")):
            return st.speaker
    return None


DUAL_SUBJECTS = word_set(_W["dual_subjects"])
DUAL_REACH = int(_W["dual_reach"])
# Interactions whose two parties a dual verb after them takes up ("اتصال هاتفي بين A و B …
# واتفقا على …").
PAIR_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def _dual(cand: Candidate, words: list[Token]) -> bool:
    """A perfect verb with the dual ending (اتفقا = اتفق + ا), or a dual word for its subject
    right after it, or as the subject of the verb it is coordinated to (تبادل الاثنان … واتفقا)."""
    n = words[cand.i].norm[len(cand.proclitics):]
    if cand.cls == "perf" and n.endswith("ا") and any(
            f.lexeme is cand.lexeme and f.cls == "perf" for f in load_lexicon().single.get(n[:-1], ())):
        return True
    near = range(max(0, cand.i - 4), min(len(words), cand.j + 1))
    return any(words[k].norm in DUAL_SUBJECTS for k in near)


def dual_pair(doc: Doc, words: list[Token], cand: Candidate) -> tuple[str, str] | None:
    """The two parties a dual agent stands for: those of the last interaction told with both,
    within ``DUAL_REACH`` characters before ("… عقب اتصال هاتفي بين الملك والرئيس التركي.
    وتبادل الاثنان المعلومات واتفقا على مواصلة التعاون": the king and the president)."""
    if not (cand.type in PAIR_TYPES or cand.lexeme.mutual) or not _dual(cand, words):
        return None
    for ev in reversed(doc.starting_in("events", cand.start - DUAL_REACH, cand.start)):
        if ev.type in PAIR_TYPES and ev.source and ev.target:
            return ev.source, ev.target
    return None
