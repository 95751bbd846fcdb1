"""Package data: each stage's words, rules and models under ``resources/<stage>/``.

One loader for all of them: :func:`path` names a file, :func:`read_yaml` parses YAML with
libyaml's C loader when PyYAML has it (several times faster than the pure-Python one, and start-up
cost is paid by every worker process and every single-document call).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent


def path(stage: str, name: str) -> Path:
    """The resource file ``name`` of ``stage`` (``path("times", "times.yaml")``)."""
    return ROOT / stage / name


def read_yaml(stage: str, name: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path(stage, name).read_text(encoding="utf-8"), Loader=loader)


def read_words(stage: str, name: str) -> list[str]:
    """The words of a word-list file: whitespace-separated, ``#`` starts a comment to the line's end."""
    words: list[str] = []
    for line in path(stage, name).read_text(encoding="utf-8").splitlines():
        words += line.split("#", 1)[0].split()
    return words
