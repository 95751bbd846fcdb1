"""Subject and object of a verbal trigger by word order.

The subject is fronted (إن X قتل، كانت X قد أطلقت), right before the verb (SVO), right after it
(VSO, past time words and quantities), or the subject of the clause a coordinated verb joins;
a feminine verb takes no man for subject. The object follows the subject, or is the recipient
after على / ضد / بحق.
"""
from __future__ import annotations

from marsad import resources
from marsad.doc import MentionKind
from marsad.events.args_affiliation import LOCAL_PLACES
from marsad.events.args_gender import (
    feminine_slot,
    feminine_verb,
    is_man,
    masculine_singular,
    masculine_verb,
    oblique_plural,
    temporal_clause,
)
from marsad.events.args_passive import ANNA_PRONOUN, CAUSE_NOUNS
from marsad.events.args_slot_words import LOCAL_OFFICES
from marsad.events.args_slots import Slot
from marsad.events.args_targets import CASUALTY_VERBS, FROM_ONLY, framed_object
from marsad.events.args_words import (
    ARTICLE,
    MEDIA,
    PHRASE_PREPS,
    PLACE_KINDS,
    PREPS,
    QTY_SKIP,
    QUANTIFIERS,
    RELATIVES,
    SKIP_AFTER_VERB,
    TARGET_PREPS,
    TOWN_KINDS,
    bare_word,
    gap_ok,
    is_nisba,
    quoted_name,
    quoted_verb_gap,
    skip_quantity,
)
from marsad.events.lexicon import load_cues, load_lexicon
from marsad.text.normalize import word_set
from marsad.text.segment import ENCLITICS  # (read on the written word: ة is no pronoun)

# Title heads of a verb-first subject (cues.yaml: subject_heads).
SUBJECT_HEADS = word_set(" ".join(load_cues().get("subject_heads", ())))
APPOSITION_REACH = 9  # words a title apposed to a person may take ("، المتحدثة باسم البيت الأبيض،")

# Letters of قد / لقد (and the tatweel): deleted from the text between a subject and its verb,
# nothing may be left for the subject to count as adjacent.
_WORDS = resources.read_yaml("events", "args_order.yaml")  # read once, at import
_NO_SPACE = str.maketrans("", "", _WORDS["qad_letters"])
QAD = tuple(_WORDS["qad"].split())
# Words that join a verb to the clause before it, as و does ("لكن وضعته"; not ثم, before which
# news often puts a passive: "ثم أطلق سراح امرأتين").
JOINING_WORDS = word_set(_WORDS["joining_words"])

# Words after which a noun phrase opens a nominal clause whose verb follows it (SVO):
# "إن حركة طالبان اختطفت …", "وكانت حركة طالبان قد خطفت …".
SVO_OPENERS = word_set(_WORDS["svo_openers"])
# Nouns of an actor's act or stance after لـ / بـ: their genitive is the patient of a predicate
# whose frame takes that preposition ("ارتياحها لقرار المحكمة الأوروبية", "رحب بموقف مصر").
ACT_OWNER_NOUNS = word_set(_WORDS["act_owner_nouns"])
# Words of a leader phrase inside an actor's name (التحالف بقيادة السعودية).
LED_BY = word_set(_WORDS["led_by"])
CLAUSE_COMMAS = tuple(_WORDS["clause_commas"])


def _fronted_subject(cand, words, norms, slots, text) -> Slot | None:
    """A subject set before its verb by إن / كان: "إن حركة طالبان اختطفت حاكم منطقة"."""
    i = cand.i
    for s in slots:
        if s.prep is not None or s.adjectival or s.actor is None or s.sector in ("CVL", None):
            continue
        gap = norms[s.j:i]
        if s.j > i or len(gap) > 2 or any(w not in QAD and w not in SKIP_AFTER_VERB for w in gap):
            continue
        if s.i > 0 and norms[s.i - 1] in SVO_OPENERS and gap_ok(words, s.i - 1, i, text):
            return s
    return None


# كان before a fronted subject: "وكانت X قد أطلقت".
KANA = word_set(_WORDS["kana"])
# Nouns of attacks and weapons: a nisba after one qualifies the attack ("هجوم انتحاري"), it is
# not the object of the verb that follows.
INANIMATE_AGENTS = CAUSE_NOUNS | word_set(_WORDS["inanimate_agents"])


def _kana_subject(cand, words, norms, slots, text) -> Slot | None:
    """"وكانت «كتائب عز الدين القسام»، الجناح العسكري لحركة حماس قد أطلقت …": the subject of
    كان … قد + perfect, however long its apposition."""
    i = cand.i
    if i < 2 or norms[i - 1] not in QAD:
        return None
    for k in range(i - 2, max(-1, i - 16), -1):
        if any(ch in text[words[k].end:words[k + 1].start] for ch in ".;:!?؟"):
            return None
        if norms[k] in KANA:
            k2 = k + 1
            while k2 < i and norms[k2] in SKIP_AFTER_VERB:
                k2 += 1
            return next((s for s in slots if s.i == k2 and s.prep is None and s.j < i), None)
    return None


# Object pronouns on a verb (شنتها، استهدفه، قتلهم): in a relative clause, its antecedent.
OBJECT_SUFFIXES = tuple(_WORDS["object_suffixes"].split())
# The suffixes of them that no verb stem ends with (ه may be the stem's own letter: وجه، نبه).
PLAIN_OBJECT_SUFFIXES = tuple(_WORDS["plain_object_suffixes"].split())
# Coordinating proclitics: a verb after one may share the subject of the verb before.
COORD_PROCLITICS = tuple(_WORDS["coord_proclitics"].split())
# Prepositions that carry such a pronoun after the verb (دعا إليها، أطلق عليه).
_PRONOUN_PREPS = tuple(_WORDS["pronoun_preps"].split())
_PRONOUN_FORMS = OBJECT_SUFFIXES + tuple(_WORDS["pronoun_after_ya"].split())
# The oblique ending of a sound masculine plural (الحوثيين), never a subject's.
OBLIQUE_PLURAL = _WORDS["oblique_plural"]


def _prep_pronoun(w: str) -> bool:
    """A preposition with an attached pronoun: اليها، عليه، فيهم، بها، لهم."""
    return w.endswith(OBJECT_SUFFIXES) and any(
        w.startswith(p) and w[len(p):] in _PRONOUN_FORMS for p in _PRONOUN_PREPS)


def own_form(cand, word: str) -> bool:
    """Is the word (proclitics peeled) a form of the trigger's lexeme, its ending the stem's
    own letters (اتهم، ساهم) and no object pronoun?"""
    return any(f.lexeme is cand.lexeme for f in load_lexicon().single.get(word, ()))


def subject_of(cand, words, norms, slots, text) -> tuple[Slot | None, str]:
    i, j = cand.i, cand.j
    fronted = _fronted_subject(cand, words, norms, slots, text)
    if fronted is not None:
        return fronted, "svo-fronted"
    kana = _kana_subject(cand, words, norms, slots, text)
    if kana is not None:
        return kana, "svo-fronted"
    rel = i - 2 if i > 2 and norms[i - 1] in KANA and norms[i - 2] in RELATIVES else i - 1
    if rel > 0 and norms[rel] in RELATIVES and not norms[i].endswith(OBJECT_SUFFIXES) \
            and not (j < len(norms) and _prep_pronoun(norms[j])):
        # "للقوات الاميركية التي تقاتل طالبان": a relative clause's verb with no pronoun for its
        # antecedent (شنتها، دعا إليها) has the antecedent as subject, whatever governs it
        ante = next((s for s in slots if s.j == rel and not s.adjectival), None)  # ("التي كانت تطالب")
        if ante is not None and (ante.actor is not None or ante.sector) and ante.mention not in TOWN_KINDS:
            return ante, "relative"
    if i > 0 and (norms[i - 1] in ANNA_PRONOUN or i > 1 and norms[i - 1] in QAD and norms[i - 2] in ANNA_PRONOUN):
        return None, "pronoun"  # "انها قتلت ثلاثة جنود": the pronoun is the subject, the rest its object
    if cand.proclitics[:1] in COORD_PROCLITICS and norms[i].endswith(PLAIN_OBJECT_SUFFIXES) and i > 0 \
            and not own_form(cand, norms[i][len(cand.proclitics):]) and any(sl.j == i and sl.prep is None and not sl.adjectival for sl in slots):
        # "وانتقد أردوغان الولايات المتحدة واتهمها بـ…": the phrase before a coordinated verb
        # with an object pronoun is the pronoun's antecedent (the object), not the subject,
        # which the verb shares with the verb it is coordinated to (args.py reads the object)
        return None, "coordinated-object"
    # VSO: an actor right after the verb (time words may stand between). A verb that carries
    # a plural subject (اختطفوا، يقتلون) agrees with a subject before it, so what follows is
    # its object.
    for s in slots:
        # SVO with the subject right before its verb ("إسرائيل تغتال 5 من جيش الإسلام"): what
        # follows the verb is its object, however it is counted
        if s.prep is None and not s.adjectival and s.j <= i and all(
                w in QAD for w in norms[s.j:i]) and s.end <= words[i].start and \
                not text[s.end:words[i].start].translate(_NO_SPACE).strip():
            return s, "svo-adjacent"
    fem = feminine_verb(cand, norms)
    subj, how = verb_first_subject(cand, words, norms, slots, text, fem)
    if subj is not None:
        return subj, how
    return _verb_last_subject(cand, words, norms, slots, text, fem, how == "agreement")


def verb_first_subject(cand, words, norms, slots, text, fem: bool) -> tuple[Slot | None, str]:
    """VSO: the actor right after the verb, past time words, a title head or a quantity."""
    j = cand.j
    k = j if not cand.plural else len(norms)
    masc = not fem and masculine_verb(cand, words, norms, text)
    while k < len(norms) and k < j + 3 and (norms[k] in SKIP_AFTER_VERB or k == j and _prep_pronoun(norms[k]) and not (
            k + 1 < len(norms) and norms[k + 1].startswith(ARTICLE) and norms[k + 1].endswith(OBLIQUE_PLURAL))):
        # (and a pronoun's preposition: "ندد بها المجتمع الدولي", "رحب به الجمهوريون"; a plural
        # in the oblique case after it is the object: "بياناً دعا فيه الحوثيين"; a name may end so: بكين)
        k += 1
    k0 = k
    for s in slots:
        # (_is_man is tested last: it scans the sentence's slots)
        if s.i == k0 and s.prep is None and k0 < len(norms) and (gap_ok(words, j - 1, s.i, text)
                                                               or quoted_name(words, j - 1, s.i, s.j, text)):
            if fem and s.i >= j and is_man(s, slots, norms):
                continue  # "فقتلت المدرس": a feminine verb's subject is no man; he is its object
            if masc and feminine_slot(s, words, norms) or oblique_plural(s, words):
                return None, "agreement"  # "وطالب الجزائر بتحمل …": a masculine verb's object
            if s.j == s.i + 1 and (titled := _title_subject(k0, words, norms, slots, text)) is not None:
                return titled, "vso-title"  # "اتهم رئيس مركز المصالحة الروسي …": the title's phrase
            return s, "vso"
    titled = _title_subject(k0, words, norms, slots, text)
    if titled is not None:
        return titled, "vso-title"
    quant = False
    while k < len(norms) and k < j + 5 and (norms[k] in QUANTIFIERS or norms[k].isdigit()):
        k += 1
        quant = True
    kq, q2 = skip_quantity(norms, k)
    if q2:
        k, quant = kq, True
    for s in slots:
        if s.i == k and (s.prep is None or (quant and s.prep == "من")) and gap_ok(words, j - 1, s.i, text) \
                or quant and s.i == k + 1 and norms[k] == "من" and gap_ok(words, j - 1, s.i, text):
            if fem and s.i >= j and is_man(s, slots, norms):
                continue
            return s, "vso"
    return None, ""


def _verb_last_subject(cand, words, norms, slots, text, fem: bool, objected: bool) -> tuple[Slot | None, str]:
    """SVO: the nearest free actor before the verb in the same clause, else the subject of the
    clause a coordinated verb (or a time clause's verb whose object agreement told) is joined to."""
    i = cand.i
    best = None
    for s in slots:
        if s.j <= i and i - s.j <= 6 and s.prep is None and not s.adjectival \
                and (gap_ok(words, s.j - 1, i, text) or s.j == i and quoted_verb_gap(words, s.j - 1, i, text)) \
                and not (fem and is_man(s, slots, norms)) and not _closed_patient(s, norms, words, i, text) \
                and not _one_for_many(cand, s, norms) and not (objected and s.mention in TOWN_KINDS):
            best = s  # ("سيارة مفخخة استهدفت موكبه" after "وزير الدفاع الياس المر": not he)
    if best is not None:
        prev = next((s for s in slots if s.j == best.i and s.prep is None and not s.adjectival), None)
        if prev is not None and (prev.sector or prev.country) and words[best.i].norm[:1] == "و" and best.prep is None \
                and RELATIVES.isdisjoint(norms[best.j:i]):
            best = prev  # "ضابط شرطة وجنديا من الجيش اختطفا": the first conjunct heads the subject
        return best, "svo"
    if cand.proclitics[:1] in ("و", "ف") or objected and temporal_clause(i, norms) \
            or i > 0 and norms[i - 1] in JOINING_WORDS:
        # a coordinated verb shares the subject of the clause it is joined to
        # ("رفضت غينيا … دخول سيغيف …، واستجابت لطلب الشرطة"), and so does a verb of a time
        # clause whose subject is no actor after it ("غادر ولي العهد … بعد أن زار القوات
        # السعودية"; not "بعد أن هدد حزبان بإسقاط الحكومة"), and a verb after لكن / ثم
        # ("قد أخلت سبيل القس لكن وضعته رهن الإقامة الجبرية")
        first = next((s for s in slots if s.j <= i and s.prep is None and not s.adjectival
                      and s.mention not in TOWN_KINDS  # a town names no doer
                      and not _one_for_many(cand, s, norms)), None)
        if first is not None:
            return first, "coordinated"
    return None, ""


def _one_for_many(cand, s: Slot, norms: list[str]) -> bool:
    """A plural verb ("وطلبوا منه") has no single person for subject: "حزب الرئيس الراحل …
    دفع المبلغ، وطلبوا": the plural actor named before, not the man."""
    if not cand.plural or s.i > 0 and (norms[s.i - 1].isdigit() or norms[s.i - 1] in QUANTIFIERS
                                               or norms[s.i - 1] in QTY_SKIP):
        return False  # "أكثر من 30 مسلحا … قتلوا": a counted noun is many
    return s.mention is MentionKind.PERSON or s.kind == "PER" or masculine_singular(s, norms)


def _title_subject(k0, words, norms, slots, text) -> Slot | None:
    """"دعا زعيم تنظيم القاعدة أيمن الظواهري", "اتهمت المندوبة الأمريكية القوات الروسية": a
    title head right after the verb, which no slot covers, opens the subject; the slot is the
    first actor of its phrase (its genitive or nisba), or the person named after it."""
    if k0 >= len(norms) or bare_word(norms[k0]) not in SUBJECT_HEADS:
        return None
    head = next((s for s in slots if s.i <= k0 < s.j), None)
    if head is not None and head.j != k0 + 1:
        return None  # (a title inside a longer name: the name's slot is the subject)
    reach = k0 + 1 if head is not None else k0 + 4  # a lone title word slot: its genitive right after it
    phrase = [s for s in slots if k0 < s.i <= reach and s.prep is None and gap_ok(words, k0, s.i, text)]
    if not phrase:
        return None
    first = phrase[0]
    if first.mention in LOCAL_PLACES and first.country and bare_word(norms[k0]) in LOCAL_OFFICES:
        # "ودعا محافظ البصرة": the governor (the state's local government), not the town
        return Slot(k0, first.j, words[k0].start, first.end, sector="GOV", country=first.country,
                    name=text[words[k0].start:first.end])
    # a person named right after the body ("زعيم تنظيم القاعدة أيمن الظواهري") is the speaker, or
    # apposed between commas ("رئيس مركز المصالحة الروسي في سوريا، فلاديمير سافتشينكو، …")
    person = next((s for s in slots if s.i == first.j and s.prep is None and s.mention is MentionKind.PERSON), None)
    return person or _apposed_person(first, slots, words, text) or first


def _apposed_person(body: Slot, slots: list[Slot], words, text) -> Slot | None:
    """The person apposed to a title's body past its place phrase and adjectives, right after it
    ("السفير الأميركي ببرلين ريتشارد غرينيل") or between commas ("رئيس مركز المصالحة الروسي في
    سوريا، فلاديمير سافتشينكو،"، "رئيس الحكومة اللبنانية المكلف، سعد الحريري،")."""
    end = body.j
    # (the preposition written apart, "في سوريا", or as a proclitic, "ببرلين")
    place = next((s for s in slots if s.prep is not None and s.mention in PLACE_KINDS
                  and (s.i == end or s.i == end + 1 and words[end].norm == s.prep)), None)
    if place is not None:
        end = place.j
    for _ in range(2):  # the body's own adjectives ("الحزب الديمقراطي الكردستاني الإيراني المعارض،")
        if end < len(words) and words[end].norm.startswith(ARTICLE) and not text[words[end - 1].end:words[end].start].strip():
            end += 1
    if end >= len(words):
        return None
    gap = text[words[end - 1].end:words[end].start].strip()
    person = next((s for s in slots if s.i == end and s.prep is None and (s.mention is MentionKind.PERSON or s.kind == "PER")), None)
    if person is None or gap not in ("", ",", "،") or (gap and person.j >= len(words)):
        return None
    return person if not gap or text[words[person.j - 1].end:words[person.j].start].strip() in (",", "،") else None


def appositive_end(subj: Slot, slots: list[Slot], words, text) -> int:
    """The word after a subject and its apposed title or name ("وزير الخارجية الفرنسي جان إيف
    لودريان", "نيكي هايلي، المندوبة الأمريكية"): the same actor, adjacent, or a person right after
    a title."""
    end = subj.j
    for s in slots:
        if s.i < end:
            continue
        if s.i > end or s.prep is not None:
            break
        if s.actor is not None and s.actor == subj.actor or s.mention is MentionKind.PERSON and subj.mention is MentionKind.TITLE_NAME \
                or s.pro[:1] == "و" and not s.adjectival:
            end = s.j  # (and the conjuncts of a coordinated subject: "واشنطن ولندن وباريس")
    return _titled_apposition(subj, end, words, text)


def _titled_apposition(subj: Slot, end: int, words, text) -> int:
    """Past a person's title apposed between commas ("حذرت سارة ساندرز، المتحدثة باسم البيت
    الأبيض، إيران …"): the body the title names is no object of the verb."""
    if subj.mention not in (MentionKind.PERSON, MentionKind.TITLE_NAME) or end >= len(words) \
            or text[words[end - 1].end:words[end].start].strip() not in (",", "،") \
            or bare_word(words[end].norm) not in SUBJECT_HEADS:
        return end
    for k in range(end + 1, min(len(words), end + APPOSITION_REACH)):
        if text[words[k - 1].end:words[k].start].strip() in (",", "،"):
            return k
    return end


def conjuncts(head: Slot, slots: list[Slot], norms: list[str] | None = None, text: str = "") -> list[Slot]:
    """The actors coordinated to a slot by و ("السعودية والإمارات والبحرين"), each after the
    one before it or its apposed name; none right after a leader phrase that ends the slot
    ("التحالف بقيادة السعودية والإمارات": the two lead the coalition, they are no further
    agents; "بقيادة السعودية، والمقاومة اليمنية" after a comma is one)."""
    led = norms is not None and not LED_BY.isdisjoint(norms[head.i + 1:head.j])
    out: list[Slot] = []
    last, end = head, head.j
    for s in slots:
        if s.i < end:
            continue
        if s.i > end:
            break
        if led and last is head and not any(ch in text[head.end:s.start] for ch in CLAUSE_COMMAS):
            break
        if s.prep is None and s.pro[:1] == "و" and not s.adjectival and s.actor != last.actor:
            out.append(s)
        elif not (s.actor is not None and s.actor == last.actor and s.prep is None):
            break
        last, end = s, s.j
    return out


def object_of(cand, words, slots, after_from, text) -> Slot | None:
    if cand.lexeme.patient == FROM_ONLY:
        return framed_object(cand, words, slots, after_from, text)
    j = cand.j
    norms = [w.norm for w in words]
    kq, quant = skip_quantity(norms, after_from)
    # (past a subject after the verb, the object's clause is checked from the subject's end: a
    # subject in quotation marks, "اتهم "المجلس الوطني …" النظام الإيراني", closes its own marks)
    gap_from = after_from if after_from > j and quoted_name(words, j - 1, j, after_from, text) else j - 1
    for s in slots:
        if s.i < after_from or s.i > after_from + 6:
            continue
        if s.adjectival and s.i > 0 and bare_word(norms[s.i - 1]) in INANIMATE_AGENTS:
            continue  # "هجوم انتحاري": a quality of the attack, not whom it hit
        if not gap_ok(words, gap_from, s.i, text):
            break
        if s.prep is None and s.i > 0 and norms[s.i - 1] in MEDIA and not norms[s.i].startswith(ARTICLE) \
                and is_nisba(norms[s.i]):
            continue  # "في بيان صحفي"، "في مؤتمر صحفي": the medium's adjective, no journalist
        if s.prep is None and _in_prep_phrase(cand, words, norms, slots, after_from, s.i):
            continue  # "يطالب بوقف الأعمال العسكرية في أنحاء سوريا": a genitive in a phrase after في
        if s.prep == "ل" and _lam_of_phrase_noun(cand, norms, slots, after_from, s.i):
            continue  # "دعا خلال جلسة طارئة لمجلس الأمن …": the session's, not whom he called on
        if s.prep is None or s.prep in TARGET_PREPS or s.prep == "ل" or (quant and s.prep == "من" and s.i <= kq + 1):
            return s
        if s.prep and cand.lexeme.mutual and s.prep in cand.lexeme.patient and not s.adjectival:
            return s  # "اشتبك مسلحون مع قوات الأمن في العريش": the other party, not the place after
    if cand.lexeme.mutual:
        # a meeting, a visit, an agreement: its counterpart after the frame's preposition, past
        # the subject ("ووصل وزير الخارجية … إلى الرياض", "مستعد لعقد اجتماع مع …")
        return prep_target(words, slots, max(j, after_from), text, frame=cand.lexeme.patient)
    return prep_target(words, slots, j, text)


def _lam_of_phrase_noun(cand, norms: list[str], slots, start: int, i: int) -> bool:
    """Is the لـ slot at ``i`` the owner of a noun a preposition governs, one adjective at most
    between ("خلال جلسة طارئة لمجلس الأمن"، "في هجوم لحركة طالبان")? Not after a recipient's
    preposition ("على مقر للجيش": the army is hit), a medium ("في رسالة لـ": its addressee) or
    the verb's own frame."""
    for k in (i - 2, i - 3):
        if k < start or norms[k] not in PREPS or norms[k] in TARGET_PREPS or norms[k] in cand.lexeme.patient:
            continue
        nouns = range(k + 1, i)
        return not any(norms[n] in MEDIA or any(sl.i <= n < sl.j for sl in slots) for n in nouns)
    return False


def _in_prep_phrase(cand, words, norms: list[str], slots, start: int, i: int) -> bool:
    """Is the slot at ``i`` the genitive of a noun a preposition of place or topic governs ("في
    أنحاء سوريا"، "على حدود تركيا"), not the verb's object? The noun is a common noun (no actor,
    no article, no pronoun suffix, no count: "ويتهم نجم في أحد منشوراته الأسد"، "من أسمرة أديس
    أبابا") and no medium ("في بيان الاحتلال"); the preposition is none of the verb's own frame."""
    if i - 2 < start or norms[i - 2] not in PHRASE_PREPS or norms[i - 2] in cand.lexeme.patient:
        return False
    head, raw = norms[i - 1], words[i - 1].text
    if len(head) < 3 or head.startswith(ARTICLE) or raw.endswith(ENCLITICS) or head in QTY_SKIP or head.isdigit() \
            or head in MEDIA:
        return False
    return not any(sl.i <= i - 1 < sl.j for sl in slots)


def prep_target(words, slots, j, text, exclude=None, frame: tuple[str, ...] = ()) -> Slot | None:
    """The recipient after على / ضد / بحق … (or a close لـ: "صواريخها للقواعد"), or after a
    preposition of the predicate's own frame (``frame``: "وقوف إيران مع قطر", "محادثات مع …")."""
    for s in slots:
        if s is exclude or s.i < j or s.i > j + 8:
            continue
        if not gap_ok(words, j - 1, s.i, text):
            break
        if s.prep in TARGET_PREPS or (s.prep == "ل" and s.i - j <= 2) or (s.prep and s.prep in frame):
            return s
        if frame and s.prep is None and s.i - j <= 2 and s.i > 0 and _act_owner(words[s.i - 1].norm, frame):
            return s
    return None


def _act_owner(norm: str, frame: tuple[str, ...]) -> bool:
    """لقرار / بموقف …: a preposition of the frame on a noun of an actor's act."""
    return norm[:1] in frame and (norm[1:] in ACT_OWNER_NOUNS or norm[1:3] == "ال" and norm[3:] in ACT_OWNER_NOUNS)


def looks_verbal(norm: str) -> bool:
    return norm[:1] in "يت" or norm.endswith(("وا", "ت"))


def _closed_patient(s: Slot, norms: list[str], words, i: int, text: str) -> bool:
    """The victims of a casualty verb before them, their clause closed by a comma ("وأصيب
    تسعة آخرين، خلال حادث وقع أثناء تدريبات"): no subject of a verb after that comma."""
    k = s.i - 1
    while k > 0 and words[k].start >= s.start:
        k -= 1  # past the count its span holds ("تسعة آخرين")
    return k >= 0 and bare_word(norms[k]) in CASUALTY_VERBS and any(c in text[s.end:words[i].start] for c in ",،")

