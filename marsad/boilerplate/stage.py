"""Boilerplate detection: text on a news page that is not part of the article.

Marked lines (related-article links, share prompts, photo credits, agency credit lines,
separators), bylines; datelines (kind "dateline": metadata whose places stay entities, not clutter),
and unmarked inserts: a bare headline of another story, or the lead paragraph of another story
pasted into the body with its own dateline, or a run of them at the end (``leads.py``). Patterns are data (``resources/boilerplate/patterns.yaml``).
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from marsad import resources
from marsad.boilerplate.leads import other_leads
from marsad.doc import Boilerplate, Doc, Provenance
from marsad.registry import stage
from marsad.text.morphology import segment_word
from marsad.text.normalize import normalize

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
_WORDS = resources.read_yaml("boilerplate", "words.yaml")
_CONTINUATION = tuple(_WORDS["continuation_openers"])
_CONTINUATION_VERBS = tuple(_WORDS["continuation_verb_starts"])
_ART, _CONJ = _WORDS["article"], _WORDS["conjunction_letters"]
RUN_MAX = 3  # the longest run of related-story headlines; more lines in a row are a list


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
    if stripped.startswith(_CONTINUATION) or (first[0] in _CONJ and len(first) > 3 and first[1:3] in _CONTINUATION_VERBS):
        return False
    return True


_STOP = frozenset(normalize(w) for w in resources.read_words("boilerplate", "stop_words.txt"))


def _content_words(s: str) -> Counter:
    out: Counter = Counter()
    for w in _WORD_RE.findall(s):
        n = normalize(w)
        if len(n) >= 3 and n not in _STOP:
            out[n[2:] if n.startswith(_ART) and len(n) > 4 else n] += 1
    return out


def _stems(s: str) -> set[str]:
    """Light stems of the content words (clitics and ال off: والأمم → امم, بفتح → فتح)."""
    out = set()
    for w in _WORD_RE.findall(s):
        stem = segment_word(w)[1]
        stem = stem[2:] if stem.startswith(_ART) and len(stem) > 4 else stem
        if len(stem) >= 3 and stem not in _STOP:
            out.add(stem)
    return out


def _foreign(line: str, everywhere: Counter, following: str | None) -> bool:
    """Does an unpunctuated line change the story's actors and places?

    A section title of the article reuses the article's own words and announces the paragraph
    after it ("أكثر من 120 ألف نازح …" before "أدت العمليات … إلى نزوح أكثر من 120 ألفا");
    another story's headline mostly does not. A quoted headline (BBC and CNN style: actor +
    "quote") of six words or more is another story's even when it shares the topic.
    ``everywhere``: the content words of the whole text, with their counts.
    """
    words = _content_words(line)
    if not words:
        return False
    quoted = any(q in line for q in ('"', "«", "“")) and len(words) >= 5
    if following is not None:
        mine, nxt = _stems(line), _stems(following)
        previewed = len(mine & nxt)
        # a quoted title must repeat its paragraph (a pull quote); a plain one announce it
        if previewed >= 2 and previewed > (0.5 if quoted else 0.24) * len(mine):
            return False
    # the words of the rest of the text: those the whole text has more often than the line
    # (no word runs across a paragraph edge, so the counts add up)
    shared = sum(everywhere[w] > n for w, n in words.items()) / len(words)
    return shared < 0.6 or (quoted and shared < 0.9)


def detect(doc: Doc) -> list[Boilerplate]:
    text = doc.text
    pats = _patterns()
    found: list[Boilerplate] = []
    spans = [(m.start() + len(m.group()) - len(m.group().lstrip()),
              m.end() - (len(m.group()) - len(m.group().rstrip()))) for m in _PARA_RE.finditer(text)]
    spans = [(a, b) for a, b in spans if b > a]
    body_seen = 0
    any_rule = pats["any"][0][1]
    everywhere = None
    # per paragraph: marked | headline | shaped (headline form, kept) | list (item) | body
    state: list[str] = []
    for i, (start, end) in enumerate(spans):
        content = text[start:end]
        if any_rule.match(content):
            marked, whole = _marked_line(doc, pats, content, start, end, body_seen)
            found += marked
            if whole:
                state.append("marked")
                continue
        if _is_bare_headline(content, i, len(spans)) and body_seen >= 1:
            if everywhere is None:
                everywhere = _content_words(text)
            following = _prose_after(text, spans, i)
            state.append("headline" if _foreign(content, everywhere, following) else "shaped")
            if state[-1] == "headline":
                continue
        else:
            state.append("body")
        body_seen += 1
    _lists(state, [text[a:b].split(maxsplit=1)[0] for a, b in spans])
    _cluster(state, ["(" in text[a:b] for a, b in spans])
    found += [Boilerplate(*spans[i], "insert", Provenance(STAGE, "bare-headline"))
              for i, st in enumerate(state) if st == "headline"]
    body = [spans[i] for i, st in enumerate(state) if st in ("body", "shaped", "list")]
    for k in other_leads([text[a:b] for a, b in body]):
        found.append(Boilerplate(*body[k], "insert", Provenance(STAGE, "other-lead")))
    found.sort(key=lambda b: b.start)
    return found


def _prose_after(text: str, spans: list[tuple[int, int]], i: int) -> str | None:
    """The two paragraphs of prose after the i-th (skipping other headline-shaped lines):
    the section a title would announce."""
    out = []
    for j in range(i + 1, min(i + 7, len(spans))):
        para = text[slice(*spans[j])]
        if not _is_bare_headline(para, j, len(spans)):
            out.append(para)
            if len(out) == 2:
                break
    return "\n".join(out) or None


def _lists(state: list[str], firsts: list[str]) -> None:
    """Three or more headline-shaped lines in a row opening with the same word are a list of
    the article ("أفضل فيلم: …", "أفضل مخرج: …"), not other stories' headlines."""
    i = 0
    while i < len(state):
        j = i
        while j + 1 < len(state) and state[j + 1] in ("headline", "shaped") and firsts[j + 1] == firsts[i]:
            j += 1
        if j - i >= 2 and state[i] in ("headline", "shaped"):
            state[i:j + 1] = ["list"] * (j + 1 - i)
        i = j + 1


def _cluster(state: list[str], bracketed: list[bool]) -> None:
    """Related-story headlines come in runs (BBC): a headline-shaped line next to another
    story's headline is one too, even when it shares the article's topic; and two or three
    headline-shaped lines in a row are such a run ("احتجاجات العراق: العبادي يضع قوات الجيش …" then
    "احتجاجات البصرة: الشرطة العراقية تحبط …"): a section title of the article stands alone before
    its prose, and four or more lines in a row, or lines all with a bracket ("لندن، المملكة المتحدة
    (2.7 تريليون دولار)"), are the article's own list."""
    i = 0
    while i < len(state):
        j = i
        while j < len(state) and state[j] == "shaped":
            j += 1
        if 2 <= j - i <= RUN_MAX and not all(bracketed[i:j]):
            state[i:j] = ["headline"] * (j - i)
        i = max(j, i + 1)
    changed = True
    while changed:
        changed = False
        for i, st in enumerate(state):
            if st == "shaped" and any(0 <= j < len(state) and state[j] == "headline" for j in (i - 1, i + 1)):
                state[i], changed = "headline", True


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
            # The dateline heading the story is metadata, not clutter: its places are entities
            # of the article (gold convention; Doc.in_boilerplate and the output leave it out),
            # but no participant of the lead's events (the actors stage skips it).
            out.append(Boilerplate(start, start + dm.end(), "dateline", Provenance(STAGE, name)))
            if doc.cache.get("dateline") is None:
                doc.cache["dateline"] = dm.groupdict().get("place")
                doc.cache["dateline_span"] = (start, start + dm.end())
            break
    for name, pat in pats["byline"]:
        if pat.match(content):
            out.append(Boilerplate(start, end, "byline", Provenance(STAGE, name)))
            return out, True
    return out, False


@stage("boilerplate", requires=("sentences",),
       assigns=("boilerplate", "sentences"))
class BoilerplateStage:
    """Page clutter: related links, share prompts, credits, bylines, datelines, other stories' leads."""

    def __call__(self, doc: Doc) -> Doc:
        doc.boilerplate = detect(doc)
        for s in doc.sentences:  # a binary search, not a scan of every span (linear time)
            s.boilerplate = doc.in_boilerplate(s.start, s.end, dateline=True)
        return doc
