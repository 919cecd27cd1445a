"""The timeline's geometry on the real seeds: every dated event gets a mark of its own."""

from __future__ import annotations

import dataclasses

import pytest

from timeweave.layout import TimeScale, build_layout
from timeweave.layout.timeline import ROW_CAP
from timeweave.model import DocumentAnalysis, ExtractionResult
from timeweave.pipeline import run
from timeweave.resources import seed_paths
from timeweave.workspace import EventRef


@pytest.fixture(scope="module")
def seeds() -> ExtractionResult:
    return run(seed_paths())


@pytest.fixture(scope="module")
def statements(seeds: ExtractionResult) -> list[DocumentAnalysis]:
    """The seeds' statements: few enough that each keeps a mark of its own at fit-all."""
    return [dataclasses.replace(a, events=[e for e in a.events if e.event_class == "REPORTING"])
            for a in seeds.documents]


@pytest.mark.parametrize("mode", ["source", "entity"])
def test_every_dated_seed_event_is_a_mark_of_its_own_at_fit_all(
        statements: list[DocumentAnalysis], mode: str) -> None:
    layout = build_layout(statements, mode=mode)  # type: ignore[arg-type]
    span = layout.span()
    assert span
    marks = layout.marks(TimeScale.fit(span[0], span[1], 900), range(len(layout.lanes)))
    assert (marks.count == 1).all()
    assert not marks.chip.any()
    assert len(marks) == len(layout.item_event)
    assert max(lane.rows for lane in layout.lanes) <= ROW_CAP


def test_the_undated_are_exactly_the_events_without_bounds(seeds: ExtractionResult) -> None:
    layout = build_layout(seeds.documents)
    unbounded = {EventRef(a.document.id, e.id) for a in seeds.documents for e in a.events
                 if e.time.earliest is None and e.time.latest is None}
    assert {layout.refs[i] for i in layout.undated} == unbounded
    english = next(lane for lane in layout.lanes if not layout.documents[lane.source or 0]
                   .date.value)
    assert english.count == 0
    assert english.undated == sum(1 for ref in unbounded if ref.document == english.key)


def test_entity_lanes_carry_surface_form_and_key_ordered_by_count(
        statements: list[DocumentAnalysis]) -> None:
    layout = build_layout(statements, mode="entity")
    counts = [lane.count for lane in layout.lanes]
    assert counts == sorted(counts, reverse=True)
    putin = layout.lanes[0]
    assert putin.key == "Vladimir Putin"
    assert putin.label == "Putin"
    assert putin.count == 5
