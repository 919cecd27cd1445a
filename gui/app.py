"""Start the desktop app: ``timeweave-gui [--report-startup] [FILES...]`` or ``python -m gui``.

Only Qt and the light core modules are imported here; the pipeline (spaCy, dateparser,
pandas) loads on the worker thread when the first document is analysed.

``--report-startup`` is for ``benchmarks/startup.py``: the app prints one JSON line with the
wall-clock times (``time.time()``) at which the window was shown and the timeline was drawn with
the files analysed (and where the window landed on which screen), then quits, so the benchmark
measures a real launch from outside.

Before Qt starts, two checks keep a newcomer's first minutes clean: with no display to show a
window on, one line says so (Qt itself would abort with a core dump blaming ``libxcb-cursor0``),
and a plain C locale becomes C.UTF-8 (which Qt would switch to anyway, after a four-line warning).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from timeweave import __version__

if TYPE_CHECKING:
    from gui.main_window import MainWindow

REPORT_STARTUP = "--report-startup"
NO_DISPLAY_STATUS = 3
"""Exit status when there is no display (1 is taken by the CLI's partial failures, 2 by bad
arguments)."""

PREFERRED_SIZE = QSize(1500, 920)
"""The first window's size when the screen has room for it."""
SCREEN_SHARE = 0.9
"""Of the available screen, at most this share: room for the frame and a glimpse of the desktop."""


def display_problem(environ: Mapping[str, str], argv: Sequence[str], platform: str) -> str | None:
    """Why Qt could not open a window here, or None when it can.

    On Linux the xcb platform needs ``DISPLAY`` and Wayland needs ``WAYLAND_DISPLAY``; the other
    platforms (``offscreen``, ``minimal``, ``vnc``...) need neither. The platform is Qt's: the
    ``-platform`` argument, else ``QT_QPA_PLATFORM`` (a ``;``-separated list of fallbacks, each
    with optional ``:options``), else xcb or Wayland, whichever session is there. macOS and
    Windows always have their own platform, so only Linux and the BSDs are checked.
    """
    if platform in ("darwin", "win32", "cygwin"):
        return None
    requested = environ.get("QT_QPA_PLATFORM", "")
    if "-platform" in argv[:-1]:
        requested = argv[list(argv).index("-platform") + 1]
    names = [part.split(":")[0].strip() for part in requested.split(";") if part.strip()]
    for name in names or ["xcb", "wayland"]:
        if name == "xcb" and environ.get("DISPLAY"):
            return None
        if name.startswith("wayland") and environ.get("WAYLAND_DISPLAY"):
            return None
        if name != "xcb" and not name.startswith("wayland"):
            return None  # a platform that needs no display server
    program = "timeweave" if getattr(sys, "frozen", False) else "timeweave-gui"
    return (
        f"{program}: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
        f"run it in a desktop session, under a virtual display (xvfb-run -a {program} FILES) or "
        "use the command line (timeweave extract FILES)"
    )


def use_utf8_locale(environ: MutableMapping[str, str]) -> None:
    """Turn the plain C/POSIX locale into C.UTF-8 before Qt reads it.

    Qt needs UTF-8 and makes this very switch itself, but only after printing a four-line
    warning on every start; a minimal system (a container, a fresh debootstrap root, the frozen
    app started with no ``LANG``) has only the C locale. A real locale is left alone.
    """
    effective = next(
        (environ[name] for name in ("LC_ALL", "LC_CTYPE", "LANG") if environ.get(name)), "C"
    )
    if effective in ("C", "POSIX"):
        environ["LC_ALL" if environ.get("LC_ALL") else "LC_CTYPE"] = "C.UTF-8"


def first_window_size(available: QSize, preferred: QSize = PREFERRED_SIZE) -> QSize:
    """The preferred size, shrunk to ``SCREEN_SHARE`` of the available screen where that is less."""
    return QSize(
        min(preferred.width(), int(available.width() * SCREEN_SHARE)),
        min(preferred.height(), int(available.height() * SCREEN_SHARE)),
    )


def fit_to_screen(window: QWidget) -> None:
    """Size the first window for its screen and centre it there, so no part starts off screen.

    A window's minimum size still wins on a screen smaller than it.
    """
    area = window.screen().availableGeometry()
    window.resize(first_window_size(area.size()))
    window.move(
        area.x() + max(0, (area.width() - window.width()) // 2),
        area.y() + max(0, (area.height() - window.height()) // 2),
    )


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
    problem = display_problem(os.environ, args, sys.platform)
    if problem is not None:
        sys.stderr.write(problem + "\n")
        return NO_DISPLAY_STATUS
    use_utf8_locale(os.environ)
    app = make_app(args)
    from gui.main_window import MainWindow

    window = MainWindow()
    fit_to_screen(window)
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
        self.times: dict[str, float | int | list[str] | list[int]] = {}

    def shown(self, waiting: bool) -> None:
        self.times["shown"] = time.time()
        # Where the window landed, frame included, and the screen it had: the small-screen check.
        frame = self.window.frameGeometry()
        area = self.window.screen().availableGeometry()
        self.times["window"] = [frame.x(), frame.y(), frame.width(), frame.height()]
        self.times["screen"] = [area.x(), area.y(), area.width(), area.height()]
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
