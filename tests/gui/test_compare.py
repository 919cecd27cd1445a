"""Side-by-side comparison: connectors for linked events, shared entities, what only one reports."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui import palette
from gui.compare import CompareView
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
