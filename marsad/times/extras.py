"""Pass 3 of the times stage: expressions read off the times already found, and day parts.

- coordinated days: "الثالث والرابع من أيار/مايو", "16 و17 آذار" — each day before the
  resolved date is a date of its own, in the same month;
- a day of "the same month" ("24 من الشهر ذاته"): the day in the month that phrase resolved to;
- parts of the day used alone ("تدخلت صباحا", "منذ الصباح", "هذا الصباح"): the day of the
  sentence's dated time before them, else the document date;
- seasons with a qualifier ("الصيف الماضي"): the year of that season.
Words are data (``resources/times/times.yaml``).
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from marsad.doc import Doc, Provenance, TimeExpr
from marsad.text.normalize import normalize
from marsad.times.calendar import date_or_none
from marsad.times.patterns import lexicon, rules, vocabulary

STAGE = "times"
_DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)$")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted({normalize(w) for w in words}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = vocabulary()
    lex = lexicon()
    pieces = rules()
    day = rf"(?:(?P<o>{'|'.join(re.escape(o) for o in sorted(lex.ordinals, key=len, reverse=True))})|(?P<d>\d{{1,2}}))"
    quals = {q: _alt(data["qualifiers"][q]) for q in ("past", "next", "current")}
    seasons = {normalize(w): v["months"] for v in data["seasons"].values() for w in v["words"]}
    return {
        # a day and a conjunction (or comma) right before an expression: "الثالث و" / "16، "
        "coord": re.compile(pieces["extra_coord"].replace("DAY", day)),
        "same_month": re.compile(pieces["extra_same_month"].replace("DAY", day)),
        # not the head of a longer expression (مساء يوم الخميس, مساء أمس)
        "adverb": re.compile(rf"(?<!\w)(?:{_alt(data['part_adverbs'])})(?!\w){pieces['extra_adverb_not_before']}"),
        "noun": re.compile(rf"(?<!\w)(?:{_alt(data['part_noun_openers'])})\s+(?:{_alt(data['part_nouns'])})(?!\w)"),
        "clock": re.compile(rf"(?<!\w)(?:{_alt(data['clock_words'])})(?!\w)|\d"),
        "season": re.compile(rf"(?<!\w)(?:(?P<this>{pieces['extra_this']})\s+)?(?P<s>{_alt(seasons)})(?:\s+(?P<q>"
                             rf"{quals['past']}|{quals['next']}|{quals['current']}))?(?!\w)"),
        "quals": {normalize(w): q for q in quals for w in data["qualifiers"][q]},
        "seasons": seasons,
    }


def _day(m: re.Match) -> int:
    return lexicon().ordinals[m.group("o")] if m.group("o") else int(m.group("d"))


def add_extras(doc: Doc, ref: date | None) -> None:
    """Adds the expressions above to ``doc.times`` (sorted by position)."""
    if not doc.times and ref is None:
        return
    nt = doc.norm()
    rules = _rules()
    _same_month(doc, nt, rules)  # first: its days may head a coordination (26 و27 و28 من الشهر ذاته)
    new = _coordinated(doc, nt, rules)
    if ref is not None:
        new += _day_parts(doc, nt, rules, ref) + _seasons(doc, nt, rules, ref)
    if new:
        spans = [(t.start, t.end) for t in doc.times]
        for t in new:
            if not any(a < t.end and t.start < b for a, b in spans):
                doc.times.append(t)
                spans.append((t.start, t.end))
        doc.times.sort(key=lambda t: t.start)


def _coordinated(doc: Doc, nt, rules) -> list[TimeExpr]:
    out = []
    for t in list(doc.times):
        v = _DAY_VALUE.match(t.value)
        if not v:
            continue
        pos = nt.from_original(t.start)
        floor = max(0, pos - 60)
        while True:
            m = rules["coord"].search(nt.text, floor, pos)
            if not m:
                break
            x = date_or_none(int(v.group(1)), int(v.group(2)), _day(m))
            if x is None:
                break
            o0, o1 = nt.to_original(m.start(), m.start() + len(m.group("o") or m.group("d")))
            out.append(TimeExpr(o0, o1, x.isoformat(), Provenance(STAGE, "coordinated-day"), "date", t.inferred))
            pos = m.start()
    return out


def _same_month(doc: Doc, nt, rules) -> None:
    for t in list(doc.times):
        if t.prov.rule != "relative-unit" or not re.fullmatch(r"\d{4}-\d\d", t.value):
            continue
        pos = nt.from_original(t.start)
        m = rules["same_month"].search(nt.text, max(0, pos - 30), pos)
        if m and (x := date_or_none(int(t.value[:4]), int(t.value[5:7]), _day(m))):
            # the longer span replaces the month alone
            t.start, t.value, t.kind = nt.to_original(m.start(), m.end())[0], x.isoformat(), "date"
            t.prov = Provenance(STAGE, "day-of-same-month")


def _day_of(doc: Doc, start: int, ref: date) -> str:
    """The day of the dated time before ``start`` in its sentence, else the document date."""
    sent = doc.sentence_at(start)
    best = None
    for t in doc.times:
        if sent and sent.start <= t.start < start and _DAY_VALUE.match(t.value):
            best = t.value
    return best or ref.isoformat()


def _day_parts(doc: Doc, nt, rules, ref: date) -> list[TimeExpr]:
    out = []
    for s in doc.content_sentences():
        ns, ne = nt.from_original(s.start), nt.from_original(s.end)
        for rx in (rules["adverb"], rules["noun"]):
            for m in rx.finditer(nt.text, ns, ne):
                before = " ".join(nt.text[max(ns, m.start() - 30):m.start()].split()[-2:])
                if rules["clock"].search(before):
                    continue  # الساعة الثامنة مساء: a clock time
                o0, o1 = nt.to_original(m.start(), m.end())
                out.append(TimeExpr(o0, o1, _day_of(doc, o0, ref), Provenance(STAGE, "day-part"), "date"))
    return out


def _seasons(doc: Doc, nt, rules, ref: date) -> list[TimeExpr]:
    out = []
    for s in doc.content_sentences():
        ns, ne = nt.from_original(s.start), nt.from_original(s.end)
        for m in rules["season"].finditer(nt.text, ns, ne):
            q = rules["quals"].get(m.group("q")) if m.group("q") else ("current" if m.group("this") else None)
            if q is None:
                continue
            year = _season_year(rules["seasons"][m.group("s")], q, ref)
            o0, o1 = nt.to_original(m.start(), m.end())
            out.append(TimeExpr(o0, o1, f"{year:04d}", Provenance(STAGE, "season"), "year"))
    return out


def _season_year(months: list[int], q: str, ref: date) -> int:
    """Year (of its last month) of the season before, after or around ``ref``."""
    first, last = months[0], months[-1]
    here = ref.year * 12 + ref.month

    def span(y: int) -> tuple[int, int]:  # the season ending in year y, as month indices
        start_year = y - 1 if first > last else y
        return start_year * 12 + first, y * 12 + last

    years = range(ref.year - 1, ref.year + 2)
    if q == "past":
        return max(y for y in years if span(y)[1] < here)
    if q == "next":
        return min(y for y in years if span(y)[0] > here)
    # this summer: the one around ref, else the nearest (in September, the one just ended)
    return min(years, key=lambda y: max(span(y)[0] - here, here - span(y)[1], 0))
