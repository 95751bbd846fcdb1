"""The actors stage: every mention of who acts in the text, resolved to a coded actor.

One pass of the dictionary automaton (marsad.actors.dictionary) over the normalised text
finds "atoms" — aliases, nisba adjectives, institution heads, titles, armed-group heads — with
proclitics allowed before them. Persons from the entities layer and later surnames of persons
already named join them. A left-to-right pass then composes atoms into mentions:

  alias                        العراق، البنتاغون، حزب الله            → the entry (a state: its GOV)
  institution + nisba          الجيش العراقي، وزارة الدفاع الأميركية   → IRQ.MIL, USA.MOD
  institution + country/person  حكومة العراق، حكومة السوداني         → IRQ.GOV
  forces/coalition led by X    القوات التي تقودها الولايات المتحدة    → USA.MIL
  title (+ nisba | country)    رئيس الوزراء العراقي                 → office holder at the date
  armed-group head             الفصائل العراقية المسلحة، الجماعات المسلحة → IRQ.REB
  nisba after a head noun      الغارات العسكرية الأميركية           → USA.MIL
  surname after the full name  السوداني (after محمد شياع السوداني)  → the person
  unknown person (entities)    الضابط في الشرطة المحلية خالد منصور  → new PER actor, COP

Each dictionary id is one actor per document ("العراق" and "الحكومة العراقية" are both the
IRQ.GOV actor); unknown actors get the code "new:<normalised name>" so the store can keep one
id across documents. Mentions in boilerplate are skipped. Named mentions also become entities
(country/city → LOC, institution/group → ORG, person → PER), replacing shorter entities they
contain, except that designator words (قطاع، دولة، حركة، الملك …; resources/actors/
entity_designators.txt) stay outside a name's entity as in ANERcorp, and a bare state name is
LOC; entities overlapping a mention get its actor.

The parts: ``actors_base`` (atoms, token helpers, recording mentions), ``actors_atoms`` (dictionary
matches, entity persons, the main country, surnames), ``actors_compose`` (composition, aliases,
nisbas, titles), ``actors_groups`` (institutions, armed groups, coalitions), ``actors_output``
(entity ORG/LOC actors, the actors layer) and ``actors_entities`` (mentions merged into the
entities layer); this module runs the phases in order.
"""
from __future__ import annotations

from marsad.actors.atoms import AtomsMixin
from marsad.actors.compose import ComposeMixin
from marsad.actors.dictionary import Lexicon, lexicon
from marsad.actors.output import OutputMixin
from marsad.doc import Doc
from marsad.registry import stage


@stage("actors", requires=("sentences", "tokens", "boilerplate", "entities"),
       assigns=("actors", "mentions", "entities"))
class ActorsStage:
    """Mentions resolved to coded actors (country + PLOVER sector); named mentions become entities."""

    def __init__(self, lex: Lexicon | None = None):
        self._lex = lex

    def __call__(self, doc: Doc) -> Doc:
        if not doc.tokens:
            return doc
        _Resolver(doc, self._lex or lexicon()).run()
        return doc


class _Resolver(AtomsMixin, ComposeMixin, OutputMixin):
    """One document's actors: the phases of the mixins, in order."""

    def run(self) -> None:
        atoms = self.match()
        atoms = self.add_entity_persons(atoms)
        self.ranking = self.country_ranking(atoms)
        self.doc.cache["main_country"] = self.ranking[0] if self.ranking else None
        atoms = self.add_surnames(atoms)
        self.atoms = atoms
        self.anaphor_states()
        self.compose()
        self.entity_orgs_locs()
        self.emit()
