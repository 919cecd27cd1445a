"""Start the real window under Xvfb, open the seeds, click an event, save a screenshot.

Run: ``xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/gui/screenshot.py OUT.png``
(``--project FILE`` opens a saved project instead of analysing the seeds).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.app import make_app
from gui.main_window import MainWindow

TIMEOUT_S = 300


def wait_until_idle(app: QApplication, window: MainWindow) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        app.processEvents()
        if not window.runner.busy:
            return
        time.sleep(0.05)
    raise SystemExit("extraction did not finish in time")


def click_first_event(window: MainWindow) -> None:
    """Click, in the document view, the middle of the first event dated by a time expression
    (so the shot shows the passage, its time expression and its entities marked)."""
    analysis = next(a for a in window.workspace.analyses if a.events)
    event = next((e for e in analysis.events if e.time.basis == "timex"), analysis.events[0])
    window.document_view.show_document(analysis.document.id)
    pane = window.document_view.text
    cursor = QTextCursor(pane.document())
    cursor.setPosition((event.start + event.end) // 2)
    pane.setTextCursor(cursor)
    pane.centerCursor()
    rect = pane.cursorRect(cursor)
    point = QPoint(rect.x(), rect.center().y())
    QTest.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--project", type=Path)
    args = parser.parse_args()
    app = make_app(sys.argv[:1])
    window = MainWindow(recovery_dir=args.output.parent / ".screenshot-recovery")
    window.resize(1600, 1000)
    window.show()
    if args.project:
        window.open_project(args.project)
    else:
        window.open_samples()
    wait_until_idle(app, window)
    if not window.workspace.analyses:
        sys.stderr.write(f"nothing opened: {window.messages}\n")
        return 1
    click_first_event(window)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(args.output))
    sys.stdout.write(f"selected {sorted(window.workspace.selection)}; saved {args.output}\n")
    return 0  # no close(): the unsaved seeds would ask a question nobody answers here


if __name__ == "__main__":
    sys.exit(main())
