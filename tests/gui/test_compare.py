"""Side-by-side comparison: connectors for linked events, shared entities, what only one reports."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from gui import palette
from gui.compare import CompareView
from tests.gui.analyses import english, two_sources
from timeweave.model import ExtractionResult, Link, LinkMember
from timeweave.workspace import EventRef, Workspace


def test_two_sources_side_by_side(qtbot: QtBot, workspace: Workspace) -> None:
    view = CompareView(workspace)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    assert view.document_ids == ("d1", "d2")
    assert view.linked_pairs() == [("e2", "e1")]
    assert view.shared_entities() == {"islamic state", "turkey"}
    marked = {
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in view.panes[1].extraSelections()
        if s.format.background().color() == palette.ENTITY
    }
    isis = workspace.analysis("d2").entities[1]
    assert (isis.start, isis.end) in marked
    assert view.only_left.count() == 2  # d1 e1, e3
    assert view.only_right.count() == 1  # d2 e2
    texts = [view.linked.item(row).text() for row in range(view.linked.count())]
    assert texts[0] == "⚠ actor differs: ilya rogachev vs oleg syromolotov"
    assert texts[1].startswith("Ilja Rogatšjov hoiatas neljapäeval ↔ Oleg Seromolotov")

    workspace.select([EventRef("d1", "e2")])
    assert view.strip.pairs == [("e2", "e1", True)]
    start, end = view.strip._ends("e2", "e1")
    assert start.x() == 0
    assert end.x() == view.strip.width()

    view.only_right.itemClicked.emit(view.only_right.item(0))
    assert workspace.selection == {EventRef("d2", "e2")}
    view.linked.itemClicked.emit(view.linked.item(0))
    assert workspace.selection == {EventRef("d1", "e2"), EventRef("d2", "e1")}


def three_sources() -> ExtractionResult:
    """Both seeds plus the English one again as a third source: "islamic state" and "turkey"
    are shared by all three; one story is told by all three, another by d2 and d3."""
    result = two_sources()
    third = english()
    third = dataclasses.replace(third, document=dataclasses.replace(third.document, id="d3"))
    links = [
        Link("event", "s1", (LinkMember("d1", "e2"), LinkMember("d2", "e1"),
                             LinkMember("d3", "e1")), 0.71, "same actor role"),
        Link("event", "s2", (LinkMember("d2", "e2"), LinkMember("d3", "e2")), 0.8, "same time"),
        *(Link("entity", key, (LinkMember("d1", a), LinkMember("d2", b), LinkMember("d3", b)),
               1.0) for key, a, b in (("islamic state", "n4", "n2"), ("turkey", "n5", "n3"))),
    ]
    return ExtractionResult([*result.documents, third], links)


def test_three_sources_any_pair_keeps_entities_shared_by_all(qtbot: QtBot) -> None:
    workspace = Workspace()
    workspace.set_result(three_sources())
    view = CompareView(workspace)
    qtbot.addWidget(view)
    assert view.document_ids == ("d1", "d2")
    assert view.shared_entities() == {"islamic state", "turkey"}
    assert view.linked_pairs() == [("e2", "e1")]
    view.set_documents("d2", "d3")
    assert view.document_ids == ("d2", "d3")
    assert view.shared_entities() == {"islamic state", "turkey"}
    assert sorted(view.linked_pairs()) == [("e1", "e1"), ("e2", "e2")]
    assert view.only_left.count() == view.only_right.count() == 0
    view.set_documents("d3", "d1")
    assert view.shared_entities() == {"islamic state", "turkey"}
    assert "2</b> shared entities" in view.shared.text()
