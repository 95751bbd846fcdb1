"""Bare headlines between paragraphs: other stories' (BBC runs of related links) versus the
article's own section titles and lists. Real ant_news articles."""
from __future__ import annotations

from corpus import ant_news

from marsad.pipeline import analyze


def inserts(doc_id: str) -> list[str]:
    a = ant_news()[doc_id]
    doc = analyze(a["text"], a["id"], published=a["published"])
    return [a["text"][b.start:b.end] for b in doc.boilerplate if b.prov.rule == "bare-headline"]


def test_bbc_run_of_related_headlines():
    # three related-story links in a row; the third shares the article's topic (Trump's health)
    # but belongs to the run
    got = inserts("BB-internationalNews-450-20180502")
    assert got == ["ترامب يرفض التشكيك في قواه العقلية ويقول إنه \"عبقري\"",
                   "تيلرسون: لم أشكك أبدا في صحة ترامب العقلية",
                   "طبيب البيت الأبيض يؤكد أن صحة ترامب ممتازة"]
    # a run whose lines share words with each other is still a run of headlines
    assert len(inserts("BB-internationalNews-912-20180802")) == 3


def test_section_titles_that_announce_their_paragraph_are_kept():
    # "أكثر من 120 ألف نازح …" heads the paragraph on 120,000 displaced; "الأمير زيد: …" the
    # paragraph quoting him
    assert inserts("FR-middleEast-709-20180629") == []
    assert inserts("FR-middleEast-937-20180817") == []


def test_a_list_is_not_a_run_of_headlines():
    # the Oscar winners: "أفضل فيلم: …", "أفضل مخرج: …", …
    assert inserts("FR-internationalNews-258-20180305") == []


def test_two_topical_headlines_in_a_row_are_a_run():
    # both share the article's topic (the Basra protests; Daniels' suit), but two unpunctuated
    # lines in a row are related-story links, not a section title
    assert inserts("BB-middleEast-739-20180716") == [
        "احتجاجات العراق: العبادي يضع قوات الجيش والأمن في حالة تأهب قصوى",
        "احتجاجات البصرة: الشرطة العراقية تحبط محاولة مئات المتظاهرين اقتحام مبنى حكومة البلدية"]
    assert len(inserts("BB-internationalNews-619-20180607")) >= 2


def test_a_bracketed_enumeration_is_the_articles_own():
    # "لندن، المملكة المتحدة (2.7 تريليون دولار)" …: the richest cities, a list of the article
    assert inserts("AL-internationalNews-326-20180303") == []
