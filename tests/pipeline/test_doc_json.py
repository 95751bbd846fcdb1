"""One document model: Doc.from_json reads exactly what `marsad analyze --json` prints."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from corpus import first_articles

from marsad.doc import Doc
from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def analyses():
    pipe = Pipeline()
    out = []
    for r in first_articles(40):
        doc = pipe(Doc(text=r["text"], id=r["id"], published=r["published"], title=r["title"]))
        out.append((json.loads(json.dumps(doc.to_json(), ensure_ascii=False)), r["text"]))
    return out


def test_round_trip_with_the_text(analyses):
    for a, text in analyses:
        assert Doc.from_json(a, text).to_json() == a


def test_round_trip_without_the_text_keeps_every_evidence_string(analyses):
    for a, _ in analyses:
        doc = Doc.from_json(a)
        assert doc.to_json() == a
        for s in doc.statements:
            assert doc.text[s.start:s.end].strip()


def test_typed_items_come_back(analyses):
    a = next(a for a, _ in analyses if a["events"] and a["statements"])
    doc = Doc.from_json(a)
    ev = doc.events[0]
    assert isinstance(ev.start, int) and ev.prov.stage == "events"
    st = doc.statements[0]
    assert st.cue is None or isinstance(st.cue, tuple)
    assert {m.actor for m in doc.mentions} <= set(doc.actors)


def test_the_cli_output_round_trips(tmp_path, seed_text):
    (tmp_path / "seed.txt").write_text(seed_text, "utf-8")
    out = subprocess.run([sys.executable, "-m", "marsad.cli", "analyze", str(tmp_path / "seed.txt"), "--json",
                          "--published", "2024-01-11"], capture_output=True, text=True)
    a = json.loads(out.stdout)
    assert Doc.from_json(a, seed_text).to_json() == a
    assert Doc.from_json(a).to_json() == a


def test_another_schema_is_refused():
    with pytest.raises(ValueError, match="marsad.analysis/1"):
        Doc.from_json({"schema": "other/1", "document": {"id": "x"}})
