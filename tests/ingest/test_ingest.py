"""Input kinds and bad inputs: every good document analysed, every bad one a clear error."""
from __future__ import annotations

import gzip
import json

from marsad.ingest.html import extract_html
from marsad.ingest.readers import InputError, Record, check_text, read_paths

ARTICLE = ("قال رئيس الوزراء العراقي محمد شياع السوداني إن بلاده تريد خروج القوات الأجنبية.\n"
           "وأضاف أن الحكومة لم تحدد موعداً نهائياً لذلك.")


def _read(*paths):
    return list(read_paths([str(p) for p in paths]))


def test_utf8_bom_cp1256_iso8859_6(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (tmp_path / "c.txt").write_bytes(ARTICLE.encode("cp1256"))
    plain = "قال الوزير إن الحكومة تريد خروج القوات الاجنبية من البلاد."  # no letters outside 8859-6
    (tmp_path / "d.txt").write_bytes(plain.encode("iso8859_6"))
    recs = _read(tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt", tmp_path / "d.txt")
    assert [r.id for r in recs] == ["a", "b", "c", "d"]
    assert recs[0].text == recs[1].text == recs[2].text == ARTICLE
    assert recs[3].text == plain


def test_html_main_text_without_boilerplate(tmp_path):
    page = """<!doctype html><html><head><title>عنوان الخبر</title>
    <meta property="article:published_time" content="2024-01-10T08:00:00Z"></head><body>
    <nav><a href="/">الرئيسية</a><a href="/x">سياسة</a></nav>
    <script>var x = "لا تظهر";</script>
    <article><h1>السوداني يطالب بخروج القوات</h1>
    <div class="share-bar">شارك على فيسبوك</div>
    <p>قال رئيس الوزراء العراقي محمد شياع السوداني إن بلاده تريد خروج القوات الأجنبية.</p>
    <p>وأضاف أن الحكومة لم تحدد موعداً نهائياً لذلك.</p>
    <ul class="related"><li><a href="/1">اقرأ أيضاً: خبر آخر تماماً</a></li></ul>
    </article><footer>جميع الحقوق محفوظة</footer></body></html>"""
    (tmp_path / "p.html").write_text(page, "utf-8")
    [rec] = _read(tmp_path / "p.html")
    assert isinstance(rec, Record)
    assert "قال رئيس الوزراء العراقي" in rec.text and "وأضاف أن الحكومة" in rec.text
    for noise in ("لا تظهر", "شارك على", "الرئيسية", "جميع الحقوق", "خبر آخر"):
        assert noise not in rec.text
    assert rec.published == "2024-01-10"
    assert rec.title == "عنوان الخبر"
    assert rec.html is not None


def test_json_jsonl_and_directories(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": "x1", "text": ARTICLE, "published": "2024-01-09"}), "utf-8")
    lines = [json.dumps({"id": f"j{i}", "text": ARTICLE, "title": "t"}, ensure_ascii=False) for i in range(3)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    with gzip.open(tmp_path / "z.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "gz1", "text": ARTICLE}) + "\n")
    sub = tmp_path / "sub" / "deeper"
    sub.mkdir(parents=True)
    (sub / "deep.txt").write_text(ARTICLE, "utf-8")
    ids = [r.id for r in _read(tmp_path)]
    assert ids == ["j0", "j1", "j2", "x1", "deep", "gz1"]
    recs = {r.id: r for r in _read(tmp_path)}
    assert recs["x1"].published == "2024-01-09"


def test_bad_inputs_are_named_errors_and_keep_good_documents(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "blank.txt").write_text("   \n\t  \n", "utf-8")
    (tmp_path / "english.txt").write_text("The prime minister said the forces must leave. " * 5, "utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "bad.jsonl").write_text(json.dumps({"id": "ok1", "text": ARTICLE}) + "\n{\"id\": \"trunc\", \"te\n", "utf-8")
    (tmp_path / "broken.json").write_text('{"id": "b", "text": "قال', "utf-8")
    (tmp_path / "notext.json").write_text('{"id": "n", "body": "x"}', "utf-8")
    out = _read(tmp_path)
    good = [r.id for r in out if isinstance(r, Record) and check_text(r.text, r.origin) is None]
    assert sorted(good) == ["good", "ok1"]
    errors = {str(e) for e in out if isinstance(e, InputError)}
    errors |= {f"{r.origin}: {check_text(r.text, r.origin)}" for r in out
               if isinstance(r, Record) and check_text(r.text, r.origin)}
    joined = "\n".join(sorted(errors))
    assert "empty.txt: empty document" in joined
    assert "blank.txt: empty document" in joined
    assert "english.txt: not Arabic text" in joined
    assert "binary.txt: binary content" in joined
    assert "bad.jsonl:2: malformed JSON line" in joined
    assert "broken.json: malformed JSON" in joined
    assert "notext.json: JSON record has no 'text'" in joined


def test_gigantic_file_is_refused_without_reading(tmp_path, monkeypatch):
    import marsad.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_BYTES", 1024 * 1024)
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.seek(50 * 1024 * 1024 - 1)
        f.write(b"\0")
    [err] = _read(big)
    assert isinstance(err, InputError) and "file too large (50.0 MB" in err.reason


def test_undecodable_bytes(tmp_path):
    import random

    rnd = random.Random(7)
    (tmp_path / "x.txt").write_bytes(bytes(rnd.randrange(0x80, 0x100) for _ in range(4000)))
    [item] = _read(tmp_path / "x.txt")
    bad = isinstance(item, InputError) or check_text(item.text, "x") is not None
    assert bad


def test_missing_path():
    [err] = list(read_paths(["/nonexistent/file.txt"]))
    assert isinstance(err, InputError) and "no such file" in err.reason


def test_malformed_html_still_extracts():
    page = extract_html("<html><body><div><p>قال الوزير إن الحكومة <b>ستجتمع<p>غداً في بغداد</div>")
    assert "قال الوزير" in page.text and "غداً في بغداد" in page.text
