"""The two parties of a meeting, call or visit told in the shapes of news reports.

The general argument reader (args.py) reads a meeting verb with its subject and object. News
tells most meetings otherwise, and this pass, run on each sentence's CONSULT candidates after
the reader, supplies their parties:

- a received call or letter: "وتلقى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا من الرئيس
  الروسي": the caller (after من) is the source, the receiver the target;
- a possessed verbal noun whose possessor is the clause's subject, told after a fronted
  circumstantial phrase: "وخلال لقائه مع الرئيس المصري …، بحث الملك عبد الله": the king;
- the counterpart after مع (or ب right after the trigger or its subject): "وتباحث أمير قطر مع
  الرئيس الفرنسي": the French president, not قطر (the genitive of the subject's title);
- a meeting still to come ("لقائه المرتقب مع") is told in the future (an agreement to meet);
  a "meeting" with a channel or a paper is an interview, no consultation.
"""
from __future__ import annotations

from marsad import resources
from marsad.actors.kinds import REPORTER_SECTORS
from marsad.doc import Doc, Token
from marsad.events.args_mutual import BETWEEN, CONJUNCTION
from marsad.events.args_words import (
    RELATIVES,
    STRONG_PUNCT,
    bare_word,
    gap_ok,
    verb_before,
)
from marsad.text.normalize import word_set

_W = resources.read_yaml("events", "meetings.yaml")  # read once, at import
RECEIVE = word_set(_W["receive"])
FROM = word_set(_W["from"])
RECEIVE_REACH = int(_W["receive_reach"])
RECEIVED = frozenset(_W["received"].split())
SUFFIXES = tuple(sorted(_W["possessor_suffixes"].split(), key=len, reverse=True))
FRONTING = word_set(_W["fronting"])
WITH = word_set(_W["with"])
WITH_ADJACENT = word_set(_W["with_adjacent"])
WITH_REACH = int(_W["with_reach"])
NOUN_WITH_REACH = int(_W["noun_with_reach"])
FUTURE = word_set(_W["future_words"])
CLAUSE_WORDS = word_set(_W["clause_words"])
COUNTERPART_ONLY = frozenset(_W["counterpart_only"].split())
HOLD = word_set(_W["hold"])
JOINT_REACH = int(_W["joint_reach"])
GATHER = frozenset(_W["gather"].split())
GATHER_WITH = word_set(_W["gather_with"])
# a comma-like break ends a fronted phrase; strong punctuation ends the clause
_COMMA = ",،"
_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
INTERVIEW_REACH = 8  # words after an interview's trigger that tell its content
NOMINAL = frozenset({"noun", "form", "phrase"})


def meeting_pass(doc: Doc, scored: list, words: list[Token]) -> None:
    """Fix the parties of each CONSULT candidate of one sentence (in place)."""
    text = doc.text
    for s in scored:
        c = s.cand
        if c.type != "CONSULT":
            continue
        if _received(s, words, text):
            continue
        if c.lexeme.id in GATHER:
            _gathered(s, words, text)
            continue
        if c.cls in NOMINAL and (s.args.source is None or s.args.target is None) \
                and (pair := _between_pair(s, words) or _joint_subjects(s, words)) is not None:
            (s.args.source, s.args.target), s.args.rule = pair, "pair"
            continue
        if c.cls in NOMINAL and _possessed(c, words):
            if _future(c, words):
                s.ctx.future = True  # "اجتماعه القادم مع كيم": an announced meeting
            if s.args.source is None or s.args.source is s.args.target:
                s.args.source = _fronted_subject(s, words, text) or _subject_before(s, words, text)
                if s.args.source is not None:
                    s.args.rule = "possessor"
        _counterpart(s, words, text)
    for s in scored:
        if s.cand.type == "CONSULT" and s.score == 0.0 and s.args.rule == "interview":
            # "في اتصال هاتفي مع بي بي سي إنها اتصلت بها": the call told inside the interview
            # is read by no trigger of the interview's clause
            for o in scored:
                if o.cand.type == "CONSULT" and s.cand.i < o.cand.i <= s.cand.j + INTERVIEW_REACH:
                    o.score = 0.0


def _received(s, words: list[Token], text: str) -> bool:
    """A call or letter received ("تلقى X اتصالا من Y"): Y the source, X the target."""
    c = s.cand
    if c.lexeme.id not in RECEIVED:
        return False  # ("تسلم رسالة من كيم تتعلق بعقد لقاء جديد بين ترامب وكيم": the meeting is not received)
    k = verb_before(words, [w.norm for w in words], c.i, RECEIVE, RECEIVE_REACH, text)
    if k is None:
        return False
    caller = next((sl for sl in s.slots if c.j <= sl.i <= c.j + 3 and sl.prep in FROM and not sl.adjectival), None)
    # (not a phrase after من: "الذي تسلم من الجنرال كيم يونغ شول رسالة" names the bearer)
    receiver = next((sl for sl in s.slots if k < sl.i < c.i and sl.prep is None and not sl.adjectival
                     and not any(w.norm in FROM for w in words[k + 1:sl.i])), None)
    if receiver is None:
        # the subject right before the verb ("الرئيس ترامب تلقى رسالة", "الرئيس الأميركي الذي
        # تسلم"); after "أنه تلقى" the receiver is a pronoun: none is read
        at = k - 1 if k > 0 and words[k - 1].norm in RELATIVES else k
        receiver = next((sl for sl in s.slots if sl.j == at and sl.prep is None and not sl.adjectival), None)
    s.args.source, s.args.target, s.args.rule = caller, receiver, "received"
    s.args.co_sources, s.args.co_targets = [], []
    return True


def _between_pair(s, words: list[Token]):
    """"المحادثات بين الحكومة اليمنية والحوثيين": the party after و may read as a nisba
    adjective (الحوثيين) where the general reader (args_mutual.between) wants a noun."""
    c = s.cand
    k = next((k for k in range(c.j, min(len(words), c.j + 4)) if words[k].norm in BETWEEN), None)
    if k is None:
        return None
    first = next((sl for sl in s.slots if k < sl.i <= k + 3 and not sl.adjectival), None)
    return _with_conjunct(s.slots, words, first)


def _joint_subjects(s, words: list[Token]):
    """"وعقدت الحكومة والمعارضة جولة جديدة من المفاوضات": the two coordinated subjects of the
    verb that holds the talks."""
    c = s.cand
    k = next((k for k in range(c.i - 1, max(-1, c.i - 1 - JOINT_REACH), -1)
              if bare_word(words[k].norm) in HOLD), None)
    if k is None:
        return None
    first = next((sl for sl in s.slots if sl.i == k + 1 and sl.prep is None and not sl.adjectival), None)
    return _with_conjunct(s.slots, words, first, before=c.i, bare=True)


def _with_conjunct(slots, words: list[Token], first, before: int | None = None, bare: bool = False):
    """(first, second): the actor joined to ``first`` by و right after it (ending by ``before``; with
    no preposition when ``bare``), or None."""
    if first is None or first.actor is None:
        return None
    second = next((sl for sl in slots if sl.i == first.j and words[sl.i].norm[:1] == CONJUNCTION
                   and (before is None or sl.j <= before) and not (bare and sl.prep is not None)
                   and sl.actor not in (None, first.actor)), None)
    return (first, second) if second is not None else None


def _possessed(c, words: list[Token]) -> bool:
    """The trigger's noun carries a pronoun suffix (لقائه، اجتماعها، اتصالهم، زيارتهما)."""
    raw = words[c.j - 1 if c.cls == "noun" else c.i].text.rstrip(_HARAKAT)
    return any(raw.endswith(e) and len(raw) > len(e) + 2 for e in SUFFIXES)


def _future(c, words: list[Token]) -> bool:
    return any(w.norm in FUTURE for w in words[c.j:c.j + 2])


def _fronted_subject(s, words: list[Token], text: str):
    """The subject of the main clause after a fronted circumstantial phrase ("وخلال لقائه مع
    X، بحث Y …"): the first free actor within three words after the phrase's comma."""
    c = s.cand
    if c.i > 2 or not any(w.norm in FRONTING for w in words[max(0, c.i - 2):c.i + 1]):
        return None
    for b in range(c.j, len(words)):
        seg = text[words[b - 1].end:words[b].start]
        if not STRONG_PUNCT.isdisjoint(seg):
            return None
        if any(ch in seg for ch in _COMMA):
            return next((sl for sl in s.slots if b <= sl.i <= b + 3 and sl.prep is None and not sl.adjectival
                         and sl.actor is not None and sl is not s.args.target
                         and gap_ok(words, b, sl.i, text)), None)
    return None


def _gathered(s, words: list[Token], text: str) -> None:
    """"القمة التي جمعته … بالزعيم الكوري": the pronoun's antecedent (the clause's subject) and
    the one after بـ / مع; "جلسة مباحثات جمعت ممثلي X بنظرائهم": the object and the one after بـ."""
    c, a = s.cand, s.args
    pronoun = c.j - c.i == 1 and _possessed(c, words)
    if pronoun:
        source = next((sl for sl in s.slots if sl.i <= CLAUSE_START and sl.j <= c.i and sl.actor is not None
                       and sl.prep is None and not sl.adjectival and gap_ok(words, sl.j - 1, c.i, text)), None)
    else:
        source = next((sl for sl in s.slots if sl.i == c.j and sl.prep is None), None)
    after = source.j if source is not None and source.i >= c.j else c.j
    target = next((sl for sl in s.slots if after <= sl.i <= after + WITH_REACH and sl.prep in GATHER_WITH
                   and not sl.adjectival and _clause_ok(words, c.j - 1, sl.i, text)), None)
    a.source, a.target, a.rule = source, target, "gathered"
    a.co_sources, a.co_targets = [], []


# How far back (words) a possessed meeting noun finds the subject of its clause.
SUBJECT_REACH = 12
# The possessor is the clause's subject: a phrase starting within the sentence's first words,
# right after its verb ("وقال الرئيس اللبناني ميشال عون لدى استقباله"), not a genitive further
# on ("تدخل روسيا في الانتخابات … منذ لقائه بالرئيس").
CLAUSE_START = 2


def _subject_before(s, words: list[Token], text: str):
    """"وقال الرئيس اللبناني ميشال عون لدى استقباله …": the first free actor of the clause
    before the possessed noun (an object after a preposition is not its possessor)."""
    c = s.cand
    if s.args.target is None:
        return None  # (a visit with no counterpart read: its subject is too often another's)
    before = [sl for sl in s.slots if sl.i <= CLAUSE_START and sl.j <= c.i and c.i - sl.j <= SUBJECT_REACH
              and sl.actor is not None and sl.prep is None and not sl.adjectival and sl is not s.args.target
              and sl.sector not in REPORTER_SECTORS and gap_ok(words, sl.j - 1, c.i, text)]
    if not before or any(sl.actor not in (None, before[0].actor) and not sl.adjectival and before[0].j <= sl.i
                         and sl.j <= c.i for sl in s.slots):
        return None  # "وسلمتهم لوزير الخارجية الأميركي خلال زيارته": a nearer party may own it
    return before[0]


def _counterpart(s, words: list[Token], text: str) -> None:
    """The first counterpart after مع (or an adjacent ب), in the trigger's clause, replaces a
    missing target or one read inside a following subject phrase (the genitive of its title,
    "تباحث أمير قطر مع …"); a channel or a paper makes the candidate an interview."""
    c, a = s.cand, s.args
    if a.source is not None and a.source.prep in WITH:
        return  # "سيجتمع مع قيادة حماس للتباحث … مع فتح": the first مع is taken
    # (a noun's counterpart stands right after it, "لقائه، أمس، مع …"; a verb's after its subject)
    vso = a.source is not None and a.source.i >= c.j and c.cls not in NOMINAL
    start = max(c.j, a.source.j) if vso else c.j
    reach = WITH_REACH if c.cls not in NOMINAL else NOUN_WITH_REACH
    if vso:
        # the subject phrase runs on through its genitive and the name after the title:
        # "أمير قطر الشيخ تميم بن حمد مع …"
        for sl in s.slots:
            if sl.i == start and sl.prep is None:
                start = sl.j
    if c.lexeme.id in COUNTERPART_ONLY and a.target is not None and a.target.prep not in WITH:
        a.target, a.co_targets = None, []  # "شاركت في اجتماع ببرج ترامب": a place, no party
    for sl in s.slots:
        if sl.i < start or sl.adjectival or sl is a.source:
            continue
        if sl.i > start + reach or not _clause_ok(words, start - 1, sl.i, text):
            return
        if (sl.prep in WITH or (sl.i == start and sl.prep in WITH_ADJACENT)) and (sl.actor or sl.sector):
            if sl.sector in REPORTER_SECTORS and sl.kind != "PER":  # (a person coded MED is still met)
                # "في اتصال هاتفي مع بي بي سي": an interview, no party to lend a merged trigger
                s.score, a.source, a.target, a.rule = 0.0, None, None, "interview"
                return
            t = a.target
            if t is None or (vso and t is not sl and t.prep is None and t.i <= a.source.j + 1):
                a.target, a.guessed = sl, False
            return


def _clause_ok(words: list[Token], a: int, b: int, text: str) -> bool:
    """No punctuation and no word that opens another clause between words a and b."""
    if b <= a:
        return True
    seg = text[words[a].end:words[b].start]
    return STRONG_PUNCT.isdisjoint(seg) and not any(ch in seg for ch in _COMMA) \
        and not any(w.norm in CLAUSE_WORDS for w in words[a + 1:b])
