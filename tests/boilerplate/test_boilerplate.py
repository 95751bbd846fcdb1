"""Boilerplate: marked lines, datelines as metadata, bare inserted headlines, other leads."""
from __future__ import annotations

from marsad.pipeline import analyze


def kinds(text):
    doc = analyze(text, "t")
    return [(b.kind, text[b.start:b.end]) for b in doc.boilerplate], doc


def test_related_share_credit_lines():
    text = ("قال الوزير إن المفاوضات ستستأنف الأسبوع المقبل في جنيف.\n"
            "إقرأ أيضاً: استراتيجية نظام الولي الفقيه بين أزمة غزة والأزمات الداخلية\n"
            "وأضاف أن الوفد سيضم خبراء.\n"
            "للمزيد - روسيا: أبرز التحولات السياسية\n"
            "قد يهمك/ مصادر لـCNN: قادة الجيش الأمريكي حذروا ترامب من ضرب سوريا\n"
            "فرانس24/ أ ف ب/ رويترز\n"
            "--------------------------------------------------------------------\n"
            "تابعونا على تويتر\n")
    found, doc = kinds(text)
    assert [k for k, _ in found] == ["related", "related", "related", "credit", "separator", "share"]
    assert all(s.boilerplate for s in doc.sentences if "أيضاً" in text[s.start:s.end])
    assert not doc.sentences[0].boilerplate


def test_dateline_is_metadata_not_clutter():
    # The gold keeps a dateline's places as entities of the article: it is kept on the Doc as
    # kind "dateline" (stages that read participants skip it) but is no page clutter.
    text = ("دبي، الإمارات العربية المتحدة (CNN)-- اتهمت وزارة الخارجية الإسرائيلية، الجمعة، مجلس حقوق الإنسان بالنفاق.\n"
            "وقالت الوزارة في بيان إن إسرائيل ترفض القرار.")
    found, doc = kinds(text)
    assert found == [("dateline", "دبي، الإمارات العربية المتحدة (CNN)-- ")]
    assert doc.clutter() == [] and doc.to_json()["boilerplate"] == []
    assert doc.cache["dateline"].startswith("دبي")
    assert not doc.in_boilerplate(0, 3)
    assert not doc.sentences[0].boilerplate  # the sentence itself is article text
    assert any(text[e.start:e.end] == "دبي" for e in doc.entities)

    text2 = "بغداد - أ ف ب: قتل ثلاثة أشخاص في انفجار عبوة ناسفة شمال العاصمة.\nوقالت الشرطة إن التحقيق جار."
    found2, doc2 = kinds(text2)
    assert found2 == [("dateline", "بغداد - أ ف ب: ")] and doc2.clutter() == []


def test_bare_headline_insert_and_other_story_lead():
    text = ("وقالت ستورمي \"بثقة\" في الاختبار إنها مارست الجنس مع ترامب في 2006.\n"
            "وينفي ترامب \"بشدة\" إقامة مثل هذه العلاقة.\n"
            "أمر قضائي \"يمنع ستورمي دانييلز من الحديث عن علاقتها بترامب\"\n"
            "وتعتمد الكثير من الولايات الأمريكية نتائج اختبار كشف الكذب كدليل إدانة في المحاكم.\n"
            "أتلانتا، الولايات المتحدة الأمريكية (CNN) -- أعلن وزير العدل التركي، عبد الحميد غل، الخميس، أن التحقيقات مستمرة.\n"
            "وقال كوهين إنه دفع لها من ماله الخاص.")
    found, _ = kinds(text)
    assert [k for k, _ in found] == ["insert", "insert"]
    assert found[0][1].startswith("أمر قضائي")
    assert found[1][1].startswith("أتلانتا")


def test_article_subheads_and_questions_are_not_inserts():
    text = ("تتزايد الضغوط على السعودية بشأن مصير الصحفي جمال خاشقجي.\n"
            "ما الذي يمكن أن يتمخض عنه اجتماع بومبيو؟\n"
            "التقى وزير الخارجية الأمريكي الملك سلمان في الرياض.\n"
            "حقائق عن اليمن\n"
            "وأجابت الممثلة بـ \"نعم\" على عدة أسئلة أثناء الاختبار، منها:\n"
            "- عمل مستشارا قانونيا في سكرتارية ولي العهد الأمير عبد الله بن عبد العزيز حينها، عام 2003\n")
    found, _ = kinds(text)
    assert found == []


def test_seed_boilerplate_exact(seed_text):
    doc = analyze(seed_text, "seed")
    texts = [seed_text[b.start:b.end] for b in doc.boilerplate]
    assert texts == ["إقرأ أيضاً: استراتيجية نظام الولي الفقيه بين أزمة غزة والأزمات الداخلية",
                     "إقرأ أيضاً: إشكالية المعارضة في الشرق الأوسط", "إقرأ أيضاً: ماذا ينتظر خامنئي؟"]
