"""Other stories' leads appended at the end of a page (CNN Arabic), told by content and position."""
from __future__ import annotations

from corpus import ant_news

from marsad.boilerplate.leads import other_leads
from marsad.pipeline import analyze


def paragraphs(doc_id: str) -> list[str]:
    return [p.strip() for p in ant_news()[doc_id]["text"].split("\n") if p.strip()]


def test_cnn_tail_of_other_stories_is_flagged():
    # Khalid bin Salman on the Houthis (6 paragraphs), then five leads of other stories:
    # Iraq striking ISIS in Syria, Sisi-Macron call, aid to Sudan, Bukayriyah shooting, Qatar-Turkey.
    paras = paragraphs("CN-middleEast-1235-20180816")
    assert other_leads(paras) == [6, 7, 8, 9, 10]
    a = ant_news()["CN-middleEast-1235-20180816"]
    doc = analyze(a["text"], a["id"], published=a["published"])
    flagged = [a["text"][b.start:b.end] for b in doc.boilerplate if b.prov.rule == "other-lead"]
    assert flagged[0].startswith("أعلن العراق قصف")
    assert len(flagged) == 5
    # nothing is read from them: no statement or time inside the appended leads
    tail = doc.clutter()[0].start
    assert all(s.start < tail for s in doc.statements)


def test_one_foreign_lead_after_the_article():
    # the whole tail is other stories (1945, a former CIA chief, a date in history, an earlier lead
    # on the same stabbing, a helicopter crash); before the block rule only the last was found
    paras = paragraphs("CN-internationalNews-555-20180902")
    assert other_leads(paras) == [4, 5, 6, 7, 8]
    assert paras[-1].startswith("تحطمت طائرة هليكوبتر")


def test_cut_off_teasers_on_the_same_affair():
    # Trump on Khashoggi, then teasers of other stories cut off mid-sentence (Khashoggi's
    # fiancée, Taliban talks in Doha, Hamad bin Jassim, Cavusoglu, al-Sabhan on Khashoggi): the
    # cut marks them as teasers even where they share the article's affair
    paras = paragraphs("CN-middleEast-1520-20181013")
    assert other_leads(paras) == [6, 7, 8, 9, 10]
    assert paras[10].startswith("أكد وزير الدولة لشؤون الخليج")
    # a short closing paragraph without a full stop is the article's own, and so is a lone
    # cut-off paragraph on the article's topic (a France24 press review)
    assert other_leads(paragraphs("CN-internationalNews-427-20180602")) == []
    assert other_leads(paragraphs("FR-internationalNews-659-20180410")) == []


def test_article_own_closing_paragraphs_are_kept():
    # a feature story told in bare-verb paragraphs about its protagonist (أصبح دين، عاد دين)
    assert other_leads(paragraphs("CN-internationalNews-402-20180526")) == []
    # a Sky News story whose paragraphs open with و or continue the quote (وأوضح، وأضاف)
    assert other_leads(paragraphs("SK-middleEast-2830-20180710")) == []
    # the article's own paragraphs before a block of other (same-topic) leads are kept
    paras = paragraphs("CN-middleEast-1460-20181010")
    assert all(i >= 8 for i in other_leads(paras))
    # a closing "تجدر الإشارة" paragraph that brings new facts still continues the article
    assert other_leads(paragraphs("SK-middleEast-3813-20181010")) == []


def test_bbc_app_prompt_is_boilerplate():
    a = ant_news()["BB-middleEast-659-20180623"]
    doc = analyze(a["text"], a["id"], published=a["published"])
    kinds = {a["text"][b.start:b.end][:20]: b.kind for b in doc.boilerplate}
    assert any(k.startswith("يمكنكم") and v == "share" for k, v in kinds.items())


def test_click_here_prompt_is_boilerplate():
    text = ("تعلن اللجنة الانتخابية النتائج الأولية مساء اليوم.\n"
            "لمتابعة المباشر على الحواسيب اللوحية، اضغط هنا...\n"
            "وقال رئيس اللجنة إن نسبة المشاركة بلغت 49 بالمئة.")
    doc = analyze(text, "t")
    assert [(b.kind, text[b.start:b.end]) for b in doc.boilerplate] == [
        ("share", "لمتابعة المباشر على الحواسيب اللوحية، اضغط هنا...")]
    # a sentence that merely mentions following the news is article text
    text2 = "وقال إن الحكومة تتابع الوضع عن كثب.\nلمتابعة التطورات عقدت اللجنة اجتماعا طارئا.\nوأضاف أن الاجتماع انتهى."
    assert analyze(text2, "t").boilerplate == []


def test_a_block_opened_by_a_foreign_lead_takes_in_same_day_stories():
    """The block opens with a plainly foreign lead; the leads after it that share a country or an
    office with the article (a minister of the same state) are part of the block, not its text."""
    paras = paragraphs("CN-middleEast-1362-20180912")
    assert other_leads(paras) == [3, 4, 5, 6, 7]
    paras = paragraphs("CN-internationalNews-604-20180911")
    assert other_leads(paras) == [4, 5, 6, 7, 8]


def test_no_block_when_the_article_is_one_paragraph():
    """A page whose own text is a single lead paragraph: what follows it is read one by one."""
    assert 1 not in other_leads(paragraphs("CN-internationalNews-532-20180818"))


def test_dated_leads_on_the_same_affair():
    # a viral video of the Saudi crown prince (5 paragraphs), then the leads of other stories
    # naming their day after the subject ("جددت الحكومة الأردنية، الإثنين، …"): the Jordanian
    # leads share places and titles with one another, so content alone did not flag them
    paras = paragraphs("CN-middleEast-1203-20180813")
    leads = other_leads(paras)
    assert leads[-4:] == [6, 7, 8, 9]
    assert 4 not in leads  # the article's own closing line stays


def test_article_dates_alone_make_no_block():
    # an article whose closing paragraphs are its own (no day after a subject): nothing added
    paras = paragraphs("CN-middleEast-1235-20180816")[:6]
    assert other_leads(paras) == []
