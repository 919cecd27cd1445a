"""Start the desktop app: ``timeweave-gui [--report-startup] [FILES...]`` or ``python -m gui``.

Only Qt and the light core modules are imported here; the pipeline (spaCy, dateparser,
pandas) loads on the worker thread when the first document is analysed.

``--report-startup`` is for ``benchmarks/startup.py``: the app prints one JSON line with the
wall-clock times (``time.time()``) at which the window was shown and the timeline was drawn with
the files analysed, then quits, so the benchmark measures a real launch from outside.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from timeweave import __version__

if TYPE_CHECKING:
    from gui.main_window import MainWindow

REPORT_STARTUP = "--report-startup"


def make_app(argv: Sequence[str]) -> QApplication:
    """The QApplication with the names QSettings and the recovery folder are keyed on."""
    app = QApplication.instance() or QApplication(list(argv))
    app.setApplicationName("Timeweave")
    app.setOrganizationName("Timeweave")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.timeweave.Timeweave")
    return app  # type: ignore[return-value]


def main(argv: Sequence[str] | None = None) -> int:
    """Show the window at once, then open the command-line files and offer any recovery."""
    args = list(sys.argv if argv is None else argv)
    app = make_app(args)
    from gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    files = [a for a in args[1:] if not a.startswith("-")]
    report = _StartupReport(app, window) if REPORT_STARTUP in args else None

    def after_shown() -> None:
        if report is not None:
            report.shown(bool(files))
        window.offer_recovery(files)

    QTimer.singleShot(0, after_shown)
    return app.exec()


class _StartupReport:
    """Times for the start-up benchmark: window shown, timeline drawn; then quit."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        self.app = app
        self.window = window
        self.times: dict[str, float | int | list[str]] = {}

    def shown(self, waiting: bool) -> None:
        self.times["shown"] = time.time()
        if waiting:
            self.window.runner.busy_changed.connect(self._on_busy)
        else:
            self._finish()

    def _on_busy(self, busy: bool) -> None:
        if not busy:  # the result is delivered right after this signal: draw after it
            QTimer.singleShot(0, self._drawn)

    def _drawn(self) -> None:
        timeline = self.window.timeline
        if timeline is not None:
            timeline.repaint()  # paints now, with the analysed documents
        self.times["drawn"] = time.time()
        workspace = self.window.workspace
        self.times["documents"] = len(workspace.analyses)
        self.times["events"] = sum(len(a.events) for a in workspace.analyses)
        self.times["errors"] = list(self.window.messages)
        self._finish()

    def _finish(self) -> None:
        sys.stdout.write(json.dumps(self.times) + "\n")
        sys.stdout.flush()
        self.app.exit(0)  # not close(): the benchmark's unsaved documents need no question


if __name__ == "__main__":
    sys.exit(main())
