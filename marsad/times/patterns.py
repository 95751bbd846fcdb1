"""Time-expression patterns: the vocabulary of ``resources/times/times.yaml`` compiled into one regex.

Each rule of :data:`_RULES` is a template whose upper-case placeholders (MON, WD, YEAR …) are
filled from the vocabulary; the named group of a rule picks, through the table
``marsad.times.reader._READERS``, the method of :class:`~marsad.times.reader.Reader` that checks
and reads its matches. Trying the full
alternation at every word would be slow, so :func:`expression_starts` first finds the words an
expression must contain (an Aho-Corasick automaton of keywords) and returns only the few word
starts before them where an expression can open.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick

from marsad import resources
from marsad.text.normalize import normalize


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """``resources/times/times.yaml``, parsed once (the times stage's words, read by other stages too)."""
    return resources.read_yaml("times", "times.yaml")


def weekday_words() -> frozenset[str]:
    """The normalised weekday names (the one list of them: times.yaml)."""
    return frozenset(normalize(w) for forms in vocabulary()["weekdays"].values() for w in forms)


def _alt(words) -> str:
    """Regex alternation of normalised words, longest first, spaces matching any whitespace."""
    uniq = sorted({normalize(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in uniq) + ")"


def _seq(words) -> str:
    """Alternation of normalised words in the order given (no group: the rule template has it)."""
    return "|".join(re.escape(normalize(w)).replace("\\ ", r"\s+") for w in words)


def _index(table: dict) -> dict[str, Any]:
    """{key: [forms]} -> {normalised form: key}."""
    return {normalize(w): k for k, forms in table.items() for w in forms}


@dataclass
class Lexicon:
    """The compiled vocabulary: the rules' regex, the keyword prefilter and the word tables."""

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


@lru_cache(maxsize=1)
def rules() -> dict:
    """``resources/times/rules.yaml``: the rule templates (tried in their order at each candidate
    word start; the named group of each picks the method of Reader that checks and reads it,
    reader._READERS) and the pieces built around the vocabulary."""
    return resources.read_yaml("times", "rules.yaml")


_R = rules()
_ART = _R["article"]
_IN = _R["in_prefix"]
_DECADE_SUFFIXES = tuple(_R["decade_suffixes"])


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = vocabulary()
    norm_set = lambda key: frozenset(normalize(w) for w in data[key])  # noqa: E731
    ordinals = _ordinals(data)
    units = {normalize(w): (unit, kind) for unit, kinds in data["units"].items()
             for kind, forms in kinds.items() for w in forms}
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
        "year_nouns", "hijri_need_year", "verb_months", "future_markers", "future_verb_not", "day_parts",
        "past_plan", "coincide_verbs")}
    named = [(frozenset(normalize(w) for w in r["words"]), r["day"], r["month"], r["year"])
             for r in data["named_dates"]]

    q = lambda *names: _alt([w for n in names for w in data["qualifiers"][n]])  # noqa: E731
    unit_forms = lambda *kinds: _alt([w for u in data["units"].values() for k in kinds for w in u[k]])  # noqa: E731
    unit_def = _alt([_ART + w for u in data["units"].values() for k in ("two", "many") for w in u[k]])
    mon, hmon, wd = _alt(months), _alt(hmonths), _alt(weekdays)
    num = r"(?:\d{1,3}|" + _alt(numbers) + ")"
    t = {
        "NEARDAY": _seq(data["rule_near_days"]), "DEMONS": _seq(data["rule_demonstratives"]),
        "RUNITS": _seq(data["rule_relative_units"]), "AGOHEAD": _seq(data["rule_ago_heads"]),
        "AGOADJ": _seq(data["rule_ago_adjectives"]), "DURHEAD": _seq(data["rule_duration_heads"]),
        "HOLY": _seq(data["rule_hijri_epithets"]), "DAYLINK": _seq(data["rule_day_links"]),
        "MONTHLINK": _seq(data["rule_month_range_links"]), "YEARLINK": _seq(data["rule_year_range_links"]),
        "YEARWORD": _seq(data["rule_year_words"]), "THIS": _seq(data["this_demonstratives"]),
        "EQUIVALENT": _seq(data["rule_equivalent"]),
        "MON": mon, "HMON": hmon, "WD": wd, "NUM": num,
        "ORD": _alt(ordinals), "PART": _alt(data["day_parts"]), "NARROW": _alt(data["narrowers"]),
        "DAY": _R["day"],
        "YEAR": r"(?:1[89]\d\d|20\d\d)(?!\d)", "YSUF": _R["year_suffix"],
        "HMARK": _alt(data["hijri_year_marks"]), "YNOUN": _R["year_noun_prefix"] + _alt(data["year_nouns"]),
        "QPNC": q("past", "next", "current"), "QREL": q("past", "next", "current", "following",
                                                         "previous", "before_previous", "same"),
        "QPER": q("past", "last", "next"), "APPROX": _alt(data["approximators"]),
        "FEW": _alt(data["few"]), "UONE": unit_forms("one"), "UTWO": unit_forms("two"),
        "UANY": unit_forms("one", "two", "many"), "UMANY": unit_forms("many"), "UDEF": unit_def,
        "TENS": _alt(decades), "CENT": _alt(centuries), "DEICTIC": _alt(deictic),
        "VAGUE": "(?:" + "|".join(
            (_R["after_in"] + _alt([w[len(_IN):]]) if w.startswith(_IN) else _alt([w]))
            for w in sorted(vague, key=len, reverse=True)) + ")",
    }
    rx = re.compile(_R["expression_opener"] + _fill("|".join(_R["expression_rules"]), t) + ")", re.X)
    return Lexicon(
        rx=rx, keys=_keywords(data, months, hmonths, weekdays, units, deictic, decades, vague),
        firsts=_firsts(data, months, hmonths, weekdays, ordinals, deictic, units, numbers, decades, vague),
        range_tail=re.compile(_fill(_R["range_tail"], t), re.X), months=months, hmonths=hmonths,
        weekdays=weekdays, numbers=numbers, ordinals=ordinals, units=units, quals=quals, deictic=deictic,
        decades=decades, centuries=centuries, vague=vague, sets=sets, named=named)


def _ordinals(data: dict) -> dict[str, int]:
    """{normalised ordinal: day} from the first to the thirty-first (الأول … الحادي والثلاثين)."""
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
                        ordinals[normalize(f"{w} {_R['ordinal_link']}{tw}")] = t + n
    for t, forms in tens.items():
        for w in forms:
            ordinals[normalize(w)] = t
    return ordinals


def _fill(template: str, parts: dict[str, str]) -> str:
    """Replace the upper-case placeholders of a rule template (MON, WD, YEAR …)."""
    for key in sorted(parts, key=len, reverse=True):
        template = template.replace(key, parts[key])
    return template


def _firsts(data, months, hmonths, weekdays, ordinals, deictic, units, numbers, decades, vague) -> frozenset:
    """Words (after proclitics) a time expression can begin with."""
    out = {w.split()[0] for table in (months, hmonths, weekdays, ordinals, deictic, units) for w in table}
    out |= {normalize(w).split()[0] for key in ("narrowers", "day_parts", "year_nouns") for w in data[key]}
    out |= {(w[len(_IN):] if w.startswith(_IN) else w).split()[0] for w in vague}
    out |= {_ART + w for w in list(units) + list(numbers)} | {_ART}
    out |= {a + t + s for t in decades for a in ("", _ART) for s in _DECADE_SUFFIXES}
    out |= {normalize(w) for w in data["opening_words"]}
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
    words.update(_ART + w for w in tables[3])  # units: الأيام, الأسبوعين …
    words.update(normalize(w) for w in data["keywords"])
    words.update(a + t + s for t in tables[5] for s in _DECADE_SUFFIXES for a in ("", _ART))  # decades
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, len(w))
    auto.make_automaton()
    return auto


# How many words a time expression can start before its keyword (على مدار ما يقرب من ثلاثة عقود).
_WORDS_BACK = 7
_OPENERS = '"«(“\'[-'
_PROCLITICS = frozenset(_R["proclitics"])
_CLITICS = _PROCLITICS | set(_R["digit_clitics"])  # before digits: الـ15, والـ28
_PROCLITIC_LETTERS = _R["proclitic_letters"]


def expression_starts(norm: str, auto, lo: int, hi: int) -> list[int]:
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
                if k and (w[:k].strip(_PROCLITIC_LETTERS) or len(w) - k < 1):
                    break
                x = w[k:]
                if x[0].isdigit() or x in firsts or x.startswith(_ART) and x[2:3].isdigit():
                    skip = len(token) - len(core)
                    break
        if len(_OPENING) < 200_000:
            _OPENING[token] = skip
    return skip
