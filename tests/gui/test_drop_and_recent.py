"""Files dropped on the window open like files from the dialog, and become recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from tests.gui.seeds import wait_idle
from timeweave.resources import seed_paths


def test_dropped_seeds_open_and_are_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(window)
    window.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in seed_paths()])
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert drop.isAccepted()
    wait_idle(qtbot, window)
    assert [a.document.language for a in window.workspace.analyses] == ["et", "en"]
    recent = window.recent_files()
    assert {Path(p).name for p in recent} == {p.name for p in seed_paths()}
    assert [a.text() for a in window.recent_menu.actions()]
