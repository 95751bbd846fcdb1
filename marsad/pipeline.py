"""The analysis pipeline: registered stages (marsad.registry), each reading the Doc and adding layers.

Stages run in order: text (segment, tokenise) → boilerplate → entities → actors → times →
statements → events → stances. The order is checked when a pipeline is built: every layer a
stage requires must be a document input or assigned by an earlier stage.
"""
from __future__ import annotations

import gc
from importlib import import_module
from typing import Iterable, Protocol

from marsad.doc import Doc
from marsad.registry import INPUTS, LAYERS, REGISTRY, StageInfo

DEFAULT_ORDER = ("text", "boilerplate", "entities", "actors", "times", "statements", "events", "stances",
                 "verbal_events")
# A stage whose module is not ``marsad.<name>.stage``: a second stage of a stage's package.
_MODULES = {"verbal_events": "marsad.events.verbal"}


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


LONG_TEXT = 200_000  # characters: a document above this is analysed with the cyclic collector paused


class PipelineError(ValueError):
    """A pipeline whose stages cannot run in the given order, or a stage that broke its contract."""


def registered(name: str) -> StageInfo:
    """The registry entry of stage ``name`` (its module is imported on first use)."""
    if name not in REGISTRY:
        import_module(_MODULES.get(name, f"marsad.{name}.stage"))
    return REGISTRY[name]


def default_stages() -> list[Stage]:
    return [registered(n).factory() for n in DEFAULT_ORDER]


def check_order(stages: Iterable[Stage]) -> None:
    """Raise :class:`PipelineError` when a stage requires a layer no earlier stage assigns."""
    available = set(INPUTS)
    for s in stages:
        missing = [x for x in getattr(s, "requires", ()) if x not in available]
        if missing:
            raise PipelineError(f"stage {s.name!r} requires {', '.join(missing)}, which no earlier stage assigns")
        available.update(getattr(s, "assigns", ()))


class Pipeline:
    def __init__(self, stages: Iterable[Stage] | None = None, check_writes: bool = False):
        self.stages = list(stages) if stages is not None else default_stages()
        check_order(self.stages)
        self.check_writes = check_writes

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Doc) -> Doc:
        # A long document's objects stay alive until its analysis ends, and the cyclic
        # collector's full passes scan all of them again and again: time grew faster than length
        # (2.2 s per MB at 0.5 MB, 2.8 at 4 MB; 2.4 and 2.3 with the collector paused).
        paused = len(doc.text) > LONG_TEXT and gc.isenabled()
        if paused:
            gc.disable()
        try:
            for stage in self.stages:
                if self.check_writes:
                    doc = _run_checked(stage, doc)
                else:
                    doc = stage(doc)
        finally:
            if paused:
                gc.enable()
        _freeze_resources()
        return doc

    def upto(self, name: str) -> "Pipeline":
        """The pipeline truncated after stage ``name`` (for benchmarks and tests)."""
        out = []
        for s in self.stages:
            out.append(s)
            if s.name == name:
                break
        return Pipeline(out, self.check_writes)


def _run_checked(stage: Stage, doc: Doc) -> Doc:
    """Run ``stage`` and raise :class:`PipelineError` if it changed a layer it does not assign
    (a full comparison of every layer: for tests, not for production runs)."""
    kept = [x for x in LAYERS if x not in stage.assigns]
    before = {x: repr(getattr(doc, x)) for x in kept}
    doc = stage(doc)
    changed = [x for x in kept if repr(getattr(doc, x)) != before[x]]
    if changed:
        raise PipelineError(f"stage {stage.name!r} wrote {', '.join(changed)}, which it does not assign")
    return doc


_FROZEN = False


def _freeze_resources() -> None:
    """Once per process, after the first document: move everything alive into the garbage
    collector's permanent generation.

    Models, dictionaries and lexicons load lazily during the first document and then live as
    long as the process: hundreds of thousands of objects that every full collection would
    otherwise scan again (about a tenth of the analysis time on a batch of news articles).
    """
    global _FROZEN
    if not _FROZEN:
        _FROZEN = True
        gc.freeze()


_DEFAULT: Pipeline | None = None


def analyze(text: str, doc_id: str = "doc", published: str | None = None, **meta) -> Doc:
    """Analyse one text with the default pipeline (loaded once per process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT(Doc(text=text, id=doc_id, published=published, **meta))
