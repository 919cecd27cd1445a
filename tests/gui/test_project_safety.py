"""Opening a project never loses open work: damaged files are explained and change nothing,
a good one replaces unsaved work only after Save or Discard (menu, drop and recent files)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from tests.gui.analyses import english, two_sources
from tests.gui.seeds import wait_idle
from timeweave.model import ExtractionResult
from timeweave.project import Project, load, save
from timeweave.resources import seed_paths
from timeweave.workspace import EventRef

Buttons = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    """A window with a saved project and one unsaved rejection on the undo stack."""
    win = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(win)
    win.workspace.set_result(two_sources())
    assert win.write_project(tmp_path / "base.timeweave")
    win.workspace.select([EventRef("d1", "e2")])
    win.reject_action.trigger()
    assert win.has_unsaved_work
    return win


@pytest.fixture
def other(tmp_path: Path) -> Path:
    """A valid project with only the English document."""
    path = tmp_path / "other.timeweave"
    save(Project(ExtractionResult([english()])), path)
    return path


def state(win: MainWindow) -> tuple[Any, ...]:
    """Everything the analyst would lose."""
    ws = win.workspace
    return (ws.review, list(ws.analyses), list(ws.machine), win.undo_stack.count(),
            win.undo_stack.index(), win.project_path, win.windowTitle(), win.dirty)


def warnings(win: MainWindow) -> list[QMessageBox]:
    return [box for box in win.findChildren(QMessageBox)
            if box.isVisible() and box.icon() == QMessageBox.Icon.Warning
            and box is not win.unsaved_box]


def answer(win: MainWindow, button: QMessageBox.StandardButton) -> None:
    box = win.unsaved_box
    assert box is not None
    assert box.isVisible()
    assert "opening other.timeweave" in box.text()
    box.button(button).click()


def damage(data: dict[str, Any], *steps: str | int, value: Any) -> dict[str, Any]:
    target: Any = data
    for step in steps[:-1]:
        target = target[step]
    target[steps[-1]] = value
    return data


# The variants that the probe saw crash after the open work was already replaced, and those
# that raised with no message at all.
DAMAGED: list[tuple[str, Callable[[dict[str, Any]], Any], str]] = [
    ("selection-ints", lambda d: damage(d, "view", "selection", value=[1, 2]), "selection"),
    ("text-int", lambda d: damage(d, "result", "documents", 0, "text", value=5), "text"),
    ("text-null", lambda d: damage(d, "result", "documents", 0, "text", value=None), "text"),
    ("id-list", lambda d: damage(d, "result", "documents", 0, "id", value=[1]), ".id"),
    ("start-1e30",
     lambda d: damage(d, "result", "documents", 0, "events", 0, "start", value=10**30), "span"),
    ("surrogate",
     lambda d: damage(d, "result", "documents", 1, "text", value="x\ud800"), "U+D800"),
    ("result-list", lambda d: damage(d, "result", value=[]), "result"),
    ("review-list", lambda d: damage(d, "review", value=[]), "review"),
    ("time-string",
     lambda d: damage(d, "result", "documents", 0, "events", 0, "time", value="x"), "time"),
    ("date-string",
     lambda d: damage(d, "result", "documents", 0, "document_date", value="x"), "document_date"),
    ("nested", lambda d: "[" * 100_000, "nested"),
]


@pytest.mark.parametrize(("name", "damaging", "fragment"), DAMAGED, ids=[d[0] for d in DAMAGED])
def test_damaged_project_is_explained_and_the_open_work_stays(
    window: MainWindow, tmp_path: Path, name: str, damaging: Callable[[dict[str, Any]], Any],
    fragment: str,
) -> None:
    data = json.loads((tmp_path / "base.timeweave").read_text(encoding="utf-8"))
    path = tmp_path / f"{name}.timeweave"
    damaged = damaging(data)
    path.write_text(damaged if isinstance(damaged, str) else json.dumps(damaged),
                    encoding="utf-8")
    before = state(window)
    assert not window.open_project(path)
    assert state(window) == before
    assert window.unsaved_box is None  # nothing to decide: the file was refused first
    [box] = warnings(window)
    assert box.windowTitle() == "Project not opened"
    assert box.text().startswith(f"{name}.timeweave: ")
    assert fragment in box.text()
    window.undo_action.trigger()  # the history is intact too
    assert "e2" in [e.id for e in window.workspace.analysis("d1").events]


def test_cancel_keeps_the_open_work(window: MainWindow, other: Path) -> None:
    before = state(window)
    assert not window.open_project(other)
    answer(window, Buttons.Cancel)
    assert state(window) == before
    assert window.unsaved_box is None


def test_discard_opens_the_project(window: MainWindow, other: Path) -> None:
    window.open_project(other)
    answer(window, Buttons.Discard)
    assert [a.document.id for a in window.workspace.analyses] == ["d2"]
    assert window.project_path == other
    assert not window.dirty
    assert window.undo_stack.count() == 0


def test_save_writes_the_work_then_opens_the_project(
    window: MainWindow, other: Path, tmp_path: Path
) -> None:
    window.open_project(other)
    answer(window, Buttons.Save)
    assert load(tmp_path / "base.timeweave").review.status(("d1", "e2")) == "rejected"
    assert window.project_path == other
    assert [a.document.id for a in window.workspace.analyses] == ["d2"]


def test_a_failed_save_keeps_the_open_work(
    window: MainWindow, other: Path, tmp_path: Path
) -> None:
    window.project_path = tmp_path / "gone" / "base.timeweave"  # its folder was removed
    before = state(window)
    window.open_project(other)
    answer(window, Buttons.Save)
    assert state(window) == before
    assert window.messages[-1].startswith("Project not saved")


def test_a_dropped_project_asks_first(window: MainWindow, other: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    before = state(window)
    window.dropEvent(drop)
    assert state(window) == before
    answer(window, Buttons.Discard)
    assert window.project_path == other


def test_a_recent_project_asks_first(window: MainWindow, other: Path) -> None:
    window._remember_recent(str(other))
    [action] = [a for a in window.recent_menu.actions() if a.text() == other.name]
    before = state(window)
    action.trigger()
    assert state(window) == before
    answer(window, Buttons.Cancel)
    assert state(window) == before


def test_no_question_without_unsaved_work(window: MainWindow, other: Path) -> None:
    window.save_project()
    assert window.open_project(other)
    assert window.unsaved_box is None
    assert window.project_path == other


def test_a_latin1_file_name_is_saved_and_opened_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The name's undecodable byte (``surrogateescape``) used to make every save fail."""
    result = two_sources()
    result.documents[0].document.path = "/archive/caf\udce9.txt"
    window.workspace.set_result(result)
    path = tmp_path / "latin1.timeweave"
    assert window.write_project(path)
    again = MainWindow(recovery_dir=tmp_path / "again")
    qtbot.addWidget(again)
    assert again.open_project(path)
    assert again.workspace.analysis("d1").document.path == "/archive/caf\udce9.txt"


def test_a_passage_selected_past_an_emoji_keeps_the_project_savable(
    window: MainWindow, tmp_path: Path
) -> None:
    """Qt counts an emoji as two positions, the text as one character: the span is kept
    inside the text, so the project still saves and opens."""
    result = two_sources()
    english_doc = result.documents[1].document
    english_doc.text = "😀😀 " + english_doc.text
    window.workspace.set_result(result)
    window.workspace.select([EventRef("d2", "e2")])
    window.document_view.show_document("d2")
    pane = window.document_view.text
    cursor = pane.textCursor()
    cursor.setPosition(pane.document().characterCount() - 12)
    cursor.movePosition(cursor.MoveOperation.End, cursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    assert cursor.selectionEnd() > len(english_doc.text)
    window.edit_span()
    span = window.workspace.review.correction(("d2", "e2")).span
    assert span is not None
    assert span[1] <= len(english_doc.text)
    assert window.write_project(tmp_path / "emoji.timeweave")
    assert load(tmp_path / "emoji.timeweave").review == window.workspace.review


def test_a_project_dropped_with_documents_opens_first_then_takes_them(
    qtbot: QtBot, window: MainWindow, other: Path
) -> None:
    estonian_seed = str(seed_paths()[0])
    window.open_files([estonian_seed, str(other)])
    assert window.workspace.analyses[0].document.id == "d1"  # nothing before the answer
    answer(window, Buttons.Discard)
    assert window.project_path == other
    wait_idle(qtbot, window)
    paths = [a.document.path for a in window.workspace.analyses]
    assert paths == [english().document.path, estonian_seed]
