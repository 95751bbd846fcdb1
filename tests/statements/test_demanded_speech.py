"""A speech verb in the subjunctive of a demand, an expectation or a pledge ("بأن تعلن"، "على أن
تكشف"، "إلى أن توضح") tells what is asked or expected, not a statement made (real ant_news
sentences); "بعد أن أعلن" still reports one."""
from __future__ import annotations

from sentences import analysed


def _speakers(text: str) -> list[str]:
    doc = analysed(text)
    return [doc.actors[s.speaker].name if s.speaker in doc.actors else None for s in doc.statements]


def test_expected_announcement_is_no_statement():
    # (BBC Arabic, 2018-04-20)
    text = ("وجاء الاعتذار في ظل توقعات بأن تعلن الحركة حل نفسها نهائيا في مطلع الشهر المقبل بعد أكثر من عام "
            "على إنهائها حملتها.")
    assert "الحركة" not in _speakers(text)


def test_demanded_disclosure_is_no_statement_by_the_one_asked():
    text = "وحثت بريطانيا روسيا على أن تكشف بالكامل لمنظمة حظر الأسلحة الكيميائية عن برنامج نوفيتشوك."
    assert "روسيا" not in _speakers(text)


def test_announcement_after_bada_an_is_a_statement():
    text = "وبعد أن أعلنت وزارة الدفاع الروسية أن قواتها انسحبت من المنطقة، عاد الهدوء إلى البلدة."
    assert any(s and "وزارة الدفاع" in s for s in _speakers(text)), _speakers(text)
