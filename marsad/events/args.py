"""Source and target of an event from the clause around its trigger.

Arabic word order and function words decide the roles: the subject follows a verb (VSO) or
precedes it (SVO); a passive verb's subject is the recipient and its agent follows من قبل / على
يد; a verbal noun's genitive is its object (اغتيال الوزير) or its agent (هجمات الفصائل) by
lexeme; a nisba adjective after an event noun is its agent (الغارات الأميركية); a relative clause
names the agent (الغزو الذي قادته الولايات المتحدة); على / ضد / بحق introduce the recipient.
Actor positions ("slots") come from the actors layer's mentions, and otherwise from a small
lexicon of generic participants (مسلحون، متظاهرون، الشرطة …) coded by PLOVER sector.

The parts: ``events_args_slots`` (where the participants stand), ``events_args_order`` (subject
and object by word order), ``events_args_passive`` (passives and their agents),
``events_args_nominal`` (verbal nouns: support verbs, relative clauses), ``events_args_targets``
(type-specific rules for ASSAULT and PROTEST) and ``events_args_words`` (shared word lists);
this module picks the reading for a trigger and applies the type-specific fallbacks.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from marsad import resources
from marsad.actors.kinds import REPORTER_SECTORS
from marsad.doc import MentionKind, Token
from marsad.events.args_affiliation import facility_object
from marsad.events.args_backed import backed
from marsad.events.args_counts import accusative_others, counted_patient
from marsad.events.args_means import means_owner
from marsad.events.args_mutual import between as _between
from marsad.events.args_nominal import (
    EXPOSED_TO,
    EXPOSURE_VERBS,
    GEN_OBJECT,
    VICTIM_SUPPORT,
    agent_support,
    agentive_support,
    announcer,
    gen_lam_pair,
    lam_agent,
    means_agent,
    possessed_noun,
    relative_target,
    speech_gen_agent,
    support_subject,
    topic_of,
    yield_addressee,
)
from marsad.events.args_object import owner_target
from marsad.events.args_order import (
    OBJECT_SUFFIXES,
    appositive_end,
    conjuncts,
    looks_verbal,
    object_of,
    prep_target,
    subject_of,
)
from marsad.events.args_passive import (
    ANNA_PRONOUN,
    PASSIVE_PRONE,
    agent_after,
    is_passive,
    no_object,
    passive_agent_marker,
)
from marsad.events.args_relative import (
    carries_object,
    pronoun_antecedent,
    relative_object,
    suffixed_verb,
)
from marsad.events.args_slot_words import (
    MEMBER_IN_NOUNS,
)
from marsad.events.args_slots import (
    Slot,
)
from marsad.events.args_support import support_args
from marsad.events.args_targets import (
    CASUALTY_WORDS,
    LAUNCH_LEXEMES,
    casualty_target,
    claim_source,
    far_target,
    launch_places,
    nearest_recipient,
    passing_target,
    protest_object,
    protest_target,
    topic_nisba,
)
from marsad.events.args_words import (
    SOURCE_PREPS,
    TARGET_PREPS,
    bare_word,
    gap_ok,
    indefinite_noun,
    is_adjective,
    is_place,
    skip_quantity,
)
from marsad.events.lexicon import first_person
from marsad.events.triggers import Candidate


@dataclass(slots=True)
class Args:
    source: Slot | None = None
    target: Slot | None = None
    passive: bool = False
    rule: str = ""
    guessed: bool = False  # the target is only the nearest participant, no rule named it
    co_sources: list = field(default_factory=list)  # actors coordinated to the source
    co_targets: list = field(default_factory=list)  # and to the target: one event per pair


def find_args(cand: Candidate, words: list[Token], slots: list[Slot], text: str,
              norms: list[str] | None = None) -> Args:
    """``norms``: the words' normalised forms, when the caller has them (read only)."""
    if norms is None:
        norms = [w.norm for w in words]
    out = _find_args(cand, words, slots, text, norms)
    support_args(cand, words, norms, slots, text, out)  # backing, aid and deals (args_support)
    if not cand.lexeme.patient:
        out.target = None  # a predicate with no patient frame: "تنفي أنقرة استهداف المدنيين"
    if out.target is not None and is_place(out.target, norms):
        out.target, out.guessed = None, False  # "في اشتباكات … برداع": a town is where, not whom
    places, slots = slots, [s for s in slots if not is_place(s, norms)]  # (fallbacks: people and bodies)
    out.co_targets = [s for s in out.co_targets if not is_place(s, norms)]
    if cand.type == "PROTEST":
        # protest verbs are intransitive: the words after تجمع / تظاهر are its subject or place,
        # and whom it is against comes from ضد / على / أمام or the protesters' demand
        t = out.target
        if t is not None and (t.sector in ("CVL", "OPP", "LAB", "EDU") or t.prep not in TARGET_PREPS):
            t = None
        out.target = t or protest_target(norms, slots, cand.j, exclude=out.source) or \
            protest_object(norms, slots, words, text, exclude=out.source)
    if cand.lexeme.mutual and (out.source is None or out.target is None):
        pair = _between(cand, norms, slots, out.source)
        if pair is not None:
            # "المحادثات بين وفد الفصائل والجانب الروسي", "مواجهات بين قوات الأمن ومسلحين":
            # talks, deals, meetings and clashes between two parties, each the other's counterpart
            out.source, out.target = pair if out.source in (None, pair[0], pair[1]) else (out.source, pair[0])
            out.rule = out.rule or "between"
    if cand.lexeme.kind == "verbal" and cand.lexeme.stance == "oppose" and "ب" in cand.lexeme.topic:
        nis = topic_nisba(cand, norms, slots, out.source)
        if nis is not None and nis is not out.source and (out.target is None or out.target.i > nis.i):
            out.target = nis  # "ندد بالقصف الروسي للمدنيين": Russia, not the civilians
    if cand.type == "ASSAULT" and cand.lexeme.id in LAUNCH_LEXEMES:
        origin, aim = launch_places(norms, places, cand.j, words, text)
        if out.source is None and origin is not None and origin is not out.target:
            out.source = origin  # "باطلاق صواريخ كاتيوشا من جنوب لبنان"
        if aim is not None and (out.target is None or out.target is origin):
            out.target = aim  # "في اتجاه شمال اسرائيل"
    if out.source is not None and counted_patient(words, norms, out.source, CASUALTY_WORDS):
        # "قُتل الشرطي … وأصيب اثنان آخران": a counted group a casualty word names is a victim
        out.source, out.target = None, out.target or out.source
    if cand.type == "ASSAULT" and (out.source is None or out.source.sector == "UAF" and out.rule == "nisba"):
        # a claim or an attribution names the agent better than "هجوم انتحاري"
        out.source = claim_source(norms, slots, exclude=out.target) or out.source
    if not out.passive and (fac := facility_object(cand, words)) is not None and (out.target is None or out.target.i > fac.i):
        out.target = fac  # "داهموا المستشفى": the building right after the verb is its object
    if out.target is None and cand.lexeme.kind == "verbal":
        out.target = owner_target(cand, words, norms, slots, text, out)  # "رفضت الخطة الأمريكية"
    if cand.type == "ASSAULT" and out.target is None and out.rule != "object-pronoun":  # (the pronoun is it)
        _assault_target(cand, words, slots, text, norms, out)
    return out


def _assault_target(cand: Candidate, words: list[Token], slots: list[Slot], text: str, norms: list[str],
                    out: Args) -> None:
    """The patient of an attack no frame gave one: a survivor, a passer-by, a casualty, a group
    after ضد / بحق, the nearest recipient, or the state attacked where nobody else is named."""
    sv = next((k for k in range(cand.i - 1, max(-1, cand.i - 11), -1)
               if bare_word(norms[k]) in VICTIM_SUPPORT), None)
    if sv is None and cand.i > 0 and (cand.proclitics[-1:] == "ل" or bare_word(norms[cand.i - 1]) in EXPOSED_TO):
        # "تعرضت وزيرة الدولة …، انجلينا مانج، …، لمحاولة اغتيال": the subject of تعرض,
        # however long its appositions, suffers the attack its لـ names
        sv = next((k for k in range(cand.i - 1, max(-1, cand.i - 25), -1)
                   if bare_word(norms[k]) in EXPOSURE_VERBS and gap_ok(words, k, cand.i, text)), None)
    if sv is not None and out.source is None:
        # "نجا قائد شرطة النجدة في بغداد، أمس، من محاولة اغتيال": the survivor is the target
        out.target = next((s for s in slots if sv < s.i < cand.i and s.prep is None), None)
    if out.target is None:
        out.target = passing_target(norms, slots, exclude=out.source)
    if out.target is None:
        out.target = casualty_target(norms, slots, exclude=out.source)
    if out.target is None:
        out.target = far_target(slots, cand.j, words, text, exclude=out.source)
    if out.target is None:
        out.target = nearest_recipient(slots, cand.j, exclude=out.source, norms=norms)
        out.guessed = out.target is not None
    if out.target is None and out.source is not None:
        # "نفذت إسرائيل ضربة جوية في سورية": a state attacked where nobody else is named
        out.target = next((s for s in slots if s.mention is MentionKind.COUNTRY and s.prep == "في" and cand.j <= s.i <= cand.j + 4
                           and s is not out.source and s.country != out.source.country
                           and gap_ok(words, cand.j - 1, s.i, text)), None)
        out.guessed = out.target is not None


def _find_args(cand: Candidate, words: list[Token], slots: list[Slot], text: str, norms: list[str]) -> Args:
    i, j = cand.i, cand.j
    if cand.lexeme.patient_before:
        src, tgt = backed(cand, words, norms, slots, text)
        return Args(source=src, target=tgt, rule="backed")
    if _circumstantial(cand, norms):
        # "…، متهمة إياها بـ…", "واصفا إياها بأنها …": a participle of the clause's verb; its
        # agent is that verb's (found by the stage), its patient the actor after it
        obj = next((s for s in slots if s.i == j and s.prep is None), None)
        if obj is None and j < len(norms) and norms[j] in SEPARATE_PRONOUNS:
            obj = pronoun_antecedent(cand, slots, NOT_ANTECEDENT_PREPS)
        if obj is None and cand.lexeme.mutual:
            # "مستعدة للدخول في مفاوضات مع …": the counterpart after the frame's preposition
            obj = prep_target(words, slots, j, text, frame=cand.lexeme.patient)
        return Args(target=obj, rule="hal")
    verbal = cand.cls in ("perf", "impf", "form") or (cand.cls == "phrase" and looks_verbal(norms[i]))
    if cand.cls == "perf" and cand.type in ("ASSAULT", "PROTEST") and (
            cand.definite or cand.proclitics[-1:] in ("ب", "ل", "ك")):
        verbal = False  # "اعمال القتل", "قاموا بقتل": the verbal noun, not the verb
    if cand.cls == "perf" and not cand.proclitics and not cand.definite and i > 0 and norms[i - 1] in NOUN_GOVERNORS:
        verbal = False  # "بعد رفض مالكه …": a preposition governs the verbal noun, no verb
    if cand.cls == "perf" and cand.lexeme.announced and j < len(norms) and norms[j][:1].isdigit() \
            and not bare_word(norms[i]).endswith(PERFECT_ENDINGS):
        # "القضاء على 30 إرهابيا وضبط 173 آخرين": a count after the bare stem follows the verbal
        # noun (a verb with an agreement ending, "اعتقلت 22 متظاهرا", stays a verb)
        verbal = False
    if verbal and first_person(bare_word(norms[i])):
        # "ندعو الدوحة إلى …", "نرفض …": the subject is "we", the speaker of the quotation (the
        # stage finds it); the phrase after the verb is its object, never its subject
        return Args(target=object_of(cand, words, slots, j, text), rule="first-person")
    agent = agent_after(norms, slots, j, words, text)
    if verbal:
        return _verbal_args(cand, words, slots, text, norms, agent)
    if cand.lexeme.id == "bitaawun":
        return _comitative(cand, slots)
    return _nominal_args(cand, words, slots, text, norms, agent)


def _verbal_args(cand: Candidate, words: list[Token], slots: list[Slot], text: str, norms: list[str],
                 agent: Slot | None) -> Args:
    """Subject and object of a verb (active or passive), or of a verbal phrase."""
    i, j = cand.i, cand.j
    out = Args()
    passive = is_passive(cand, words, norms, slots, text) or (
        agent is not None and passive_agent_marker(norms, j))
    out.passive = passive
    if not passive and cand.cls == "perf" and cand.lexeme.id in PASSIVE_PRONE and \
            no_object(cand, words, norms, text) and not (i > 0 and norms[i - 1] in ANNA_PRONOUN):
        # a transitive verb of harm with no object after it is passive: "جنديا أميركيا قتل
        # وأصيب 10 آخرون", "خمسة اشخاص على الأقل قتلوا في هجوم", "جرح وزير الدفاع … في
        # تفجير" (roles only: the filter's "passive" feature stays the marked passive)
        passive = True
    rel = None if passive else relative_object(cand, norms, slots)
    if rel is not None:
        out.source, out.target, out.rule = rel[0], rel[1], "relative-object"
        return out
    if not passive and (sv := suffixed_verb(cand, words, norms, slots, text)) is not None:
        out.source, out.target, out.rule = sv[0], sv[1], "vso"
        _coordination(out, cand, words, norms, slots, text)  # "ما ناقشه ترامب وبوتين"
        out.rule = "object-pronoun"
        return out
    subj, subj_rule = subject_of(cand, words, norms, slots, text)
    if subj_rule == "coordinated-object":
        out.rule = subj_rule
        out.target = next(sl for sl in slots if sl.j == i and sl.prep is None and not sl.adjectival)
        return out
    if not passive and subj is not None and subj.i >= j and accusative_others(norms, subj):
        subj, subj_rule = None, ""  # "واعتقلت خمسة آخرين": the counted others are its object
    if passive:
        out.target = subj
        out.source = agent
        out.rule = "passive" if out.passive else "passive-noobj"
    else:
        out.source = subj
        out.rule = subj_rule
        after_from = appositive_end(subj, slots, words, text) if subj is not None and subj.i >= j else j
        out.target = object_of(cand, words, slots, after_from, text)
        if out.source is None and agent is not None:
            out.source = agent
        owner = None if subj is not None and subj.i < j else means_owner(cand, norms, slots)
        if owner is not None:  # "قصفت دبابات الجيش الإسرائيلي موقعين": the army's tanks
            after = object_of(cand, words, slots, owner.j, text)
            out.source, out.target, out.rule = owner, after if after is None or not after.adjectival else None, "means-owner"
        _coordination(out, cand, words, norms, slots, text)
        if subj is not None and subj.i >= j and subj.prep is None and cand.cls == "perf" \
                and cand.lexeme.id in PASSIVE_PRONE and agent is None and subj_rule == "vso" \
                and (out.target is None or out.target.prep is not None
                     or any(c in text[subj.end:out.target.start] for c in ",،")) and not norms[i].endswith(OBJECT_SUFFIXES) \
                and (_member_phrase(norms, subj) or subj.mention is MentionKind.PERSON or subj.kind == "PER"):
            # "قتل القيادي في مليشيات الحوثي": a leader or member a verb of harm names, with no
            # object after him (a name after a comma is his apposition), is its victim (قُتل)
            out.source, out.target, out.rule = None, subj, "passive-noobj"
    if out.target is None and cand.type in ("REQUEST", "REJECT"):
        out.target = yield_addressee(norms, slots, j, exclude=out.source)
    return out


def _comitative(cand: Candidate, slots: list[Slot]) -> Args:
    i, j = cand.i, cand.j
    out = Args()
    # "X … بالتعاون مع Y": the clause's actor works with the one after مع
    out.target = next((s for s in slots if j <= s.i <= j + 2), None)
    before = [s for s in slots if s.j <= i and i - s.j <= 12 and s.prep is None and not s.adjectival]
    out.source = before[-1] if before else None
    out.rule = "comitative"
    return out


def _nominal_args(cand: Candidate, words: list[Token], slots: list[Slot], text: str, norms: list[str],
                  agent: Slot | None) -> Args:
    """Agent and patient of a nominal trigger: genitive, nisba, لـ, support verb, relative clause."""
    i, j = cand.i, cand.j
    out = Args()
    # "خلال زيارته إسرائيل": a meeting noun whose agent is its suffix takes the phrase after it as object
    possessed = cand.lexeme.mutual and cand.cls == "noun" and possessed_noun(cand, norms[i])
    gen_object = cand.lexeme.key in GEN_OBJECT or cand.lexeme.announced or possessed
    jq, _ = skip_quantity(norms, j)
    gen = next((s for s in slots if s.i in (j, jq) or (s.i == j + 1 and s.adjectival)), None)
    gen_object = gen_object and not speech_gen_agent(cand, gen, norms)
    if gen is not None and cand.cls == "noun" and j == i + 1 and indefinite_noun(norms[i]):
        gen = None  # "قدمت دعما عسكريا للقوات": an indefinite accusative noun has no genitive
    adj = next((s for s in slots if s.adjectival and "ل" not in s.pro and j <= s.i <= j + 2
                and all(is_adjective(norms[k]) for k in range(j, s.i))
                and not (gen_object and (s.sector == "CVL" or s.mention is MentionKind.NATIONALS))), None)
    lam = next((s for s in slots if s.prep == "ل" and j <= s.i <= j + 2
                and all(is_adjective(norms[k]) or norms[k].endswith("ا") for k in range(j, s.i))), None)
    if agent is not None:
        out.source, out.rule = agent, "agent"
    elif (pair := gen_lam_pair(cand, gen, slots, norms, words, text)) is not None:
        (out.source, out.target), out.rule = pair, "gen-lam"
    elif lam_agent(cand, lam):
        out.source, out.rule = lam, "lam-genitive"
    elif adj is not None:
        out.source, out.rule = adj, "nisba"
    elif (means := means_agent(cand, norms, slots)) is not None:
        out.source, out.rule = means, "means"
    elif gen is not None and gen.prep is None and not gen_object:
        out.source, out.rule = gen, "genitive"
    if out.source is None:
        _support_source(cand, words, slots, text, norms, out)
    if gen is not None and (gen.prep is None or (gen.i == jq and jq > j and gen.prep not in SOURCE_PREPS)) \
            and gen_object and gen is not out.source and out.rule != "means":  # (the genitive is the weapon)
        out.target = gen
    sv = cand.feats.get("support")
    if sv is not None and bare_word(norms[sv]) in VICTIM_SUPPORT and out.rule == "support":
        out.source, out.target, out.rule = None, out.source, "victim"
    # (the recipient comes after an agent named by its aircraft: "غارات لطيران التحالف على …")
    tj = out.source.j if out.rule == "means" else j
    if out.target is None:
        out.target = relative_target(norms, slots, tj, words, text, exclude=out.source)
    if out.target is None:
        out.target = prep_target(words, slots, tj, text, exclude=out.source, frame=cand.lexeme.patient)
    if out.source is None and cand.lexeme.kind == "verbal":
        out.source = topic_of(slots, words, cand.i, text)
        if out.source is not None:
            out.rule = "topic"
    if out.target is None and cand.type in ("REQUEST", "REJECT"):
        out.target = yield_addressee(norms, slots, j, exclude=out.source)
    if out.source is None and (possessed or cand.lexeme.mutual and out.target is not None and out.target.prep in WITH
                               and out.target.sector not in REPORTER_SECTORS):  # (a talk with a channel is an interview)
        # "زيارته …", and "صرح ظريف بعد اجتماع مع موغيريني", "بومبيو في الرياض لإجراء محادثات
        # مع الملك": the meeting's other party is the clause's subject
        out.source = _suffix_antecedent(cand, words, slots, text)
        # ("جاء ذلك خلال لقائه …", no actor before it: the suffix is the agent last named, the stage's)
        alone = possessed and norms[0] in DISCOURSE_OPENERS and not any(s.actor is not None and s.j <= cand.i for s in slots)
        out.rule = "suffix" if out.source is not None or alone else out.rule
    return out


def _support_source(cand: Candidate, words: list[Token], slots: list[Slot], text: str, norms: list[str],
                    out: Args) -> None:
    """A verbal noun's agent as the subject of the verb that carries it ("شنت القوات هجوما"),
    or of the verb that announces it ("أعلن الجيش القضاء على …")."""
    sv0 = cand.feats.get("support")
    if sv0 is not None and agentive_support(bare_word(norms[sv0]), cand.type):
        out.source = support_subject(cand, words, norms, slots, text)
        if out.source is not None:
            out.rule = "support"
    if out.source is None and cand.proclitics[-1:] in ("ب", "") and (sa := agent_support(cand, words, norms, text)) is not None:
        out.source = support_subject(cand, words, norms, slots, text, sa)
        if out.source is not None:
            out.rule = "support"
    if out.source is None and cand.lexeme.announced and not words[cand.i].text.endswith(("ه", "ها", "هم")) \
            and (sa := announcer(cand, norms)) is not None:
        # (a pronoun suffix names another agent: "أعلنت الشرطة اسم المشتبه فيه باحتجازه رهائن";
        # read on the written word, where a final ة is no pronoun: "أمرا بإقالة الوزير")
        out.source = support_subject(cand, words, norms, slots, text, sa)
        out.rule = "announced" if out.source is not None else out.rule


# How far back (words) a meeting noun's pronoun suffix (زيارته) finds its antecedent.
SUFFIX_REACH = 8


def _suffix_antecedent(cand: Candidate, words, slots, text) -> Slot | None:
    """"تصريح لدوق كامبريدج الأمير وليام الأربعاء خلال زيارته إسرائيل": the pronoun of the
    visit is the subject of its clause: the first named actor before it with no preposition
    (an object after a preposition, "سلمتهم لوزير الخارجية", or a destination is not)."""
    before = [s for s in slots if s.j <= cand.i and cand.i - s.j <= SUFFIX_REACH and s.actor is not None
              and not s.adjectival and s.prep is None and s.sector not in REPORTER_SECTORS  # "معارك مع …": a fighter
              and (cand.type != "ASSAULT" or s.sector in FIGHTER_SECTORS) and gap_ok(words, s.j - 1, cand.i, text)]
    return before[0] if before else None


def _coordination(out: Args, cand: Candidate, words, norms, slots, text) -> None:
    """Coordinated actors after the verb, and the verb whose subject is a pronoun.

    "اتهمت واشنطن ولندن وباريس دمشق": three sources. "واتهم السعودية والإمارات والبحرين بـ…":
    a verb that must take an object, followed by one actor phrase and then its topic (بـ), has
    that phrase for object; its subject is the pronoun (the speaker, found later)."""
    subj = out.source
    if subj is not None and subj.i >= cand.j and out.rule == "vso":
        co = conjuncts(subj, slots, norms, text)
        end = appositive_end(subj, slots, words, text)
        topic_next = end < len(norms) and norms[end][:1] == "ب" and "ب" in cand.lexeme.topic
        if cand.lexeme.object_first and topic_next and (out.target is None or out.target.i > end) \
                and not carries_object(cand, norms):
            out.source, out.target, out.rule = None, subj, "pronoun-subject"
            out.co_targets = co
            return
        out.co_sources = co
    if out.target is not None and out.target.prep is None:
        out.co_targets = conjuncts(out.target, slots, norms, text)


_WORDS = resources.read_yaml("events", "args.yaml")  # read once, at import
# Object pronouns standing alone after a participle ("متهمة إياها"): the clause's own patient.
SEPARATE_PRONOUNS = frozenset(_WORDS["separate_pronouns"].split())
NOUN_GOVERNORS = frozenset(_WORDS["noun_governors"].split())
NOT_ANTECEDENT_PREPS = frozenset(_WORDS["not_antecedent_preps"].split())
PLACE_IN = frozenset(_WORDS["place_in"].split())
PTCP_AFTER_CONJ = frozenset(_WORDS["participle_after_conj"].split())
PTCP_ENDINGS = tuple(_WORDS["participle_endings"].split())
PTCP_PREFIX = _WORDS["participle_prefix"]
PTCP_FORM1 = frozenset(_WORDS["participle_form1"].split())


# The preposition of a meeting's counterpart (اجتماع مع …), and the sectors that report a
# meeting rather than hold it (a news agency quoting a minister).
WITH = frozenset(_WORDS["with"].split())
DISCOURSE_OPENERS = frozenset(_WORDS["discourse_openers"].split())  # "جاء ذلك خلال لقائه …"
FIGHTER_SECTORS = frozenset(_WORDS["fighter_sectors"].split())
# Endings of a perfect verb that its verbal noun never has.
PERFECT_ENDINGS = tuple(_WORDS["perfect_endings"].split())
def _circumstantial(cand: Candidate, norms: list[str]) -> bool:
    """An accusative active participle (متهما، مهددة، داعية، واصفا، محذرا): a حال of a verb."""
    if cand.cls not in ("form", "ptcp") or cand.j - cand.i != 1:
        return False
    w = norms[cand.i]
    if cand.proclitics:  # "واعتقلته" is و + a verb, not a participle in وا (واصفا)
        w = w[len(cand.proclitics):]
    elif w[:1] in "وف" and w[1:2] in PTCP_AFTER_CONJ:
        w = w[1:]
    return w.endswith(PTCP_ENDINGS) and (w[:1] == PTCP_PREFIX or w[:2] in PTCP_FORM1)


def _member_phrase(norms: list[str], sl: Slot) -> bool:
    """The slot is a member or leader of a body ("القيادي في …", "عناصر من …")."""
    return bare_word(norms[sl.i]) in MEMBER_IN_NOUNS
