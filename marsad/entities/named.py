"""Named operations, battles, agreements and campaigns: quoted names after their head word.

The tagger reads "عملية "غصن الزيتون"" as nothing and "العملية الشاملة "سيناء 2018"" as the place
سيناء. A quoted name of one to four words is a MISC entity when it stands right after an
operation head (two words at least), after a naming phrase (أطلق عليها اسم …), or anywhere in a
head's clause when it carries a year. A person or organisation the tagger found with exactly the
quote's span keeps its reading. Words are in resources/entities/named_events.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad import resources
from marsad.entities.words import never_name
from marsad.text.segment import CONJ, PREP

_OPEN, _CLOSE = "\"«“", "\"»”"
MAX_WORDS = 4
_CLAUSE_GAP = 60  # characters between a head and a quoted name with a year (no clause break)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = resources.read_yaml("entities", "named_events.yaml")
    heads = "|".join(sorted(map(re.escape, data["heads"]), key=len, reverse=True))
    ops = "|".join(sorted(map(re.escape, data["operations"]), key=len, reverse=True))
    naming = "|".join(sorted((re.escape(x).replace("\\ ", r"\s+") for x in data["naming"]),
                             key=len, reverse=True))
    quote = rf"[{_OPEN}]([^{_CLOSE}\n]{{2,60}})[{_CLOSE}]"
    pre = r"(?<![\w])[" + "".join(CONJ + PREP) + "]{0,2}"  # up to two proclitics
    right_after = re.compile(rf"{pre}(?:{ops})\s+{quote}")
    named = re.compile(rf"(?<![\w])(?:{naming})\s+{quote}")
    with_year = re.compile(rf"{pre}(?:{heads})[^.،,؛:\n{_OPEN}]{{0,{_CLAUSE_GAP}}}{quote}")
    return right_after, named, with_year


def named_events(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quoted event names in text[start:end] (one sentence)."""
    right_after, named, with_year = _patterns()
    out = []
    for pat, min_words, need_year in ((right_after, 2, False), (named, 1, False), (with_year, 1, True)):
        for m in pat.finditer(text, start, end):
            name = m.group(1).strip()
            words = name.split()
            if not (min_words <= len(words) <= MAX_WORDS) or never_name(words[0]):
                continue
            if need_year and not re.search(r"\b(19|20)\d\d\b", name):
                continue
            s = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
            out.append((s, s + len(name)))
    return sorted(set(out))
