"""Accusations told inside a statement's content (PLOVER ACCUSE, mode disapprove).

A speaker who says that an actor betrayed, failed, violated or repressed something accuses that
actor though no verb of accusing is used: "وقال الوزير إن النظام ارتكب مجازر بحق المدنيين" is an
accusation by the minister toward the regime. The statements layer gives the speaker and the
content span; the blame words are data (resources/events/blame.yaml). The wrongdoer is the actor
the blame word is said of: the genitive of a misconduct noun ("فشل الحكومة"), else the nearest
actor before it in the clause (its subject), else one just after it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad import resources
from marsad.actors.kinds import STATE_SECTORS
from marsad.doc import Doc, Event, Mention, Provenance, Token
from marsad.events.coding import placeless
from marsad.text.normalize import normalize

STAGE = "events"
RULE = "statement:ACCUSE.blame"
SCORE = 0.6
# Punctuation that closes the clause a blame word is said in.
_W = resources.read_yaml("events", "blame_syntax.yaml")
CLAUSE_BREAKS = frozenset(_W["clause_breaks"])
# (compared with the tokens' matching forms: "على" is "علي" there)
PLACE = frozenset(normalize(w) for w in _W["place"])
OBLIQUE = PLACE | frozenset(normalize(w) for w in _W["oblique"])


@dataclass(frozen=True, slots=True)
class BlameWords:
    agent_nouns: frozenset[str]
    patient_nouns: frozenset[str]
    adjectives: frozenset[str]
    predicates: frozenset[str]
    countered_by: frozenset[str]
    negators: frozenset[str]
    only: frozenset[str]
    negated_predicates: frozenset[str]
    reach_before: int
    reach_after: int
    suffix_reach: int


def _forms(words) -> frozenset[str]:
    return frozenset(normalize(str(w)) for w in words)


@lru_cache(maxsize=1)
def blame_words() -> BlameWords:
    data = resources.read_yaml("events", "blame.yaml")
    return BlameWords(*(_forms(data[k]) for k in ("agent_nouns", "patient_nouns", "adjectives", "predicates",
                                                  "countered_by", "negators", "only", "negated_predicates")),
                      int(data["reach_before"]), int(data["reach_after"]), int(data["suffix_reach"]))


PROCLITICS = tuple(_W["proclitics"])
PREPOSITIONS = tuple(_W["prepositions"])
SUFFIXES = tuple(_W["suffixes"])
OBLIQUE_CLITICS = tuple(_W["oblique_clitics"])
ARTICLE = _W["article"]
LAM_ARTICLE = _W["lam_article"]


def _forms_of(norm: str, article: bool = True) -> set[str]:
    """The word without its proclitics (و ف, ب ل ك, ال when ``article``) and without a pronoun
    suffix."""
    out = {norm}
    for w in list(out):
        if w[:1] in PROCLITICS and len(w) > 3:
            out.add(w[1:])
    for w in list(out):
        if w[:1] in PREPOSITIONS and len(w) > 3:
            out.add(w[1:])
            if w.startswith(LAM_ARTICLE):
                out.add(ARTICLE + w[2:])
    for w in list(out) if article else ():
        if w.startswith(ARTICLE) and len(w) > 4:
            out.add(w[2:])
    for w in list(out):
        for suf in SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                out.add(w[:-len(suf)])
                break
    return out


_KINDS: dict = {}  # word form -> its blame class (news repeats its words: one test per form)


def _kinds(toks: list[Token]) -> list:
    cache = _KINDS
    out = []
    for t in toks:
        k = cache.get(t.norm, cache)
        if k is cache:
            if len(cache) > 300_000:
                cache.clear()
            k = cache[t.norm] = _kind_of(t.norm)
        out.append(k)
    return out


def _kind_of(norm: str) -> tuple[str, bool] | None:
    """The blame class of the word and whether it carries a pronoun suffix (once per word form:
    news repeats its words)."""
    bw = blame_words()
    forms = _forms_of(norm)
    for kind, words in (("agent", bw.agent_nouns), ("patient", bw.patient_nouns),
                        ("adjective", bw.adjectives), ("predicate", bw.predicates)):
        # a verb has no article: "العطل" (the holidays) is no "عطل" (he obstructed)
        hit = (forms if kind != "predicate" else _forms_of(norm, article=False)).intersection(words)
        if hit:
            return kind, not any(norm.endswith(h) for h in hit)
    return None


def statement_accusations(doc: Doc) -> list[Event]:
    """ACCUSE events, speaker toward wrongdoer, for blame words in statements' content."""
    bw = blame_words()
    out: list[Event] = []
    # an accusation the triggers already found (اتهم، ندد …) is not told twice
    seen = {(e.target, e.source, s.index) for e in doc.events if e.type == "ACCUSE"
            for s in [doc.sentence_at(e.start)] if s is not None}
    for st in doc.statements:
        speaker = doc.actors.get(st.speaker or "")
        if speaker is None or not (speaker.country or speaker.type) or placeless(doc, speaker.id):
            continue  # an accusation needs a coded accuser, like every other verbal event
        sent = doc.sentence_at(st.start)
        if sent is None or sent.boilerplate:
            continue
        toks = [t for t in doc.tokens_of(sent) if st.start <= t.start and t.end <= st.end]
        kinds = _negated(toks, _kinds(toks), bw)
        if not any(kinds):
            continue  # (most statements hold no blame word: no mention lookup)
        mentions = [m for m in doc.mentions_in(st.start, st.end) if _accusable(doc, m, speaker.id)]
        if not mentions:
            continue
        for k, tok in enumerate(toks):
            kind = kinds[k]
            if kind is None:
                continue
            if kind[0] == "negated":
                kind = ("predicate", False)  # (the negator is the blame: no countering word)
            elif k > 0 and toks[k - 1].norm in bw.countered_by and not _not_only(toks, k, bw):
                continue
            m = _wrongdoer(toks, k, kind, mentions, bw)
            if m is not None and _own_state(doc, speaker, m):
                m = None
            if m is None or (m.actor, st.speaker, sent.index) in seen:
                continue
            seen.add((m.actor, st.speaker, sent.index))
            out.append(_event(doc, st.speaker, m, tok))
    return out


def _negated(toks: list[Token], kinds: list, bw: BlameWords) -> list:
    """The kinds with the duties told as not done: "إن الروس لم يفوا بتعهدهم"، "لم تلتزم إيران
    بالاتفاق" (a failure told by negating a verb of keeping one's word)."""
    if bw.negated_predicates.isdisjoint(t.norm for t in toks):
        return kinds
    return [("negated", False) if kind is None and k and toks[k - 1].norm in bw.negators
            and toks[k].norm in bw.negated_predicates else kind for k, kind in enumerate(kinds)]


def _not_only(toks: list[Token], k: int, bw: BlameWords) -> bool:
    """"لا يعطل فقط …، لكنه …": "not only" adds to the blame, it does not deny it."""
    return toks[k - 1].norm in bw.negators and k + 1 < len(toks) and toks[k + 1].norm in bw.only


def _accusable(doc: Doc, m: Mention, speaker: str) -> bool:
    a = doc.actors.get(m.actor)
    return a is not None and m.actor != speaker and bool(a.country or a.type)


def _own_state(doc: Doc, speaker, m: Mention) -> bool:
    """A state's official speaking of his own state ("وطننا", "الأردن عصي على الإرهاب") blames
    somebody else."""
    a = doc.actors[m.actor]
    return (a.country == speaker.country and speaker.type in STATE_SECTORS
            and (a.type in STATE_SECTORS or a.type is None))


def _wrongdoer(toks: list[Token], k: int, kind: tuple[str, bool], mentions: list[Mention],
               bw: BlameWords) -> Mention | None:
    """The actor the blame word at ``toks[k]`` is said of, inside its clause."""
    word, suffixed = kind
    lo = k
    while lo > 0 and k - lo < bw.reach_before and toks[lo - 1].norm not in CLAUSE_BREAKS:
        lo -= 1
    hi = k
    while hi + 1 < len(toks) and hi - k < bw.reach_after and toks[hi + 1].norm not in CLAUSE_BREAKS:
        hi += 1
    after = [m for m in mentions if toks[k].end <= m.start < toks[hi].end + 1 and not _oblique(toks, m, OBLIQUE, False)]
    before = [m for m in mentions if toks[lo].start <= m.start and m.end <= toks[k].start
              and not _oblique(toks, m, OBLIQUE)]
    near = [m for m in before if _words_between(toks, m.end, toks[k].start) <= 1]
    if word == "adjective":
        return near[-1] if near else None  # an attribute of the phrase it follows
    if word == "agent":
        if after and _adjacent(toks, k, after[0]):
            return after[0]  # "انتهاكات النظام": the genitive commits the misconduct
        close = [m for m in before if _words_between(toks, m.end, toks[k].start) < bw.suffix_reach]
        return close[-1] if suffixed and close else None  # "… الحكومة وفشلها"
    if before:
        return before[-1]  # the subject of the verb, or of the clause of the abuse
    if word == "predicate" and after:
        return after[0]
    return None


def _words_between(toks: list[Token], start: int, end: int) -> int:
    return sum(1 for t in toks if start <= t.start and t.end <= end)


def _adjacent(toks: list[Token], k: int, m: Mention) -> bool:
    """The mention starts within two words of the blame word (its genitive, maybe after an adjective)."""
    nxt = [t for t in toks[k + 1:k + 3]]
    return any(t.start <= m.start < t.end + 1 for t in nxt)


def _oblique(toks: list[Token], m: Mention, preps: frozenset[str], clitic: bool = True) -> bool:
    """A mention after "في" (or "في محافظة …") is where the act happened; one after "مع",
    "ضد", "على" or (before the blame word) a clitic ل/ب is a party to another act of the clause
    ("وقوف إيران مع قطر بعد الحصار", "يتجاهل حقوق الشعب … ويعد خرقا", "الانتهاكات ضد المعارضة")."""
    prev = [t.norm for t in toks if t.end <= m.start][-2:]
    if prev and (prev[-1] in preps or prev[0] in PLACE):
        return True
    if not clitic:
        return False
    host = next((t for t in toks if t.start < m.start < t.end), None)
    return host is not None and host.norm[:m.start - host.start].lstrip(_W["conjunction_letters"])[:1] in OBLIQUE_CLITICS


def _event(doc: Doc, speaker: str, m: Mention, tok: Token) -> Event:
    from marsad.times.stage import anchor

    start, end = min(m.start, tok.start), max(m.end, tok.end)
    return Event(start=start, end=end, type="ACCUSE", prov=Provenance(STAGE, RULE, SCORE), mode="disapprove",
                 source=speaker, target=m.actor, date=anchor(doc, start, end), trigger=(tok.start, tok.end),
                 modality="asserted", stance="oppose")
