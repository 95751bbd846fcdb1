"""Entities layer: CRF tagger spans and labels, proclitic trimming, flat output, packaged model."""
from __future__ import annotations

import pytest
from corpus import first_articles

from marsad.boilerplate.stage import BoilerplateStage
from marsad.doc import Doc
from marsad.entities.ner_model import MODEL
from marsad.entities.stage import EntitiesStage, model
from marsad.pipeline import Pipeline
from marsad.text.stage import TextStage

PIPE = Pipeline([TextStage(), BoilerplateStage(), EntitiesStage()])


def entities(text: str) -> list[tuple[str, str]]:
    doc = PIPE(Doc(text=text, id="t"))
    return [(doc.text[e.start:e.end], e.label) for e in doc.entities]


def test_model_loads_from_package_resources(monkeypatch):
    monkeypatch.delenv("MARSAD_NER_DIR", raising=False)
    assert MODEL.is_file() and MODEL.stat().st_size < 12_000_000
    m = model()
    assert {"O", "B-PER", "I-PER", "B-ORG", "B-LOC", "B-MISC"} <= set(m.labels)
    assert m.gaz.name_counts["العراق"] > 0  # gazetteer lists load beside it


def test_people_places_and_organisations_in_news_sentences():
    got = entities("وقال الرئيس الأمريكي دونالد ترامب إن الولايات المتحدة ستسحب قواتها من سوريا.")
    assert ("دونالد ترامب", "PER") in got
    assert ("الولايات المتحدة", "LOC") in got
    assert ("سوريا", "LOC") in got
    got = entities("وأعلنت منظمة الصحة العالمية في جنيف أن عدد الإصابات ارتفع.")
    assert ("منظمة الصحة العالمية", "ORG") in got
    assert ("جنيف", "LOC") in got
    got = entities("التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو في موسكو.")
    assert ("سيرغي لافروف", "PER") in got
    assert ("موسكو", "LOC") in got


def test_spans_leave_proclitics_out_and_keep_the_article():
    got = entities("تشتد الانفعالات بين الولايات المتحدة والعراق منذ أشهر.")
    assert ("العراق", "LOC") in got  # والعراق → العراق
    got = entities("دعا الرئيس إلى إعادة النظر في العلاقة مع طهران وبغداد.")
    assert ("بغداد", "LOC") in got  # وبغداد → بغداد, not the whole token
    got = entities("وقال مسؤول إن الزيارة تمهد لاتفاق جديد بين باريس ولندن.")
    assert ("لندن", "LOC") in got  # ولندن → لندن (the name's own lam stays)
    got = entities("تصاعد المشاعر المناهضة للولايات المتحدة في المنطقة.")
    assert ("لولايات المتحدة", "LOC") in got  # للولايات: only the preposition's lam goes


def test_names_that_begin_with_proclitic_letters_stay_whole():
    m = model()
    tokens = TextStage()(Doc(text="زار وفد من فرنسا وبريطانيا وكندا بغداد ولبنان والعراق", id="t")).tokens
    cut = {t.text: m.name_start(t) - t.start for t in tokens}
    assert cut["فرنسا"] == 0 and cut["بغداد"] == 0  # ف / ب belong to the name
    assert cut["وبريطانيا"] == 1 and cut["وكندا"] == 1 and cut["ولبنان"] == 1
    assert cut["والعراق"] == 1


def test_numpy_decoder_matches_crfsuite(shared):
    m = model()
    rows = first_articles(30)
    checked = 0
    for r in rows:
        doc = TextStage()(Doc(text=r["text"], id=r["id"]))
        for s in doc.sentences:
            norms = [t.norm or "_" for t in doc.tokens_of(s)]
            if norms:
                assert m.tag(norms) == m.tagger.tag(m.featurizer.sentence(norms))
                checked += 1
    assert checked > 200


def test_new_word_rows_are_the_feature_strings_rows(shared):
    """A first-seen word's weight rows (looked up by value, without feature strings) are those
    of Featurizer.base's features, in order, up to rows the model lacks (zeros)."""
    m = model()
    words = {"1", "2024", "12345678", "1.5", "abc", "ABC", "x", "_", "،", ".", "«", "%", "ال", "لل",
             "و", "بال", "للعراق", "والعراق", "وبغداد", "فرنسا", "الولايات", "لافروف", "وسيقول"}
    for r in first_articles(30):
        doc = TextStage()(Doc(text=r["text"], id=r["id"]))
        words.update(t.norm for t in doc.tokens if t.norm)
    for w in words:
        key, bare, own, near, ctx = m.featurizer.base(w)
        want = ([r for r in (m.rows.get(f, 0) for f in own) if r],
                [p for p in (m._near_rows.get(f, (0, 0)) for f in near) if p != (0, 0)],
                [p for p in (m._ctx_rows.get(f, (0, 0)) for f in ctx) if p != (0, 0)])
        k2, b2, own2, near2, ctx2 = m.word_rows.of(w)
        near2, ctx2 = zip(near2[::2], near2[1::2]), zip(ctx2[::2], ctx2[1::2])  # flat pairs
        got = ([r for r in own2 if r], [p for p in near2 if p != (0, 0)], [p for p in ctx2 if p != (0, 0)])
        assert (k2, b2, got) == (key, bare, want), w


def test_output_is_flat_non_overlapping_and_outside_boilerplate(shared):
    rows = first_articles(40)
    total = 0
    for r in rows:
        doc = PIPE(Doc(text=r["text"], id=r["id"]))
        ents = sorted(doc.entities, key=lambda e: e.start)
        for a, b in zip(ents, ents[1:]):
            assert a.end <= b.start
        for e in ents:
            assert e.label in {"PER", "ORG", "LOC", "MISC"}
            assert doc.text[e.start:e.end].strip() == doc.text[e.start:e.end]
            # a dateline's places are the article's (gold format); other clutter's names are not
            assert not any(b.start <= e.start and e.end <= b.end for b in doc.boilerplate if b.kind != "dateline")
            assert e.prov.stage == "entities" and 0.0 <= e.prov.score <= 1.0
            sent = doc.sentence_at(e.start)
            assert sent is not None and not sent.boilerplate and e.end <= sent.end
        total += len(ents)
    assert total > 300


def test_seed_article_entities(seed_text):
    doc = PIPE(Doc(text=seed_text, id="seed"))
    found = {(doc.text[e.start:e.end], e.label) for e in doc.entities}
    for expected in [("بغداد", "LOC"), ("واشنطن", "LOC"), ("طهران", "LOC"), ("إيران", "LOC"),
                     ("العراق", "LOC"), ("البنتاغون", "ORG"), ("وزارة الدفاع الأميركية", "ORG")]:
        assert expected in found
    name = seed_text.index("محمد شياع السوداني")
    assert any(e.start == name and e.label == "PER" for e in doc.entities)


def test_skips_boilerplate_sentences(seed_text):
    doc = PIPE(Doc(text=seed_text, id="seed"))
    assert doc.boilerplate, "the seed has related-article lines"
    for b in doc.boilerplate:
        assert not any(b.start <= e.start < b.end for e in doc.entities)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "123 .", "«»"])
def test_degenerate_inputs(text):
    assert entities(text) == [] or all(lab in {"PER", "ORG", "LOC", "MISC"} for _, lab in entities(text))
