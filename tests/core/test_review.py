"""Review: corrections over machine output, kept apart, serialisable."""

from __future__ import annotations

from tests.gui.analyses import estonian
from timeweave.model import DocumentDate, Event
from timeweave.review import Correction, Review, analyst_time, event_from_span


def test_rejected_event_is_left_out_but_machine_output_is_untouched() -> None:
    machine = estonian()
    review = Review().with_correction(("d1", "e2"), Correction(status="rejected"))
    shown = review.apply(machine)
    assert [e.id for e in shown.events] == ["e1", "e3"]
    assert [e.id for e in machine.events] == ["e1", "e2", "e3"]


def test_edits_apply_time_actors_and_span_with_text_recut() -> None:
    machine = estonian()
    e3 = machine.events[2]
    time = analyst_time(DocumentDate.parse("2017-10-19", "user"))
    correction = Correction("accepted", time, ("n3", "n5"), (e3.start, e3.end + 10))
    shown = Review().with_correction(("d1", "e3"), correction).apply(machine)
    edited = shown.events[2]
    assert edited.time.earliest == edited.time.latest
    assert edited.time.basis == "analyst"
    assert edited.actors == ("n3", "n5")
    assert edited.text == machine.document.text[e3.start:e3.end + 10]


def test_added_event_appears_in_order_and_can_be_removed() -> None:
    machine = estonian()
    review = Review()
    new_id = review.next_added_id("d1")
    added = Event(new_id, 0, 20, machine.document.text[:20], "")
    review = review.with_added("d1", added)
    assert review.status(("d1", new_id)) == "accepted"
    assert review.apply(machine).events[0].id == new_id
    assert review.next_added_id("d1") != new_id
    assert review.without_added("d1", new_id).apply(machine).events == machine.events


def test_empty_correction_is_forgotten_and_json_round_trips() -> None:
    review = Review().with_correction(("d1", "e1"), Correction(status="accepted"))
    review = review.with_added("d2", Event("u1", 3, 9, "abcdef", "", ("n1",)))
    review = review.with_correction(
        ("d1", "e2"), Correction(time=analyst_time(DocumentDate.parse("2017", "user")))
    )
    assert Review.from_json(review.to_json()) == review
    assert review.with_correction(("d1", "e1"), Correction()).corrections.keys() == {("d1", "e2")}


def test_event_from_span_takes_actors_and_time_inside_it() -> None:
    machine = estonian()
    timex = machine.timexes[2]  # "sel nädalal"
    putin = machine.entities[2]
    event = event_from_span(machine, "u1", putin.start, timex.end)
    assert event.text == "Vladimir Putin teatas sel nädalal"
    assert event.actors == (putin.id,)
    assert (event.time.earliest, event.time.basis, event.time.timex) == (
        timex.earliest, "timex", timex.id,
    )


def test_changed_updates_one_field_of_a_correction() -> None:
    review = Review().changed(("d1", "e1"), status="accepted").changed(("d1", "e1"), actors=())
    assert review.correction(("d1", "e1")) == Correction("accepted", None, ())
