"""Phases 1–4 of the actors resolver: the atoms of a document and its main country.

1. one pass of the dictionary automaton over the normalised text, leftmost-longest, outside
   boilerplate; quotation marks are transparent to it, so a name quoted inside a longer one
   (تنظيم «القاعدة»، تحالف «دعم الشرعية») matches that longer name;
2. persons of the entities layer the dictionary does not know (unless a listed person, group or
   state, or a longer dictionary phrase, covers them; a listed person's bare surname after
   another given name is a namesake, a person of its own: سامي عنان is not كوفي عنان);
3. the countries the document names, most mentioned first (``ranking``: its head is the main
   country that bare titles and institutions belong to);
4. later mentions of a named person's surname (السوداني after محمد شياع السوداني; the family
   name written first in East Asian names: كيم after كيم جونغ أون), proclitics allowed, unless a
   longer listed name covers them; in-document names beat the dictionary's bare aliases.
"""
from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections import Counter
from typing import Iterable

import ahocorasick

from marsad.actors.base import Atom, ResolverBase, norm
from marsad.actors.dictionary import (
    LAM_PROCLITICS,
    PROCLITICS,
    RESOLVER_WORDS,
    default_surname,
)
from marsad.actors.entity_layer import proclitic_gap
from marsad.actors.kinds import STATE_SECTORS, STORY_SENTENCES
from marsad.entities.words import given_name, never_name
from marsad.text.normalize import normalize

# Verbs spelt like given names: before a listed surname they are no namesake's given name.
NAME_LIKE_VERBS = frozenset(normalize(w) for w in RESOLVER_WORDS["name_like_verbs"])
# Quotation marks that Arabic news puts around a name inside a longer phrase (تنظيم «القاعدة»).
QUOTES_RE = re.compile('[«»"“”]')


def similar_words(a: str, b: str) -> bool:
    """Two spellings of one given name (ميشال / ميشيل, جوزيف / جوزف): most letters shared."""
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.6


def unquoted(text: str, origin):
    """``text`` without quotation marks and the original offset of each kept character.

    A mark between two letters or digits (أن"الولايات) becomes a space that parts the two words;
    any other mark goes. Only the marks are visited: the text between them is copied in slices.
    """
    if QUOTES_RE.search(text) is None:
        return text, origin
    parts: list[str] = []
    orig = origin[:0]  # an empty array (or list) of the same kind
    last, n = 0, len(text)
    prev = ""  # the last character kept so far
    for m in QUOTES_RE.finditer(text):
        i = m.start()
        if i > last:
            parts.append(text[last:i])
            orig.extend(origin[last:i])
            prev = text[i - 1]
        if prev.isalnum() and i + 1 < n and text[i + 1].isalnum():
            parts.append(" ")
            orig.append(origin[i])
            prev = " "
        last = i + 1
    parts.append(text[last:])
    orig.extend(origin[last:n])
    return "".join(parts), orig



_WORD_RE = re.compile(r"[^\W_]+")


class WordEnds:
    """Where strings occur in a text as the end of a word (the string itself or after up to three
    letters, as with proclitics), found through an index of word endings instead of a scan of the
    text per string: many surnames in a long document cost linear time. Only the ``forms`` given
    are indexed (an index of every word ending held four entries per word)."""

    def __init__(self, text: str, forms: Iterable[str]):
        self.text = text
        self.forms = set(forms)
        self._index: dict[str, list[int]] | None = None

    def occurrences(self, form: str, start: int) -> Iterable[int]:
        """Starts of ``form`` at or after ``start`` that end a word, as ``str.find`` would find
        them one after the other (candidates for the caller's checks of the letters around)."""
        if not form or form not in self.forms:
            out, pos = [], self.text.find(form, start)
            while pos >= 0:
                out.append(pos)
                pos = self.text.find(form, pos + len(form))
            return out
        if self._index is None:
            self._index = self._build()
        found = self._index.get(form, ())
        found = itertools.islice(found, bisect.bisect_left(found, start), None)
        if " " not in form:
            return found
        # every occurrence, overlapping ones too: keep those str.find would step to
        out, nxt = [], start
        for pos in found:
            if pos >= nxt:
                out.append(pos)
                nxt = pos + len(form)
        return out

    def _build(self) -> dict[str, list[int]]:
        """Each form's starts in text order: word endings for one word, and all occurrences
        (one Aho-Corasick pass for all) for several words."""
        index: dict[str, list[int]] = {}
        words = {f for f in self.forms if f and " " not in f}
        for m in _WORD_RE.finditer(self.text):
            w, p = m.group(), m.start()
            for k in range(min(4, len(w))):
                if w[k:] in words:
                    index.setdefault(w[k:], []).append(p + k)
        phrases = self.forms - words - {""}
        if phrases:
            auto = ahocorasick.Automaton()
            for f in phrases:
                auto.add_word(f, len(f))
            auto.make_automaton()
            for end, n in auto.iter(self.text):
                # in order of ends, so of starts for each form
                index.setdefault(self.text[end - n + 1:end + 1], []).append(end - n + 1)
        return index


class AtomsMixin(ResolverBase):
    """Phases 1–4: the atoms, in text order, and the country ranking."""

    # -- 1. dictionary matches -------------------------------------------------------------------
    def match(self) -> list[Atom]:
        doc = self.doc
        nt = doc.norm()
        text, origin = unquoted(nt.text, nt.origin)
        hits = self.lex.scan(text)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        boiler = self.boiler
        atoms: list[Atom] = []
        last_end = -1
        toks = self.toks
        tok_starts = self.tok_starts
        bisect_right = bisect.bisect_right
        in_boilerplate = self.in_boilerplate
        for ns, ne, readings in hits:
            if ns < last_end:
                continue  # leftmost-longest, no overlaps
            # nt.to_original and self.tok_index, inline (keys are never empty: ne > ns)
            s, e = origin[ns], origin[ne - 1] + 1
            ti = bisect_right(tok_starts, s) - 1
            if ti < 0 or toks[ti].sentence in boiler or in_boilerplate(s, e):
                continue
            last_end = ne
            atoms.append(Atom(s, e, ti, bisect_right(tok_starts, e - 1) - 1, readings))
        return atoms

    # -- 2. persons from the entities layer ------------------------------------------------------
    def add_entity_persons(self, atoms: list[Atom]) -> list[Atom]:
        pers = [en for en in self.doc.entities if en.label == "PER"]
        if not pers:
            return atoms
        starts = [a.s for a in atoms]
        drop: set[int] = set()
        extra: list[Atom] = []
        for en in pers:
            lo = bisect.bisect_left(starts, en.start - 200)
            hi = bisect.bisect_left(starts, en.end, lo)  # atoms starting after it: not inside
            inside = [k for k in range(lo, hi) if en.start < atoms[k].e]
            known = [k for k in inside if atoms[k].get("A") and atoms[k].get("A")[3] == "person"]
            if known and not (len(inside) == 1 and self._namesake(en.start, en.end, atoms[known[0]])):
                continue  # a known person
            if any(atoms[k].s < en.start or atoms[k].e > en.end for k in inside):
                continue  # a longer dictionary phrase crosses it
            if any(atoms[k].e == en.end and (atoms[k].s == en.start or
                                             proclitic_gap(self.doc.text, en.start, atoms[k].s)) and
                   atoms[k].get("A") and (atoms[k].get("A")[2] == "ORG" or atoms[k].get("A")[3] == "country")
                   for k in inside):
                # the tagger's person is a listed group or state («كتائب عز الدين القسام»), maybe
                # with a proclitic the tagger kept ("وفيلق الرحمن")
                continue
            if self.in_boilerplate(en.start, en.end):
                continue
            drop.update(inside)
            ti, tj = self.tok_index(en.start), self.tok_index(en.end - 1)
            name = self.doc.text[en.start:en.end]
            extra.append(Atom(en.start, en.end, ti, tj, (("P", name),)))
        kept = [a for k, a in enumerate(atoms) if k not in drop] + extra
        kept.sort(key=lambda a: a.s)
        return kept

    def _namesake(self, start: int, end: int, atom: Atom) -> bool:
        """Whether a tagged full name that ends with a listed person's bare surname names someone
        else: سامي عنان is not كوفي عنان. The given name before the surname must be unlike the
        first word of each of the person's full names (ميشال عون is still ميشيل عون)."""
        if atom.e != end or atom.s <= start or " " in norm(self.doc.text[atom.s:atom.e]):
            return False
        written = self.doc.text[start:atom.s].split()
        given = [norm(w) for w in written]
        if not given or len(given) > 2 or self.lex.keys.get(given[0]) or given[0] in NAME_LIKE_VERBS \
                or not given_name(written[0]):
            return False  # a title, nisba or verb the tagger took in, not a given name
        entry = self.lex.entries[atom.get("A")[1]]
        # the person's given names as one string each ("عبد الفتاح" = "عبدالفتاح")
        firsts = {"".join(norm(n).split()[:-1]) for n in (entry.name, *entry.aliases) if " " in n.strip()}
        return bool(firsts) and all(not similar_words("".join(given), f) for f in firsts)

    # -- 3. the document's main country ----------------------------------------------------------
    def country_ranking(self, atoms: list[Atom]) -> list[str]:
        counts: Counter = Counter()
        for a in atoms:
            r = a.get("A")
            if r is not None and r[3] in ("country", "capital"):
                counts[r[1].split(".")[0]] += 1
                self.state_named[r[1].split(".")[0]] += 1
            elif r is not None and r[3] == "city":
                iso = self.lex.entries[r[1]].country
                if iso:
                    counts[iso] += 1
            elif a.get("N") is not None:
                counts[a.get("N")[1]] += 1
        if max(counts.values(), default=0) <= 1 and len(self.doc.sentences) >= STORY_SENTENCES:
            # in an article, one passing place name is weak evidence ("الحدود مع المكسيك" in a
            # story of the US Congress): the states whose bodies and officials are named count
            # too (not a news agency's: وكالة الصحافة الفرنسية places no story in France)
            for a in atoms:
                r = a.get("A")
                e = self.lex.entries[r[1]] if r is not None and r[3] not in ("country", "capital", "city") else None
                if e is not None and e.type in STATE_SECTORS and e.country in self.lex.countries:
                    counts[e.country] += 1
        self.rank_counts = counts
        return [iso for iso, _ in counts.most_common()]

    # -- 4. surnames after a full name -----------------------------------------------------------
    def add_surnames(self, atoms: list[Atom]) -> list[Atom]:
        surnames: dict[str, tuple[str, int]] = {}  # normalised surname → (person code, after)
        for a in atoms:
            code, surname = self._person_of(a)
            if code and surname and surname not in surnames:
                surnames[surname] = (code, a.e)
        if not surnames:
            return atoms
        nt = self.doc.cache["norm_text"]
        text = nt.text
        word_ends = WordEnds(text, [*surnames, *(sn[1:] for sn in surnames if sn.startswith("ال"))])
        new_atoms = []
        for sn, (code, after) in surnames.items():
            # the surname as a whole word, proclitics allowed (للسوداني = ل + لسوداني)
            forms = [(sn, PROCLITICS)]
            if sn.startswith("ال"):
                forms.append((sn[1:], LAM_PROCLITICS))
            for form, allowed in forms:
                start = nt.from_original(after)
                for pos in word_ends.occurrences(form, start):
                    e = pos + len(form)
                    ws = pos
                    while ws > 0 and text[ws - 1].isalnum() and pos - ws <= 2:
                        ws -= 1
                    if (e >= len(text) or not text[e].isalnum()) and text[ws:pos] in allowed \
                            and (ws == 0 or not text[ws - 1].isalnum()):
                        s0, e0 = nt.to_original(pos, e)
                        ti, tj = self.tok_index(s0), self.tok_index(e0 - 1)
                        if ti >= 0 and self.toks[ti].sentence not in self.boiler and \
                                not self.in_boilerplate(s0, e0) and not never_name(self.doc.text[s0:e0]):
                            new_atoms.append(Atom(s0, e0, ti, tj, (("S", code),)))
        new_atoms.sort(key=lambda x: x.s)
        if not new_atoms:
            return atoms
        out = []
        n_starts = [n.s for n in new_atoms]
        for a in atoms:
            k = bisect.bisect_left(n_starts, a.s - 60)
            clash = [n for n in new_atoms[k:k + 8] if n.s < a.e and a.s < n.e]
            if not clash:
                out.append(a)
            elif a.get("A") is not None and a.get("A")[3] in ("person", "alias") \
                    and a.e - a.s > max(n.e - n.s for n in clash):
                out.append(a)  # a longer name (كتائب حزب الله) keeps its reading
                for n in clash:
                    n.done = True
        out.extend(n for n in new_atoms if not n.done)
        out.sort(key=lambda a: a.s)
        return out

    def _person_of(self, a: Atom) -> tuple[str | None, str | None]:
        r = a.get("A")
        if r is not None and r[3] == "person":
            e = self.lex.entries[r[1]]
            surface = norm(self.doc.text[a.s:a.e])
            # the surname of the name as written, unless the dictionary says there is none
            if e.surname == "":
                return r[1], None
            sn = default_surname(surface) if len(surface.split()) > 1 else None
            return r[1], sn or e.surname or None
        r = a.get("P")
        if r is not None:
            name = norm(r[1])
            sn = default_surname(name)
            if any(k[0] == "N" for k in self.lex.keys.get(sn, ())):
                sn = ""  # a title phrase the tagger read as a name ("ولي العهد السعودي")
            return self.new_person(r[1]).id, sn or None
        return None, None
