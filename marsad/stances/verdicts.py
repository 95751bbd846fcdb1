"""Verdict stances: a speaker's judgement of an actor, read from the content of what they said.

In a statement's content an evaluative word (``resources/stances/verdicts.yaml``: "كارثية"،
"استفزاز"، "شريك استراتيجي"، "شرعية") judges the actor its clause names: the speaker holds a
stance of the word's polarity toward it ("قال قرقاش إن … سياسة كارثية عزلت قطر" → oppose Qatar).
Guards, for precision: the clause must name exactly one actor outside a preposition (two are
ambiguous: who is judged?), not the speaker nor its own state, not civilians; a condition or
question in the clause, or a claim relayed through another source, makes none; a negator right
before the word flips it ("ليست شرعية"). Statements denying something (نفى) judge nothing here.

Pejorative acts ("acts" in the YAML: جريمة، احتلال، عدوان، قمع) have a patient as well as an agent,
so only their agent is judged: the actor before the word (its subject: "ما تقوم به إسرائيل جريمة")
or after "من قبل". A clause that names no actor but an act already reported ("إن الاعتقالات تأتي
ضمن حملة من القمع") judges that act's agent, the source of the last event of its kind before.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from marsad import resources
from marsad.doc import Doc, Provenance, Stance
from marsad.stances.act_agents import act_agent
from marsad.stances.agents import self_stance
from marsad.stances.attitude_lexicon import lexicon as att_lexicon
from marsad.stances.attitude_phrases import WORD_RE, clause_end, clause_start, covering
from marsad.stances.clitics import ARTICLE, BIL, CONJ, LI, LIL, WA
from marsad.stances.lexicon import OPPOSE, STAGE, SUPPORT
from marsad.stances.view import StanceView, current_view
from marsad.statements.context import actor_gender, date_of, to_original
from marsad.statements.lexicon import trie_pattern
from marsad.text.normalize import normalize

ISSUE = "approval"
TOPIC_SCORE = 0.6  # a judgement of the party the content is about, not named in its clause
COORDINATED_SCORE = 0.8  # one of several parties coordinated as the judged subject
_SKIP_FAMILIES = frozenset({"deny"})  # a denial's content is what the speaker rejects
_QUESTION = re.compile(r"[?؟]")
_DEFINITE = (ARTICLE, BIL, LIL)  # after a conjunction: a definite noun


@lru_cache(maxsize=1)
def _data() -> dict:
    return resources.read_yaml("stances", "verdicts.yaml")


@lru_cache(maxsize=1)
def _acts() -> tuple[frozenset[str], re.Pattern]:
    """The act words (agent-only) and the agent marker after them."""
    data = _data()
    agent = re.compile(r"\s*(?:" + "|".join(normalize(w) for w in data["agent_markers"]) + r")\s+$")
    return frozenset(normalize(w) for w in data["acts"]), agent


@lru_cache(maxsize=1)
def _guards() -> tuple[frozenset[str], re.Pattern, frozenset[str]]:
    """Adverbials before a word, classifying verbs with an object pronoun, pronouns of "that"."""
    data = _data()
    stems = trie_pattern({normalize(w) for w in data["classifying_stems"]})
    pron = "|".join(normalize(w) for w in data["object_pronouns"])
    classify = re.compile(r"(?<!\w)[وف]?(?:" + stems + r")(?:" + pron + r")(?!\w)")
    return (frozenset(normalize(w) for w in data["adverbials"]), classify,
            frozenset(normalize(w) for w in data["that_pronouns"]))


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, int], re.Pattern, frozenset[str], dict, re.Pattern]:
    data = _data()
    pol = {normalize(w): -1 for w in data["oppose"] + data["acts"]}
    pol.update({normalize(w): 1 for w in data["support"]})
    pre = "(?:وال|بال|لل|ال|و|ف|ب|ل|)"
    regex = re.compile(r"(?<!\w)" + pre + "(?P<t>" + trie_pattern(set(pol)) + r")(?!\w)")
    reach = {-1: data["reach"], 1: data["support_reach"]}
    victims = re.compile(r"(?<!\w)[وف]?(?:" + trie_pattern({normalize(w) for w in data["victim_words"]}) + r")(?!\w)")
    return pol, regex, frozenset(normalize(w) for w in data["negators"]), reach, victims


def extract(doc: Doc, v: StanceView | None = None) -> list[Stance]:
    if not doc.mentions or not doc.statements:
        return []
    v = current_view(doc, v)
    out: list[Stance] = []
    seen: set[tuple] = set()
    sent_starts = [x.start for x in doc.sentences]
    for i, st in enumerate(doc.statements):
        if st.speaker is None or st.via is not None or st.family in _SKIP_FAMILIES:
            continue
        a, b = v.nt.from_original(st.start), v.nt.from_original(st.end)
        k = bisect.bisect_right(sent_starts, st.start) - 1
        lead = (v.nt.from_original(doc.sentences[k].start), a) if k >= 0 else None
        for s, e, target, pol, score in _verdicts(v, st.speaker, a, b, lead, st.family):
            key = (target, pol, s)
            if key in seen:
                continue
            seen.add(key)
            os_, oe = to_original(v.nt, s, e)
            out.append(Stance(os_, oe, st.speaker, target, SUPPORT if pol > 0 else OPPOSE,
                              Provenance(STAGE, "verdict", score), ISSUE, i, False, st.date or date_of(doc, os_, oe)))
    return out


def _verdicts(v: StanceView, speaker: str, a: int, b: int, lead: tuple[int, int] | None = None,
              family: str | None = None):
    """(evidence start, end, target, polarity, score) of each verdict in the content [a, b); ``lead``:
    the text of the sentence before the content, where a pronoun's referent may stand; ``family``:
    the statement's cue family (a judgement of the content's topic only in an assertion)."""
    pol, regex, negators, reach, victims = _lexicon()
    alex = att_lexicon()
    for m in regex.finditer(v.text, a, b):
        clo, chi = clause_start(v, alex, m.start(), a), clause_end(v, alex, m.end(), b)
        if alex.irrealis.search(v.text, clo, m.start()) or _QUESTION.search(v.text, clo, min(len(v.text), chi + 1)) \
                or victims.search(v.text, clo, chi):
            continue
        p = pol[m.group("t")]
        prev = WORD_RE.findall(v.text, max(clo, m.start() - 16), m.start())
        if prev and (prev[-1] in negators or prev[-1][:1] in CONJ and prev[-1][1:] in negators):
            p = -p  # ("مستفزة وغير شرعية")
        adverbials, classify, _ = _guards()
        if any(w in adverbials for w in prev[-2:]) or classify.search(v.text, clo, m.start()):
            continue
        definite = v.text[m.start():m.start("t")].endswith((ARTICLE, LIL))
        if definite and pol[m.group("t")] > 0:
            continue  # a definite support word qualifies a noun; a predicate is indefinite
        target = _judged(v, speaker, clo, chi)
        acts, agent_marker = _acts()
        is_act = m.group("t") in acts
        if target is None:
            yield from _unnamed(v, m, speaker, (a, b, clo, chi), lead, p, family, (definite, is_act))
            continue
        # the nearest mention of it, before the word (its subject) or, for an oppose word, after it;
        # a definite adjective ("الانقلاب الفاشل") only of the noun right before it
        back, ahead = reach[pol[m.group("t")]], reach[-1] if pol[m.group("t")] < 0 else -1
        if is_act and v.text[m.start():m.start("t")].endswith((LI, LIL)):
            continue  # "تعرضت لعدوان"، "سوابق لجرائم": a complement, not a predicate
        if is_act:
            ahead = -1  # an act's genitive may be its patient ("احتلال الجولان"): only its agent is judged
        if definite:
            back, ahead = 0, -1
        near = [x for x in v.mentions_in(clo, chi) if x.actor == target and not x.prepositional and (
            (x.end <= m.start() and v.nwords(x.end, m.start()) <= back)
            or (x.start >= m.end() and v.nwords(m.end(), x.start) <= ahead))]
        if is_act and not near:
            near = [x for x in v.mentions_in(m.end(), chi) if x.actor == target and v.nwords(m.end(), x.start) <= 4
                    and agent_marker.search(v.text, m.end(), x.start)]
        if near:
            x = min(near, key=lambda x: abs(x.start - m.start()))
            if _own_adjective(v, speaker, x) or _said_of_other(v, x, m.start()) or (x.end <= m.start() and any(
                    w in negators for w in WORD_RE.findall(v.text, x.end, m.start())[:-1])):
                continue  # (a negated predicate between them: "كوريا الشمالية لم ترع … اي عمل ارهابي")
            yield min(m.start(), x.start), max(m.end(), x.end), target, p, None


def drop_echoes(stances: list[Stance]) -> list[Stance]:
    """Stances less the verdicts that repeat, in the same statement, a position another reading or an
    earlier verdict already states ("الصين عدو اقتصادي، بالتأكيد هي عدو"; "صمت الدوحة … دليل خوف …،
    والحل ليس في مزايدة ومكابرة"): one statement, one position of the speaker toward a party."""
    def key(s: Stance) -> tuple:
        return s.statement, s.holder, s.target, s.polarity

    other = {key(s) for s in stances if s.statement is not None and s.prov.rule != "verdict"}
    out, seen = [], set()
    for s in stances:
        if s.prov.rule == "verdict" and s.statement is not None:
            if key(s) in other or key(s) in seen:
                continue
            seen.add(key(s))
        out.append(s)
    return out


def _unnamed(v: StanceView, m, speaker: str, bounds: tuple[int, int, int, int], lead, p: int,
             family: str | None, kind: tuple[bool, bool]):
    """The verdicts of a word whose clause names no single party: an act's agent, a pronoun's
    referent, parties coordinated as its subject ("النظام السوري والروس لم يكن في نيتهم …") or, in an
    assertion whose clause names nobody, the one party the content is about. ``kind``: is the word
    definite (it qualifies a noun: no subject is read), is it an act (it has a patient: no topic)."""
    a, b, clo, chi = bounds
    found = _act_agent(v, speaker, clo, m.start()) if p < 0 else None
    found = found or (_topic(v, speaker, lead, clo, m.start()) if lead else None)
    if found:
        yield min(found[0], m.start()), m.end(), found[1], p, None
        return
    definite, is_act = kind
    if is_act:
        return
    group = [] if definite else _coordinated(v, speaker, clo, chi, m.start())
    if group:
        for x in group:
            yield group[0].start, m.end(), x.actor, p, COORDINATED_SCORE
    elif p < 0 and family in _topic_families() and _unnamed_doer(v, clo, m) and not v.mentions_in(clo, chi) \
            and (aid := _content_topic(v, speaker, a, b)):
        # the clause names nobody: what the speaker is talking about ("الكبرياء لا يليق بمن مارس الغدر")
        first = WORD_RE.search(v.text, max(clo, m.start() - 40), m.start())  # a few words of context
        yield first.start() if first else m.start(), m.end(), aid, p, TOPIC_SCORE


@lru_cache(maxsize=1)
def _topic_families() -> frozenset[str]:
    return frozenset(_data()["topic_families"])


@lru_cache(maxsize=1)
def _topic_relatives() -> frozenset[str]:
    return frozenset(normalize(w) for w in _data()["topic_relatives"])


def _unnamed_doer(v: StanceView, clo: int, m) -> bool:
    """Is the word done by someone left unnamed: a relative with its verb right before it ("بمن مارس
    الغدر"، "الذين ارتكبوا الخيانة"), and no object after it (a verbal noun with its object, "استفزاز
    القوات", judges an act, not a party)?"""
    before = WORD_RE.findall(v.text, max(clo, m.start() - 30), m.start())[-3:]
    after = WORD_RE.match(v.text, m.end() + 1) if m.end() < len(v.text) else None
    if after and after.group().startswith(ARTICLE):
        return False
    return any(w in _topic_relatives() for w in before[:-1])


def _coordinated(v: StanceView, speaker: str, clo: int, chi: int, pos: int) -> list:
    """The parties of the clause when they are one coordinated subject right before the word
    ("النظام السوري والروس لم يكن في نيتهم"): two or more mentions joined by و (or a comma), none under
    a preposition, none after the word, the last within the subject reach; each one judgeable."""
    ms = [x for x in v.mentions_in(clo, chi) if not x.prepositional]
    if len({x.actor for x in ms}) < 2 or ms[-1].end > pos or v.nwords(ms[-1].end, pos) > _data()["reach"]:
        return []
    if any(not _JOINER.fullmatch(v.text, x.end, y.start) for x, y in zip(ms, ms[1:])):
        return []
    if _relay(v, speaker) or any(v.actor(x.actor) is None or v.actor(x.actor).type == "CVL"
                                 or self_stance(v, speaker, x.actor) for x in ms):
        return []
    seen: dict[str, object] = {}
    for x in ms:
        seen.setdefault(x.actor, x)
    return list(seen.values())


_JOINER = re.compile(r"\s*,?\s*[" + WA + r"]?")  # (the normalised text writes every comma ",")


def _judged(v: StanceView, speaker: str, clo: int, chi: int) -> str | None:
    """The one actor the clause names outside a preposition, if it is a party the speaker can judge."""
    actors = {x.actor for x in v.mentions_in(clo, chi) if not x.prepositional}
    if len(actors) != 1:
        return None
    (aid,) = actors
    a = v.actor(aid)
    if aid == speaker or a is None or a.type == "CVL" or self_stance(v, speaker, aid) or _relay(v, speaker):
        return None
    return aid


def _content_topic(v: StanceView, speaker: str, a: int, b: int) -> str | None:
    """The one party the statement's content [a, b) names, when it names exactly one the speaker
    can judge (not itself or its own state, not civilians, not a place under في): what the content
    is about, and so whom a judgement in a clause naming nobody is about ("خسائر أزمة الدوحة …،
    الكبرياء لا يليق بمن مارس الغدر"). Only the speaker's own judgements: no relayed claim."""
    if _relay(v, speaker):
        return None
    named = {x.actor for x in v.mentions_in(a, b) if x.actor != speaker and not v.governed_by_fi(x)}
    if len(named) != 1:
        return None
    (aid,) = named
    t = v.actor(aid)
    if t is None or t.type == "CVL" or self_stance(v, speaker, aid):
        return None
    return aid


def _said_of_other(v: StanceView, x, pos: int) -> bool:
    """A pronoun of "that" between the actor and the word, with another noun before it: the word
    is said of that noun ("كتائب القسام الحادث بأنه جريمة")."""
    if x.end > pos:
        return False
    words = WORD_RE.findall(v.text, x.end, pos)
    that = _guards()[2]
    # (a phrase under a preposition, "نقل السفارة الأمريكية إلى القدس بأنه", still describes the actor)
    return len(words) > 1 and words[0].startswith(ARTICLE) and any(w in that for w in words[1:])


@lru_cache(maxsize=1)
def _pronouns() -> dict[str, str]:
    return {normalize(w): g for w, g in _data()["topic_pronouns"].items()}


def _topic(v: StanceView, speaker: str, lead: tuple[int, int], clo: int, pos: int) -> tuple[int, str] | None:
    """(start, referent) of a pronoun of "that" among the three words before the verdict word,
    when the clause names no actor and the sentence before the content names one agreeing actor
    besides the speaker ("اتهم الوزير إيران بـ…، وقال إنها …")."""
    if _relay(v, speaker) or any(not x.prepositional for x in v.mentions_in(clo, pos)):
        return None
    # the pronoun may close the cue, before the content ("أوضح أنها «حليف مهم»")
    words = list(WORD_RE.finditer(v.text, max(lead[0], pos - 60), pos))[-3:]
    pron = next((w for w in reversed(words) if w.group() in _pronouns()), None)
    if pron is None:
        return None
    # (under a preposition too: "لا يحاول التستر على السعودية، لكنه أوضح أنها حليف"; not a place under في)
    cands = [x for x in v.mentions_in(lead[0], pron.start()) if x.actor != speaker and not v.governed_by_fi(x)]
    named = {x.actor for x in cands}
    if len(named) != 1 or _noun_between(v, cands[-1].end, pron.start()):
        return None
    (aid,) = named
    a, g = v.actor(aid), actor_gender(v.mv, aid)
    if a is None or a.type == "CVL" or self_stance(v, speaker, aid) or g not in (None, _pronouns()[pron.group()]):
        return None
    return pron.start(), aid


def _noun_between(v: StanceView, a: int, b: int) -> bool:
    """A definite noun outside any mention in [a, b) may be the pronoun's referent ("ندد … بالخطوة
    قائلا إنها"): then the actor named before is not surely the one meant."""
    for w in WORD_RE.finditer(v.text, a, b):
        if w.group().lstrip(CONJ).startswith(_DEFINITE) and covering(v, w.start()) is None:
            return True
    return False


def _act_agent(v: StanceView, speaker: str, clo: int, pos: int) -> tuple[int, str] | None:
    """(start, agent) of a definite act noun before ``pos`` in a clause that names no actor."""
    if _relay(v, speaker) or v.mentions_in(clo, pos):
        return None
    for w in WORD_RE.finditer(v.text, clo, pos):
        aid = act_agent(v, w.start(), w.group())
        if aid is not None:
            return None if self_stance(v, speaker, aid) else (w.start(), aid)
    return None


def _relay(v: StanceView, speaker: str) -> bool:
    """A news outlet quoted for what it reports relays others' judgements, not its own."""
    a = v.actor(speaker)
    return a is None or a.type == "MED"


def _own_adjective(v: StanceView, speaker: str, x) -> bool:
    """"غير مقبول في الشأن الداخلي الفلسطيني" said by a Palestinian: the speaker's own country
    adjective qualifies what is defended, not the one judged."""
    h, t = v.actor(speaker), v.actor(x.actor)
    word = v.text[x.start:x.end]
    return bool(h and t and h.country and h.country == t.country and " " not in word and word.startswith("ال"))
