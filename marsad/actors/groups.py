"""Phase 5, collective actors: institutions, armed groups and coalitions.

An institution head takes its state from a nisba after it (الجيش العراقي، القوات الخاصة العراقية),
a country or person in construct (حكومة العراق، حكومة السوداني) or a leader (القوات التي تقودها
الولايات المتحدة); a coordinated nisba shares the head (القوات العراقية والأميركية). Armed-group
heads (الفصائل المسلحة) and coalitions without a state of their own refer back to the last one
named, else to the document's main country.
"""
from __future__ import annotations

import bisect

from marsad.actors.anaphora import AnaphoraMixin
from marsad.actors.base import PUNCT_GAP, Atom
from marsad.actors.dictionary import RESOLVER_WORDS, Entry
from marsad.text.normalize import normalize

# "القوات التي تقودها الولايات المتحدة" / "بقيادة أميركية": the words before the leading state.
RELATIVE = frozenset(RESOLVER_WORDS["relative"])
LED_VERBS = frozenset(RESOLVER_WORDS["led_verbs"])
LED_BY = frozenset(RESOLVER_WORDS["led_by"])
# One adjective allowed between an institution head and its nisba (القوات الخاصة العراقية).
INST_GAP = frozenset(normalize(w) for w in RESOLVER_WORDS["institution_gap"])
# "المتحدث العسكري باسم جيش الإسلام": a bare head before باسم speaks for the body named after it.
ON_BEHALF = normalize(RESOLVER_WORDS["on_behalf"])


class GroupsMixin(AnaphoraMixin):
    """Institution heads, armed-group heads and coalitions with what follows them."""

    # -- institutions ----------------------------------------------------------------------------
    def institution(self, i: int, r) -> bool:
        a = self.atoms[i]
        _, code, label, construct, _bare = r
        b = self.next_atom(i)
        if not construct:
            gap = 1 if (a.tj + 1 < len(self.toks) and
                        INST_GAP.intersection(self.forms(a.tj + 1))) else 0
            if self.adjacent(a, b, gap) and b.get("N") is not None and not b.done:
                iso = b.get("N")[1]
                self.emit_code(a.s, b.e, iso, code, "institution-nisba", label)
                b.done = True
                self._coordinated(i + 1, code)
                return True
            if self.lex.institutions[code].type == "MIL":
                led = self._led_by(a)
                if led is not None:
                    iso, end = led
                    self.emit_code(a.s, end, iso, "MIL", "led-by", None)
                    return True
            return False
        if not self.adjacent(a, b) or b.done:
            return False
        iso = self.country_atom(b)
        if iso is None and self.is_person(b):
            pe = self.entry_of(b)
            iso = pe.country if pe is not None else None
        if iso is None:
            return False
        self.emit_code(a.s, b.e, iso, code, "institution-of", None)
        return True

    def institution_bare(self, i: int, r) -> None:
        a = self.atoms[i]
        _, code, _label, construct, bare = r
        if bare and not construct:
            if a.tj + 1 < len(self.toks) and self.toks[a.tj + 1].norm == ON_BEHALF:
                return  # (the statements layer reads "المتحدث … باسم X" as X's spokesman)
            end = a.e
            b = self.next_atom(i)
            rb = b.get("I") if b is not None else None
            if rb is not None and rb[1] == code and rb[4] and not rb[3] and not b.done and \
                    self.adjacent(a, b) and not self.toks[b.ti].norm.startswith("و"):
                # one group under two heads: "الناشطات المعتقلات", "المدنيين المحتجزين"
                end, b.done = b.e, True
            self.emit_code(a.s, end, self.ranking[0] if self.ranking else None, code,
                           "institution-main-country", None)

    def _coordinated(self, j: int, code: str) -> None:
        """"القوات العراقية والأميركية": a second nisba joined by و shares the head."""
        a = self.atoms[j]
        b = self.next_atom(j)
        while self.adjacent(a, b) and b.get("N") is not None and not b.done and \
                self.toks[b.ti].norm.startswith("و"):
            self.emit_code(b.s, b.e, b.get("N")[1], code, "institution-nisba-coordinated", None)
            b.done = True
            j += 1
            a, b = b, self.next_atom(j)

    def _led_by(self, a: Atom) -> tuple[str, int] | None:
        """"… التي تقودها الولايات المتحدة" / "… بقيادة أميركية": (leading state, span end)."""
        k = a.tj + 1
        for _ in range(3):
            if k >= len(self.toks) or not self.same_sentence(k, a.tj):
                return None
            fs = self.forms(k)
            if LED_BY.intersection(fs):
                k += 1
                break
            if RELATIVE.intersection(fs):
                if k + 1 < len(self.toks) and LED_VERBS.intersection(self.forms(k + 1)):
                    k += 2
                    break
                return None
            if self.toks[k].text in PUNCT_GAP:
                return None
            k += 1
        else:
            return None
        j = bisect.bisect_left([x.ti for x in self.atoms], k)
        if j < len(self.atoms) and self.atoms[j].ti == k:
            b = self.atoms[j]
            iso = self.country_atom(b) or (b.get("N")[1] if b.get("N") is not None else None)
            if iso is not None:
                return iso, b.e
        return None

    # -- armed groups and coalitions -------------------------------------------------------------
    def armed(self, i: int, r) -> bool:
        a = self.atoms[i]
        _, code, bare_ok = r
        b = self.next_atom(i)
        iso, end, last = None, a.e, a.tj
        group = self._group_adjective(a, b)
        if group is not None:
            # "مسلحين حوثيين", "الميليشيات الحوثية": fighters of the group the adjective names
            b.done = True
            self.emit_mention(a.s, b.e, group, "armed-group-named", None)
            return True
        if self.adjacent(a, b) and b.get("N") is not None and not b.done:
            iso, end, last = b.get("N")[1], b.e, b.tj
            b.done = True
        adj = False
        for _ in range(2):
            k = last + 1
            if k < len(self.toks) and self.same_sentence(k, last) and \
                    self.lex.reb_adjectives.intersection(self.forms(k)):
                end, last, adj = self.toks[k].end, k, True
            else:
                break
        if iso is None and adj:
            j = i + 1
            while j < len(self.atoms) and self.atoms[j].ti <= last:
                j += 1
            c = self.atoms[j] if j < len(self.atoms) else None
            if c is not None and c.ti == last + 1 and c.get("N") is not None and not c.done:
                iso, end = c.get("N")[1], c.e
                c.done = True
        # the "-main-country" rules mark a country borrowed from the document, not said in the
        # phrase: the events layer codes such participants with no country (explicit evidence only)
        if code == "UAF":
            self.emit_code(a.s, end, iso or (self.ranking[0] if self.ranking else None), "UAF",
                           "unidentified-armed" if iso else "unidentified-armed-main-country", None)
            return True
        if iso is None and not adj:
            if not bare_ok:
                return False
            if self.last_reb is not None:  # "الفصائل" refers back to the last armed group
                self.emit_mention(a.s, end, self.lex.entries.get(self.last_reb) or
                                  self.new.get(self.last_reb), "armed-anaphora", None)
                return True
        rule = "armed-group" if iso else "armed-group-main-country"
        iso = iso or (self.ranking[0] if self.ranking else None)
        self.emit_code(a.s, end, iso, "REB", rule, None)
        return True

    def _group_adjective(self, a: Atom, b: Atom | None):
        """The armed group an adjective after a fighters' head names ("حوثية", "حوثيين"): its
        adjective forms and indefinite plurals only, so that a group's own name after a head
        ("فصائل جيش الإسلام") stays a named mention of its own."""
        r = b.get("A") if self.adjacent(a, b) and not b.done else None
        if r is None:
            return None
        w = self.toks[b.ti].norm
        plural = b.ti == b.tj and w.endswith(("ين", "ون")) and not w.startswith(("ال", "لل"))
        if r[2] is not None and not plural:
            return None
        group = self.entry_of(b)
        if group is None or group.kind == "PER" or group.type not in ("REB", "PRM"):
            return None
        return group

    def coalition(self, i: int, r) -> bool:
        a = self.atoms[i]
        label = r[1]
        led = self._led_by(a)
        if led is not None:
            iso, end = led
            coal = next((e for e in self._coalitions() if e.leader == iso), None)
            if coal is not None:
                self.emit_mention(a.s, end, coal, "coalition-led-by", None)
            else:
                self.emit_code(a.s, end, iso, "MIL", "coalition-led-by", None)
            return True
        code = self.last_coalition
        if code is None and self.ranking:
            main = self.ranking[0]
            if main in ("YEM", "SAU"):
                code = "coalition.arab"
            elif main in ("IRQ", "SYR") or label:  # "قوات التحالف": the US-led forces
                code = "coalition.oir"
        if code is None:
            return False
        self.emit_mention(a.s, a.e, self.lex.entries.get(code), "coalition-context", label)
        return True

    def _coalitions(self) -> list[Entry]:
        return [e for e in self.lex.entries.values() if e.leader and not e.id.startswith("new:")]
