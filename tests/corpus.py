"""The shared news corpus for tests, read once per test session (skips when ../shared is absent)."""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ANT = SHARED / "data" / "ant_news" / "dev.jsonl.gz"


@lru_cache(maxsize=1)
def ant_news() -> dict[str, dict]:
    """The ANT news articles by id, in corpus order."""
    if not ANT.is_file():
        pytest.skip("../shared/data/ant_news is not beside the repository")
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def first_articles(n: int) -> list[dict]:
    return list(ant_news().values())[:n]
