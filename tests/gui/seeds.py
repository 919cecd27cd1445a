"""Helpers for GUI tests on the real pipeline: run it once per module, wait for the worker."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from gui import palette
from gui.document.pane import SourceText
from gui.main_window import MainWindow
from gui.tasks import extract
from timeweave.model import ExtractionResult
from timeweave.progress import CancelToken, no_progress
from timeweave.resources import seed_paths

WORKER_TIMEOUT_MS = 120_000


def analyse_seeds() -> ExtractionResult:
    """The real pipeline on both seeds, exactly as the window's worker runs it."""
    paths = [str(p) for p in seed_paths()]
    return extract(paths, [], None, deliver=lambda _outcome: None, progress=no_progress,
                   cancel=CancelToken())


def fresh(result: ExtractionResult) -> ExtractionResult:
    """A private copy, so no test sees another test's documents."""
    return copy.deepcopy(result)


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=WORKER_TIMEOUT_MS)


def highlighted(pane: SourceText, colour: str) -> list[tuple[int, int]]:
    """Spans the pane paints with background ``colour`` (ExtraSelections), in order."""
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in pane.extraSelections()
        if s.format.background().style() != Qt.BrushStyle.NoBrush
        and s.format.background().color().name() == colour
    ]


def point_at(pane: SourceText, position: int) -> QPoint:
    """Viewport point on the character at ``position`` (scrolled into view first)."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(position)
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    rect = pane.cursorRect(cursor)
    return QPoint(rect.x() + 2, rect.center().y())


def click_at(qtbot: QtBot, pane: SourceText, position: int) -> None:
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point_at(pane, position))


SELECTED = palette.SELECTED_PASSAGE.name()


def reopen_and_compare(qtbot: QtBot, window: MainWindow, path: Path) -> MainWindow:
    """Save the window's project, open it in a second window, and check nothing was lost."""
    assert window.dirty
    assert window.write_project(path)
    assert not window.dirty
    other = MainWindow(recovery_dir=path.parent / "other")
    qtbot.addWidget(other)
    assert other.open_project(path)
    before, after = window.current_project(), other.current_project()
    assert after.result == before.result
    assert after.review == before.review
    assert after.view == before.view
    assert other.workspace.analyses == window.workspace.analyses
    assert other.workspace.links == window.workspace.links
    assert other.project_path == path
    assert not other.dirty
    return other
