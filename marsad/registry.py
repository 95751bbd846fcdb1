"""Stage registry: each analysis stage is registered by name with the layers it reads and writes.

In the manner of spaCy's ``Language.factory(name, requires=…, assigns=…)``: a stage class is
decorated with :func:`stage`; :class:`marsad.pipeline.Pipeline` checks, when it is built, that
every layer a stage requires was assigned by an earlier stage (or is an input of the document),
and can check at run time that a stage wrote only the layers it assigns.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

# What a document carries before any stage runs (the reader's fields).
INPUTS = ("text", "published", "title")

# Layers a stage may assign: the Doc fields of marsad/doc.py that stages fill.
LAYERS = ("sentences", "tokens", "boilerplate", "entities", "actors", "mentions", "times",
          "reference_date", "statements", "events", "stances", "contradictions")


@dataclass(frozen=True)
class StageInfo:
    name: str
    factory: Callable
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str


REGISTRY: dict[str, StageInfo] = {}


def stage(name: str, *, requires: tuple[str, ...], assigns: tuple[str, ...]) -> Callable:
    """Register the decorated stage class under ``name``."""
    unknown = [x for x in requires + assigns if x not in LAYERS + INPUTS]
    if unknown:
        raise ValueError(f"stage {name}: unknown layers {unknown}")

    def register(cls: type) -> type:
        cls.name = name
        cls.requires, cls.assigns = requires, assigns
        summary = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""
        REGISTRY[name] = StageInfo(name, cls, requires, assigns, summary)
        return cls

    return register
