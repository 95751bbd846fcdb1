"""The entities stage: flat PER / ORG / LOC / MISC mentions from a CRF tagger and gazetteers.

The tagger (:class:`marsad.entities.ner_model.NerModel`) is built once per process, or read from
the compiled cache keyed by the model, its word lists and the code that builds it.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.doc import Doc, Entity, Provenance
from marsad.entities import features, ner_model, viterbi, word_rows
from marsad.entities.document import consistent
from marsad.entities.ner_model import NerModel, resource_paths
from marsad.registry import stage
from marsad.resources.cache import compiled

_MODEL: NerModel | None = None


def model() -> NerModel:
    global _MODEL
    if _MODEL is None:
        model_path, gaz_dir = resource_paths()
        sources = [model_path, *gaz_dir.glob("*.t*"), Path(__file__), Path(features.__file__),
                   Path(ner_model.__file__), Path(word_rows.__file__), Path(viterbi.__file__)]
        _MODEL = compiled("ner", sources, lambda: NerModel(model_path, gaz_dir))
    return _MODEL


@stage("entities", requires=("sentences", "tokens", "boilerplate"),
       assigns=("entities",))
class EntitiesStage:
    """PER / ORG / LOC / MISC spans from the CRF tagger and gazetteers."""

    def __call__(self, doc: Doc) -> Doc:
        m = model()
        sents = [t for t in map(doc.tokens_of, doc.content_sentences()) if t]
        ems: list[np.ndarray] = []
        found = m.doc_spans(sents, ems)
        o = m.label_o

        def name_prob(si: int, ti: int) -> float:
            row = ems[si][ti]
            p = np.exp(row - row.max())
            return 1.0 - float(p[o] / p.sum())

        # names inside boilerplate left in content sentences (credits, inserted links) are
        # not part of the article; a dateline's place ("دبي، الإمارات العربية المتحدة (CNN)")
        # is, as in the gold format
        doc.entities = [Entity(start, end, label, Provenance("entities", rule, score))
                        for start, end, label, score, rule in consistent(doc.text, found, sents, name_prob)
                        if end > start and not doc.in_boilerplate(start, end)]
        return doc
