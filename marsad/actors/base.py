"""What every part of the actors resolver shares: atoms, token helpers, recording mentions.

An :class:`Atom` is a dictionary match (or a person) with the tokens it covers; its readings are
the dictionary's tuples, the first field a kind letter (A alias, N nisba, I institution head,
T title, R armed-group head, C coalition, D people, H anaphoric head, X blocked, P person from the entities
layer, S surname). :class:`ResolverBase` holds one document's state; the phases
(``actors_atoms``, ``actors_compose``, ``actors_groups``, ``actors_output``) are mixins on it,
and every mention they find goes through :meth:`ResolverBase.emit_mention`, which also keeps
the last armed group and coalition named for the anaphora rules.
"""
from __future__ import annotations

import bisect
from collections import Counter
from functools import lru_cache

from marsad.actors.dictionary import Entry, Lexicon
from marsad.doc import Doc
from marsad.text.normalize import normalize
from marsad.text.segment import CONJ, PREP

STAGE = "actors"
PUNCT_GAP = frozenset({",", "،", "-", "–", ":"})
PERSON_KINDS = ("S", "P")
_CONJ_LETTERS = frozenset(CONJ)
_PREP_LETTERS = frozenset(PREP)
_PROCLITIC_LETTERS = _CONJ_LETTERS | _PREP_LETTERS


@lru_cache(maxsize=100_000)
def norm(text: str) -> str:
    return " ".join(normalize(text).split())


class Atom:
    """A dictionary match (or a person) in the text, with the token range it covers."""

    __slots__ = ("s", "e", "ti", "tj", "readings", "done")

    def __init__(self, s: int, e: int, ti: int, tj: int, readings):
        self.s, self.e, self.ti, self.tj = s, e, ti, tj
        self.readings = readings
        self.done = False

    def get(self, kind: str):
        for r in self.readings:
            if r[0] == kind:
                return r
        return None


class ResolverBase:
    """One document's resolver state and the helpers every phase uses."""

    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self.date = doc.published
        self.toks = doc.tokens
        self.tok_starts = [t.start for t in self.toks]
        self.mentions: list[tuple[int, int, Entry, str, str | None]] = []
        self.new: dict[str, Entry] = {}
        self.last_reb: str | None = None
        self.last_coalition: str | None = None
        # title → the person it last named in this document ("الملك حسين … قافلة الملك")
        self.titled: dict[str, Entry] = {}
        self.atoms: list[Atom] = []  # in text order, set once the atoms are found
        self.ranking: list[str] = []  # the document's countries, most mentioned first
        self.rank_counts: Counter = Counter()  # how often each of them is named
        self.state_named: Counter = Counter()  # … by its name or capital
        self.anaphor_iso: dict[str, str | None] = {}  # head family → the state it refers to
        self._forms: dict[int, tuple[str, ...]] = {}
        self.boiler = {s.index for s in doc.sentences if s.boilerplate}
        self._bp = sorted((b.start, b.end) for b in doc.boilerplate)
        self._bp_starts = [b[0] for b in self._bp]

    def in_boilerplate(self, s: int, e: int) -> bool:
        k = bisect.bisect_right(self._bp_starts, s) - 1
        return k >= 0 and e <= self._bp[k][1]

    # -- token helpers ---------------------------------------------------------------------------
    def tok_index(self, offset: int) -> int:
        return bisect.bisect_right(self.tok_starts, offset) - 1

    def forms(self, k: int) -> tuple[str, ...]:
        """Normalised readings of token k: as written, clitic-stripped, without a conjunction."""
        f = self._forms.get(k)
        if f is None:
            t = self.toks[k]
            out = [t.norm]
            if t.stem and t.stem != t.norm:
                out.append(t.stem)
            if len(t.norm) > 3 and t.norm[0] in _PROCLITIC_LETTERS:
                out.append(t.norm[1:])
                if len(t.norm) > 4 and t.norm[1] in _PREP_LETTERS and t.norm[0] in _CONJ_LETTERS:
                    out.append(t.norm[2:])
            f = self._forms[k] = tuple(out)
        return f

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.toks) and 0 <= j < len(self.toks) and \
            self.toks[i].sentence == self.toks[j].sentence

    def adjacent(self, a: Atom, b: Atom | None, gap: int = 0) -> bool:
        return b is not None and a.tj < b.ti <= a.tj + 1 + gap and self.same_sentence(a.tj, b.ti)

    def next_atom(self, i: int) -> Atom | None:
        return self.atoms[i + 1] if i + 1 < len(self.atoms) else None

    # -- mentions --------------------------------------------------------------------------------
    def emit_mention(self, s: int, e: int, entry: Entry | None, rule: str, label: str | None) -> None:
        if entry is None:
            return
        self.mentions.append((s, e, entry, rule, label))
        t = entry.type
        if t == "REB" or t == "PRM":
            self.last_reb = entry.id
        if entry.leader:
            self.last_coalition = entry.id

    def emit_code(self, s, e, iso: str | None, code: str, rule: str, label) -> None:
        self.emit_mention(s, e, self._inst(iso, code), rule, label)

    def _inst(self, iso: str | None, code: str) -> Entry | None:
        if iso is None or iso not in self.lex.countries:
            return self._generic(code)
        return self.lex.institution_entry(iso, code)

    def _generic(self, code: str) -> Entry | None:
        """A sector actor without a country (no nisba and no main country): "REB", "UAF" …"""
        inst = self.lex.institutions.get(code)
        if inst is None or code == "GOV":
            return None
        e = self.lex.entries.get(code)
        if e is None:
            name = inst.name.replace(" {m}", "").replace(" {f}", "").replace(" {mp}", "")
            e = self.lex.entries[code] = Entry(code, name, inst.en.replace("{en} ", ""),
                                               None, inst.type, "ORG")
        return e

    # -- what an atom stands for -----------------------------------------------------------------
    def entry_of(self, a: Atom) -> Entry | None:
        """The actor an alias, surname or person atom stands for."""
        r = a.readings[0]
        if r[0] == "A":
            return self.lex.entries.get(r[1])
        if r[0] == "S":
            return self.lex.entries.get(r[1]) or self.new.get(r[1])
        if r[0] == "P":
            return self.new_person(r[1])
        return None

    def is_person(self, a: Atom | None) -> bool:
        if a is None:
            return False
        r = a.readings[0]
        return r[0] in PERSON_KINDS or (r[0] == "A" and r[3] == "person")

    def country_atom(self, a: Atom | None) -> str | None:
        r = a.get("A") if a is not None else None
        if r is not None and r[3] in ("country", "capital"):
            return r[1].split(".")[0]
        return None

    def new_person(self, name: str) -> Entry:
        code = "new:" + " ".join(norm(name).split())
        e = self.new.get(code)
        if e is None:
            e = self.new[code] = Entry(code, name, None, None, None, "PER")
        return e
