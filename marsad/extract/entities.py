"""The entities stage (layer filled in by its own issue)."""
from __future__ import annotations

from marsad.doc import Doc


class EntitiesStage:
    name = "entities"

    def __call__(self, doc: Doc) -> Doc:
        return doc
