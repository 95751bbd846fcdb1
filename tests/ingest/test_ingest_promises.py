"""Reading and batch promises (issue 12): one bad byte does not lose an article, time grows
linearly with length (mention lookups, nested HTML), a per-document time limit and a size limit
turn a pathological document into one error line while the batch goes on."""
from __future__ import annotations

import random
import time

import marsad.ingest.batch as batch
from marsad.doc import Doc, Mention, Provenance
from marsad.ingest.html import MAX_DEPTH, extract_html, flatten_deep
from marsad.ingest.readers import InputError, Record, check_text, read_paths

ARTICLE = ("قال رئيس الوزراء العراقي محمد شياع السوداني إن بلاده تريد خروج القوات الأجنبية.\n"
           "وأضاف أن الحكومة لم تحدد موعداً نهائياً لذلك.")
ARTICLE_PAGE = f"<html><body><div><article><p>{ARTICLE}</p></article></div></body></html>"


def test_one_bad_byte_keeps_the_article_and_says_where(tmp_path):
    data = ARTICLE.encode("utf-8")
    (tmp_path / "cut.txt").write_bytes(data + "ة".encode("utf-8")[:1])  # last character cut off
    (tmp_path / "stray.txt").write_bytes(data[:7] + b"\xff" + data[7:])  # after "قال "
    for name, at in (("cut.txt", len(data)), ("stray.txt", 7)):
        [rec] = list(read_paths([str(tmp_path / name)]))
        assert isinstance(rec, Record), rec
        assert rec.text.count("\ufffd") == 1 and check_text(rec.text, name) is None
        assert rec.warning == f"1 invalid UTF-8 byte replaced by U+FFFD (the first at byte {at:,})"
    (tmp_path / "line.jsonl").write_bytes(b'{"id": "j", "text": "' + data[:40] + b"\xfe" + data[40:]
                                          .replace(b"\n", b"\\n") + b'"}\n')
    [rec] = list(read_paths([str(tmp_path / "line.jsonl")]))
    assert isinstance(rec, Record) and rec.warning and rec.id == "j"


def test_windows_1256_is_not_taken_for_damaged_utf8(tmp_path):
    (tmp_path / "c.txt").write_bytes(ARTICLE.encode("cp1256"))
    [rec] = list(read_paths([str(tmp_path / "c.txt")]))
    assert rec.text == ARTICLE and rec.warning is None


class _CountedMention(Mention):
    """A mention that counts how often its offsets are read (work done, not time taken)."""

    reads = 0

    def __getattribute__(self, name):
        if name in ("start", "end"):
            _CountedMention.reads += 1
        return object.__getattribute__(self, name)


def test_mentions_in_does_not_scan_every_mention():
    rnd = random.Random(3)
    n = 100_000
    ms = [_CountedMention(s, s + rnd.randrange(1, 12), "a1", Provenance("t")) for s in range(0, 5 * n, 5)]
    doc = Doc(text="x" * (5 * n + 20), id="big", mentions=ms)
    spans = [(s, s + rnd.randrange(0, 400)) for s in rnd.sample(range(5 * n), 2000)]
    _CountedMention.reads = 0
    got = [doc.mentions_in(a, b) for a, b in spans]
    # One pass to index the layer plus the mentions near each span; a scan per call would read
    # every mention 2,000 times (4 x 10^8 reads).
    assert _CountedMention.reads < 3 * n
    assert got[:20] == [[m for m in ms if a <= m.start and m.end <= b] for a, b in spans[:20]]


def test_deeply_nested_html_is_flattened():
    # lexbor's tree work grows with the square of the nesting depth (197 s for this page before
    # the fix): the page is flattened to MAX_DEPTH before it is parsed.
    html = "<html><body>" + "<div>" * 100_000 + f"<p>{ARTICLE}</p></body></html>"
    flat = flatten_deep(html)
    assert flat.count("<div>") <= MAX_DEPTH and flat.endswith(f"<p>{ARTICLE}</p></body></html>")
    page = extract_html(html)
    assert "قال رئيس الوزراء" in page.text
    assert flatten_deep(ARTICLE_PAGE) == ARTICLE_PAGE


class _Slow:
    name = "slow"

    def __call__(self, doc):
        if "بطيء" in doc.text:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                pass
        return doc


def test_doc_timeout_turns_a_stuck_document_into_one_error(monkeypatch):
    from marsad.pipeline import Pipeline

    monkeypatch.setattr(batch, "_PIPELINE", Pipeline([_Slow()]))
    items = [Record("a", ARTICLE), Record("slow", ARTICLE + " بطيء"), Record("b", ARTICLE)]
    out = list(batch.analyse_all(items, timeout=0.5))  # without the limit "slow" would run 30 s and pass
    assert [r.id for r, _ in out] == ["a", "slow", "b"]
    assert isinstance(out[1][1], InputError) and "--doc-timeout" in out[1][1].reason
    assert isinstance(out[0][1], Doc) and isinstance(out[2][1], Doc)


def test_too_long_text_is_refused_before_work(monkeypatch):
    import marsad.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_CHARS", 1000)
    [(_, err)] = list(batch.analyse_all([Record("long", ARTICLE * 20, origin="long.txt")]))
    assert isinstance(err, InputError)
    assert err.reason.startswith("document too large") and "MARSAD_MAX_CHARS" in err.reason
