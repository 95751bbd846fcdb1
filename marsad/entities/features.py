"""Token features and gazetteers for the Arabic NER tagger.

Shared by the entities stage and ``scripts/train_ner.py`` so training and tagging see exactly
the same feature strings. Everything that depends on one word only (normalised and
clitic-stripped forms, the ال article, affixes, shape, trigger/org-keyword class, distributional
word classes, roles in training names) is computed once per normalised word and cached as
ready-made lists of feature strings for each window offset (±2); per sentence only the gazetteer
positions (Aho-Corasick over the clitic-stripped token keys) and two word bigrams are added.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from itertools import accumulate, count
from operator import add
from pathlib import Path

import ahocorasick

from marsad import resources
from marsad.text.normalize import normalize
from marsad.text.segment import (
    _TOKEN_RE,
    CONJ,
    FUTURE,
    PREP,
    PROCLITIC_PAIRS,
    clitic_candidates,
    proclitic_readings,
    strip_proclitics,
)

# Proclitic letter sequences (conjunction, then preposition) that may open an entity's token.
PROCLITICS = PROCLITIC_PAIRS + CONJ + PREP
# First letters of the proclitic readings of marsad.text.segment.proclitic_readings.
_CLITIC_FIRST = frozenset(CONJ + PREP + FUTURE)
# Gazetteer types: external lists and entity strings of the training data (tPER …).
EXTERNAL = {"countries.txt": "cty", "regions.txt": "reg", "cities.txt": "cit"}
POSITIONS = ("B", "I", "L", "U")  # begin, inside, last, unit (one-token entry)
# Hand-written trigger and keyword lists always come from the package.
CURATED = resources.ROOT / "entities"


def read_list(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [x.strip() for x in f if x.strip() and not x.startswith("#")]


def read_entities(path: Path) -> Counter:
    """(text, label) → count from a train_entities.tsv file."""
    out: Counter = Counter()
    for line in read_list(path):
        text, label, n = line.split("\t")
        out[(text, label)] += int(n)
    return out


def norm_tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(normalize(text))


class Gazetteer:
    """Name lists matched over token keys, plus trigger-word classes.

    ``entries`` maps a normalised token sequence to the set of its types. ``name_counts`` counts
    how often each normalised token occurs inside a known name; it drives both clitic-stripped
    matching (وبغداد → بغداد) and the proclitic trimming of entity spans.
    """

    def __init__(self, entries: dict[tuple[str, ...], set[str]], name_counts: Counter,
                 triggers: dict[str, str], token_roles: dict[str, tuple[str, ...]] | None = None):
        self.name_counts = name_counts
        self.token_roles = token_roles or {}
        self.triggers = triggers
        self.automaton = ahocorasick.Automaton()
        for toks, types in entries.items():
            n = len(toks)
            self.automaton.add_word(" " + " ".join(toks) + " ", (n, tuple(sorted(types))))
        if entries:
            self.automaton.make_automaton()
        self.empty = not entries

    @classmethod
    def load(cls, directory: Path, entities: Counter | None = None) -> Gazetteer:
        """Gazetteer from a directory of lists; ``entities`` overrides its train_entities.tsv."""
        entries: dict[tuple[str, ...], set[str]] = {}
        counts: Counter = Counter()
        for fname, typ in EXTERNAL.items():
            p = directory / fname
            if p.exists():
                for name in read_list(p):
                    toks = tuple(norm_tokens(name))
                    if toks:
                        entries.setdefault(toks, set()).add(typ)
                        for t in toks:
                            counts[t] += 3
        if entities is None:
            p = directory / "train_entities.tsv"
            entities = read_entities(p) if p.exists() else Counter()
        raw = [(tuple(norm_tokens(text)), label, n) for (text, label), n in entities.items()]
        for toks, _, n in raw:
            for t in toks:
                counts[t] += n
        roles: dict[str, Counter] = {}
        for toks, label, n in raw:
            if not toks:
                continue
            toks = (strip_name_proclitic(toks[0], counts),) + toks[1:]
            for i, t in enumerate(toks):
                roles.setdefault(t, Counter())[label + ("B" if i == 0 else "I")] += n
            entries.setdefault(toks, set()).add("t" + label)
            if label == "PER" and len(toks) > 1:
                entries.setdefault(toks[:1], set()).add("fn")  # a person's first name
        triggers = {}
        for fname, cls_ in (("triggers_per.txt", "per"), ("triggers_loc.txt", "loc"), ("org_keywords.txt", "org")):
            p = CURATED / fname
            if p.exists():
                for w in read_list(p):
                    n = normalize(w)
                    triggers[n] = cls_
                    if cls_ == "org" and not n.startswith("ال"):
                        triggers["ال" + n] = cls_
        # token → the roles it most often has inside training names ("nPERB" …)
        token_roles = {t: tuple("n" + r for r, _ in c.most_common(2)) for t, c in roles.items()}
        return cls(entries, counts, triggers, token_roles)

    def matches(self, keys: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """(first token, last token, types) of every entry found in a sentence's token keys."""
        if self.empty or not keys:
            return []
        text = " " + " ".join(keys) + " "
        # character position of the space after each token (cumulative, built at C speed);
        # only the few matches are looked up in it
        ends = list(map(add, accumulate(map(len, keys)), count(1)))
        out = []
        for end_char, (n, types) in self.automaton.iter(text):
            last = bisect_left(ends, end_char)  # end_char is the trailing space of the match
            if last < len(ends) and ends[last] == end_char:
                out.append((last - n + 1, last, types))
        return out

    def tag(self, keys: list[str]) -> list[list[tuple[str, str, str]]]:
        """Per token, the (own, as-previous, as-next) feature strings of every match covering it."""
        out: list[list[tuple[str, str, str]]] = [[] for _ in keys]
        for first, last, types in self.matches(keys):
            n = last - first + 1
            for j in range(first, last + 1):
                p = "U" if n == 1 else "B" if j == first else "L" if j == last else "I"
                for t in types:
                    out[j].append(_GAZ_STRINGS[t, p])
        return out


def _gaz_strings() -> dict[tuple[str, str], tuple[str, str, str]]:
    types = ("cty", "reg", "cit", "tPER", "tORG", "tLOC", "tMISC", "fn")
    return {(t, p): (f"G={t}{p}", f"-1G={t}{p}", f"+1G={t}{p}") for t in types for p in POSITIONS}


_GAZ_STRINGS = _gaz_strings()


def strip_name_proclitic(norm: str, counts: Counter) -> str:
    """The token without an attached و/ف/ب/ل/ك when the rest is the likelier name."""
    return proclitic_split(norm, counts)[1]


def proclitic_split(norm: str, counts: Counter) -> tuple[int, str]:
    """(leading proclitic letters to leave out of a name token, the name form).

    The article stays: والعراق/بالعراق → العراق; للولايات → (1, الولايات): only the first lam
    is the preposition, the second is the article's. Otherwise a prefix is stripped only when
    the remainder is a more frequent name token than the whole (وبغداد → بغداد, while بغداد,
    لندن, فرنسا, وارسو stay whole).
    """
    k, stem = strip_proclitics(norm)
    if k:
        return k, stem
    whole = counts.get(norm, 0)
    for p in PROCLITICS:
        if norm.startswith(p) and len(norm) - len(p) >= 3:
            rest = norm[len(p):]
            if counts.get(rest, 0) > whole:
                return len(p), rest
    return 0, norm


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """word → its feature strings (c64, c256, c1024, fq, al), see scripts/build_ner_clusters.py."""
    out: dict[str, tuple[str, ...]] = {}
    if not path.exists():
        return out
    with open(path, encoding="utf-8") as f:
        names = [h for h in f.readline().lstrip("# ").split("\t")[1:] if " " not in h]
        for line in f:
            parts = line.rstrip("\n").split("\t")
            out[parts[0]] = tuple(f"{n}={c}" for n, c in zip(names, parts[1:]))
    return out


class WordFeatures:
    __slots__ = ("bare", "key", "next", "next2", "own", "prev", "prev2")

    def __init__(self, key, own, prev, next_, prev2, next2, bare):
        self.key, self.own, self.prev, self.next = key, own, prev, next_
        self.prev2, self.next2, self.bare = prev2, next2, bare


class Featurizer:
    """Feature strings for tokens in context. ``known`` (the model's attributes) filters the
    cached lists so the tagger never receives features it has no weights for."""

    def __init__(self, gaz: Gazetteer, clusters: dict[str, tuple[str, ...]] | None = None,
                 known: set[str] | None = None):
        self.gaz = gaz
        self.clusters = clusters or {}
        self.known = known
        self._cache: dict[str, WordFeatures] = {}

    def word(self, norm: str) -> WordFeatures:
        wf = self._cache.get(norm)
        if wf is None:
            wf = self._word(norm)
            if len(self._cache) > 300_000:
                self._cache.clear()
            self._cache[norm] = wf
        return wf

    def _key(self, norm: str) -> str:
        """Form used for gazetteer matching: clitic-stripped when that is a known name token."""
        counts = self.gaz.name_counts
        if norm in counts or norm[:1] not in _CLITIC_FIRST:
            return norm  # (a reading with proclitics starts with one of their letters)
        for _, stem in proclitic_readings(norm):
            if stem in counts:
                return stem
        return norm

    def _classes(self, norm: str, stem: str) -> tuple[str, ...]:
        """The word's distributional classes, looked up by stem, else by a clitic reading."""
        cl = self.clusters.get(stem)
        if cl is None:
            for _, st, _ in clitic_candidates(norm):
                cl = self.clusters.get(st)
                if cl is not None:
                    break
        return cl or ()

    def _word(self, norm: str) -> WordFeatures:
        key, bare, own, near, ctx = self.base(norm)
        lists = (own, ["-1" + f for f in near], ["+1" + f for f in near],
                 ["-2" + f for f in ctx], ["+2" + f for f in ctx])
        if self.known is not None:
            k = self.known
            lists = tuple([f for f in lst if f in k] for lst in lists)
        return WordFeatures(key, lists[0], lists[1], lists[2], lists[3], lists[4], bare)

    def base(self, norm: str) -> tuple[str, str, list[str], list[str], list[str]]:
        """(gazetteer key, bare form, own features, features seen from ±1, from ±2), unprefixed.

        The ±1/±2 lists get their "-1"/"+1"/"-2"/"+2" prefixes in :meth:`_word`; the tagger
        (marsad.entities.stage) looks them up unprefixed, saving the string building.
        """
        n_pro, stem = strip_proclitics(norm)
        bare = stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem
        key = self._key(norm)
        trig = self.gaz.triggers.get(stem) or self.gaz.triggers.get(key) or self.gaz.triggers.get(norm)
        ctx = ["w=" + norm, "r=" + bare]
        if trig:
            ctx.append("T=" + trig)
        if not norm[0].isalnum():
            ctx.append("P=" + norm[0])
        cl = self._classes(norm, stem) or ("nocl",)
        ctx.append(cl[1] if len(cl) > 1 else cl[0])
        near = ctx + ["x2=" + bare[-2:]] + ([cl[2], cl[4]] if len(cl) > 4 else [])
        if stem.startswith("ال"):
            near.append("al")
        own = ["bias", "w=" + norm, "r=" + bare, "p1=" + norm[:1], "p2=" + norm[:2], "p3=" + norm[:3],
               "x1=" + norm[-1:], "x2=" + norm[-2:], "x3=" + norm[-3:],
               "y2=" + bare[-2:], "y3=" + bare[-3:], "y4=" + bare[-4:], "q2=" + bare[:2], "q3=" + bare[:3],
               "len=" + str(min(len(bare), 10))]
        own.extend(cl)
        roles = self.gaz.token_roles.get(key) or ()
        own.extend(roles)
        near.extend(roles[:1])
        if stem != norm:
            own.append("s=" + stem)
            own.append("pc=" + norm[:n_pro])
        if key != norm and key != stem:
            own.append("k=" + key)
        if stem.startswith("ال"):
            own.append("al")
        if trig:
            own.append("T=" + trig)
        if norm.isdigit():
            own.append("D" + str(min(len(norm), 5)))
        elif norm.isascii() and norm.isalpha():
            own.append("LAT")
        elif not norm[0].isalnum():
            own.append("P=" + norm[0])
        return key, bare, own, near, ctx

    def sentence(self, norms: list[str]) -> list[list[str]]:
        ws = [self.word(n) for n in norms]
        gaz = self.gaz.tag([w.key for w in ws])
        known = self.known
        n = len(ws)
        out = []
        for i in range(n):
            w = ws[i]
            f = list(w.own)
            if i > 0:
                p = ws[i - 1]
                f += p.prev
                b = "B-=" + p.bare + "|" + w.bare
                if known is None or b in known:
                    f.append(b)
                for g in gaz[i - 1]:
                    f.append(g[1])
                if i > 1:
                    f += ws[i - 2].prev2
            else:
                f.append("BOS")
            if i + 1 < n:
                q = ws[i + 1]
                f += q.next
                b = "B+=" + w.bare + "|" + q.bare
                if known is None or b in known:
                    f.append(b)
                for g in gaz[i + 1]:
                    f.append(g[2])
                if i + 2 < n:
                    f += ws[i + 2].next2
            else:
                f.append("EOS")
            for g in gaz[i]:
                f.append(g[0])
            out.append(f)
        return out
