"""Near-duplicate stories: one story reprinted, cross-posted or updated across documents.

Each document gets a MinHash signature (datasketch) of the word shingles of its normalised story
text (the text less its boilerplate spans, so shared datelines and "follow us" lines do not make
two stories alike). Candidates come from LSH banding with the band count and width datasketch's
``MinHashLSH`` chooses for the threshold; the band keys live in the store (``lsh_bands``) rather
than in memory, so the index persists across ingests, costs no start-up, and stays bounded in
memory for any corpus size. A candidate is a match when its estimated Jaccard similarity reaches
the threshold; matches join clusters (single link). A cluster's canonical document is its
earliest (published date, then id), so clusters do not depend on the order of ingest; every other
member is linked to it in ``duplicates`` (duplicate_of, similarity to the canonical, the document it
matched, stage and rule).
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

import numpy as np
import regex

from marsad import resources
from marsad.store.dialect import lock
from marsad.text.normalize import normalize

STAGE = "track"
RULE = "minhash-lsh"
SCHEME = "affine32"  # datasketch's 32-bit hashing: stored signatures stay comparable across releases
_WORD = regex.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Settings:
    threshold: float
    num_perm: int
    shingle: int
    bands: int
    rows: int


@lru_cache(maxsize=1)
def settings() -> Settings:
    from datasketch import MinHashLSH

    cfg = resources.read_yaml("track", "duplicates.yaml")
    lsh = MinHashLSH(threshold=float(cfg["threshold"]), num_perm=int(cfg["num_perm"]))
    return Settings(float(cfg["threshold"]), int(cfg["num_perm"]), int(cfg["shingle"]), lsh.b, lsh.r)


@lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash

    # Drawn once: drawing them is most of the cost of a fresh MinHash.
    return MinHash(num_perm=settings().num_perm, seed=1, scheme=SCHEME).permutations


def story_text(text: str, boilerplate: Iterable[Iterable[int]] = ()) -> str:
    """The document's text less its boilerplate spans."""
    parts, pos = [], 0
    for start, end in sorted(tuple(b) for b in boilerplate):
        if start > pos:
            parts.append(text[pos:start])
        pos = max(pos, end)
    parts.append(text[pos:])
    return "\n".join(parts)


def shingles(text: str) -> list[bytes]:
    """The distinct word n-grams of the normalised text."""
    words = _WORD.findall(normalize(text))
    k = settings().shingle
    if len(words) <= k:
        return [" ".join(words).encode()] if words else []
    return list({" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)})


def signature(text: str, boilerplate: Iterable[Iterable[int]] = ()) -> np.ndarray | None:
    """MinHash signature (uint32 values) of a document's story text; None when it has no words."""
    from datasketch import MinHash

    grams = shingles(story_text(text, boilerplate))
    if not grams:
        grams = shingles(text)  # all boilerplate: the whole text still identifies a reprint
    if not grams:
        return None
    m = MinHash(num_perm=settings().num_perm, permutations=_permutations(), scheme=SCHEME)
    m.update_batch(grams)
    return m.hashvalues.astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(sig: np.ndarray) -> list[int]:
    """One 64-bit key per LSH band: two documents sharing a key are candidates."""
    cfg = settings()
    keys = []
    for i in range(cfg.bands):
        part = sig[i * cfg.rows:(i + 1) * cfg.rows].tobytes()
        digest = hashlib.blake2b(i.to_bytes(2, "little") + part, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


class DuplicateIndex:
    """The near-duplicate index and clusters held in a store's SQLite database."""

    BATCH = 64  # documents indexed per transaction: a commit per document would double ingest's

    def __init__(self, db):
        self.db = db
        self.cfg = settings()
        self._pending: list[tuple[str, np.ndarray | None]] = []

    # -- writing -------------------------------------------------------------------------
    def add_doc(self, doc) -> None:
        """Index an analysed :class:`~marsad.doc.Doc` already saved in the store (in batches:
        call :meth:`flush` at the end; a document left unindexed by a crash is picked up by
        :meth:`index_missing`)."""
        spans = [(b.start, b.end) for b in doc.boilerplate]
        self._pending.append((doc.id, signature(doc.text, spans)))
        if len(self._pending) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        with self.db.atomic():
            lock(self.db, "marsad:duplicates")  # clusters change as a whole: one writer at a time
            for doc_id, sig in self._pending:
                if not self._indexed(doc_id, sig):
                    self.add(doc_id, sig)
        self._pending.clear()

    def _indexed(self, doc_id: str, sig: np.ndarray | None) -> bool:
        """Is the document indexed with this signature already? Another writer of an
        overlapping batch may have indexed it meanwhile: indexing it again would only unlink and
        relink its whole cluster."""
        row = self.db.execute("SELECT signature FROM doc_minhash WHERE doc_id = ?", [doc_id]).fetchone()
        return row is not None and sig is not None and bytes(row[0]) == sig.tobytes()

    def add(self, doc_id: str, sig: np.ndarray | None) -> None:
        """Index one stored document (replacing its earlier entry) and link it to its matches."""
        with self.db.atomic():
            self._detach(doc_id)
            if sig is None:
                return
            keys = band_keys(sig)
            matches = self._matches(doc_id, sig, keys)
            self.db["doc_minhash"].insert({"doc_id": doc_id, "signature": sig.tobytes()}, replace=True)
            self.db["lsh_bands"].insert_all({"key": k, "doc_id": doc_id} for k in keys)
            if matches:
                self._merge(doc_id, sig, matches)

    def _matches(self, doc_id: str, sig: np.ndarray, keys: list[int]) -> dict[str, tuple[str, float]]:
        """The best-matching document of each cluster (or lone document) among the LSH
        candidates: {cluster head: (document, similarity)}. One match per cluster is enough to
        join it, so a story reprinted a thousand times costs one comparison, not a thousand."""
        marks = ",".join("?" * len(keys))
        by_head: dict[str, list[str]] = {}
        for d, head in self.db.execute(
                "SELECT DISTINCT b.doc_id, COALESCE(x.duplicate_of, b.doc_id) FROM lsh_bands b "
                f"LEFT JOIN duplicates x ON x.doc_id = b.doc_id WHERE b.key IN ({marks})", keys):
            if d != doc_id:
                by_head.setdefault(head, []).append(d)
        out = {}
        for head, docs in sorted(by_head.items()):
            for d in sorted(docs, key=lambda d: (d != head, d)):  # the head first
                sim = similarity(sig, self._signature(d))
                if sim >= self.cfg.threshold:
                    out[head] = (d, sim)
                    break
        return out

    def _merge(self, doc_id: str, sig: np.ndarray, matches: dict[str, tuple[str, float]]) -> None:
        best = max(sorted(matches.values()), key=lambda m: m[1])[0]
        heads = sorted(matches, key=self._order)
        if len(heads) == 1 and self._order(heads[0]) < self._order(doc_id):
            # the usual case: a later copy joins one cluster, nothing else moves
            self.db["duplicates"].insert(self._row(doc_id, heads[0], None, best, sig), replace=True)
            return
        old = self._links(set(heads))
        cluster = sorted({doc_id, *old}, key=self._order)
        head = cluster[0]
        head_sig = sig if head == doc_id else self._signature(head)
        rows = [self._row(d, head, head_sig, best if d == doc_id else old.get(d) or doc_id,
                          sig if d == doc_id else None) for d in cluster[1:]]
        self.db.execute(f"DELETE FROM duplicates WHERE doc_id IN ({','.join('?' * len(cluster))})", cluster)
        self.db["duplicates"].insert_all(rows, replace=True)

    def _row(self, doc_id: str, head: str, head_sig: np.ndarray | None, matched: str,
             sig: np.ndarray | None = None) -> dict[str, Any]:
        """The link of ``doc_id`` to its cluster's head (one of the signatures may be given)."""
        sig = self._signature(doc_id) if sig is None else sig
        head_sig = self._signature(head) if head_sig is None else head_sig
        return {"doc_id": doc_id, "duplicate_of": head, "similarity": round(similarity(sig, head_sig), 4),
                "matched": matched, "stage": STAGE, "rule": RULE}

    def _links(self, heads: set[str]) -> dict[str, str | None]:
        """Every document of the clusters headed by ``heads``, with the document each matched."""
        out: dict[str, str | None] = {h: None for h in heads}
        for h in heads:
            for member, matched in self.db.execute(
                    "SELECT doc_id, matched FROM duplicates WHERE duplicate_of = ?", [h]):
                out[member] = matched
        return out

    def _detach(self, doc_id: str) -> None:
        """Drop a document from the index; the rest of its cluster is linked again without it."""
        if self.db.execute("SELECT 1 FROM doc_minhash WHERE doc_id = ?", [doc_id]).fetchone() is None:
            return
        head = self.canonical(doc_id)
        rest = sorted(set(self._links({head})) - {doc_id}, key=self._order)
        self.db.execute("DELETE FROM lsh_bands WHERE doc_id = ?", [doc_id])
        self.db.execute("DELETE FROM doc_minhash WHERE doc_id = ?", [doc_id])
        cluster = [doc_id, *rest]
        self.db.execute(f"DELETE FROM duplicates WHERE doc_id IN ({','.join('?' * len(cluster))})", cluster)
        if head == doc_id or len(rest) > 1:  # the cluster may split without it
            for d in rest:
                self.add(d, self._signature(d))

    def index_missing(self) -> int:
        """Index stored documents that have no signature yet (stores from before this index, or
        a writer stopped between saving a document and indexing it)."""
        self.flush()
        ids = [r[0] for r in self.db.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM doc_minhash) "
            "ORDER BY published, id")]
        for doc_id in ids:
            analysis, text = self.db.execute(
                "SELECT analysis, text FROM documents WHERE id = ?", [doc_id]).fetchone()
            spans = (json.loads(analysis) or {}).get("boilerplate") or []
            self._pending.append((doc_id, signature(text, spans)))
            if len(self._pending) >= self.BATCH:
                self.flush()
        self.flush()
        return len(ids)

    # -- reading -------------------------------------------------------------------------
    def _signature(self, doc_id: str) -> np.ndarray:
        row = self.db.execute("SELECT signature FROM doc_minhash WHERE doc_id = ?", [doc_id]).fetchone()
        return np.frombuffer(row[0], dtype=np.uint32)

    def _order(self, doc_id: str) -> tuple[str, str]:
        row = self.db.execute("SELECT published FROM documents WHERE id = ?", [doc_id]).fetchone()
        return (row[0] if row and row[0] else "9999", doc_id)

    def canonical(self, doc_id: str) -> str:
        row = self.db.execute("SELECT duplicate_of FROM duplicates WHERE doc_id = ?", [doc_id]).fetchone()
        return row[0] if row else doc_id


def clusters(db) -> list[dict[str, Any]]:
    """Every cluster: canonical id, member ids (earliest first) and the least member similarity."""
    rows = db.execute(
        "SELECT x.duplicate_of, x.doc_id, x.similarity FROM duplicates x "
        "LEFT JOIN documents c ON c.id = x.duplicate_of LEFT JOIN documents m ON m.id = x.doc_id "
        "ORDER BY COALESCE(c.published, '9999'), x.duplicate_of, COALESCE(m.published, '9999'), x.doc_id")
    out: list[dict[str, Any]] = []
    for head, member, sim in rows:
        if not out or out[-1]["canonical"] != head:
            out.append({"canonical": head, "members": [], "similarity": 1.0})
        out[-1]["members"].append(member)
        out[-1]["similarity"] = round(min(out[-1]["similarity"], sim), 2)
    return out


def cluster_of(db, doc_id: str) -> list[str]:
    """The documents of ``doc_id``'s cluster, canonical first ([doc_id] when it has none)."""
    row = db.execute("SELECT duplicate_of FROM duplicates WHERE doc_id = ?", [doc_id]).fetchone()
    head = row[0] if row else doc_id
    rest = [r[0] for r in db.execute(
        "SELECT x.doc_id FROM duplicates x LEFT JOIN documents m ON m.id = x.doc_id "
        "WHERE x.duplicate_of = ? ORDER BY COALESCE(m.published, '9999'), x.doc_id", [head])]
    return [head, *rest]


def print_duplicates(store, as_json: bool = False, out=None) -> int:
    """``marsad duplicates``: one cluster a line (JSON) or a short listing."""
    out = out or sys.stdout
    if not store.readonly:  # a read-only store shows what ingest indexed
        DuplicateIndex(store.db).index_missing()
    found = clusters(store.db)
    if as_json:
        for c in found:
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
        return 0
    meta = {r[0]: (r[1], r[2]) for r in store.db.execute("SELECT id, source, title FROM documents")}
    for c in found:
        members = [c["canonical"], *c["members"]]
        out.write(f"{len(members)} documents, similarity ≥ {c['similarity']:.2f}\n")
        for n, d in enumerate(members):
            source, title = meta.get(d, (None, None))
            out.write(f"  {'*' if n == 0 else ' '} {d}  [{source or '-'}]  {title or ''}\n")
    print(f"{len(found)} clusters of near-duplicate documents", file=sys.stderr)
    return 0
