"""Protest forms beyond the demonstration words, on real ant_news sentences (2018)."""
from __future__ import annotations

import pytest
from sentences import analysed


def protests(text: str) -> list:
    doc = analysed(text, "2018-05-15")
    return [e for e in doc.events if e.type == "PROTEST"]


@pytest.mark.parametrize("text", [
    # shops closed in protest or solidarity: a strike
    "أغلق المقدسيون العرب محلاتهم التجارية الثلاثاء في البلدة القديمة وفي المنطقة الشرقية تضامنا مع سكان غزة.",
    "ولأول مرة منذ نحو 40 عاما أغلق أكبر الأسواق الإيرانية في العاصمة أبوابه احتجاجا على انهيار كبير للريال الإيراني.",
])
def test_shop_closure_strike(text):
    assert any(e.prov.rule.endswith("ighlaq_mahal") for e in protests(text)), text


@pytest.mark.parametrize("text", [
    # shops closed by an economic crisis or a battle: no protest
    "ونظرا لاستمرار الأزمة المالية التي يمر بها اليمن، أغلقت العشرات من المحال التجارية أبوابها أخيرا في العاصمة صنعاء وأوقفت نشاطها بسبب انهيار قيمة الريال.",
    "وقد أغلقت المحلات أبوابها وبدت الشوارع مهجورة تماما.",
    # a closure in protest that is no strike of shops (a crossing closed by the authorities)
    "أغلقت السلطات المعبر أمام حركة البضائع احتجاجا على القرار.",
])
def test_closure_without_protest_is_no_strike(text):
    assert not any(e.prov.rule.endswith("ighlaq_mahal") for e in protests(text)), text
