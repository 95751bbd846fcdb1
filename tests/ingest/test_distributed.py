"""Distributed ingest on Dask: a LocalCluster of 2 worker processes stores exactly what one
process stores, in input order, with one error line per bad record."""
from __future__ import annotations

import json
import sqlite3

import pytest
from corpus import first_articles

from marsad.ingest.distributed import _collect
from marsad.ingest.readers import InputError, Record

pytest.importorskip("dask.distributed")

BAD = ['{"id": "empty", "text": ""}', '{"id": "en", "text": "Plain English text, no Arabic in it at all."}',
       "{broken"]


def _tables(path) -> dict[str, list]:
    con = sqlite3.connect(path)
    out = {}
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'"):
        cols = [r[1] for r in con.execute(f"PRAGMA table_info([{table}])") if r[1] not in ("analyzed_at", "id")
                or table == "documents" and r[1] == "id"]
        out[table] = sorted(map(repr, con.execute(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{table}]")))
    return out


def test_dask_local_cluster_stores_what_one_process_stores(tmp_path, capsys):
    from marsad.cli.commands import main

    lines = [json.dumps(r, ensure_ascii=False) for r in first_articles(12)]
    lines[3:3] = BAD[:2]
    lines.append(BAD[2])
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    errs = []
    for name, extra in (("one", ["--jobs", "1"]), ("dask", ["--dask", "local:2"])):
        assert main(["ingest", str(path), "--db", f"sqlite:///{tmp_path / name}.db", "-q", *extra]) == 0
        errs.append([line for line in capsys.readouterr().err.splitlines() if "error" in line])
    assert errs[0] == errs[1] and len(errs[0]) == 3
    assert "in.jsonl:4: empty document" in errs[1][0] and "in.jsonl:15: malformed JSON" in errs[1][2]
    one, dask = _tables(tmp_path / "one.db"), _tables(tmp_path / "dask.db")
    assert one == dask and len(one["documents"]) == 12


class _Failed:
    def result(self):
        raise RuntimeError("worker killed")


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def test_a_failed_batch_is_one_error_per_record_and_the_run_goes_on():
    chunk = [Record("a", "نص", origin="f:1"), InputError("f:2", "malformed JSON line")]
    out = _collect(chunk, _Failed())
    assert [str(r) for _, r in out] == ["f:1: distributed batch failed: RuntimeError: worker killed",
                                        "f:2: malformed JSON line"]
    assert _collect(chunk, _Done([1, 2])) == [1, 2]
