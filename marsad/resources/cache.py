"""A compiled cache of the expensive start-up objects (NER model tables, actor dictionary).

Building them from their sources costs seconds of CPU that every worker process and every
single-document call would pay. The built object is pickled once under the user's cache folder
(``$MARSAD_CACHE``, else ``$XDG_CACHE_HOME/marsad``, else ``~/.cache/marsad``), keyed by the
content hash of every source file — data and the code that builds it — so an edited word list,
a retrained model or a changed builder is rebuilt on first use. ``MARSAD_CACHE=off`` disables it;
a cache folder that cannot be written only costs the build time.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from marsad import __version__

T = TypeVar("T")


def cache_dir() -> Path | None:
    setting = os.environ.get("MARSAD_CACHE")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "marsad"


# Code every compiled object depends on besides its own builder: word normalisation and clitics
# (with the clitic inventory segment.py reads).
_SHARED_CODE = [Path(__file__).resolve().parents[1] / "text" / name for name in ("normalize.py", "segment.py")] + [
    Path(__file__).resolve().parent / "text" / "clitics.yaml"]


def source_key(sources: Iterable[Path]) -> str:
    h = hashlib.sha256(f"{__version__}|{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    for p in sorted({Path(s) for s in sources} | set(_SHARED_CODE)):
        h.update(str(p.name).encode())
        h.update(p.read_bytes() if p.is_file() else b"<missing>")
    return h.hexdigest()[:20]


def compiled(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier process with the same sources."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{source_key(sources)}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except Exception:  # missing, unreadable or from another library version: rebuild it
        pass
    obj = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: concurrent processes never read a half-written file
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return obj
