"""Boilerplate detection: text on a news page that is not part of the article.

Marked lines (related-article links, share prompts, photo credits, agency credit lines,
separators), bylines and datelines (metadata: the dateline's place is kept on the document),
and unmarked inserts: a bare headline of another story, or the lead paragraph of another story
pasted into the body with its own dateline. Patterns are data (``resources/boilerplate/patterns.yaml``).
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from marsad import resources
from marsad.doc import Boilerplate, Doc, Provenance
from marsad.text.normalize import normalize, word_set

STAGE = "boilerplate"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[tuple[str, regex.Pattern]]]:
    data = resources.read_yaml("boilerplate", "patterns.yaml")
    out: dict[str, list[tuple[str, regex.Pattern]]] = {}
    for group, rules in data.items():
        out[group] = [(name, regex.compile(p, regex.V1)) for name, p in rules.items()]
    # All of them as one alternation: it matches a paragraph exactly when one of them does, so
    # an article paragraph (most of them) needs one match instead of one per rule.
    out["any"] = [("any", regex.compile("|".join(f"(?:{p})" for rules in data.values()
                                                 for p in rules.values()), regex.V1))]
    return out


_PARA_RE = regex.compile(r"[^\n\r\u2028\u2029]+")
_TERMINAL_RE = regex.compile(r"[.!?؟:…]\s*$")
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+|\p{N}+")
_CONTINUATION = ("و", "ف", "ثم", "-", "•", "*", "(", "«", '"', "“")


def _is_bare_headline(line: str, index: int, lines: int) -> bool:
    """A headline of another story dropped between body paragraphs.

    Body paragraphs end in punctuation and usually open with a conjunction (و/ف); inserted
    headlines are unpunctuated, mid-article, and long enough to be a headline rather than a
    section title of the article itself (those are two to four words).
    """
    if index == 0 or index >= lines - 1 and lines <= 2:
        return False
    stripped = line.strip()
    if _TERMINAL_RE.search(stripped) or stripped.endswith(("،", ",", ";", "؛")):
        return False
    words = _WORD_RE.findall(stripped)
    if not 5 <= len(words) <= 22:
        return False
    first = stripped.split()[0]
    if stripped.startswith(_CONTINUATION) or (first[0] in "وف" and len(first) > 3 and first[1:3] in ("قا", "أض", "تا", "أك", "أش", "كا")):
        return False
    return True


_STOP = word_set(
    "في من على إلى الى عن مع أن إن التي الذي الذين هذا هذه ذلك تلك بعد قبل حول خلال بين ضد "
    "كان كانت قد لا لم لن ما هو هي هم أو ثم كما وقد وفي ومن حتى منذ عند لدى أي كل بعض غير")


def _content_words(s: str) -> Counter:
    out: Counter = Counter()
    for w in _WORD_RE.findall(s):
        n = normalize(w)
        if len(n) >= 3 and n not in _STOP:
            out[n[2:] if n.startswith("ال") and len(n) > 4 else n] += 1
    return out


def _foreign(line: str, everywhere: Counter) -> bool:
    """Does an unpunctuated line change the story's actors and places?

    A section title of the article reuses the article's own words; another story's headline
    mostly does not. A quoted headline (BBC and CNN style: actor + "quote") of six words or more
    is another story's even when it shares the topic. ``everywhere``: the content words of the
    whole text, with their counts.
    """
    words = _content_words(line)
    if not words:
        return False
    # the words of the rest of the text: those the whole text has more often than the line
    # (no word runs across a paragraph edge, so the counts add up)
    shared = sum(everywhere[w] > n for w, n in words.items()) / len(words)
    quoted = any(q in line for q in ('"', "«", "“")) and len(words) >= 5
    return shared < 0.6 or (quoted and shared < 0.9)


def detect(doc: Doc) -> list[Boilerplate]:
    text = doc.text
    pats = _patterns()
    found: list[Boilerplate] = []
    paragraphs = list(_PARA_RE.finditer(text))
    body_seen = 0
    any_rule = pats["any"][0][1]
    everywhere = None
    for i, m in enumerate(paragraphs):
        line = m.group()
        lstrip = len(line) - len(line.lstrip())
        start, end = m.start() + lstrip, m.end() - (len(line) - len(line.rstrip()))
        if end <= start:
            continue
        content = text[start:end]
        if any_rule.match(content):
            marked, whole = _marked_line(doc, pats, content, start, end, body_seen)
            found += marked
            if whole:
                continue
        if _is_bare_headline(content, i, len(paragraphs)) and body_seen >= 1:
            if everywhere is None:
                everywhere = _content_words(text)
            if _foreign(content, everywhere):
                found.append(Boilerplate(start, end, "insert", Provenance(STAGE, "bare-headline")))
                continue
        body_seen += 1
    return found


def _marked_line(doc: Doc, pats, content: str, start: int, end: int,
                 body_seen: int) -> tuple[list[Boilerplate], bool]:
    """The boilerplate line patterns mark in the paragraph [start, end), and whether that is
    the whole paragraph (a dateline only heads a body paragraph)."""
    for group in ("related", "share", "credit", "separator"):
        for name, pat in pats[group]:
            if pat.match(content):
                return [Boilerplate(start, end, group, Provenance(STAGE, name))], True
    out = []
    # Datelines: metadata at the head of the first body paragraph; another story's lead
    # when a dateline opens a paragraph further down.
    for name, pat in pats["dateline"]:
        dm = pat.match(content)
        if dm:
            if body_seen >= 2:
                return [Boilerplate(start, end, "insert", Provenance(STAGE, "dateline-midbody"))], True
            out.append(Boilerplate(start, start + dm.end(), "dateline", Provenance(STAGE, name)))
            if doc.cache.get("dateline") is None:
                doc.cache["dateline"] = dm.groupdict().get("place")
            break
    for name, pat in pats["byline"]:
        if pat.match(content):
            out.append(Boilerplate(start, end, "byline", Provenance(STAGE, name)))
            return out, True
    return out, False


class BoilerplateStage:
    name = STAGE

    def __call__(self, doc: Doc) -> Doc:
        doc.boilerplate = detect(doc)
        for s in doc.sentences:  # a binary search, not a scan of every span (linear time)
            s.boilerplate = doc.in_boilerplate(s.start, s.end)
        return doc
