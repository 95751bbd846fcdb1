"""The progress bar of ``ingest`` and ``analyze`` (rich, on stderr): documents done of the total,
documents per second, errors so far and the time left. Shown only when stderr is a terminal, the
input holds more than one document and ``--quiet`` is not given."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "– docs/s", style="progress.data.speed")


class Bar:
    """Advance once per document; ``errors`` is shown beside the rate."""

    def __init__(self, progress: Progress | None, task=None):
        self._progress, self._task, self.errors = progress, task, 0

    def advance(self, failed: bool = False) -> None:
        self.errors += failed
        if self._progress is not None:
            self._progress.update(self._task, advance=1, errors=self.errors)


def wanted(quiet: bool, stream=None) -> bool:
    stream = stream or sys.stderr
    return not quiet and hasattr(stream, "isatty") and stream.isatty()


@contextmanager
def progress_bar(paths: list[str], quiet: bool, label: str) -> Iterator[Bar]:
    """A :class:`Bar` that draws on a terminal's stderr, or counts silently otherwise."""
    if not wanted(quiet):
        yield Bar(None)
        return
    from marsad.ingest.stream import count_records

    total = count_records(paths)
    if total is not None and total <= 1:
        yield Bar(None)
        return
    progress = Progress(
        TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), _Rate(),
        TextColumn("errors {task.fields[errors]}"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(), console=Console(file=sys.stderr), transient=False,
        # output printed to a terminal goes above the bar; output to a file or pipe stays there
        redirect_stdout=sys.stdout.isatty())
    with progress:
        yield Bar(progress, progress.add_task(label, total=total, errors=0))
