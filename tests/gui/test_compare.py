"""Side-by-side comparison: connectors for linked events, shared entities, what only one reports."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget
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
    lists = view.lists.findChildren(QListWidget)
    assert [lst.count() for lst in lists] == [2, 1]  # d1 e1,e3 / d2 e2

    workspace.select([EventRef("d1", "e2")])
    assert view.strip.pairs == [("e2", "e1", True)]
    start, end = view.strip._ends("e2", "e1")
    assert start.x() == 0
    assert end.x() == view.strip.width()

    lists[1].itemClicked.emit(lists[1].item(0))
    assert workspace.selection == {EventRef("d2", "e2")}
