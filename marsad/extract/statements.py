"""The statements stage (layer filled in by its own issue)."""
from __future__ import annotations

from marsad.doc import Doc


class StatementsStage:
    name = "statements"

    def __call__(self, doc: Doc) -> Doc:
        return doc
