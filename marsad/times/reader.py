"""Pass 1 of the times stage: accept a pattern match in its sentence context and read its fields.

A match of the compiled rules is only a candidate: the words around it decide whether it is a
time at all (a bare month needs a preposition before it, a bare four-digit number a year word,
الاثنين after بين is "the two"). Accepted matches become :class:`Candidate` records that say how
:class:`~marsad.times.resolver.Resolver` turns them into values.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from hijridate import Hijri

from marsad.text.normalize import normalize
from marsad.times.calendar import date_or_none, hijri_to_iso, month_value
from marsad.times.patterns import Lexicon, rules, vocabulary
from marsad.times.words import definite, digits, in_words, word_after, word_before

_PUNCT = ',.;:!?"«»()“”-'
_R = rules()
_OF_YEAR = re.compile(_R["of_year"])  # نفس اليوم من عام 2016
_FUTURE_VERB = re.compile(_R["future_verb"])
_FUTURE_CONJ, _ART, _IN_PREFIX, _W = _R["future_conjunctions"], _R["article"], _R["in_prefix"], _R["words"]
_WORDS = {k: frozenset(normalize(w) for w in vocabulary()[k]) for k in (
    "al_function_words", "who_words", "range_openers", "ago_not_before", "weekday_links",
    "same_demonstratives", "this_demonstratives")}
_WHO = _WORDS["who_words"]
_RANGE_OPENERS = _WORDS["range_openers"]  # من 1999 إلى 2001, بين 1990 و1998
_DAY_IN_LIST = re.compile(_R["day_in_list"])


@dataclass(slots=True)
class Candidate:
    start: int  # normalised offsets
    end: int
    rule: str
    what: str  # how to resolve: abs | md | hmd | wd | deictic | rel | ago | period | dur | dayrel | decade | vague
    f: dict
    year: int | None = None  # explicit Gregorian year (for dating texts of unknown date)


class Reader:
    """Checks one regex match against its sentence context and turns it into candidates."""

    def __init__(self, lex: Lexicon, norm: str, original: str, nt):
        self.lex, self.norm, self.original, self.nt = lex, norm, original, nt
        self.s = lex.sets

    def read(self, m: re.Match, ns: int, ne: int) -> list[Candidate]:
        """Candidates of the match of one rule (its named group: ``m.lastgroup``)."""
        return _READERS[m.lastgroup](self, m, ns, ne) or []

    # small accessors
    def before(self, m, g, ns):
        return word_before(self.norm, m.start(g), ns)

    def after(self, m, ne, g=None):
        return word_after(self.norm, m.end(g) if g else m.end(), ne)

    def future(self, pos: int, ns: int) -> bool | None:
        """Whether the words before pos speak of the future (see future_markers in the data);
        None for a plan told in the past."""
        words = self.norm[max(ns, pos - 90):pos].split()[-8:]
        marks = [i for i, w in enumerate(words) if in_words(w.strip(_PUNCT), self.s["future_markers"])]
        if marks:
            # a plan told in the past (كان من المقرر أن يجتمعوا الأحد) points back: None
            return None if any(in_words(w, self.s["past_plan"]) for w in words[max(0, marks[0] - 3):marks[0]]) else True
        if words and in_words(words[-1].strip(_PUNCT), self.s["coincide_verbs"]):
            return True  # يوافق الثلاثاء: the coming day the date falls on
        skip = self.s["day_parts"] | {_W["day"]}
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
        w = w[1:] if w[0] in _FUTURE_CONJ and len(w) > 5 else w
        return bool(_FUTURE_VERB.fullmatch(w)) and w not in self.s["future_verb_not"]

    def _numeric_date(self, m, ns, ne):
        if m.group("n_y"):
            y, mo, d = int(m.group("n_y")), int(m.group("n_m")), int(m.group("n_d"))
        else:
            y, mo, d = int(m.group("n_y2")), int(m.group("n_m2")), int(m.group("n_d2"))
        if y < 1500:
            v = hijri_to_iso(y, mo, d) if 1 <= mo <= 12 else None
            return [Candidate(m.start("n"), m.end(), "hijri-numeric", "abs", {"value": v, "kind": "date"})] if v else None
        if not date_or_none(y, mo, d):
            return None
        return [Candidate(m.start("n"), m.end(), "numeric-date", "abs",
                      {"value": f"{y:04d}-{mo:02d}-{d:02d}", "kind": "date"}, year=y)]

    def _gregorian_date(self, m, ns, ne):
        lex = self.lex
        m1 = lex.months[re.sub(r"\s+", " ", m.group("g_m1"))]
        end = m.end()
        y, yq, mq = m.group("g_y"), m.group("g_yq") or (_W["current"] if m.group("g_yt") else None), m.group("g_mq")
        if m.group("g_m2"):
            if lex.months[re.sub(r"\s+", " ", m.group("g_m2"))] != m1:
                end, y, yq, mq, paired = m.end("g_m1"), None, None, None, False
            else:
                paired = True
        else:
            paired = False
        d = digits(m.group("g_d"))
        if d is None and m.group("g_o"):
            d = lex.ordinals[re.sub(r"\s+", " ", m.group("g_o"))]
        wd = lex.weekdays[m.group("g_wd")] if m.group("g_wd") else None
        start = m.start("g")
        word = re.sub(r"\s+", " ", m.group("g_m1"))
        if word in self.s["ambiguous_months"] and d is None and y is None and not paired:
            return None  # ماي (Theresa May), آب (father), جوان (Juan): only with a day or a year
        prev = self.before(m, "g", ns)
        if d is None and y is None and not (yq or mq or paired or m.group("g_sh") or m.group("g_p")):
            if not in_words(prev, self.s["month_context"]):
                return None
            if word in self.s["verb_months"] and in_words(prev, _WHO):
                return None  # بمن مارس الغدر: "who practised"
        if d is not None and y is None and not (yq or mq) and in_words(prev, self.s["name_words"]):
            for words, nd, nm, ny in lex.named:  # هجمات 11 سبتمبر, ثورة 25 يناير
                if nd == d and nm == m1 and in_words(prev, words):
                    return [Candidate(start, end, "named-date", "abs",
                                  {"value": f"{ny:04d}-{nm:02d}-{nd:02d}", "kind": "date"})]
            return None  # شارع 26 يوليو, قوى 14 آذار: a name
        f = {"m": m1, "d": d, "wd": wd, "mq": lex.quals.get(mq) if mq else None,
             "yq": lex.quals.get(yq) if yq else None, "fut": self.future(m.start("g"), ns)}
        out = self._listed_days(m, f, start, m1, d, y) if m.group("g_dl") and d is not None else []
        if out:
            start = m.start("g_d")
        if y is None and not (yq or mq):
            y = self._range_year(end, ne, m1)
        if y is not None:
            y = int(y)
            if d is not None and not date_or_none(y, m1, d):
                return None
            value = f"{y:04d}-{m1:02d}-{d:02d}" if d is not None else month_value(y, m1)
            out.append(Candidate(start, end, "gregorian-date", "abs",
                             {"value": value, "kind": "date" if d else "month", "wd": wd, "m": m1, "d": d},
                             year=y))
        else:
            out.append(Candidate(start, end, "gregorian-date" if d else "month", "md", f))
        return out

    def _listed_days(self, m, f: dict, start: int, m1: int, d: int, y) -> list[Candidate]:
        """The days listed before the last one (16 و17 و18 مارس): each a date too."""
        out = []
        for dm in _DAY_IN_LIST.finditer(self.norm, m.start("g_dl"), m.end("g_dl")):
            d0 = int(dm.group(1))
            if not 0 < d0 < d:
                continue
            out.append(Candidate(start if not out else dm.start(), dm.end(), "day-list",
                             "md" if y is None else "abs",
                             {**f, "d": d0, "wd": None} if y is None else
                             {"value": f"{int(y):04d}-{m1:02d}-{d0:02d}", "kind": "date"},
                             year=int(y) if y else None))
        return out

    def _range_year(self, end: int, ne: int, m1: int) -> int | None:
        """The year a month range ends with (بين كانون الثاني ونيسان 2018), for its first month."""
        lex = self.lex
        tail = lex.range_tail.match(self.norm, end, ne)
        if tail:
            return int(tail.group("ry")) - (m1 > lex.months[re.sub(r"\s+", " ", tail.group("rm"))])
        return None

    def _hijri_date(self, m, ns, ne):
        lex = self.lex
        hm = lex.hmonths[re.sub(r"\s+", " ", m.group("h_m"))]
        d = digits(m.group("h_d"))
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
                if not (word == _W["ramadan"] and (q or in_words(prev, self.s["ramadan_context"]))):
                    return None
            elif not in_words(prev, self.s["month_context"]):
                return None
        if y is not None:
            v = hijri_to_iso(y, hm, d)
            if not v:
                return None
            return [Candidate(m.start("h"), m.end(), "hijri-date", "abs",
                          {"value": v, "kind": "date" if d else "month"})]
        gy = _OF_YEAR.match(self.norm, m.end(), ne)  # شهر رمضان لعام 2017: the Gregorian year
        return [Candidate(m.start("h"), m.end(), "hijri-date", "hmd",
                      {"hm": hm, "d": d, "q": lex.quals.get(q) if q else None,
                       "gy": int(gy.group(1)) if gy else None})]

    def _hijri_year(self, m, ns, ne):
        y = int(m.group("hy_y"))
        try:
            g = Hijri(y, 6, 15).to_gregorian()  # the Gregorian year holding most of it
        except (ValueError, OverflowError):
            return None
        return [Candidate(m.start("hy"), m.end(), "hijri-year", "abs", {"value": f"{g.year:04d}", "kind": "year"})]

    def _year(self, m, ns, ne):
        y1 = int(m.group("y_1"))
        y2 = int(m.group("y_2")) if m.group("y_2") else None
        if y2 is not None and not (0 < y2 - y1 < 100 or (m.group("y_sep") == _W["and"] and y2 != y1)):
            y2 = None
        nxt = word_after(self.norm, m.end("y_1") + len(m.group("y_s")), ne)
        ok = bool(m.group("y_n") or m.group("y_p") or m.group("y_s").strip())
        if not ok:
            prev = word_before(self.norm, m.start("y_1"), ns)
            if in_words(prev, self.s["year_context"]) or (y2 is not None and in_words(prev, _RANGE_OPENERS)):
                ok = nxt not in self.s["count_nouns_after"]  # 2000 شخص, but not 2020 بمرشح
            elif y2 is not None and m.group("y_sep") in ("-", "–"):
                ok = True  # (2003-2011)
            elif self._sentence_initial(m.start("y_1"), ns) and nxt == ",":
                ok = True  # chronologies: "1991، أعلنت …"
        if not ok:
            return None
        out = [Candidate(m.start("y"), m.end("y_s"), "year", "abs", {"value": f"{y1:04d}", "kind": "year"}, year=y1)]
        if y2 is not None:
            out.append(Candidate(m.start("y_2"), m.end(), "year", "abs", {"value": f"{y2:04d}", "kind": "year"}, year=y2))
        return out

    def _sentence_initial(self, pos, ns):
        i = pos
        while i > ns and not self.norm[i - 1].isalnum():
            i -= 1
        return i == ns

    def _decade(self, m, ns, ne):
        nxt = self.norm[m.end():m.end() + 25].split()
        if any(in_words(w.strip(".,;:"), self.s["age_words"]) for w in nxt[:3]):
            return None  # في الثلاثينات من العمر
        prev = self.before(m, "dc", ns)
        if prev == _W["in"] and in_words(word_before(self.norm, m.start("dc") - 3, ns), self.s["age_before"]):
            return None
        t = self.lex.decades[m.group("dc_t")]
        c = self.lex.centuries[re.sub(r"\s+", " ", m.group("dc_c"))] if m.group("dc_c") else None
        return [Candidate(m.start("dc"), m.end(), "decade", "decade", {"t": t, "c": c})]

    def _day_of_month(self, m, ns, ne):
        d = digits(m.group("dr_d"))
        if d is None:
            if not m.group("dr_sh"):
                return None
            d = self.lex.ordinals[re.sub(r"\s+", " ", m.group("dr_o"))]
        return [Candidate(m.start("dr"), m.end(), "day-of-month", "dayrel",
                      {"d": d, "q": self.lex.quals[m.group("dr_q")]})]

    def _weekday(self, m, ns, ne):
        wd_word = m.group("w_wd")
        wd = self.lex.weekdays[wd_word]
        nxt = self.after(m, ne, "w_wd")
        if nxt in self.s["weekday_not_before"]:
            return None  # الأحد عشر, الاثنين معاً
        if wd == 0 and not (m.group("w_p") or m.group("w_x")):
            prev = self.before(m, "w", ns)
            if in_words(prev, self.s["weekday_not_after"]):
                return None  # بين الاثنين: "between the two"
        dx = self.lex.deictic.get(m.group("w_x")) if m.group("w_x") else None
        q = self.lex.quals[m.group("w_q")] if m.group("w_q") else None
        return [Candidate(m.start("w"), m.end(), "weekday", "wd",
                      {"wd": wd, "q": q, "dx": dx, "fut": q is None and self.future(m.start("w"), ns),
                       "chain": q is None and dx is None and self._after_weekday(m, ns)})]

    def _after_weekday(self, m, ns) -> bool:
        """The second of two weekdays (الثلاثاء والأربعاء, ليل الثلاثاء إلى الأربعاء)."""
        if m.group().startswith(_W["and"]) and m.start() < m.start("w"):
            return word_before(self.norm, m.start(), ns) in self.lex.weekdays
        prev = self.before(m, "w", ns)
        if prev in _WORDS["weekday_links"]:
            return word_before(self.norm, m.start("w") - len(prev) - 1, ns) in self.lex.weekdays
        return False

    def _relative_unit(self, m, ns, ne):
        u, q, pre = m.group("r_u"), m.group("r_q"), m.group("r_pre")
        q = self.lex.quals[q] if q else None
        if pre in _WORDS["same_demonstratives"]:
            q = "same"
        elif pre in _WORDS["this_demonstratives"] and q is None:
            if u == _W["today"]:
                return None  # في مثل هذا اليوم: an anniversary
            q = "current"
        if q is None and not m.group("r_p"):
            return None
        if q == "last":
            return None
        if u == _W["today"] and q not in (None, "following", "previous", "same"):
            return None  # اليوم الماضي is not an expression
        if u == _W["year"] and not pre and in_words(self.before(m, "r", ns), self.s["general_nouns"]):
            return None  # الأمين العام السابق
        nxt = self.after(m, ne)
        if q is None and definite(nxt) and nxt not in self.lex.quals:
            return None  # نهاية العام الدراسي
        of_year = _OF_YEAR.match(self.norm, m.end(), ne) if q == "same" else None
        return [Candidate(m.start("r"), m.end(), "relative-unit", "rel",
                      {"u": u, "q": q or "current", "y": int(m.group("r_y")) if m.group("r_y") else None,
                       "of": int(of_year.group(1)) if of_year else None})]

    def _deictic(self, m, ns, ne):
        w = re.sub(r"\s+", " ", m.group("x_w"))
        prev = self.before(m, "x", ns)
        nxt = self.after(m, ne)
        if w == _W["tomorrow"]:
            if not (m.group("x_p") or in_words(prev, self.s["tomorrow_after"])):
                return None  # حزب الغد
            off = 1
        elif w.startswith(_W["tonight"]):
            if w == _W["tonight"] and (definite(nxt) or prev == _W["in"]):
                return None  # الليلة الأولى; 6000 دولار في الليلة: "per night"
            off = -1 if w != _W["tonight"] else 0
        else:
            off = self.lex.deictic[w]
        if w == _W["yesterday"] and definite(nxt):
            return None  # في أمسّ الحاجة: "in greatest need"
        if w == _W["today"]:
            if definite(nxt) and nxt not in self.lex.weekdays:
                return None  # اليوم العالمي, اليوم الأول
            if not m.group("x_p") and in_words(prev, self.s["today_not_after"]):
                return None  # نفس اليوم, روسيا اليوم, مرتين في اليوم
        if w == _W["tomorrow_adverb"]:
            o0, o1 = self.nt.to_original(m.start("x_w"), m.end("x_w"))
            marked = _W["tanwin"] in self.original[o0:o1 + 1]
            if not marked and (definite(nxt) and nxt not in self.lex.weekdays or
                               (len(nxt) > 2 and nxt.endswith(_W["accusative"]))):
                return None  # غدا الوضع أسوأ: "became"
        return [Candidate(m.start("x"), m.end(), "deictic", "deictic", {"off": off})]

    def _ago(self, m, ns, ne):
        unit, kind = self.lex.units[m.group("a_u")]
        nxt = self.after(m, ne)
        if nxt in _WORDS["ago_not_before"]:
            return None  # قبل يومين من الانتخابات: relative to another event; قبل أربعة أشهر أخرى
        n = None
        if m.group("a_n"):
            n = digits(m.group("a_n")) or self.lex.numbers.get(re.sub(r"\s+", " ", m.group("a_n")))
        elif kind == "one":
            n = 1
        elif kind == "two":
            n = 2
        if m.group("a_f") or n is None:
            return [Candidate(m.start("a"), m.end(), "ago-vague", "vague", {"value": "PAST_REF"})]
        if kind == "many" and m.group("a_n") is None:
            return None
        return [Candidate(m.start("a"), m.end(), "ago", "ago", {"u": unit, "n": n})]

    def _period(self, m, ns, ne):
        unit, kind = self.lex.units[m.group("p_u")[2:] if m.group("p_u").startswith(_ART) and
                                    m.group("p_u")[2:] in self.lex.units else m.group("p_u")]
        q = self.lex.quals[m.group("p_q")]
        raw = m.group("p_n") or m.group("p_n2")
        n = None
        if raw and raw != _W["few"]:
            n = digits(raw) or self.lex.numbers.get(re.sub(r"\s+", " ", raw.removeprefix(_ART)))
        elif kind == "two":
            n = 2
        if kind == "one" and not m.group("p_n"):
            return None  # الأسبوع الماضي is a relative unit, not a period
        if n is None:
            return [Candidate(m.start("p"), m.end(), "period-vague", "vague",
                          {"value": "FUTURE_REF" if q == "next" else "PAST_REF"})]
        return [Candidate(m.start("p"), m.end(), "period", "period", {"u": unit, "n": n, "q": q})]

    def _duration(self, m, ns, ne):
        if m.group("du_n"):
            unit, _ = self.lex.units[m.group("du_u")]
            n = digits(m.group("du_n")) or self.lex.numbers.get(re.sub(r"\s+", " ", m.group("du_n")))
            start = m.start("du_n")
        else:
            unit, kind = self.lex.units[m.group("du_u2")]
            n = 2 if kind == "two" else 1
            start = m.start("du_u2")
        if not n:
            return None
        return [Candidate(start, m.end(), "duration", "dur", {"u": unit, "n": n})]

    def _vague(self, m, ns, ne):
        phrase = re.sub(r"\s+", " ", m.group("v"))
        value = self.lex.vague.get(phrase) or self.lex.vague.get(_IN_PREFIX + phrase)
        nxt = self.after(m, ne)
        if nxt in self.s["vague_not_before"] or (phrase.endswith(_W["hour"]) and nxt[:1].isdigit()):
            return None  # قريبا من: "near"; حتى الساعة 10
        if phrase == _W["now"]:
            o0, _ = self.nt.to_original(m.start("v"), m.end("v"))
            if self.original[o0:o0 + 1] in _W["hamza_alefs"]:
                return None  # آلان / ألان: the name Alain
        return [Candidate(m.start("v"), m.end(), "vague", "vague", {"value": value})]


# The reader of each rule of marsad.times.patterns, by the rule's named group.
_READERS = {
    "n": Reader._numeric_date, "g": Reader._gregorian_date, "h": Reader._hijri_date, "hy": Reader._hijri_year,
    "y": Reader._year, "dc": Reader._decade, "dr": Reader._day_of_month, "w": Reader._weekday,
    "r": Reader._relative_unit, "x": Reader._deictic, "a": Reader._ago, "p": Reader._period,
    "du": Reader._duration, "v": Reader._vague,
}
