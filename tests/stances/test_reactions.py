"""Reactions told with nouns (marsad.stances.reactions), on real sentences of
../shared/data/ant_news (2018): "X أثار غضب Y" gives Y's stance toward X's author, and the
verbal ACCUSE / SUPPORT event of it; a reaction to a clause told before ("مما أثار"، "الذي فجر")
or with no party named gives none."""
from __future__ import annotations

from sentences import analysed, name_of


def reactions(text: str) -> list[tuple[str | None, str | None, str]]:
    doc = analysed(text)
    return [(name_of(doc, s.holder), name_of(doc, s.target), s.polarity) for s in doc.stances
            if s.prov.rule == "reaction"]


def test_country_adjective_names_the_author_of_the_act():
    text = ('وقال نتانياهو الأحد "ستبقى القدس عاصمة لإسرائيل مهما كان اتفاق السلام الذي تتصورونه". إلا أن '
            "المبادرة الأمريكية الأحادية الجانب تثير غضب الفلسطينيين إذ تشكل تكريسا للموقف المنحاز.")
    got = reactions(text)
    assert any(t == "الولايات المتحدة" and p == "oppose" for _, t, p in got), got
    doc = analysed(text)
    assert any(e.type == "ACCUSE" and name_of(doc, e.target) == "الولايات المتحدة" and e.prov.rule == "stance:reaction"
               for e in doc.events)


def test_coordinated_reactions_of_two_parties():
    text = ("وكان إعلان ترامب في 6 كانون الأول/ديسمبر 2017 الاعتراف بالقدس عاصمة لإسرائيل ونقل سفارة بلاده "
            "من تل أبيب إلى القدس، أثار غبطة الإسرائيليين وغضب الفلسطينيين.")
    got = reactions(text)
    assert {p for _, t, p in got if t == "دونالد ترامب"} == {"support", "oppose"}, got


def test_reaction_to_a_clause_told_before_judges_nobody():
    text = ("لتثبت الإعادة بأن الكرة ارتدت إليه من مدافع ليفربول جيمس ميلنر وليس من زميل له، ما أثار غضب "
            "غوارديولا الذي توجه إلى الحكم بين الشوطين محتجا.")
    assert reactions(text) == []


def test_reaction_without_a_party_judges_nobody():
    text = ("وأعلنت السلطات التركية حالة الطوارىء في 20 يوليو 2016 لثلاثة أشهر إثر محاولة انقلاب ثم جددت "
            "سريانها بلا انقطاع، ما أثار انتقادات متزايدة ضد هذا النظام.")
    assert reactions(text) == []


def test_relative_clause_antecedent_past_its_comma():
    # (SK-internationalNews-231-20180302) "أغنيس كالامارد، التي تتهمها مانيلا بالتحيز": the
    # accused is the relative's antecedent, named past its comma
    from corpus import ant_news
    from marsad.pipeline import analyze

    a = ant_news()["SK-internationalNews-231-20180302"]
    doc = analyze(a["text"], a["id"], published=a["published"])
    got = [(name_of(doc, s.holder), name_of(doc, s.target), s.polarity) for s in doc.stances]
    assert ("الفلبين", "أغنيس كالامارد", "oppose") in got, got


def test_place_the_tagger_found_is_no_stance_target():
    # "تتهمه أنقرة بالوقوف وراء …": الوقوف, once tagged a place, is not whom Ankara accuses
    doc = analysed("وقال إن القس يدعم جماعة المعارض فتح الله غولن، الذي تتهمه أنقرة بالوقوف وراء محاولة الانقلاب.")
    assert all(name_of(doc, s.target) != "الوقوف" for s in doc.stances)
