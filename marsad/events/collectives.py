"""Collective participants: unnamed sets of states, leaders, legislators, party caucuses and
organisations that the actor dictionary cannot list ("ونددت 128 دولة"، "دول غربية"، "منظمات
حقوقية"، "الجمهوريون"، "زعماء الاتحاد الأوروبي"), and the demonstratives that refer back to such a
set ("تلك الدول"، "الدول الثلاث").

A phrase is a head noun of a family (resources/events/collectives.yaml) with the words that make
it a political actor: a count before it, qualifiers after it (regional adjectives, a country's
nisba, a participle and its complement), or a genitive that says where its members belong. The
whole phrase is the actor's name, since the phrase is how the text names the set; its country is
only what its words say (a set of Arab states in a story about Qatar is no Qatari actor).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from marsad import resources
from marsad.doc import Actor, Doc, MentionKind, Provenance, Token
from marsad.events.args_words import ARTICLE, bare_word as bare, CLAUSE_MARKS, MIN, NUMBER_WORDS, QUANTIFIERS
from marsad.text.normalize import normalize
from marsad.text.segment import clitic_candidates, original_prefix_len

_W = resources.read_yaml("events", "collectives.yaml")


def _phrases(words) -> dict[str, list[tuple[str, ...]]]:
    """Phrases by their first normalised word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for w in words:
        ws = tuple(normalize(w).split())
        out.setdefault(ws[0], []).append(ws)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


@dataclass(frozen=True)
class Family:
    name: str
    sector: str
    needs: str
    country: str | None
    story: bool
    retype: frozenset


FAMILIES = {k: Family(k, v["sector"], v.get("needs", "qualifier"), v.get("country"), bool(v.get("story")),
                      frozenset(v.get("retype", ()))) for k, v in _W["families"].items()}
# head phrase (normalised words) -> its families, in file order
HEADS: dict[tuple[str, ...], list[Family]] = {}
for _f in FAMILIES.values():
    for _h in _W["families"][_f.name]["heads"]:
        HEADS.setdefault(tuple(normalize(_h).split()), []).append(_f)
HEAD_FIRST = _phrases(" ".join(h) for h in HEADS)
# qualifier phrase -> its class (plain, a sector, a country code, drop)
QUALIFIERS = {tuple(normalize(w).split()): cls for cls, ws in _W["qualifiers"].items() for w in ws}
QUALIFIER_FIRST = _phrases(" ".join(q) for q in QUALIFIERS)
GENITIVE_FIRST = _phrases(_W["genitives"])
PARTICIPLES = frozenset(normalize(w) for w in _W["participles"])
COMPLEMENT_PREPS = frozenset(normalize(w) for w in _W["complement_preps"])
COMPLEMENT_WORDS = int(_W["complement_words"])
COUNTS = frozenset(normalize(w) for w in _W["counts"])
POPULATIONS = frozenset(normalize(w) for w in _W["populations"])
GOVERNORS = frozenset(normalize(w) for w in _W["governors"])
NOT_AFTER = POPULATIONS | GOVERNORS
DEMONSTRATIVES = frozenset(normalize(w) for w in _W["demonstratives"])
SET_ORDINALS = frozenset(normalize(w) for w in _W["ordinals_of_sets"])
REACH = int(_W["anaphora_reach"])
SECTORS = frozenset({"GOV", "LEG", "PTY", "NGO", "IGO"})
# PLOVER's codes of international bodies of states: a genitive body with one of them gives its
# code ("زعماء الاتحاد الأوروبي"); an armed group's leaders are the group's ("زعماء طالبان").
BODIES = frozenset({"IGO", "UNO", "EUR"})
RULE = "collective-participant"
STORY = "story"


@lru_cache(maxsize=1)
def _nisba_countries() -> dict[str, str]:
    """Every inflected form of a country's nisba (normalised) -> its ISO code: "فلسطينية" -> PSE."""
    from marsad.actors.dictionary import lexicon, nisba_forms

    out: dict[str, str] = {}
    for iso, c in lexicon().countries.items():
        for base in c.nisba:
            for form, _plural, _definite in nisba_forms(base):
                out.setdefault(normalize(form), iso)
    return out


@dataclass(slots=True)
class Group:
    """A collective phrase of the text: what its slot carries to the actor it becomes."""

    start: int
    end: int
    family: Family
    name: str
    alias: str = ""  # the name without a participle's complement
    anaphor: bool = False  # "تلك الدول": the set named before


def _match(first: dict, words: list[Token], k: int, norm: str | None = None) -> int:
    """End of the longest listed phrase starting at word k (its first word ``norm``), else k."""
    n0 = norm if norm is not None else words[k].norm
    for ph in first.get(n0, ()):
        if k + len(ph) <= len(words) and all(words[k + x].norm == ph[x] for x in range(1, len(ph))):
            return k + len(ph)
    return k


def _broken(text: str, words: list[Token], j: int) -> bool:
    """Clause punctuation between word j-1 and word j."""
    return any(ch in CLAUSE_MARKS for ch in text[words[j - 1].end:words[j].start])


_PROCLITICS = _W["proclitics"]


@lru_cache(maxsize=100_000)
def _may_head(norm: str) -> bool:
    """Can the word start a head phrase after at most two proclitics? (a set test for most words)"""
    lam2 = ARTICLE[1] * 2
    for n in (norm, norm[1:], norm[2:]):
        if n in HEAD_FIRST or (n.startswith(lam2) and ARTICLE + n[2:] in HEAD_FIRST):
            return True
        if n[:1] not in _PROCLITICS:
            return False
    return False


def _head(words: list[Token], k: int) -> tuple[int, list[Family], str] | None:
    """(end, families, proclitics) of a head phrase at word k, read after its proclitics."""
    if not _may_head(words[k].norm):
        return None
    for pro, stem, enc in clitic_candidates(words[k].norm):
        if enc:
            continue
        j = _match(HEAD_FIRST, words, k, stem)
        if j > k:
            ws = (stem,) + tuple(w.norm for w in words[k + 1:j])
            return j, HEADS[ws], pro
    return None


def collective_slots(doc: Doc, words: list[Token], taken: list[bool], slots: list, make) -> list:
    """The sentence's slots with the collective phrases added (and the nisba slots they take
    over dropped); ``make(i, j, start, end, sector, country, name, pro, group)`` builds a slot."""
    by_i = {sl.i: sl for sl in slots}
    dropped: set[int] = set()
    out = list(slots)
    k = 0
    while k < len(words):
        if taken[k]:
            k += 1
            continue
        h = _head(words, k)
        if h is None:
            k += 1
            continue
        got = _phrase(doc, words, k, h, by_i, taken)
        if got is None:
            k = h[0]
            continue
        i, j, fam, sector, country, core, anaphor, absorbed = got
        pro = h[2] if i == k else ""
        start = words[i].start + (original_prefix_len(words[i].text, len(pro)) if pro else 0)
        lam = ARTICLE[0] if pro.endswith(ARTICLE[1]) and words[k].norm.startswith(ARTICLE[1] * 2) else ""
        name = lam + doc.text[start:words[j - 1].end]  # ("للدول" is ل + الدول)
        alias = lam + doc.text[start:words[core - 1].end] if core else ""
        grp = Group(start, words[j - 1].end, fam, name, alias, anaphor)
        doc.cache.setdefault("events_collectives", {})[start] = grp
        dropped.update(id(sl) for sl in absorbed)
        out.append(make(i, j, start, words[j - 1].end, sector, country, name, pro, grp))
        for x in range(i, j):
            taken[x] = True
        k = j
    return [sl for sl in out if id(sl) not in dropped]


def _phrase(doc: Doc, words: list[Token], k: int, h, by_i: dict, taken: list[bool]):
    """The collective phrase around the head at word k, or None when its words make none."""
    j, fams, pro = h
    i = k
    counted = anaphor = False
    if k > 0 and not pro and bare(words[k - 1].norm) in NOT_AFTER:
        return None
    if not pro and k > 0 and not taken[k - 1]:
        prev = words[k - 1].norm
        if prev.isdigit() or prev in NUMBER_WORDS or prev in COUNTS or prev in QUANTIFIERS:
            i, counted = k - 1, True
        elif prev in DEMONSTRATIVES:
            i, anaphor = k - 1, True
        elif prev == MIN and k > 1 and words[k - 2].norm in QUANTIFIERS and not taken[k - 2]:
            i, counted = k - 2, True  # "العديد من الدول"
    quals, country, retype, absorbed, core = _qualifiers(doc, words, j, by_i, taken)
    if quals is None:
        return None
    end = j + quals
    if any(words[x].norm in SET_ORDINALS for x in range(j, end)) and words[k].norm.startswith(ARTICLE):
        anaphor = True  # "الدول الثلاث": the three named before
    for fam in fams:
        ok = {"count": counted, "qualifier": counted or anaphor or quals > 0, "none": True}[fam.needs]
        if not ok:
            continue
        sector = next((s for s in retype if s in fam.retype), fam.sector)
        if STORY in retype:
            fam = replace(fam, story=True)  # "الحكومات المتعاقبة": the story's state's
        return i, end, fam, sector, country or fam.country, core[0] if core else 0, anaphor, absorbed
    return None


def _qualifiers(doc: Doc, words: list[Token], j: int, by_i: dict, taken: list[bool]):
    """Read the words after a head: (number of words taken, country, sectors they give, slots
    absorbed, (core end, phrase end) when a participle's complement was taken), or Nones when a
    word unmakes the actor."""
    n, country, retype, absorbed = 0, None, [], []
    start = j
    while j < len(words) and not _broken(doc.text, words, j):
        sl = by_i.get(j)
        if sl is not None:
            if sl.adjectival and sl.country and (sl.mention is MentionKind.NATIONALS or sl.j == j + 1 and (
                    _nisba_countries().get(words[j].norm) == sl.country)):
                country = sl.country  # "القادة الإيرانيون" (not a name: "ممثلي السيستاني")
            elif j == start and sl.kind == "ORG" and sl.country in BODIES:
                country = sl.country  # "زعماء الاتحاد الأوروبي"
            else:
                break
            absorbed.append(sl)
            j = sl.j
            continue
        if taken[j]:
            break
        q = _match(QUALIFIER_FIRST, words, j)
        if q > j:
            cls = QUALIFIERS[tuple(w.norm for w in words[j:q])]
            if cls == "drop":
                return None, None, None, None, None
            if cls in SECTORS or cls == STORY:
                retype.append(cls)
            elif cls != "plain":
                country = country or cls
            if words[j].norm in PARTICIPLES and (c := _complement(doc, words, q, by_i, taken)) > q:
                return c - start, country, retype, absorbed, (q, c)
            j = q
            continue
        if (cc := _nisba_countries().get(words[j].norm)) is not None:
            country = country or cc  # "منظمات فلسطينية" (a nisba the actors layer left alone)
            j += 1
            continue
        g = _match(GENITIVE_FIRST, words, j) if j == start else j
        if g == j and j == start and (h := _head(words, j)) is not None and h[2] == "":
            g = h[0]  # "قادة الدول": a set of states in genitive
        elif g == j and j == start and _counted_article(words, j) and (h := _head(words, j + 1)) is not None \
                and h[2] == "":
            g = h[0]  # "قادة الـ5 دول": the counted set, the article on its number
        if g > j:
            j = g
            continue
        if words[j].norm in PARTICIPLES and (c := _complement(doc, words, j + 1, by_i, taken)) > j + 1:
            return c - start, country, retype, absorbed, (j + 1, c)
        break
    return j - start, country, retype, absorbed, None


def _counted_article(words: list[Token], j: int) -> bool:
    """Is word j a number with the article ("الـ5", normalised ال5) and not broken from the next?"""
    w = words[j].norm
    return j + 1 < len(words) and w.startswith(ARTICLE) and w[len(ARTICLE):].isdigit()


def _complement(doc: Doc, words: list[Token], j: int, by_i: dict, taken: list[bool]) -> int:
    """End of a participle's complement starting at word j (a preposition, then a construct
    chain ending on a definite word or a named actor: "عن حقوق الإنسان", "في مقاطعة بقطر"), or j."""
    if j >= len(words) or _broken(doc.text, words, j):
        return j
    k = j
    if words[k].norm in COMPLEMENT_PREPS:
        k += 1
    elif words[k].norm[:1] not in COMPLEMENT_PREPS:
        return j
    for x in range(k, min(len(words), k + COMPLEMENT_WORDS + 1)):
        if _broken(doc.text, words, x) and x > j:
            return j
        sl = by_i.get(x)
        if sl is not None:
            return sl.j
        if taken[x]:
            return j
        w = words[x].norm
        if w.startswith(ARTICLE) or (x == k and x == j and w[1:].startswith(ARTICLE)) or w[:2] == ARTICLE[1] * 2:
            return x + 1
    return j


def collective_actor(doc: Doc, slot, main_country: str | None) -> str:
    """The actor of a collective slot: the set an anaphor refers back to, else one actor per
    sector, country and wording (its own words' country; the story's only for a family that
    takes it)."""
    grp: Group = slot.group
    if grp.anaphor and (ante := _antecedent(doc, grp)) is not None:
        aid = _actor(doc, ante.name, ante.alias, ante.family.sector, ante.family.country, (ante.start, ante.end))
        _mention(doc.actors[aid], (slot.start, slot.end))
        return aid
    country = slot.country
    if country is None and grp.family.story:
        country = main_country
    return _actor(doc, slot.name, grp.alias, slot.sector, country, (slot.start, slot.end))


def _antecedent(doc: Doc, grp: Group) -> Group | None:
    """The nearest collective of the same sector named before within the reach, not itself an
    anaphor."""
    best = None
    for start, g in doc.cache.get("events_collectives", {}).items():
        if grp.start - REACH <= start < grp.start and not g.anaphor and g.family.sector == grp.family.sector:
            if best is None or start > best.start:
                best = g
    return best


def _mention(a: Actor, span: tuple[int, int]) -> None:
    if span not in a.mentions:
        a.mentions.append(span)


def _actor(doc: Doc, name: str, alias: str, sector: str, country: str | None, span: tuple[int, int]) -> str:
    index = doc.cache.setdefault("events_generic", {})
    key = ("collective", sector, country, normalize(name))
    aid = index.get(key)
    if aid is None:
        n = len(index) + 1
        while f"ev{n}" in doc.actors:
            n += 1
        aid = index[key] = f"ev{n}"
        doc.actors[aid] = Actor(id=aid, name=name, country=country, type=sector,
                                code=f"generic:{country or '-'}:{sector}:{key[3]}", kind="GEN",
                                aliases=[alias] if alias else [], prov=Provenance("events", RULE))
    _mention(doc.actors[aid], span)
    return aid


def phrase_reading(norms: list[str]) -> tuple[str, str | None] | None:
    """(sector, country) when normalised words, from the first, are a collective phrase of the
    families ("قاده ال5 دول"، "دول عربيه"، "منظمات حقوقيه"), else None: how a speaker phrase
    the statements stage made an actor of reads as a set of states, leaders or organisations."""
    class _Text:  # the phrase alone: words one space apart, no clause marks between them
        text = " ".join(norms)

    words, at = [], 0
    for w in norms:
        words.append(Token(at, at + len(w), w, w, 0))
        at += len(w) + 1
    taken = [False] * len(words)
    for k in range(min(2, len(words))):
        h = _head(words, k)
        got = _phrase(_Text, words, k, h, {}, taken) if h is not None else None
        if got is not None and got[0] == 0:
            return got[3], got[4]
    return None
