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


def decode(data: bytes) -> tuple[str | None, str]:
    """Decode bytes of a text file: UTF-8 (with or without BOM), else windows-1256 / ISO-8859-6.

    Returns (text or None, encoding or reason).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            return None, f"invalid UTF-8 after BOM at byte {e.start + 3}"
    if b"\x00" in data[:4096]:
        for enc in ("utf-16",):
            if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
                try:
                    return data.decode(enc), enc
                except UnicodeDecodeError:
                    pass
        return None, "binary content, not text"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
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
    doc_id = str(rec["id"]) if rec.get("id") not in (None, "") else default_id
    return Record(doc_id, text, _meta(rec, "title"), _meta(rec, "published"), _meta(rec, "url"),
                  _meta(rec, "source"), name)


def read_file(path: Path, doc_id: str | None = None) -> Iterator[Record | InputError]:
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
        yield InputError(name, f"file too large ({size / 2**20:.1f} MB > {MAX_BYTES / 2**20:.0f} MB limit)")
        return
    stem = path.name.split(".")[0] if gz else path.stem
    if kind in JSONL_SUFFIXES:
        yield from _read_jsonl(path, gz)
        return
    try:
        data = gzip.decompress(path.read_bytes()) if gz else path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield InputError(name, f"cannot read: {e}")
        return
    if kind in JSON_SUFFIXES:
        try:
            obj = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            yield InputError(name, f"malformed JSON: {e}")
            return
        items = obj if isinstance(obj, list) else [obj]
        for i, rec in enumerate(items):
            label = f"{name}[{i}]" if isinstance(obj, list) else name
            yield _from_json(rec, label, doc_id or (f"{stem}-{i + 1}" if isinstance(obj, list) else stem))
        return
    text, enc = decode(data)
    if text is None:
        yield InputError(name, enc)
        return
    if kind in HTML_SUFFIXES or (not kind and text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))):
        try:
            page = extract_html(text)
        except Exception as e:  # a parser failure on one page must not stop the batch
            yield InputError(name, f"malformed HTML: {e}")
            return
        yield Record(doc_id or stem, page.text, page.title, page.published, page.url, None, name, text)
        return
    yield Record(doc_id or stem, text, None, None, None, None, name)


def _read_jsonl(path: Path, gz: bool) -> Iterator[Record | InputError]:
    name = str(path)
    opener = gzip.open if gz else open
    try:
        with opener(path, "rb") as f:
            for n, raw in enumerate(f, 1):
                label = f"{name}:{n}"
                if not raw.strip():
                    continue
                if len(raw) > MAX_BYTES:
                    yield InputError(label, f"record too large ({len(raw) / 2**20:.1f} MB)")
                    continue
                try:
                    rec = json.loads(raw.decode("utf-8-sig"))
                except (UnicodeDecodeError, json.JSONDecodeError) as e:
                    yield InputError(label, f"malformed JSON line: {e}")
                    continue
                yield _from_json(rec, label, f"{path.name.split('.')[0]}-{n}")
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield InputError(name, f"cannot read: {e}")


def read_paths(paths: list[str], doc_id: str | None = None) -> Iterator[Record | InputError]:
    """Records from files and directories (recursively, in sorted order)."""
    for p in paths:
        path = Path(p)
        if p == "-":
            import sys

            data = sys.stdin.buffer.read()
            text, enc = decode(data)
            yield Record(doc_id or "stdin", text, origin="-") if text is not None else InputError("-", enc)
        elif path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not f.name.startswith("."):
                    yield from read_file(f)
        elif path.exists():
            yield from read_file(path, doc_id)
        else:
            yield InputError(p, "no such file or directory")
