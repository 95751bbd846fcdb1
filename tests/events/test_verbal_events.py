"""Verbal events from expressed stances (marsad/events/verbal.py) on real sentences of
../shared/data/ant_news (2018): what a speaker says of another party in their own words is an
ACCUSE or SUPPORT event; a standing relation, an act or an outlet's report is none."""
from __future__ import annotations

from marsad.pipeline import analyze


def _verbal(text: str) -> list[tuple[str, str, str]]:
    d = analyze(text, published="2018-07-18")
    return [(e.type, d.actors[e.source].name, d.actors[e.target].name)
            for e in d.events if e.prov.stage == "verbal_events"]


def test_a_speakers_praise_in_a_statement_is_support():
    got = _verbal("قال الرئيس الأميركي دونالد ترامب إن السعودية حليف مهم ومستثمر كبير في الولايات المتحدة، "
                  "مشيرا إلى أن الأمور ستتضح أكثر بحلول الاثنين المقبل بشأن قضية جمال خاشقجي.")
    assert got == [("SUPPORT", "دونالد ترامب", "السعودية")], got


def test_a_verb_of_accusing_is_accuse_held_by_its_subject():
    got = _verbal("من جهتها، قالت رئيسة الحكومة البريطانية تيريزا ماي، التي تتهم روسيا بالوقوف وراء تسميم العميل "
                  "الروسي السابق سيرغي سكريبال في وقت سابق من العام الجاري، إن مجموعة السبع يجب أن تقتنع بأن "
                  "سلوك موسكو تغيّر.")
    assert ("ACCUSE", "تيريزا ماي", "روسيا") in got, got


def test_praise_of_a_leader_is_support_toward_him():
    got = _verbal("التقى الرئيس الأمريكي دونالد ترامب نظيره الروسي فلاديمير بوتين في هلسنكي. وفاجأ ترامب حتى "
                  "مؤيديه عندما أشاد بالزعيم الروسي خلال المؤتمر الصحفي على نفيه \"القوي\" للتدخل.")
    assert ("SUPPORT", "دونالد ترامب", "فلاديمير بوتين") in got, got


def test_a_standing_relation_is_no_utterance():
    # "backed by Iran" describes an alliance; nobody said anything
    assert _verbal("وشهدت مديريتان في صعدة على الحدود مع السعودية قصفا شنته طائرات التحالف العربي، استهدف "
                   "مواقع وتحصينات للمتمردين الحوثيين المدعومين من إيران.") == []


def test_an_unnamed_spokesmans_judgement_gives_no_event():
    # the stance is read (held by "المتحدث"), but a bare title names nobody an event can code
    assert _verbal("وقال المتحدث إن مليشيات الحوثي الإرهابية تواصل استهداف المدنيين.") == []


def test_obligation_laid_on_a_generic_party():
    # "يجب على الأحزاب السياسية أن …": the parties, which no actor names, are the demanded party
    from tests.sentences import event_parties
    assert ("محمد السادس", "الأحزاب") in event_parties(
        "وقال الملك محمد السادس إنه يجب على الأحزاب السياسية أن تجدد أساليب عملها.", "REQUEST")
