"""Common misspellings of the words of actor names ("ميليشات" and "ميلشيات" for "ميليشيات",
ant_news 2018): the dictionary matches a key with such a word in each misspelt form too."""
from __future__ import annotations

from marsad import resources
from marsad.text.normalize import normalize

_WORDS = resources.read_yaml("actors", "resolver_words.yaml")["spelling_variants"]
SPELLING_VARIANTS = {normalize(w): tuple(map(normalize, vs)) for w, vs in _WORDS.items()}


def misspelt(key: str) -> list[str]:
    """The normalised key with one of its words misspelt, each way the variants list gives."""
    words = key.split()
    return [" ".join(words[:n] + [v] + words[n + 1:])
            for n, w in enumerate(words) for v in SPELLING_VARIANTS.get(w, ())]
