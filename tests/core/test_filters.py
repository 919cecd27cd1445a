"""Not a flood: the default shows statements and anchored events; kinds filter; rejected return."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.gui.analyses import estonian, two_sources
from timeweave.filters import KindFilter, kind_words
from timeweave.model import EventTime, ExtractionResult, Participant
from timeweave.review import Correction
from timeweave.workspace import EventFilter, EventRef, Workspace


def _kinds() -> ExtractionResult:
    """The Estonian seed's events made into every kind the finder gives."""
    analysis = estonian()
    e1, e2, e3 = analysis.events
    bare = dict(actors=(), time=EventTime())
    events = [
        dataclasses.replace(e1, event_class="REPORTING", category="statement", **bare),
        dataclasses.replace(e2, id="e2", event_class="OCCURRENCE", category="conflict",
                            participants=(Participant("agent", "n2"),), actors=(),
                            time=EventTime(), modality="reported", reported_by="e1"),
        dataclasses.replace(e3, id="e3", event_class="STATE", category="other",
                            time=EventTime(dt.date(2017, 10, 1), dt.date(2017, 10, 31), "2017-10",
                                           "document_date")),
        dataclasses.replace(e3, id="e4", event_class="OCCURRENCE", category="movement", actors=(),
                            time=EventTime(dt.date(2017, 10, 1), dt.date(2017, 10, 31),
                                           "2017-10", "document_date")),
        dataclasses.replace(e3, id="e5", event_class="MODAL", category="other",
                            modality="conditional"),
    ]
    return ExtractionResult([dataclasses.replace(analysis, events=events)])


def _shown(workspace: Workspace, document: str = "d1") -> list[str]:
    return [e.id for a, e in workspace.visible_events() if a.document.id == document]


def test_default_hides_unanchored_events_and_quiet_classes() -> None:
    workspace = Workspace()
    workspace.set_result(_kinds())
    # e1: a statement with no time or actor; e2: a participant; e4: only the publication
    # date (no time of its own) and no participant -> hidden;
    # e3 a state and e5 a modal verb -> one switch away
    assert _shown(workspace) == ["e1", "e2"]
    workspace.set_filter(EventFilter(kinds=KindFilter(show_quiet=True)))
    assert _shown(workspace) == ["e1", "e2", "e3", "e5"]
    workspace.set_filter(EventFilter(kinds=KindFilter(show_quiet=True, show_all=True)))
    assert _shown(workspace) == ["e1", "e2", "e3", "e4", "e5"]


def test_filters_by_class_category_and_modality() -> None:
    workspace = Workspace()
    workspace.set_result(_kinds())
    workspace.set_filter(EventFilter(kinds=KindFilter(classes=frozenset({"STATE"}))))
    assert _shown(workspace) == ["e3"]  # a chosen quiet class shows without the switch
    workspace.set_filter(EventFilter(kinds=KindFilter(categories=frozenset({"conflict"}))))
    assert _shown(workspace) == ["e2"]
    workspace.set_filter(EventFilter(kinds=KindFilter(
        modalities=frozenset({"conditional"}), show_quiet=True)))
    assert _shown(workspace) == ["e5"]


def test_an_accepted_event_is_never_hidden_as_noise() -> None:
    workspace = Workspace()
    workspace.set_result(_kinds())
    workspace.set_review(workspace.review.changed(("d1", "e4"), status="accepted"))
    assert "e4" in _shown(workspace)


def test_rejected_events_come_back_with_show_rejected_and_keep_their_status() -> None:
    workspace = Workspace()
    workspace.set_result(two_sources())
    workspace.set_review(workspace.review.with_correction(("d1", "e2"), Correction("rejected")))
    assert "e2" not in _shown(workspace)
    workspace.set_filter(EventFilter(show_rejected=True))
    ref = EventRef("d1", "e2")
    assert "e2" in _shown(workspace)
    assert workspace.status(ref) == "rejected"
    assert workspace.event(ref).cue == "hoiatas"
    workspace.select([ref])
    assert workspace.selection == {ref}  # selectable, so it can be accepted again
    assert [e.id for e in workspace.shown_analyses()[0].events] == ["e1", "e2", "e3"]
    workspace.set_filter(EventFilter())
    assert workspace.selection == frozenset()  # hidden again: it cannot stay selected
    assert [e.id for e in workspace.shown_analyses()[0].events] == ["e1", "e3"]


def test_kind_words() -> None:
    assert kind_words("death_injury") == "death or injury"
    assert kind_words("I_ACTION") == "intended action"
    assert kind_words("conflict") == "conflict"
