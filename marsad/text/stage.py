"""The text stage: sentences and tokens, the units every later stage reads."""
from __future__ import annotations

from marsad.doc import Doc
from marsad.registry import stage
from marsad.text.segment import split_sentences, tokenize


@stage("text", requires=("text",), assigns=("sentences", "tokens"))
class TextStage:
    """Sentences (never split inside quotation marks) and tokens with proclitic-stripped stems."""

    def __call__(self, doc: Doc) -> Doc:
        doc.sentences = split_sentences(doc.text)
        doc.tokens = tokenize(doc.text, doc.sentences)
        return doc
