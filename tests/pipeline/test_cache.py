"""The compiled start-up cache: reused while its sources are unchanged, rebuilt when one changes."""
from __future__ import annotations

import os
import subprocess
import sys

from marsad.resources import cache


def test_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_CACHE", str(tmp_path / "c"))
    src = tmp_path / "words.txt"
    src.write_text("a b c", "utf-8")
    builds = []

    def build():
        builds.append(1)
        return {"words": src.read_text("utf-8").split()}

    assert cache.compiled("t", [src], build) == {"words": ["a", "b", "c"]}
    assert cache.compiled("t", [src], build) == {"words": ["a", "b", "c"]}
    assert len(builds) == 1
    src.write_text("a b c d", "utf-8")  # an edited source is a new key: rebuilt, the stale file removed
    assert cache.compiled("t", [src], build) == {"words": ["a", "b", "c", "d"]}
    assert len(builds) == 2 and len(list((tmp_path / "c").glob("t-*.pickle"))) == 1


def test_a_corrupt_or_unwritable_cache_only_costs_the_build(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    monkeypatch.setenv("MARSAD_CACHE", str(folder))
    src = tmp_path / "w.txt"
    src.write_text("x", "utf-8")
    cache.compiled("t", [src], lambda: 1)
    next(folder.glob("t-*.pickle")).write_bytes(b"not a pickle")
    assert cache.compiled("t", [src], lambda: 2) == 2
    monkeypatch.setenv("MARSAD_CACHE", "/proc/marsad-cannot-write-here")
    assert cache.compiled("t", [src], lambda: 3) == 3
    monkeypatch.setenv("MARSAD_CACHE", "off")
    assert cache.compiled("t", [src], lambda: 4) == 4


def test_the_analysis_is_the_same_with_and_without_the_cache(tmp_path):
    text = "وقال وزير الخارجية الأمريكي مايك بومبيو في بغداد إن واشنطن تدعم الحكومة العراقية."
    (tmp_path / "a.txt").write_text(text, "utf-8")

    def run(setting):
        env = {**os.environ, "MARSAD_CACHE": setting}
        return subprocess.run([sys.executable, "-m", "marsad.cli", "analyze", str(tmp_path / "a.txt"), "--json"],
                              capture_output=True, text=True, env=env).stdout

    cold = run(str(tmp_path / "c"))
    warm = run(str(tmp_path / "c"))
    assert cold == warm == run("off") and '"actors"' in cold
