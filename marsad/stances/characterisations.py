"""Characterisation stances: what a party calls another party, or another party's act or words.

"وصفت X بـ«…»" with X an actor is read by the attitude readings (``attitudes.yaml``: describe);
this reader takes the characterisations whose object is no actor's name:

* a pronoun on the verb, or after the participle, whose antecedent stands right before it:
  an actor ("الرياض التي وصفها بأنها …"، "هجومه على دميرتاش ووصفه بالإرهابي") or an act or
  speech of one ("نفت لندن الاتهامات الروسية ووصفتها بأنها «مزاعم …»"، "رفضت طهران حديث
  نتانياهو، ووصفته بالسخيف"): the actor, or the act's author, is judged;
* a noun phrase naming its author ("وصفت الصحيفة هجمات ترامب بأنها …": its genitive or country
  adjective) or an act already reported ("الاعتقالات": the agent of the last such event);
* a label naming its agent ("استفزاز صارخ من قبل السلطات البريطانية").

The label's polarity is the stances' evaluative lexicon (``verdicts.yaml`` and the attitude
labels); the holder is the verb's subject (after it, else the sentence's first party). A negated,
conditional or questioned verb, the verbal noun ("بعد وصفه …"، "وصفه لـ"), the relative "ما وصفه
بـ" (another's words, unless the label names the party) and a reflexive object make none.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad import resources
from marsad.doc import Doc, Provenance, Stance
from marsad.stances.act_agents import act_agent
from marsad.stances.agents import judged_pair
from marsad.stances.attitude_lexicon import lexicon as att_lexicon
from marsad.stances.attitude_phrases import WORD_RE, covering, mention_at
from marsad.stances.clitics import ARTICLE, BI, BIL, CONJ
from marsad.stances.lexicon import OPPOSE, STAGE, SUPPORT
from marsad.stances.view import StanceView, asserted_matches, current_view, norm_set
from marsad.statements.context import actor_gender, date_of, to_original
from marsad.statements.lexicon import trie_pattern
from marsad.text.normalize import normalize

ISSUE = "approval"
RULE = "characterise"
_THAT = frozenset({"بان", "بانه", "بانها", "بانهم", "بانهما"})  # normalised "بأن…" ("بإنقاذ" is no marker)
_NISBA = ("ي", "يه")  # normalised country-adjective endings (الروسي، الروسية)


@lru_cache(maxsize=1)
def _data() -> dict:
    d = resources.read_yaml("stances", "characterisations.yaml")
    verbs, parts = norm_set(d["verbs"] + d["considering"]), norm_set(d["participles"] + d["considering_participles"])
    suffixes = {normalize(k): g for k, g in d["object_suffixes"].items()}
    suf = "|".join(sorted(suffixes, key=len, reverse=True))
    regex = re.compile(r"(?<!\w)[وف]?(?P<v>" + trie_pattern(verbs | parts) + r")(?P<suf>" + suf + r")?(?!\w)")
    agent = "|".join(normalize(w) for w in d["agent_markers"])
    return {"regex": regex, "participles": parts, "suffixes": suffixes,
            "pronouns": {normalize(k): g for k, g in d["object_pronouns"].items()},
            "relatives": norm_set(d["relatives"]), "noun_before": norm_set(d["noun_before"]),
            "noun_object": normalize(d["noun_object"]), "negators": norm_set(d["negators"]),
            "label_negators": norm_set(d["label_negators"]), "agent": re.compile(r"(?:" + agent + r")\s*$"),
            "antecedent_relatives": norm_set(d["antecedent_relatives"]), "reflexives": norm_set(d["reflexives"]),
            "marker_reach": d["marker_reach"], "label_reach": d["label_reach"],
            "antecedent_reach": d["antecedent_reach"], "what": norm_set(d["what"]),
            "considering": norm_set(d["considering"] + d["considering_participles"]),
            "considering_markers": norm_set(d["considering_markers"])}


@lru_cache(maxsize=1)
def _polarities() -> dict[str, int]:
    """Evaluative words and phrases (normalised, without the article) → polarity."""
    v = resources.read_yaml("stances", "verdicts.yaml")
    pol = {normalize(w): -1 for w in v["oppose"] + v["acts"]}
    pol.update({normalize(w): 1 for w in v["support"]})
    for w, p in att_lexicon().labels.items():
        pol.setdefault(w, p)
    return {(w[2:] if w.startswith(ARTICLE) else w): p for w, p in pol.items()}


def extract(doc: Doc, v: StanceView | None = None) -> list[Stance]:
    if not doc.mentions:
        return []
    v = current_view(doc, v)
    d = _data()
    out: list[Stance] = []
    for m, a, b in asserted_matches(doc, v, d["regex"]):
        found = _characterisation(v, d, m, a, b)
        if found is None:
            continue
        holder, target, s, e, pol = found
        if not judged_pair(v, holder, target):
            continue
        os_, oe = to_original(v.nt, s, e)
        st = _statement(doc, os_)
        out.append(Stance(os_, oe, holder, target, SUPPORT if pol > 0 else OPPOSE, Provenance(STAGE, RULE),
                          ISSUE, st, False, date_of(doc, os_, oe)))
    return out


def _characterisation(v: StanceView, d: dict, m: re.Match, a: int, b: int):
    """(holder, target, evidence start, end, polarity) of one describing verb, or None."""
    prev = WORD_RE.findall(v.text, max(a, m.start() - 30), m.start())
    if prev and (prev[-1] in d["negators"] or prev[-1] in d["noun_before"]):
        return None
    if att_lexicon().irrealis.search(v.text, max(a, m.start() - 60), m.start()):
        return None
    words = list(WORD_RE.finditer(v.text, m.end(), b))[:d["marker_reach"]]
    if not words or words[0].group().startswith(d["noun_object"]) or words[0].group() in d["reflexives"]:
        return None
    found = _considered(v, d, m, words, b) if m.group("v") in d["considering"] else _described(v, d, words, b)
    if found is None:
        return None
    k, label = found
    pol, lend, named = label
    relative = bool(prev) and prev[-1] in d["relatives"]
    if relative:  # another's words: only the party its pejorative label names is judged
        if named is None or pol > 0:
            return None
        # its subject after it ("فيما وصفه الإعلام الرسمي بأنه …": unnamed, so nobody), else the sentence's
        subj = _subject_after(v, m.end(), words[:k])
        holder = subj.actor if subj is not None else None if k else _elided_subject(v, a, m.start())
        return (holder, named, m.start(), lend, pol) if holder else None
    mids = words[:k]
    pron = m.group("suf") or (mids[0].group() if mids and mids[0].group() in d["pronouns"] else None)
    is_part = m.group("v") in d["participles"]
    subj = None if is_part else _subject_after(v, m.end(), mids)
    holder = subj.actor if subj is not None else _elided_subject(v, a, m.start())
    if holder is None:
        return None
    if named is not None:
        return holder, named, m.start(), lend, pol
    if pron is not None and not m.group("suf") and d["pronouns"][pron] is None:
        # "واصفا ذلك بـ…": a demonstrative refers to what was just told, an act, never a party
        before = list(WORD_RE.finditer(v.text, a, m.start()))[-d["antecedent_reach"]:]
        target = _act_before(v, before, holder)
    elif pron is not None:
        gender = d["suffixes"].get(pron) if m.group("suf") else d["pronouns"].get(pron)
        target = _antecedent(v, d, a, m.start(), holder, gender)
    else:
        rest = [w for w in mids if subj is None or w.start() >= subj.end]
        target = _author(v, rest)
    return (holder, target, m.start(), lend, pol) if target else None


def _described(v: StanceView, d: dict, words: list[re.Match], b: int):
    """(words before the label, the label) after a verb of describing: the label follows a marker."""
    k = next((i for i, w in enumerate(words) if _marker(w.group()) and covering(v, w.start()) is None), None)
    label = _label(v, d, words[k], b) if k is not None else None
    return (k, label) if label is not None else None


def _considered(v: StanceView, d: dict, m: re.Match, words: list[re.Match], b: int):
    """(words before the label, the label) after a verb of considering ("واعتبرتها «عدوانا سافرا»"،
    "معتبرا ذلك بمثابة «…»"): only with a pronoun object, the label right after it."""
    k = 0 if m.group("suf") else 1 if words and words[0].group() in d["pronouns"] else None
    if k is None or len(words) <= k:
        return None
    lw = words[k + 1:] if words[k].group() in d["considering_markers"] else words[k:]
    toks = [(t[2:] if t.startswith(ARTICLE) else t, w) for t, w in ((w.group(), w) for w in lw)][:d["label_reach"]]
    label = _read_label(v, d, toks, b)
    return (k, label) if label is not None else None


def _marker(word: str) -> bool:
    """Where a label starts: "بأنه"، a detached "بـ"، "بالـ…" or ب on an evaluative word ("بالخونة")."""
    return word == BI or word in _THAT or word.startswith(BIL) or (word[:1] == BI and word[1:] in _polarities())


def _label(v: StanceView, d: dict, marker: re.Match, b: int) -> tuple[int, int, str | None] | None:
    """(polarity, end, the party the label names) of the label that starts at ``marker``."""
    first = marker.group()[1:]  # "بالمهزلة" → "المهزلة"; "بانها" → "انها" (dropped below)
    words = list(WORD_RE.finditer(v.text, marker.end(), b))[:d["label_reach"] + 1]
    toks = ([(first, marker)] if first and marker.group() not in _THAT else []) + [(w.group(), w) for w in words]
    toks = [(t[2:] if t.startswith(ARTICLE) else t, w) for t, w in toks[:d["label_reach"]]]
    return _read_label(v, d, toks, b)


def _read_label(v: StanceView, d: dict, toks: list, b: int) -> tuple[int, int, str | None] | None:
    """(polarity, end, named party) of the first evaluative word or phrase among the label's words."""
    pol = _polarities()
    for i, (t, w) in enumerate(toks):
        if covering(v, w.start()) is not None:
            break  # the label's evaluative word comes before the party it may name
        two = t + " " + toks[i + 1][0] if i + 1 < len(toks) else None
        p, end = (pol[two], toks[i + 1][1].end()) if two in pol else (pol.get(t), w.end())
        if p is None:
            continue
        if i and toks[i - 1][0] in d["label_negators"]:
            p = -p
        return p, end, _named(v, d, end, b)
    return None


def _named(v: StanceView, d: dict, pos: int, b: int) -> str | None:
    """The party a label names: its genitive or country adjective right after the evaluative word
    ("بـ«العدوان الإسرائيلي»"، "بجرائم النظام"), or after an agent marker ("… من قبل السلطات البريطانية")."""
    words = list(WORD_RE.finditer(v.text, pos, b))[:6]
    if words and v.text[pos:words[0].start()].strip(' "«»') == "":
        x = _party_at(v, words[0])
        if x is not None and not x.prepositional and x.start >= words[0].start():
            return x.actor
        if words[0].group().startswith(ARTICLE) and words[0].group().endswith(_NISBA):
            aid = v.nisba(words[0].group())
            if aid:
                return aid
    for w in words:
        x = mention_at(v, w.start(), w.end())
        if x is not None and d["agent"].search(v.text, pos, x.start):
            return x.actor
    return None


def _subject_after(v: StanceView, end: int, mids: list[re.Match]):
    """The verb's subject right after it (titles first: "وصف مستشار الأمن القومي، جون بولتون")."""
    for w in mids[:4]:
        x = covering(v, w.start()) or mention_at(v, w.start(), w.end())
        if x is not None:
            return None if x.prepositional else x
        if w.group() not in att_lexicon().titles:
            return None
    return None


def _elided_subject(v: StanceView, a: int, pos: int) -> str | None:
    """The sentence's first party outside a preposition before the verb (its main clause's subject)."""
    x = next((x for x in v.mentions_in(a, pos) if not x.prepositional and not v.governed_by_fi(x)), None)
    return x.actor if x else None


def _antecedent(v: StanceView, d: dict, a: int, pos: int, holder: str, gender: str | None) -> str | None:
    """The party a pronoun object refers to: the actor right before the verb (a relative or a
    conjunction between), or the author of the noun phrase there (its genitive or country adjective)."""
    before = list(WORD_RE.finditer(v.text, a, pos))[-d["antecedent_reach"]:]
    relative = False
    while before and before[-1].group() in d["antecedent_relatives"]:
        before.pop()
        relative = True
    if not before:
        return None
    last = before[-1]
    x = covering(v, last.start())
    a_ = v.actor(x.actor) if x is not None else None
    if relative and a_ is not None and a_.kind == "PER":
        return None  # "ترامب الذي وصفه …": a person before the relative is mostly the one describing
    if x is not None:
        g = actor_gender(v.mv, x.actor)
        ok = x.actor != holder and not v.governed_by_fi(x) and (gender is None or g is None or g == gender)
        return x.actor if ok else None
    return _act_before(v, before, holder)


def _act_before(v: StanceView, before: list[re.Match], holder: str) -> str | None:
    """The author of the act or words named right before the verb: a country adjective on them
    ("الاتهامات الروسية") or the agent of an act already reported ("الاعتقالات")."""
    if not before:
        return None
    last = before[-1]
    x = covering(v, last.start())
    word = last.group()
    # a country adjective on the noun before it (not a place's own name: "إلى العراق")
    aid = v.nisba(word) if word.startswith(ARTICLE) and word.endswith(_NISBA) and len(before) > 1 \
        and covering(v, before[-2].start()) is None else None
    if aid is None and word.lstrip(CONJ).startswith(ARTICLE) and x is None:
        aid = _recent_agent(v, last)
    return aid if aid != holder else None


def _author(v: StanceView, rest: list[re.Match]) -> str | None:
    """The author of the object noun phrase: a party in its genitive ("هجمات ترامب"), a country
    adjective on it ("الاتهامات الروسية") or the agent of an act already reported ("الاعتقالات")."""
    while rest and rest[0].group()[:1] == "و" and _party_at(v, rest[0]) is not None:
        rest = rest[1:]  # "وصفت الأمم المتحدة والولايات المتحدة …": a subject coordinated with the first
        while rest and covering(v, rest[0].start()) is not None:
            rest = rest[1:]
    if not rest:
        return None
    x = covering(v, rest[0].start()) or mention_at(v, rest[0].start(), rest[0].end())
    if x is not None:
        return None if x.prepositional else x.actor  # a party itself (where the attitude readings missed it)
    head = rest[0]
    if head.group() in _data()["what"]:
        # "وصف ما نقله الإعلام عنه بأنه …": what a party said or did, named after the relative's verb
        x = next((x for x in v.mentions_in(head.end(), rest[-1].end()) if not x.prepositional), None)
        return x.actor if x is not None and v.nwords(head.end(), x.start) <= 2 else None
    if len(rest) > 1:
        x = covering(v, rest[1].start())
        if x is not None and not x.prepositional and x.start == rest[1].start():
            return x.actor
        if rest[1].group().startswith(ARTICLE) and head.group().startswith(ARTICLE):
            aid = v.nisba(rest[1].group())
            if aid:
                return aid
    return _recent_agent(v, head) if head.group().startswith(ARTICLE) else None


def _recent_agent(v: StanceView, word: re.Match) -> str | None:
    """The agent of a definite act noun, when the agent is named in this sentence or the one before
    (an agent found further back is mostly another act of the kind: "اتهم الغربيون …، واصفة الاتهامات")."""
    aid = act_agent(v, word.start(), word.group())
    if aid is None:
        return None
    pos = to_original(v.nt, word.start(), word.end())[0]
    starts = [s.start for s in v.doc.sentences if s.start <= pos]
    lo = v.nt.from_original(starts[-2] if len(starts) > 1 else 0)
    return aid if any(x.actor == aid for x in v.mentions_in(lo, word.start())) else None


def _party_at(v: StanceView, w: re.Match):
    return covering(v, w.start()) or mention_at(v, w.start(), w.end())


def _statement(doc: Doc, pos: int) -> int | None:
    return next((i for i, s in enumerate(doc.statements) if s.start <= pos < s.end and s.speaker), None)

