"""The last phases of the actors resolver: entity ORG/LOC actors and the actors layer.

ORG and LOC entities that no mention covers become "new:" actors (sector from the organisation
head words, country from a mention inside); unknown persons take their country and sector from
the words around the name. Then each dictionary id becomes one actor of the document, every
mention a Mention, and the named mentions entities (``actors_entities``).
"""
from __future__ import annotations

import bisect

from marsad.actors.anaphora import BODY_WORDS, AnaphoraMixin
from marsad.actors.base import PUNCT_GAP, STAGE, norm
from marsad.actors.dictionary import RESOLVER_WORDS, Entry
from marsad.actors.entity_layer import merge_entities, proclitic_gap
from marsad.actors.kinds import STATE_SECTORS, STORY_SENTENCES, mention_kind
from marsad.doc import Actor, Mention, Provenance
from marsad.text.normalize import normalize

# Prepositions (free, or as proclitic letters) that put a mention after a name outside its
# apposition (resources/actors/resolver_words.yaml).
APPOSITION_PREPS = frozenset(normalize(w) for w in RESOLVER_WORDS["apposition_prepositions"])
APPOSITION_CLITICS = frozenset("لب")
APPOSITION_STOPS = frozenset(normalize(w) for w in RESOLVER_WORDS["apposition_stops"])
QUOTE_MARKS = frozenset('"«»“”\'')
# (STATE_SECTORS: an unknown body of a state's with no state in its name is the main country's)
# A party named by the word party (حزب) with no state in its name is, in an article, the
# story's (PLOVER codes it by the country it acts in: "حزب الرابطة" in an Italian story). Not
# other bodies: in 1,000 ant_news articles a third of the armed groups, universities, hospitals
# and movements (حركة) so placed were foreign to the story (جامعة برونيل، حركة الملاحة الجوية).
PARTY_HEADS = frozenset(normalize(w) for w in RESOLVER_WORDS["party_heads"])


class OutputMixin(AnaphoraMixin):
    """Entity ORG/LOC actors, unknown persons' context, then the actors layer."""

    # -- unknown persons and organisations -------------------------------------------------------
    def _person_context(self, s: int, e: int, entry: Entry,
                        end_toks: list[int] | None = None) -> None:
        """Country and sector of an unknown person from the words around the name.

        ``end_toks``: the token of each mention's last character, in ``self.mentions`` order
        (computed here when not given).
        """
        ti, tj = self.tok_index(s), self.tok_index(e - 1)
        if end_toks is None:
            end_toks = [self.tok_index(m[1] - 1) for m in self.mentions]
        # the last mention (in self.mentions order) ending on token k before s; the mentions of
        # each end token are indexed once per end_toks list, not scanned on every call
        index = getattr(self, "_end_tok_index", None)
        if index is None or index[0] is not end_toks:
            by_end: dict[int, list[tuple]] = {}
            for m, k in zip(self.mentions, end_toks):
                by_end.setdefault(k, []).append(m)
            index = self._end_tok_index = (end_toks, by_end)

        def ending_on(k: int) -> tuple | None:
            # a mention outside the name: before it, or after it in the apposition window
            # (behind a preposition only once a title has begun it: "بالأمم المتحدة")
            return next((m for m in reversed(index[1].get(k, ())) if m[1] <= s or
                         (m[0] >= e and (entry.type is not None or self._in_apposition(m[0])))),
                        None)
        windows = [range(ti - 1, max(-1, ti - 7), -1)]
        if tj + 1 < len(self.toks) and self.toks[tj + 1].text in PUNCT_GAP:
            windows.append(range(tj + 2, min(len(self.toks), tj + 8)))
        for window in windows:
            for k in window:
                if not self.same_sentence(k, ti) or (k > tj and APPOSITION_STOPS.intersection(
                        self.forms(k))):
                    break  # "دهشوش، الذي أشار إلى أن الضغط العسكري": the apposition has ended
                m = ending_on(k)
                if m is not None and m[2].kind == "ORG":
                    entry.country = entry.country or m[2].country
                    entry.type = entry.type or m[2].type
                elif m is not None and m[2].kind == "LOC" and m[2].id.endswith(".GOV") and \
                        (m[1] <= s or entry.type is not None):
                    # after the name, a state counts only once a title has begun the
                    # apposition ("تريزا ماي، رئيسة وزراء بريطانيا"; not "ميسي، ونيمار البرازيلي")
                    entry.country = entry.country or m[2].country
                if entry.type is None:
                    entry.type = self._role_sector(k, ti)
                if entry.country and entry.type:
                    return
            if entry.type:
                break
        if entry.type and entry.country is None:
            # "المتحدث باسم الوزارة" after a named ministry: that ministry, not the main country
            stem = self.body_word(k for k in range(ti - 1, max(-1, ti - 7), -1)
                                  if self.same_sentence(k, ti))
            entry.country = self.named_body(s, stem) if stem else None
        if entry.type and entry.country is None and self.ranking:
            # a title with no state of its own ("النائب انطوان غانم … في بيروت"): the person
            # serves the state the document is about, as a bare institution does
            entry.country = self.ranking[0]

    def _role_sector(self, k: int, ti: int) -> str | None:
        """The sector a role word at token k gives the name at token ti: a two-word role first
        ("النائب العام" is JUD, "النائب" alone LEG)."""
        if k + 1 < ti:
            pair = self.lex.person_roles.get(f"{self.toks[k].norm} {self.toks[k + 1].norm}")
            if pair is not None:
                return pair
        for f in self.forms(k):
            sec = self.lex.person_roles.get(f) or self.lex.heads.get(f)
            if sec is not None and sec != "NONE":
                return sec
        return None

    def _in_apposition(self, start: int) -> bool:
        """A mention after a name belongs to its apposition unless a preposition governs it
        ("فهد دهشوش، لـ"سكاي نيوز عربية"", "برئاسة العبادي، المدعوم من التحالف الدولي")."""
        k = self.tok_index(start)
        if start > 0 and self.doc.text[start - 1].isalpha():
            return self.doc.text[start - 1] not in APPOSITION_CLITICS
        while k > 0 and self.toks[k - 1].text in QUOTE_MARKS:
            k -= 1
        return k < 1 or self.toks[k - 1].norm.rstrip("ـ") not in APPOSITION_PREPS

    def entity_orgs_locs(self) -> None:
        """ORG/LOC entities of the entities layer that no mention covers become actors."""
        spans = sorted((m[0], m[1]) for m in self.mentions)
        starts = [sp[0] for sp in spans]
        # (start, position) of every mention, kept sorted as mentions are added: the first
        # mention inside an entity is found near it, not by scanning them all (linear time)
        by_start = sorted((m[0], k) for k, m in enumerate(self.mentions))
        for en in self.doc.entities:
            if en.label not in ("ORG", "LOC") or self.in_boilerplate(en.start, en.end):
                continue
            k = bisect.bisect_left(starts, en.start)
            near = spans[max(0, k - 3):k + 3]
            if any(ms <= en.start and en.end <= me for ms, me in near):
                continue  # a mention covers it
            if any(me == en.end and proclitic_gap(self.doc.text, en.start, ms) for ms, me in near):
                continue  # the tagger kept a proclitic the dictionary match leaves out (وسديروت)
            name = self.doc.text[en.start:en.end]
            code = "new:" + " ".join(norm(name).split())
            e = self.new.get(code)
            if e is None:
                sector = self._org_sector(norm(name).split()) if en.label == "ORG" else None
                lo = bisect.bisect_left(by_start, (en.start, -1))
                hi = bisect.bisect_left(by_start, (en.end + 1, -1), lo)
                inside = sorted(k for _, k in by_start[lo:hi]
                                if self.mentions[k][1] <= en.end and self.mentions[k][2].country)
                iso = self.mentions[inside[0]][2].country if inside else None
                if iso is None and sector in STATE_SECTORS:
                    iso = self._body_before(en.start, name, by_start)
                if iso is None and self.ranking and (sector in STATE_SECTORS or self._story_party(name)):
                    # a state body with no state named in it ("رئاسة أمن الدولة", "المفوضية
                    # العليا للانتخابات"), a party ("حزب الرابطة"): the document's main
                    # country's, as for bare heads
                    iso = self.ranking[0]
                e = self.new[code] = Entry(code, name, None, iso, sector, en.label)
            bisect.insort(by_start, (en.start, len(self.mentions)))
            self.mentions.append((en.start, en.end, e, "entity-" + en.label.lower(), None))

    def _story_party(self, name: str) -> bool:
        """A party of an article's story: named by حزب, in a document of a few sentences."""
        return norm(name).split()[0] in PARTY_HEADS and len(self.doc.sentences) >= STORY_SENTENCES

    def _body_before(self, start: int, name: str, by_start: list[tuple[int, int]]) -> str | None:
        """State of the body a bare head before a name names again: the tagger's "الوزارة هيذر
        نويرت" (after "وزارة الخارجية الأمريكية") is the US ministry's, not the main country's."""
        words = norm(name).split()
        if len(words) < 2 or words[1].startswith("ال"):
            return None
        stem = BODY_WORDS.get(words[0])
        return self.named_body(start, stem, by_start) if stem else None

    def _org_sector(self, words: list[str]) -> str | None:
        """Sector of an unknown organisation from its first word(s), with or without ال."""
        heads = self.lex.org_heads
        if not words:
            return None
        first = words[0][2:] if words[0].startswith("ال") and len(words[0]) > 4 else words[0]
        return heads.get(" ".join(words[:2])) or heads.get(words[0]) or heads.get(first)

    # -- 6. output -------------------------------------------------------------------------------
    def emit(self) -> None:
        doc = self.doc
        self.mentions.sort(key=lambda m: (m[0], -m[1]))
        end_toks = None
        for s, e, entry, rule, _ in self.mentions:
            if entry.id.startswith("new:") and entry.kind == "PER" and \
                    (entry.country is None or entry.type is None) and rule in ("entity-person", "surname"):
                if end_toks is None:  # the mentions do not change in this loop: once
                    end_toks = [self.tok_index(m[1] - 1) for m in self.mentions]
                self._person_context(s, e, entry, end_toks)
        actors: dict[str, Actor] = {}
        seen_forms: dict[str, set[str]] = {}
        text = doc.text
        out = doc.mentions.append
        for s, e, entry, rule, label in self.mentions:
            act = actors.get(entry.id)
            if act is None:
                aid = f"a{len(actors) + 1}"
                act = actors[entry.id] = Actor(
                    aid, entry.name, entry.name_en, entry.country,
                    entry.type_at(self.date), [], [], entry.id, entry.qid, entry.kind,
                    Provenance(STAGE, rule))
                seen = seen_forms[entry.id] = {norm(entry.name)}
            else:
                seen = seen_forms[entry.id]
            act.mentions.append((s, e))
            surface = text[s:e]
            f = norm(surface)
            if f not in seen and len(act.aliases) < 12:
                seen.add(f)
                act.aliases.append(surface)
            out(Mention(s, e, act.id, Provenance(STAGE, rule), mention_kind(rule)))
        for entry_id, act in actors.items():
            entry = self.lex.entries.get(entry_id) or self.new.get(entry_id)
            for al in (entry.aliases if entry else []):
                if len(act.aliases) >= 12:
                    break
                f = norm(al)
                if f not in seen_forms[entry_id]:
                    seen_forms[entry_id].add(f)
                    act.aliases.append(al)
        doc.actors.update({a.id: a for a in actors.values()})
        by_code = {code: a.id for code, a in actors.items()}
        merge_entities(self.doc, [(s, e, by_code[entry.id], rule, label)
                                  for s, e, entry, rule, label in self.mentions])
