"""The times stage: Arabic date and time expressions, normalised to ISO 8601 (TimeML values).

One precompiled alternation of rules runs over the normalised text of each content sentence
(``normalize_with_map``; offsets map back to the original). Vocabulary is data
(``resources/times/times.yaml``): month names of every region, Hijri months, weekdays, number words,
units, qualifiers, vague phrases. A rule's match is then checked against its context (a bare
month needs a preposition before it, a bare four-digit number needs a year word, الاثنين after
بين is "the two") and resolved against the document date: values keep the text's precision
(``2024``, ``2024-01``, ``2024-01-09``, ISO weeks ``2024-W02``, decades ``199``); vague ones are
``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF``; periods such as "the past two weeks" are ISO
intervals ending at the document date. Without a document date, a weekday + day + month fixes
the year (``inferred=True``) and becomes the reference for relative expressions.

:func:`anchor` gives the date an event or statement takes from the times around it.

The parts: ``times_patterns`` (vocabulary, rules, where to try them), ``times_reader`` (pass 1:
a match checked in context), ``times_resolver`` (pass 2: values against the document date),
``times_calendar`` (date arithmetic, Hijri) and ``times_anchor``; this module runs them.
"""
from __future__ import annotations

from datetime import date

from marsad.doc import Doc, Provenance, TimeExpr
from marsad.registry import stage
from marsad.text.normalize import COMBINING_MARKS
from marsad.times.anchor import anchor
from marsad.times.calendar import infer_year
from marsad.times.extras import add_extras
from marsad.times.patterns import expression_starts, lexicon
from marsad.times.reader import Candidate, Reader
from marsad.times.resolver import Resolver

__all__ = ["STAGE", "TimesStage", "anchor", "infer_year", "lexicon"]

STAGE = "times"


@stage("times", requires=("sentences", "boilerplate", "published"),
       assigns=("times", "reference_date"))
class TimesStage:
    """Finds time expressions in the content sentences and normalises them."""

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        nt = doc.norm()
        norm = nt.text
        reader = Reader(lex, norm, doc.text, nt)
        match = lex.rx.match
        cands: list[Candidate] = []
        for s in doc.content_sentences():
            ns, ne = nt.from_original(s.start), nt.from_original(s.end)
            pos = ns
            for st in expression_starts(norm, lex.keys, ns, ne):
                if st < pos:
                    continue
                m = match(norm, st, ne)
                if m is not None:
                    got = reader.read(m, ns, ne)
                    if got:  # else rejected in context: a later word may start a match
                        cands.extend(got)
                        pos = m.end()
        ref = doc.published_date
        years = [c.year for c in cands if c.year]
        newest = max(years) if years else None
        inferred = False
        if ref is None:  # date the text by its first weekday + day + month
            for c in cands:
                if c.what == "md" and c.f["d"] is not None and c.f["wd"] is not None:
                    y = infer_year(c.f["m"], c.f["d"], c.f["wd"], newest)
                    if y:
                        ref, inferred = date(y, c.f["m"], c.f["d"]), True
                        break
        doc.reference_date = ref.isoformat() if ref else None
        resolver = Resolver(ref, inferred, newest)
        times = []
        for c in cands:
            got = resolver.value(c)
            if got is None:
                continue
            value, kind, was_inferred = got
            o0, o1 = nt.to_original(c.start, c.end)
            while o1 < len(doc.text) and doc.text[o1] in COMBINING_MARKS:
                o1 += 1  # غداً, مؤخراً: keep the word's last diacritic in the span
            times.append(TimeExpr(o0, o1, value, Provenance(STAGE, c.rule), kind, was_inferred))
        doc.times = times
        add_extras(doc, ref)
        return doc
