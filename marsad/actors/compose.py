"""Phase 5 of the actors resolver: atoms, left to right, composed into mentions.

Each atom not yet used tries its readings in a fixed order: a surname or a person of the entities
layer is a person; then a title, an institution, a coalition and an armed-group head
(``actors_groups``) with what follows them; a nisba after a head noun (الغارات العسكرية الأميركية)
before the alias it also is; then an alias, a people, and last a bare institution of the
document's main country. A rule that declines leaves the atom to the next reading.
"""
from __future__ import annotations

from marsad.actors.base import PUNCT_GAP, Atom
from marsad.actors.dictionary import RESOLVER_WORDS
from marsad.actors.groups import GroupsMixin
from marsad.text.normalize import normalize

# Words that must precede a guarded country name (مالي is also "financial").
GUARD_WORDS = frozenset(normalize(w) for w in RESOLVER_WORDS["guard_words"])


# Words before a plural nisba that make it people ("آلاف الفلسطينيين"), normalised.
PEOPLE_BEFORE = frozenset(normalize(w) for w in RESOLVER_WORDS["people_before"])
# Words after which a plural nisba opens a clause, and negations a clause subject takes.
CLAUSE_OPENERS = frozenset(normalize(w) for w in RESOLVER_WORDS["clause_openers"])
CLAUSE_MARKS = PUNCT_GAP | {".", "!", "؟", "?", '"', "«", "“"}
SUBJECT_NEGATIONS = frozenset(normalize(w) for w in RESOLVER_WORDS["subject_negations"])
# How often a foreign state must be named (by name or capital) for its nationals to be its side.
STATE_NAMED = 2
# Sectors of named bodies a nisba after them only describes (compose._epithet).
EPITHET_TYPES = frozenset(RESOLVER_WORDS["epithet_types"])

# What may stand between a title and its name: a comma, a dash, or a bracket ("للرئيس (ترامب)").
TITLE_GAP = PUNCT_GAP | {"("}


class ComposeMixin(GroupsMixin):
    """Phase 5: every atom not yet used becomes a mention, or nothing."""

    # -- 5. composition --------------------------------------------------------------------------
    def compose(self) -> None:
        for i, a in enumerate(self.atoms):
            if a.done:
                continue
            a.done = True
            kinds = [r[0] for r in a.readings]
            if "X" in kinds:
                continue
            if "S" in kinds:
                self.emit_mention(a.s, a.e, self.lex.entries.get(a.readings[0][1]) or
                                  self.new[a.readings[0][1]], "surname", "PER")
                continue
            if "P" in kinds:
                self.emit_mention(a.s, a.e, self.new_person(a.readings[0][1]), "entity-person", None)
                continue
            if "T" in kinds and self._title(i, a.get("T")):
                continue
            if "I" in kinds and self.institution(i, a.get("I")):
                continue
            if "C" in kinds and self.coalition(i, a.get("C")):
                continue
            if "R" in kinds and self.armed(i, a.get("R")):
                continue
            n, al = a.get("N"), a.get("A")
            if n is not None and (al is None or self._head_before(a) is not None):
                self._nisba(a, n)
                continue
            if al is not None:
                self._alias(a, al)
                continue
            if "D" in kinds:  # الأفغان: a people, or its soldiers after a head noun
                self._nisba(a, ("N", a.get("D")[1], True, True))
                continue
            if "H" in kinds and self.anaphor(a, a.get("H")):
                continue
            if "I" in kinds:
                self.institution_bare(i, a.get("I"))

    # -- aliases and nisbas ----------------------------------------------------------------------
    def _alias(self, a: Atom, r) -> None:
        _, eid, label, rule, guard = r
        if guard and not (a.ti > 0 and self.same_sentence(a.ti - 1, a.ti)
                          and GUARD_WORDS.intersection(self.forms(a.ti - 1))):
            return
        self.emit_mention(a.s, a.e, self.lex.entries.get(eid), rule, label)

    def _head_before(self, a: Atom) -> str | None:
        """Sector of the noun a nisba qualifies (up to two words back, over one adjective)."""
        for k in (a.ti - 1, a.ti - 2):
            if k < 0 or not self.same_sentence(k, a.ti):
                return None
            fs = self.forms(k)
            for f in fs:
                sec = self.lex.heads.get(f)
                if sec is not None:
                    if k == a.ti - 1 and k > 0 and self.same_sentence(k - 1, a.ti) and \
                            any(self.lex.heads.get(g) == "BUS" for g in self.forms(k - 1)):
                        return "BUS"  # a company stays one whatever its field: "شركة أمنية أميركية"
                    return sec
            if not (fs[0].endswith(("يه", "ي")) and len(fs[0]) > 3):
                return None  # not an adjective: stop looking
        return None

    def _nisba(self, a: Atom, r) -> None:
        _, iso, plural, definite = r
        sector = self._head_before(a)
        if sector == "NONE" or sector is None and self._epithet(a):
            return
        if sector is None:
            prev = self.mentions[-1] if self.mentions else None
            if prev is not None and prev[3].startswith("nisba") and a.ti > 0 and \
                    self.tok_index(prev[1] - 1) >= a.ti - 2 and self.same_sentence(a.ti - 1, a.ti):
                sector = prev[2].id.split(".")[-1]  # coordinated nisbas: العراقية والأميركية
        if sector is not None:
            self.emit_code(a.s, a.e, iso, sector, "nisba-" + sector.lower(), None)
        elif plural and definite and self._party(a, iso):
            # "الحكومة العراقية والأمريكيون", "وافق عليها الأتراك": the state's side, not its people
            self.emit_code(a.s, a.e, iso, "GOV", "nisba-party", None)
        elif plural or (not definite and a.ti > 0 and self.toks[a.ti - 1].norm.isdigit()
                        and self.same_sentence(a.ti - 1, a.ti)):
            # (a count's singular accusative nisba is people too: "مقتل 54 فلسطينيا")
            self.emit_code(a.s, a.e, iso, "CVL", "nisba-people", None)
        elif definite:
            self.emit_code(a.s, a.e, iso, "GOV", "nisba", None)

    def _epithet(self, a: Atom) -> bool:
        """A nisba right after a named group, outlet or company qualifies it, and names no state of
        its own ("ميليشيات الحوثي الإيرانية"، "حزب الله اللبناني"، "قناة الجزيرة القطرية")."""
        prev = self.mentions[-1] if self.mentions else None
        return prev is not None and prev[2].type in EPITHET_TYPES and not prev[3].startswith(("nisba", "country")) \
            and a.ti > 0 and self.tok_index(prev[1] - 1) == a.ti - 1 and self.same_sentence(a.ti - 1, a.ti) \
            and not PUNCT_GAP.intersection(self.doc.text[prev[1]:a.s])

    def _party(self, a: Atom, iso: str) -> bool:
        """A definite plural nisba or demonym with no head noun that stands for its state as a
        party: joined by و to a state body named as such ("الحكومة العراقية والأمريكيون"), or of a
        foreign state the document names, opening a clause of its own ("أن الأتراك يحاولون");
        not counted or suffering ("آلاف الفلسطينيين")."""
        if a.ti > 0 and self.same_sentence(a.ti - 1, a.ti):
            prev = self.forms(a.ti - 1)
            if prev[0].isdigit() or PEOPLE_BEFORE.intersection(prev):
                return False
        if self.toks[a.ti].norm.startswith("و") and self.mentions:
            ms, me, entry, rule, _ = self.mentions[-1]
            if self.tok_index(me - 1) == a.ti - 1 and entry.type in ("GOV", "MIL") \
                    and entry.country and rule not in ("nisba-party", "country", "capital") \
                    and not rule.startswith("title"):
                # (not a bare state name: "أحترم مصر والمصريين" is the state and its people)
                return True
        # a foreign state the text names, its nationals the subject of a clause of their own
        # ("أن الأتراك يحاولون …", "الإيرانيون رفضوا …"; not "غضب الكنديين")
        return iso != (self.ranking[0] if self.ranking else None) and \
            self.state_named[iso] >= STATE_NAMED and self._clause_subject(a)

    def _clause_subject(self, a: Atom) -> bool:
        """The atom opens a clause (sentence start, after إن/أن, or after a comma) and a
        negation or a plural verb follows it."""
        k = a.tj + 1
        if k >= len(self.toks) or not self.same_sentence(a.tj, k):
            return False
        w = self.toks[k].norm
        verb = w in SUBJECT_NEGATIONS or (len(w) > 3 and (w.endswith("وا") or (
            w[0] in "يت" and w.endswith("ون"))))
        opens = a.ti == 0 or not self.same_sentence(a.ti - 1, a.ti) or \
            self.toks[a.ti - 1].norm in CLAUSE_OPENERS or self.toks[a.ti - 1].text in CLAUSE_MARKS
        return verb and opens

    # -- titles and offices ----------------------------------------------------------------------
    def _title(self, i: int, r) -> bool:
        a = self.atoms[i]
        t = self.lex.titles[r[1]]
        qualified = self._title_country(i, t)
        if qualified is None:
            return False
        iso, end, last = qualified
        if t.only and iso not in t.only:
            return False
        former = last + 1 < len(self.toks) and self.same_sentence(last, last + 1) and \
            bool(self.lex.not_current.intersection(self.forms(last + 1)))
        if self._title_name(i, r[1], iso, end, last, former):
            return True
        if former:
            return True
        if iso is None and r[1] in self.titled:
            # a bare title after "<title> <name>" is that person again, whoever held the office
            # at the document's date ("الملك حسين … وتعرضت قافلة الملك")
            self.emit_mention(a.s, end, self.titled[r[1]], "title-anaphor", None)
            return True
        return self._title_holder(a, t, iso, end)

    def _title_country(self, i: int, t) -> tuple[str | None, int, int] | None:
        """(state, end offset, last token) of the title at atom i with the nisba or country that
        qualifies it; None for a construct title ("رئيس وزراء ...") without a country after it."""
        a = self.atoms[i]
        b = self.next_atom(i)
        iso, end, last = t.fixed, a.e, a.tj
        if iso is None and self.adjacent(a, b) and b.get("N") is not None and not t.construct:
            iso, end, last = b.get("N")[1], b.e, b.tj
            b.done = True
        elif iso is None and t.construct:
            iso = self.country_atom(b) if self.adjacent(a, b) else None
            if iso is None:
                return None
        return iso, end, last

    def _title_name(self, i: int, slot: int, iso: str | None, end: int, last: int,
                    former: bool) -> bool:
        """A name right after the title (or after a comma): the title is that person."""
        a = self.atoms[i]
        t = self.lex.titles[slot]
        j = i + 1
        while j < len(self.atoms) and self.atoms[j].ti <= last:
            j += 1
        nb = self.atoms[j] if j < len(self.atoms) else None
        if nb is not None and t.construct and self.country_atom(nb) == iso and nb.ti == last + 1:
            last = nb.tj  # رئيس وزراء العراق [name]
            nb = self.atoms[j + 1] if j + 1 < len(self.atoms) else None
        skip = last + 1 + former
        if nb is None or not self.is_person(nb) or not self.same_sentence(last, nb.ti) or \
                not (nb.ti == skip or (nb.ti == skip + 1 and self.toks[skip].text in TITLE_GAP)):
            return False
        pe = self.entry_of(nb)
        if pe is not None and pe.id.startswith("new:"):
            pe.country = pe.country or iso
            pe.type = pe.type or self._office_sector(t.office, iso)
        self.emit_mention(a.s, end, pe, "title-name", None)
        if pe is not None:
            self.titled[slot] = pe
        return True

    def _title_holder(self, a: Atom, t, iso: str | None, end: int) -> bool:
        """The person holding the title's office at the document's date, else the office."""
        if iso is not None:
            candidates = [iso]
        elif t.bare:  # the office of the document's main country (PRES/KING: that one only)
            candidates = self.ranking[:1] if t.office in ("PRES", "KING") else self.ranking[:3]
        else:
            return False
        for c in candidates:
            offices = self.lex.countries[c].chief if (t.chief and c in self.lex.countries) \
                else [t.office]
            for off in offices:
                pid = self.lex.holder(c, off, self.date)
                if pid is not None:
                    self.emit_mention(a.s, end, self.lex.entries[pid], "title-holder", None)
                    return True
        if iso is not None and iso in self.lex.countries:
            off = self.lex.countries[iso].chief[0] if t.chief else t.office
            self.emit_mention(a.s, end, self.lex.office_entry(iso, off), "title-office", None)
        return True

    @staticmethod
    def _office_sector(office: str, iso: str | None) -> str:
        return "IGO" if iso in ("UNO", "IGO", "EUR") else "GOV"
