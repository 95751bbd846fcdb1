"""Text layer: offset-mapped normalisation, sentence segmentation, tokens and clitics."""
from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from marsad.text.normalize import normalize, normalize_with_map
from marsad.text.segment import (
    clitic_candidates,
    split_sentences,
    strip_proclitics,
    tokenize,
)

ARABIC_CHARS = (
    [chr(c) for c in range(0x0621, 0x064B)] + [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0640", "\u0670", "\u200c", "\u200f", "\u061c", "ى", "ة", "أ", "إ", "آ", "ؤ", "ئ", "ٱ"]
    + [chr(c) for c in range(0x0660, 0x066A)] + [chr(c) for c in range(0x06F0, 0x06FA)]
    + ["\ufefb", "\ufe8d", "\ufef5", "\ufdf2", " ", "،", ".", "؟", "«", "»", "\n", "a", "7"]
)


def test_normalize_folds_forms():
    assert normalize("إِلَى") == "الي"
    assert normalize("مدرسـة") == "مدرسه"
    assert normalize("٢٠٢٤") == "2024"
    assert normalize("۱۹۹۸") == "1998"
    assert normalize("آذار") == "اذار"
    assert normalize("مؤتمر") == "موتمر"
    assert normalize("\ufefb") == "لا"  # presentation-form ligature
    assert normalize("خروج\u200cاً") == "خروجا"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ARABIC_CHARS), min_size=0, max_size=60).map("".join),
       st.integers(0, 60), st.integers(0, 60))
def test_offset_map_round_trip(original, a, b):
    nt = normalize_with_map(original)
    n = len(nt.text)
    start, end = sorted((min(a, n), min(b, n)))
    # A span may not cut through one original character's expansion (ﻻ → لا).
    assume(not (0 < end < n and nt.origin[end] == nt.origin[end - 1]))
    assume(not (0 < start < n and nt.origin[start] == nt.origin[start - 1]))
    o_start, o_end = nt.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(original)
    # Normalising the original span gives back exactly the normalised span.
    assert normalize(original[o_start:o_end]) == nt.text[start:end] or start == end


def test_offset_map_on_diacritics():
    text = "يريد خروجاً سريعاً ومنظماً"
    nt = normalize_with_map(text)
    i = nt.text.index("سريعا")
    s, e = nt.to_original(i, i + len("سريعا"))
    assert text[s:e] == "سريعا"
    assert nt.text == "يريد خروجا سريعا ومنظما"


def _sents(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_split_on_arabic_punctuation():
    text = "قال الوزير إن الوضع مستقر. وأضاف أن المحادثات مستمرة؟ نعم! انتهى الاجتماع… ثم غادر"
    assert _sents(text) == ["قال الوزير إن الوضع مستقر.", "وأضاف أن المحادثات مستمرة؟", "نعم!",
                            "انتهى الاجتماع…", "ثم غادر"]


def test_no_split_inside_quotations():
    text = 'قال السوداني: "هناك حاجة. للتنظيم! فعلاً". ثم غادر. وقال «لا نريد الحرب. أبداً» أمس.'
    assert _sents(text) == ['قال السوداني: "هناك حاجة. للتنظيم! فعلاً".', "ثم غادر.",
                            "وقال «لا نريد الحرب. أبداً» أمس."]


def test_no_split_on_decimals_and_abbreviations():
    text = "ارتفع المؤشر 3.5 بالمئة. وقال د. أحمد إن أ.ف.ب نقلت الخبر."
    assert _sents(text) == ["ارتفع المؤشر 3.5 بالمئة.", "وقال د. أحمد إن أ.ف.ب نقلت الخبر."]


def test_line_breaks_end_sentences_and_unbalanced_quote():
    text = 'العراق يريد خروجاً... وهذا "مهم\nسطر جديد هنا'
    assert _sents(text) == ["العراق يريد خروجاً...", 'وهذا "مهم', "سطر جديد هنا"]


def test_ellipsis_then_text_splits():
    text = "للقواعد الأميركية... العراق يريد خروجاً"
    assert _sents(text) == ["للقواعد الأميركية...", "العراق يريد خروجاً"]


def test_tokens_and_proclitic_stems():
    text = "والعراق وللولايات المتحدة بالقوات للقوات وزارة"
    sents = split_sentences(text)
    toks = tokenize(text, sents)
    assert [t.text for t in toks] == ["والعراق", "وللولايات", "المتحدة", "بالقوات", "للقوات", "وزارة"]
    by = {t.text: t for t in toks}
    assert by["والعراق"].stem == "العراق" and text[by["والعراق"].start + by["والعراق"].stem_start:by["والعراق"].end] == "العراق"
    assert by["للقوات"].stem == "القوات"
    assert text[by["للقوات"].start + by["للقوات"].stem_start:by["للقوات"].end] == "لقوات"
    assert by["وزارة"].stem == "وزاره"  # no article after و: not split by default
    assert by["بالقوات"].stem == "القوات"


def test_clitic_candidates():
    cands = clitic_candidates("وبصواريخهم")
    assert ("وب", "صواريخ", "هم") in cands
    assert ("", "وبصواريخهم", "") == cands[0]
    assert ("ل", "الولايات", "") in clitic_candidates("للولايات")
    assert strip_proclitics("فالجماعات") == (1, "الجماعات")


def test_lexicon_validated_segmentation():
    from marsad.text.morphology import light_stem, segment_word

    cases = {
        "وقال": ("و", "قال", ""), "وأكد": ("و", "اكد", ""), "والعراق": ("و", "العراق", ""),
        "للقوات": ("ل", "القوات", ""), "بالاستقرار": ("ب", "الاستقرار", ""),
        "وبصواريخهم": ("وب", "صواريخ", "هم"), "حكومتها": ("", "حكومه", "ها"),
        "بأنه": ("ب", "ان", "ه"), "وسوريا": ("و", "سوريا", ""),
        # words that only look clitic-initial stay whole
        "وزارة": ("", "وزاره", ""), "بغداد": ("", "بغداد", ""), "لبنان": ("", "لبنان", ""),
        "وكالة": ("", "وكاله", ""), "ولايات": ("", "ولايات", ""), "كبير": ("", "كبير", ""),
        "كما": ("", "كما", ""), "لجنة": ("", "لجنه", ""),
    }
    for word, expected in cases.items():
        assert segment_word(word) == expected, word
    assert light_stem("الصواريخ") == light_stem("صواريخ")


def test_compatibility_range_characters_nfkc_leaves_alone_do_not_crash():
    # U+FDD0 (a noncharacter), U+FE75 and U+FFEF (unassigned) sit in the compatibility ranges but
    # NFKC maps them to themselves: they are kept as they are, and analysis goes on.
    from marsad.pipeline import analyze
    from marsad.text.normalize import normalize, normalize_with_map

    for ch in ("\ufdd0", "\ufe75", "\uffef"):
        assert normalize("قال" + ch) == "قال" + ch
        assert normalize_with_map("قال" + ch).text == "قال" + ch
    doc = analyze("قال الرئيس العراقي\ufdd0 إن الحكومة ترفض الهجمات.", doc_id="t")
    assert doc.sentences
