"""The statements stage: reported speech — who said what, through which cue, and when.

Cues are data (``resources/statements/speech_cues.yaml``): speech verbs by family and agreement, their
circumstantial participles (مضيفاً), nominal cues (القول إنّ، قوله), and attribution phrases
(وفق/بحسب/نقلاً عن). One compiled regex over the normalised document finds every cue; each
cue is then read with a few positional rules:

* verb + [speaker] + complement (إنّ/أنّ/بأنّ، إلى أنّ، :، «…») — the content follows;
* content + "، كما يقول X" / «…»، قال X — the speaker follows the content (post-posed);
* participle (مضيفاً أن، واصفاً …) — a further statement of the speaker of the clause;
* "القول إنّ" / "نقل عن X قوله" — nominal cues;
* وفق/بحسب + source — attribution; when the clause has its own speech verb the source is the
  channel the statement was reported through (``via``).

Speakers come from the actors layer (``doc.mentions``). A pronoun (لكنه) or elided subject
(وأضاف، من جهة أخرى يشير) takes the nearest earlier speaker whose agreement fits the cue.
All matching runs on normalised text; offsets are mapped back to the original.

A subject phrase the actors layer did not resolve ("قال مسؤول أمريكي"، "أفاد شهود عيان") becomes a
speaker actor of the document (``newspeakers``: typed kind, country and sector, or an earlier actor
it names again); a cue may take a noun-phrase content ("أعلن الجيش وضع قواته …", ``nominal``).

The parts: ``statements_lexicon`` (cue vocabulary, word lists), ``statements_context`` (the
per-document view in normalised offsets, shared with the stances stage), ``statements_cues``
(one reader per kind of cue), ``statements_speakers`` (who speaks), ``statements_newspeakers``
(speaker actors for unresolved phrases), ``statements_nominal`` (noun-phrase contents) and
``statements_spans`` (where the content begins and ends); this module runs them over the document.
"""
from __future__ import annotations

import bisect

from marsad.doc import Doc, Provenance, Statement
from marsad.registry import stage
from marsad.statements.context import (
    Context,
    date_of,
    norm_text,
    to_original,
)
from marsad.statements.cues import read_sentence
from marsad.statements.lexicon import (
    RULE_WORDS,
    lexicon,
    scan,
)

_RW = RULE_WORDS
_LAM = RULE_WORDS["lam"]
_IMPERFECT = tuple(RULE_WORDS["imperfect_prefixes"])

__all__ = ["STAGE", "StatementsStage", "extract", "lexicon"]

STAGE = "statements"


@stage("statements", requires=("sentences", "tokens", "boilerplate", "actors", "mentions", "times", "reference_date"),
       assigns=("statements", "actors"))
class StatementsStage:
    """Finds reported speech in the content sentences."""

    def __call__(self, doc: Doc) -> Doc:
        doc.statements = extract(doc)
        return doc


def extract(doc: Doc) -> list[Statement]:
    """The statements of the document, in text order and original offsets."""
    lex = lexicon()
    nt = norm_text(doc)
    text = nt.text
    sents = [s for s in doc.content_sentences()]
    if not sents:
        return []
    ctx = Context(doc, nt)
    # Bucket cue matches by sentence (one pass of the compiled regex over the whole document).
    spans = [(nt.from_original(s.start), nt.from_original(s.end), s.index) for s in sents]
    starts = [sp[0] for sp in spans]
    by_sent: dict[int, list] = {}
    forms = lex.forms

    def split(w: str):
        if w in forms:
            return "", w, ""
        if w[:1] in _RW["conjunction_letters"] and w[1:] in forms:
            return w[:1], w[1:], ""
        if w[:1] == _LAM and w[1:2] in _IMPERFECT and forms.get(w[1:]) is not None \
                and forms[w[1:]].kind == "verb":
            return _LAM, w[1:], ""  # "ليعلن": the subject is the clause's before it
        return None

    for m in scan(lex.regex, text, split):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= spans[i][1]:
            by_sent.setdefault(i, []).append(m)
    for i, (ss, se, sidx) in enumerate(spans):
        cues = by_sent.get(i)
        if cues:
            read_sentence(ctx, lex, ss, se, sidx, cues)
    out = []
    for f in sorted(ctx.found, key=lambda f: (f.start, f.end)):
        s, e = to_original(nt, f.start, f.end)
        out.append(Statement(
            start=s, end=e, speaker=f.speaker, direct=f.direct,
            prov=Provenance(STAGE, f.rule),
            family=f.rule.split(".", 1)[0],  # the stage's rules are family.shape.kind
            cue=to_original(nt, *f.cue),
            date=date_of(doc, s, e),
            via=nt.to_original(*f.via) if f.via else None,
            speaker_span=nt.to_original(*f.speaker_span) if f.speaker_span else None,
        ))
    return out

