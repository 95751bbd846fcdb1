"""Other stories' lead paragraphs appended at the end of a page.

CNN Arabic ends many pages with the leads of up to five other stories: full sentences with full
punctuation and no marker. They are told from the article's own closing paragraphs by content
and position, not by phrases:

- position: a run of paragraphs reaching the end of the text, never the first paragraph;
- form: each opens like a lead (no conjunction و/ف, no discourse link such as "جاء ذلك",
  "من جانبه", no anaphor among its first words) and is a full sentence;
- content: it brings its own actors and vocabulary — few of its topical words (those not
  common in news) occur anywhere earlier in the article.

A lone paragraph must be plainly foreign; a run of two or more may share a little more with the
article (several stories of the same day share places and office titles).
Words and thresholds: ``resources/boilerplate/leads.yaml``.
"""
from __future__ import annotations

import math
from functools import lru_cache

import regex

from marsad import resources
from marsad.text.morphology import lexicon, segment_word
from marsad.text.normalize import normalize, word_set

_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_CLOSED = regex.compile(r"[.!?؟:…\"»”)\]]\s*$")
# The article and the conjunctions و/ف (resources/boilerplate/words.yaml, shared with the stage).
_WORDS = resources.read_yaml("boilerplate", "words.yaml")


@lru_cache(maxsize=1)
def _config() -> dict:
    data = resources.read_yaml("boilerplate", "leads.yaml")
    cfg = dict(data)
    # used with .match (anchored at the position given, which ^ would not be)
    cfg["opening"] = regex.compile("(?:" + "|".join(data["continuation"]) + ")", regex.V1)
    cfg["anaphora"] = word_set(data["anaphora"])
    days, parts = "|".join(data["day_names"]), "|".join(data["day_parts"])
    cfg["dated"] = regex.compile(rf"[،,]\s*(?:(?:{parts})\s+)?(?:{days})\s*[،,]")
    lex = lexicon()
    cfg["total"] = max(lex.values()) + 1
    return cfg


def _topical(words: list[str], cfg: dict) -> dict[str, float]:
    """The paragraph's topical words (stems without ال) with their rarity weights."""
    lex, common, out = lexicon(), cfg["common_count"], {}
    for w in words:
        stem = segment_word(w)[1]
        if stem.startswith(_WORDS["article"]) and len(stem) > 4:
            stem = stem[2:]
        n = lex.get(stem, 0)
        if len(stem) >= 3 and n < common:
            out[stem] = min(cfg["max_weight"], math.log(cfg["total"] / (n + 1)))
    return out


def _conjunction(word: str) -> bool:
    """Does the paragraph's first word carry the conjunction و/ف (وأضاف, فقد)?

    A word that is frequent whole while its remainder is no word is a noun (وزير, وكالة,
    واشنطن); any other و/ف-initial word is read as conjunction + word.
    """
    w = normalize(word)
    if len(w) < 3 or w[0] not in _WORDS["conjunction_letters"]:
        return False
    lex = lexicon()
    return not (lex.get(w, 0) >= 50 and lex.get(w[1:], 0) < 5)


def _opens_like_lead(para: str, words: list[str], cfg: dict) -> bool:
    if len(words) < cfg["min_words"] or _conjunction(words[0]) or cfg["opening"].match(para) \
            or para[0] in _WORDS["conjunction_letters"] and cfg["opening"].match(para, 1):
        return False
    return not any(normalize(w) in cfg["anaphora"] for w in words[:4])


def other_leads(paragraphs: list[str]) -> list[int]:
    """Indices of the trailing paragraphs that are other stories' leads."""
    cfg = _config()
    words = [_WORD_RE.findall(p) for p in paragraphs]
    if len(paragraphs) < 3:
        return []
    first = len(paragraphs)  # the run of lead-like paragraphs reaching the end
    while first > 1 and _opens_like_lead(paragraphs[first - 1], words[first - 1], cfg):
        first -= 1
    if first == len(paragraphs):
        return []
    topical = [_topical(ws, cfg) for ws in words]
    # the article: what comes before the run, and each paragraph of the run that shares
    # enough with it (another story's lead must not count as the article for the next one)
    article = set().union(*topical[:first])
    verdicts = []
    for i in range(first, len(paragraphs)):
        verdict = _foreign(topical[i], article, cfg)
        if verdict is None:
            article |= topical[i].keys()
        verdicts.append(verdict)
    # a teaser cut off before its end (no closing punctuation) opens the block of other
    # stories even when it shares the article's topic (same-day stories on one affair)
    # (two cut-off teasers or more are a block whatever they share: one alone must be foreign)
    cut_off = [i for i in range(first, len(paragraphs)) if not _CLOSED.search(paragraphs[i])]
    cut = next((i for i in cut_off
                if len(cut_off) >= 2 or _weight(topical[i], article) < cfg["cut_weight"]), None)
    found = _verdict_block(paragraphs, first, verdicts, cut, cfg)
    # (and the block their dates tell, where it reaches further back)
    return sorted(set(found) | set(_dated_block(paragraphs, first, cfg)))


def _verdict_block(paragraphs: list[str], first: int, verdicts: list, cut: int | None, cfg: dict) -> list[int]:
    """The trailing paragraphs that the content verdicts make other stories' leads."""
    strict = sum(v == "strict" for v in verdicts)
    if first >= 2 and len(verdicts) >= cfg["block_min"] and verdicts[0] == "strict" and 2 * strict >= len(verdicts):
        # the block opens with a plainly foreign lead and is mostly foreign: the others in it are
        # stories of the same day that share a place or an office with the article, not its text
        return list(range(first, len(paragraphs)))
    run = []
    for k in range(len(verdicts) - 1, -1, -1):
        if verdicts[k] is None:
            break
        run.append(first + k)
    if cut is not None:
        return list(range(min([cut, *run]), len(paragraphs)))
    if len(run) == 1 and verdicts[-1] == "loose":
        return []  # a lone paragraph must be plainly foreign
    return sorted(run)


def _dated_block(paragraphs: list[str], first: int, cfg: dict) -> list[int]:
    """The trailing block of other stories' leads told by their dates: the lead-like paragraphs
    at the end when two or more of them are dated (at most ``block_max`` paragraphs)."""
    n = len(paragraphs)
    dated = [i for i in range(first, n)
             if cfg["dated"].search(" ".join(paragraphs[i].split()[:cfg["dated_words"]]))]
    if len(dated) < cfg["dated_min"]:
        return []
    return list(range(max(first, n - cfg["block_max"], 2), n))  # (the article keeps two paragraphs)


def _weight(mine: dict[str, float], article: set[str]) -> float:
    """Share of the paragraph's topical weight found in the article."""
    total = sum(mine.values())
    return sum(v for w, v in mine.items() if w in article) / total if total else 1.0


def _foreign(mine: dict[str, float], article: set[str], cfg: dict) -> str | None:
    """"strict" / "loose" when the paragraph's topical words are (mostly) not the article's."""
    if not mine:
        return None
    shared = [w for w in mine if w in article]
    weight = _weight(mine, article)
    if len(shared) <= cfg["strict_shared"]:
        return "strict"
    if len(shared) <= cfg["loose_shared"]:
        if weight < cfg["loose_weight"]:
            return "strict"
        if weight < cfg["block_weight"]:
            return "loose"
    return None
