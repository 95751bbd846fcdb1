"""Input readers: files, HTML pages, JSON/JSONL records and directories to :class:`Record`s.

A reader never raises for a bad document: it yields an :class:`InputError` naming the document
and the reason, so one bad file never loses the good documents of a batch.
"""
from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import regex

from marsad.ingest.html import extract_html

MAX_BYTES = int(os.environ.get("MARSAD_MAX_BYTES", 10 * 1024 * 1024))
# Longest text analysed (after HTML extraction). Time and memory grow linearly with length, about
# 0.4 KB of memory per character: 2.5 million characters (a 4.3 MB Arabic text) peak near 1.1 GB.
MAX_CHARS = int(os.environ.get("MARSAD_MAX_CHARS", 2_500_000))
# Invalid UTF-8 bytes kept as U+FFFD (with a warning) while the rest decodes as UTF-8: at most
# this many, or one per 100 non-ASCII characters, whichever is more (a cut-off last character or
# a stray byte in a scraped page); beyond it the text is not UTF-8.
_MAX_BAD_UTF8 = 8
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_ARABIC = regex.compile(r"\p{Arabic}")
_LETTER = regex.compile(r"\p{L}")
_SYMBOL = regex.compile(r"[\p{S}\p{Co}\p{Cn}\p{Cf}\x80-\xff]")


@dataclass(slots=True)
class Record:
    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # file (and line) it came from
    html: str | None = None  # the raw page, when the text was extracted from HTML
    named: bool = False  # the id was given (--id, the record's "id"), not derived from a file name
    warning: str | None = None  # something repaired on reading (invalid bytes replaced)


@dataclass(slots=True)
class InputError:
    document: str
    reason: str

    def __str__(self) -> str:
        return f"{self.document}: {self.reason}"


def check_text(text: str, name: str, max_chars: int | None = None) -> str | None:
    """Reason a decoded text cannot be analysed, or None when it is fine."""
    if not text or not text.strip():
        return "empty document (no text)"
    if max_chars is not None and len(text) > max_chars:
        return f"document too large ({len(text):,} characters > {max_chars:,} limit)"
    sample = text[:20000]
    if sample.count("\x00") or sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f") > len(sample) * 0.05:
        return "binary content, not text"
    letters = len(_LETTER.findall(sample))
    arabic = len(_ARABIC.findall(sample))
    if letters == 0 or arabic / letters < 0.3:
        return f"not Arabic text ({arabic} Arabic of {letters} letters)"
    # Mis-decoded bytes come out as letter soup: no word spacing, many symbols.
    if len(sample) > 200:
        spaces = sum(1 for c in sample if c.isspace())
        symbols = len(_SYMBOL.findall(sample))
        if spaces / len(sample) < 0.04 or symbols / len(sample) > 0.15:
            return "garbled text (mis-encoded or binary bytes)"
    return None


def decode_utf8(data: bytes, offset: int = 0) -> tuple[str | None, str | None]:
    """UTF-8 text of ``data`` and a warning when a few invalid bytes were replaced by U+FFFD;
    (None, reason) when too many bytes are invalid for the data to be UTF-8 at all.

    ``offset`` is added to byte positions in the warning (a BOM, a line's start)."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        first = e.start
    text = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    wide = sum(1 for c in text if c > "\x7f") - bad
    if bad > max(_MAX_BAD_UTF8, wide // 100):
        return None, f"invalid UTF-8 ({bad:,} bad bytes, the first at byte {first + offset:,})"
    fixed = "".join("\ufffd" if "\udc80" <= c <= "\udcff" else c for c in text)
    return fixed, (f"{bad} invalid UTF-8 byte{'s' if bad > 1 else ''} replaced by U+FFFD "
                   f"(the first at byte {first + offset:,})")


def decode(data: bytes) -> tuple[str | None, str]:
    """Decode bytes of a text file: UTF-8 (with or without BOM; a few invalid bytes replaced),
    else windows-1256 / ISO-8859-6.

    Returns (text or None, encoding or reason); the encoding says what was replaced, if anything
    (``utf-8; 1 invalid UTF-8 byte replaced …``).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text, note = decode_utf8(data[3:], 3)
        if text is None:
            return None, f"{note} after a UTF-8 BOM"
        return text, "utf-8-sig" + (f"; {note}" if note else "")
    if b"\x00" in data[:4096]:
        for enc in ("utf-16",):
            if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
                try:
                    return data.decode(enc), enc
                except UnicodeDecodeError:
                    pass
        return None, "binary content, not text"
    text, note = decode_utf8(data)
    if text is not None:
        return text, "utf-8" + (f"; {note}" if note else "")
    # Arabic single-byte encodings: keep the decoding whose letters are most Arabic (windows-1256
    # decodes ISO-8859-6 bytes too, but into Latin accented letters), else ask charset-normalizer.
    best_text, best_enc, best_share = None, "", 0.0
    for candidate in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        sample = text[:20000]
        letters = len(_LETTER.findall(sample)) or 1
        share = len(_ARABIC.findall(sample)) / letters
        if share > best_share:
            best_text, best_enc, best_share = text, candidate, share
    if best_text is not None and best_share >= 0.5:
        return best_text, best_enc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None, "undecodable bytes (not UTF-8, windows-1256 or ISO-8859-6)"
    return str(best), best.encoding


def _meta(rec: dict, key: str) -> str | None:
    v = rec.get(key)
    return None if v is None else str(v)


def _from_json(rec: object, name: str, default_id: str) -> Record | InputError:
    if not isinstance(rec, dict):
        return InputError(name, "JSON record is not an object")
    text = rec.get("text")
    if not isinstance(text, str):
        return InputError(name, "JSON record has no 'text' string")
    named = rec.get("id") not in (None, "")
    doc_id = str(rec["id"]) if named else default_id
    return Record(doc_id, text, _meta(rec, "title"), _meta(rec, "published"), _meta(rec, "url"),
                  _meta(rec, "source"), name, named=named)


def _warned(item: Record | InputError, note: str | None) -> Record | InputError:
    if note and isinstance(item, Record):
        item.warning = note
    return item


def read_file(path: Path, doc_id: str | None = None,
              default_id: str | None = None) -> Iterator[Record | InputError]:
    """The records of one file. ``doc_id``: the id the user gave; ``default_id``: the id to
    derive record ids from instead of the file name (unique among the files of a batch)."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        yield InputError(name, f"cannot read: {e.strerror}")
        return
    suffixes = [s.lower() for s in path.suffixes]
    gz = suffixes[-1:] == [".gz"]
    kind = (suffixes[-2] if gz and len(suffixes) >= 2 else suffixes[-1]) if suffixes else ""
    if size > MAX_BYTES and kind not in JSONL_SUFFIXES:
        yield InputError(name, f"file too large ({size / 2**20:.1f} MB > {MAX_BYTES / 2**20:.0f} MB "
                               "limit, MARSAD_MAX_BYTES)")
        return
    stem = default_id or (path.name.split(".")[0] if gz else path.stem)
    if kind in JSONL_SUFFIXES:
        yield from _read_jsonl(path, gz, stem)
        return
    try:
        data = gzip.decompress(path.read_bytes()) if gz else path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield InputError(name, f"cannot read: {e}")
        return
    if kind in JSON_SUFFIXES:
        yield from _read_json(data, name, stem, doc_id)
        return
    text, enc = decode(data)
    if text is None:
        yield InputError(name, enc)
        return
    note = enc.split("; ", 1)[1] if "; " in enc else None
    if kind in HTML_SUFFIXES or (not kind and text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))):
        try:
            page = extract_html(text)
        except Exception as e:  # a parser failure on one page must not stop the batch
            yield InputError(name, f"malformed HTML: {e}")
            return
        yield _warned(Record(doc_id or stem, page.text, page.title, page.published, page.url, None,
                             name, text, named=doc_id is not None), note)
        return
    yield _warned(Record(doc_id or stem, text, None, None, None, None, name,
                         named=doc_id is not None), note)


def _parse_json(data: bytes) -> tuple[object, str | None]:
    """(parsed JSON, note on replaced bytes) of UTF-8 bytes; ValueError when they are not JSON."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text, note = decode_utf8(data)
    if text is None:
        raise ValueError(note)
    return json.loads(text), note


def _read_json(data: bytes, name: str, stem: str, doc_id: str | None) -> Iterator[Record | InputError]:
    try:
        obj, note = _parse_json(data)
    except ValueError as e:
        yield InputError(name, f"malformed JSON: {e}")
        return
    items = obj if isinstance(obj, list) else [obj]
    for i, rec in enumerate(items):
        label = f"{name}[{i}]" if isinstance(obj, list) else name
        default = f"{stem}-{i + 1}" if isinstance(obj, list) else stem
        item = _from_json(rec, label, doc_id or default)
        if doc_id is not None and isinstance(item, Record):
            item.named = True
        yield _warned(item, note)


def _read_jsonl(path: Path, gz: bool, stem: str) -> Iterator[Record | InputError]:
    name = str(path)
    opener = gzip.open if gz else open
    try:
        with opener(path, "rb") as f:
            for n, raw in enumerate(f, 1):
                label = f"{name}:{n}"
                if not raw.strip():
                    continue
                if len(raw) > MAX_BYTES:
                    yield InputError(label, f"record too large ({len(raw) / 2**20:.1f} MB > "
                                            f"{MAX_BYTES / 2**20:.0f} MB limit, MARSAD_MAX_BYTES)")
                    continue
                try:
                    rec, note = _parse_json(raw)
                except ValueError as e:
                    yield InputError(label, f"malformed JSON line: {e}")
                    continue
                yield _warned(_from_json(rec, label, f"{stem}-{n}"), note)
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield InputError(name, f"cannot read: {e}")


def _file_stem(path: Path) -> str:
    return path.name.split(".")[0] if path.name.endswith(".gz") else path.stem


def default_ids(files: list[tuple[Path, Path]]) -> dict[Path, str]:
    """An id for each (root, file) of a batch that no other file of the batch shares: the file
    name without its suffix, else (names shared by files in different folders, such as
    2024-01-01/index.html and 2024-01-02/index.html) the path below the root without the suffix,
    else the path below the root."""
    stems: dict[str, int] = {}
    for _, f in files:
        stems[_file_stem(f)] = stems.get(_file_stem(f), 0) + 1
    out: dict[Path, str] = {}
    for root, f in files:
        stem = _file_stem(f)
        if stems[stem] > 1:
            rel = f.relative_to(root) if root != f else Path(f.name)
            stem = (rel.parent / stem).as_posix()
        out[f] = stem
    taken: dict[str, int] = {}
    for v in out.values():
        taken[v] = taken.get(v, 0) + 1
    for root, f in files:
        if taken[out[f]] > 1:  # a.txt and a.html in one folder
            out[f] = (f.relative_to(root) if root != f else Path(f.name)).as_posix()
    return out


def read_paths(paths: list[str], doc_id: str | None = None) -> Iterator[Record | InputError]:
    """Records from files and directories (recursively, in sorted order)."""
    import sys

    plan: list[tuple[str, Path | None, Path | None]] = []  # (given path, root, file)
    for p in paths:
        path = Path(p)
        if p == "-":
            plan.append((p, None, None))
        elif path.is_dir():
            plan += [(p, path, f) for f in sorted(path.rglob("*"))
                     if f.is_file() and not f.name.startswith(".")]
        else:
            plan.append((p, path, path))
    ids = default_ids([(root, f) for _, root, f in plan if f is not None and f.exists()])
    for p, root, f in plan:
        if f is None:
            text, enc = decode(sys.stdin.buffer.read())
            if text is None:
                yield InputError("-", enc)
            else:
                note = enc.split("; ", 1)[1] if "; " in enc else None
                yield _warned(Record(doc_id or "stdin", text, origin="-", named=doc_id is not None), note)
        elif f.exists():
            yield from read_file(f, doc_id if root == f else None, ids.get(f))
        else:
            yield InputError(p, "no such file or directory")
