"""The times stage: Arabic date and time expressions, normalised to ISO 8601 (TimeML values).

One precompiled alternation of rules runs over the normalised text of each content sentence
(``normalize_with_map``; offsets map back to the original). Vocabulary is data
(``resources/times.yaml``): month names of every region, Hijri months, weekdays, number words,
units, qualifiers, vague phrases. A rule's match is then checked against its context (a bare
month needs a preposition before it, a bare four-digit number needs a year word, الاثنين after
بين is "the two") and resolved against the document date: values keep the text's precision
(``2024``, ``2024-01``, ``2024-01-09``, ISO weeks ``2024-W02``, decades ``199``); vague ones are
``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF``; periods such as "the past two weeks" are ISO
intervals ending at the document date. Without a document date, a weekday + day + month fixes
the year (``inferred=True``) and becomes the reference for relative expressions.

:func:`anchor` gives the date an event or statement takes from the times around it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick
import yaml
from hijridate import Gregorian, Hijri

from marsad.doc import Doc, Provenance, TimeExpr
from marsad.text.normalize import COMBINING_MARKS, normalize

STAGE = "times"


# -- vocabulary and patterns ----------------------------------------------------------------
def _alt(words) -> str:
    """Regex alternation of normalised words, longest first, spaces matching any whitespace."""
    uniq = sorted({normalize(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in uniq) + ")"


def _index(table: dict) -> dict[str, Any]:
    """{key: [forms]} -> {normalised form: key}."""
    return {normalize(w): k for k, forms in table.items() for w in forms}


@dataclass
class _Lexicon:
    rx: re.Pattern
    keys: Any  # ahocorasick automaton of the words every expression contains
    firsts: frozenset  # words an expression can begin with (after proclitics)
    range_tail: re.Pattern  # "… إلى نيسان/أبريل 2018" after a month: the year both share
    months: dict[str, int]
    hmonths: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, str]]  # form -> (unit, one|two|many)
    quals: dict[str, str]
    deictic: dict[str, int]
    decades: dict[str, int]
    centuries: dict[str, int]
    vague: dict[str, str]
    sets: dict[str, frozenset]
    named: list[tuple[frozenset, int, int, int]]


# The rules, tried in this order at each candidate word start (the first that matches wins).
# Upper-case placeholders are filled from the vocabulary by lexicon(); the named group of each
# rule is the method of _Reader that checks and reads it.
_RULES = [
    # 29/6/2018, 2018-06-29, 1439/12/4هـ
    r"""(?P<n>(?<![\d/.])(?:(?P<n_d>[0-3]?\d)[/.\-](?P<n_m>[01]?\d)[/.\-](?P<n_y>(?:1[3489]|20)\d\d)
        |(?P<n_y2>(?:1[3489]|20)\d\d)[/.\-](?P<n_m2>[01]?\d)[/.\-](?P<n_d2>[0-3]?\d))(?![\d/])
        (?:\s?(?P<n_h>ه)(?!\w))?)""",
    # [مساء] [الثلاثاء،] [9 | التاسع من] [شهر] كانون الثاني (يناير) [2024 | الماضي | من العام المقبل]
    r"""(?P<g>(?:(?P<g_p>NARROW|PART)\s+)?(?:PART\s+)?
        (?:(?:(?:(?:اليوم|امس|غدا)\s*,?\s*)?(?P<g_wd>WD)\s*,?\s*(?P<g_op>\()?\s*
              (?:(?:QPNC|الموافق)\s*,?\s*)?)?
           (?P<g_dl>(?:DAY\s*(?:,|-|–|و|الي|حتي|وحتي)\s*)+)?
           (?:(?P<g_d>DAY)|(?P<g_o>ORD)(?=\s+(?:من\s+)?(?:شهر\s+)?MON))\s*(?:من\s+)?)?
        (?P<g_sh>شهر\s+)?(?P<g_m1>MON)(?![^\W\d_])
        (?:\s*(?:[(/\-–]\s*)?(?P<g_m2>MON)(?![^\W\d_])(?:\s*\))?)?
        (?:\s*,?\s*(?:من\s+)?(?:YNOUN\s*)?(?P<g_y>YEAR)YSUF
          |\s+(?:من\s+)?(?:هذا\s+|هذه\s+)?(?:ال)?(?:عام|سنه)\s+(?P<g_yq>QPNC)(?!\w)
          |\s+(?:من\s+)?(?P<g_yt>هذا|هذه)\s+(?:ال)?(?:عام|سنه)(?!\w)
          |\s+(?P<g_mq>QPNC)(?!\w))?
        (?(g_op)\s*\)))""",
    # 15 رمضان 1439 هـ, شهر رمضان, ذي الحجة
    r"""(?P<h>(?:(?:NARROW|PART)\s+)?(?:PART\s+)?(?:(?:(?:اليوم|امس|غدا)\s*,?\s*)?(?P<h_wd>WD)\s*,?\s*)?
        (?:(?:(?P<h_d>DAY)|(?P<h_o>ORD)(?=\s+من\s))\s*(?:من\s+)?)?
        (?P<h_sh>شهر\s+)?(?P<h_m>HMON)(?!\w)
        (?:\s*,?\s*(?:من\s+)?(?:ل?(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<h_y>1[34]\d\d)(?!\d)
           (?:\s*HMARK(?!\w))?)?
        (?:\s+(?P<h_q>QPNC|المبارك|الكريم|الفضيل)(?!\w))?)""",
    # 1439 هـ
    r"""(?P<hy>(?:ل?(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<hy_y>1[34]\d\d)\s*HMARK(?!\w))""",
    # [مطلع] [عام] 2020 [م] [و2021]
    r"""(?P<y>(?:(?P<y_p>NARROW)\s+)?(?:(?P<y_n>YNOUN)\s+(?:من\s+)?)?(?P<y_1>YEAR)(?P<y_s>YSUF)
        (?:\s*(?P<y_sep>-|–|/|و|الي|حتي|وحتي|ولغايه|لغايه)\s*(?P<y_2>YEAR)YSUF)?)""",
    # التسعينيات, ثمانينات القرن الماضي
    r"""(?P<dc>(?:(?P<dc_p>NARROW)\s+(?:من\s+)?)?(?:ال)?(?P<dc_t>TENS)(?:يات|ات)(?!\w)
        (?:\s+(?:من\s+)?(?P<dc_c>CENT)(?!\w))?)""",
    # 24 الجاري, العاشر من الشهر الماضي
    r"""(?P<dr>(?:(?P<dr_wd>WD)\s*,?\s*)?(?:(?P<dr_d>DAY)|(?P<dr_o>ORD))\s+(?:من\s+)?
        (?:(?:هذا\s+)?(?P<dr_sh>الشهر)\s+)?(?P<dr_q>QPNC)(?!\w))""",
    # [مساء] [أمس] الثلاثاء [الماضي]
    r"""(?P<w>(?:(?P<w_p>NARROW|PART)\s+)?(?:PART\s+)?(?:(?P<w_x>اليوم|امس|غدا)\s*,?\s*)?
        (?P<w_op>\()?(?P<w_wd>WD)(?!\w)
        (?(w_op)\))(?:\s+(?P<w_q>QPNC)(?!\w))?)""",
    # الأسبوع الماضي, هذا العام, مطلع الشهر المقبل, العام التالي, نفس اليوم
    r"""(?P<r>(?=(?:NARROW|هذا|هذه|نفس|ذات|ذلك|تلك)\s
            |(?:الاسبوع|الشهر|العام|السنه|اليوم)\s+QREL(?!\w))
        (?:(?P<r_p>NARROW)\s+)?(?:(?P<r_pre>هذا|هذه|نفس|ذات|ذلك|تلك)\s+)?
        (?P<r_u>الاسبوع|الشهر|العام|السنه|اليوم)(?!\w)(?:\s+(?P<r_q>QREL)(?!\w))?
        (?:\s+(?P<r_y>YEAR))?)""",
    # [صباح] اليوم, أمس, غداً, بعد غد
    r"""(?P<x>(?:(?!اول\s+امس)(?P<x_p>PART|NARROW)\s+)?(?:PART\s+)?
        (?P<x_w>DEICTIC|الليله(?:\s+الماضيه)?|الغد)(?!\w))""",
    # قبل ثلاثة أيام, منذ عامين, منذ سنوات
    r"""(?P<a>(?P<a_p>قبل|منذ)\s+(?:APPROX\s+)?(?:(?P<a_f>FEW)\s+)?(?:(?P<a_n>NUM)\s+)?
        (?P<a_u>UANY)(?!\w)
        (?!\s*\d|\s+ال|\s+MON|\s+HMON)(?:\s+(?:و\s?)?نصف)?(?:\s+(?:طويله|عديده|قليله|كثيره|طويل)(?!\w))?)""",
    # الأسبوعين الماضيين, الأيام القليلة الماضية, الـ48 ساعة الماضية
    r"""(?P<p>(?:ال\s?)?(?:(?P<p_n>NUM)\s+)?(?P<p_u>UDEF|UONE)\s+(?:(?:ال\s?)?(?P<p_n2>NUM|القليله)\s+)?
        (?P<p_q>QPER)(?!\w))""",
    # لمدة ثلاث سنوات
    r"""(?P<du>(?:لمده|طيله|طوال|علي\s+مدي|علي\s+مدار)\s+(?:APPROX\s+)?
        (?:(?P<du_n>NUM)\s+(?P<du_u>UONE|UMANY)|(?P<du_u2>UONE|UTWO))(?!\w)(?!\s+ال|\s*\d))""",
    # مؤخراً, منذ فترة طويلة, حتى الآن, في المستقبل
    r"""(?P<v>VAGUE)(?!\w)""",
]

# After a month without year: the range's end carries the year for both
# (بين كانون الثاني ونيسان 2018).
_RANGE_TAIL = r"""\s*(?:-|–|و|الي|حتي|وحتي|ولغايه)\s*(?:NARROW\s+)?(?:(?:ال\s?)?\d{1,2}\s*(?:من\s+)?)?(?:شهر\s+)?
    (?P<rm>MON)(?:\s*[(/\-–]?\s*MON(?:\s*\))?)?\s*,?\s*(?:من\s+)?(?:YNOUN\s*)?(?P<ry>YEAR)"""


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = yaml.safe_load(resources.files("marsad.resources").joinpath("times.yaml").read_text("utf-8"))
    norm_set = lambda key: frozenset(normalize(w) for w in data[key])  # noqa: E731
    ordinals: dict[str, int] = {}
    units1 = {int(k): v for k, v in data["ordinal_units"].items()}
    tens = {int(k): v for k, v in data["ordinal_tens"].items()}
    one_c = data["ordinal_one_in_compounds"]
    for n, forms in units1.items():
        for w in forms:
            ordinals[normalize(w)] = n
    compound_units = {1: [one_c], **{n: f for n, f in units1.items() if n > 1}}
    for n, forms in compound_units.items():
        for w in forms:
            ordinals[normalize(f"{w} {data['ordinal_teen']}")] = 10 + n
            for t in (20, 30):
                if t + n <= 31:
                    for tw in tens[t]:
                        ordinals[normalize(f"{w} و{tw}")] = t + n
    for t, forms in tens.items():
        for w in forms:
            ordinals[normalize(w)] = t
    units = {}
    for unit, kinds in data["units"].items():
        for kind, forms in kinds.items():
            for w in forms:
                units[normalize(w)] = (unit, kind)
    quals = {normalize(w): q for q, forms in data["qualifiers"].items() for w in forms}
    months = _index({int(k): v for k, v in data["months"].items()})
    hmonths = _index({int(k): v for k, v in data["hijri_months"].items()})
    weekdays = _index({int(k): v for k, v in data["weekdays"].items()})
    numbers = _index({int(k): v for k, v in data["numbers"].items()})
    deictic = _index({int(k): v for k, v in data["deictic_days"].items()})
    decades = {normalize(w): int(k) for k, v in data["decades"].items() for w in v}
    centuries = _index({int(k): v for k, v in data["centuries"].items()})
    vague = _index(data["vague"])
    sets = {k: norm_set(k) for k in (
        "ambiguous_months", "month_context", "hijri_ambiguous", "ramadan_context", "weekday_not_after",
        "weekday_not_before", "today_not_after", "tomorrow_after", "age_words", "age_before",
        "year_context", "count_nouns_after", "vague_not_before", "name_words", "general_nouns",
        "year_nouns", "hijri_need_year", "verb_months", "future_markers", "future_verb_not", "day_parts")}
    named = [(frozenset(normalize(w) for w in r["words"]), r["day"], r["month"], r["year"])
             for r in data["named_dates"]]

    q = lambda *names: _alt([w for n in names for w in data["qualifiers"][n]])  # noqa: E731
    unit_forms = lambda *kinds: _alt([w for u in data["units"].values() for k in kinds for w in u[k]])  # noqa: E731
    unit_def = _alt(["ال" + w for u in data["units"].values() for k in ("two", "many") for w in u[k]])
    mon, hmon, wd = _alt(months), _alt(hmonths), _alt(weekdays)
    num = r"(?:\d{1,3}|" + _alt(numbers) + ")"
    t = {
        "MON": mon, "HMON": hmon, "WD": wd, "NUM": num,
        "ORD": _alt(ordinals), "PART": _alt(data["day_parts"]), "NARROW": _alt(data["narrowers"]),
        "DAY": r"(?:ال\s?)?(?:0?[1-9]|[12]\d|3[01])(?!\d|[.,]\d)",
        "YEAR": r"(?:1[89]\d\d|20\d\d)(?!\d)", "YSUF": r"(?:\s?م(?!\w)|\s+ميلادي\w*)?",
        "HMARK": _alt(data["hijri_year_marks"]), "YNOUN": "ل?" + _alt(data["year_nouns"]),
        "QPNC": q("past", "next", "current"), "QREL": q("past", "next", "current", "following",
                                                         "previous", "before_previous", "same"),
        "QPER": q("past", "last", "next"), "APPROX": _alt(data["approximators"]),
        "FEW": _alt(data["few"]), "UONE": unit_forms("one"), "UTWO": unit_forms("two"),
        "UANY": unit_forms("one", "two", "many"), "UMANY": unit_forms("many"), "UDEF": unit_def,
        "TENS": _alt(decades), "CENT": _alt(centuries), "DEICTIC": _alt(deictic),
        "VAGUE": "(?:" + "|".join(
            (r"(?<=(?<![^\Wوف])في\s)" + _alt([w[3:]]) if w.startswith("في ") else _alt([w]))
            for w in sorted(vague, key=len, reverse=True)) + ")",
    }
    rx = re.compile(r"(?<!\w)[وفبلك]{0,2}(?:" + _fill("|".join(_RULES), t) + ")", re.X)
    return _Lexicon(
        rx=rx, keys=_keywords(data, months, hmonths, weekdays, units, deictic, decades, vague),
        firsts=_firsts(data, months, hmonths, weekdays, ordinals, deictic, units, numbers, decades, vague),
        range_tail=re.compile(_fill(_RANGE_TAIL, t), re.X), months=months, hmonths=hmonths,
        weekdays=weekdays, numbers=numbers, ordinals=ordinals, units=units, quals=quals, deictic=deictic,
        decades=decades, centuries=centuries, vague=vague, sets=sets, named=named)


def _fill(template: str, parts: dict[str, str]) -> str:
    """Replace the upper-case placeholders of a rule template (MON, WD, YEAR …)."""
    for key in sorted(parts, key=len, reverse=True):
        template = template.replace(key, parts[key])
    return template


def _firsts(data, months, hmonths, weekdays, ordinals, deictic, units, numbers, decades, vague) -> frozenset:
    """Words (after proclitics) a time expression can begin with."""
    out = {w.split()[0] for table in (months, hmonths, weekdays, ordinals, deictic, units) for w in table}
    out |= {normalize(w).split()[0] for key in ("narrowers", "day_parts", "year_nouns") for w in data[key]}
    out |= {(w[3:] if w.startswith("في ") else w).split()[0] for w in vague}
    out |= {"ال" + w for w in list(units) + list(numbers)} | {"ال"}
    out |= {a + t + s for t in decades for a in ("", "ال") for s in ("ات", "يات")}
    out |= {normalize(w) for w in ("شهر", "هذا", "هذه", "نفس", "ذات", "ذلك", "تلك", "الأسبوع", "الشهر",
                                   "العام", "السنة", "اليوم", "الليلة", "الغد", "قبل", "منذ", "لمدة",
                                   "طيلة", "طوال", "على", "عام", "سنة")}
    return frozenset(out)


def _keywords(data, *tables) -> Any:
    """Automaton of the words at least one of which every time expression contains.

    One word per vocabulary entry, its longest (ذي الحجة → الحجة, بعد غد → بعد), so that
    common short words do not wake the full pattern. Month names that need a day or a year
    (ماي, آب, صفر) are left out: the digits are keywords.
    """
    words = {str(d) for d in range(10)}
    needs_digits = {normalize(w) for w in data["ambiguous_months"] + data["hijri_need_year"]}
    for table in tables:
        for key in table:
            if key not in needs_digits:
                words.add(max(reversed(key.split()), key=len))
    words.update("ال" + w for w in tables[3])  # units: الأيام, الأسبوعين …
    words.update(normalize(w) for w in ("العام", "السنة", "الشهر", "الأسبوع", "الغد", "الليلة", "غد"))
    words.update(a + t + s for t in tables[5] for s in ("ات", "يات") for a in ("", "ال"))  # decades
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, len(w))
    auto.make_automaton()
    return auto


# How many words a time expression can start before its keyword (على مدار ما يقرب من ثلاثة عقود).
_WORDS_BACK = 7
_OPENERS = '"«(“\'[-'
_PROCLITICS = frozenset(("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "لل"))
_CLITICS = _PROCLITICS | {"ال", "وال", "بال", "فال", "كال", "ولل"}  # before digits: الـ15, والـ28


def _starts(norm: str, auto, lo: int, hi: int) -> list[int]:
    """Word starts in norm[lo:hi] where a time expression may begin: each whole-word keyword
    and the few words before it, when they can open an expression. Only there does the full
    pattern get tried."""
    words = None
    out: list[int] = []
    seen = -1  # words up to this index are already examined (hits come in text order)
    for end, n in auto.iter(norm, lo, hi):
        start = end - n + 1
        digit = norm[start].isdigit()
        if digit:
            if start > lo and norm[start - 1].isdigit():
                continue
        elif norm[end + 1:end + 2].isalpha():
            continue  # inside a longer word
        if words is None:
            words = [m.start() for m in _WORD_START.finditer(norm, lo, hi)]
            words.append(hi + 1)
        i = bisect_right(words, start) - 1
        prefix = norm[words[i]:start] if i >= 0 else "-"
        cut = max(prefix.rfind("/"), prefix.rfind("("), prefix.rfind("-"))
        prefix = prefix[cut + 1:].lstrip(_OPENERS)  # آب/أغسطس: the keyword after the slash
        if prefix not in _PROCLITICS and not (digit and prefix in _CLITICS):
            continue  # الذي is not ذي; الـ15 is 15
        for j in range(max(seen + 1, i - _WORDS_BACK), i + 1):
            skip = _opening(norm[words[j]:words[j + 1] - 1])
            if skip >= 0:
                out.append(words[j] + skip)
        seen = max(seen, i)
    return out


_WORD_START = re.compile(r"(?<!\S)\S")
_WORD = re.compile(r"[^\W\d_]+|\d+")  # letters or digits: فبراير2008 opens with a month
_OPENING: dict[str, int] = {}


def _opening(token: str) -> int:
    """Characters to skip (quotes, brackets) before a token that can open a time expression
    (after up to two proclitics), or -1 when it cannot."""
    skip = _OPENING.get(token)
    if skip is None:
        firsts = lexicon().firsts
        core = token.lstrip(_OPENERS)
        m = _WORD.match(core)
        skip = -1
        if m and m.group() in _CLITICS and core[m.end():m.end() + 1].isdigit():
            skip = len(token) - len(core)  # و2015, الـ15
        elif m:
            w = m.group()
            for k in (0, 1, 2):
                if k and (w[:k].strip("وفبلك") or len(w) - k < 1):
                    break
                x = w[k:]
                if x[0].isdigit() or x in firsts or x.startswith("ال") and x[2:3].isdigit():
                    skip = len(token) - len(core)
                    break
        if len(_OPENING) < 200_000:
            _OPENING[token] = skip
    return skip


# -- calendar helpers -----------------------------------------------------------------------
def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _nearest_year(ref: date, m: int, d: int | None = None, wd: int | None = None,
                  future: bool = False) -> int:
    """Year for month m (day d) written without one at date ref.

    News mostly looks back: the latest such date not after ref, unless the next one is both
    nearer and close (within about three months), or the context speaks of the future. A
    weekday given with the day keeps only the neighbouring years where it fits.
    """
    years = [ref.year - 1, ref.year, ref.year + 1]
    if d is not None and wd is not None:
        years = [y for y in years if (x := _date(y, m, d)) and x.weekday() == wd] or years
    if d is not None:
        def delta(y):
            return ((_date(y, m, d) or _date(y, m, 28)) - ref).days
        limit = 100
    else:
        def delta(y):
            return (y * 12 + m) - (ref.year * 12 + ref.month)
        limit = 3
    past = max((y for y in years if delta(y) <= 0), key=delta, default=None)
    nxt = min((y for y in years if delta(y) > 0), key=delta, default=None)
    if past is None or nxt is None:
        return nxt if past is None else past
    if future:
        return past if delta(past) == 0 else nxt
    return nxt if delta(nxt) < -delta(past) and delta(nxt) <= limit else past


def _qualified_year(ref: date, m: int, qual: str | None, d: int | None = None) -> int:
    """Year of month m qualified as past (الماضي), next (المقبل) or current (الجاري) at ref."""
    here = (ref.month, ref.day) if d is not None else (ref.month, 0)
    there = (m, d) if d is not None else (m, 0)
    if qual == "past":
        return ref.year if there < here else ref.year - 1
    if qual == "next":
        return ref.year if there > here else ref.year + 1
    return ref.year


def _weekday_date(ref: date, wd: int, qual: str | None) -> date:
    """The weekday in the week of / before ref (الماضي strictly before, المقبل strictly after)."""
    back = (ref.weekday() - wd) % 7
    if qual == "next":
        return ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    if qual == "past":
        return ref - timedelta(days=back or 7)
    return ref - timedelta(days=back)


def _weekday_near(base: date, wd: int) -> date:
    """The date with weekday wd closest to base (اليوم الأحد, أمس الاثنين)."""
    return min((base + timedelta(days=k) for k in range(-3, 4) if (base + timedelta(days=k)).weekday() == wd),
               key=lambda x: abs((x - base).days))


def infer_year(m: int, d: int, wd: int, newest: int | None, today: date | None = None) -> int | None:
    """Year in which day d of month m falls on weekday wd, for a text of unknown date.

    The text was written no earlier than the newest year it mentions and no later than today:
    the first fitting year from that newest year on, else the last fitting year before today.
    """
    today = today or date.today()
    fits = [y for y in range(1900, today.year + 1)
            if (x := _date(y, m, d)) and x.weekday() == wd and x <= today]
    if not fits:
        return None
    later = [y for y in fits if newest is not None and y >= newest]
    return min(later) if later else max(fits)


def _hijri_to_iso(y: int, m: int, d: int | None) -> str | None:
    try:
        if d is not None:
            return Hijri(y, m, d).to_gregorian().isoformat()
        g = Hijri(y, m, 15).to_gregorian()  # a Hijri month without day: its middle's month
        return _month_value(g.year, g.month)
    except (ValueError, OverflowError):
        return None


def _parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# -- context helpers ------------------------------------------------------------------------
_SKIP_BACK = ' \t"«(“'
_PUNCT = ',.;:!?"«»()“”-'
_OF_YEAR = re.compile(r"\s*,?\s*(?:من\s+)?ل?(?:ال)?عام\s+((?:19|20)\d\d)(?!\d)")  # نفس اليوم من عام 2016
_FUTURE_VERB = re.compile(r"س[يتن]\w{3,}")
_WHO = frozenset(("من", "ممن"))
_RANGE_OPENERS = frozenset(("من", "بين"))  # من 1999 إلى 2001, بين 1990 و1998
_DAY_IN_LIST = re.compile(r"(?:ال\s?)?(\d{1,2})(?!\d)")


def _word_before(text: str, pos: int, floor: int) -> str:
    """The word just before pos (same sentence), skipping spaces and opening quotes."""
    i = pos
    while i > floor and text[i - 1] in _SKIP_BACK:
        i -= 1
    j = i
    while j > floor and (text[j - 1].isalnum() or text[j - 1] == "_"):
        j -= 1
    return text[j:i]


def _word_after(text: str, pos: int, ceil: int) -> str:
    i = pos
    while i < ceil and text[i] in ' \t"»)”':
        i += 1
    j = i
    while j < ceil and (text[j].isalnum() or text[j] == "_"):
        j += 1
    return text[i:j] if j > i else text[i:i + 1]


def _in(word: str, words: frozenset) -> bool:
    """word, or word without one or two proclitics (وفي → في, للعام → لعام), is in words."""
    if word in words:
        return True
    for k in (1, 2):
        if len(word) - k >= 2 and word[:k].strip("وفبلك") == "" and word[k:] in words:
            return True
    return False


_AL_FUNCTION_WORDS = frozenset(("الي", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي"))


def _definite(word: str) -> bool:
    """A definite noun or adjective (اليوم العالمي), not إلى / التي / الذي."""
    return word.startswith("ال") and word not in _AL_FUNCTION_WORDS


def _digits(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.replace("ال", "").strip()
    return int(s) if s.isdigit() else None


# -- pass 1: accept a match in its context and read its fields -----------------------------
@dataclass(slots=True)
class _Cand:
    start: int  # normalised offsets
    end: int
    rule: str
    what: str  # how to resolve: abs | md | hmd | wd | deictic | rel | ago | period | dur | dayrel | decade | vague
    f: dict
    year: int | None = None  # explicit Gregorian year (for dating texts of unknown date)


class _Reader:
    """Checks one regex match against its sentence context and turns it into candidates."""

    def __init__(self, lex: _Lexicon, norm: str, original: str, nt):
        self.lex, self.norm, self.original, self.nt = lex, norm, original, nt
        self.s = lex.sets

    def read(self, m: re.Match, ns: int, ne: int) -> list[_Cand]:
        rule = m.lastgroup
        return getattr(self, "_" + rule)(m, ns, ne) or []

    # small accessors
    def before(self, m, g, ns):
        return _word_before(self.norm, m.start(g), ns)

    def after(self, m, ne, g=None):
        return _word_after(self.norm, m.end(g) if g else m.end(), ne)

    def future(self, pos: int, ns: int) -> bool:
        """Whether the words before pos speak of the future (see future_markers in the data)."""
        words = self.norm[max(ns, pos - 90):pos].split()[-8:]
        if any(_in(w.strip(_PUNCT), self.s["future_markers"]) for w in words):
            return True
        skip = self.s["day_parts"] | {"يوم"}
        while words and words[-1] in skip:
            words.pop()
        # the verb right before the time, or the verb opening its clause (ستبدأ عملية الفرز الخميس)
        clause: list[str] = []
        for w in reversed(words):
            if w[-1] in _PUNCT:
                break
            clause.insert(0, w)
        if not clause:
            return False
        at_start = len(clause) < len(words) or self.norm[ns:pos].split()[:1] == clause[:1]
        return any(self._future_verb(w) for w in ([clause[-1], clause[0]] if at_start else [clause[-1]]))

    def _future_verb(self, w: str) -> bool:
        w = w[1:] if w[0] in "وف" and len(w) > 5 else w
        return bool(_FUTURE_VERB.fullmatch(w)) and w not in self.s["future_verb_not"]

    def _n(self, m, ns, ne):
        if m.group("n_y"):
            y, mo, d = int(m.group("n_y")), int(m.group("n_m")), int(m.group("n_d"))
        else:
            y, mo, d = int(m.group("n_y2")), int(m.group("n_m2")), int(m.group("n_d2"))
        if y < 1500:
            v = _hijri_to_iso(y, mo, d) if 1 <= mo <= 12 else None
            return [_Cand(m.start("n"), m.end(), "hijri-numeric", "abs", {"value": v, "kind": "date"})] if v else None
        if not _date(y, mo, d):
            return None
        return [_Cand(m.start("n"), m.end(), "numeric-date", "abs",
                      {"value": f"{y:04d}-{mo:02d}-{d:02d}", "kind": "date"}, year=y)]

    def _g(self, m, ns, ne):
        lex = self.lex
        m1 = lex.months[re.sub(r"\s+", " ", m.group("g_m1"))]
        end = m.end()
        y, yq, mq = m.group("g_y"), m.group("g_yq") or ("الجاري" if m.group("g_yt") else None), m.group("g_mq")
        if m.group("g_m2"):
            if lex.months[re.sub(r"\s+", " ", m.group("g_m2"))] != m1:
                end, y, yq, mq, paired = m.end("g_m1"), None, None, None, False
            else:
                paired = True
        else:
            paired = False
        d = _digits(m.group("g_d"))
        if d is None and m.group("g_o"):
            d = lex.ordinals[re.sub(r"\s+", " ", m.group("g_o"))]
        wd = lex.weekdays[m.group("g_wd")] if m.group("g_wd") else None
        start = m.start("g")
        word = re.sub(r"\s+", " ", m.group("g_m1"))
        if word in self.s["ambiguous_months"] and d is None and y is None and not paired:
            return None  # ماي (Theresa May), آب (father), جوان (Juan): only with a day or a year
        prev = self.before(m, "g", ns)
        if d is None and y is None and not (yq or mq or paired or m.group("g_sh") or m.group("g_p")):
            if not _in(prev, self.s["month_context"]):
                return None
            if word in self.s["verb_months"] and _in(prev, _WHO):
                return None  # بمن مارس الغدر: "who practised"
        out = []
        if d is not None and y is None and not (yq or mq) and _in(prev, self.s["name_words"]):
            for words, nd, nm, ny in lex.named:  # هجمات 11 سبتمبر, ثورة 25 يناير
                if nd == d and nm == m1 and _in(prev, words):
                    return [_Cand(start, end, "named-date", "abs",
                                  {"value": f"{ny:04d}-{nm:02d}-{nd:02d}", "kind": "date"})]
            return None  # شارع 26 يوليو, قوى 14 آذار: a name
        f = {"m": m1, "d": d, "wd": wd, "mq": lex.quals.get(mq) if mq else None,
             "yq": lex.quals.get(yq) if yq else None, "fut": self.future(m.start("g"), ns)}
        if m.group("g_dl") and d is not None:  # 16 و17 و18 مارس: each listed day too
            for dm in _DAY_IN_LIST.finditer(self.norm, m.start("g_dl"), m.end("g_dl")):
                d0 = int(dm.group(1))
                if not 0 < d0 < d:
                    continue
                out.append(_Cand(start if not out else dm.start(), dm.end(), "day-list",
                                 "md" if y is None else "abs",
                                 {**f, "d": d0, "wd": None} if y is None else
                                 {"value": f"{int(y):04d}-{m1:02d}-{d0:02d}", "kind": "date"},
                                 year=int(y) if y else None))
            if out:
                start = m.start("g_d")
        if y is None and not (yq or mq):  # بين كانون الثاني ونيسان 2018: the range's year
            tail = lex.range_tail.match(self.norm, end, ne)
            if tail:
                y = int(tail.group("ry")) - (m1 > lex.months[re.sub(r"\s+", " ", tail.group("rm"))])
        if y is not None:
            y = int(y)
            if d is not None and not _date(y, m1, d):
                return None
            value = f"{y:04d}-{m1:02d}-{d:02d}" if d is not None else _month_value(y, m1)
            out.append(_Cand(start, end, "gregorian-date", "abs",
                             {"value": value, "kind": "date" if d else "month", "wd": wd, "m": m1, "d": d},
                             year=y))
        else:
            out.append(_Cand(start, end, "gregorian-date" if d else "month", "md", f))
        return out

    def _h(self, m, ns, ne):
        lex = self.lex
        hm = lex.hmonths[re.sub(r"\s+", " ", m.group("h_m"))]
        d = _digits(m.group("h_d"))
        if d is None and m.group("h_o"):
            d = lex.ordinals[re.sub(r"\s+", " ", m.group("h_o"))]
        y = int(m.group("h_y")) if m.group("h_y") else None
        word = re.sub(r"\s+", " ", m.group("h_m"))
        q = m.group("h_q")
        if y is None and not m.group("h_sh") and word in self.s["hijri_need_year"]:
            return None  # 3 صفر is a score
        if d is None and y is None and not m.group("h_sh"):
            prev = self.before(m, "h", ns)
            if word in self.s["hijri_ambiguous"]:
                if not (word == "رمضان" and (q or _in(prev, self.s["ramadan_context"]))):
                    return None
            elif not _in(prev, self.s["month_context"]):
                return None
        if y is not None:
            v = _hijri_to_iso(y, hm, d)
            if not v:
                return None
            return [_Cand(m.start("h"), m.end(), "hijri-date", "abs",
                          {"value": v, "kind": "date" if d else "month"})]
        gy = _OF_YEAR.match(self.norm, m.end(), ne)  # شهر رمضان لعام 2017: the Gregorian year
        return [_Cand(m.start("h"), m.end(), "hijri-date", "hmd",
                      {"hm": hm, "d": d, "q": lex.quals.get(q) if q else None,
                       "gy": int(gy.group(1)) if gy else None})]

    def _hy(self, m, ns, ne):
        y = int(m.group("hy_y"))
        try:
            g = Hijri(y, 6, 15).to_gregorian()  # the Gregorian year holding most of it
        except (ValueError, OverflowError):
            return None
        return [_Cand(m.start("hy"), m.end(), "hijri-year", "abs", {"value": f"{g.year:04d}", "kind": "year"})]

    def _y(self, m, ns, ne):
        y1 = int(m.group("y_1"))
        y2 = int(m.group("y_2")) if m.group("y_2") else None
        if y2 is not None and not (0 < y2 - y1 < 100 or (m.group("y_sep") == "و" and y2 != y1)):
            y2 = None
        nxt = _word_after(self.norm, m.end("y_1") + len(m.group("y_s")), ne)
        ok = bool(m.group("y_n") or m.group("y_p") or m.group("y_s").strip())
        if not ok:
            prev = _word_before(self.norm, m.start("y_1"), ns)
            if _in(prev, self.s["year_context"]) or (y2 is not None and _in(prev, _RANGE_OPENERS)):
                ok = nxt not in self.s["count_nouns_after"]  # 2000 شخص, but not 2020 بمرشح
            elif y2 is not None and m.group("y_sep") in ("-", "–"):
                ok = True  # (2003-2011)
            elif self._sentence_initial(m.start("y_1"), ns) and nxt == ",":
                ok = True  # chronologies: "1991، أعلنت …"
        if not ok:
            return None
        out = [_Cand(m.start("y"), m.end("y_s"), "year", "abs", {"value": f"{y1:04d}", "kind": "year"}, year=y1)]
        if y2 is not None:
            out.append(_Cand(m.start("y_2"), m.end(), "year", "abs", {"value": f"{y2:04d}", "kind": "year"}, year=y2))
        return out

    def _sentence_initial(self, pos, ns):
        i = pos
        while i > ns and not self.norm[i - 1].isalnum():
            i -= 1
        return i == ns

    def _dc(self, m, ns, ne):
        nxt = self.norm[m.end():m.end() + 25].split()
        if any(_in(w.strip(".,;:"), self.s["age_words"]) for w in nxt[:3]):
            return None  # في الثلاثينات من العمر
        prev = self.before(m, "dc", ns)
        if prev == "في" and _in(_word_before(self.norm, m.start("dc") - 3, ns), self.s["age_before"]):
            return None
        t = self.lex.decades[m.group("dc_t")]
        c = self.lex.centuries[re.sub(r"\s+", " ", m.group("dc_c"))] if m.group("dc_c") else None
        return [_Cand(m.start("dc"), m.end(), "decade", "decade", {"t": t, "c": c})]

    def _dr(self, m, ns, ne):
        d = _digits(m.group("dr_d"))
        if d is None:
            if not m.group("dr_sh"):
                return None
            d = self.lex.ordinals[re.sub(r"\s+", " ", m.group("dr_o"))]
        return [_Cand(m.start("dr"), m.end(), "day-of-month", "dayrel",
                      {"d": d, "q": self.lex.quals[m.group("dr_q")]})]

    def _w(self, m, ns, ne):
        wd_word = m.group("w_wd")
        wd = self.lex.weekdays[wd_word]
        nxt = self.after(m, ne, "w_wd")
        if nxt in self.s["weekday_not_before"]:
            return None  # الأحد عشر, الاثنين معاً
        if wd == 0 and not (m.group("w_p") or m.group("w_x")):
            prev = self.before(m, "w", ns)
            if _in(prev, self.s["weekday_not_after"]):
                return None  # بين الاثنين: "between the two"
        dx = self.lex.deictic.get(m.group("w_x")) if m.group("w_x") else None
        q = self.lex.quals[m.group("w_q")] if m.group("w_q") else None
        return [_Cand(m.start("w"), m.end(), "weekday", "wd",
                      {"wd": wd, "q": q, "dx": dx, "fut": q is None and self.future(m.start("w"), ns),
                       "chain": q is None and dx is None and self._after_weekday(m, ns)})]

    def _after_weekday(self, m, ns) -> bool:
        """The second of two weekdays (الثلاثاء والأربعاء, ليل الثلاثاء إلى الأربعاء)."""
        if m.group().startswith("و") and m.start() < m.start("w"):
            return _word_before(self.norm, m.start(), ns) in self.lex.weekdays
        prev = self.before(m, "w", ns)
        if prev in ("الي", "حتي", "او"):
            return _word_before(self.norm, m.start("w") - len(prev) - 1, ns) in self.lex.weekdays
        return False

    def _r(self, m, ns, ne):
        u, q, pre = m.group("r_u"), m.group("r_q"), m.group("r_pre")
        q = self.lex.quals[q] if q else None
        if pre in ("نفس", "ذات", "ذلك", "تلك"):
            q = "same"
        elif pre in ("هذا", "هذه") and q is None:
            if u == "اليوم":
                return None  # في مثل هذا اليوم: an anniversary
            q = "current"
        if q is None and not m.group("r_p"):
            return None
        if q == "last":
            return None
        if u == "اليوم" and q not in (None, "following", "previous", "same"):
            return None  # اليوم الماضي is not an expression
        if u == "العام" and not pre and _in(self.before(m, "r", ns), self.s["general_nouns"]):
            return None  # الأمين العام السابق
        nxt = self.after(m, ne)
        if q is None and _definite(nxt) and nxt not in self.lex.quals:
            return None  # نهاية العام الدراسي
        of_year = _OF_YEAR.match(self.norm, m.end(), ne) if q == "same" else None
        return [_Cand(m.start("r"), m.end(), "relative-unit", "rel",
                      {"u": u, "q": q or "current", "y": int(m.group("r_y")) if m.group("r_y") else None,
                       "of": int(of_year.group(1)) if of_year else None})]

    def _x(self, m, ns, ne):
        w = re.sub(r"\s+", " ", m.group("x_w"))
        prev = self.before(m, "x", ns)
        nxt = self.after(m, ne)
        if w == "الغد":
            if not (m.group("x_p") or _in(prev, self.s["tomorrow_after"])):
                return None  # حزب الغد
            off = 1
        elif w.startswith("الليله"):
            if w == "الليله" and (_definite(nxt) or prev == "في"):
                return None  # الليلة الأولى; 6000 دولار في الليلة: "per night"
            off = -1 if w != "الليله" else 0
        else:
            off = self.lex.deictic[w]
        if w == "امس" and _definite(nxt):
            return None  # في أمسّ الحاجة: "in greatest need"
        if w == "اليوم":
            if _definite(nxt) and nxt not in self.lex.weekdays:
                return None  # اليوم العالمي, اليوم الأول
            if not m.group("x_p") and _in(prev, self.s["today_not_after"]):
                return None  # نفس اليوم, روسيا اليوم, مرتين في اليوم
        if w == "غدا":
            o0, o1 = self.nt.to_original(m.start("x_w"), m.end("x_w"))
            marked = "ً" in self.original[o0:o1 + 1]
            if not marked and (_definite(nxt) and nxt not in self.lex.weekdays or
                               (len(nxt) > 2 and nxt.endswith("ا"))):
                return None  # غدا الوضع أسوأ: "became"
        return [_Cand(m.start("x"), m.end(), "deictic", "deictic", {"off": off})]

    def _a(self, m, ns, ne):
        unit, kind = self.lex.units[m.group("a_u")]
        nxt = self.after(m, ne)
        if nxt in ("من", "علي", "عن", "اخري", "اضافيه"):
            return None  # قبل يومين من الانتخابات: relative to another event; قبل أربعة أشهر أخرى
        n = None
        if m.group("a_n"):
            n = _digits(m.group("a_n")) or self.lex.numbers.get(re.sub(r"\s+", " ", m.group("a_n")))
        elif kind == "one":
            n = 1
        elif kind == "two":
            n = 2
        if m.group("a_f") or n is None:
            return [_Cand(m.start("a"), m.end(), "ago-vague", "vague", {"value": "PAST_REF"})]
        if kind == "many" and m.group("a_n") is None:
            return None
        return [_Cand(m.start("a"), m.end(), "ago", "ago", {"u": unit, "n": n})]

    def _p(self, m, ns, ne):
        unit, kind = self.lex.units[m.group("p_u")[2:] if m.group("p_u").startswith("ال") and
                                    m.group("p_u")[2:] in self.lex.units else m.group("p_u")]
        q = self.lex.quals[m.group("p_q")]
        raw = m.group("p_n") or m.group("p_n2")
        n = None
        if raw and raw != "القليله":
            n = _digits(raw) or self.lex.numbers.get(re.sub(r"\s+", " ", raw.removeprefix("ال")))
        elif kind == "two":
            n = 2
        if kind == "one" and not m.group("p_n"):
            return None  # الأسبوع الماضي is a relative unit, not a period
        if n is None:
            return [_Cand(m.start("p"), m.end(), "period-vague", "vague",
                          {"value": "FUTURE_REF" if q == "next" else "PAST_REF"})]
        return [_Cand(m.start("p"), m.end(), "period", "period", {"u": unit, "n": n, "q": q})]

    def _du(self, m, ns, ne):
        if m.group("du_n"):
            unit, _ = self.lex.units[m.group("du_u")]
            n = _digits(m.group("du_n")) or self.lex.numbers.get(re.sub(r"\s+", " ", m.group("du_n")))
            start = m.start("du_n")
        else:
            unit, kind = self.lex.units[m.group("du_u2")]
            n = 2 if kind == "two" else 1
            start = m.start("du_u2")
        if not n:
            return None
        return [_Cand(start, m.end(), "duration", "dur", {"u": unit, "n": n})]

    def _v(self, m, ns, ne):
        phrase = re.sub(r"\s+", " ", m.group("v"))
        value = self.lex.vague.get(phrase) or self.lex.vague.get("في " + phrase)
        nxt = self.after(m, ne)
        if nxt in self.s["vague_not_before"] or (phrase.endswith("الساعه") and nxt[:1].isdigit()):
            return None  # قريبا من: "near"; حتى الساعة 10
        if phrase == "الان":
            o0, _ = self.nt.to_original(m.start("v"), m.end("v"))
            if self.original[o0:o0 + 1] in "أآ":
                return None  # آلان / ألان: the name Alain
        return [_Cand(m.start("v"), m.end(), "vague", "vague", {"value": value})]


# -- pass 2: values against the document date ----------------------------------------------
_STEP = {"past": -1, "next": 1, "current": 0, "before_previous": -2, "following": 1, "previous": -1, "same": 0}
_DURATION = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y", "hour": "H"}


class _Resolver:
    def __init__(self, ref: date | None, inferred: bool, newest: int | None):
        self.ref, self.ref_inferred, self.newest = ref, inferred, newest
        self.priors: list[str] = []  # resolved values in text order, for العام التالي / اليوم نفسه

    def value(self, c: _Cand) -> tuple[str, str, bool] | None:
        out = getattr(self, "_" + c.what)(c.f)
        if out is None:
            return None
        value, kind, inferred = out
        if value[:1].isdigit() and kind != "duration":
            self.priors.append(value)
        return out

    def _abs(self, f):
        return f["value"], f["kind"], False

    def _vague(self, f):
        return f["value"], "vague", False

    def _md(self, f):
        m, d, wd = f["m"], f["d"], f["wd"]
        ref = self.ref
        if ref is None:
            if d is None or wd is None:
                return None
            y = infer_year(m, d, wd, self.newest)
            if y is None:
                return None
            return f"{y:04d}-{m:02d}-{d:02d}", "date", True
        if f["yq"]:
            y = ref.year + _STEP[f["yq"]]
        elif f["mq"]:
            y = _qualified_year(ref, m, f["mq"], d)
        else:
            y = _nearest_year(ref, m, d, wd, f.get("fut", False))
            if d is not None and wd is not None and (_date(y, m, d) or ref).weekday() != wd:
                # الخميس (20 أكتوبر) written in 2018: the last year where that day was a Thursday
                back = infer_year(m, d, wd, None, today=ref)
                if back and ref.year - back <= 11:
                    return f"{back:04d}-{m:02d}-{d:02d}", "date", True
        if d is None:
            return _month_value(y, m), "month", self.ref_inferred
        if not _date(y, m, d):
            return None
        return f"{y:04d}-{m:02d}-{d:02d}", "date", self.ref_inferred

    def _hmd(self, f):
        ref = date(f["gy"], 7, 1) if f.get("gy") else self.ref
        if ref is None:
            return None
        hy = Gregorian(ref.year, ref.month, ref.day).to_hijri().year
        cands = []
        for y in (hy - 1, hy, hy + 1):
            try:
                g = Hijri(y, f["hm"], f["d"] or 15).to_gregorian()
            except (ValueError, OverflowError):
                continue
            cands.append((date(g.year, g.month, g.day), y))
        if f.get("gy"):
            cands = [c for c in cands if c[0].year == f["gy"]] or cands
        elif f["q"] == "past":
            cands = [c for c in cands if c[0] < ref] or cands
        elif f["q"] == "next":
            cands = [c for c in cands if c[0] > ref] or cands
        if not cands:
            return None
        _, y = min(cands, key=lambda c: (abs((c[0] - ref).days), c[0] > ref))
        v = _hijri_to_iso(y, f["hm"], f["d"])
        return (v, "date" if f["d"] else "month", self.ref_inferred and not f.get("gy")) if v else None

    def _wd(self, f):
        if self.ref is None:
            return None
        prior = self.priors[-1] if f.get("chain") and self.priors else ""
        if len(prior) == 10:  # the day after the weekday just named: الثلاثاء والأربعاء
            base = date.fromisoformat(prior)
            d = base + timedelta(days=(f["wd"] - base.weekday()) % 7 or 7)
        elif f["dx"] is not None:
            d = _weekday_near(self.ref + timedelta(days=f["dx"]), f["wd"])
        elif f["q"] is None and f.get("fut"):
            d = self.ref + timedelta(days=(f["wd"] - self.ref.weekday()) % 7)
        else:
            d = _weekday_date(self.ref, f["wd"], f["q"])
        return d.isoformat(), "weekday", self.ref_inferred

    def _deictic(self, f):
        if self.ref is None:
            return None
        return (self.ref + timedelta(days=f["off"])).isoformat(), "relative", self.ref_inferred

    def _prior(self, precision: int) -> str | None:
        """Latest earlier value at least as precise: 4 year, 7 month, 10 day."""
        for v in reversed(self.priors):
            if precision == 4 or (len(v) >= precision and v[4:5] == "-" and v[5:6].isdigit()):
                return v
        return None

    def _rel(self, f):
        u, q = f["u"], f["q"]
        if f["y"]:
            return f"{f['y']:04d}", "year", False
        k = _STEP[q]
        relative_to_text = q in ("following", "previous", "same")
        inferred = self.ref_inferred
        if u in ("العام", "السنه"):
            prior = self._prior(4) if relative_to_text else None
            if prior is None and (q == "same" or self.ref is None):
                return None
            base = int(prior[:4]) if prior else self.ref.year
            inferred = inferred and prior is None
            return f"{base + k:04d}", "relative", inferred
        if u == "الشهر":
            prior = self._prior(7) if relative_to_text else None
            if prior is None and (q == "same" or self.ref is None):
                return None
            y, m = (int(prior[:4]), int(prior[5:7])) if prior else (self.ref.year, self.ref.month)
            return _month_value(*_add_months(y, m, k)), "relative", inferred and prior is None
        prior = self._prior(10) if relative_to_text else None
        if prior is None and (relative_to_text and u == "اليوم" or q == "same" or self.ref is None):
            return None
        base = date.fromisoformat(prior[:10]) if prior else self.ref
        if f.get("of"):
            base = _date(f["of"], base.month, base.day) or base
        inferred = inferred and prior is None
        if u == "الاسبوع":
            return _week(base + timedelta(days=7 * k)), "relative", inferred
        return (base + timedelta(days=k)).isoformat(), "relative", inferred  # اليوم التالي

    def _ago(self, f):
        ref, n, u = self.ref, f["n"], f["u"]
        if ref is None:
            return None
        if u in ("day", "hour"):
            v = (ref - timedelta(days=n if u == "day" else n // 24)).isoformat()
        elif u == "week":
            v = _week(ref - timedelta(days=7 * n))
        elif u == "month":
            v = _month_value(*_add_months(ref.year, ref.month, -n))
        else:
            v = f"{ref.year - n * (10 if u == 'decade' else 1):04d}"
        return v, "relative", self.ref_inferred

    def _period(self, f):
        u, n, q = f["u"], f["n"], f["q"]
        if self.ref is None:
            return self._dur(f)
        sign = 1 if q == "next" else -1
        ref = self.ref
        if u in ("day", "week", "hour"):
            days = n * {"day": 1, "week": 7, "hour": 1 / 24}[u]
            other = (ref + timedelta(days=sign * round(days))).isoformat()
            here = ref.isoformat()
        elif u == "month":
            other, here = _month_value(*_add_months(ref.year, ref.month, sign * n)), _month_value(ref.year, ref.month)
        else:
            other, here = f"{ref.year + sign * n * (10 if u == 'decade' else 1):04d}", f"{ref.year:04d}"
        return (f"{other}/{here}" if sign < 0 else f"{here}/{other}"), "duration", self.ref_inferred

    def _dur(self, f):
        n, u = f["n"], f["u"]
        if u == "decade":
            n *= 10
        return (f"PT{n}H" if u == "hour" else f"P{n}{_DURATION[u]}"), "duration", False

    def _dayrel(self, f):
        if self.ref is None:
            return None
        y, m = _add_months(self.ref.year, self.ref.month, _STEP[f["q"]])
        return (f"{y:04d}-{m:02d}-{f['d']:02d}", "relative", self.ref_inferred) if _date(y, m, f["d"]) else None

    def _decade(self, f):
        t, c = f["t"], f["c"]
        if c is None:
            base = self.ref.year if self.ref else (self.newest or date.today().year)
            c = base // 100 if (base // 100) * 100 + t * 10 <= base else base // 100 - 1
        return f"{c}{t}", "decade", False


# -- the stage -------------------------------------------------------------------------------
class TimesStage:
    """Finds time expressions in the content sentences and normalises them."""

    name = STAGE

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        nt = doc.norm()
        norm = nt.text
        reader = _Reader(lex, norm, doc.text, nt)
        match = lex.rx.match
        cands: list[_Cand] = []
        for s in doc.content_sentences():
            ns, ne = nt.from_original(s.start), nt.from_original(s.end)
            pos = ns
            for st in _starts(norm, lex.keys, ns, ne):
                if st < pos:
                    continue
                m = match(norm, st, ne)
                if m is not None:
                    got = reader.read(m, ns, ne)
                    if got:  # else rejected in context: a later word may start a match
                        cands.extend(got)
                        pos = m.end()
        ref = _parse_published(doc.published)
        years = [c.year for c in cands if c.year]
        newest = max(years) if years else None
        inferred = False
        if ref is None:  # date the text by its first weekday + day + month
            for c in cands:
                if c.what == "md" and c.f["d"] is not None and c.f["wd"] is not None:
                    y = infer_year(c.f["m"], c.f["d"], c.f["wd"], newest)
                    if y:
                        ref, inferred = date(y, c.f["m"], c.f["d"]), True
                        break
        resolver = _Resolver(ref, inferred, newest)
        times = []
        for c in cands:
            got = resolver.value(c)
            if got is None:
                continue
            value, kind, was_inferred = got
            o0, o1 = nt.to_original(c.start, c.end)
            while o1 < len(doc.text) and doc.text[o1] in COMBINING_MARKS:
                o1 += 1  # غداً, مؤخراً: keep the word's last diacritic in the span
            times.append(TimeExpr(o0, o1, value, Provenance(STAGE, c.rule), kind, was_inferred))
        doc.times = times
        return doc


# -- anchoring ---------------------------------------------------------------------------------
_CLAUSE_BREAK = re.compile(
    r"[،,؛;:]|\s(?:بينما|فيما|في حين|لكن|ولكن|لكنه|لكنها|غير [أا]ن|[إا]لا [أا]ن|ثم|حيث|بعدما|وبعدما)\s")


def _precision(value: str) -> int:
    if len(value) >= 10:
        return 4
    if "W" in value:
        return 3
    return {7: 2, 4: 1}.get(len(value), 0)


def _dated(t: TimeExpr) -> bool:
    return t.value[:1].isdigit() and t.kind != "duration" and "/" not in t.value


def anchor(doc: Doc, start: int, end: int) -> str | None:
    """Date of an event or statement at [start, end).

    The most specific dated (non-vague) time in its clause (the sentence cut at ، ؛ : and at
    contrast or sequence conjunctions), else in its sentence, else the document date; ties go
    to the time nearest the span.
    """
    sent = doc.sentence_at(start)
    if sent is None:
        return doc.published
    times = [t for t in doc.times if sent.start <= t.start < sent.end and _dated(t)]
    if not times:
        return doc.published
    lo, hi = sent.start, sent.end
    for b in _CLAUSE_BREAK.finditer(doc.text, sent.start, sent.end):
        if b.end() <= start:
            lo = b.end()
        elif b.start() >= end:
            hi = b.start()
            break
    pool = [t for t in times if lo <= t.start and t.end <= hi] or times

    def gap(t: TimeExpr) -> int:
        return max(t.start - end, start - t.end, 0)

    return max(pool, key=lambda t: (_precision(t.value), -gap(t))).value
