"""Document view: follows the selection, and selects events by clicks on passages and entities."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from gui import palette
from gui.document import DocumentView
from timeweave.workspace import EventRef, Workspace


def _click_at(qtbot: QtBot, view: DocumentView, position: int) -> None:
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(position)
    rect = view.text.cursorRect(cursor)
    point = QPoint(rect.x() + 2, rect.center().y())
    qtbot.mouseClick(view.text.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _highlighted(view: DocumentView, colour: str) -> list[tuple[int, int]]:
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in view.text.extraSelections()
        if s.format.background().color().name() == colour
    ]


def test_selecting_an_event_shows_its_document_and_highlights_the_passage(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = DocumentView(workspace)
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    assert view.document_id == "d1"
    workspace.select([EventRef("d2", "e2")])
    event = workspace.event(EventRef("d2", "e2"))
    assert view.document_id == "d2"
    assert _highlighted(view, palette.SELECTED_PASSAGE.name()) == [(event.start, event.end)]
    timex = workspace.analysis("d2").timexes[0]
    assert (timex.start, timex.end) in _highlighted(view, palette.TIMEX.name())
    assert view.text.textCursor().position() == event.start
    assert view.text.cursorRect().top() >= 0  # scrolled into view


def test_clicking_a_passage_selects_its_event(qtbot: QtBot, workspace: Workspace) -> None:
    view = DocumentView(workspace)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    event = workspace.event(EventRef("d1", "e3"))
    _click_at(qtbot, view, event.start + len("Vladimir Putin ") + 2)  # on "teatas"
    assert workspace.selection == {EventRef("d1", "e3")}


def test_clicking_an_entity_selects_every_event_mentioning_it(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = DocumentView(workspace)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    entity = workspace.analysis("d1").entities[1]  # Ilja Rogatšjov
    _click_at(qtbot, view, entity.start + 2)
    assert workspace.selected_entity == "ilya rogachev"
    assert workspace.selection == {EventRef("d1", "e2")}
    assert (entity.start, entity.end) in _highlighted(view, palette.SELECTED_ENTITY.name())

