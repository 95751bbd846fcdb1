"""Speakers the actors layer left unresolved: the subject phrase of a cue made into an actor.

"قال مسؤول أمريكي"، "أفاد شهود عيان"، "وقال تاجر سجاد آخر"، "واعتبرت نويرت" — the actors layer
marks no mention there, yet the statement has a speaker. :func:`phrase_speaker` reads the phrase
(cut at prepositions, relatives, addressees, time words) and returns, in this order:

* the actor of a person mention inside it;
* the speaker of the statement a document noun was issued in ("ولفت البيان إلى أن");
* the source already quoted ("المصدر ذاته");
* an earlier actor the phrase refers back to: a definite head (المحكمة → محكمة العدل الأوروبية,
  الوزير القطري → an actor called وزير الخارجية القطري) or a surname (نويرت → هيذر نويرت);
* a new actor of the document (``prov.stage == "statements"``), kind PER / GRP / ORG, coded with
  the country of a nisba or mention in the phrase and the sector of its head or adjectives
  (resources/statements/speakers.yaml, then the actors dictionary's roles and heads). Its span
  is in the actor's ``mentions``; ``doc.mentions`` (what the events and stances stages read) is
  left as the actors stage made it.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from marsad import resources
from marsad.doc import Actor, Provenance
from marsad.statements.context import Context, NMention, tokens
from marsad.statements.lexicon import (
    ADJUNCTS,
    NAME_HEADS,
    OPEN_QUOTES,
    PREPOSITIONS,
    THAT,
    lexicon,
    time_words,
    words,
)
from marsad.text.normalize import normalize

STAGE = "statements"
_MAX_WORDS = 10
# Prepositions that may attach an affiliation to a generic head ("مسؤول في الخارجية"، "مصادر من المعارضة").
_BI_ISM = normalize("باسم")
_MIN = normalize("من")
_TIME = time_words()
_AFFILIATION = words("affiliation")


@dataclass(frozen=True)
class SpeakerLexicon:
    heads: dict  # normalised head (one or two words) → (kind, sector | None)
    adjectives: dict  # normalised adjective → sector
    local: frozenset
    documents: frozenset
    same: frozenset
    stops: frozenset
    addressees: frozenset
    titles: frozenset
    not_speakers: frozenset
    adverbs: frozenset
    bodies: dict


@lru_cache(maxsize=1)
def speaker_lexicon() -> SpeakerLexicon:
    data = resources.read_yaml("statements", "speakers.yaml")
    heads = {}
    for h in data["heads"]:
        for w in h["words"]:
            heads.setdefault(normalize(w), (h["kind"], h.get("sector")))
    adjectives = {normalize(w): sec for sec, words in data["adjectives"].items() for w in words}

    def words(key):
        return frozenset(normalize(w) for w in data[key])

    return SpeakerLexicon(heads, adjectives, words("local_heads"), words("document_nouns"),
                          words("same_words"), words("stop_words"), words("addressees"),
                          words("titles"), words("not_speakers"), words("adverbs"),
                          {normalize(w): sec for sec, ws in data["bodies"].items() for w in ws})


def _actor_lexicon():
    from marsad.actors.dictionary import lexicon as actors_lexicon

    return actors_lexicon()


def phrase_speaker(ctx: Context, s: int, e: int, sidx: int) -> tuple[str | None, tuple[int, int] | None]:
    """(actor id, phrase span) for an unresolved speaker phrase [s, e) in normalised offsets."""
    span = _phrase(ctx, s, e)
    if span is None:
        return None, None
    s, e = span
    words = ctx.text[s:e].split()
    lex = speaker_lexicon()
    inner = ctx.mentions_in(s, e)
    # a person the phrase only names ("المتحدث باسم رئيسة الوزراء تيريزا ماي") is not the speaker
    person = next((m for m in inner if _kind(ctx, m.actor) == "PER"
                   and _BI_ISM not in ctx.text[s:m.start].split()), None) or _apposed(ctx, e)
    if person is not None:
        if words[0] in lex.titles or words[0] in lex.heads:
            # "وزير الخارجية السعودي، عادل الجبير": the title names him later ("الوزير السعودي")
            title = ctx.text[s:min(e, person.start)].split()
            if title:
                ctx.titled.append((title, person.actor))
        return person.actor, (person.start, person.end)
    if words[0] in lex.documents or (len(words) == 2 and words[1] in lex.same):
        return _last_speaker(ctx, sidx, s), None
    earlier = _refers_back(ctx, words, s)
    if earlier is not None:
        return earlier, span
    surface = ctx.doc.text[slice(*ctx.nt.to_original(s, e))]
    if ctx.text[s - 1:s + 1] == "لل":
        words[0] = "ا" + words[0]  # "وفقاً للمصادر": the article's alef dropped after لـ
        surface = "ا" + surface
    if not _plausible(words, surface):
        return None, None
    return _new_actor(ctx, s, e, words, inner, surface), span


def _apposed(ctx: Context, e: int) -> NMention | None:
    """A person mention in apposition right after the phrase ("وزير الدفاع، أفيغدور ليبرمان،")."""
    text = ctx.text
    i = e
    while i < len(text) and text[i] == " ":
        i += 1
    if i >= len(text) or text[i] != ",":
        return None
    i += 1
    while i < len(text) and text[i] == " ":
        i += 1
    for m in ctx.mentions_in(i, i + 60):
        if m.start == i and _kind(ctx, m.actor) == "PER":
            return m
        break
    return None


# Name particles that may precede a definite word inside a personal name (عبد الله، أبو الغيط).
_NAME_PARTS = words("name_particles")


# Definite words that end a compound first name (فخر الدين، عبد الله، سيف الإسلام).
_NAME_ENDS = words("name_ends")


def _plausible(words: list[str], surface: str) -> bool:
    """Can an unlisted phrase name a speaker? A known head, or the shape of a personal name."""
    lex = speaker_lexicon()
    alex = _actor_lexicon()
    head = words[0]
    if head in lex.not_speakers:
        return False
    if head in lex.heads or head in lex.titles or head in alex.person_roles or head in alex.org_heads \
            or head in lex.bodies \
            or " ".join(words[:2]) in lex.heads:
        return True
    if head.startswith("ال"):
        return True  # a definite group or body ("منتقدو …" is listed; "المفوضية العليا …")
    if _parts(words, surface):
        return True  # a name and a title ("سماح حديد مديرة حملات …")
    if len(words) > 4:
        return False
    if any(len(w) >= 5 and w.endswith("ه") and w != "الله" for w in surface.split()):
        return False  # "تصميمه"، "خطيبته": a noun with a pronoun suffix is an object, not a name
    shown = surface.split() if len(surface.split()) == len(words) else words
    for prev, w, sw in zip(words, words[1:], shown[1:]):
        # the article as written (ألتون is no definite noun though it normalises to التون)
        if sw.startswith("ال") and prev not in _NAME_PARTS and w not in _NAME_ENDS and _nisba_country(w, alex) is None:
            return False  # "تنكيس الأعلام": a noun in construct, not a name
    return not any(w.endswith("ا") and len(w) > 3 for w in words[1:])  # "اعتباراً": an adverb


def _phrase(ctx: Context, s: int, e: int) -> tuple[int, int] | None:
    """The speaker phrase at s: up to a stop word, preposition, addressee or punctuation."""
    lex = speaker_lexicon()
    toks = tokens(ctx.text, s, e)
    while toks and not toks[0].text[:1].isalnum():
        toks = toks[1:]  # an opening quote or dash
    if len(toks) > 1 and toks[0].text in ("ما", "لما") and toks[1].text in lexicon().reporting_verbs:
        toks = toks[2:]  # "وفق ما أورد مراسلنا"
    if not toks or toks[0].text in PREPOSITIONS or toks[0].text in speaker_lexicon().not_speakers \
            or toks[0].text[:1] == "ب" and toks[0].text[1:] in speaker_lexicon().documents:
        return None  # "في كتاب"، "بالبيان": no subject
    first = toks[0]
    start = first.start
    w0 = first.text
    if w0.startswith("لل") and len(w0) > 4:
        start += 1  # لوسائل، للمرصد: a source after وفقاً/بحسب
    elif w0.startswith("ل") and (w0[1:] in lex.heads or w0[1:] in lex.addressees):
        start += 1
    end = None
    affiliated = False
    n = 0
    quoted_to = -1
    for i, t in enumerate(toks):
        w = t.text if i else ctx.text[start:t.end]
        if i and w in OPEN_QUOTES and (n <= 2 and _designator(toks[0].text, lex) or _names_next(toks[i - 1].text)):
            close = ctx.text.find(OPEN_QUOTES[w], t.end, min(e, t.end + 60))
            if close > 0:  # صحيفة "صباح"، موقع "ميدل إيست آي": the quoted name belongs to the phrase
                end, n, quoted_to = close + 1, n + 1, close
                continue
        if i and t.start <= quoted_to:
            continue
        if not w[:1].isalnum() and i:
            break
        if i and (w in THAT or w in ADJUNCTS or w in lex.stops or w in OPEN_QUOTES or _adverb(ctx, t)):
            break
        if i and not w.startswith("ال") and _action(w):
            break  # "المنظمة زيادة عدد المصابين": the content's action noun
        if i and w == _MIN and i + 1 < len(toks) and toks[i + 1].text in lex.stops:
            break  # "من جهته"، "من جانبها"
        if i and w in PREPOSITIONS:
            if w in _AFFILIATION and not affiliated and (_generic_head(toks[0].text, lex) or toks[0].text in lex.titles
                                                         or _starts_body(ctx, toks, i)):
                affiliated = True
                continue
            break
        if i and _addressee(ctx, t.start, w, lex):
            break  # "لوكالة الأنباء"، "للصحفيين"، "لرويترز": the addressee
        end = t.end
        n += 1
        if n >= _MAX_WORDS:
            break
    if end is None or end <= start:
        return None
    return start, end


def _names_next(w: str) -> bool:
    """A word after which a quotation is a name ("في "غرفة العمليات""، باسم "…"، صحيفة "…")."""
    return w in PREPOSITIONS or w in NAME_HEADS


def _starts_body(ctx: Context, toks, i: int) -> bool:
    """Does an organisation's mention follow the preposition ("الدول العربية في التحالف")?"""
    if i + 1 >= len(toks):
        return False
    for m in ctx.mentions_in(toks[i + 1].start, toks[i + 1].start + 80):
        a = ctx.doc.actors.get(m.actor)
        return m.start == toks[i + 1].start and a is not None and a.kind not in ("LOC", "GPE")
    return False


def _action(w: str) -> bool:
    from marsad.statements.nominal import action_noun

    return action_noun(lexicon(), w)


def _designator(w: str, lex: SpeakerLexicon) -> bool:
    """A head that takes a quoted name (صحيفة، وكالة، موقع، منظمة، حركة …)."""
    w = w[1:] if w.startswith("ل") and not w.startswith("ال") else w
    return w in lex.addressees or w in _actor_lexicon().org_heads


def _adverb(ctx: Context, t) -> bool:
    """An adverb or a time word ends the phrase ("أبلغت المجلس علناً العام الماضي")."""
    w = t.text
    if w in _TIME or w.isdigit():
        return True
    return w in speaker_lexicon().adverbs


def _addressee(ctx: Context, start: int, w: str, lex: SpeakerLexicon) -> bool:
    if not w.startswith("ل"):
        return False
    bare = w[:-2] if w.endswith("نا") and len(w) > 5 else w  # لشبكتنا، لمراسلنا
    bare = bare[:-1] + "ه" if bare.endswith("ت") and bare is not w else bare
    if w == "ل" or any(x[1:] in lex.addressees or x[2:] in lex.addressees for x in (w, bare)):
        return True
    for m in ctx.mentions_in(start, start + 60):
        a = ctx.doc.actors.get(m.actor)
        return m.start <= start + 2 and a is not None and a.type in ("JRN", "MED")
    return False


def person_word(w: str) -> bool:
    """Does a phrase starting with ``w`` describe a person or group (مسؤول، رئيس، ناشطون)?"""
    lex = speaker_lexicon()
    return w in lex.titles or w in lex.heads or w in _actor_lexicon().person_roles


def phrase_end(ctx: Context, s: int, e: int) -> int | None:
    got = _phrase(ctx, s, e)
    return got[1] if got else None


def _generic_head(word: str, lex: SpeakerLexicon) -> bool:
    got = lex.heads.get(word)
    return got is not None


def _kind(ctx: Context, actor_id: str) -> str | None:
    a = ctx.doc.actors.get(actor_id)
    return a.kind if a else None


def _last_speaker(ctx: Context, sidx: int, before: int) -> str | None:
    """The issuer of a document: the speaker whose cue named it ("أوضحت القوات في بيان لها"),
    else the latest speaker of a statement that was not an attribution, a few sentences back."""
    # those sentences' lists, not the whole document's (found is in sentence order)
    recent = [f for k in range(sidx - 6, sidx + 1) for f in ctx.of_sentence(k) if f.speaker and f.cue[0] < before]
    docs = speaker_lexicon().documents
    for f in reversed(recent):
        lo, hi = min(f.cue[0], f.start), max(f.cue[1], f.start)
        if f.rule != "attribution" and any(w in docs for w in ctx.text[lo:hi].split()):
            return f.speaker
    return next((f.speaker for f in reversed(recent) if f.rule != "attribution"), None)


def _bare(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


class _EarlierActors:
    """The actors mentioned before a point of the text, each with its latest mention, indexed by
    the words a later phrase may name it with. Phrases come in text order, so the map grows from
    the last call's instead of being rebuilt (linear time); a change to the mentions before the
    point seen so far starts it again."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.done = 0
        self.last: dict[str, int] = {}  # actor → start of its latest mention (first-seen order)
        self.rank: dict[str, int] = {}  # actor → its position in ``last``
        self.by_first: dict[str, set[str]] = {}  # bare first word of a name form → actors
        self.by_last: dict[str, set[str]] = {}  # last word of a name form → actors

    def upto(self, ctx: Context, k: int) -> "_EarlierActors":
        if k < self.done:
            self.reset()
        for m in ctx.mentions[self.done:k]:
            if m.actor not in self.last:
                self.rank[m.actor] = len(self.rank)
                a = ctx.doc.actors.get(m.actor)
                for f in _forms(a) if a is not None else ():
                    if f:
                        self.by_first.setdefault(_bare(f[0]), set()).add(m.actor)
                        self.by_last.setdefault(f[-1], set()).add(m.actor)
            self.last[m.actor] = m.start
        self.done = k
        return self


def _earlier(ctx: Context, k: int) -> _EarlierActors:
    got = getattr(ctx, "_earlier", None)
    if got is None:
        got = ctx._earlier = _EarlierActors()
    return got.upto(ctx, k)


def _forms(actor) -> list[list[str]]:
    """The normalised words of an actor's name and aliases (cached by those names)."""
    key = (actor.name, *actor.aliases)
    got = _FORMS.get(key)
    if got is None:
        got = _FORMS[key] = [normalize(f).split() for f in [actor.name, *actor.aliases] if f]
        if len(_FORMS) > 50_000:
            _FORMS.clear()
    return list(got)


_FORMS: dict[tuple, list[list[str]]] = {}


def _titles(ctx: Context) -> dict[str, list[list[str]]]:
    """``ctx.titled`` by person, in list order (grown with the list: one scan of it per call
    made long documents quadratic)."""
    got = getattr(ctx, "_titles", None)
    if got is None:
        got = ctx._titles = [0, {}]
    for t, x in ctx.titled[got[0]:]:
        got[1].setdefault(x, []).append(t)
    got[0] = len(ctx.titled)
    return got[1]


def _in_order(aids: set[str], seen: _EarlierActors) -> list[tuple[str, int]]:
    """(actor, latest mention) of ``aids`` in the first-seen order of ``seen.last``."""
    order = seen.rank if len(aids) > 1 else {}
    return sorted(((a, seen.last[a]) for a in aids), key=lambda x: order.get(x[0], 0))


def _refers_back(ctx: Context, words: list[str], s: int) -> str | None:
    """An earlier actor a definite head or a surname names again."""
    head = words[0]
    if len(words) > 3:
        return None
    definite = head.startswith("ال")
    if not definite and (len(words) > 2 or head in speaker_lexicon().heads):
        return None
    seen = _earlier(ctx, bisect.bisect_left(ctx.m_starts, s))
    last = seen.last
    named = seen.by_first.get(_bare(head), set()) if definite else seen.by_last.get(words[-1], set())
    titles = _titles(ctx)
    named = named | (titles.keys() & last.keys())
    best, best_pos = None, -1
    for aid, pos in last.items() if len(named) * 4 > len(last) else _in_order(named, seen):
        a = ctx.doc.actors.get(aid)
        if a is None or pos <= best_pos or aid not in named:
            continue
        forms = _forms(a) + titles.get(aid, [])
        if definite:
            ok = any(f and _bare(f[0]) == _bare(head) and set(words[1:]) <= set(f[1:]) for f in forms)
        else:
            ok = a.kind == "PER" and any(f[-len(words):] == words for f in forms if len(f) > len(words))
        if ok:
            best, best_pos = aid, pos
    return best


def _code(ctx: Context, words: list[str], inner: list[NMention]) -> tuple[str, str | None, str | None]:
    """(kind, country, sector) of a new speaker from its words and the mentions inside it."""
    lex = speaker_lexicon()
    alex = _actor_lexicon()
    head = " ".join(words[:2]) if " ".join(words[:2]) in lex.heads else words[0]
    kind, sector = lex.heads.get(head, (None, None))
    if kind is None:
        if head in alex.person_roles:
            kind, sector = "PER", alex.person_roles[head]
        elif head in lex.bodies or head in alex.org_heads:
            kind, sector = "ORG", lex.bodies.get(head) or alex.org_heads[head]
        else:
            kind = "GRP" if head.startswith("ال") else "PER"  # an unlisted name is a person
    for w in words[1:]:
        if sector is None and w in lex.adjectives:
            sector = lex.adjectives[w]
    country = None
    for m in inner:
        a = ctx.doc.actors.get(m.actor)
        if a is not None and a.country:
            country = country or a.country
            if a.type and (sector is None or kind == "GRP" and sector == "CVL" and a.type != "GOV"):
                sector = a.type
    if country is None:
        country = _nisba_country(" ".join(words), alex)
    if country is None and head in lex.local:
        country = ctx.doc.cache.get("main_country")
    if country is None:
        sector = None  # a sector alone places no actor (and would code events on a stranger)
    return kind, country, sector


def _nisba_country(phrase: str, alex) -> str | None:
    for _, _, readings in alex.scan(phrase):
        for r in readings:
            if r[0] == "N":
                return r[1]
            if r[0] == "A" and r[2] == "LOC" and str(r[1]).endswith(".GOV"):
                return r[1][:3]
    return None


def _parts(words: list[str], surface: str) -> list[str]:
    """A name and its title as aliases ("سماح حديد مديرة حملات …" → "سماح حديد", "مديرة حملات …")."""
    lex = speaker_lexicon()
    parts = surface.split()
    if len(parts) != len(words):
        return []
    k = next((i for i, w in enumerate(words) if i and w in lex.titles), None)
    if k is None or any(w.startswith("ال") for w in words[:k]):
        return []
    return [" ".join(parts[:k]), " ".join(parts[k:])]


def _new_actor(ctx: Context, s: int, e: int, words: list[str], inner: list[NMention], surface: str) -> str:
    doc = ctx.doc
    code = "new:" + " ".join(words)
    os_, oe = ctx.nt.to_original(s, e)
    aid = ctx.made.get(code)
    if aid is None:
        kind, country, sector = _code(ctx, words, inner)
        k = len(doc.actors) + 1
        while f"a{k}" in doc.actors:
            k += 1
        aid = f"a{k}"
        doc.actors[aid] = Actor(aid, surface, None, country, sector, _parts(words, surface), [], code, None,
                                kind, Provenance(STAGE, "speaker"))
        ctx.made[code] = aid
    actor = doc.actors[aid]
    if (os_, oe) not in actor.mentions:
        actor.mentions.append((os_, oe))
        near = [m for m in ctx.mentions_in(max(0, s - 200), e + 200) if m.start < e and s < m.end]
        if all(s <= m.start and m.end <= e for m in near):
            # the phrase replaces the mentions inside it in this stage's view ("المتحدثة باسم الوزارة
            # هيذر نويرت" over a tagger's "الوزارة هيذر نويرت"), so later cues find the speaker
            for m in near:
                j = bisect.bisect_left(ctx.m_starts, m.start)  # as list.index, without the scan
                while ctx.mentions[j] != m:
                    j += 1
                del ctx.mentions[j], ctx.m_starts[j]
            i = bisect.bisect_left(ctx.m_starts, s)
            ctx.mentions.insert(i, NMention(s, e, aid, False))
            ctx.m_starts.insert(i, s)
            if getattr(ctx, "_earlier", None) is not None and i < ctx._earlier.done:
                ctx._earlier = None  # the mentions before the point seen so far changed
    return aid
