"""Hypothesis fuzzing of the readers and the whole pipeline (bounded and derandomised, so the
suite stays fast and repeatable): random Unicode, mixed scripts, control characters, huge tokens,
deep punctuation runs, broken HTML. Every document either analyses or gets one error, never an
exception out of the batch, and its neighbours are always analysed."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.doc import Doc
from marsad.ingest.batch import analyse_all
from marsad.ingest.readers import InputError, Record, read_paths

GOOD = "قال وزير الخارجية العراقي في بغداد أمس إن الحكومة ترفض التدخل في شؤون البلاد."
FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

_alphabet = st.one_of(
    st.characters(min_codepoint=0x600, max_codepoint=0x6FF),  # Arabic
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # ASCII
    st.sampled_from("\x00\x01\x1b\t\n\r\x0b\x0c\x85\u200f\u202e\u2066\u2028\ufeff\ufffd"),
    st.characters(),  # anything, surrogates excluded
)
_piece = st.one_of(
    st.text(_alphabet, max_size=60),
    st.builds(lambda c, n: c * n, st.sampled_from(".،!؟\"«»()-—…'"), st.integers(1, 3000)),
    st.builds(lambda w, n: w * n, st.sampled_from(["ا", "قال", "x", "١"]), st.integers(100, 5000)),
    st.just(GOOD),
)
texts = st.lists(_piece, max_size=8).map(" ".join)


@FUZZ
@given(texts)
def test_pipeline_analyses_or_reports_and_keeps_neighbours(text):
    items = [Record("before", GOOD), Record("fuzz", text), Record("after", GOOD + " اليوم.")]
    out = list(analyse_all(items))
    assert [r.id for r, _ in out] == ["before", "fuzz", "after"]
    assert isinstance(out[0][1], Doc) and isinstance(out[2][1], Doc)
    result = out[1][1]
    if isinstance(result, InputError):
        assert not result.reason.startswith("analysis failed"), result.reason  # a crash
    else:
        for layer in (result.sentences, result.entities, result.events, result.statements):
            assert all(0 <= x.start <= x.end <= len(text) for x in layer)
        json.dumps(result.to_json(), ensure_ascii=False)


_tags = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<b>", "<table><tr><td>", "<script>",
                         "</script>", "<!--", "-->", "<html>", "<body>", "</body>", "<a href='x'>",
                         "</a>", "<li>", "<", ">", "&amp;", "&#x0;", "<![CDATA[", "<svg><p>"])
pages = st.lists(st.one_of(_tags, _piece), max_size=30).map("".join)


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".json", ".jsonl", ".md", ""]))
def test_readers_never_raise_on_bytes(tmp_path, data, suffix):
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    for item in read_paths([str(path)]):
        assert isinstance(item, (Record, InputError))


@FUZZ
@given(pages)
def test_broken_html_reads_or_reports(tmp_path, page):
    path = tmp_path / "p.html"
    path.write_text(page + GOOD, "utf-8", errors="surrogatepass")
    items = list(read_paths([str(path), str(path)]))
    assert len(items) == 2 and all(isinstance(i, (Record, InputError)) for i in items)
    for _, result in analyse_all(items):
        assert isinstance(result, (Doc, InputError))
        if isinstance(result, InputError):
            assert not result.reason.startswith("analysis failed"), result.reason
