"""The times stage (layer filled in by its own issue)."""
from __future__ import annotations

from marsad.doc import Doc


def anchor(doc: Doc, start: int, end: int) -> str | None:
    """Date of an event or statement at [start, end): a time in its sentence, else the document date."""
    sent = doc.sentence_at(start)
    if sent is not None:
        for t in doc.times:
            if sent.start <= t.start < sent.end and t.value[:1].isdigit():
                return t.value
    return doc.published


class TimesStage:
    name = "times"

    def __call__(self, doc: Doc) -> Doc:
        return doc
