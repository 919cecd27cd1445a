"""Start the desktop app: ``timeweave-gui [FILES...]`` or ``python -m gui [FILES...]``.

Only Qt and the light core modules are imported here; the pipeline (spaCy, dateparser,
pandas) loads on the worker thread when the first document is analysed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from timeweave import __version__


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

    def after_shown() -> None:
        if not window.offer_recovery() and files:
            window.open_files(files)

    QTimer.singleShot(0, after_shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
