"""Attacks, clashes and arrests told in news with their armed agent or party named, on real
sentences of ../shared/data/ant_news (2018): the GSR-trained filter learnt single incident
sentences and vetoes these; the clause's structure (a finite verb opening its clause, a support
verb's noun, a clash with an armed party) codes them. Each with sentences that must not give the
event (denied, a purpose, background told in a clause of time, a verbal noun)."""
from __future__ import annotations

from sentences import analysed


def events_of(text: str, etype: str = "ASSAULT") -> list[tuple[str | None, str | None, str]]:
    """(source name, target name, rule) of the asserted events of one type in a sentence."""
    doc = analysed(text)
    name = {a.id: a.name for a in doc.actors.values()}
    return [(name.get(e.source), name.get(e.target), e.prov.rule) for e in doc.events
            if e.type == etype and e.modality == "asserted"]


# -- an attack with its armed agent ----------------------------------------------------------
def test_support_verb_with_armed_agent():
    got = events_of("وبدأت قوات سعودية وإماراتية الأربعاء هجوما واسعا على مدينة الحديدة للسيطرة عليها.")
    assert got and got[0][2].startswith("armed:"), got


def test_perfect_verb_opening_its_clause_with_armed_agent():
    got = events_of("وقصف جيش #الاحتلال موقع مراقبة حدودياً، بينما فرض حظراً على نشر التفاصيل.")
    assert got, got


def test_clash_with_an_armed_party():
    got = events_of("تمكن مسلحو تنظيم داعش الإرهابي، السبت، من استعادة السيطرة على حقل الصيجان النفطي في "
                    "ريف دير الزور الشرقي بعد اشتباكات مع قوات سوريا الديمقراطية.")
    assert any(t == "قوات سوريا الديمقراطية" for _, t, _ in got), got


def test_denied_attack_is_no_event():
    assert not events_of("ونفى الجيش التركي السبت استهداف مستشفى في عفرين مضيفا أنه ينفذ الحملة بطريقة لا "
                         "تلحق أذى بالمدنيين")


def test_purpose_is_no_attack():
    # "ليتمكنوا من التصدي للهجوم التركي": an attack the clause's agent means to face, not one it made
    got = events_of("وتخلى العديد من الاكراد عن محاربة داعش في محافظة دير الزور شرقي سوريا ليتمكنوا من "
                    "التصدي للهجوم التركي في عفرين شمالا")
    assert not any(r.startswith("armed:") for _, _, r in got), got


def test_the_abducted_are_no_abduction():
    # "المختطفين" names the people abducted before; the army arrests them (no attack of its own)
    got = events_of("ويقوم الجيش الإسرائيلي باعتقال واستجواب المختطفين، قبل أن تفرج عنهم لاحقا.")
    assert not any(r.startswith("armed:") for _, _, r in got), got


# -- clashes: the two parties ----------------------------------------------------------------
def test_clashes_between_two_parties():
    got = events_of('وتدور اشتباكات أيضا بين مقاتلي فصيل "جيش الإسلام" وقوات النظام في محيط دوما، أبرز مدن '
                    'الغوطة الشرقية.')
    assert any(s is not None and t is not None for s, t, _ in got), got


def test_clashes_between_youths_and_security_forces():
    got = events_of("لكنه شهد إضرابا نادرا احتجاجا على تردي الأوضاع الاقتصادية، فيما اندلعت مواجهات محدودة "
                    "بين عشرات الشبان وقوات الأمن وسط العاصمة.")
    assert any(s is not None and t is not None for s, t, _ in got), got


def test_clash_partner_after_with_is_the_target_not_the_place():
    got = events_of("وسقط قتلى وجرحى وأُسر 36 من عناصر ميليشيات الحوثي الإيرانية في مديرية زبيد خلال معارك "
                    "مع قوات المقاومة الوطنية.")
    assert any(t is not None and "زبيد" not in t for _, t, _ in got), got


def test_a_minister_fights_no_battle():
    # the clause's subject (the UN Secretary-General) is no party of "المعارك مع …"
    got = events_of("فند التحالف العربي لدعم الشرعية في اليمن، ما ورد من مغالطات في تقرير للأمين العام للأمم "
                    "المتحدة، أنطونيو غوتيريش، بشأن الأطفال الذين فقدوا حياتهم خلال المعارك مع ميليشيات الحوثي "
                    "الإيرانية.")
    assert not any(s and "غوتيريش" in s for s, _, _ in got), got


# -- arrests and raids -----------------------------------------------------------------------
def test_counted_civilians_after_an_arrest_verb_are_its_patients():
    got = events_of("وأصيب 35 محتجا نقل أربعة منهم إلى المستشفى واعتقل شخصان بحسب ما أفادت خدمة الإسعاف "
                    "الفلسطينية.", "COERCE")
    assert got and all(s != "شخصان" for s, _, _ in got), got


def test_raid_subject_after_inna():
    # "فإن الحوثيين داهموا": the nisba after إن is the raid's subject, not an adjective
    got = events_of("وبحسب مصادر محلية، فإن الحوثيين داهموا المستشفى بأربعة أطقم مدرعة، بعد رفض مالكه.", "COERCE")
    assert got and got[0][0] is not None and "مصادر" not in got[0][0], got


def test_hostage_taker_keeps_the_arrest_subject():
    # "احتجزها رجل": the verb has its object pronoun, the man is its subject
    got = events_of("قالت متحدثة باسم شرطة إقليم كاتالونيا الإسباني، إن الشرطة حررت زوجة قنصل مالي الشرفي بعد "
                    "أن احتجزها رجل داخل قنصلية بلادها في برشلونة.", "COERCE")
    assert not any(t == "رجل" for _, t, _ in got), got


# -- a toll's agent ----------------------------------------------------------------------------
def test_accusative_noun_is_no_dual_verb():
    # "يتخللها قصفا جويا": the noun, whose agent is the campaign's, not the opposition named before
    got = events_of("وتشن قوات النظام منذ 18 شباط/فبراير حملة عنيفة على مناطق سيطرة الفصائل المعارضة في الغوطة "
                    "الشرقية، يتخللها قصفا جويا وصاروخيا ومدفعيا كثيفا، ما تسبب بمقتل أكثر من 850 مدنيا بينهم "
                    "أكثر من 180 طفلا، وفق آخر حصيلة أوردها المرصد السوري.")
    assert got and not any(s == "المعارضة" for s, _, _ in got), got

