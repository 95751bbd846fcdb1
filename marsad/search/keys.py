"""Search keys of Arabic words: one spelling-, clitic- and inflection-free key per word.

FTS5 cannot run a Python tokenizer, so Marsad indexes a key text: each word of a document
becomes one key, and a query's words go through the same function. A key folds the spelling
variants of the matching normalisation (hamza and alef forms, alef maqsura / ya, ta marbuta /
ha, diacritics, tatweel), removes proclitics (و ف ب ل ك, the article ال and their combinations:
والأمريكيون → أمريكيون; single-letter clitics only when the word-frequency lexicon earns the
split, so وزير stays whole) and the plural, feminine and nisba endings (ون ين ات ة ي), so that
امريكي, الأمريكية and والأمريكيون share one key, and امريكا finds أمريكا.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from marsad import resources
from marsad.text.morphology import segment_word
from marsad.text.normalize import normalize

WORD_RE = re.compile(r"[^\W_]+")
MIN_STEM = 3
_KEYS = resources.read_yaml("search", "keys.yaml")
_ARTICLES = tuple(_KEYS["articles"])
_ENDINGS = tuple(_KEYS["endings"])
_NISBA = _KEYS["nisba"]


@lru_cache(maxsize=1)
def variants() -> dict[str, str]:
    """Loanword spelling variants (resources/search/variants.tsv): key → key searched under."""
    out = {}
    for line in resources.path("search", "variants.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            form, _, key = line.partition("\t")
            out[form.strip()] = key.strip()
    return out


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The search key of one word ('' when it has no letters or digits)."""
    if not word:
        return ""
    if word.isdigit() or word.isascii():
        return normalize(word).lower()
    pro, stem, enc = segment_word(word)
    w = stem if pro or enc else normalize(word)
    if enc == _NISBA:  # a final ي is the nisba far more often than "my": مصري is not مصر + ي
        w = normalize(word)[len(pro):]
    for art in _ARTICLES:
        if w.startswith(art) and len(w) - len(art) >= MIN_STEM:
            w = w[len(art):]
            break
    for end in _ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= MIN_STEM:
            w = w[: -len(end)]
            break
    if w.endswith(_NISBA) and len(w) > MIN_STEM + 1:  # the nisba: امريكي → امريك (not ولاي)
        w = w[:-1]
    return variants().get(w, w)


def words(text: str) -> Iterator[re.Match]:
    """Words of a text (letters and digits, Arabic or not), as matches with their offsets."""
    return WORD_RE.finditer(text)


def key_text(text: str) -> str:
    """The indexed form of a text: its word keys separated by spaces."""
    return " ".join(k for k in (word_key(m.group()) for m in words(text)) if k)


def query_keys(query: str) -> list[str]:
    """Distinct keys of a query's words, in order."""
    out: list[str] = []
    for m in words(query):
        k = word_key(m.group())
        if k and k not in out:
            out.append(k)
    return out


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression for a user query: every key quoted (no FTS syntax from the
    request reaches SQLite), all of them required. None when the query has no word."""
    keys = query_keys(query)
    if not keys:
        return None
    return " AND ".join('"' + k.replace('"', '""') + '"' for k in keys)
