"""Stage contracts: registration, order checking, writes limited to assigned layers, `marsad stages`."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from corpus import first_articles

from marsad.doc import Doc
from marsad.pipeline import (
    DEFAULT_ORDER,
    Pipeline,
    PipelineError,
    check_order,
    registered,
)
from marsad.registry import INPUTS, LAYERS


def test_every_default_stage_is_registered_with_known_layers():
    for name in DEFAULT_ORDER:
        info = registered(name)
        assert info.name == name and info.factory.name == name
        assert info.assigns and set(info.assigns) <= set(LAYERS)
        assert set(info.requires) <= set(LAYERS) | set(INPUTS)


def test_default_order_satisfies_every_requirement():
    check_order(Pipeline().stages)  # does not raise


def test_a_stage_before_what_it_requires_is_refused_when_the_pipeline_is_built():
    stages = {s.name: s for s in Pipeline().stages}
    with pytest.raises(PipelineError, match="'actors' requires .*entities"):
        Pipeline([stages["text"], stages["boilerplate"], stages["actors"], stages["entities"]])


class _Rogue:
    """Claims to assign times, but also rewrites the entities layer."""

    name, requires, assigns = "rogue", ("sentences",), ("times",)

    def __call__(self, doc: Doc) -> Doc:
        doc.entities = []
        doc.times = []
        return doc


def test_a_stage_that_writes_a_layer_it_does_not_assign_is_caught():
    base = Pipeline().upto("entities").stages
    text = "قال الرئيس الأمريكي دونالد ترامب في واشنطن إن الاتفاق مع إيران انتهى."
    with pytest.raises(PipelineError, match="'rogue' wrote entities"):
        Pipeline([*base, _Rogue()], check_writes=True)(Doc(text=text, id="t"))


def test_real_articles_run_with_every_stage_inside_its_contract():
    pipe = Pipeline(check_writes=True)
    for r in first_articles(15):
        pipe(Doc(text=r["text"], id=r["id"], published=r["published"]))


def test_marsad_stages_prints_the_pipeline():
    out = subprocess.run([sys.executable, "-m", "marsad.cli", "stages", "--json"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["name"] for r in rows] == list(DEFAULT_ORDER)
    events = next(r for r in rows if r["name"] == "events")
    assert "statements" in events["requires"] and events["assigns"][0] == "events"
