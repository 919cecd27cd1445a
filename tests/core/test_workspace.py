"""Workspace: machine output and review kept apart; signals after every change."""

from __future__ import annotations

from tests.gui.analyses import estonian, two_sources
from timeweave.model import DocumentDate
from timeweave.review import Correction, analyst_time
from timeweave.workspace import EventRef, Workspace


def test_review_changes_the_shown_events_and_keeps_machine_output() -> None:
    workspace = Workspace()
    changes: list[str] = []
    workspace.documents_changed.connect(lambda: changes.append("docs"))
    workspace.set_result(two_sources())
    workspace.select([EventRef("d1", "e2")])
    workspace.set_review(workspace.review.with_correction(("d1", "e2"), Correction("rejected")))
    assert changes == ["docs", "docs"]
    assert [e.id for e in workspace.analysis("d1").events] == ["e1", "e3"]
    assert len(workspace.machine_analysis("d1").events) == 3
    assert workspace.selection == frozenset()  # the rejected event cannot stay selected


def test_replace_keeps_corrections_of_a_reanalysed_document() -> None:
    workspace = Workspace()
    workspace.set_result(two_sources())
    time = analyst_time(DocumentDate.parse("2017-10-19", "user"))
    workspace.set_review(workspace.review.with_correction(("d1", "e3"), Correction(time=time)))
    workspace.restore(workspace.with_document(estonian(), workspace.links))
    assert workspace.event(EventRef("d1", "e3")).time == time
    assert workspace.result().documents[0].events[2].time != time
