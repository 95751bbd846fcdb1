"""Bare institution heads that refer back to one state's institution.

"النظام" after "النظام السوري" or "نظام الأسد", "قوات النظام" in the same article, "السلطات" or
"الجهة المختصة" after "السلطات السعودية": the document says whose regime or authorities these
are. Each family of heads (resources/actors/resolver_words.yaml, ``anaphoric_heads``) counts the
country-qualified uses of its head words over the whole document (one pass over the atoms); a
bare head takes the state with clearly most of them. A family may fall back on the document's
main country when that country clearly leads the document's countries (kept as a borrowed
country, as for the other bare institutions).
"""
from __future__ import annotations

import bisect
from collections import Counter

from marsad.actors.base import Atom, ResolverBase, norm
from marsad.actors.dictionary import RESOLVER_WORDS

# family → (normalised head words whose qualified uses count, fall back on the main country)
FAMILIES = {name: (tuple(norm(h) for h in fam["from"]), bool(fam["main_country"]))
            for name, fam in RESOLVER_WORDS["anaphoric_heads"].items()}
# Words just before a bare head that make it another noun ("المزيد من السلطات").
NOT_AFTER = frozenset(norm(w) for w in RESOLVER_WORDS["anaphoric_not_after"])
# Definite heads that name again a body named before: normalised head → its bare form.
BODY_WORDS = {norm(w): norm(w)[2:] for w in RESOLVER_WORDS["body_anaphors"]}
# How many sentences back such a head may look for its body.
BODY_REACH = 3
# A state "clearly" leads when it has at least this many times the runner-up's count.
LEAD = 2


def leader(counts: Counter) -> str | None:
    """The key with at least LEAD times the count of any other, else None."""
    top = counts.most_common(2)
    if not top:
        return None
    if len(top) > 1 and top[0][1] < LEAD * top[1][1]:
        return None
    return top[0][0]


class AnaphoraMixin(ResolverBase):
    """Which state each family of bare heads refers to, and the mentions of those heads."""

    def anaphor_states(self) -> None:
        """``self.anaphor_iso``: family → the state its qualified uses clearly point to."""
        counts: dict[str, Counter] = {f: Counter() for f in FAMILIES}
        text = self.doc.text
        for i, a in enumerate(self.atoms):
            if a.get("A") is None and a.get("I") is None:
                continue
            surf = norm(text[a.s:a.e])
            forms = (surf, "ا" + surf) if surf.startswith("ل") else (surf,)
            fams = [f for f, (heads, _) in FAMILIES.items()
                    if any(s == h or s.startswith(h + " ") for s in forms for h in heads)]
            if fams:
                iso = self._qualified_state(i, a)
                if iso is not None:
                    for f in fams:
                        counts[f][iso] += 1
        self.anaphor_iso = {f: leader(c) for f, c in counts.items()}

    def _qualified_state(self, i: int, a: Atom) -> str | None:
        """The state a head names with what follows it ("السلطات السعودية", "نظام الأسد") or
        as a listed alias of a state institution ("النظام السوري")."""
        al = a.get("A")
        if al is not None:
            e = self.lex.entries.get(al[1])
            return e.country if e is not None and al[1].split(".")[0] == e.country else None
        b = self.next_atom(i)
        if not self.adjacent(a, b):
            return None
        if b.get("N") is not None:
            return b.get("N")[1]
        iso = self.country_atom(b)
        if iso is None and self.is_person(b):
            pe = self.entry_of(b)
            iso = pe.country if pe is not None else None
        return iso

    def anaphor(self, a: Atom, r) -> bool:
        """A bare head of a family: the state the document establishes, if any."""
        _, code, family = r
        if a.ti == a.tj and a.tj + 1 < len(self.toks) and self.same_sentence(a.tj, a.tj + 1) \
                and self.toks[a.tj + 1].norm.startswith("ال"):
            return False  # "النظام الانتخابي": a definite adjective makes it another noun
        for k in (a.ti - 1, a.ti - 2):
            if self.same_sentence(k, a.ti) and NOT_AFTER.intersection(self.forms(k)):
                return False
        iso = self.anaphor_iso.get(family)
        if iso is not None:
            self.emit_code(a.s, a.e, iso, code, "institution-anaphor", None)
            return True
        if FAMILIES[family][1] and self.main_leads():
            self.emit_code(a.s, a.e, self.ranking[0], code, "institution-main-country", None)
            return True
        return False

    def main_leads(self) -> bool:
        """The document's main country is named clearly more often than any other."""
        return bool(self.ranking) and leader(self.rank_counts) == self.ranking[0]

    # -- "الوزارة", "السفارة": a body named again ------------------------------------------------
    def body_word(self, ks) -> str | None:
        """The bare form of the first body head among tokens ``ks`` ("الوزارة" → "وزاره")."""
        for k in ks:
            for f in self.forms(k):
                if f in BODY_WORDS:
                    return BODY_WORDS[f]
        return None

    def named_body(self, start: int, stem: str,
                   by_start: list[tuple[int, int]] | None = None) -> str | None:
        """State of the nearest body before ``start`` whose name has ``stem`` ("وزارة الخارجية
        الأمريكية" for "الوزارة"), within BODY_REACH sentences. ``by_start``: (start, index)
        of the mentions in text order (default: self.mentions is already in text order)."""
        if by_start is None:
            k = bisect.bisect_left(self.mentions, start, key=lambda m: m[0]) - 1
            order = None
        else:
            k = bisect.bisect_left(by_start, (start, -1)) - 1
            order = by_start
        sent = self.toks[self.tok_index(start)].sentence
        for k in range(k, max(-1, k - 40), -1):
            m = self.mentions[order[k][1] if order is not None else k]
            if sent - self.toks[self.tok_index(m[0])].sentence > BODY_REACH:
                return None
            entry = m[2]
            if entry.kind == "ORG" and entry.country and stem in norm(entry.name):
                return entry.country
        return None
