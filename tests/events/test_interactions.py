"""Interactions on real news (sentences of ../shared/data/ant_news, 2018): verb-first subjects with
a title, participle chains, coordinated actors, backing, warnings, casualty idioms; the lexicon's
interaction frame (stance polarity, patient and topic prepositions) and the events' modality."""
from __future__ import annotations

from marsad.doc import Doc
from marsad.events.lexicon import load_lexicon
from marsad.events.stage import modality_of
from marsad.pipeline import Pipeline

_PIPE: list = []


def events(text: str, etype: str) -> list[tuple[str | None, str | None]]:
    """(source name, target name) of the events of a type."""
    if not _PIPE:
        _PIPE.append(Pipeline())
    doc = _PIPE[0](Doc(text=text, id="t", published="2018-06-01"))

    def name(aid):
        a = doc.actors.get(aid) if aid else None
        return a.name if a else None

    return [(name(e.source), name(e.target)) for e in doc.events if e.type == etype]


def test_participle_chain_after_verb_with_object():
    got = events('وبرّرت إسرائيل استخدام قواتها الرصاص الحي ضد المتظاهرين بأنها تدافع عن حدودها، متهمة '
                 'حركة "حماس" التي تسيطر على القطاع بمحاولة استخدام الاحتجاجات غطاء لشن هجمات.', "ACCUSE")
    assert any(s == "إسرائيل" and t and "حماس" in t for s, t in got), got


def test_title_subject_before_name_and_object():
    got = events("وحذر الرئيس التركي رجب طيب أردوغان في الوقت ذاته المعارضة من التشكيك في النتائج.", "THREATEN")
    assert got and all(t != "رجب طيب أردوغان" for _, t in got), got


def test_warning_between_states():
    got = events("وبالطبع حذرت موسكو واشنطن وحلفاءها من شن هجوم على سوريا.", "THREATEN")
    assert ("موسكو", "واشنطن") in got, got


def test_warning_of_a_danger_is_no_threat():
    assert events("وحذرت السلطات من خطر اندلاع حرائق الغابات مجددا.", "THREATEN") == []


def test_cautiously_is_no_warning():
    text = ('وأضاف، خلال مؤتمر صحافي، "فتحنا طريق الحديدة صنعاء لخروج الميليشيات دون مقاومة"، موضحاً أن '
            'التحالف يتقدم عسكرياً بحذر لتجنب المدنيين في الحديدة.')
    assert events(text, "THREATEN") == []


def test_backing_names_backer():
    got = events("وتحاول ميليشيات إيران نقل المعركة إلى الأحياء السكنية، عقب انسحابهم من أجزاء واسعة من المطار "
                 "تحت ضربات المقاومة المشتركة بدعم من قوات التحالف العربي.", "SUPPORT")
    assert got and all(s is not None for s, _ in got), got


def test_death_idiom_with_toll_is_an_attack():
    got = events("بعد يومين من المجزرة، لقي الأخوان كواشي مصرعهما بنيران الشرطة أثناء محاولتها اعتقالهما.", "ASSAULT")
    assert got is not None  # (no crash; the toll idiom alone has no count here)
    assert events("وأدت الحرب الضارية إلى إجبار نصف سكان سوريا على الهجرة أو النزوح، فيما لقي أكثر من 350 ألف "
                  "شخص مصرعهم.", "ASSAULT")


def test_death_in_a_crash_is_no_attack():
    text = ("وكانت طائرة هليكوبتر تابعة لسلاح مشاة البحرية الأميركية قد تحطمت أثناء مهمة تدريبية بجنوب ولاية "
            "كاليفورنيا الثلاثاء الماضي، ويعتقد أن أفراد طاقمها الأربعة لقوا حتفهم.")
    assert events(text, "ASSAULT") == []


def test_lexicon_frame():
    lex = load_lexicon().lexemes
    accuse = lex["ACCUSE.ittaham"]
    assert accuse.stance == "oppose" and "" in accuse.patient and "ب" in accuse.topic and accuse.object_first
    assert lex["SUPPORT.ashada"].stance == "support"
    assert lex["CONSULT.zara"].stance == "none"
    assert all(x.stance in ("support", "oppose", "none") for x in lex.values())


def test_modality():
    assert modality_of(None, None) == "asserted"
    assert modality_of("historical", None) == "asserted"
    assert modality_of("future", None) == "planned"
    assert modality_of("negated", None) == "denied"
    assert modality_of("hypothetical", None) == "conditional"
    assert modality_of(None, "REQUEST") == "demanded"
    assert modality_of(None, "THREATEN") == "threatened"


def test_event_json_has_modality_and_stance():
    if not _PIPE:
        _PIPE.append(Pipeline())
    doc = _PIPE[0](Doc(text="وبالطبع حذرت موسكو واشنطن وحلفاءها من شن هجوم على سوريا.", id="t",
                       published="2018-06-01"))
    ev = [e for e in doc.to_json()["events"] if e["type"] == "THREATEN"]
    assert ev and ev[0]["modality"] == "asserted" and ev[0]["stance"] == "oppose"
