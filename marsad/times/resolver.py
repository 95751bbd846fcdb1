"""Pass 2 of the times stage: the values of candidates against the document date.

Values keep the text's precision (``2024``, ``2024-01``, ``2024-01-09``, ISO weeks ``2024-W02``,
decades ``199``); periods such as "the past two weeks" are ISO intervals ending at the
document date. Relative expressions (العام التالي، اليوم نفسه) count from the latest earlier
value in the text.
"""
from __future__ import annotations

from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from marsad.times.calendar import (
    add_months,
    date_or_none,
    hijri_to_iso,
    infer_year,
    iso_week,
    month_value,
    nearest_year,
    qualified_year,
    weekday_date,
    weekday_near,
)
from marsad.times.patterns import rules
from marsad.times.reader import Candidate

_STEP = {"past": -1, "next": 1, "current": 0, "before_previous": -2, "following": 1, "previous": -1, "same": 0}
_DURATION = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y", "hour": "H"}
# The relative units by what they count in (normalised: العام، السنة → year).
_UNITS = {unit: tuple(forms) for unit, forms in rules()["relative_units"].items()}


class Resolver:
    """Values of one document's candidates, in text order (later ones may count from earlier ones)."""

    def __init__(self, ref: date | None, inferred: bool, newest: int | None):
        self.ref, self.ref_inferred, self.newest = ref, inferred, newest
        self.priors: list[str] = []  # resolved values in text order, for العام التالي / اليوم نفسه

    def value(self, c: Candidate) -> tuple[str, str, bool] | None:
        out = _RESOLVERS[c.what](self, c.f)
        if out is None:
            return None
        value, kind, inferred = out
        if value[:1].isdigit() and kind != "duration":
            self.priors.append(value)
        return out

    def _absolute(self, f):
        return f["value"], f["kind"], False

    def _vague(self, f):
        return f["value"], "vague", False

    def _month_day(self, f):
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
            y = qualified_year(ref, m, f["mq"], d)
        else:
            y = nearest_year(ref, m, d, wd, f.get("fut", False))
            if d is not None and wd is not None and (date_or_none(y, m, d) or ref).weekday() != wd:
                # الخميس (20 أكتوبر) written in 2018: the last year where that day was a Thursday
                back = infer_year(m, d, wd, None, today=ref)
                if back and ref.year - back <= 11:
                    return f"{back:04d}-{m:02d}-{d:02d}", "date", True
        if d is None:
            return month_value(y, m), "month", self.ref_inferred
        if not date_or_none(y, m, d):
            return None
        return f"{y:04d}-{m:02d}-{d:02d}", "date", self.ref_inferred

    def _hijri_month_day(self, f):
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
        v = hijri_to_iso(y, f["hm"], f["d"])
        return (v, "date" if f["d"] else "month", self.ref_inferred and not f.get("gy")) if v else None

    def _weekday(self, f):
        if self.ref is None:
            return None
        prior = self.priors[-1] if f.get("chain") and self.priors else ""
        if len(prior) == 10:  # the day after the weekday just named: الثلاثاء والأربعاء
            base = date.fromisoformat(prior)
            d = base + timedelta(days=(f["wd"] - base.weekday()) % 7 or 7)
        elif f["dx"] is not None:
            d = weekday_near(self.ref + timedelta(days=f["dx"]), f["wd"])
        elif f["q"] is None and f.get("fut"):
            d = self.ref + timedelta(days=(f["wd"] - self.ref.weekday()) % 7)
        elif f["q"] is None and "fut" in f and f["fut"] is None and (f["wd"] - self.ref.weekday()) % 7 == 1:
            d = self.ref + timedelta(days=1)  # was planned for tomorrow (and changed): not last week
        else:
            d = weekday_date(self.ref, f["wd"], f["q"])
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

    def _relative_unit(self, f):
        u, q = f["u"], f["q"]
        if f["y"]:
            return f"{f['y']:04d}", "year", False
        k = _STEP[q]
        relative_to_text = q in ("following", "previous", "same")
        inferred = self.ref_inferred
        if u in _UNITS["year"]:
            prior = self._prior(4) if relative_to_text else None
            if prior is None and (q == "same" or self.ref is None):
                return None
            base = int(prior[:4]) if prior else self.ref.year
            inferred = inferred and prior is None
            return f"{base + k:04d}", "relative", inferred
        if u in _UNITS["month"]:
            prior = self._prior(7) if relative_to_text else None
            if prior is None and (q == "same" or self.ref is None):
                return None
            y, m = (int(prior[:4]), int(prior[5:7])) if prior else (self.ref.year, self.ref.month)
            return month_value(*add_months(y, m, k)), "relative", inferred and prior is None
        prior = self._prior(10) if relative_to_text else None
        if prior is None and (relative_to_text and u in _UNITS["day"] or q == "same" or self.ref is None):
            return None
        base = date.fromisoformat(prior[:10]) if prior else self.ref
        if f.get("of"):
            base = date_or_none(f["of"], base.month, base.day) or base
        inferred = inferred and prior is None
        if u in _UNITS["week"]:
            return iso_week(base + timedelta(days=7 * k)), "relative", inferred
        return (base + timedelta(days=k)).isoformat(), "relative", inferred  # اليوم التالي

    def _ago(self, f):
        ref, n, u = self.ref, f["n"], f["u"]
        if ref is None:
            return None
        if u in ("day", "hour"):
            v = (ref - timedelta(days=n if u == "day" else n // 24)).isoformat()
        elif u == "week":
            v = iso_week(ref - timedelta(days=7 * n))
        elif u == "month":
            v = month_value(*add_months(ref.year, ref.month, -n))
        else:
            v = f"{ref.year - n * (10 if u == 'decade' else 1):04d}"
        return v, "relative", self.ref_inferred

    def _period(self, f):
        # "the past two weeks", "the coming six years": the gold (ANNOTATION.md) takes these as
        # vague references to the past or future, not as intervals ending at the document date
        return ("FUTURE_REF" if f["q"] == "next" else "PAST_REF"), "vague", False

    def _duration(self, f):
        n, u = f["n"], f["u"]
        if u == "decade":
            n *= 10
        return (f"PT{n}H" if u == "hour" else f"P{n}{_DURATION[u]}"), "duration", False

    def _day_of_month(self, f):
        if self.ref is None:
            return None
        y, m = add_months(self.ref.year, self.ref.month, _STEP[f["q"]])
        return (f"{y:04d}-{m:02d}-{f['d']:02d}", "relative", self.ref_inferred) if date_or_none(y, m, f["d"]) else None

    def _decade(self, f):
        t, c = f["t"], f["c"]
        if c is None:
            base = self.ref.year if self.ref else (self.newest or date.today().year)
            c = base // 100 if (base // 100) * 100 + t * 10 <= base else base // 100 - 1
        return f"{c}{t}", "decade", False


# How each kind of candidate (Candidate.what, set by the reader) becomes a value.
_RESOLVERS = {
    "abs": Resolver._absolute, "md": Resolver._month_day, "hmd": Resolver._hijri_month_day,
    "wd": Resolver._weekday, "deictic": Resolver._deictic, "rel": Resolver._relative_unit, "ago": Resolver._ago,
    "period": Resolver._period, "dur": Resolver._duration, "dayrel": Resolver._day_of_month,
    "decade": Resolver._decade, "vague": Resolver._vague,
}
