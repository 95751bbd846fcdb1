"""Dates at the door: `published` is parsed once where documents come in."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from marsad.doc import Doc
from marsad.ingest.dates import InvalidDate, parse_published
from marsad.pipeline import Pipeline

TEXT = "قال وزير الخارجية الفرنسي إن بلاده تدعم الاتفاق مع إيران."


@pytest.mark.parametrize("value,day", [
    ("2018-03-13", "2018-03-13"), ("2018-03-13T09:30:00", "2018-03-13"), ("2018-03-13T23:30:00+03:00", "2018-03-13"),
    ("2018-03-13 09:30Z", "2018-03-13"), ("2018-03-13T09:30:00.123-0500", "2018-03-13"), (None, None), ("", None),
])
def test_iso_dates_and_datetimes_are_accepted(value, day):
    assert parse_published(value) == day


@pytest.mark.parametrize("value", ["2024-13-45", "2018-02-30", "13/03/2018", "yesterday", "2018", "2018-03-13T25:00"])
def test_anything_else_is_an_invalid_date(value):
    with pytest.raises(InvalidDate, match="invalid published date"):
        parse_published(value)


def run(*args):
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True)


def test_an_invalid_published_option_is_one_error_line_and_a_failure(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    r = run("analyze", str(tmp_path / "a.txt"), "--published", "2024-13-45")
    assert r.returncode != 0 and r.stdout == ""
    assert "invalid published date '2024-13-45'" in r.stderr and "Traceback" not in r.stderr


def test_an_invalid_record_date_loses_only_that_record(tmp_path):
    recs = [{"id": "good", "text": TEXT, "published": "2018-05-01T10:00:00Z"},
            {"id": "bad", "text": TEXT, "published": "01/05/2018"},
            {"id": "also-good", "text": TEXT}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), "utf-8")
    r = run("analyze", str(tmp_path / "in.jsonl"), "--json")
    assert r.returncode == 0
    docs = [json.loads(line)["document"] for line in r.stdout.splitlines()]
    assert [(d["id"], d["published"]) for d in docs] == [("good", "2018-05-01"), ("also-good", None)]
    assert r.stderr.count("marsad: error:") == 1 and "invalid published date '01/05/2018'" in r.stderr


def test_the_inferred_date_anchors_statements_and_events():
    # No publication date: the times stage dates the text by "الثلاثاء 13 آذار/مارس" (a Tuesday in
    # 2018), and a statement with no time of its own takes that date, not nothing.
    text = ("أعلنت وزارة الخارجية الروسية يوم الثلاثاء 13 آذار/مارس أن موسكو سترد على العقوبات.\n"
            "وقال المتحدث باسم الكرملين إن روسيا لن تقبل الاتهامات البريطانية.")
    doc = Pipeline()(Doc(text=text, id="t"))
    assert doc.published is None and doc.reference_date == "2018-03-13"
    assert doc.to_json()["document"]["reference_date"] == "2018-03-13"
    assert doc.statements and all(s.date == "2018-03-13" for s in doc.statements)
